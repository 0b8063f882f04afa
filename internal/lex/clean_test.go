package lex

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"digest/internal/race"
)

// TestLatinPairs checks nfcPairs against golang.org/x/text for every
// ASCII letter and mark from U+0300 to U+036F: it lists the letter that
// NFC makes of the pair whenever NFC makes one letter of it, and nothing
// otherwise.
func TestLatinPairs(t *testing.T) {
	pairs := &nfcPairs
	composed := 0
	for _, c := range "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz" {
		for m := rune(0x300); m <= 0x36F; m++ {
			nfc := norm.NFC.String(string(c) + string(m))
			want := rune(0)
			if r, size := utf8.DecodeRuneInString(nfc); size == len(nfc) {
				want = r
				composed++
			}
			if got := rune(pairs[letterIndex(byte(c))][m-0x300]); got != want {
				t.Errorf("the pair %c U+%04X = %U, want %U", c, m, got, want)
			}
		}
	}
	// 'é', 'ñ', 'ç' and hundreds more: a guard of the reference, which
	// the loop above trusts.
	if composed < 400 {
		t.Errorf("%d pairs compose, want hundreds", composed)
	}
}

// TestQuickNFCLatinPairs checks nfc against norm.NFC.String on a letter and a
// mark between texts that may or may not start a segment, and that
// quickNFC takes the texts it is meant for: a pair that composes,
// between runes that start segments.
func TestQuickNFCLatinPairs(t *testing.T) {
	type piece struct {
		s    string
		safe bool // starts a segment and is NFC, for quickNFC
	}
	// A stable mark after the pair is safe after a mark of its class or a
	// lower one.
	upTo := map[string]uint8{"\u0316": 220}
	before := []piece{{"", true}, {"x", true}, {"é", true}, {"’", true}, {"Каир ", true}, {"\x01", true},
		{"\u0085", true}, {"\uFFFD", true}, {"e\u0301", true}, {"и", true}, {"\u0301", false}, {"\u0E31", true}}
	after := []piece{{"", true}, {"y", true}, {"é", true}, {" ’", true}, {"👤", true}, {"и", true},
		{"\u00a0", true}, {"\uFFFD", true}, {"a\u0308", true}, {"\u0301", false}, {"\u0316", true}, {"\u0345", false},
		{"\u1DC0", false}, {"x\u0370", true}, {"x\u0374", false}, {"x\u037E", false}, {"\u0E31", true}, {"\u0958", false}}
	stable := stableRunes()
	class := func(r rune) uint8 { return norm.NFC.PropertiesString(string(r)).CCC() }
	// One Lexer for all, whose texts must stay as they were returned. Its
	// input, unread, lets the buffers it writes texts in grow to 64 KiB.
	var l Lexer
	l.Init(strings.Repeat("x", 1<<17))
	type result struct{ in, out string }
	var results []result
	for _, c := range "AEOZceinuy" {
		for m := rune(0x300); m <= 0x36F; m++ {
			pair := string(c) + string(m)
			composes := utf8.RuneCountInString(norm.NFC.String(pair)) == 1
			for _, b := range before {
				for _, a := range after {
					s := b.s + pair + a.s
					want := norm.NFC.String(s)
					if got := l.nfc(s); got != want {
						t.Fatalf("nfc(%+q) = %+q, want %+q", s, got, want)
					} else {
						results = append(results, result{s, got})
					}
					var fresh Lexer
					_, ok := fresh.quickNFC(s)
					switch {
					case composes && ok != (b.safe && a.safe && (upTo[a.s] == 0 || class(m) <= upTo[a.s])):
						t.Fatalf("quickNFC(%+q) takes it: %v", s, ok)
					case !composes && !stable[m] && ok:
						t.Fatalf("quickNFC(%+q) takes it, though U+%04X neither composes nor is stable", s, m)
					}
				}
			}
		}
	}
	for _, r := range results {
		if want := norm.NFC.String(r.in); r.out != want {
			t.Fatalf("nfc(%+q) became %+q after later calls, want %+q", r.in, r.out, want)
		}
	}
}

// cleanRuneByRune is cleanText as it was first written, a rune at a
// time: the reference that cleanText, which copies runs whole, must
// match.
func cleanRuneByRune(s string) string {
	var b []byte
	space := false
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		switch r {
		case 0x200B, 0xFEFF:
			continue
		case ' ', '\t':
			if !space {
				b = append(b, ' ')
			}
			space = true
			continue
		}
		space = false
		b = utf8.AppendRune(b, r)
	}
	return string(b)
}

// TestCleanText checks cleanText against cleanRuneByRune on random texts
// of spaces, tabs, the characters it removes, invalid bytes, and the
// runs that Plain and Letters pass over, with one Lexer whose texts must
// stay as they were returned.
func TestCleanText(t *testing.T) {
	pieces := []string{" ", "  ", "\t", " \t ", "a", "é", "Secrétaire général", "\u200B", "\uFEFF", " \u200B ",
		"\xff", "\xe2\x80", "\xcc", "Каир", "東京", "\x01", "\x7f", "\u0085", "👤", "\u0301", "’", "\u00a0",
		strings.Repeat(" ", 40), strings.Repeat("ab  ", 20), strings.Repeat("\xff", 40)}
	r := rand.New(rand.NewPCG(3, 4))
	var l Lexer
	l.Init(strings.Repeat("x", 1<<17)) // unread: the buffers grow to 64 KiB
	type result struct{ in, out string }
	var results []result
	for range 100000 {
		var b strings.Builder
		for range r.IntN(16) {
			b.WriteString(pieces[r.IntN(len(pieces))])
		}
		s := b.String()
		got, want := l.cleanText(s), cleanRuneByRune(s)
		if got != want {
			t.Fatalf("cleanText(%+q) = %+q, want %+q", s, got, want)
		}
		results = append(results, result{s, got})
	}
	for _, r := range results {
		if want := cleanRuneByRune(r.in); r.out != want {
			t.Fatalf("cleanText(%+q) became %+q after later calls, want %+q", r.in, r.out, want)
		}
	}
}

// TestChangedTextsShareBuffers checks that the texts NextText changes
// share their buffers: reading many lines that need cleaning or NFC costs
// a few allocations, not one a line, and the texts, each line numbered,
// stay as they were returned as the lines after them are read.
func TestChangedTextsShareBuffers(t *testing.T) {
	for _, line := range []string{
		"Cafe\u0301 et the\u0301\n",             // NFD, which quickNFC composes
		"Un\tdeux  trois\n",                     // cleaned
		"\u1100\u1161\u11a8 et x\u0301\u0316\n", // NFC through a norm.Iter
		"Cafe\u0301\tet  the\u0301\n",           // both
	} {
		const lines = 4000
		var b strings.Builder
		for i := range lines {
			fmt.Fprintf(&b, "%d %s", i, line)
		}
		src := b.String()
		var texts []string
		allocs := testing.AllocsPerRun(1, func() {
			texts = texts[:0]
			var l Lexer
			l.Init(src)
			for {
				text, ok := l.NextText()
				if !ok {
					break
				}
				texts = append(texts, text)
			}
		})
		// Buffers of 4 KiB doubling to 64 KiB, for the cleaned texts and
		// for their NFC, where each line would take one or two.
		// The race detector makes sync.Pool, which holds nfc's norm.Iter,
		// drop what it is given: then the count says nothing.
		if allocs > 30 && !race.Enabled {
			t.Errorf("reading %d lines of %+q allocates %v times, want at most 30", lines, line, allocs)
		}
		for i, text := range texts {
			if want := refText(fmt.Sprintf("%d %s", i, strings.TrimSuffix(line, "\n"))); text != want {
				t.Fatalf("line %d of %+q reads %+q, want %+q", i+1, line, text, want)
			}
		}
	}
}

// TestIndexFrom300 checks indexFrom300 with each byte at each position of
// a text of bytes below 0xCC, from each start.
func TestIndexFrom300(t *testing.T) {
	for _, filler := range []byte{'a', 0x4C, 0x7F, 0x80, 0xCB} {
		for n := range 20 {
			for p := range n {
				for c := range 256 {
					b := make([]byte, n)
					for k := range b {
						b[k] = filler
					}
					b[p] = byte(c)
					s := string(b)
					for i := range n + 1 {
						want := n
						if c >= 0xCC && p >= i {
							want = p
						}
						if got := indexFrom300(s, i); got != want {
							t.Fatalf("indexFrom300(%+q, %d) = %d, want %d", s, i, got, want)
						}
					}
				}
			}
		}
	}
}

// stableRunes returns the runes from U+0300 to U+0FFF that NFC leaves as
// they are and that combine with no rune before them, found the long
// way: a rune combines with one before it when it is in the canonical
// decomposition of a rune that is NFC, after its first rune.
var stableRunes = sync.OnceValue(func() map[rune]bool {
	seconds := make(map[rune]bool)
	for c := rune(0); c <= utf8.MaxRune; c++ {
		if !utf8.ValidRune(c) || c >= 0xAC00 && c <= 0xD7A3 { // Hangul syllables compose only with jamo
			continue
		}
		s := string(c)
		if d := norm.NFD.String(s); d != s && norm.NFC.IsNormalString(s) {
			for _, r := range []rune(d)[1:] {
				seconds[r] = true
			}
		}
	}
	stable := make(map[rune]bool)
	for r := rune(0x300); r < 0x1000; r++ {
		if norm.NFC.IsNormalString(string(r)) && !seconds[r] {
			stable[r] = true
		}
	}
	return stable
})

// TestStableMarks checks the table of marks against the runes stableRunes finds
// and the combining classes of golang.org/x/text.
func TestStableMarks(t *testing.T) {
	marks, stable := &nfcMarks, stableRunes()
	n := 0
	for r := rune(0x300); r < 0x1000; r++ {
		m := marks[r-0x300]
		if got, want := m&stableMark != 0, stable[r]; got != want {
			t.Errorf("the marks table has U+%04X stable: %v, want %v", r, got, want)
		}
		if got, want := uint8(m), norm.NFC.PropertiesString(string(r)).CCC(); got != want {
			t.Errorf("the marks table has U+%04X of class %d, want %d", r, got, want)
		}
		if stable[r] && norm.NFC.PropertiesString(string(r)).CCC() != 0 {
			n++
		}
	}
	// The marks of Indic scripts, Thai, Hebrew and Arabic: a table that
	// lists none would pass the loop above if stableRunes failed.
	if n < 100 {
		t.Errorf("%d stable marks of a class other than 0, want hundreds", n)
	}
}

// TestQuickNFCTakes checks that quickNFC settles the lines of scripts
// whose marks need no composition, as it is meant to, without
// golang.org/x/text: Hindi, Thai, Hebrew and Arabic with their vowel
// signs and points, and marks of the same class in a row.
func TestQuickNFCTakes(t *testing.T) {
	for _, s := range []string{
		"अनुच्छेद संख्या 12, सर्वोच्च न्यायालय",
		"ย่อหน้าที่ 12 สวัสดีครับ",
		"בְּרֵאשִׁית",
		"الْفِقْرَةُ رَقْمُ",
		"Cafe\u0301 et \u0E48\u0E48",
		"x" + strings.Repeat("\u0316", maxMarksInRow),
		strings.Repeat("क्ष", 2*maxMarksInRow), // marks not in a row
	} {
		var l Lexer
		if got, ok := l.quickNFC(s); !ok || got != norm.NFC.String(s) {
			t.Errorf("quickNFC(%+q) = %+q, %v; want %+q, true", s, got, ok, norm.NFC.String(s))
		}
	}
	// Runs of marks up to and past the 30 after which NFC puts U+034F,
	// after runes that decompose to marks themselves.
	for _, base := range []string{"x", "é", "\u01D5", "\u0390", "u\u0344", "e\u0301", "\u0915"} {
		for n := range 36 {
			for _, mark := range []string{"\u0316", "\u094D", "\u0E48"} {
				s := base + strings.Repeat(mark, n) + "y"
				if got, want := nfc(s), norm.NFC.String(s); got != want {
					t.Fatalf("nfc(%+q) = %+q, want %+q", s, got, want)
				}
				if got, want := IsNFC(s), norm.NFC.IsNormalString(s); got != want {
					t.Fatalf("IsNFC(%+q) = %v, want %v", s, got, want)
				}
			}
		}
	}
	// One mark more than maxMarksInRow, or marks out of order, go to
	// golang.org/x/text.
	for _, s := range []string{"x" + strings.Repeat("\u0316", maxMarksInRow+1), "x\u0E48\u0E38", "\u05B4\u05B0"} {
		var l Lexer
		if _, ok := l.quickNFC(s); ok {
			t.Errorf("quickNFC(%+q) takes it", s)
		}
	}
}

// TestTextRoomFromRest checks that a buffer for changed texts is no
// larger than the input after the line being read needs.
func TestTextRoomFromRest(t *testing.T) {
	src := "a\tb\n" + strings.Repeat("x", 100)
	var l Lexer
	l.Init(src)
	if text, _ := l.NextText(); text != "a b" {
		t.Fatalf("the first line reads %+q, want \"a b\"", text)
	}
	if c := cap(l.texts); c > len(src) {
		t.Errorf("the buffer for changed texts holds %d bytes, more than the %d of the input", c, len(src))
	}
}
