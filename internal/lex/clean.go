package lex

import (
	"math/bits"
	"slices"
	"strings"
	"unicode/utf8"
	"unsafe"

	"golang.org/x/text/unicode/norm"
)

// The texts that NextText changes, as it cleans or normalizes them, are
// written one after another in a buffer the Lexer keeps (texts), not each
// in an allocation of its own: a digest whose every line has a tab or is
// in NFD then costs a few allocations, not one a line.

// Sizes of the buffers that hold changed texts. The first is small, as
// most digests change no line or a few; each next one is twice the size
// of the last, up to maxTextRoom, so that a large digest of changed lines
// takes a buffer every 64 KiB. None is larger than the rest of the
// input, unless one text needs more.
const (
	minTextRoom = 4 << 10
	maxTextRoom = 64 << 10
)

// textRoom returns an empty slice with room for at least n bytes, the
// spare capacity of l.texts, or of a new buffer when that has less. A new
// buffer need not hold more than n and the input after the line being
// read, which the changed texts of the lines left cannot outgrow unless a
// change lengthens them. The caller appends the text to the slice and
// passes it to keepText.
//
// A text longer than maxTextRoom gets a buffer of its own, which keepText
// copies the text out of when it fills less than half of it: a line of
// 1 MiB that cleans to a few bytes must not keep 1 MiB alive. So a changed
// text of at most 64 KiB keeps alive at most its buffer, 64 KiB, and a
// longer one at most as many bytes again as it holds.
func (l *Lexer) textRoom(n int) []byte {
	if n > maxTextRoom {
		return uninitialized(n)[:0]
	}
	if cap(l.texts)-len(l.texts) < n {
		// The input after the line being read: NextText has moved pos
		// past it. uninitialized takes 2 bytes or more.
		rest := n + len(l.src) - l.pos
		size := max(n, min(rest, max(minTextRoom, 2*cap(l.texts)), maxTextRoom), 2)
		l.texts = uninitialized(size)[:0]
	}
	return l.texts[len(l.texts):len(l.texts):cap(l.texts)]
}

// keepText returns b, which the caller built from a slice that textRoom
// returned, as a string, and takes its bytes out of the room: the bytes
// are not written again. When appending outgrew the room, or the room was
// a buffer of b's own, the string is b or a copy of it, as ownString
// decides.
func (l *Lexer) keepText(b []byte) string {
	if len(b) == 0 {
		return ""
	}
	if room := l.texts[len(l.texts):cap(l.texts)]; len(room) >= len(b) && unsafe.SliceData(room) == unsafe.SliceData(b) {
		l.texts = l.texts[:len(l.texts)+len(b)]
		return unsafe.String(unsafe.SliceData(b), len(b))
	}
	return ownString(b)
}

// ownString returns b as a string, which b must not change afterwards:
// b itself, without copying, unless b fills less than half its capacity,
// all of which the string would keep alive; then a copy.
func ownString(b []byte) string {
	if len(b) < cap(b)/2 {
		return string(b)
	}
	return unsafe.String(unsafe.SliceData(b), len(b))
}

// cleanText returns s, a trimmed line, with U+200B and U+FEFF removed,
// each run of tabs and spaces made one space, and each invalid byte made
// U+FFFD. It copies the runs that need no change whole: those that Plain
// passes over, which may hold two spaces in a row, and the runs of
// Letters.
func (l *Lexer) cleanText(s string) string {
	b := l.textRoom(len(s)) // a text only grows by its invalid bytes
	space := false          // the last byte of b is a space
	for i := 0; i < len(s); {
		j, double := i, false
		if !stopsPlain(s[i]) { // as after a run Plain passed over
			j, double = Plain(s, i)
		}
		if j == i {
			j = Letters(s, i) // a run that neither starts nor ends with a space
			double = false
		}
		if j > i {
			b, space = appendSpaced(b, s[i:j], space, double)
			i = j
			continue
		}
		c := s[i]
		switch {
		case c == '\t':
			if !space {
				b = append(b, ' ')
				space = true
			}
			i++
			continue
		case c < utf8.RuneSelf: // a control character, which Plain stops at
			b = append(b, c)
			i++
		default:
			r, size := utf8.DecodeRuneInString(s[i:])
			switch {
			case r == 0x200B || r == 0xFEFF:
				i += size
				continue // space stays as it was: " \u200B " is one space
			case r == utf8.RuneError && size == 1:
				if cap(b)-len(b) < len("\uFFFD") {
					// Room for the rest of s, should it all be bytes that
					// are not UTF-8: append would add a quarter at a time,
					// and doubling could leave a long text in a buffer
					// twice its size.
					b = slices.Grow(b, len("\uFFFD")*(len(s)-i))
				}
				b = append(b, "\uFFFD"...)
			default:
				b = append(b, s[i:i+size]...)
			}
			i += size
		}
		space = false
	}
	return l.keepText(b)
}

// appendSpaced appends run, a run of text with no tab, to b, with each
// run of spaces made one space, and none at its start when space says b
// ends with one. double tells whether run may hold two spaces in a row.
// It returns b and whether b now ends with a space.
func appendSpaced(b []byte, run string, space, double bool) ([]byte, bool) {
	for {
		if space {
			k := 0
			for k < len(run) && run[k] == ' ' {
				k++
			}
			run = run[k:]
		}
		if run == "" {
			return b, space
		}
		k := -1
		if double {
			k = strings.Index(run, "  ")
		}
		if k < 0 {
			return append(b, run...), run[len(run)-1] == ' '
		}
		b = append(b, run[:k+1]...) // up to the first of the two spaces
		run, space = run[k+2:], true
	}
}

// nfc returns s in NFC. It returns s itself when s is NFC, as with a
// combining mark in order and nothing to compose. Most texts that hold
// marks are settled by quickNFC, several times faster than
// golang.org/x/text; the others are normalized by a norm.Iter.
func (l *Lexer) nfc(s string) string {
	if t, ok := l.quickNFC(s); ok {
		return t
	}
	n := norm.NFC.QuickSpanString(s)
	if n == len(s) || isNFCFrom(s[n:]) {
		return s
	}
	b := append(l.textRoom(len(s)), s[:n]...) // room enough unless NFC makes s longer, as it seldom does
	return l.keepText(appendNFCFrom(b, s[n:]))
}

// maxMarksInRow is the most marks of a class other than 0 in a row that
// quickNFC takes. NFC, as golang.org/x/text has it, puts U+034F (CGJ)
// after 30 such marks, counting those that the rune before the run
// decomposes to (two at most, as for Ǖ) and two for U+0344: 15 leave
// room enough.
const maxMarksInRow = 15

// quickNFC returns s in NFC, and true, when s is UTF-8 and each rune of s
// at or above U+0300 is
//
//   - a rune that AlwaysNFC takes;
//   - a stable rune below U+1000 (nfcMarks): one that NFC leaves as it
//     is and that combines with no rune before it, such as most vowel
//     signs (not the two-part ones), the viramas and tone marks of Indic
//     scripts and Thai, and the vowel points of Hebrew and Arabic;
//   - or a mark from U+0300 to U+036F right after an ASCII letter that it
//     composes with (nfcPairs), as in the NFD form of French or Spanish;
//
// and no mark of a combining class other than 0 follows one of a higher
// class, and no more than maxMarksInRow such marks stand in a row.
// Otherwise it returns false. With a nil l, it only checks, without
// allocating: it returns "" and true at the first pair that composes, as
// s is then not NFC.
//
// It is exact. NFC decomposes s, puts the marks of each run in canonical
// order, and composes again. The runes that AlwaysNFC takes, those below
// U+0300 and the stable ones come back as they were: those that decompose
// (é) compose again from their parts, as a stable mark that the ordering
// moves in front of such a part has a lower class, and so blocks none.
// Within each run of marks of s the classes are in order, so the marks of
// s keep their places. Only the Latin marks combine: each with the ASCII
// letter right before it, into the letter of nfcPairs, which no rune
// after it combines with, as each is stable, or of class 0 and combines
// with no rune before it.
func (l *Lexer) quickNFC(s string) (string, bool) {
	var (
		b     []byte    // the text so far, once a pair is composed
		last  int       // s[last:i] is not yet in b
		order markOrder // of the marks in a row up to i
	)
	for i := 0; ; {
		if j := indexFrom300(s, i); j != i {
			order, i = markOrder{}, j // runes below U+0300 came between: of class 0
		}
		if i == len(s) {
			break
		}
		// U+0300 to U+037F, most of them marks, are decoded here, as markAt
		// decodes the marks after a letter for Letters. One function for
		// both, which the compiler does not inline, took 1% to 4% more
		// instructions on lines of Thai, Hindi and NFD (callgrind).
		c := s[i]
		r, size := rune(0), 2
		if c <= 0xCD && i+1 < len(s) && s[i+1]&0xC0 == 0x80 {
			r = rune(c&0x1F)<<6 | rune(s[i+1]&0x3F)
		} else {
			r, size = utf8.DecodeRuneInString(s[i:])
			if r == utf8.RuneError && size == 1 {
				return "", false // not UTF-8, which NextText never gives
			}
		}
		var cc uint8 // the rune's combining class
		if r < 0x1000 {
			m := nfcMarks[r-0x300]
			cc = uint8(m)
			if m&stableMark == 0 { // a Latin mark that composes, or text for x/text
				if r > 0x36F || i == 0 || !isASCIILetter(s[i-1]) {
					return "", false
				}
				composed := nfcPairs[letterIndex(s[i-1])][r-0x300]
				if composed == 0 {
					return "", false // a pair NFC keeps or changes otherwise
				}
				if b == nil {
					if l == nil {
						return "", true // a check only: s is not NFC
					}
					b = l.textRoom(len(s)) // a composed letter is no longer than its pair
				}
				b = append(b, s[last:i-1]...)
				b = utf8.AppendRune(b, rune(composed))
				last = i + size
			}
		} else if !AlwaysNFC(r) { // of class 0, as AlwaysNFC takes none of another
			return "", false
		}
		if !order.next(cc) {
			return "", false
		}
		i += size
	}
	if b == nil {
		return s, true
	}
	return l.keepText(append(b, s[last:]...)), true
}

// markOrder follows a row of marks of a class other than 0, as NFC
// leaves them where they stand: its zero value is the state after a rune
// of class 0.
type markOrder struct {
	class uint8 // of the last mark of the row, or 0
	inRow int   // marks in the row
}

// next takes a rune of class cc after the row, and reports whether NFC
// leaves the row as it stands: a mark of a class no lower than the one
// before it, with fewer than maxMarksInRow marks before it. Otherwise
// NFC would reorder them, or add U+034F. A rune of class 0 ends the row.
func (o *markOrder) next(cc uint8) bool {
	if cc == 0 {
		*o = markOrder{}
		return true
	}
	if o.class > cc || o.inRow == maxMarksInRow {
		return false
	}
	o.class, o.inRow = cc, o.inRow+1
	return true
}

// stableMark is the bit of nfcMarks set for a stable rune.
const stableMark = 0x100

// indexFrom300 returns the index of the first byte of s at or after i
// that starts a rune at or above U+0300, or len(s): the first byte at or
// above 0xCC, as s is UTF-8. It reads eight bytes at a time.
func indexFrom300(s string, i int) int {
	for ; i+8 <= len(s); i += 8 {
		// Bit 7 of each byte of v&lows+0x34 is set where the byte's low
		// seven bits are 0x4C or more, with no carry out of the byte
		// (0x7F+0x34 < 0x100); with its own bit 7 set, the byte is 0xCC
		// or more.
		v := Load64(s, i)
		if m := (v&lows + 0x3434343434343434) & v & highs; m != 0 {
			return i + bits.TrailingZeros64(m)/8
		}
	}
	for ; i < len(s) && s[i] < 0xCC; i++ {
	}
	return i
}

// letterIndex returns the index of an ASCII letter in nfcPairs: 0 to 25
// for 'A' to 'Z', 26 to 51 for 'a' to 'z'.
func letterIndex(c byte) int {
	if c >= 'a' {
		return int(c-'a') + 26
	}
	return int(c - 'A')
}
