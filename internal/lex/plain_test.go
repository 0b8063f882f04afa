package lex

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode/utf8"
	"unsafe"
)

// refPlain is Plain written plainly, a character at a time.
func refPlain(s string, i int) (j int, double bool) {
	start := i
	for i < len(s) {
		c := s[i]
		if ' ' <= c && c <= '~' {
			if c == ' ' && i > start && s[i-1] == ' ' {
				double = true
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			return i, double
		case 0xA0 <= r && r <= 0x2FF,
			0x2002 <= r && r <= 0x203F && r != 0x200B && r != 0x2028 && r != 0x2029,
			r == 0xFE0F,
			0x1F000 <= r && r <= 0x1FAFF:
			i += size
		default:
			return i, double
		}
	}
	return i, double
}

// TestIsEmoji checks the ends of the blocks that IsEmoji takes, U+1F000
// to U+1FAFF: the caret under an error's line counts a skin tone modifier
// after any of them as part of it.
func TestIsEmoji(t *testing.T) {
	for r, want := range map[rune]bool{
		0x1EFFF: false, 0x1F000: true, 0x1F464: true, 0x1FAFF: true, 0x1FB00: false,
	} {
		if got := IsEmoji(r); got != want {
			t.Errorf("IsEmoji(%U) = %v, want %v", r, got, want)
		}
	}
}

// plainAlphabet holds the bytes that matter to Plain: spaces, ASCII,
// controls, and the bytes of the two-byte characters it passes over and of
// those it stops at.
var plainAlphabet = []string{
	" ", " ", " ", "a", "a", "Z", "~", "\t", "\n", "\x00", "\x1f", "\x7f",
	"é", "à", "ʼ", "\u00a0", "«", "\u00bf", "\u0080", "\u0085", "\u009f",
	"\u0300", "\u2028", "\u2029", "\u200b", "\u2000", "\u2001", "\u2002", "’", "…",
	"\u203f", "\u2040", "\u2060", "\ufe0f", "\ufe0e", "\ufeff", "👤", "🏛️", "\U0001F000",
	"\U0001FAFF", "\U0001FB00", "\U0001EFFF", "\U0010FFFF", "\xf0\x9f", "\xe2\x80", "\xef\xb8",
	// Near emoji and U+FE0F, a byte apart: F0 90, F0 9E, EF BC 8F, EF BA 8F.
	"\U00010000", "\U0001E800", "\uFF0F", "\uFE8F",
	"\xc2", "\xc3", "\xcb", "\xcc", "\x80", "\xa0", "\xbf", "\xc0", "\xff",
}

// TestPlain compares Plain, and plainWords alone, with refPlain at every
// offset of random strings long enough to span several blocks, so that
// each kind of byte falls at each place of a block and across blocks.
func TestPlain(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for n := range 3000 {
		var b strings.Builder
		for b.Len() < n%150 {
			if rng.IntN(3) == 0 {
				b.WriteString(plainAlphabet[rng.IntN(len(plainAlphabet))])
			} else {
				b.WriteString(strings.Repeat("x", rng.IntN(20)))
			}
		}
		checkPlain(t, b.String())
	}
	// Every place of a space pair, or near pair, across blocks and words.
	for p := range 100 {
		for _, pair := range []string{"  ", " a ", "é ", " é", " \u00a0 "} {
			b := []byte(strings.Repeat("a", 104))
			copy(b[p:], pair)
			checkPlain(t, string(b))
		}
	}
	for _, s := range []string{
		"", " ", "  ", strings.Repeat(" ", 40), strings.Repeat("é", 40),
		strings.Repeat("a", 15) + "é" + strings.Repeat(" ", 20),
		strings.Repeat("a", 7) + "é" + strings.Repeat(" b", 20),
		strings.Repeat("a", 15) + " " + " " + strings.Repeat("b", 20),
	} {
		checkPlain(t, s)
	}
}

// TestPlainPastEnd checks that what lies in memory after s changes
// nothing: Plain reads the last bytes of s as a block, with the bytes after
// them. Each string is followed by bytes that would change the answer if
// they counted: the rest of a character cut short, a space after a space.
func TestPlainPastEnd(t *testing.T) {
	after := []string{"\x80", "\xa9", " ", "  ", "\x9f\x98\x80", "\x98\x80", "\x80\x99", "\x99", "\xb8\x8f", "\x8f", "a"}
	check := func(s string) {
		t.Helper()
		for _, a := range after {
			long := s + a + strings.Repeat("a", 40)
			checkPlain(t, long[:len(s)])
		}
	}
	for k := range 40 {
		for _, end := range []string{"\xc3", "\xc2", "\xe2", "\xe2\x80", "\xf0", "\xf0\x9f", "\xf0\x9f\x98", "\xef", "\xef\xb8", " ", "é", "\u00a0", "’", "👤", "\ufe0f"} {
			check(strings.Repeat("a", k) + end)
			check(strings.Repeat("é", k/2) + end)
		}
	}
	rng := rand.New(rand.NewPCG(3, 4))
	for n := range 1000 {
		var b strings.Builder
		for b.Len() < n%70 {
			b.WriteString(plainAlphabet[rng.IntN(len(plainAlphabet))])
		}
		check(b.String())
	}
}

// checkPlain compares Plain, with each implementation of plainBlocks that
// the processor runs, and plainWords with refPlain at every offset of s.
func checkPlain(t *testing.T, s string) {
	t.Helper()
	variants, restore := plainVariants()
	defer restore()
	dst := make([]byte, len(s)+blockSize)
	for i := range len(s) + 1 {
		wantJ, wantD := refPlain(s, i)
		for name, use := range variants {
			use()
			if j, d := Plain(s, i); j != wantJ || d != wantD {
				t.Fatalf("Plain(%q, %d) with %s = %d, %v; want %d, %v", s, i, name, j, d, wantJ, wantD)
			}
			// eol tells a line that ends at a '\n' read in a whole block,
			// as it must where a whole block holds the '\n'.
			j, d, eol := plainBlocks(nil, s, i)
			line := j < len(s) && s[j] == '\n' && !d
			if eol && !line || !eol && line && hasBlocks && j+blockSize <= len(s) {
				t.Fatalf("plainBlocks(%q, %d) with %s = %d, %v, eol %v", s, i, name, j, d, eol)
			}
			// With a copy to write, as NextText calls it, a stop where
			// Plain does not stop is within the last block, as NextText
			// takes it to be.
			if j, _, _ := plainBlocks(unsafe.SliceData(dst), s, i); hasBlocks && j != wantJ && j+blockSize <= len(s) {
				t.Fatalf("plainBlocks(dst, %q, %d) with %s stops early at %d, not in the last block; Plain stops at %d", s, i, name, j, wantJ)
			}
		}
		if j, d := plainWords(s, i, false); j != wantJ || d != wantD {
			t.Fatalf("plainWords(%q, %d) = %d, %v; want %d, %v", s, i, j, d, wantJ, wantD)
		}
	}
}

// FuzzPlain compares Plain with refPlain on any input, cut to its first
// 1 KiB: 32 blocks are enough for every case of the block scanner, and
// checkPlain's cost grows with the square of the length, which made a
// longer input take seconds, and minimizing one most of a minute.
func FuzzPlain(f *testing.F) {
	f.Add(strings.Repeat("Secrétaire général  adjoint ", 3))
	f.Add("\xc3" + strings.Repeat("a", 15) + "\xc3\xa9  \x7f")
	f.Fuzz(func(t *testing.T, s string) {
		checkPlain(t, s[:min(len(s), 1<<10)])
	})
}
