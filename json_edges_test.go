package digest

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"testing"
	"unsafe"

	"github.com/google/go-cmp/cmp"
	"github.com/santhosh-tekuri/jsonschema/v5"

	"digest/internal/race"
)

// Tests of the JSON side (decode.go, schema.go) at its edges: white space,
// byte order marks, surrogates, the places of syntax errors, the order of
// pointers of many digits, AllErrors in list items, and what hostile
// values allocate.

// TestDecodeQuickWhiteSpace checks that decodeQuick reads each of JSON's
// four white space characters wherever white space may stand, so that a
// document indented with tabs, say, is read in one pass too, to the same
// value.
func TestDecodeQuickWhiteSpace(t *testing.T) {
	want := map[string]any{"a": []any{json.Number("1"), "x"}, "b": map[string]any{}}
	for _, space := range []string{" ", "\t", "\n", "\r", " \t\r\n"} {
		doc := strings.NewReplacer("_", space).Replace(`_{_"a"_:_[_1_,_"x"_]_,_"b"_:_{_}_}_`)
		got, ok, extra := decodeQuick([]byte(doc))
		if !ok || extra != -1 {
			t.Errorf("decodeQuick(%q): ok %v, extra %d; want it read in one pass", doc, ok, extra)
			continue
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("decodeQuick(%q) (-want +got):\n%s", doc, diff)
		}
	}
}

// TestDecodeQuickHighSurrogateBeforeOtherEscape checks that a high
// surrogate escape followed by an escape other than \u is lone, though the
// four characters after that escape read as a low surrogate: decodeQuick
// leaves it to decodeJSON, which reports it, rather than reading a pair.
func TestDecodeQuickHighSurrogateBeforeOtherEscape(t *testing.T) {
	for _, tt := range []struct{ doc, want string }{
		{`{"t":"\ud83d\nde00"}`, `/t: invalid UTF-8: lone surrogate escape \ud83d at byte 6`},
		{`{"t":"\ud83d\\de00"}`, `/t: invalid UTF-8: lone surrogate escape \ud83d at byte 6`},
		{`{"t":"\ud83d\/de00"}`, `/t: invalid UTF-8: lone surrogate escape \ud83d at byte 6`},
	} {
		checkNotQuick(t, tt.doc, tt.want)
	}
}

// checkNotQuick checks that decodeQuick does not read doc, and that
// ValidateJSON gives the one error want for it.
func checkNotQuick(t *testing.T, doc, want string) {
	t.Helper()
	if v, ok, _ := decodeQuick([]byte(doc)); ok {
		t.Errorf("decodeQuick(%+q) = %v, want it left to decodeJSON", doc, v)
	}
	_, err := ValidateJSON([]byte(doc))
	if diff := cmp.Diff([]string{want}, errorStrings(err)); diff != "" {
		t.Errorf("ValidateJSON(%+q) (-want +got):\n%s", doc, diff)
	}
}

// TestDecodeQuickNotAByteOrderMark checks that only the whole byte order
// mark is passed over before a document: another character that starts
// with its first byte, as U+FFFE (the mark in the other byte order, in
// UTF-8) or U+FF5B (a fullwidth brace), is a syntax error.
func TestDecodeQuickNotAByteOrderMark(t *testing.T) {
	for _, tt := range []struct{ doc, want string }{
		{"\uFFFE{}", `invalid JSON: invalid character '\ufffe' (U+FFFE) looking for beginning of value, in the token at byte 0`},
		{"\uFF5B}", `invalid JSON: invalid character '｛' (U+FF5B) looking for beginning of value, in the token at byte 0`},
		{"\uEFEF[]", `invalid JSON: invalid character '\uefef' (U+EFEF) looking for beginning of value, in the token at byte 0`},
	} {
		checkNotQuick(t, tt.doc, tt.want)
	}
}

// TestValidateJSONSyntaxErrorPlaces checks where ValidateJSON places
// syntax errors at the edges of tokenAt and of the glued-token rule: a
// separator right after an object's opening brace is itself the token at
// fault, as it is after an array's; and a token glued to the value before
// it is that value's error after a byte order mark too, whose bytes the
// offsets count.
func TestValidateJSONSyntaxErrorPlaces(t *testing.T) {
	for _, tt := range []struct{ doc, want string }{
		{`{,"a":1}`, `invalid JSON: invalid character ',' looking for beginning of object key string, in the token at byte 1`},
		{`{ ,"a":1}`, `invalid JSON: invalid character ',' looking for beginning of object key string, in the token at byte 2`},
		{`[01]`, `/0: invalid JSON: invalid character '1' after array element, in the token at byte 2`},
		{"\uFEFF[01]", `/0: invalid JSON: invalid character '1' after array element, in the token at byte 5`},
		{"\uFEFF" + `{"a":[1,01]}`, `/a/1: invalid JSON: invalid character '1' after array element, in the token at byte 12`},
	} {
		_, err := ValidateJSON([]byte(tt.doc))
		if diff := cmp.Diff([]string{tt.want}, errorStrings(err)); diff != "" {
			t.Errorf("ValidateJSON(%+q) (-want +got):\n%s", tt.doc, diff)
		}
	}
}

// TestSchemaMessagePattern checks schemaMessage, the message of a leaf
// error of the validator that ruleError leaves as it is: a pattern is
// named by its place in the schema, without "/pattern", rather than
// quoted; any other error keeps the validator's message.
func TestSchemaMessagePattern(t *testing.T) {
	for _, tt := range []struct{ loc, msg, want string }{
		{schemaID + "#/$defs/line/pattern", "does not match pattern '^(?:[^\\x00-…'", "does not match the pattern of #/$defs/line"},
		{schemaID + "#/$defs/text/pattern", "does not match pattern …", "does not match the pattern of #/$defs/text"},
		{schemaID + "#/properties/title/minLength", "length must be >= 1, but got 0", "length must be >= 1, but got 0"},
		{schemaID + "#/properties/entities/items/properties/type/enum", "value must be one of …", "value must be one of …"},
	} {
		e := &jsonschema.ValidationError{AbsoluteKeywordLocation: tt.loc, Message: tt.msg}
		if got := schemaMessage(e); got != tt.want {
			t.Errorf("schemaMessage(%s) = %q, want %q", tt.loc, got, tt.want)
		}
	}
}

// TestHostileMemoryJSONValues checks, as TestHostileMemory does, what
// ValidateJSON allocates for values the schema need not read whole: an
// item of a list, or a member of an item, of another type than the
// schema's (checkSchema empties it before the validator builds a map of
// its items or keys), and a long value followed by another (extraValue
// reads only what follows the first).
func TestHostileMemoryJSONValues(t *testing.T) {
	if race.Enabled {
		t.Skip("the race detector changes what is allocated")
	}
	const size = 256 << 10
	numbers := "[0" + strings.Repeat(",0", size/2) + "]"
	tests := []struct {
		name  string
		in    string
		limit float64 // bytes allocated for each byte of input, with 64-bit pointers
	}{
		// About 41 bytes a byte to decode; the validator, given the whole
		// array, built a map of its items on top, 80.
		{"JSON numbers as an entity's name", jsonWith(`"entities":[]`, `"entities":[{"name":`+numbers+`,"type":"Event","description":"D"}]`), 60},
		{"JSON numbers as a keyword", jsonWith(`"keywords":[]`, `"keywords":[`+numbers+`]`), 60},
		// About 12 bytes a byte; given the whole object, 18 to 21.
		{"JSON members as the title", jsonWith(`"title":"T"`, `"title":{`+extraMembers(size/10)+`}`), 15},
		{"JSON members as an entity's name", jsonWith(`"entities":[]`, `"entities":[{"name":{`+extraMembers(size/10)+`},"type":"Event","description":"D"}]`), 15},
		// About 41 bytes a byte; read again whole for the error, 100.
		{"JSON numbers before another value", numbers + " x", 60},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			data := []byte(tt.in)
			if _, err := ValidateJSON(data); err == nil {
				t.Fatal("ValidateJSON accepts it")
			}
			n := allocatedBytes(func() { ValidateJSON(data) })
			// With 32-bit pointers, values take about half as much.
			limit := tt.limit * float64(unsafe.Sizeof(uintptr(0))) / 8
			if max := uint64(limit*float64(len(data))) + 64<<10; n > max {
				t.Errorf("%d bytes of input allocate %d bytes, more than %d", len(data), n, max)
			}
		})
	}
}

// TestLoneSurrogateEdges checks loneSurrogate at the bounds of the
// ranges of surrogates, and an escape it must read whole: a high
// surrogate before \udc00, the first low one, is one of a pair; \ue000,
// past the last low one, is no surrogate; and "xudc00" after a high one
// is no escape. ValidateJSON reads it only in a string that holds U+FFFD
// (a document that decodeQuick leaves to decodeJSON, here for a key seen
// twice): an error more, or one fewer, would be the only sign.
func TestLoneSurrogateEdges(t *testing.T) {
	for _, tt := range []struct {
		raw  string
		want int
	}{
		{`"\udbff\udc00"`, -1},
		{`"\ud800\udc00"`, -1},
		{`"\ue000"`, -1},
		{`"\ufffd\ue000\ud7ff"`, -1},
		{`"\ud800xudc00"`, 1},
		{`"a\udbffxudfff"`, 2},
	} {
		if got := loneSurrogate([]byte(tt.raw)); got != tt.want {
			t.Errorf("loneSurrogate(%s) = %d, want %d", tt.raw, got, tt.want)
		}
	}
	for _, tt := range []struct {
		doc  string
		want []string
	}{
		{`{"a":"\ufffd\udbff\udc00","a":0}`, []string{`/a: duplicate key "a"`}},
		{`{"a":"\ufffd\ue000","a":0}`, []string{`/a: duplicate key "a"`}},
		{`{"t":"\ud800xudc00"}`, []string{`/t: invalid UTF-8: lone surrogate escape \ud800 at byte 6`}},
	} {
		_, err := ValidateJSON([]byte(tt.doc))
		if diff := cmp.Diff(tt.want, errorStrings(err)); diff != "" {
			t.Errorf("ValidateJSON(%s) (-want +got):\n%s", tt.doc, diff)
		}
	}
}

// TestNumberSegmentsOfManyDigits checks that segments of digits are
// compared as numbers however many digits they have: a key "100" comes
// after "99" among the problems decodeJSON reports, and with AllErrors the
// item at /keywords/100 after the one at /keywords/99.
func TestNumberSegmentsOfManyDigits(t *testing.T) {
	_, errs := decodeJSON([]byte(`{"100":0,"100":0,"99":0,"99":0}`))
	want := []string{`/99: duplicate key "99"`, `/100: duplicate key "100"`}
	if diff := cmp.Diff(want, errorStrings(errs)); diff != "" {
		t.Errorf("decodeJSON (-want +got):\n%s", diff)
	}
	for _, tt := range []struct {
		a, b string
		want int
	}{
		{"/keywords/99", "/keywords/100", -1},
		{"/keywords/1000", "/keywords/999", 1},
		{"/a/0999", "/a/1000", -1},
		{"/a/100", "/a/100b", -1}, // not a number: as text
	} {
		if got := comparePointers(tt.a, tt.b); got != tt.want {
			t.Errorf("comparePointers(%q, %q) = %d, want %d", tt.a, tt.b, got, tt.want)
		}
	}
	doc := jsonWith(`"keywords":[]`, `"keywords":["k"`+strings.Repeat(`,1`, 101)+`]`)
	_, err := (&Parser{AllErrors: true}).ValidateJSON([]byte(doc))
	got := errorStrings(err)
	if len(got) != 101 {
		t.Fatalf("got %d errors, want 101:\n%s", len(got), validationLines(err))
	}
	for i, s := range got {
		if want := fmt.Sprintf("/keywords/%d: schema violation: expected string, but got number", i+1); s != want {
			t.Fatalf("error %d is %q, want %q", i, s, want)
		}
	}
}

// TestValidateJSONAllErrorsItemKeys checks that, with AllErrors, every
// key not allowed in an item of a list is reported, as in the digest
// itself: checkSchema validates the items one by one, and none of them
// may keep only the first DefaultMaxErrors+1 keys.
func TestValidateJSONAllErrorsItemKeys(t *testing.T) {
	const n = 3 * DefaultMaxErrors
	doc := jsonWith(`"entities":[]`, `"entities":[{"name":"N","type":"Event","description":"D",`+extraMembers(n)+`}]`,
		`"title":"T"`, `"title":"T",`+extraMembers(n))
	var want []string
	for _, at := range []string{"", "/entities/0: "} {
		keys := make([]string, n)
		for i := range keys {
			keys[i] = fmt.Sprintf("x%d", i)
		}
		slices.Sort(keys)
		for _, k := range keys {
			want = append(want, fmt.Sprintf("%sschema violation: key %q not allowed", at, k))
		}
	}
	_, err := (&Parser{AllErrors: true}).ValidateJSON([]byte(doc))
	if diff := cmp.Diff(want, errorStrings(err)); diff != "" {
		t.Errorf("ValidateJSON with AllErrors (-want +got):\n%s", diff)
	}
}
