package lex

import (
	"fmt"
	"math/rand/v2"
	"reflect"
	"runtime"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
	"unsafe"
	"weak"

	"golang.org/x/text/unicode/norm"
)

// lines returns every line that a new Lexer reads from src, and the
// problems it found.
func lines(src string) ([]Line, []Problem) { return lexLines(New(src)) }

// lexLines reads all of l's lines, and returns them with its problems.
func lexLines(l *Lexer) ([]Line, []Problem) {
	var got []Line
	for {
		ln, ok := l.Next()
		if !ok {
			return got, l.Problems
		}
		got = append(got, ln)
	}
}

// texts returns the Text of each line.
func texts(ls []Line) []string {
	var s []string
	for _, ln := range ls {
		s = append(s, ln.Text)
	}
	return s
}

// TestNextBreaks checks FORMAT.md §1.2: the six line breaks, CRLF read as
// one, no line after a final break, and no line at all for empty input.
func TestNextBreaks(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want []Line
	}{
		{"empty", "", nil},
		{"no break", "a", []Line{{1, 1, "a", "a"}}},
		{"LF", "a\nb", []Line{{1, 1, "a", "a"}, {2, 1, "b", "b"}}},
		{"CRLF", "a\r\nb", []Line{{1, 1, "a", "a"}, {2, 1, "b", "b"}}},
		{"CR", "a\rb", []Line{{1, 1, "a", "a"}, {2, 1, "b", "b"}}},
		{"NEL", "a\u0085b", []Line{{1, 1, "a", "a"}, {2, 1, "b", "b"}}},
		{"LS", "a\u2028b", []Line{{1, 1, "a", "a"}, {2, 1, "b", "b"}}},
		{"PS", "a\u2029b", []Line{{1, 1, "a", "a"}, {2, 1, "b", "b"}}},
		{"final LF", "a\n", []Line{{1, 1, "a", "a"}}},
		{"final CRLF", "a\r\n", []Line{{1, 1, "a", "a"}}},
		{"final CR", "a\r", []Line{{1, 1, "a", "a"}}},
		{"final NEL", "a\u0085", []Line{{1, 1, "a", "a"}}},
		{"final LS", "a\u2028", []Line{{1, 1, "a", "a"}}},
		{"final PS", "a\u2029", []Line{{1, 1, "a", "a"}}},
		{"only LF", "\n", []Line{{1, 1, "", ""}}},
		{"only CRLF", "\r\n", []Line{{1, 1, "", ""}}},
		{"two LF", "\n\n", []Line{{1, 1, "", ""}, {2, 1, "", ""}}},
		{"LF CR is two breaks", "a\n\rb", []Line{{1, 1, "a", "a"}, {2, 1, "", ""}, {3, 1, "b", "b"}}},
		{"CR CRLF", "a\r\r\nb", []Line{{1, 1, "a", "a"}, {2, 1, "", ""}, {3, 1, "b", "b"}}},
		{"CRLF LF", "a\r\n\nb", []Line{{1, 1, "a", "a"}, {2, 1, "", ""}, {3, 1, "b", "b"}}},
		{"CR NEL", "a\r\u0085b", []Line{{1, 1, "a", "a"}, {2, 1, "", ""}, {3, 1, "b", "b"}}},
		{
			"mixed",
			"a\nb\r\nc\rd\u0085e\u2028f\u2029g",
			[]Line{{1, 1, "a", "a"}, {2, 1, "b", "b"}, {3, 1, "c", "c"}, {4, 1, "d", "d"}, {5, 1, "e", "e"}, {6, 1, "f", "f"}, {7, 1, "g", "g"}},
		},
		{
			"blank lines between",
			"a\n\n  \n\u00A0\r\nb\n",
			[]Line{{1, 1, "a", "a"}, {2, 1, "", ""}, {3, 3, "  ", ""}, {4, 3, "\u00A0", ""}, {5, 1, "b", "b"}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, probs := lines(tt.src)
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("lines(%q):\n got %#v\nwant %#v", tt.src, got, tt.want)
			}
			if len(probs) != 0 {
				t.Errorf("lines(%q): problems %v, want none", tt.src, probs)
			}
		})
	}
}

// TestNextAfterEnd checks that Next keeps returning false at the end.
func TestNextAfterEnd(t *testing.T) {
	l := New("a\n")
	if _, ok := l.Next(); !ok {
		t.Fatal("Next: no first line")
	}
	for i := range 3 {
		if ln, ok := l.Next(); ok {
			t.Fatalf("Next call %d after the end = %#v, true", i+1, ln)
		}
	}
}

// TestNextColumns checks Line.Col, the 1-based byte column of the first
// character kept, and Line.Raw.
func TestNextColumns(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want Line
	}{
		{"no white space", "abc", Line{1, 1, "abc", "abc"}},
		{"two spaces", "  abc", Line{1, 3, "  abc", "abc"}},
		{"tab", "\tabc", Line{1, 2, "\tabc", "abc"}},
		{"NBSP is two bytes", "\u00A0abc", Line{1, 3, "\u00A0abc", "abc"}},
		{"ideographic space is three bytes", "\u3000abc", Line{1, 4, "\u3000abc", "abc"}},
		{"ZWSP and space", "\u200B abc", Line{1, 5, "\u200B abc", "abc"}},
		{"trailing white space does not move Col", "abc  ", Line{1, 1, "abc  ", "abc"}},
		{"multi-byte first character", "  été", Line{1, 3, "  été", "été"}},
		{"blank line", "   ", Line{1, 4, "   ", ""}},
		{"empty line", "\n", Line{1, 1, "", ""}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, _ := lines(tt.src)
			if len(got) == 0 || got[0] != tt.want {
				t.Errorf("lines(%q)[0] = %#v, want %#v", tt.src, got, tt.want)
			}
		})
	}
}

// TestNextLineNumbers checks numbering and columns past the first line.
func TestNextLineNumbers(t *testing.T) {
	src := "one\r\n  two\n\n\tthree\u2028four"
	want := []Line{
		{1, 1, "one", "one"},
		{2, 3, "  two", "two"},
		{3, 1, "", ""},
		{4, 2, "\tthree", "three"},
		{5, 1, "four", "four"},
	}
	got, _ := lines(src)
	if !reflect.DeepEqual(got, want) {
		t.Errorf("lines(%q):\n got %#v\nwant %#v", src, got, want)
	}
}

// TestNextBOM checks FORMAT.md §1.1 and §1.3: a leading byte order mark is
// ignored (not in Raw, not counted in columns); elsewhere U+FEFF is trimmed
// at the ends of a line and removed inside it.
func TestNextBOM(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want []Line
	}{
		{"leading", "\uFEFFabc", []Line{{1, 1, "abc", "abc"}}},
		{"leading then white space", "\uFEFF  abc", []Line{{1, 3, "  abc", "abc"}}},
		{"only a BOM", "\uFEFF", nil},
		{"BOM and a break", "\uFEFF\n", []Line{{1, 1, "", ""}}},
		{"BOM and two lines", "\uFEFFa\r\nb", []Line{{1, 1, "a", "a"}, {2, 1, "b", "b"}}},
		{"two leading BOMs", "\uFEFF\uFEFFabc", []Line{{1, 4, "\uFEFFabc", "abc"}}},
		{"start of line 2", "a\n\uFEFFb", []Line{{1, 1, "a", "a"}, {2, 4, "\uFEFFb", "b"}}},
		{"end of line", "abc\uFEFF", []Line{{1, 1, "abc\uFEFF", "abc"}}},
		{"inside", "a\uFEFFb", []Line{{1, 1, "a\uFEFFb", "ab"}}},
		{"inside between spaces", "a \uFEFF b", []Line{{1, 1, "a \uFEFF b", "a b"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, _ := lines(tt.src)
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("lines(%q):\n got %#v\nwant %#v", tt.src, got, tt.want)
			}
		})
	}
}

// TestNextTrim checks FORMAT.md §1.3: each White_Space character and each
// listed format character is removed from both ends of a line.
func TestNextTrim(t *testing.T) {
	trimmed := []rune{
		// White_Space, except the line breaks and the controls VT and FF
		// (see TestNextControlAtEdge).
		'\t', ' ', 0x00A0, 0x1680, 0x2000, 0x2001, 0x2002, 0x2003, 0x2004,
		0x2005, 0x2006, 0x2007, 0x2008, 0x2009, 0x200A, 0x202F, 0x205F,
		0x3000,
		// The format characters of §1.3.
		0x200B, 0x200E, 0x200F, 0x202A, 0x202B, 0x202C, 0x202D, 0x202E,
		0x2060, 0x2066, 0x2067, 0x2068, 0x2069, 0xFEFF,
	}
	for _, r := range trimmed {
		t.Run(fmt.Sprintf("%U", r), func(t *testing.T) {
			// Each test line is line 2, so that a leading U+FEFF is not the
			// input's byte order mark.
			c := string(r)
			for _, line := range []string{c + "x" + c, c + c + "x y" + c + c} {
				src := "first\n" + line
				got, _ := lines(src)
				want := Line{2, len(line) - len(strings.TrimLeft(line, c)) + 1, line, strings.Trim(line, c)}
				if len(got) != 2 || got[1] != want {
					t.Errorf("lines(%+q) = %#v, want line 2 %#v", src, got, want)
				}
			}
		})
	}
	t.Run("mixed run at both ends", func(t *testing.T) {
		src := "\u200B \u00A0\u200E\u2066\tx y\u2069\t \uFEFF\u202F\u3000"
		got, _ := lines(src)
		want := Line{1, len("\u200B \u00A0\u200E\u2066\t") + 1, src, "x y"}
		if len(got) != 1 || got[0] != want {
			t.Errorf("lines(%+q) = %#v, want %#v", src, got, want)
		}
	})
	kept := []rune{
		0x200C, // ZWNJ
		0x200D, // ZWJ
		0x00AD, // soft hyphen
		0x061C, // Arabic letter mark: a bidi mark that §1.3 does not list
		0x180E, // Mongolian vowel separator, no longer White_Space
		0xFE0F, // variation selector
	}
	for _, r := range kept {
		t.Run(fmt.Sprintf("%U kept", r), func(t *testing.T) {
			src := string(r) + "x" + string(r)
			got, _ := lines(src)
			if len(got) != 1 || got[0].Text != src || got[0].Col != 1 {
				t.Errorf("lines(%+q) = %#v, want Text %+q at column 1", src, got, src)
			}
		})
	}
}

// TestNextClean checks FORMAT.md §1.5: inside a line U+200B and U+FEFF are
// removed and runs of tabs and spaces become one space; nothing else
// changes.
func TestNextClean(t *testing.T) {
	tests := []struct {
		name, src, want string
	}{
		{"ZWSP removed", "a\u200Bb", "ab"},
		{"BOM removed", "a\uFEFFb", "ab"},
		{"several removed", "a\u200B\uFEFF\u200Bb", "ab"},
		{"two spaces", "a  b", "a b"},
		{"many spaces", "a      b", "a b"},
		{"tab", "a\tb", "a b"},
		{"tabs", "a\t\t\tb", "a b"},
		{"tabs and spaces", "a \t \t b", "a b"},
		{"runs in several places", "a  b\t\tc d", "a b c d"},
		{"ZWSP inside a run of spaces", "a \u200B b", "a b"},
		{"NBSP kept", "a\u00A0b", "a\u00A0b"},
		{"NBSP is not part of a run", "a \u00A0 b", "a \u00A0 b"},
		{"narrow NBSP kept", "10\u202F%", "10\u202F%"},
		{"ideographic spaces kept", "a\u3000\u3000b", "a\u3000\u3000b"},
		{"ZWJ kept", "a\u200Db", "a\u200Db"},
		{"ZWNJ kept", "a\u200Cb", "a\u200Cb"},
		{"LRM and RLM kept", "a\u200Eb\u200Fc", "a\u200Eb\u200Fc"},
		{"bidi embedding kept", "a\u202Bb\u202Cc", "a\u202Bb\u202Cc"},
		{"bidi isolates kept", "a\u2066b\u2069c", "a\u2066b\u2069c"},
		{"word joiner kept", "a\u2060b", "a\u2060b"},
		{"single spaces untouched", "a b c", "a b c"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, _ := lines(tt.src)
			if len(got) != 1 || got[0].Text != tt.want || got[0].Raw != tt.src {
				t.Errorf("lines(%+q) = %#v, want Text %#v", tt.src, got, tt.want)
			}
		})
	}
}

// TestNextNFC checks FORMAT.md §1.6: Text is in NFC.
func TestNextNFC(t *testing.T) {
	tests := []struct {
		name, src, want string
	}{
		{"e and combining acute", "e\u0301", "é"},
		{"NFD word", "Re\u0301sume\u0301", "Résumé"},
		{"NFD after white space", "  Cafe\u0301  ", "Café"},
		{"Hangul jamo", "\u1112\u1161\u11AB\u1100\u1173\u11AF", "한글"},
		{"angstrom sign", "\u212B", "\u00C5"},
		{"ohm sign", "\u2126", "\u03A9"},
		{"en quad", "a\u2000b", "a\u2002b"},
		{"marks reordered", "a\u0301\u0323", "\u1EA1\u0301"},
		{"ZWSP between letter and mark", "e\u200B\u0301", "é"},
		{"already NFC", "Résumé", "Résumé"},
		{"emoji only", "👍 ok", "👍 ok"},
		{"emoji sequence", "👨\u200D👩\u200D👧 🏛\uFE0F", "👨\u200D👩\u200D👧 🏛\uFE0F"},
		{"punctuation", "« a » — b… “c”", "« a » — b… “c”"},
		{"mark on emoji", "👍\u0301", "👍\u0301"},
		{"mark after space", "a \u0301", "a \u0301"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, _ := lines(tt.src)
			if len(got) != 1 || got[0].Text != tt.want {
				t.Errorf("lines(%+q) = %#v, want Text %#v", tt.src, got, tt.want)
			}
		})
	}
}

// TestAlwaysNFC checks the premise of Next's NFC fast path: a line whose
// runes are all below U+0300 or accepted by AlwaysNFC is NFC without
// normalizing, because each such rune is normal, has combining class 0
// and starts a segment (does not combine with what stands before it).
func TestAlwaysNFC(t *testing.T) {
	for r := rune(0); r <= utf8.MaxRune; r++ {
		if r >= 0x300 && !AlwaysNFC(r) || !utf8.ValidRune(r) {
			continue
		}
		s := string(r)
		p := norm.NFC.PropertiesString(s)
		if !norm.NFC.IsNormalString(s) || p.CCC() != 0 || !p.BoundaryBefore() {
			t.Errorf("%U: normal %v, combining class %d, boundary before %v",
				r, norm.NFC.IsNormalString(s), p.CCC(), p.BoundaryBefore())
		}
	}
}

// nfc is Lexer.nfc on a Lexer of its own.
func nfc(s string) string {
	var l Lexer
	return l.nfc(s)
}

// TestNFC checks IsNFC and nfc, which use quickNFC, then a norm.Iter, against
// norm.NFC.String and IsNormalString on random texts of characters that
// NFC composes, reorders or splits, Hangul, long runs of marks (which NFC
// breaks with U+034F) and invalid bytes.
func TestNFC(t *testing.T) {
	pieces := []string{"a", "e", "x", " ", "é", "\u0301", "\u0323", "\u0307", "\u0345", "\u0300",
		"\u1100", "\u1161", "\u11A8", "한", "구", "\u212B", "\u0344", "\u0F73", "\u09C7", "\u09BE",
		"\u0915", "\u093C", "и", "\u0306", "\u034F", "\xff", "\xe2\x80", strings.Repeat("\u0301", 31),
		"\u0F43", "\u0FB9", "\u0F73", "\uFAD9", "\u2ADC", "E", "n", "\u0303", "\u0327", "\u0340", "\u0374",
		"\uFFFD", "\xcc", "\xcd", "\x80", "\xc3", "A", "अनुच्छेद", "न", "\u094D", "\u0941", "ก", "\u0E48",
		"\u0E38", "\u0E31", "ש", "\u05B0", "\u05B4", "\u05BC", "ا", "\u064B", "\u0650", "\u0653", "\u0654", "\u0F71",
		"\u0F72", "\u0F80", "\u0FB5", strings.Repeat("\u0E48", 14), strings.Repeat("\u05B0", 16), "\u0370"}
	r := rand.New(rand.NewPCG(1, 2))
	for range 100000 {
		var b strings.Builder
		for range r.IntN(12) {
			b.WriteString(pieces[r.IntN(len(pieces))])
		}
		s := b.String()
		if got, want := IsNFC(s), norm.NFC.IsNormalString(s); got != want {
			t.Fatalf("IsNFC(%+q) = %v, want %v", s, got, want)
		}
		if got, want := nfc(s), norm.NFC.String(s); got != want {
			t.Fatalf("nfc(%+q) = %+q, want %+q", s, got, want)
		}
	}
}

// TestNFCAfterNotNFC checks that an IsNFC or NFCAddsOnlyJoiners that
// stops midway, at a text that is not NFC, leaves nothing behind for the
// next normalization: U+0F43 and U+0FB9 decompose into two segments, which
// a norm.Iter stopped after the first still holds the second of.
func TestNFCAfterNotNFC(t *testing.T) {
	for _, bad := range []string{"\u0F43", "\u0FB9", "x\u0F43y", "Cafe\u0301"} {
		for _, s := range []string{"Cafe\u0301", "\uFAD9", "K\u212B", "x\u0301"} {
			for range 3 { // the pool may hand out another Iter
				if IsNFC(bad) {
					t.Fatalf("IsNFC(%+q) = true", bad)
				}
				if got, want := nfc(s), norm.NFC.String(s); got != want {
					t.Fatalf("after IsNFC(%+q), nfc(%+q) = %+q, want %+q", bad, s, got, want)
				}
				if NFCAddsOnlyJoiners(bad) {
					t.Fatalf("NFCAddsOnlyJoiners(%+q) = true", bad)
				}
				if got, want := nfc(s), norm.NFC.String(s); got != want {
					t.Fatalf("after NFCAddsOnlyJoiners(%+q), nfc(%+q) = %+q, want %+q", bad, s, got, want)
				}
			}
		}
	}
}

// TestNFCPoolKeepsNoText checks that the pooled norm.Iter of nfc and
// IsNFC does not keep the text it read alive, which may be the copy
// of a whole input: the text is collected at the first collection after
// it is dropped, though the pool keeps the Iter until the second.
func TestNFCPoolKeepsNoText(t *testing.T) {
	for _, c := range []struct {
		name, end string
		f         func(string)
	}{
		{"nfc", "", func(s string) { nfc(s) }},
		{"IsNFC", "", func(s string) { IsNFC(s) }},
		{"IsNFC stopped midway", "\u0F43", func(s string) { IsNFC(s) }},
		{"NFCAddsOnlyJoiners stopped midway", "\u0F43", func(s string) { NFCAddsOnlyJoiners(s) }},
	} {
		s := strings.Repeat("x\u0301", 1<<16) + c.end
		w := weak.Make(unsafe.StringData(s))
		c.f(s)
		s = ""
		runtime.GC()
		if w.Value() != nil {
			t.Errorf("%s: its text outlives a garbage collection", c.name)
		}
	}
}

// TestNextInvalidUTF8 checks FORMAT.md §1.7: bad bytes read as U+FFFD, one
// problem for each run of consecutive bad bytes.
func TestNextInvalidUTF8(t *testing.T) {
	tests := []struct {
		name  string
		src   string
		texts []string
		want  []Problem
	}{
		{
			"stray continuation byte", "a\x80b",
			[]string{"a\uFFFDb"},
			[]Problem{{Line: 1, Col: 2, Kind: InvalidUTF8, Len: 1, Raw: "a\x80b"}},
		},
		{
			"run of continuation bytes", "a\x80\xBF\x80b",
			[]string{"a\uFFFD\uFFFD\uFFFDb"},
			[]Problem{{Line: 1, Col: 2, Kind: InvalidUTF8, Len: 3, Raw: "a\x80\xBF\x80b"}},
		},
		{
			"overlong slash", "x\xC0\xAFy",
			[]string{"x\uFFFD\uFFFDy"},
			[]Problem{{Line: 1, Col: 2, Kind: InvalidUTF8, Len: 2, Raw: "x\xC0\xAFy"}},
		},
		{
			"overlong three bytes", "\xE0\x80\xAF",
			[]string{"\uFFFD\uFFFD\uFFFD"},
			[]Problem{{Line: 1, Col: 1, Kind: InvalidUTF8, Len: 3, Raw: "\xE0\x80\xAF"}},
		},
		{
			"encoded surrogate", "x\xED\xA0\x80y",
			[]string{"x\uFFFD\uFFFD\uFFFDy"},
			[]Problem{{Line: 1, Col: 2, Kind: InvalidUTF8, Len: 3, Raw: "x\xED\xA0\x80y"}},
		},
		{
			"above U+10FFFF", "\xF4\x90\x80\x80",
			[]string{"\uFFFD\uFFFD\uFFFD\uFFFD"},
			[]Problem{{Line: 1, Col: 1, Kind: InvalidUTF8, Len: 4, Raw: "\xF4\x90\x80\x80"}},
		},
		{
			"truncated at end of input", "ab\xE2\x82",
			[]string{"ab\uFFFD\uFFFD"},
			[]Problem{{Line: 1, Col: 3, Kind: InvalidUTF8, Len: 2, Raw: "ab\xE2\x82"}},
		},
		{
			"truncated before a break", "ab\xF0\x9F\x91\ncd",
			[]string{"ab\uFFFD\uFFFD\uFFFD", "cd"},
			[]Problem{{Line: 1, Col: 3, Kind: InvalidUTF8, Len: 3, Raw: "ab\xF0\x9F\x91"}},
		},
		{
			"truncated before a multi-byte character", "a\xE2\x82é",
			[]string{"a\uFFFD\uFFFDé"},
			[]Problem{{Line: 1, Col: 2, Kind: InvalidUTF8, Len: 2, Raw: "a\xE2\x82é"}},
		},
		{
			"a bad byte, then U+FFFD", "a\xff\uFFFDb",
			[]string{"a\uFFFD\uFFFDb"},
			[]Problem{{Line: 1, Col: 2, Kind: InvalidUTF8, Len: 1, Raw: "a\xff\uFFFDb"}},
		},
		{
			"0xFF", "\xFF",
			[]string{"\uFFFD"},
			[]Problem{{Line: 1, Col: 1, Kind: InvalidUTF8, Len: 1, Raw: "\xFF"}},
		},
		{
			"two runs", "\xFFa\xFE\xFF",
			[]string{"\uFFFDa\uFFFD\uFFFD"},
			[]Problem{
				{Line: 1, Col: 1, Kind: InvalidUTF8, Len: 1, Raw: "\xFFa\xFE\xFF"},
				{Line: 1, Col: 3, Kind: InvalidUTF8, Len: 2, Raw: "\xFFa\xFE\xFF"},
			},
		},
		{
			"runs split by a multi-byte character", "\xFFé\xFF",
			[]string{"\uFFFDé\uFFFD"},
			[]Problem{
				{Line: 1, Col: 1, Kind: InvalidUTF8, Len: 1, Raw: "\xFFé\xFF"},
				{Line: 1, Col: 4, Kind: InvalidUTF8, Len: 1, Raw: "\xFFé\xFF"},
			},
		},
		{
			"run ended by a break", "\xFF\r\n\xFF",
			[]string{"\uFFFD", "\uFFFD"},
			[]Problem{
				{Line: 1, Col: 1, Kind: InvalidUTF8, Len: 1, Raw: "\xFF"},
				{Line: 2, Col: 1, Kind: InvalidUTF8, Len: 1, Raw: "\xFF"},
			},
		},
		{
			"surrounded by white space on line 2", "ok\n  \xFE  ",
			[]string{"ok", "\uFFFD"},
			[]Problem{{Line: 2, Col: 3, Kind: InvalidUTF8, Len: 1, Raw: "  \xFE  "}},
		},
		{
			"with spaces to collapse", "a  \xFF\t\tb",
			[]string{"a \uFFFD b"},
			[]Problem{{Line: 1, Col: 4, Kind: InvalidUTF8, Len: 1, Raw: "a  \xFF\t\tb"}},
		},
		{
			"lone C2 before a break", "a\xC2\nb",
			[]string{"a\uFFFD", "b"},
			[]Problem{{Line: 1, Col: 2, Kind: InvalidUTF8, Len: 1, Raw: "a\xC2"}},
		},
		{
			"lone 0x85 is not a break", "a\x85b",
			[]string{"a\uFFFDb"},
			[]Problem{{Line: 1, Col: 2, Kind: InvalidUTF8, Len: 1, Raw: "a\x85b"}},
		},
		{"encoded U+FFFD is valid", "a\uFFFDb", []string{"a\uFFFDb"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, probs := lines(tt.src)
			if !reflect.DeepEqual(texts(got), tt.texts) {
				t.Errorf("lines(%+q) texts = %+q, want %+q", tt.src, texts(got), tt.texts)
			}
			if !reflect.DeepEqual(probs, tt.want) {
				t.Errorf("lines(%+q) problems:\n got %#v\nwant %#v", tt.src, probs, tt.want)
			}
		})
	}
}

// TestNextControlChars checks FORMAT.md §1.7: every control character
// other than tab is a problem, reported with its column, and kept in Text.
func TestNextControlChars(t *testing.T) {
	var controls []rune
	for r := rune(0); r < 0xA0; r++ {
		switch {
		case r == '\t', r == '\n', r == '\r', r == 0x85: // tab; line breaks
		case r < 0x20, r >= 0x7F:
			controls = append(controls, r)
		}
	}
	for _, r := range controls {
		t.Run(fmt.Sprintf("%U", r), func(t *testing.T) {
			src := "ab" + string(r) + "c\nd"
			got, probs := lines(src)
			wantText := []string{"ab" + string(r) + "c", "d"}
			if !reflect.DeepEqual(texts(got), wantText) {
				t.Errorf("lines(%+q) texts = %+q, want %+q", src, texts(got), wantText)
			}
			want := []Problem{{Line: 1, Col: 3, Kind: ControlChar, Rune: r, Raw: "ab" + string(r) + "c"}}
			if !reflect.DeepEqual(probs, want) {
				t.Errorf("lines(%+q) problems = %#v, want %#v", src, probs, want)
			}
		})
	}
	for _, src := range []string{"a\tb", "a\u0085b", "a\u00A0b", "\u00A0", "a\u200Bb"} {
		t.Run(fmt.Sprintf("%+q no problem", src), func(t *testing.T) {
			if _, probs := lines(src); len(probs) != 0 {
				t.Errorf("lines(%+q) problems = %#v, want none", src, probs)
			}
		})
	}
	t.Run("several on several lines", func(t *testing.T) {
		src := "\x00\n\nx\x7F\u0080y\x07"
		want := []Problem{
			{Line: 1, Col: 1, Kind: ControlChar, Rune: 0, Raw: "\x00"},
			{Line: 3, Col: 2, Kind: ControlChar, Rune: 0x7F, Raw: "x\x7F\u0080y\x07"},
			{Line: 3, Col: 3, Kind: ControlChar, Rune: 0x80, Raw: "x\x7F\u0080y\x07"},
			{Line: 3, Col: 6, Kind: ControlChar, Rune: 0x07, Raw: "x\x7F\u0080y\x07"},
		}
		if _, probs := lines(src); !reflect.DeepEqual(probs, want) {
			t.Errorf("lines(%+q) problems:\n got %#v\nwant %#v", src, probs, want)
		}
	})
	t.Run("mixed with invalid UTF-8", func(t *testing.T) {
		src := "\xFF\x00\xFE"
		want := []Problem{
			{Line: 1, Col: 1, Kind: InvalidUTF8, Len: 1, Raw: src},
			{Line: 1, Col: 2, Kind: ControlChar, Rune: 0, Raw: src},
			{Line: 1, Col: 3, Kind: InvalidUTF8, Len: 1, Raw: src},
		}
		if _, probs := lines(src); !reflect.DeepEqual(probs, want) {
			t.Errorf("lines(%+q) problems:\n got %#v\nwant %#v", src, probs, want)
		}
	})
}

// TestNextControlAtEdge checks the controls that are also White_Space (VT
// U+000B, FF U+000C): trimmed at the ends of a line (§1.3), and still
// problems (§1.7). Other controls are not trimmed.
func TestNextControlAtEdge(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want Line
		rune rune
	}{
		{"VT leading", "\x0Bx", Line{1, 2, "\x0Bx", "x"}, 0x0B},
		{"FF trailing", "x\x0C", Line{1, 1, "x\x0C", "x"}, 0x0C},
		{"NUL leading", "\x00x", Line{1, 1, "\x00x", "\x00x"}, 0},
		{"ESC trailing", "x\x1B", Line{1, 1, "x\x1B", "x\x1B"}, 0x1B},
		{"U+0080 leading", "\u0080x", Line{1, 1, "\u0080x", "\u0080x"}, 0x80},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, probs := lines(tt.src)
			if len(got) != 1 || got[0] != tt.want {
				t.Errorf("lines(%+q) = %#v, want %#v", tt.src, got, tt.want)
			}
			if len(probs) != 1 || probs[0].Kind != ControlChar || probs[0].Rune != tt.rune {
				t.Errorf("lines(%+q) problems = %#v, want one for %U", tt.src, probs, tt.rune)
			}
		})
	}
}

// TestNextLimit checks Lexer.Limit: Problems holds at most Limit problems,
// Dropped counts the others and FirstDropped is the first of them, with
// its Raw set like any other.
func TestNextLimit(t *testing.T) {
	src := "\x00a\x01\n\xFFb\n\x02\n\x03"
	all := []Problem{
		{Line: 1, Col: 1, Kind: ControlChar, Rune: 0, Raw: "\x00a\x01"},
		{Line: 1, Col: 3, Kind: ControlChar, Rune: 1, Raw: "\x00a\x01"},
		{Line: 2, Col: 1, Kind: InvalidUTF8, Len: 1, Raw: "\xFFb"},
		{Line: 3, Col: 1, Kind: ControlChar, Rune: 2, Raw: "\x02"},
		{Line: 4, Col: 1, Kind: ControlChar, Rune: 3, Raw: "\x03"},
	}
	for limit := 0; limit <= len(all)+1; limit++ {
		t.Run(fmt.Sprint("limit ", limit), func(t *testing.T) {
			l := New(src)
			l.Limit = limit
			var texts []string
			for {
				ln, ok := l.Next()
				if !ok {
					break
				}
				texts = append(texts, ln.Text)
			}
			// The limit changes what is reported, not what is read.
			if want := []string{"\x00a\x01", "\uFFFDb", "\x02", "\x03"}; !reflect.DeepEqual(texts, want) {
				t.Errorf("texts = %+q, want %#v", texts, want)
			}
			kept := len(all)
			if limit > 0 {
				kept = min(limit, len(all))
			}
			if !reflect.DeepEqual(l.Problems, all[:kept]) {
				t.Errorf("Problems:\n got %#v\nwant %#v", l.Problems, all[:kept])
			}
			if l.Dropped != len(all)-kept {
				t.Errorf("Dropped = %d, want %d", l.Dropped, len(all)-kept)
			}
			var first Problem
			if kept < len(all) {
				first = all[kept]
			}
			if l.FirstDropped != first {
				t.Errorf("FirstDropped = %#v, want %#v", l.FirstDropped, first)
			}
		})
	}
}

// TestNextProblemsReset checks that the caller may empty Problems between
// calls: each call adds the problems of its own line only.
func TestNextProblemsReset(t *testing.T) {
	l := New("\x00\nok\n\xFF")
	want := [][]Problem{
		{{Line: 1, Col: 1, Kind: ControlChar, Rune: 0, Raw: "\x00"}},
		nil,
		{{Line: 3, Col: 1, Kind: InvalidUTF8, Len: 1, Raw: "\xFF"}},
	}
	for i, w := range want {
		l.Problems = nil
		if _, ok := l.Next(); !ok {
			t.Fatalf("line %d: Next returned false", i+1)
		}
		if !reflect.DeepEqual(l.Problems, w) {
			t.Errorf("line %d: Problems = %#v, want %#v", i+1, l.Problems, w)
		}
	}
}

// TestPosition checks Position against the numbering of Next.
func TestPosition(t *testing.T) {
	tests := []struct {
		name      string
		src       string
		off       int
		line, col int
	}{
		{"empty input", "", 0, 1, 1},
		{"first byte", "abc", 0, 1, 1},
		{"last byte", "abc", 2, 1, 3},
		{"end without final break", "abc", 3, 1, 4},
		{"the LF", "ab\ncd", 2, 1, 3},
		{"after LF", "ab\ncd", 3, 2, 1},
		{"end after final LF", "ab\n", 3, 2, 1},
		{"the CR of CRLF", "ab\r\ncd", 2, 1, 3},
		{"the LF of CRLF", "ab\r\ncd", 3, 1, 4},
		{"after CRLF", "ab\r\ncd", 4, 2, 1},
		{"after CR", "ab\rcd", 3, 2, 1},
		{"after LF CR", "a\n\rb", 3, 3, 1},
		{"after NEL", "ab\u0085cd", 4, 2, 1},
		{"after LS", "ab\u2028cd", 5, 2, 1},
		{"after PS", "ab\u2029cd", 5, 2, 1},
		{"the start of a break cut short", "\r\xe2\x80", 2, 2, 2},
		{"the end of a break cut short", "\r\xe2\x80", 3, 2, 3},
		{"column counts bytes", "éé\nx", 2, 1, 3},
		{"third line", "a\n\nb c", 5, 3, 3},
		{"leading BOM", "\uFEFFab", 3, 1, 1},
		{"after leading BOM", "\uFEFFab", 4, 1, 2},
		{"inside leading BOM", "\uFEFFab", 1, 1, 1},
		{"line 2 after BOM", "\uFEFFa\nb", 5, 2, 1},
		{"BOM on line 2 counts", "a\n\uFEFFb", 5, 2, 4},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			line, col := Position(tt.src, tt.off)
			if line != tt.line || col != tt.col {
				t.Errorf("Position(%+q, %d) = %d, %d; want %d, %d", tt.src, tt.off, line, col, tt.line, tt.col)
			}
		})
	}
}

// TestPositionAgreesWithNext checks, for every byte of some inputs, that
// Position gives the line Next reads the byte in, and the byte's column
// counted from the start of Raw (a line break counts as part of the line
// it ends); and that the end of input is the column after the last line,
// or the start of a line after a final break.
func TestPositionAgreesWithNext(t *testing.T) {
	inputs := []string{
		"",
		"a",
		"a\n",
		"title\r\n\r\n  SUMMARY\n\tx\u00A0y\rz\u0085é\u2028\u2029end",
		"\uFEFF\uFEFFbom\r\n",
		"\uFEFF",
		"a\xFF\x00b\n\xC0\xAF\n\r",
	}
	// Each line break, and characters that start with the same bytes as
	// some, at every offset of an eight-byte word.
	for k := range 17 {
		x := strings.Repeat("x", k)
		inputs = append(inputs, x+"\u00A9\u2019\u00E9"+x+"\n"+x+"\r\n"+x+"\r"+x+"\u0085"+x+"\u2028"+x+"\u2029"+x)
		// '\n' alone before an offset takes Position's path for inputs
		// with no other break: line breaks at each offset of a word, and
		// an offset inside the first break of another kind.
		inputs = append(inputs, x+"\n"+x+"\u00A9\n\n"+x+strings.Repeat("y", 17-k)+"\n"+x)
		for _, brk := range []string{"\r\n", "\u0085", "\u2028"} {
			inputs = append(inputs, x+"\n"+x+brk+x)
		}
	}
	for _, src := range inputs {
		t.Run(fmt.Sprintf("%+q", src), func(t *testing.T) {
			bom := 0
			if strings.HasPrefix(src, "\uFEFF") {
				bom = len("\uFEFF")
			}
			l := New(src)
			endLine, endCol := 1, 1 // the position of the end of input
			for {
				start := l.pos
				ln, ok := l.Next()
				if !ok {
					break
				}
				for off := start; off < l.pos; off++ {
					line, col := Position(src, bom+off)
					if line != ln.Num || col != off-start+1 {
						t.Errorf("Position(src, %d) = %d, %d; want %d, %d", bom+off, line, col, ln.Num, off-start+1)
					}
				}
				if start+len(ln.Raw) == len(l.src) {
					endLine, endCol = ln.Num, len(ln.Raw)+1
				} else {
					endLine, endCol = ln.Num+1, 1
				}
			}
			if line, col := Position(src, len(src)); line != endLine || col != endCol {
				t.Errorf("Position(src, len(src)) = %d, %d; want %d, %d", line, col, endLine, endCol)
			}
		})
	}
}

// TestNextEveryOffset puts a double space, a tab, a control character, a
// line break, an invalid byte and a non-ASCII character at every offset
// of a line of plain ASCII, so that each falls at every place of an
// eight-byte block as well as in the bytes after the last block.
func TestNextEveryOffset(t *testing.T) {
	for k := range 40 {
		pre, post := strings.Repeat("a", k), strings.Repeat("b", 40-k)
		tests := []struct {
			name  string
			src   string
			texts []string
			probs []Problem
		}{
			{"double space", pre + "  " + post, []string{strings.TrimLeft(pre+" "+post, " ")}, nil},
			{"triple space", pre + "   " + post, []string{strings.TrimLeft(pre+" "+post, " ")}, nil},
			{"single space", pre + " " + post, []string{strings.TrimLeft(pre+" "+post, " ")}, nil},
			{"tab", pre + "\t" + post, []string{strings.TrimLeft(pre+" "+post, " ")}, nil},
			{"space and tab", pre + " \t" + post, []string{strings.TrimLeft(pre+" "+post, " ")}, nil},
			{"NUL", pre + "\x00" + post, []string{pre + "\x00" + post},
				[]Problem{{Line: 1, Col: k + 1, Kind: ControlChar, Rune: 0, Raw: pre + "\x00" + post}}},
			{"DEL", pre + "\x7F" + post, []string{pre + "\x7F" + post},
				[]Problem{{Line: 1, Col: k + 1, Kind: ControlChar, Rune: 0x7F, Raw: pre + "\x7F" + post}}},
			{"C1", pre + "\u0091" + post, []string{pre + "\u0091" + post},
				[]Problem{{Line: 1, Col: k + 1, Kind: ControlChar, Rune: 0x91, Raw: pre + "\u0091" + post}}},
			{"LF", pre + "\n" + post, []string{pre, post}, nil},
			{"CRLF", pre + "\r\n" + post, []string{pre, post}, nil},
			{"NEL", pre + "\u0085" + post, []string{pre, post}, nil},
			{"invalid byte", pre + "\xFF\xFE" + post, []string{pre + "\uFFFD\uFFFD" + post},
				[]Problem{{Line: 1, Col: k + 1, Kind: InvalidUTF8, Len: 2, Raw: pre + "\xFF\xFE" + post}}},
			{"NFD", pre + "e\u0301" + post, []string{pre + "é" + post}, nil},
			{"ZWSP", pre + "\u200B" + post, []string{pre + post}, nil},
		}
		for _, tt := range tests {
			t.Run(fmt.Sprint(tt.name, " at ", k), func(t *testing.T) {
				if k == 0 && (tt.name == "LF" || tt.name == "CRLF" || tt.name == "NEL") {
					tt.texts[0] = ""
				}
				got, probs := lines(tt.src)
				if !reflect.DeepEqual(texts(got), tt.texts) {
					t.Errorf("lines(%+q) texts = %+q, want %+q", tt.src, texts(got), tt.texts)
				}
				if !reflect.DeepEqual(probs, tt.probs) {
					t.Errorf("lines(%+q) problems:\n got %#v\nwant %#v", tt.src, probs, tt.probs)
				}
			})
		}
	}
}

// TestTrimmedBelow10000 checks what TrimLeft assumes to pass over a
// four-byte character at once: every character it trims is below U+10000.
func TestTrimmedBelow10000(t *testing.T) {
	for r := rune(0x10000); r <= unicode.MaxRune; r++ {
		if isTrimmed(r) {
			t.Errorf("%U is trimmed", r)
		}
	}
}

// TestIsTrimmed checks isTrimmed against its definition: Unicode
// White_Space and the invisible format characters of FORMAT.md §1.3.
func TestIsTrimmed(t *testing.T) {
	format := []rune{0x200B, 0x200E, 0x200F, 0x202A, 0x202B, 0x202C, 0x202D, 0x202E,
		0x2060, 0x2066, 0x2067, 0x2068, 0x2069, 0xFEFF}
	for r := rune(0); r <= unicode.MaxRune; r++ {
		want := unicode.Is(unicode.White_Space, r) || slices.Contains(format, r)
		if got := isTrimmed(r); got != want {
			t.Errorf("isTrimmed(%U) = %v, want %v", r, got, want)
		}
	}
}

// TestUntrimmed checks that Untrimmed says true only of texts that trim
// keeps whole, with every character at either end, and that it says so of
// the texts digests hold most.
func TestUntrimmed(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune; r++ {
		c := string(r)
		for _, s := range []string{c, c + "a", "a" + c, c + "a" + c} {
			if Untrimmed(s) && trim(s) != s {
				t.Fatalf("Untrimmed(%+q) is true, but trim gives %+q", s, trim(s))
			}
		}
	}
	for _, s := range []string{"Secrétaire général.", "👤 Person_Male", "a", "(x)"} {
		if !Untrimmed(s) {
			t.Errorf("Untrimmed(%+q) is false", s)
		}
	}
}

// TestIsNFC checks IsNFC against norm.NFC.IsNormalString, on texts whose
// quick check passes whole and on texts it stops in: characters that may
// compose, marks out of order, and runs of more than 30 combining marks,
// which NFC breaks with U+034F (the Stream-Safe Text Format).
func TestIsNFC(t *testing.T) {
	texts := []string{
		"", "Caire", "Secrétaire général", "القاهرة", "Каир", "東京", "Hà Nội", "Ελλάδα", "👤 Person",
		"e\u0301", "Cafe\u0301", "\u00e9\u0301", "a\u0316\u0301", "a\u0301\u0316", "\u1100\u1161",
		"x" + strings.Repeat("\u0316", 30), "x" + strings.Repeat("\u0316", 31),
		"x" + strings.Repeat("\u0316", 40) + "y", "x" + strings.Repeat("\u0301", 31),
		"x" + strings.Repeat("\u0316\u0301", 16), "\u0316", "\u0301",
		"अनुच्छेद संख्या", "ย่อหน้าที่", "\u0E01\u0E48\u0E38", "בְּרֵאשִׁית", "\u05D1\u05BC\u05B0", "الْفِقْرَةُ", "\u0627\u0653",
		"\u0928\u093C", "e\u0323\u0316", "e\u0316\u0323",
	}
	for _, s := range texts {
		if got, want := IsNFC(s), norm.NFC.IsNormalString(s); got != want {
			t.Errorf("IsNFC(%+q) = %v, want %v", s, got, want)
		}
	}
	// The quick check needs no allocation, where IsNormalString makes one.
	for _, s := range []string{"القاهرة", "Каир", "東京", "Secrétaire général", "अनुच्छेद संख्या", "ย่อหน้าที่", "Cafe\u0301"} {
		if n := testing.AllocsPerRun(10, func() { IsNFC(s) }); n != 0 {
			t.Errorf("IsNFC(%+q) allocates %v times", s, n)
		}
	}
}

// TestStopsPlain checks that Plain stops at once where stopsPlain says it
// does, whatever bytes follow: next then need not call it.
func TestStopsPlain(t *testing.T) {
	for c := range 256 {
		if !stopsPlain(byte(c)) {
			continue
		}
		for _, rest := range []string{"", "a", "\x80", "\x80\x80", "\xBF\xBF\xBF", "\x9F\x98\x80", "\xB8\x8F"} {
			s := string([]byte{byte(c)}) + rest + strings.Repeat("a", 40)
			if j, _ := Plain(s, 0); j != 0 {
				t.Errorf("Plain(%+q, 0) = %d, want 0 as stopsPlain(%#x)", s, j, c)
			}
		}
	}
}

// TestBreakLen checks BreakLen on each line break of FORMAT.md §1.2, on
// breaks cut short at the end of s, and on characters that start as one.
func TestBreakLen(t *testing.T) {
	for s, want := range map[string]int{
		"\n": 1, "\r": 1, "\r\n": 2, "\u0085": 2, "\u2028": 3, "\u2029x": 3,
		"": 0, "x": 0, "\xc2": 0, "\xe2": 0, "\xe2\x80": 0, "\u2027": 0, "\u202f": 0, "\u00a0": 0,
	} {
		if got := BreakLen(s); got != want {
			t.Errorf("BreakLen(%+q) = %d, want %d", s, got, want)
		}
	}
}

// TestTrimLeft checks that TrimLeft takes every character of FORMAT.md
// §1.3 off the start, the ASCII white space from '\t' to '\r' among them,
// and nothing else: Validate trims values, which may hold a line break.
func TestTrimLeft(t *testing.T) {
	for s, want := range map[string]string{
		"\tx": "x", "\nx": "x", "\vx": "x", "\fx": "x", "\rx": "x", " x": "x",
		"\u00a0x": "x", "\u200bx": "x", "\u200e\u2069x": "x", "\ufeffx": "x", "\r\n x": "x",
		"\x08x": "\x08x", "\x0ex": "\x0ex", "\u200dx": "\u200dx", ".x": ".x",
	} {
		if got := TrimLeft(s); got != want {
			t.Errorf("TrimLeft(%+q) = %+q, want %+q", s, got, want)
		}
	}
}

// TestTrimRight checks that TrimRight takes every character of FORMAT.md
// §1.3 off the end, the ASCII white space from '\t' to '\r' among them,
// and nothing else.
func TestTrimRight(t *testing.T) {
	for s, want := range map[string]string{
		"x\t": "x", "x\n": "x", "x\v": "x", "x\f": "x", "x\r": "x", "x ": "x",
		"x\u00a0": "x", "x\u200b": "x", "x\u200e\u2069": "x", "x\ufeff": "x",
		"x\x08": "x\x08", "x\x0e": "x\x0e", "x\u200d": "x\u200d", "x.": "x.",
	} {
		if got := TrimRight(s); got != want {
			t.Errorf("TrimRight(%+q) = %+q, want %+q", s, got, want)
		}
	}
}
