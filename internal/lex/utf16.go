package lex

import "strings"

// HasUTF16BOM reports whether s starts with the byte order mark of UTF-16,
// little- or big-endian, which a text or document saved as "Unicode" on
// Windows starts with.
func HasUTF16BOM(s string) bool {
	return len(s) >= 2 && (s[0] == 0xFF && s[1] == 0xFE || s[0] == 0xFE && s[1] == 0xFF)
}

// utf16Start tells how s starts in UTF-16: bom reports a byte order mark
// of UTF-16 (HasUTF16BOM); ok reports that after it, or at once, there is
// an ASCII character in UTF-16 of either byte order, c: two bytes, one of
// them a NUL and the other below 0x80 and not a NUL. Such a start is no
// text in UTF-8, which holds no NUL; and a JSON document starts with an
// ASCII character ('{', '[', white space) whatever its script, so that
// this tells UTF-16 from its first bytes.
func utf16Start(s string) (bom bool, c byte, ok bool) {
	if bom = HasUTF16BOM(s); bom {
		s = s[2:]
	}
	if len(s) < 2 || (s[0] == 0) == (s[1] == 0) {
		return bom, 0, false
	}
	c = s[0] | s[1]
	return bom, c, c < 0x80
}

// UTF32Start tells how s starts in UTF-32: bom reports a byte order mark
// of UTF-32, FF FE 00 00 (little-endian, which starts as the mark of
// UTF-16 does) or 00 00 FE FF; ok reports that after it, or at once, there
// is an ASCII character in UTF-32 of either byte order, c: four bytes,
// three of them NULs, the first three or the last three, and the other
// below 0x80 and not a NUL. Such a start is no text in UTF-8 or in UTF-16,
// where a NUL is no character of a text.
func UTF32Start(s string) (bom bool, c byte, ok bool) {
	if bom = strings.HasPrefix(s, UTF32LEMark) || strings.HasPrefix(s, UTF32BEMark); bom {
		s = s[4:]
	}
	if len(s) < 4 || s[1] != 0 || s[2] != 0 || (s[0] == 0) == (s[3] == 0) {
		return bom, 0, false
	}
	c = s[0] | s[3]
	return bom, c, c < 0x80
}

// The byte order marks of UTF-32, little- and big-endian. The first starts
// as that of UTF-16, little-endian, does.
const (
	UTF32LEMark = "\xff\xfe\x00\x00"
	UTF32BEMark = "\x00\x00\xfe\xff"
)

// WideStart tells how s starts in UTF-32 or, if not, in UTF-16, as
// UTF32Start and utf16Start do: size is 4 or 2, the bytes of a code unit,
// or 0 when s starts in neither, with no byte order mark and no ASCII
// character.
func WideStart(s string) (size int, bom bool, c byte, ok bool) {
	if bom, c, ok := UTF32Start(s); bom || ok {
		return 4, bom, c, ok
	}
	if bom, c, ok := utf16Start(s); bom || ok {
		return 2, bom, c, ok
	}
	return 0, false, 0, false
}
