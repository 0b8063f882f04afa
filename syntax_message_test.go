package digest

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"testing"

	"digest/internal/jsonscan"
)

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
		{"\ufffd", 0, "invalid character '\ufffd' (U+FFFD) here", false}, // in the text, not for a bad byte
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

// FuzzSyntaxMessage checks, with either implementation of encoding/json,
// that the message of ValidateJSON's error for a document that is not JSON
// is the one faultMessage makes of jsonscan.Check's fault, which lies in
// or after the token the message names: a message made of
// encoding/json's words would differ between the two.
func FuzzSyntaxMessage(f *testing.F) {
	for _, doc := range []string{
		"", " }", `{"a":1,}`, "{'a':1}", `{"a" 1}`, `{"a":1]`, "[1 2]", "[01]",
		"{} x", "{}{}", `{}"abc`, "{} tru", "\uFEFF{} x", "\"a\x1fb\"", `"\x"`, `"\u12g4"`, "-a",
		"1.e", "1ex", "trUe", `{"a":[1,2`, "[“a”]", "[\xff]", `{"title":1\xff}`,
		"\xff\xfe{\x00}\x00", "{\x00}\x00",
	} {
		f.Add([]byte(doc))
	}
	addJSONFiles(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		off, context, _ := jsonscan.Check(data)
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
				t.Fatalf("ValidateJSON(%q): %q; jsonscan.Check finds no fault, want %q", data, msg, want)
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

// TestMoreThanOneValueWraps checks that the error of a second value after
// a document's wraps encoding/json's *json.SyntaxError when that value is
// not JSON, as ValidateJSON's doc says, and none when it is.
func TestMoreThanOneValueWraps(t *testing.T) {
	for doc, wraps := range map[string]bool{"{} trux": true, "[] -x": true, "{}{}": false, "[] 1": false} {
		_, err := ValidateJSON([]byte(doc))
		var se *json.SyntaxError
		if !strings.Contains(fmt.Sprint(err), "more than one value") || errors.As(err, &se) != wraps {
			t.Errorf("ValidateJSON(%q) = %v; want 'more than one value', wrapping a *json.SyntaxError: %v", doc, err, wraps)
		}
	}
}
