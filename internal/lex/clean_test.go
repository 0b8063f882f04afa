package lex

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// TestLatinPairs checks latinPairs against golang.org/x/text for every
// ASCII letter and mark from U+0300 to U+036F: it lists the letter that
// NFC makes of the pair whenever NFC makes one letter of it, and nothing
// otherwise.
func TestLatinPairs(t *testing.T) {
	pairs := latinPairs()
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
				t.Errorf("latinPairs %c U+%04X = %U, want %U", c, m, got, want)
			}
		}
	}
	// 'é', 'ñ', 'ç' and hundreds more: a table that lists none would pass
	// the loop above if composeLatin's tests failed to see it.
	if composed < 400 {
		t.Errorf("%d pairs compose, want hundreds", composed)
	}
}

// TestComposeLatin checks nfc against norm.NFC.String on a letter and a
// mark between texts that may or may not start a segment, and that
// composeLatin takes the texts it is meant for: a pair that composes,
// between runes that start segments.
func TestComposeLatin(t *testing.T) {
	type piece struct {
		s    string
		safe bool // starts a segment and is NFC, for composeLatin
	}
	before := []piece{{"", true}, {"x", true}, {"é", true}, {"’", true}, {"Каир ", true}, {"\x01", true},
		{"\u0085", true}, {"\uFFFD", true}, {"e\u0301", true}, {"и", true}, {"\u0301", false}, {"\u0E31", false}}
	after := []piece{{"", true}, {"y", true}, {"é", true}, {" ’", true}, {"👤", true}, {"и", true},
		{"\u00a0", true}, {"\uFFFD", true}, {"a\u0308", true}, {"\u0301", false}, {"\u0316", false}, {"\u0345", false},
		{"\u1DC0", false}, {"x\u0370", false}, {"x\u0374", false}, {"x\u037E", false}, {"\u0E31", false}, {"\u0958", false}}
	var l Lexer // one Lexer for all, whose texts must stay as they were returned
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
					if got := l.nfc(s, len(s)); got != want {
						t.Fatalf("nfc(%+q) = %+q, want %+q", s, got, want)
					} else {
						results = append(results, result{s, got})
					}
					var fresh Lexer
					_, ok := fresh.composeLatin(s, len(s))
					if wantOK := composes && b.safe && a.safe; ok != wantOK {
						t.Fatalf("composeLatin(%+q) takes it: %v, want %v", s, ok, wantOK)
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
	type result struct{ in, out string }
	var results []result
	for range 100000 {
		var b strings.Builder
		for range r.IntN(16) {
			b.WriteString(pieces[r.IntN(len(pieces))])
		}
		s := b.String()
		got, want := l.cleanText(s, len(s)+r.IntN(1<<17)), cleanRuneByRune(s)
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
// a few allocations, not one a line, and the texts stay as they were
// returned as the lines after them are read.
func TestChangedTextsShareBuffers(t *testing.T) {
	for _, line := range []string{
		"Cafe\u0301 et the\u0301\n",             // NFD, which composeLatin composes
		"Un\tdeux  trois\n",                     // cleaned
		"\u1100\u1161\u11a8 et x\u0301\u0316\n", // NFC through a norm.Iter
		"Cafe\u0301\tet  the\u0301\n",           // both
	} {
		const lines = 4000
		src := strings.Repeat(line, lines)
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
		if allocs > 30 && !raceEnabled {
			t.Errorf("reading %d lines of %+q allocates %v times, want at most 30", lines, line, allocs)
		}
		want := refText(strings.TrimSuffix(line, "\n"))
		for i, text := range texts {
			if text != want {
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
