package digest

import (
	"bytes"
	"encoding/json"
	"errors"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"
	"unsafe"

	"github.com/google/go-cmp/cmp"
)

// quickCases are documents at the edges of what decodeQuick reads itself
// and what it leaves to decodeJSON.
var quickCases = []string{
	`{}`, `[]`, ` {"a" : [ 1 , -0.5e+3 , true , false , null , "x" ] } `, `"s"`, `0`, `-0`, `1E9`,
	`{"a":1,"a":2}`, `{"a":1,"\u0061":2}`, `{"a":{"b":1},"b":{"b":1}}`,
	`"\"\\\/\b\f\n\r\t"`, `"\u00e9\u00E9é"`, `"\ud83d\ude00"`, `"\ud83d"`, `"\ude00"`, `"\ud83dx"`,
	`"\ud83d\u0041"`, `"\ud83d\ud83d"`, `"\uFFFD"`, "\"\uFFFD\"", `"\u12"`, `"\u+123"`, `"\u0x12"`, `"\u_123"`, `"\u 123"`, `"\x"`, "\"a\x01\"", "\"\xff\"",
	`01`, `1.`, `.5`, `+1`, `-`, `1e`, `1e+`, `tru`, `nul`, `[1,]`, `{"a":1,}`, `{"a"}`, `{1:2}`, `[1 2]`,
	`{} {}`, `{}x`, `{} junk`, `[1,2] 3`, `{} ,x`, `1 ]`, `{}}`, `nulll`, `truex`, "\uFEFF{} ,x", `"a""b"`, `0 1x`, "\uFEFF{} x", "{}\n\u00a0", `{}"\u12"`, "\uFEFF{}", ``, ` `, `"`, `"abc`, `[`, `{"a":`, "\"\x1f\"", "\"\x20\"", "\"\\\x1f\"",
	"\"a\x1fnb\"", `"\`, `"\ud83dXXde00"`, `"\ud83d\`, `{"a":1 "b":2}`, "{}\r", "{}\r1", "[1\r,\r2]\r",
	"{}\f", "{\"\n:1}", `{"a":-}`, `{a":1}`,
	strings.Repeat(`{"a":`, maxDepth-1) + `{}` + strings.Repeat(`}`, maxDepth-1),
	strings.Repeat(`{"a":`, maxDepth) + `{}` + strings.Repeat(`}`, maxDepth),
	strings.Repeat(`[`, maxDepth) + `{}` + strings.Repeat(`]`, maxDepth),
}

// FuzzDecodeQuick checks decodeQuick against decodeJSON's own reading:
// it decodes exactly the documents in which that finds no problem, to the
// same values.
func FuzzDecodeQuick(f *testing.F) {
	for _, c := range quickCases {
		f.Add([]byte(c))
	}
	addJSONFiles(f)
	nested := make([]byte, 0, 2*maxDepth+2)
	for range maxDepth {
		nested = append(nested, '[')
	}
	for range maxDepth {
		nested = append(nested, ']')
	}
	f.Add(nested)
	f.Add(append(append([]byte{'['}, nested...), ']'))
	for _, c := range []string{"\uFEFF{}", "\uFEFF", "\uFEFF\uFEFF{}", " \uFEFF{}", "\uFEFF[\"\xff\"]"} {
		f.Add([]byte(c))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		var problems jsonProblems
		want, errs := decodeJSONWith(data, &problems, true)
		if v, e := decodeJSONWith(data, new(jsonProblems), false); v != nil || e.Error() != errs.Error() {
			t.Fatalf("decodeJSONWith(%q) without values = %v, %v; with them, errors %v", data, v, e, errs)
		}
		got, ok, extra := decodeQuick(data)
		if ok != (errs == nil) {
			t.Fatalf("decodeQuick(%q) ok = %v; decodeJSON's errors: %v", data, ok, errs)
		}
		if extra >= 0 {
			e := extraValue(data, extra)
			if e.Error() != errs.Error() {
				t.Fatalf("extraValue(%q, %d) = %v; decodeJSONWith's errors: %v", data, extra, e, errs)
			}
			// Their Offsets may differ: encoding/json counts from where
			// its decoder starts, and not always to the byte at fault.
			var se, want *json.SyntaxError
			if errors.As(e, &se) != errors.As(errs, &want) || errors.Is(e, ErrInvalidUTF8) != errors.Is(errs, ErrInvalidUTF8) {
				t.Fatalf("extraValue(%q, %d) wraps %#v; decodeJSONWith's error wraps %#v", data, extra, se, want)
			}
		}
		// reflect.DeepEqual first: cmp.Diff takes time exponential in
		// the depth of nested lists.
		if !reflect.DeepEqual(want, got) {
			t.Fatalf("decodeQuick(%q) differs from decodeJSON (-decodeJSON +decodeQuick):\n%s", data, cmp.Diff(want, got))
		}
	})
}

// TestDecodeQuickAllocs checks that a long array grows by doubling: 64
// times as many items cost six more allocations, with room for the
// count's noise; append's quarter steps would cost about 20 more.
func TestDecodeQuickAllocs(t *testing.T) {
	allocs := func(n int) float64 {
		data := []byte("[" + strings.Repeat(`"",`, n) + `""]`) // empty strings box without allocating
		if _, ok, _ := decodeQuick(data); !ok {
			t.Fatal("decodeQuick refused an array of empty strings")
		}
		return testing.AllocsPerRun(5, func() { decodeQuick(data) })
	}
	if short, long := allocs(1000), allocs(64000); long > short+8 {
		t.Errorf("decodeQuick allocates %v times for 1000 items, %v for 64000: want at most 8 more", short, long)
	}
}

// FuzzValidTokens checks validTokens against json.Decoder, which it
// stands for on the documents that json.Valid accepts: the same tokens,
// the same offsets, to the end.
func FuzzValidTokens(f *testing.F) {
	for _, c := range quickCases {
		f.Add([]byte(c))
	}
	addJSONFiles(f)
	for _, c := range []string{
		`[1,-0.5e+3,2E-7,0,-0,1e9]`, `{"a\u0000b":"\ud800","\udc00x":"\ud83d\ude00"}`, "[\"\xff\",\"a\xe2\x80\",\"\\\"\xc0\"]",
		"{\"\xff\":1,\"\\ufffd\":2}", " \t\r\n[ \"\\\\\" , \"\\\\\\\"\" ] \n", `[[],{},[{}],{"":[]}]`, `"\u00e9\/"`,
	} {
		f.Add([]byte(c))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		if !json.Valid(data) {
			return
		}
		dec := json.NewDecoder(bytes.NewReader(data))
		dec.UseNumber()
		valid := newValidTokens(data, utf8.Valid(data))
		for {
			if got, want := valid.InputOffset(), dec.InputOffset(); got != want {
				t.Fatalf("%q: validTokens at offset %d, json.Decoder at %d", data, got, want)
			}
			got, gotErr := valid.Token()
			want, wantErr := dec.Token()
			if got != want || gotErr != wantErr {
				t.Fatalf("%q at offset %d: validTokens read %#v, %v; json.Decoder %#v, %v", data, dec.InputOffset(), got, gotErr, want, wantErr)
			}
			if wantErr != nil {
				break
			}
		}
	})
}

// TestValidateJSONOneCopy checks what ValidateJSON's doc says of the
// digest's values: those without escapes are slices of one copy of the
// document, at the distances that they stand at in it, and none is in the
// caller's bytes.
func TestValidateJSONOneCopy(t *testing.T) {
	data, err := json.Marshal(sampleDigest())
	if err != nil {
		t.Fatal(err)
	}
	d, err := ValidateJSON(data)
	if err != nil {
		t.Fatal(err)
	}
	addr := func(s string) uintptr { return uintptr(unsafe.Pointer(unsafe.StringData(s))) }
	values := []string{d.Title, d.Highlights[1], d.Keywords[0], d.Entities[1].Name}
	// Where a value stands in the document: past the quote of its string.
	offset := func(v string) int {
		at := bytes.Index(data, []byte(`"`+v+`"`))
		if at < 0 {
			t.Fatalf("%q is not a string of the document as it is", v)
		}
		return at + 1
	}
	start := uintptr(unsafe.Pointer(unsafe.SliceData(data)))
	for _, v := range values {
		if got, want := addr(v)-addr(values[0]), offset(v)-offset(values[0]); got != uintptr(want) {
			t.Errorf("%q stands %d bytes after the title in the digest, %d in the document", v, got, want)
		}
		if addr(v) >= start && addr(v) < start+uintptr(len(data)) {
			t.Errorf("%q is in the caller's bytes", v)
		}
	}
}
