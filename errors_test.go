package digest

import (
	"encoding/json"
	"errors"
	"fmt"
	"go/ast"
	goparser "go/parser"
	"go/token"
	"math/rand/v2"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestErrorWithPositionWithoutSource checks that an error with no source
// line, as ErrorList.Add makes, is shown alone, without an empty line and
// a caret in the wrong place.
func TestErrorWithPositionWithoutSource(t *testing.T) {
	var list ErrorList
	list.Add(3, 6, errors.New("custom"))
	if got, want := list[0].ErrorWithPosition(), "3:6: custom"; got != want {
		t.Errorf("ErrorWithPosition = %q, want %q", got, want)
	}
}

// TestErrorWithPositionColumnChanged checks that a Column set by hand to
// 0 or less, as the field is exported, puts the caret at the line's start.
func TestErrorWithPositionColumnChanged(t *testing.T) {
	_, err := Parse([]byte("Titre\x01\nSUMMARY\n"))
	var list ErrorList
	if !errors.As(err, &list) || len(list) != 1 {
		t.Fatalf("Parse gives %v, want one error", err)
	}
	for _, col := range []int{0, -3} {
		e := *list[0]
		e.Column = col
		lines := strings.Split(e.ErrorWithPosition(), "\n")
		if got, want := lines[len(lines)-1], "  | ^"; got != want {
			t.Errorf("Column %d: the caret line is %q, want %q", col, got, want)
		}
	}
}

// TestErrorCount checks the count that the Error of a list gives: every
// error after the first, those that a list cut at DefaultMaxErrors does
// not hold included.
func TestErrorCount(t *testing.T) {
	t.Run("ErrorList", func(t *testing.T) {
		if got := (ErrorList{}).Error(); got != "no errors" {
			t.Errorf("empty list = %q", got)
		}
		for _, lines := range []int{1, 2, DefaultMaxErrors, DefaultMaxErrors + 1, 24} {
			// A control character on the title line and on each summary
			// line: lines+1 errors.
			text := "T\x01\nSUMMARY\n" + strings.Repeat("S\x01\n", lines)
			_, err := Parse([]byte(text))
			var all ErrorList
			if _, e := (&Parser{AllErrors: true}).Parse([]byte(text)); !errors.As(e, &all) || len(all) != lines+1 {
				t.Fatalf("%d lines: AllErrors gives %v, want %d errors", lines, e, lines+1)
			}
			want := fmt.Sprintf("1:2: control character U+0001 (and %d more errors)", len(all)-1)
			if len(all) == 2 {
				want = "1:2: control character U+0001 (and 1 more error)"
			}
			if err == nil || err.Error() != want {
				t.Errorf("%d lines: Error() = %v, want %q", lines, err, want)
			}
		}
	})
	t.Run("ErrorList grown and rebuilt", func(t *testing.T) {
		// 21 errors: the list holds 10 and one that counts 11.
		text := "T\x01\nSUMMARY\n" + strings.Repeat("S\x01\n", 20)
		_, err := Parse([]byte(text))
		var list ErrorList
		if !errors.As(err, &list) || len(list) != DefaultMaxErrors+1 {
			t.Fatalf("Parse gives %v", err)
		}
		// An error added after the count entry: one that Sort leaves there.
		grown := append(slices.Clone(list), &ParseError{Line: 100, Column: 1, Err: errors.New("my own check")})
		last := list[len(list)-1]
		rebuilt := ErrorList{list[0], {Line: last.Line, Column: last.Column, Err: fmt.Errorf("context: %w", last.Err)}}
		for _, tt := range []struct {
			name string
			list ErrorList
			more int
		}{
			{"with one more error", grown, 21},
			{"its count wrapped", rebuilt, 11},
		} {
			if want := fmt.Sprintf(" (and %d more errors)", tt.more); !strings.HasSuffix(tt.list.Error(), want) {
				t.Errorf("%s: Error() = %q, want it to end with %q", tt.name, tt.list.Error(), want)
			}
		}
	})
	t.Run("ValidationErrors", func(t *testing.T) {
		for _, keywords := range []int{0, 1, 25} {
			// No title, no summary, and empty keywords: keywords+2 errors.
			err := Validate(&Digest{Keywords: make([]string, keywords)})
			want := fmt.Sprintf(" (and %d more errors)", keywords+1)
			if keywords == 0 {
				want = " (and 1 more error)"
			}
			if err == nil || !strings.HasSuffix(err.Error(), want) {
				t.Errorf("%d empty keywords: Error() = %v, want it to end with %q", keywords, err, want)
			}
		}
	})
}

// TestExcerptInvisible checks that a message's quotation escapes the
// invisible characters that strconv.Quote shows as they are, but not
// U+FE0F, which is part of many emoji, and no others.
func TestExcerptInvisible(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"🏛\uFE0E Organization", `"🏛\ufe0e Organization"`},
		{"🏛\uFE0F Organization", "\"🏛\uFE0F Organization\""},
		{"a\u034Fb", `"a\u034fb"`},                     // COMBINING GRAPHEME JOINER
		{"x\U000E0100y\u180B", `"x\U000e0100y\u180b"`}, // variation selectors
		{"\u3164", `"\u3164"`},                         // HANGUL FILLER
		{"a\u202Eb", `"a\u202eb"`},                     // escaped by strconv.Quote already
		{"\xff\u034F", `"\xff\u034f"`},
		{"e\u0301 ü ك", "\"e\u0301 ü ك\""}, // visible marks and letters stay
		{strings.Repeat("a", 39) + "\uFE0E" + "b", `"` + strings.Repeat("a", 39) + `\ufe0e"…`},
	} {
		if got := excerpt(c.in); got != c.want {
			t.Errorf("excerpt(%+q) = %s, want %s", c.in, got, c.want)
		}
	}
}

// TestErrorWithPositionShown checks how the source line shows what cannot
// be shown as it is: the bidirectional controls as U+FFFD, as shown as
// they are a right-to-left override would show the rest of the line
// reversed; and a tab, white space that a line may hold, as a space, not
// as U+FFFD as a control character is.
func TestErrorWithPositionShown(t *testing.T) {
	for _, tt := range []struct{ text, want string }{
		{
			"T\nMENTIONED ENTITIES\nA\n👤\u202EPerson_Male\u202C d\n",
			"4:5: type line without type name: \"👤\\u202ePerson_Male\\u202c d\"\n" +
				"  |\n" +
				"4 | 👤\uFFFDPerson_Male\uFFFD d\n" +
				"  |   ^",
		},
		{
			"\tTitre\tdu\x07jour\n",
			"1:10: control character U+0007\n" +
				"  |\n" +
				"1 |  Titre du\uFFFDjour\n" +
				"  |          ^",
		},
	} {
		_, err := Parse([]byte(tt.text))
		var list ErrorList
		if !errors.As(err, &list) || len(list) != 1 {
			t.Fatalf("Parse(%q) = %v, want one error", tt.text, err)
		}
		if got := list[0].ErrorWithPosition(); got != tt.want {
			t.Errorf("ErrorWithPosition:\n%s\nwant:\n%s", got, tt.want)
		}
	}
}

// TestErrorWithPositionLine checks the line that ErrorWithPosition shows
// under the error of a title line: cut to 60 characters on either side of
// the column, with "…" where it is cut, the caret past the first "…";
// control characters, U+0080 to U+009F and DEL as U+FFFD, other
// characters as they are.
func TestErrorWithPositionLine(t *testing.T) {
	a, b := strings.Repeat("a", 60), strings.Repeat("b", 59)
	for _, tt := range []struct {
		line, want string
		caret      int
	}{
		{a + "aaaaaaaaaa\x07b", "…" + a + "\uFFFDb", 61},
		{a + "a\x07", "…" + a + "\uFFFD", 61},
		{a + "\x07", a + "\uFFFD", 60},
		{"\x07" + b + "bbbbbbbbbbb", "\uFFFD" + b + "…", 0},
		{"\x07" + b + "b", "\uFFFD" + b + "…", 0},
		{"\x07" + b, "\uFFFD" + b, 0},
		{"a\x7fb\x07", "a\uFFFDb\uFFFD", 1},
		{"a\u0090b\x07", "a\uFFFDb\uFFFD", 1},
		{"a\u0080b\x07", "a\uFFFDb\uFFFD", 1},
		{"a\x1fb\x07", "a\uFFFDb\uFFFD", 1},
		{"a\u009fb\x07", "a\uFFFDb\uFFFD", 1},
		{"a\u00a0b\x07", "a\u00a0b\uFFFD", 3},
		// 60 characters, not bytes, on either side.
		{strings.Repeat("é", 70) + "\x07", "…" + strings.Repeat("é", 60) + "\uFFFD", 61},
		{"\x07" + strings.Repeat("é", 70), "\uFFFD" + strings.Repeat("é", 59) + "…", 0},
	} {
		text := tt.line + "\nSUMMARY\n"
		_, err := Parse([]byte(text))
		var list ErrorList
		if !errors.As(err, &list) || !errors.Is(list[0], ErrControlChar) {
			t.Fatalf("Parse(%q) = %v, want a control character first", text, err)
		}
		want := []string{list[0].Error(), "  |", "1 | " + tt.want, "  | " + strings.Repeat(" ", tt.caret) + "^"}
		if diff := cmp.Diff(want, strings.Split(list[0].ErrorWithPosition(), "\n")); diff != "" {
			t.Errorf("ErrorWithPosition for %q (-want +got):\n%s", tt.line, diff)
		}
	}
}

// TestErrorListErr checks that Err gives nil for an empty list, nil or
// not, and the whole list otherwise.
func TestErrorListErr(t *testing.T) {
	var l ErrorList
	if err := l.Err(); err != nil {
		t.Errorf("nil list: Err() = %v, want nil", err)
	}
	if err := make(ErrorList, 0, 4).Err(); err != nil {
		t.Errorf("empty list with room: Err() = %v, want nil", err)
	}
	l.Add(1, 2, ErrControlChar)
	if err := l.Err(); err == nil || err.Error() != "1:2: control character" || !errors.Is(err, ErrControlChar) {
		t.Errorf("one error: Err() = %v, want 1:2: control character", err)
	}
	l.Add(3, 1, ErrDuplicateSection)
	err := l.Err()
	if got, ok := err.(ErrorList); !ok || len(got) != 2 || !errors.Is(err, ErrDuplicateSection) {
		t.Errorf("two errors: Err() = %v, want both", err)
	}
	if want := "1:2: control character (and 1 more error)"; err == nil || err.Error() != want {
		t.Errorf("two errors: Err() = %v, want %s", err, want)
	}
}

// TestErrorWithPositionEmoji checks where the caret stands after emoji
// made of several characters, which a terminal that knows them shows two
// columns wide, after the characters that look like them but are not,
// after other characters that join, Hangul letters in NFD, and after
// format characters, seen or not, as glibc's wcwidth counts them.
func TestErrorWithPositionEmoji(t *testing.T) {
	for _, c := range []struct {
		name, before string
		width        int // of before, in columns
	}{
		{"emoji", "👤", 2},
		{"emoji with U+FE0F", "🏛\ufe0f", 2},
		{"symbol with U+FE0F", "❤\ufe0f", 2},
		{"keycap", "1\ufe0f\u20e3", 2},
		{"family, joined", "👨\u200d👩\u200d👧", 2},
		{"couple, a symbol joined", "👨\u200d❤\ufe0f\u200d👨", 2},
		{"joined after U+FE0F", "❤\ufe0f\u200d🔥", 2},
		{"skin tone", "👍🏽", 2},
		{"flag", "🇫🇷", 2},
		{"flag and a lone regional indicator", "🇫🇷🇩", 3},
		{"emoji not shown as emoji by default", "🏛", 1},
		{"symbol with U+FE0F in the emoji blocks", "🌡\ufe0f", 2},
		{"mahjong tile shown as emoji", "🀄", 2},
		{"mahjong tile shown as text", "🀀", 1},
		{"soft hyphen", "r\u00e9\u00adsu", 5},
		{"Arabic number sign", "\u0600١٢", 3},
		{"zero width space", "a\u200bb", 2},
		{"two flags", "🇫🇷🇩🇪", 4},
		{"joiner after a letter", "a\u200d👩", 3},
		{"joiner in Devanagari", "क्\u200dष", 2},
		{"skin tone alone", "a🏽", 3},
		{"wide letters", "日本", 4},
		{"Hangul in NFD", "\u1100\u1161\u11a8\ud7b0", 2}, // 각 and a vowel
		{"Hangul in NFC", "각", 2},
		{"Hangul in NFD, the last final consonant", "\u1100\u1161\u11ff", 2},
		{"Hangul in NFD, the vowel filler", "\u1100\u1160", 2},
		{"wide emoji with U+FE0F", "👤\ufe0f", 2},
		{"U+FE0F twice", "❤\ufe0f\ufe0f", 2},
		{"punctuation with U+FE0F", "‼\ufe0f", 2},
		{"letter with U+FE0F", "ℹ\ufe0f", 2},
		{"math symbol with U+FE0F", "⤴\ufe0f", 2},
		{"wavy dash with U+FE0F", "〰\ufe0f", 2},
		{"part alternation mark with U+FE0F, joined", "〽\ufe0f\u200d👤", 2},
		{"plus sign with U+FE0F", "+\ufe0f", 1},
		{"skin tone after an emoji shown as text by default", "🖐🏻", 2},
		{"skin tone after U+FE0F", "🖐\ufe0f🏻", 2},
		{"detective, a skin tone, joined to a symbol", "🕵🏽\u200d♂\ufe0f", 2},
		{"U+FE0F after a letter", "a\ufe0f", 1},
		{"the last skin tone", "👋🏿", 2},
		{"the first skin tone", "👍🏻", 2},
		{"keycap 0", "0\ufe0f\u20e3", 2},
		{"keycap base '*' with U+FE0F", "*\ufe0f", 2},
		{"keycap '#'", "#\ufe0f\u20e3", 2},
		{"fullwidth letter", "Ａ", 2},
	} {
		t.Run(c.name, func(t *testing.T) {
			checkCaret(t, c.before+" x\x01y\nSUMMARY\n", 0, c.width+2)
		})
	}
	// A character shown as U+FFFD, here a control character, is no
	// symbol: nothing joins it. The caret is that of the second error.
	for _, c := range []struct {
		before string
		width  int
	}{
		{"\x01🏽", 3},
		{"👨\u200d\x01", 3},
		{"\x01\ufe0f", 1},
	} {
		checkCaret(t, c.before+" x\x02y\nSUMMARY\n", 1, c.width+2)
	}
}

// checkCaret checks that the caret of ErrorWithPosition for the error n of
// Parse(text), a control character, stands col columns into the line.
func checkCaret(t *testing.T, text string, n, col int) {
	t.Helper()
	_, err := Parse([]byte(text))
	var list ErrorList
	if !errors.As(err, &list) || len(list) != n+1 || !errors.Is(list[n], ErrControlChar) {
		t.Fatalf("Parse(%q) = %v, want %d errors, a control character last", text, err, n+1)
	}
	lines := strings.Split(list[n].ErrorWithPosition(), "\n")
	if got, want := lines[len(lines)-1], "  | "+strings.Repeat(" ", col)+"^"; got != want {
		t.Errorf("ErrorWithPosition of error %d of %q ends\n%s\nwant\n%s", n, text, got, want)
	}
}

// sentinelsOf returns the sentinels of problemSentinels that errors.Is
// finds in err, in that order.
func sentinelsOf(err error) []error {
	var s []error
	for _, e := range problemSentinels {
		if errors.Is(err, e) {
			s = append(s, e)
		}
	}
	return s
}

// shownSentinels returns the sentinels that the errors of a list find,
// the last, which counts those not shown, left out.
func shownSentinels(list []error) []error {
	return sentinelsOf(errors.Join(list[:len(list)-1]...))
}

// sameSentinels checks that errors.Is finds the same sentinels in err, a
// list that may be cut, as in all, the whole list, of what call returned.
// It reports whether err has sentinels that only its last error finds.
func sameSentinels(t *testing.T, call string, err, all error) (hiddenOnly bool) {
	t.Helper()
	got, want := sentinelsOf(err), sentinelsOf(all)
	if !slices.Equal(got, want) {
		t.Fatalf("%s: errors.Is finds %v, in the whole list %v", call, got, want)
	}
	list, ok := err.(interface{ Unwrap() []error })
	return ok && len(list.Unwrap()) > DefaultMaxErrors && len(shownSentinels(list.Unwrap())) < len(got)
}

// checkHiddenOnly checks that err, from call, is a list cut at
// DefaultMaxErrors that finds want, though none of the errors it shows
// does.
func checkHiddenOnly(t *testing.T, call string, err, want error) {
	t.Helper()
	list, ok := err.(interface{ Unwrap() []error })
	if !ok || len(list.Unwrap()) != DefaultMaxErrors+1 {
		t.Fatalf("%s gives %v, want a list cut at %d", call, err, DefaultMaxErrors)
	}
	if slices.Contains(shownSentinels(list.Unwrap()), want) {
		t.Fatalf("%s: the errors shown find %v: the case tests nothing", call, want)
	}
	if !errors.Is(err, want) {
		t.Errorf("%s: errors.Is(err, %v) is false; the list is\n%v", call, want, err)
	}
}

// TestHiddenSentinels checks that the error ending a list cut at
// DefaultMaxErrors wraps the sentinels of the problems it counts, so that
// errors.Is answers for a cut list as it does for the whole list; and that
// the inputs tried cut lists with sentinels that only the last error has.
func TestHiddenSentinels(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 11))
	t.Run("Parse", func(t *testing.T) {
		lines := []string{
			"Titre", "Sous-titre", "SUMMARY", "KEY HIGHLIGHTS", "CORE SUBJECT", "KEYWORDS",
			"MENTIONED ENTITIES 3", "MENTIONED ENTITIES", "- point", "a, b", "Nom",
			"👤 Person_Male Description", "👤", "🏛️ Organization", "x\x01y", "\xffz",
			"\u0085", "", " ", "e\u0301", "Phrase.",
		}
		hiddenOnly := 0
		for range 3000 {
			var b strings.Builder
			for range r.IntN(60) {
				b.WriteString(lines[r.IntN(len(lines))])
				b.WriteByte('\n')
			}
			text := []byte(b.String())
			_, err := Parse(text)
			_, all := (&Parser{AllErrors: true}).Parse(text)
			if checkCutList(t, fmt.Sprintf("Parse(%q)", text), err, all) {
				hiddenOnly++
			}
		}
		if hiddenOnly < 100 {
			t.Errorf("only %d inputs had a sentinel that no error shown has", hiddenOnly)
		}
		// The lexer keeps the first problems it finds, as many as are
		// shown, and counts the others: the next one here is of the other
		// kind.
		for _, tt := range []struct {
			repeated, next string
			want           error
		}{
			{"\xff\n", "\x01\n", ErrControlChar},
			{"\x01\n", "\xff\n", ErrInvalidUTF8},
		} {
			text := "T\n" + strings.Repeat(tt.repeated, DefaultMaxErrors) + tt.next
			_, err := Parse([]byte(text))
			checkHiddenOnly(t, fmt.Sprintf("Parse(%q)", text), err, tt.want)
		}
	})
	t.Run("Validate", func(t *testing.T) {
		digest := manyProblemsDigest(r)
		hiddenOnly := 0
		for range 3000 {
			d := digest()
			err := Validate(d)
			all := (&Parser{AllErrors: true}).Validate(d)
			if checkCutList(t, fmt.Sprintf("Validate(%#v)", d), err, all) {
				hiddenOnly++
			}
		}
		if hiddenOnly < 100 {
			t.Errorf("only %d digests had a sentinel that no error shown has", hiddenOnly)
		}
		// Past the problems shown, a text that NFC changes only by
		// inserting U+034F, and one that NFC changes otherwise.
		for _, tt := range []struct {
			title string
			want  error
		}{
			{"x" + strings.Repeat("\u0301", 31), ErrNotRoundTrip},
			{"Cafe\u0301", ErrNotNFC},
		} {
			d := &Digest{Title: tt.title, Summary: "S", Keywords: make([]string, DefaultMaxErrors+1)}
			checkHiddenOnly(t, fmt.Sprintf("Validate(title %+q)", tt.title), Validate(d), tt.want)
		}
	})
	t.Run("joined", func(t *testing.T) {
		// A problem that wraps two sentinels with errors.Join, as an
		// invalid JSON token that is not UTF-8 does; and one that wraps
		// a join of one.
		var h hidden
		h.add(relabeled{"m", errors.Join(errors.New("syntax"), ErrInvalidUTF8, ErrSchema)})
		h.add(fmt.Errorf("context: %w", errors.Join(ErrEmpty)))
		if want := (hidden{ErrInvalidUTF8, ErrSchema, ErrEmpty}); !slices.Equal(h, want) {
			t.Errorf("hidden = %v, want %v", h, want)
		}
	})
	t.Run("ValidateJSON", func(t *testing.T) {
		dups := func(n int) string { // an object of n duplicate keys
			var b strings.Builder
			for i := range n {
				fmt.Fprintf(&b, `"k%02d":1,"k%02d":1,`, i, i)
			}
			return "{" + strings.TrimSuffix(b.String(), ",") + "}"
		}
		for _, tt := range []struct {
			name, doc string
			want      error // found only past the errors shown
		}{
			{
				"decoding: a lone surrogate in a value past the problems kept",
				`{"a":` + dups(12) + `,"b":{"k":1,"k":1,"s":"\ud800"}}`,
				ErrInvalidUTF8,
			},
			{
				"decoding: a lone surrogate kept, then put out by duplicate keys before it",
				`{"z":"\ud800","a":` + dups(12) + `}`,
				ErrInvalidUTF8,
			},
			{
				"decoding: a lone surrogate, the 11th problem",
				`{"a":` + dups(10) + `,"b":"\ud800"}`,
				ErrInvalidUTF8,
			},
			{
				"decoding: duplicate keys, then bytes that are not UTF-8",
				strings.TrimSuffix(dups(11), "}") + `,"z":"` + "\xff" + `"}`,
				ErrInvalidUTF8,
			},
			{
				"schema: keys not allowed, then an empty keyword",
				jsonWith("{", "{"+extraMembers(11)+",", `"keywords":[]`, `"keywords":[""]`),
				ErrEmpty,
			},
			{
				"schema: past the first 10 by pointer, an empty title",
				jsonWith(`"title":"T"`, `"title":""`, `"keywords":[]`, `"keywords":[1,2,3,4,5,6,7,8,9,10,11,12,13,14]`),
				ErrEmpty,
			},
			{
				"schema: empty keywords past the problems kept of their list",
				jsonWith(`"keywords":[]`, `"keywords":[1,1,1,1,1,1,1,1,1,1,1,1,"",""]`),
				ErrEmpty,
			},
		} {
			t.Run(tt.name, func(t *testing.T) {
				_, err := ValidateJSON([]byte(tt.doc))
				checkHiddenOnly(t, "ValidateJSON", err, tt.want)
			})
		}
	})
}

// TestErrorListSamePosition checks the order that ErrorList's doc gives
// to errors at one position: the line's place in the digest, then its
// bytes; with AllErrors or not.
func TestErrorListSamePosition(t *testing.T) {
	text := []byte("T\nSUMMARY\nS\nMENTIONED ENTITIES 1\n\x01Name\n")
	for _, p := range []*Parser{{}, {AllErrors: true}} {
		_, err := p.Parse(text)
		var list ErrorList
		if !errors.As(err, &list) || len(list) != 2 {
			t.Fatalf("Parse gives %v, want two errors", err)
		}
		if list[0].Line != list[1].Line || list[0].Column != list[1].Column ||
			!errors.Is(list[0], ErrMissingType) || !errors.Is(list[1], ErrControlChar) {
			t.Errorf("AllErrors %v: got %v, then %v; want the missing type line, then the control character, at 5:1", p.AllErrors, list[0], list[1])
		}
	}
}

// TestProblemSentinelsComplete checks that problemSentinels, the list of
// sentinels that the error ending a cut list can wrap, and that the tests
// of it look for, names every exported Err variable of the package but
// ErrTooManyErrors: one left out would be dropped from that error, and no
// test that looks through the list would see it.
func TestProblemSentinelsComplete(t *testing.T) {
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	var declared, listed []string
	fset := token.NewFileSet()
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := goparser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		for _, decl := range f.Decls {
			gen, ok := decl.(*ast.GenDecl)
			if !ok || gen.Tok != token.VAR {
				continue
			}
			for _, spec := range gen.Specs {
				vs := spec.(*ast.ValueSpec)
				for i, id := range vs.Names {
					if strings.HasPrefix(id.Name, "Err") && id.IsExported() && id.Name != "ErrTooManyErrors" {
						declared = append(declared, id.Name)
					}
					if id.Name == "problemSentinels" {
						for _, elt := range vs.Values[i].(*ast.CompositeLit).Elts {
							listed = append(listed, elt.(*ast.Ident).Name)
						}
					}
				}
			}
		}
	}
	slices.Sort(declared)
	slices.Sort(listed)
	if len(declared) < 19 || !slices.Equal(declared, listed) {
		t.Errorf("problemSentinels lists\n%v\nthe package declares\n%v", listed, declared)
	}
}

// checkCutList checks that cut, the errors of call by default, are the
// first DefaultMaxErrors of all, those it gives with Parser.AllErrors,
// then one that counts the others, at the next one's pointer or position
// (with its source line, for a ParseError), and finds with errors.Is what
// all does (sameSentinels, whose result it returns).
func checkCutList(t *testing.T, call string, cut, all error) (hiddenOnly bool) {
	t.Helper()
	text := func(e error) string {
		if pe, ok := e.(*ParseError); ok {
			return pe.ErrorWithPosition() // the source line too
		}
		return e.Error()
	}
	lines := func(err error) []string {
		var s []string
		if list, ok := err.(interface{ Unwrap() []error }); ok {
			for _, e := range list.Unwrap() {
				s = append(s, text(e))
			}
		} else if err != nil {
			s = append(s, text(err))
		}
		return s
	}
	got, whole := lines(cut), lines(all)
	if len(whole) <= DefaultMaxErrors {
		if !slices.Equal(got, whole) {
			t.Fatalf("%s: the errors differ from those with AllErrors:\n%q\n%q", call, got, whole)
		}
		return false
	}
	if len(got) != DefaultMaxErrors+1 || !slices.Equal(got[:DefaultMaxErrors], whole[:DefaultMaxErrors]) {
		t.Fatalf("%s: the errors are not the first %d of those with AllErrors:\n%q\n%q", call, DefaultMaxErrors, got, whole[:DefaultMaxErrors])
	}
	// The last error stands where the first not shown does.
	more := fmt.Errorf("too many errors: %d more not shown", len(whole)-DefaultMaxErrors)
	var want error
	switch next := all.(interface{ Unwrap() []error }).Unwrap()[DefaultMaxErrors].(type) {
	case *ParseError:
		want = &ParseError{Line: next.Line, Column: next.Column, source: next.source, Err: more}
	case *ValidationError:
		want = &ValidationError{Pointer: next.Pointer, Err: more}
	default:
		t.Fatalf("%s: error %T", call, next)
	}
	if last := got[DefaultMaxErrors]; last != text(want) {
		t.Fatalf("%s: the last error is %q, want %q, where %q stands", call, last, want, whole[DefaultMaxErrors])
	}
	// It wraps each sentinel once, however many problems it counts.
	var ns *notShown
	if !errors.As(cut.(interface{ Unwrap() []error }).Unwrap()[DefaultMaxErrors], &ns) {
		t.Fatalf("%s: the last error does not wrap a *notShown", call)
	}
	seen := map[error]bool{}
	for _, e := range ns.errs {
		if seen[e] {
			t.Fatalf("%s: the last error wraps %v twice: %v", call, e, ns.errs)
		}
		seen[e] = true
	}
	return sameSentinels(t, call, cut, all)
}

// manyProblemsDigest returns a function that returns random digests
// (randomDigest) with up to 20 more keywords, which often have more
// problems than a list shows.
func manyProblemsDigest(r *rand.Rand) func() *Digest {
	digest, text := randomDigest(r), randomText(r)
	return func() *Digest {
		d := digest()
		for range r.IntN(20) {
			d.Keywords = append(d.Keywords, text())
		}
		return d
	}
}

// TestValidateJSONAllErrors checks that ValidateJSON reports by default
// the first DefaultMaxErrors of the errors it reports with
// Parser.AllErrors, then one that counts the others (checkCutList), on the
// JSON of random digests with keys not allowed, values of the wrong type
// and problems that only Validate finds; and that AllErrors leaves the
// problems of decoding (keys twice, bytes that are not UTF-8) as they are.
// TestHiddenSentinels checks the same of Parse and Validate.
func TestValidateJSONAllErrors(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 8))
	digest := manyProblemsDigest(r)
	cut := 0
	for range 2000 {
		d := digest()
		if r.IntN(4) == 0 {
			// Problems that only Validate finds, not the schema.
			d = &Digest{Title: "T", Summary: "S", Keywords: slices.Repeat([]string{"k"}, 1+r.IntN(20))}
		}
		js, err := json.Marshal(d)
		if err != nil {
			t.Fatal(err)
		}
		// Problems of decoding, which alone are reported when there are
		// any, and which AllErrors leaves cut; or of the schema, or of
		// Validate only.
		doc := string(js)
		insert := func(at, s string) { doc = strings.Replace(doc, at, at+s, 1) }
		switch r.IntN(3) {
		case 0:
			for range 1 + r.IntN(15) {
				switch r.IntN(3) {
				case 0:
					insert(`{`, `"title":"again",`)
				case 1:
					insert(`"core_subject":{`, `"heading":"again",`)
				case 2:
					insert(`"summary":"`, "\xff")
				}
			}
		case 1:
			for range 1 + r.IntN(15) {
				switch r.IntN(3) {
				case 0:
					for range r.IntN(15) {
						insert(`{`, fmt.Sprintf(`"x%d":1,`, r.IntN(1000)))
					}
				case 1:
					insert(`"keywords":[`, `1,true,null,{},`)
				case 2:
					insert(`"highlights":[`, `"",`)
				}
			}
		}
		_, err = ValidateJSON([]byte(doc))
		checkValidateJSONAllErrors(t, []byte(doc), err)
		if _, errs := decodeJSON([]byte(doc)); errs == nil && errors.Is(err, ErrTooManyErrors) {
			cut++
		}
	}
	if cut < 300 {
		t.Errorf("only %d lists were cut", cut)
	}
}
