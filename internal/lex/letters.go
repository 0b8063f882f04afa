package lex

// Letters returns the end of the run at s[i] of letters that AlwaysNFC
// takes and that are two or three bytes long, with single spaces between
// them: the words of a text in Greek, Cyrillic, Hebrew, Arabic, Devanagari,
// Thai, kana, CJK ideographs or Hangul. Within a word, after a letter, it
// also passes over the marks below U+1000 that are stable and of a class
// other than 0 (see markAt): the virama of Devanagari, the tone marks and
// lower vowels of Thai, the points of Hebrew and Arabic; it stops at the
// first mark of a row that is out of canonical order, or past the 15th. It
// returns i when s[i] starts no such letter. The run starts with a letter
// and does not end with a space.
//
// Plain does not pass over these letters. Reading them as the lexer and
// Validate read the runes that Plain stops at, decoding each and asking
// AlwaysNFC, costs about four times as many instructions. Like the runs
// Plain passes over, the run needs no cleaning or checking and is NFC:
// it holds no control character, line break, U+200B, U+FEFF, byte that
// is not UTF-8, or two spaces in a row, and its runes are among those
// that quickNFC takes as they are, whose argument holds for the run
// alone: its first rune combines with no rune before it, and a rune
// after it that NFC would compose with the run's last, or reorder
// against its last marks, or count past the limit, is no rune that
// AlwaysNFC takes, so the caller checks the line.
//
// A letter is known by one table lookup: one bit for each two-byte
// character, one for each three-byte character. So Thai and kana pass as
// whole runs, though their blocks also hold marks and unassigned code
// points, which end a run unless markAt takes them.
func Letters(s string, i int) int {
	j, mark := letterRun(s, i, i)
	if mark && j > i {
		return withMarks(s, i, j)
	}
	return j
}

// withMarks is Letters from j, where letterRun stopped in the run that
// started at start, at a sequence that is not a letter: the marks it may
// pass over (markAt), in an order that NFC leaves as it stands
// (markOrder), and the letters after them.
func withMarks(s string, start, j int) int {
	var order markOrder
	for {
		n, cc := markAt(s, j)
		if n == 0 || !order.next(cc) {
			return j
		}
		k, mark := letterRun(s, start, j+n)
		if k > j+n {
			order = markOrder{} // letters came between: a new row
		}
		if !mark {
			return k
		}
		j = k
	}
}

// letterRun is Letters without its marks: it returns the end of the
// letters at s[i], in the run that started at start, and whether it
// stopped at a sequence that is not a letter: a lead byte and its
// continuation bytes, two or three bytes in all, which may be a mark or
// may not be UTF-8 (an overlong form, a surrogate). It stands apart from
// withMarks so that its loop, which calls no function but at a space,
// keeps its variables in registers: with a call of the mark check inside
// it, Letters took 2% to 3% more time on Russian, Arabic and Japanese
// text.
func letterRun(s string, start, i int) (j int, mark bool) {
	// The loop repeats letterLen's tests rather than call it for each
	// letter: the call, which the compiler does not inline, made Validate
	// of Russian, Arabic and Chinese text 14 to 19% slower.
	for i+1 < len(s) {
		c, c1 := s[i], s[i+1]
		switch {
		case c >= 0xC0 && c < 0xE0:
			if c1&0xC0 != 0x80 {
				return i, false
			}
			if twoByteLetters[c&0x1F]>>(c1&0x3F)&1 == 0 {
				return i, true
			}
			i += 2
		case c >= 0xE0 && c < 0xF0:
			if i+2 >= len(s) || c1&0xC0 != 0x80 || s[i+2]&0xC0 != 0x80 {
				return i, false
			}
			if threeByteLetters[int(c&0x0F)<<6|int(c1&0x3F)]>>(s[i+2]&0x3F)&1 == 0 {
				return i, true
			}
			i += 3
		case c == ' ' && i > start && c1 >= 0xC0 && letterLen(s, i+1) > 0:
			i++ // a space between two letters
		default:
			return i, false
		}
	}
	return i, false
}

// markAt returns the length and class of the rune at s[i] when it is a mark
// that Letters may pass over after a letter, or 0: a stable rune below
// U+1000 (nfcMarks) of a class other than 0, as quickNFC takes it. Any
// other rune, a mark of class 0 that is no letter among them, or bytes that
// are not UTF-8, end the run. s[i] starts a sequence where letterRun
// stopped, whose continuation bytes it checked.
func markAt(s string, i int) (n int, class uint8) {
	// The runes from U+0300 to U+0FFF in UTF-8, decoded here:
	// utf8.DecodeRuneInString takes its slow path for them, which made
	// Parse of Thai 7% more instructions.
	var r rune
	switch c := s[i]; {
	case c >= 0xCC && c < 0xE0: // U+0300 to U+07FF
		r, n = rune(c&0x1F)<<6|rune(s[i+1]&0x3F), 2
	case c == 0xE0 && s[i+1] >= 0xA0: // U+0800 to U+0FFF; below 0xA0, an overlong form
		r, n = rune(s[i+1]&0x3F)<<6|rune(s[i+2]&0x3F), 3
	default:
		return 0, 0
	}
	t := nfcMarks[r-0x300]
	if t&stableMark == 0 || uint8(t) == 0 {
		return 0, 0
	}
	return n, uint8(t)
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

//go:generate go test -run ^TestTables$ -update
