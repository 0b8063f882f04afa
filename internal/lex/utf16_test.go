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
			{"A\x00\x00B", false, false, 0}, // NULs in the middle only
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

// TestWideStart checks that WideStart tells UTF-32 from UTF-16, UTF-32
// first, and gives the size of a byte order mark that no ASCII character
// follows.
func TestWideStart(t *testing.T) {
	for _, tc := range []struct {
		s       string
		size    int
		bom, ok bool
		c       byte
	}{
		{"{\x00\x00\x00", 4, false, true, '{'},
		{"{\x00\"\x00", 2, false, true, '{'},
		{"A\x00\x00B", 2, false, true, 'A'},                     // "A" and U+4200 in UTF-16LE
		{"\xff\xfe\x00\x00", 4, true, false, 0},                 // the mark of UTF-32LE alone
		{"\xff\xfe\x00\x00\xe9\x00\x00\x00", 4, true, false, 0}, // é after it
		{"\x00\x00\xfe\xff\x00\x00\x4e\x2d", 4, true, false, 0}, // 中 after the mark of UTF-32BE
		{"\xff\xfe", 2, true, false, 0},                         // the mark of UTF-16LE alone
		{"\xff\xfe\xe9\x00", 2, true, false, 0},                 // é after it
		{"\xfe\xff\x4e\x2d", 2, true, false, 0},                 // 中 after the mark of UTF-16BE
		{"{\"", 0, false, false, 0},
		{"", 0, false, false, 0},
	} {
		size, bom, c, ok := WideStart(tc.s)
		if size != tc.size || bom != tc.bom || ok != tc.ok || ok && c != tc.c {
			t.Errorf("WideStart(%q) = %d, %v, %q, %v; want %d, %v, %q, %v", tc.s, size, bom, c, ok, tc.size, tc.bom, tc.c, tc.ok)
		}
	}
}
