package lex

import "testing"

// TestUTF16Start checks how UTF16Start reads the first bytes of a text.
func TestUTF16Start(t *testing.T) {
	for _, tc := range []struct {
		s       string
		bom, ok bool
		c       byte
	}{
		{"{\x00\"\x00", false, true, '{'},  // little-endian
		{"\x00[\x00\"", false, true, '['},  // big-endian
		{"\xff\xfe{\x00", true, true, '{'}, // after the mark
		{"\xfe\xff\x00 ", true, true, ' '},
		{"\xff\xfe", true, false, 0},         // the mark alone
		{"\xff\xfe\x2d\x4e", true, false, 0}, // 中 after the mark
		{"{\"", false, false, 0},             // UTF-8
		{"\x00\x00", false, false, 0},
		{"\xe9\x00", false, false, 0}, // é in UTF-16, no ASCII character
		{"\x00\x80", false, false, 0},
		{"{", false, false, 0},
		{"", false, false, 0},
	} {
		bom, c, ok := UTF16Start(tc.s)
		if bom != tc.bom || ok != tc.ok || ok && c != tc.c {
			t.Errorf("UTF16Start(%q) = %v, %q, %v; want %v, %q, %v", tc.s, bom, c, ok, tc.bom, tc.c, tc.ok)
		}
	}
}
