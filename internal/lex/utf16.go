package lex

// HasUTF16BOM reports whether s starts with the byte order mark of UTF-16,
// little- or big-endian, which a text or document saved as "Unicode" on
// Windows starts with.
func HasUTF16BOM(s string) bool {
	return len(s) >= 2 && (s[0] == 0xFF && s[1] == 0xFE || s[0] == 0xFE && s[1] == 0xFF)
}

// UTF16Start tells how s starts in UTF-16: bom reports a byte order mark
// of UTF-16 (HasUTF16BOM); ok reports that after it, or at once, there is
// an ASCII character in UTF-16 of either byte order, c: two bytes, one of
// them a NUL and the other below 0x80 and not a NUL. Such a start is no
// text in UTF-8, which holds no NUL; and a JSON document starts with an
// ASCII character ('{', '[', white space) whatever its script, so that
// this tells UTF-16 from its first bytes.
func UTF16Start(s string) (bom bool, c byte, ok bool) {
	if bom = HasUTF16BOM(s); bom {
		s = s[2:]
	}
	if len(s) < 2 || (s[0] == 0) == (s[1] == 0) {
		return bom, 0, false
	}
	c = s[0] | s[1]
	return bom, c, c < 0x80
}
