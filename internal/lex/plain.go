package lex

import (
	"encoding/binary"
	"math/bits"
	"unsafe"
)

// SWAR ("SIMD within a register") constants: one byte value repeated in
// each of the eight bytes of a word.
const (
	ones   = 0x0101010101010101
	highs  = 0x8080808080808080 // the high bit of each byte
	lows   = 0x7F7F7F7F7F7F7F7F // the other seven bits
	spaces = 0x2020202020202020
	below  = 0x6060606060606060 // added to a byte under 0x80, sets its high bit unless it is below 0x20
)

// blockSize is how many bytes plainBlocks reads at a time, where it reads
// blocks (hasBlocks).
const blockSize = 32

// Plain returns the index j of the first byte at or after i that needs a
// closer look, and whether s[i:j] holds two spaces in a row. The bytes it
// passes over are plain text, which needs no cleaning, checking or
// normalization:
//
//   - printable ASCII, U+0020 to U+007E;
//   - U+00A0 to U+02FF, the Latin letters with their accents;
//   - U+2002 to U+203F but U+200B, U+2028 and U+2029: spaces, quotes,
//     dashes, the ellipsis;
//   - U+FE0F, the emoji variation selector, and U+1F000 to U+1FAFF, the
//     emoji.
//
// The characters it passes over are always NFC: none composes with a
// character before or after it (the first that does is U+0300), none
// decomposes. The first byte after a run is a control character, U+007F,
// NEL, U+0080 to U+009F, the start of any other character, a byte that is
// not UTF-8, or the end of s.
//
// Most of a digest is such text, so Plain reads it many bytes at a time:
// 32 with AVX2 or SSE2 on amd64 (plainBlocks, which reads the last bytes
// as a block too), eight elsewhere (plainWords).
func Plain(s string, i int) (j int, double bool) {
	j = i
	if hasBlocks {
		j, double, _ = plainBlocks(nil, s, i)
		// An early stop is within the last block (see plainBlocks).
		if j == len(s) || j+blockSize <= len(s) {
			return j, double
		}
	}
	return plainRest(s, i, j, double)
}

// plainRest is Plain from j, where plainBlocks stopped near the end of s:
// at a byte to look at, or where it could not read the last bytes as a
// block or a character whole (see plainBlocks). s[i:j] is plain, and holds
// two spaces in a row if double says so. plainWords reads on, or stops at
// once.
func plainRest(s string, i, j int, double bool) (int, bool) {
	k, d := plainWords(s, j, j > i && s[j-1] == ' ')
	return k, double || d
}

// plainWords is Plain, eight bytes at a time. space tells whether the byte
// before s[i] counts as a space: two spaces in a row may straddle i.
func plainWords(s string, i int, space bool) (j int, double bool) {
	var (
		pairs uint64        // not zero once two spaces in a row are seen
		prev  uint64 = 0xFF // the byte before the word, xor ' '; zero for a space
	)
	if space {
		prev = 0
	}
	p := unsafe.Pointer(unsafe.StringData(s))
	for i+8 <= len(s) {
		// Reading 8 bytes at i is in bounds: i+8 <= len(s).
		v := binary.LittleEndian.Uint64(unsafe.Slice((*byte)(unsafe.Add(p, i)), 8))
		// The high bit of each byte of bad is set where the byte is at or
		// above 0x80, below 0x20, or 0x7F. No sum carries from one byte to
		// the next, as each byte of t is at most 0x7F: every flag is
		// exact, not only the lowest.
		t := v & lows
		bad := (v | ^(t + below) | (t + ones)) & highs
		// z has a zero byte where a byte and the one before it are both
		// spaces.
		x := v ^ spaces
		z := x | x<<8 | prev
		if bad != 0 {
			if bad = notLatin(v, bad); bad != 0 {
				// Only the bytes before the first flagged one count.
				k := bits.TrailingZeros64(bad) &^ 7
				pairs |= hasZero(z | ^uint64(0)<<k)
				i += k / 8
				if n := plainChar(s, i); n != 0 { // not one that notLatin takes
					i += n
					prev = 0xFF
					continue
				}
				return i, pairs != 0
			}
		}
		pairs |= hasZero(z)
		prev = x >> 56
		i += 8
	}
	space = prev == 0
	for i < len(s) {
		c := s[i]
		if ' ' < c && c <= '~' {
			space = false
			i++
			continue
		}
		if c == ' ' {
			if space {
				pairs = 1
			}
			space = true
			i++
			continue
		}
		n := plainChar(s, i)
		if n == 0 {
			break
		}
		space = false
		i += n
	}
	return i, pairs != 0
}

// hasZero returns a value that is not zero when a byte of z is zero. It may
// flag other bytes above a zero one, as a borrow runs upward, but never
// flags a word with no zero byte.
func hasZero(z uint64) uint64 {
	return (z - ones) &^ z & highs
}

// notLatin returns bad, the flags of the bytes of v that Plain looks at,
// without those of the two-byte characters from U+00A0 to U+02FF that lie
// whole in v: a lead byte 0xC3 to 0xCB, or 0xC2 before 0xA0 to 0xBF,
// followed by a continuation byte. It spares Plain a return to its caller
// at each accented letter of a text in French, Spanish or German.
func notLatin(v, bad uint64) uint64 {
	if v&highs != bad {
		return bad // a control character: let the caller look at it
	}
	t := v & lows
	cont := ^(v << 1) & bad // 0x80 to 0xBF: the bit under the high one is clear
	// Leads from 0xC3 to 0xCB: t from 0x43 to 0x4B, with the high bit set.
	lead := (t + 0x3D3D3D3D3D3D3D3D) &^ (t + 0x3434343434343434) & bad
	// The lead 0xC2 before a continuation byte from 0xA0 (bit 5 set).
	x := v ^ 0xC2C2C2C2C2C2C2C2
	c2 := ^((x & lows) + lows) &^ x & highs
	lead |= c2 & (cont & (v << 2) >> 8)
	pair := lead & (cont >> 8) // a lead before a continuation byte
	return bad &^ (pair | pair<<8)
}

// plainChar returns the length of the character that starts s[i:] when it
// is one of those that Plain passes over, not ASCII, or 0.
func plainChar(s string, i int) int {
	if i >= len(s) {
		return 0
	}
	switch c := s[i]; {
	case 0xC2 <= c && c <= 0xCB: // U+0080 to U+02FF
		if i+1 < len(s) && s[i+1]&0xC0 == 0x80 && (c != 0xC2 || s[i+1] >= 0xA0) {
			return 2
		}
	case c == 0xE2: // U+2000 to U+203F: E2 80 80 to E2 80 BF
		if i+2 < len(s) && s[i+1] == 0x80 {
			if d := s[i+2]; 0x82 <= d && d <= 0xBF && d != 0x8B && d != 0xA8 && d != 0xA9 {
				return 3
			}
		}
	case c == 0xEF: // U+FE0F: EF B8 8F
		if i+2 < len(s) && s[i+1] == 0xB8 && s[i+2] == 0x8F {
			return 3
		}
	case c == 0xF0:
		if startsWithEmoji(s[i:]) {
			return 4
		}
	}
	return 0
}

// IsEmoji reports whether r is in the blocks of emoji, U+1F000 to
// U+1FAFF, which Plain passes over and which are always NFC. Not all are
// shown as emoji by default (🏛 is not, 👤 is).
func IsEmoji(r rune) bool { return r >= 0x1F000 && r <= 0x1FAFF }

// startsWithEmoji reports whether s starts with a character that IsEmoji
// takes: F0 9F 80 80 to F0 9F AB BF.
func startsWithEmoji(s string) bool {
	return len(s) >= 4 && s[0] == 0xF0 && s[1] == 0x9F && 0x80 <= s[2] && s[2] <= 0xAB && s[3]&0xC0 == 0x80
}
