package digest

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"testing"
)

// syntaxCases are documents with the offset of their first byte at fault,
// -1 for none, and the context that syntaxFault gives for it: one or more
// for each context and each way a number, a string or a literal ends.
var syntaxCases = []struct {
	doc     string
	off     int
	context string
}{
	{"", -1, ""},
	{"{}", -1, ""},
	{` {"a": [1, -0.5e+3, "x\u00e9\n", true, false, null]} `, -1, ""},
	{`{"a": [1, 2`, -1, ""}, // cut short
	{`"\u00`, -1, ""},
	{"tr", -1, ""},
	{"-", -1, ""},
	{"1.", -1, ""},
	{"\uFEFF{}", -1, ""},
	{"\uFEFF\uFEFF{}", 3, "looking for beginning of value"},
	{" }", 1, "looking for beginning of value"},
	{"[1,]", 3, "looking for beginning of value"},
	{"[,", 1, "looking for beginning of value"},
	{`{"a":}`, 5, "looking for beginning of value"},
	{"{'a':1}", 1, "looking for beginning of object key string"},
	{`{"a":1,}`, 7, "looking for beginning of object key string"},
	{`{"a":1, 2}`, 8, "looking for beginning of object key string"},
	{`{"a" 1}`, 5, "after object key"},
	{`{"a",1}`, 4, "after object key"},
	{`{"a":1 "b":2}`, 7, "after object key:value pair"},
	{`{"a":1]`, 6, "after object key:value pair"},
	{"[1 2]", 3, "after array element"},
	{"[1}", 2, "after array element"},
	{"[01]", 2, "after array element"},
	{"[0x1]", 2, "after array element"},
	{"[1.5.2]", 4, "after array element"},
	{"[1e5e]", 4, "after array element"},
	{"{} x", 3, "after top-level value"},
	{"01", 1, "after top-level value"},
	{"{}{}", 2, "after top-level value"},
	{"\"a\x1fb\"", 2, "in string literal"},
	{"[\"\n\"]", 2, "in string literal"},
	{`"\x"`, 2, "in string escape code"},
	{`"\u12g4"`, 5, `in \u hexadecimal character escape`},
	{`"\u"`, 3, `in \u hexadecimal character escape`},
	{`"\u123x"`, 6, `in \u hexadecimal character escape`},
	{`"\u1234"`, -1, ""},
	{`"\uABCDx\uabcd"`, -1, ""},
	{"-a", 1, "in numeric literal"},
	{"--1", 1, "in numeric literal"},
	{"1.e", 2, "after decimal point in numeric literal"},
	{"0.]", 2, "after decimal point in numeric literal"},
	{"1e", -1, ""},
	{"1ex", 2, "in exponent of numeric literal"},
	{"1e+-", 3, "in exponent of numeric literal"},
	{"1E+9", -1, ""},
	{"trUe", 2, "in literal true (expecting 'u')"},
	{"[tru]", 4, "in literal true (expecting 'e')"},
	{"fals3", 4, "in literal false (expecting 'e')"},
	{"fxlse", 1, "in literal false (expecting 'a')"},
	{"nul1", 3, "in literal null (expecting 'l')"},
	{"nil", 1, "in literal null (expecting 'u')"},
	{"[“a”]", 1, "looking for beginning of value"},
	{"[\"é\xff\"]", -1, ""}, // a string's bytes are not checked here
}

// TestSyntaxFault checks syntaxFault on syntaxCases.
func TestSyntaxFault(t *testing.T) {
	for _, c := range syntaxCases {
		if off, context := syntaxFault([]byte(c.doc)); off != c.off || context != c.context {
			t.Errorf("syntaxFault(%q) = %d, %q; want %d, %q", c.doc, off, context, c.off, c.context)
		}
	}
}

// TestFaultMessage checks how faultMessage names the byte at fault: an
// ASCII character as encoding/json v1 does, any other whole and by its
// code point, and a byte that starts no character of UTF-8 as a byte.
func TestFaultMessage(t *testing.T) {
	for _, c := range []struct {
		doc     string
		off     int
		msg     string
		notUTF8 bool
	}{
		{"x", 0, "invalid character 'x' here", false},
		{"'", 0, `invalid character '\'' here`, false},
		{`"`, 0, `invalid character '"' here`, false},
		{"\x1f", 0, `invalid character '\x1f' here`, false},
		{"\x7f", 0, `invalid character '\x7f' here`, false},
		{"[\u0080]", 1, `invalid character '\u0080' (U+0080) here`, false},
		{"a“b", 1, "invalid character '“' (U+201C) here", false},
		{"\U0001F464", 0, "invalid character '👤' (U+1F464) here", false},
		{"\ufffe", 0, `invalid character '\ufffe' (U+FFFE) here`, false},
		{"\xff", 0, "invalid byte 0xff (not UTF-8) here", true},
		{"\xe2\x80", 0, "invalid byte 0xe2 (not UTF-8) here", true},
		{"\xed\xa0\x80", 0, "invalid byte 0xed (not UTF-8) here", true}, // a surrogate
	} {
		msg, notUTF8 := faultMessage([]byte(c.doc), c.off, "here")
		if msg != c.msg || notUTF8 != c.notUTF8 {
			t.Errorf("faultMessage(%q, %d) = %q, %v; want %q, %v", c.doc, c.off, msg, notUTF8, c.msg, c.notUTF8)
		}
	}
}

// FuzzSyntaxFault checks, with either implementation of encoding/json,
// that syntaxFault finds no fault in a document json.Valid accepts, and
// that the message of ValidateJSON's error for a document that is not
// JSON is syntaxFault's, at or after the token it names: a message from
// encoding/json's words would differ between the two
// (FuzzSyntaxFaultV1 compares syntaxFault with v1's scanner).
func FuzzSyntaxFault(f *testing.F) {
	for _, c := range syntaxCases {
		f.Add([]byte(c.doc))
	}
	addJSONFiles(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		off, context := syntaxFault(data)
		if off >= 0 && json.Valid(bytes.TrimPrefix(data, []byte(byteOrderMark))) {
			t.Fatalf("syntaxFault(%q) = %d, %q; json.Valid accepts the document", data, off, context)
		}
		_, err := ValidateJSON(data)
		var list ValidationErrors
		if !errors.As(err, &list) || len(list) != 1 || !errors.Is(err, ErrInvalidJSON) {
			return // JSON, or too large, or not UTF-8 in a string
		}
		msg := list[0].Err.Error()
		switch {
		case strings.Contains(msg, "nested more than"), strings.Contains(msg, "more than one value"):
			return
		case off < 0:
			if want := fmt.Sprintf("invalid JSON: unexpected end of input at byte %d", len(data)); msg != want {
				t.Fatalf("ValidateJSON(%q): %q; syntaxFault finds no fault, want %q", data, msg, want)
			}
			return
		}
		want, _ := faultMessage(data, off, context)
		want = "invalid JSON: " + want + ", in the token at byte "
		var at int
		if rest, ok := strings.CutPrefix(msg, want); !ok {
			t.Fatalf("ValidateJSON(%q): %q; want a message that starts %q", data, msg, want)
		} else if _, err := fmt.Sscanf(rest, "%d", &at); err != nil {
			t.Fatalf("ValidateJSON(%q): %q; no token's offset after %q", data, msg, want)
		}
		if at > off {
			t.Fatalf("ValidateJSON(%q): %q; the token starts after the byte at fault, %d", data, msg, off)
		}
	})
}
