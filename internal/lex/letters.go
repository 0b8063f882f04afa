package lex

import "unicode/utf8"

// Letters returns the end of the run at s[i] of letters that AlwaysNFC
// takes and that are two or three bytes long, with single spaces between
// them: the words of a text in Greek, Cyrillic, Hebrew, Arabic, Thai,
// kana, CJK or Hangul. It returns i when s[i] starts no such letter.
//
// Plain does not pass over these letters. Reading them as the lexer and
// Validate read the runes that Plain stops at, decoding each and asking
// AlwaysNFC, costs about four times as many instructions. Like the runs Plain passes over, the run needs no
// cleaning or checking and is NFC (see AlwaysNFC): it holds no control
// character, line break, U+200B, U+FEFF or byte that is not UTF-8, and
// no two spaces in a row, as a space is taken only before a byte that
// starts a letter.
//
// A letter is known by two table lookups: one bit for each two-byte
// character, and one for each run of 64 three-byte characters that share
// their first two bytes, set only when all 64 are letters AlwaysNFC
// takes. A run that is cut by a block boundary ends early, which costs
// time, never correctness: the caller reads on rune by rune.
func Letters(s string, i int) int {
	for i+1 < len(s) {
		c, c1 := s[i], s[i+1]
		switch {
		case c >= 0xC0 && c < 0xE0:
			if c1&0xC0 != 0x80 || twoByteLetters[c&0x1F]>>(c1&0x3F)&1 == 0 {
				return i
			}
			i += 2
		case c >= 0xE0 && c < 0xF0:
			if i+2 >= len(s) || c1&0xC0 != 0x80 || s[i+2]&0xC0 != 0x80 ||
				threeByteLetters[c&0x0F]>>(c1&0x3F)&1 == 0 {
				return i
			}
			i += 3
		case c == ' ' && c1 >= 0xC0:
			i++
		default:
			return i
		}
	}
	return i
}

// twoByteLetters has bit k of element c set when the two-byte character
// 0xC0|c, 0x80|k is a letter for Letters; threeByteLetters has bit k of
// element c set when every three-byte character 0xE0|c, 0x80|k, x is one.
var twoByteLetters, threeByteLetters = letterTables()

// letterTables returns twoByteLetters and threeByteLetters, from the
// runes they stand for: the tables are right by construction, whatever
// AlwaysNFC takes.
func letterTables() (two [32]uint64, three [16]uint64) {
	for r := rune(0x80); r < 0x800; r++ {
		if isLetter(r) {
			two[r>>6] |= 1 << (r & 0x3F)
		}
	}
	for r := rune(0x800); r < 0x10000; r += 64 {
		all := true
		for k := range rune(64) {
			all = all && isLetter(r+k)
		}
		if all {
			three[r>>12] |= 1 << (r >> 6 & 0x3F)
		}
	}
	return two, three
}

// isLetter reports whether Letters passes over r: a rune that AlwaysNFC
// takes, but those that the lexer cleans or that end a line, should
// AlwaysNFC ever take them, and no surrogate, which is not UTF-8.
func isLetter(r rune) bool {
	switch r {
	case 0x200B, 0xFEFF, 0x2028, 0x2029:
		return false
	}
	return r >= 0x300 && AlwaysNFC(r) && utf8.ValidRune(r)
}
