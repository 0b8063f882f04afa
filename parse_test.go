package digest

import (
	"encoding/binary"
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"
	"unicode/utf16"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"digest/internal/race"
)

// TestParseAllocs checks what the package documentation promises: three
// allocations for a small digest, and for a long one a count that grows
// with the logarithm of its lists' lengths, not with its lines.
func TestParseAllocs(t *testing.T) {
	seed := seedText(t)
	if n := testing.AllocsPerRun(100, func() { Parse(seed) }); n != 3 {
		t.Errorf("Parse of the seed allocates %v times, want 3", n)
	}

	allocs := func(n int) float64 {
		text := listsText(n)
		if _, err := Parse(text); err != nil {
			t.Fatal(err)
		}
		return testing.AllocsPerRun(5, func() { Parse(text) })
	}
	// Two slices grow: the one that holds the highlights, paragraphs and
	// keywords, and the entities. With 16 times as many values, each
	// doubles four more times.
	short, long := allocs(1000), allocs(16000)
	if long > short+2*4 {
		t.Errorf("Parse allocates %v times for lists of 1000 values, %v for 16000: want at most 8 more", short, long)
	}

	// The text of a subtitle of many lines doubles as it grows too: 64
	// times the lines, six more allocations, with room for the count's
	// noise; append's quarter steps would cost about 20 more.
	subtitle := func(n int) float64 {
		text := []byte("T\n" + strings.Repeat("A subtitle line\n", n) + "SUMMARY\nS\n")
		return testing.AllocsPerRun(5, func() { Parse(text) })
	}
	if short, long := subtitle(1000), subtitle(64000); long > short+8 {
		t.Errorf("Parse allocates %v times for a subtitle of 1000 lines, %v for 64000: want at most 8 more", short, long)
	}

	// Text of other scripts costs no more allocations than French: the
	// NFC check of a line allocates nothing (lex.IsNFC).
	paragraphs := func(word string) float64 {
		var b strings.Builder
		b.WriteString("T\nSUMMARY\nS\nCORE SUBJECT\n")
		for i := range 500 {
			fmt.Fprintf(&b, "%s %d.\n", word, i)
		}
		text := []byte(b.String())
		if _, err := Parse(text); err != nil {
			t.Fatal(err)
		}
		return testing.AllocsPerRun(5, func() { Parse(text) })
	}
	latin := paragraphs("Le paragraphe numéro")
	for _, word := range []string{"Параграф номер", "الفقرة رقم", "第段", "Đoạn văn số"} {
		if n := paragraphs(word); n != latin {
			t.Errorf("Parse allocates %v times for 500 lines of %q, %v for French", n, word, latin)
		}
	}
	// "x\u0301" and "q\u0323\u0307" are NFC, but their marks send the
	// check past its quick part, to the full one, which allocates nothing
	// either. The lines that NFC changes, or that need cleaning, write
	// their new texts one after another in buffers of 4 KiB, doubling: 3
	// for these 500 lines. The full check takes its state from a
	// sync.Pool, which the race detector makes drop what it is given; and
	// a collection empties the pool, hence one more at most.
	if race.Enabled {
		return
	}
	for _, word := range []string{"x\u0301", "q\u0323\u0307"} {
		if n := paragraphs(word); n > latin+1 {
			t.Errorf("Parse allocates %v times for 500 lines of %+q, %v for French: want at most 1 more", n, word, latin)
		}
	}
	for _, word := range []string{"Le paragraphe nume\u0301ro", "Le  paragraphe", "Le\tparagraphe", "Le \u200bparagraphe"} {
		if n := paragraphs(word); n > latin+3+1 {
			t.Errorf("Parse allocates %v times for 500 lines of %+q, %v for French: want at most 4 more", n, word, latin)
		}
	}
}

// TestAllErrorsAllocs checks that with AllErrors, the error of a control
// character allocates once, for its ParseError, and makes no message until
// asked: a text with one at each byte holds millions.
func TestAllErrorsAllocs(t *testing.T) {
	const n = 10000
	text := []byte("T\n" + strings.Repeat("\x07", n))
	var p Parser
	p.AllErrors = true
	_, err := p.Parse(text)
	var list ErrorList
	if !errors.As(err, &list) || len(list) != n {
		t.Fatalf("Parse gives %d errors, want %d", len(list), n)
	}
	if got, want := list[n-1].Error(), fmt.Sprintf("2:%d: control character U+0007", n); got != want {
		t.Fatalf("the last error is %s, want %s", got, want)
	}
	// The slices that hold the problems and the errors double as they
	// grow: a few dozen more allocations.
	if allocs := testing.AllocsPerRun(3, func() { p.Parse(text) }); allocs > n+100 {
		t.Errorf("Parse with AllErrors allocates %v times for %d errors, want at most %d", allocs, n, n+100)
	}
}

// listsText returns a digest with n highlights, paragraphs, keywords and
// entities, whose number no header declares.
func listsText(n int) []byte {
	var b strings.Builder
	b.WriteString("T\nSUMMARY\nS\nKEY HIGHLIGHTS\n")
	for i := range n {
		fmt.Fprintf(&b, "- Highlight %d\n", i)
	}
	b.WriteString("CORE SUBJECT\n")
	for i := range n {
		fmt.Fprintf(&b, "Paragraph %d.\n", i)
	}
	b.WriteString("KEYWORDS\n")
	for i := range n {
		fmt.Fprintf(&b, "keyword %d\n", i)
	}
	b.WriteString("MENTIONED ENTITIES\n")
	for i := range n {
		fmt.Fprintf(&b, "Name %d\n👤 Person_Male Description %d\n", i, i)
	}
	return []byte(b.String())
}

// TestParseFalseCount checks that an entity count far above the entities
// that follow does not leave the digest holding room for them: the room
// made from the count is given back.
func TestParseFalseCount(t *testing.T) {
	text := "T\nMENTIONED ENTITIES 999999999\nAli\n👤 Person_Male Chef\nSUMMARY\n" +
		strings.Repeat("Une ligne de résumé assez longue pour peser.\n", 20000)
	d, err := Parse([]byte(text))
	if !errors.Is(err, ErrEntityCount) {
		t.Errorf("error %v, want ErrEntityCount", err)
	}
	want := []Entity{{Name: "Ali", Type: PersonMale, Description: "Chef"}}
	if diff := cmp.Diff(want, d.Entities); diff != "" {
		t.Errorf("entities (-want +got):\n%s", diff)
	}
	if c := cap(d.Entities); c > 64 {
		t.Errorf("cap(Entities) = %d for 1 entity, want at most 64", c)
	}
}

// TestPackageDocReadings checks the readings of FORMAT.md that the
// package documentation gives as examples, each on a digest of its own.
func TestPackageDocReadings(t *testing.T) {
	const head = "T\nSUMMARY\nS\n"
	tests := []struct {
		name, text string
		want       Digest
	}{
		{
			"markers need white space after them",
			head + "KEY HIGHLIGHTS\n- \n•\n• h\nKEYWORDS\na, *, •\n",
			Digest{Highlights: []string{"-", "h"}, Keywords: []string{"a", "*"}},
		},
		{
			"ASCII and Latin-1 icons",
			head + "MENTIONED ENTITIES\nA\n^ Other a\nB\n` Other b\nC\n© Other c\nD\n× Other d\n",
			Digest{Entities: []Entity{{"A", Other, "a"}, {"B", Other, "b"}, {"C", Other, "c"}, {"D", Other, "d"}}},
		},
		{
			"type names are prefixes",
			head + "MENTIONED ENTITIES\nA\nEventually\nB\n👤 HEAD d\n",
			Digest{Entities: []Entity{{"A", Event, "ually"}, {"B", "H", "EAD d"}}},
		},
		{
			"headers: spaces in a count's parentheses, a colon on each side of the pair",
			"T\nMentioned entities ( 1 )\nA\n👤 Person_Male d\n**Summary:**:\nS\nCORE SUBJECT\nSummary::\n",
			Digest{CoreSubject: CoreSubject{Heading: "Summary::"}, Entities: []Entity{{"A", PersonMale, "d"}}},
		},
		{
			"headers: format characters in a count's parentheses",
			head + "Mentioned entities (\u200e1\u200e)\nA\n👤 Person_Male d\n",
			Digest{Entities: []Entity{{"A", PersonMale, "d"}}},
		},
		{
			"the heading rule reads the last character",
			head + "CORE SUBJECT\nIl a dit « non. »\nP\n",
			Digest{CoreSubject: CoreSubject{Heading: "Il a dit « non. »", Paragraphs: []string{"P"}}},
		},
		{
			"U+FFFD is an icon, ℹ without U+FE0F is not",
			head + "MENTIONED ENTITIES\nA\n\uFFFDOther a\nℹ info\n👤 Person_Male d\n",
			Digest{Entities: []Entity{{"A", Other, "a"}, {"ℹ info", PersonMale, "d"}}},
		},
		{
			"U+200B goes before spaces are made one",
			"A \u200b B\nSUMMARY\nS\n",
			Digest{Title: "A B"},
		},
		{
			"Markdown is read in headers only, a keyword's '#' aside",
			"# Réunion\nSUMMARY\nS\nKEYWORDS\n#Gaza\nMENTIONED ENTITIES 001\n**Hussein Taha**\n👤 Person_Male d\n",
			Digest{Title: "# Réunion", Keywords: []string{"Gaza"}, Entities: []Entity{{"**Hussein Taha**", PersonMale, "d"}}},
		},
		{
			"marks of combining class 0 are not non-starters: no U+034F",
			"T\nक" + strings.Repeat("\u0902", 31) + "\nSUMMARY\nS\n",
			Digest{Subtitle: "क" + strings.Repeat("\u0902", 31)},
		},
		{
			"non-starters are counted in decompositions: ṩ ends with two",
			"T\n\u1e69" + strings.Repeat("\u0301", 29) + "\nSUMMARY\nS\n",
			Digest{Subtitle: "\u1e69" + strings.Repeat("\u0301", 28) + "\u034f\u0301"},
		},
		{
			"an unknown type does not spell a known one",
			head + "MENTIONED ENTITIES\nA\n👤 Person_Male_adult Secrétaire\nB\n🏛️ Organization_intlLigue\nC\n🔖 Political_party d\n",
			Digest{Entities: []Entity{{"A", "Person_Male_adult", "Secrétaire"}, {"B", "Organization_intl", "Ligue"}, {"C", "Political", "_party d"}}},
		},
	}
	for _, tt := range tests {
		d, err := Parse([]byte(tt.text))
		if err != nil {
			t.Errorf("%s: %v", tt.name, err)
			continue
		}
		if tt.want.Title == "" {
			tt.want.Title = "T"
		}
		tt.want.Summary = "S"
		if diff := cmp.Diff(&tt.want, d, cmpopts.EquateEmpty()); diff != "" {
			t.Errorf("%s: (-want +got)\n%s", tt.name, diff)
		}
	}
	// White space inside a header name counts as a space, U+000B and
	// U+000C too, which are reported as control characters.
	d, err := Parse([]byte("T\nKEY\vHIGHLIGHTS\n- a\n"))
	if want := []string{"a"}; !slices.Equal(d.Highlights, want) || err == nil || err.Error() != "2:4: control character U+000B" {
		t.Errorf("a header with U+000B: highlights %q, error %v; want %q and one control character error", d.Highlights, err, want)
	}
	d, err = Parse([]byte(head + "KEYWORDS\nStraße, STRASSE\n"))
	if err != nil {
		t.Fatal(err)
	}
	if err := Validate(d); !errors.Is(err, ErrDuplicate) {
		t.Errorf("Validate of keywords Straße and STRASSE: %v, want ErrDuplicate", err)
	}
	// Folded texts are compared as they are: white space of two kinds, or
	// NFC's two spellings once folded, are not duplicates.
	d, err = Parse([]byte(head + "KEYWORDS\nGaza City, gaza\u00a0city, \u0390, \u03aa\u0301\n"))
	if err != nil || len(d.Keywords) != 4 {
		t.Fatalf("four keywords: %q, %v", d.Keywords, err)
	}
	if err := Validate(d); err != nil {
		t.Errorf("Validate of keywords %q: %v, want no duplicate", d.Keywords, err)
	}
	// A count of more than nine digits, leading zeros aside, matches no
	// section.
	_, err = Parse([]byte(head + "MENTIONED ENTITIES 0000000001\nA\n👤 Person_Male d\n"))
	if err != nil {
		t.Errorf("a count of nine zeros and 1: %v", err)
	}
	_, err = Parse([]byte(head + "MENTIONED ENTITIES 1000000001\nA\n👤 Person_Male d\n"))
	if !errors.Is(err, ErrEntityCount) {
		t.Errorf("a count of ten digits: %v, want ErrEntityCount", err)
	}
	// A repeated section: its lines join the first's, and the heading is
	// the first of them.
	d, err = Parse([]byte("T\nCORE SUBJECT\nSUMMARY\nS\nCORE SUBJECT\nB\nC\n"))
	if want := (CoreSubject{Heading: "B", Paragraphs: []string{"C"}}); !cmp.Equal(d.CoreSubject, want) || !errors.Is(err, ErrDuplicateSection) {
		t.Errorf("CORE SUBJECT again after an empty one: %+v, error %v; want %+v and ErrDuplicateSection", d.CoreSubject, err, want)
	}
	// A byte that is not UTF-8 at the start of a line reads as U+FFFD,
	// an icon, and is reported.
	d, err = Parse([]byte(head + "MENTIONED ENTITIES\nA\n\xffOther b\n"))
	if want := []Entity{{"A", Other, "b"}}; !slices.Equal(d.Entities, want) || !errors.Is(err, ErrInvalidUTF8) {
		t.Errorf("a bad byte before a type: entities %+v, error %v; want %+v and ErrInvalidUTF8", d.Entities, err, want)
	}
	// The unknown type Person_Male_adult is rejected; without its icon,
	// the same line is no type line, as no known type name starts it: it
	// is a name line.
	text := head + "MENTIONED ENTITIES 1\nA\n👤 Person_Male_adult Secrétaire\n"
	d, err = Parse([]byte(text))
	if err != nil {
		t.Fatal(err)
	}
	var verrs ValidationErrors
	if err := Validate(d); !errors.As(err, &verrs) || len(verrs) != 1 || verrs[0].Pointer != "/entities/0/type" || !errors.Is(verrs[0], ErrUnknownEntityType) {
		t.Errorf("Validate of the type Person_Male_adult: %v, want one ErrUnknownEntityType at /entities/0/type", err)
	}
	d, err = Parse([]byte(strings.Replace(text, "👤 ", "", 1)))
	if len(d.Entities) != 2 || d.Entities[1].Name != "Person_Male_adult Secrétaire" || !errors.Is(err, ErrMissingType) {
		t.Errorf("Person_Male_adult without its icon: entities %+v, error %v; want it a name line", d.Entities, err)
	}
}

// TestNotAHeader checks the package doc's examples of lines that are not
// headers: one and the entity lines after it read as keywords, with no
// error from Parse or Validate; another, in the preamble, is a subtitle.
func TestNotAHeader(t *testing.T) {
	d, err := Parse([]byte("T\nSUMMARY\nS\nKEYWORDS\nGaza\nMENTIONED ENTITIES (2 total)\nAli Darwish\n👤 Person_Male Ambassadeur\n"))
	if err != nil {
		t.Fatal(err)
	}
	want := &Digest{Title: "T", Summary: "S", Keywords: []string{"Gaza", "MENTIONED ENTITIES (2 total)", "Ali Darwish", "👤 Person_Male Ambassadeur"}}
	if diff := cmp.Diff(want, d, cmpopts.EquateEmpty()); diff != "" {
		t.Errorf("(-want +got)\n%s", diff)
	}
	if err := Validate(d); err != nil {
		t.Errorf("Validate: %v", err)
	}
	d, err = Parse([]byte("T\nSUMARY\nSUMMARY\nS\n"))
	if want := (&Digest{Title: "T", Subtitle: "SUMARY", Summary: "S"}); err != nil || !cmp.Equal(want, d, cmpopts.EquateEmpty()) {
		t.Errorf("Parse = %+v, %v; want %+v", d, err, want)
	}
}

// TestInvalidUTF8Run checks that the error for a run of bytes that are not
// UTF-8 shows the bytes, or, for a long run, its first bytes and how many
// there are.
func TestInvalidUTF8Run(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"a\xffb\n", "1:2: invalid UTF-8: ff"},
		{"a" + strings.Repeat("\xff", 8) + "b\n", "1:2: invalid UTF-8: ff ff ff ff ff ff ff ff"},
		{"a" + strings.Repeat("\xff", 9) + "b\n", "1:2: invalid UTF-8: ff ff ff ff ff ff ff ff … (9 bytes)"},
		{"a\xc3" + strings.Repeat("\x80", 12) + "\n", "1:4: invalid UTF-8: 80 80 80 80 80 80 80 80 … (11 bytes)"},
		{"\xff\xfe" + strings.Repeat("\xff", 9) + "\n", "1:1: invalid UTF-8: ff fe, the byte order mark of UTF-16: the text is to be UTF-8"},
	} {
		_, err := Parse([]byte(tt.in))
		var list ErrorList
		if !errors.As(err, &list) || len(list) != 1 || list[0].Error() != tt.want {
			t.Errorf("Parse(%q) gives %v, want only %s", tt.in, err, tt.want)
		}
	}
}

// The ends of the first error of a text that looks like UTF-16 or UTF-32
// without a byte order mark.
const (
	utf16Hint = ": the text looks like UTF-16 without a byte order mark: it is to be UTF-8"
	utf32Hint = ": the text looks like UTF-32 without a byte order mark: it is to be UTF-8"
)

// TestUTF16HintScripts checks that a text in UTF-16 without a byte order
// mark is named as such in any script: by its line feeds, or by its first
// line alone in the scripts below U+2000, where the high byte of each
// character is a NUL or another control character. The first error says
// so, and no other. Text in UTF-8 with control characters at every other
// byte is not named.
func TestUTF16HintScripts(t *testing.T) {
	encode := utf16Bytes
	for _, tt := range []struct {
		text string
		// oneLine: the title alone is enough, no line feed needed.
		oneLine bool
	}{
		{"La Ligue arabe", true},
		{"الجامعة العربية", true},   // Arabic: high bytes 0x06 and, for the space, 0x00
		{"Лига", true},              // Cyrillic, one word: high bytes all 0x04
		{"Ελλάδα και Κύπρος", true}, // Greek
		{"ישראל", true},             // Hebrew
		{"หัวข้อข่าว", true},        // Thai: high bytes all 0x0E
		{"अरब लीग", true},           // Devanagari: high bytes 0x09, a tab, and a NUL
		{"अरबलीग", true},            // Devanagari, one word: high bytes all tabs
		{"阿拉伯国家联盟会议上", false},       // Chinese, 上 is 0x0A and 0x4E
		{"上海会议", false},             // 上 first: a line break, in UTF-8, at once
		{"アラブ連盟の会議", false},         // Japanese
		{"🏛️ Ligue", false},         // a surrogate pair first
	} {
		for _, bigEndian := range []bool{false, true} {
			for i, in := range []string{
				encode(tt.text+"\nSous-titre\nSUMMARY\nRésumé.\n", bigEndian),
				encode(tt.text+"\r\nSous-titre\r\nSUMMARY\r\n", bigEndian),
				encode(tt.text+"\n", bigEndian), // one line
			} {
				_, err := Parse([]byte(in))
				var list ErrorList
				if !errors.As(err, &list) {
					t.Fatalf("%q in UTF-16 (big-endian %v): %v, want errors", in, bigEndian, err)
				}
				said := 0
				for _, e := range list {
					if strings.Contains(e.Error(), "looks like UTF-16") {
						said++
					}
				}
				want := 1
				if i == 2 && !tt.oneLine {
					want = 0
				}
				if said != want || want == 1 && !strings.Contains(list[0].Error(), "looks like UTF-16") {
					t.Errorf("%q in UTF-16 (big-endian %v): errors %v, want %d saying UTF-16, the first", in, bigEndian, err, want)
				}
			}
		}
	}
	for _, in := range []string{
		"a\x01b\x02c\x03d\x04\n",
		"\x01a\x02b\x03c\x04d\n",
		"Titres\n\x00Sous-titre\n",       // one line feed and a NUL, at an even offset
		"Titres\n\x00Sou\n\x00s-titre\n", // a second, at an odd offset
		// A first line of tabs reads as UTF-16 of the scripts of India,
		// but its error is not on that line.
		"\t\t\t\t\nTitre\nSUMMARY\nUn r\x01sumé.\n",
	} {
		_, err := Parse([]byte(in))
		var list ErrorList
		if !errors.As(err, &list) {
			t.Fatalf("Parse(%q) = %v, want control-character errors", in, err)
		}
		for _, e := range list {
			if strings.Contains(e.Error(), "UTF-16") {
				t.Errorf("Parse(%q): %v, want no mention of UTF-16", in, e)
			}
		}
	}
}

// TestUTF16Hint checks that a text in UTF-16, as Windows saves "Unicode"
// text, or in UTF-32, with or without a byte order mark, is named as such
// in the error at its start, and that other bytes that are not UTF-8, or
// NULs, are not.
func TestUTF16Hint(t *testing.T) {
	for _, tt := range []struct{ name, in, want string }{
		{"UTF-16LE", "\xff\xfeT\x00\n\x00", "1:1: invalid UTF-8: ff fe, the byte order mark of UTF-16: the text is to be UTF-8"},
		{"UTF-16BE", "\xfe\xff\x00T\x00\n", "1:1: invalid UTF-8: fe ff, the byte order mark of UTF-16: the text is to be UTF-8"},
		{"UTF-16LE, two lines", "\xff\xfeT\x00\n\x00S\x00\n\x00", "1:1: invalid UTF-8: ff fe, the byte order mark of UTF-16: the text is to be UTF-8"},
		{"UTF-32LE", "\xff\xfe\x00\x00T\x00\x00\x00\n\x00\x00\x00", "1:1: invalid UTF-8: ff fe, the start of ff fe 00 00, the byte order mark of UTF-32: the text is to be UTF-8"},
		{"UTF-32BE", "\x00\x00\xfe\xff\x00\x00\x00T\x00\x00\x00\n", "1:1: control character U+0000: the text starts with the byte order mark of UTF-32, 00 00 fe ff: it is to be UTF-8"},
		{"UTF-32LE without a mark", "T\x00\x00\x00i\x00\x00\x00\n\x00\x00\x00", "1:2: control character U+0000" + utf32Hint},
		{"UTF-32BE without a mark", "\x00\x00\x00T\x00\x00\x00i\x00\x00\x00\n", "1:1: control character U+0000" + utf32Hint},
		{"the mark of UTF-32 alone, or of UTF-16 and a NUL", "\xff\xfe\x00\x00", "1:1: invalid UTF-8: ff fe, the start of ff fe 00 00, the byte order mark of UTF-32: the text is to be UTF-8"},
		{"Latin-1", "\xe9t\xe9\n", "1:1: invalid UTF-8: e9"},
		{"later on the line", "T\xff\xfe\n", "1:2: invalid UTF-8: ff fe"},
		{"UTF-16LE without a mark", "T\x00i\x00t\x00r\x00e\x00\n\x00", "1:2: control character U+0000" + utf16Hint},
		{"UTF-16BE without a mark", "\x00T\x00i\x00t\x00r\x00e\x00\n", "1:1: control character U+0000" + utf16Hint},
		{"one NUL", "Ti\x00tle\n", "1:3: control character U+0000"},
		{"NULs in a row", "\x00\x00\x00\x00\n", "1:1: control character U+0000"},
		{"NUL at every other byte, not at the start", "Title T\x00i\x00t\x00\n", "1:8: control character U+0000"},
		{"too short", "T\x00\n\x00", "1:2: control character U+0000"},
		{"NULs that stop", "T\x00i\x00tle\n", "1:2: control character U+0000"},
		{"another control character first", "\x01\x00i\x00t\x00\n", "1:1: control character U+0001" + utf16Hint},
		{"on the second line", "Title\nT\x00i\x00t\x00\n", "2:2: control character U+0000"},
		// Two line feeds in UTF-16, but of two byte orders: "\n\x00" at
		// 4, "\x00\n" at 8.
		{"line feeds of both byte orders", "abcd\n\x00xy\x00\n", "2:1: control character U+0000"},
		// One control character repeated would read as one letter
		// repeated: U+0C0C, U+1A1A, U+0101.
		{"form feeds", "\f\f\f\f\nTitre\n", "1:1: control character U+000C"},
		{"substitute characters", "\x1a\x1a\x1a\x1a\x1a\n", "1:1: control character U+001A"},
		{"a letter in UTF-16, repeated", "a\x00a\x00a\x00\n", "1:2: control character U+0000"},
		// Spaces at every other byte are no high bytes of UTF-16: it has
		// none as high as 0x20.
		{"spaces between letters", "\x01 a b c\n", "1:1: control character U+0001"},
		{"in the first 64 bytes", strings.Repeat("a\x00b\x00", 16) + "xyz\n", "1:2: control character U+0000" + utf16Hint},
		// UTF-32 that starts in another script: by its line feeds.
		{"UTF-32LE, Cyrillic", utf32Bytes("Тема дня\nSUMMARY\nТекст\n", false), "1:2: control character U+0004" + utf32Hint},
		{"UTF-32BE, Japanese", utf32Bytes("日本語\nSUMMARY\n", true), "1:1: control character U+0000" + utf32Hint},
		{"UTF-32LE, one line, not ASCII first", utf32Bytes("«Titre»\n", false), "1:1: invalid UTF-8: ab"},
		// UTF-16 whose line feeds stand, with U+0000 after them, as
		// UTF-32's would: named by its mark, or as UTF-16 by its other
		// line feeds.
		{"UTF-16LE, a mark, line feeds as UTF-32's", "\xff\xfe" + utf16Bytes("A\n\x00\n\x00", false), "1:1: invalid UTF-8: ff fe, the byte order mark of UTF-16: the text is to be UTF-8"},
		{"UTF-16LE, line feeds as UTF-32's and others", utf16Bytes("Тема\n\x00Тема\n\x00SUMMARY\n", false), "1:2: control character U+0004" + utf16Hint},
		{"UTF-16BE, line feeds as UTF-32's and others", utf16Bytes("Те\x00\nТема\x00\nSUMMARY\n", true), "1:1: control character U+0004" + utf16Hint},
		// UTF-32 that holds a character whose low 16 bits are a line
		// feed in UTF-16 (U+2000A).
		{"UTF-32LE, U+2000A", utf32Bytes("Тема\nSUMMARY\n\U0002000A\n", false), "1:2: control character U+0004" + utf32Hint},
		{"UTF-32BE, U+2000A", utf32Bytes("日本語\n\U0002000A\nx\n", true), "1:1: control character U+0000" + utf32Hint},
		// UTF-16 that starts as UTF-32 does, an ASCII character then
		// NULs, but whose next characters are no UTF-32.
		{"UTF-16LE, a blank line then U+0000", utf16Bytes("\n\x00Title\n", false), "2:1: control character U+0000" + utf16Hint},
		{"UTF-16BE, U+0000 then a blank line", utf16Bytes("\x00\nTitle\n", true), "1:1: control character U+0000" + utf16Hint},
		// UTF-32 but for a surrogate, which is no character of it.
		{"UTF-32LE with a surrogate", "T\x00\x00\x00\n\x00\x00\x00\x00\xd8\x00\x00\n\x00\x00\x00", "1:2: control character U+0000" + utf16Hint},
		// At the edges of UTF-32's characters: the last four bytes
		// U+110000, one past the last character; U+10FFFF one; the last
		// surrogate none.
		{"UTF-32LE but for its last four bytes", "T\x00\x00\x00i\x00\x00\x00\x00\x00\x11\x00", "1:2: control character U+0000"},
		{"UTF-32LE with U+10FFFF", utf32Bytes("Ti\U0010FFFF\n", false), "1:2: control character U+0000" + utf32Hint},
		{"UTF-32LE with the last surrogate", "T\x00\x00\x00\xff\xdf\x00\x00", "1:2: control character U+0000"},
		// The first 64 bytes must all read as UTF-16 below U+2000: high
		// bytes below 0x20 (Georgian's 0x10, Greek's 0x1F), a NUL among
		// them or all the same, and low bytes that vary.
		{"a letter at byte 63", strings.Repeat("a\x00b\x00", 15) + "a\x00xy\n", "1:2: control character U+0000"},
		{"control characters that vary, the last as the first", "\x01a\x02b\x03c\x01d\n", "1:1: control character U+0001"},
		{"letters that vary, the last as the first", "a\x00b\x00a\x00\n", "1:2: control character U+0000" + utf16Hint},
		{"UTF-16LE, Georgian", utf16Bytes("საქართველო\n", false), "1:1: invalid UTF-8: e1" + utf16Hint},
		{"UTF-16LE, polytonic Greek", utf16Bytes("Ἀθῆναι καὶ\n", false), "1:1: control character U+0008" + utf16Hint},
		{"UTF-16LE, Chinese after ASCII", utf16Bytes("Hello 中文\n", false), "1:2: control character U+0000"},
		{"UTF-16LE, two blocks and no ASCII", utf16Bytes("ЯαΩβ\n", false), "1:2: control character U+0004"},
		{"UTF-16LE, two blocks and a space", utf16Bytes("Яα Ωβ\n", false), "1:2: control character U+0004" + utf16Hint},
		{"UTF-16LE, two blocks and a Latin-1 letter", utf16Bytes("Яé\n", false), "1:2: control character U+0004" + utf16Hint},
		{"UTF-16LE, a character whose low byte is a NUL", utf16Bytes("ἀγαθός λόγος\n", false), "1:1: control character U+0000"},
		{"UTF-16LE, low bytes all the same", utf16Bytes("ašaš\n", false), "1:2: control character U+0000"},
		// Њ, U+040A, holds the byte of a line feed: the first line ends
		// before its end.
		{"UTF-16LE, Њ first", utf16Bytes("Његош је песник\n", false), "2:1: control character U+0004"},
		// Line feeds in UTF-16, but the first error is not a byte's.
		{"a parse error first", "RESUME\n\x00\n\x00", "1:1: missing title: the first non-blank line is the header SUMMARY"},
	} {
		_, err := Parse([]byte(tt.in))
		var list ErrorList
		if !errors.As(err, &list) || list[0].Error() != tt.want {
			t.Errorf("%s: Parse(%q) gives %v, want first %s", tt.name, tt.in, err, tt.want)
		}
		// One error says it, at most.
		n := 0
		for _, e := range list {
			if strings.Contains(e.Error(), "looks like UTF-") || strings.Contains(e.Error(), "mark of UTF-") {
				n++
			}
		}
		if n > 1 {
			t.Errorf("%s: Parse(%q) says UTF-16 %d times: %v", tt.name, tt.in, n, list)
		}
	}
}

// TestParseEdgeErrors checks errors at the edges of their rules: the line
// of an input cut by the size limit inside a line break, which it shows
// without the break; counts too large for an int, and too long to quote
// whole; the first of two counts; the hint of UTF-16, for a byte order
// mark at the start only and for a line long enough to tell; where a cut
// list's last error stands, at the first error not shown; a header in
// place of the title; lines quoted short, and a type line's column past
// its indent.
func TestParseEdgeErrors(t *testing.T) {
	for _, tt := range []struct {
		max         int64
		text        string
		first, last string // the first error with its position, and the last
	}{
		{7, "Titre\u2029x", "1:8: input too large: more than 7 bytes\n  |\n1 | Titre\n  |      ^", ""},
		{7, "Titre\u2028x", "1:8: input too large: more than 7 bytes\n  |\n1 | Titre\n  |      ^", ""},
		{6, "Titre\u0085x", "1:7: input too large: more than 6 bytes\n  |\n1 | Titre\n  |      ^", ""},
		{2, "\r\xe2\x80", "2:2: input too large: more than 2 bytes", ""},
		{0, "T\nMENTIONED ENTITIES 1\nA\n👤 Person_Male x\nMENTIONED ENTITIES 5\n", "5:1: duplicate section MENTIONED ENTITIES (first at line 2)", "5:1: entity count mismatch: the header says 5, the section has 1"},
		{0, "T\nSUMMARY\nSUMMARY\nSUMMARY\n", "3:1: duplicate section SUMMARY (first at line 2)", "4:1: duplicate section SUMMARY (first at line 2)"},
		{0, "T\nMENTIONED ENTITIES 1\nA\n👤 Person_Male x\nB\n👤 Person_Male y\n", "2:1: entity count mismatch: the header says 1, the section has 2", ""},
		// UTF-16 whose first line feed is past 8 KiB, within the 16 KiB
		// looked at, and whose first line does not tell.
		{0, utf16Bytes(strings.Repeat("中", 5000)+"\nline two\nline three\n", false), "2:1: control character U+0000" + utf16Hint, "3:3: too many errors: 11 more not shown"},
		{0, "T\nMENTIONED ENTITIES 9999999999\n", "2:1: entity count mismatch: the header says 9999999999, the section has 0", ""},
		{0, "T\nMENTIONED ENTITIES 12345678901234567890\n", "2:1: entity count mismatch: the header says 12345678901234567890, the section has 0", ""},
		{0, "T\nMENTIONED ENTITIES 123456789012345678901\n", "2:1: entity count mismatch: the header says 12345678901234567890…, the section has 0", ""},
		{0, "Title\n\xFF\xFEabc\n", "2:1: invalid UTF-8: ff fe", ""},
		{0, "a\x00b", "1:2: control character U+0000", ""},
		{0, "a\x00b\x00", "1:2: control character U+0000" + utf16Hint, "1:4: control character U+0000"},
		{0, "T\n" + strings.Repeat("sub\x01line\n", 11) + "SUMMARY\nSUMMARY\n", "2:4: control character U+0001", "12:4: too many errors: 2 more not shown"},
		// The first of two counts is checked too, and a list cut at a
		// header's indent says where.
		{0, "T\nMENTIONED ENTITIES 2\nA\n👤 Person_Male x\nMENTIONED ENTITIES 1\n", "2:1: entity count mismatch: the header says 2, the section has 1", "5:1: duplicate section MENTIONED ENTITIES (first at line 2)"},
		{0, "T\nSUMMARY\n" + strings.Repeat("SUMMARY\n", 10) + "  SUMMARY\n", "3:1: duplicate section SUMMARY (first at line 2)", "13:3: too many errors: 1 more not shown"},
		// A header first: the title is missing, the header named.
		{0, "SUMMARY\nSUMMARY\n", "1:1: missing title: the first non-blank line is the header SUMMARY", "2:1: duplicate section SUMMARY (first at line 1)"},
		{0, "KEYWORDS\nk\n", "1:1: missing title: the first non-blank line is the header KEYWORDS", ""},
		// Lines quoted short; a type line's column past its indent.
		{0, "T\nMENTIONED ENTITIES\nA\n👤 " + strings.Repeat("1", 50) + "\n", "4:6: type line without type name: \"👤 " + strings.Repeat("1", 38) + "\"…", ""},
		{0, "T\nMENTIONED ENTITIES\nA\n  👤 1\n", "4:8: type line without type name: \"👤 1\"", ""},
		{0, "T\nMENTIONED ENTITIES\nA\n\t👤 1\n", "4:7: type line without type name: \"👤 1\"", ""},
		{0, "T\nMENTIONED ENTITIES\n" + strings.Repeat("n", 50) + "\n", "3:1: entity without type line: \"" + strings.Repeat("n", 40) + "\"…", ""},
	} {
		_, err := (&Parser{MaxSize: tt.max}).Parse([]byte(tt.text))
		var list ErrorList
		if !errors.As(err, &list) {
			t.Fatalf("Parse(%q) = %v, want an ErrorList", tt.text, err)
		}
		first := list[0].Error()
		if strings.Contains(tt.first, "\n") {
			first = list[0].ErrorWithPosition()
		}
		if first != tt.first {
			t.Errorf("Parse(%q): the first error is\n%s\nwant\n%s", tt.text, first, tt.first)
		}
		want := tt.last
		if want == "" {
			want, _, _ = strings.Cut(tt.first, "\n")
		}
		if list[len(list)-1].Error() != want {
			t.Errorf("Parse(%q): the last error is %s, want %s", tt.text, list[len(list)-1], want)
		}
	}
}

// TestParseListsApart checks that appending to one list of a parsed
// digest does not write over another: the lists share one array, each
// with no room past its end.
func TestParseListsApart(t *testing.T) {
	d, err := Parse([]byte("T\nKEY HIGHLIGHTS\n- h1\nCORE SUBJECT\nHeading\nPara one.\nKEYWORDS\nk1, k2\n"))
	if err != nil {
		t.Fatal(err)
	}
	_ = append(d.Highlights, "X")
	_ = append(d.CoreSubject.Paragraphs, "Y")
	want := &Digest{Title: "T", Highlights: []string{"h1"}, CoreSubject: CoreSubject{Heading: "Heading", Paragraphs: []string{"Para one."}}, Keywords: []string{"k1", "k2"}, Entities: []Entity{}}
	if diff := cmp.Diff(want, d); diff != "" {
		t.Errorf("after appending to the lists (-want +got):\n%s", diff)
	}
}

// TestParseFalseCountRoom checks that a count far above the entities read
// leaves no room in Entities: at most twice the length and 64 more.
func TestParseFalseCountRoom(t *testing.T) {
	for _, n := range []int{64, 66, 67, 1000} {
		text := "T\n" + strings.Repeat("x", 300) + fmt.Sprintf("\nMENTIONED ENTITIES %d\nA\n👤 Person_Male\n", n)
		d, _ := Parse([]byte(text))
		if len(d.Entities) != 1 || cap(d.Entities) > 2*1+64 {
			t.Errorf("count %d, one entity: Entities has length %d, capacity %d, want 1 and at most 66", n, len(d.Entities), cap(d.Entities))
		}
	}
}

// utf16Bytes returns s in UTF-16, big-endian or little-endian, without a
// byte order mark.
func utf16Bytes(s string, bigEndian bool) string {
	var b []byte
	for _, u := range utf16.Encode([]rune(s)) {
		if bigEndian {
			b = append(b, byte(u>>8), byte(u))
		} else {
			b = append(b, byte(u), byte(u>>8))
		}
	}
	return string(b)
}

// utf32Bytes returns s in UTF-32, of either byte order, without a byte
// order mark.
func utf32Bytes(s string, bigEndian bool) string {
	var b []byte
	for _, r := range s {
		if bigEndian {
			b = binary.BigEndian.AppendUint32(b, uint32(r))
		} else {
			b = binary.LittleEndian.AppendUint32(b, uint32(r))
		}
	}
	return string(b)
}
