package lex

import "testing"

// TestUTFStart checks how utf16Start and UTF32Start read the first bytes
// of a text.
func TestUTFStart(t *testing.T) {
	type startCase struct {
		s       string
		bom, ok bool
		c       byte
	}
	for _, f := range []struct {
		name  string
		start func(string) (bool, byte, bool)
		cases []startCase
	}{
		{"utf16Start", utf16Start, []startCase{
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
		}},
		{"UTF32Start", UTF32Start, []startCase{
			{"{\x00\x00\x00", false, true, '{'},                // little-endian
			{"\x00\x00\x00[", false, true, '['},                // big-endian
			{"\xff\xfe\x00\x00T\x00\x00\x00", true, true, 'T'}, // after the mark
			{"\x00\x00\xfe\xff\x00\x00\x00 ", true, true, ' '},
			{"\xff\xfe\x00\x00", true, false, 0},                 // the mark alone
			{"\x00\x00\xfe\xff\x00\x00\x4e\x2d", true, false, 0}, // 中 after the mark
			{"\xff\xfe{\x00", false, false, 0},                   // UTF-16
			{"{\x00\"\x00", false, false, 0},
			{"\x00{\x00\x00", false, false, 0},
			{"\x00\x00{\x00", false, false, 0},
			{"\x00\x00\x00\x00", false, false, 0},
			{"\xe9\x00\x00\x00", false, false, 0}, // é in UTF-32, no ASCII character
			{"\x00\x00\x00\x80", false, false, 0},
			{"{\x00\x00", false, false, 0},
			{"", false, false, 0},
		}},
	} {
		for _, tc := range f.cases {
			bom, c, ok := f.start(tc.s)
			if bom != tc.bom || ok != tc.ok || ok && c != tc.c {
				t.Errorf("%s(%q) = %v, %q, %v; want %v, %q, %v", f.name, tc.s, bom, c, ok, tc.bom, tc.c, tc.ok)
			}
		}
	}
}
