package lex

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// TestLettersSafe checks every sequence of two and three bytes that
// starts with a byte from 0xC0 to 0xEF: Letters passes over it only
// when it is one character that needs no check (AlwaysNFC) and no
// cleaning, and does not end a line.
func TestLettersSafe(t *testing.T) {
	for b0 := 0xC0; b0 < 0xF0; b0++ {
		for b1 := range 256 {
			n := 2
			if b0 >= 0xE0 {
				n = 3
			}
			for b2 := range 256 {
				if n == 2 && b2 > 0 {
					break
				}
				s := string([]byte{byte(b0), byte(b1), byte(b2)})[:n] + "x"
				j := Letters(s, 0)
				// After a letter and a space, the same: the space is passed
				// over only before a letter.
				after, want := "и "+s, len("и")
				if j > 0 {
					want = len("и ") + j
				}
				if got := Letters(after, 0); got != want {
					t.Fatalf("Letters(%+q, 0) = %d, want %d", after, got, want)
				}
				// After a letter, the sequence may also be a mark that
				// markAt takes: one character, UTF-8, stable and of a
				// class other than 0.
				if k := Letters("ก"+s, 0) - len("ก"); k > 0 && j == 0 {
					r, size := utf8.DecodeRuneInString(s)
					m := nfcMarks[max(0, min(r, 0xFFF)-0x300)]
					if k != n || size != n || r < 0x300 || r >= 0x1000 || m&stableMark == 0 || uint8(m) == 0 {
						t.Fatalf("Letters(%+q, 0) passes over %+q after a letter; the first rune is %U, %d bytes", "ก"+s, s[:k], r, size)
					}
				}
				if j == 0 {
					continue
				}
				// The lexer cleans U+200B and U+FEFF, and ends a line
				// at U+2028 and U+2029, which AlwaysNFC may take.
				r, size := utf8.DecodeRuneInString(s)
				special := r == 0x200B || r == 0xFEFF || r == 0x2028 || r == 0x2029
				if j != n || size != n || r < 0x300 || !AlwaysNFC(r) || special {
					t.Fatalf("Letters(%+q, 0) = %d; the first rune is %U, %d bytes, AlwaysNFC %v",
						s, j, r, size, AlwaysNFC(r))
				}
			}
		}
	}
}

// TestLettersTaken checks that Letters passes over the letters of the
// scripts it names, with single spaces between them, and stops where it
// must.
func TestLettersTaken(t *testing.T) {
	for _, rg := range []struct{ lo, hi rune }{
		{0x0388, 0x03CE}, // Greek
		{0x0400, 0x0482}, // Cyrillic
		{0x048A, 0x052F},
		{0x05D0, 0x05EA}, // Hebrew
		{0x0620, 0x064A}, // Arabic
		{0x0671, 0x06D3},
		{0x4E00, 0x9FFF}, // CJK ideographs
		{0xAC00, 0xD7A3}, // Hangul syllables
		{0x0E01, 0x0E37}, // Thai
		{0x0904, 0x0939}, // Devanagari
		{0x3041, 0x3096}, // hiragana
		{0x30A1, 0x30FC}, // katakana, with U+30FB and U+30FC
	} {
		for r := rg.lo; r <= rg.hi; r++ {
			if s := string(r) + " " + string(r) + "."; Letters(s, 0) != len(s)-1 {
				t.Errorf("Letters(%+q, 0) = %d, want %d", s, Letters(s, 0), len(s)-1)
			}
		}
	}
	// A long run is read whole. (A look ahead past each space that read
	// the whole rest of the run would pass too, in minutes rather than
	// milliseconds: BenchmarkParseScripts is where such a cost shows.)
	long := strings.Repeat("мир ", 1<<17) + "мир"
	if j := Letters(long, 0); j != len(long) {
		t.Errorf("Letters of %d words = %d, want %d", 1<<17+1, j, len(long))
	}
	for _, tc := range []struct {
		s    string
		i, j int
	}{
		{"", 0, 0},
		{"abc", 0, 0},
		{"мир", 0, 6},
		{"мир", 2, 6},
		{"мир мир", 0, 13},
		{"мир  мир", 0, 6},  // two spaces: cleaned, not passed over
		{"мир \tмир", 0, 6}, // a tab
		{"мир ", 0, 6},      // a space at the end
		{"мир x", 0, 6},     // a space before ASCII: Plain's to read
		{"мир, мир", 0, 6},  // punctuation
		{"мир\u0306", 0, 6}, // a combining mark: NFC is checked
		{"мир\u200Bмир", 0, 6},
		{"мир\u2028мир", 0, 6},
		{"мир\xD0", 0, 6},         // a lead byte at the end
		{"мир\xD0x", 0, 6},        // not followed by a continuation byte
		{"мир\xED\xA0\x80", 0, 6}, // a surrogate
		{"мир\xE4\xB8", 0, 6},     // a CJK letter cut short
		{"мир中文", 0, 12},
		{"мир é", 0, 6}, // é is Plain's; the run does not end with a space
		{" мир", 0, 0},  // nor start with one
		{"мир \xff", 0, 6},
		{"мир 😀", 0, 6},
		{"こんにちは", 0, 15},               // kana, whose blocks also hold marks
		{"こんにちは\u3099", 0, 15},         // a combining voiced sound mark
		{"スー パー", 0, 13},               // katakana, with U+30FC
		{"สวัสดี", 0, 18},              // Thai, with a vowel sign of class 0 (U+0E31)
		{"ที่", 0, 9},                  // a tone mark (U+0E48), of class 107
		{"สุ่ม", 0, 12},                // U+0E38 (class 103), then a tone mark: in order
		{"ส\u0E48\u0E38ม", 0, 6},       // a tone mark, then U+0E38: NFC reorders them
		{"सर्वोच्च", 0, 24},            // Devanagari, with viramas (U+094D)
		{"क़", 0, 3},                   // a nukta (U+093C), which composes with न into U+0929: not stable
		{"שָׁלוֹם", 0, 14},             // Hebrew points: qamats (class 18), then shin dot (24)
		{"\u0E48ก", 0, 0},              // a run starts with a letter, not a mark
		{"ก \u0E48", 0, 3},             // nor does a mark follow a space
		{"и\u0306", 0, 2},              // U+0306 composes with и: not stable
		{"ก\u0E48\u0E48", 0, 9},        // the same class twice: in order
		{"ก\u0E48ก\u0E38", 0, 12},      // each letter starts a new row of marks
		{"ก\u0E4C", 0, 6},              // U+0E4C, a mark of class 0 that AlwaysNFC takes
		{"ب\u0600", 0, 2},              // U+0600, of class 0 but no letter: the run ends
		{"ที่ ที่", 0, 19},             // a space after a mark, between two words
		{"\u0E3F \u0E01\u0E2A", 0, 10}, // the baht sign, then letters
	} {
		if j := Letters(tc.s, tc.i); j != tc.j {
			t.Errorf("Letters(%+q, %d) = %d, want %d", tc.s, tc.i, j, tc.j)
		}
	}
	// Rows of marks of one class after ΐ, which NFC decomposes into three
	// runes, two of them marks: up to maxMarksInRow are passed over, and
	// what is passed over is NFC, short of the joiner that x/text puts
	// after 30 marks in a row.
	for k := range 36 {
		s := "ΐ" + strings.Repeat("\u0483", k) + "x" // U+0483, stable, of class 230
		j := Letters(s, 0)
		if want := len("ΐ") + min(k, maxMarksInRow)*len("\u0483"); j != want {
			t.Errorf("Letters of ΐ and %d marks = %d, want %d", k, j, want)
		}
		if norm.NFC.String(s[:j]) != s[:j] {
			t.Errorf("Letters of ΐ and %d marks passes over %+q, which NFC changes", k, s[:j])
		}
	}
	// At most maxMarksInRow marks in a row, as quickNFC takes.
	row := "क" + strings.Repeat("\u094D", maxMarksInRow+1)
	if j, want := Letters(row, 0), len("क")+maxMarksInRow*len("\u094D"); j != want {
		t.Errorf("Letters of a letter and %d viramas = %d, want %d", maxMarksInRow+1, j, want)
	}
}

// TestLettersMarks checks the marks that Letters passes over after a
// letter: each stable mark below U+1000 of a class other than 0, and
// each pair of them in canonical order, after letters of several
// scripts, some of which NFC decomposes. What Letters passes over must be
// NFC and left as it is by quickNFC, and Letters must pass over all of
// it when every mark is such a mark in order.
func TestLettersMarks(t *testing.T) {
	var marks []rune
	for r := rune(0x300); r < 0x1000; r++ {
		if m := nfcMarks[r-0x300]; m&stableMark != 0 && uint8(m) != 0 {
			marks = append(marks, r)
		}
	}
	if len(marks) < 300 {
		t.Fatalf("%d stable marks of a class other than 0 below U+1000; the table is wrong", len(marks))
	}
	class := func(r rune) uint8 { return uint8(nfcMarks[r-0x300]) }
	for _, letter := range []string{"и", "ά", "ب", "א", "क", "ก", "中"} {
		for _, m1 := range marks {
			for _, m2 := range append(marks, 0x301, 0x93C, 0x334, 0x600, 0xF00) {
				s := letter + string(m1) + string(m2) + "x"
				j := Letters(s, 0)
				if !norm.NFC.IsNormalString(s[:j]) {
					t.Fatalf("Letters(%+q, 0) passes over %+q, which is not NFC", s, s[:j])
				}
				if got, ok := (*Lexer)(nil).quickNFC(s[:j]); !ok || got != s[:j] {
					t.Fatalf("Letters(%+q, 0) passes over %+q, which quickNFC does not take as it is", s, s[:j])
				}
				inOrder := class(m1) <= class(m2) && slices.Contains(marks, m2)
				if want := len(s) - 1; inOrder && j != want {
					t.Fatalf("Letters(%+q, 0) = %d, want %d: the marks are in order", s, j, want)
				}
				if want := len(letter) + len(string(m1)); !inOrder && j != want {
					t.Fatalf("Letters(%+q, 0) = %d, want %d: the second mark ends the run", s, j, want)
				}
			}
		}
	}
}

// TestLettersMarksInRow checks that Letters passes over up to 15 marks
// of a class other than 0 in a row, as maxMarksInRow's doc says, and
// stops at the next: Devanagari viramas after a letter.
func TestLettersMarksInRow(t *testing.T) {
	const most = 15
	for n := most - 1; n <= most+2; n++ {
		s := "क" + strings.Repeat("\u094D", n) + "ख"
		want := len(s)
		if n > most {
			want = len("क") + most*len("\u094D")
		}
		if got := Letters(s, 0); got != want {
			t.Errorf("Letters of a letter and %d viramas, then a letter = %d, want %d", n, got, want)
		}
	}
}
