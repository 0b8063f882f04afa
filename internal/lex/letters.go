package lex

import "unicode/utf8"

// Letters returns the end of the run at s[i] of letters that AlwaysNFC
// takes and that are two or three bytes long, with single spaces between
// them: the words of a text in Greek, Cyrillic, Hebrew, Arabic,
// Devanagari, Thai, kana, CJK ideographs or Hangul, up to a mark of a
// class other than 0. It returns i when s[i] starts no such letter. The
// run neither starts nor ends with a space.
//
// Plain does not pass over these letters. Reading them as the lexer and
// Validate read the runes that Plain stops at, decoding each and asking
// AlwaysNFC, costs about four times as many instructions. Like the runs
// Plain passes over, the run needs no cleaning or checking and is NFC
// (see AlwaysNFC): it holds no control character, line break, U+200B,
// U+FEFF, byte that is not UTF-8, or two spaces in a row.
//
// A letter is known by one table lookup: one bit for each two-byte
// character, one for each three-byte character. So Thai and kana pass as
// whole runs, though their blocks also hold marks and unassigned code
// points, which end a run.
func Letters(s string, i int) int {
	start := i
	// The loop repeats letterLen's tests rather than call it for each
	// letter: the call, which the compiler does not inline, made Validate
	// of Russian, Arabic and Chinese text 14 to 19% slower.
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
				threeByteLetters[int(c&0x0F)<<6|int(c1&0x3F)]>>(s[i+2]&0x3F)&1 == 0 {
				return i
			}
			i += 3
		case c == ' ' && i > start && c1 >= 0xC0 && letterLen(s, i+1) > 0:
			i++ // a space between two letters
		default:
			return i
		}
	}
	return i
}

// letterLen returns the length of the letter for Letters that starts
// s[k:], or 0.
func letterLen(s string, k int) int {
	if k+1 >= len(s) {
		return 0
	}
	c, c1 := s[k], s[k+1]
	switch {
	case c >= 0xC0 && c < 0xE0:
		if c1&0xC0 == 0x80 && twoByteLetters[c&0x1F]>>(c1&0x3F)&1 != 0 {
			return 2
		}
	case c >= 0xE0 && c < 0xF0:
		if k+2 < len(s) && c1&0xC0 == 0x80 && s[k+2]&0xC0 == 0x80 &&
			threeByteLetters[int(c&0x0F)<<6|int(c1&0x3F)]>>(s[k+2]&0x3F)&1 != 0 {
			return 3
		}
	}
	return 0
}

// twoByteLetters has bit k of element c set when the two-byte character
// 0xC0|c, 0x80|k is a letter for Letters; threeByteLetters has bit k of
// element c<<6|d set when the three-byte character 0xE0|c, 0x80|d, 0x80|k
// is one. The second takes 8 KiB, of which a text touches the few words
// of its scripts.
var twoByteLetters, threeByteLetters = letterTables()

// letterTables returns twoByteLetters and threeByteLetters, from the
// runes they stand for: the tables are right by construction, whatever
// AlwaysNFC takes.
func letterTables() (two [32]uint64, three [1024]uint64) {
	for r := rune(0x80); r < 0x800; r++ {
		if isLetter(r) {
			two[r>>6] |= 1 << (r & 0x3F)
		}
	}
	for r := rune(0x800); r < 0x10000; r++ {
		if isLetter(r) {
			three[r>>6] |= 1 << (r & 0x3F)
		}
	}
	return two, three
}

// isLetter reports whether Letters passes over r: a rune that AlwaysNFC
// takes, but those that the lexer cleans or that end a line, U+200B,
// U+2028 and U+2029 (which AlwaysNFC takes, as they are NFC) and U+FEFF;
// and no surrogate, which is not UTF-8.
func isLetter(r rune) bool {
	switch r {
	case 0x200B, 0xFEFF, 0x2028, 0x2029:
		return false
	}
	return r >= 0x300 && AlwaysNFC(r) && utf8.ValidRune(r)
}
