package jsonscan

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
)

// cases are documents with what Check returns for them: one or more for
// each context and each way a number, a string or a literal ends.
var cases = []struct {
	doc     string
	fault   int
	context string
	whole   bool
}{
	{"", -1, "", false},
	{"\uFEFF", -1, "", false},
	{"0", -1, "", true},
	{"12", -1, "", true},
	{"1.5", -1, "", true},
	{"1e5", -1, "", true},
	{"null", -1, "", true},
	{"[[]] ", -1, "", true},
	{`[{"a":{}}]`, -1, "", true},
	{`{"a":[]`, -1, "", false},
	{"{}", -1, "", true},
	{` {"a": [1, -0.5e+3, "x\u00e9\n", true, false, null]} `, -1, "", true},
	{`{"a": [1, 2`, -1, "", false}, // cut short
	{`"\u00`, -1, "", false},
	{"tr", -1, "", false},
	{"-", -1, "", false},
	{"1.", -1, "", false},
	{"\uFEFF{}", -1, "", true},
	{"\uFEFF\uFEFF{}", 3, "looking for beginning of value", false},
	{" }", 1, "looking for beginning of value", false},
	{"[1,]", 3, "looking for beginning of value", false},
	{"[,", 1, "looking for beginning of value", false},
	{`{"a":}`, 5, "looking for beginning of value", false},
	{"{'a':1}", 1, "looking for beginning of object key string", false},
	{`{"a":1,}`, 7, "looking for beginning of object key string", false},
	{`{"a":1, 2}`, 8, "looking for beginning of object key string", false},
	{`{"a" 1}`, 5, "after object key", false},
	{`{"a",1}`, 4, "after object key", false},
	{`{"a":1 "b":2}`, 7, "after object key:value pair", false},
	{`{"a":1]`, 6, "after object key:value pair", false},
	{"[1 2]", 3, "after array element", false},
	{"[1}", 2, "after array element", false},
	{"[01]", 2, "after array element", false},
	{"[0x1]", 2, "after array element", false},
	{"[1.5.2]", 4, "after array element", false},
	{"[1e5e]", 4, "after array element", false},
	{"{} x", 3, "after top-level value", false},
	{"01", 1, "after top-level value", false},
	{"{}{}", 2, "after top-level value", false},
	{"\"a\x1fb\"", 2, "in string literal", false},
	{"[\"\n\"]", 2, "in string literal", false},
	{`"\x"`, 2, "in string escape code", false},
	{`"\u12g4"`, 5, `in \u hexadecimal character escape`, false},
	{`"\u"`, 3, `in \u hexadecimal character escape`, false},
	{`"\u123x"`, 6, `in \u hexadecimal character escape`, false},
	{`"\u1234"`, -1, "", true},
	{`"\uABCDx\uabcd"`, -1, "", true},
	{"-a", 1, "in numeric literal", false},
	{"-01", 2, "after top-level value", false},
	{"[-01]", 3, "after array element", false},
	{"-0.5", -1, "", true},
	{`"\/"`, -1, "", true},
	{`"\b\f\n\r\t\\\"\/"`, -1, "", true},
	{`"\a"`, 2, "in string escape code", false},
	{"\"\x7f\"", -1, "", true},
	{`"\uG"`, 3, `in \u hexadecimal character escape`, false},
	{`"\uFfaA"`, -1, "", true},
	{"--1", 1, "in numeric literal", false},
	{"1.e", 2, "after decimal point in numeric literal", false},
	{"0.]", 2, "after decimal point in numeric literal", false},
	{"1e", -1, "", false},
	{"1ex", 2, "in exponent of numeric literal", false},
	{"1e+-", 3, "in exponent of numeric literal", false},
	{"1E+9", -1, "", true},
	{"trUe", 2, "in literal true (expecting 'u')", false},
	{"[tru]", 4, "in literal true (expecting 'e')", false},
	{"fals3", 4, "in literal false (expecting 'e')", false},
	{"fxlse", 1, "in literal false (expecting 'a')", false},
	{"nul1", 3, "in literal null (expecting 'l')", false},
	{"nil", 1, "in literal null (expecting 'u')", false},
	{"[“a”]", 1, "looking for beginning of value", false},
	{"[\"é\xff\"]", -1, "", true}, // a string's bytes are not checked
}

// TestCheck checks Check on cases, and on a document nested deeper than
// encoding/json reads.
func TestCheck(t *testing.T) {
	for _, c := range cases {
		if fault, context, whole := Check([]byte(c.doc)); fault != c.fault || context != c.context || whole != c.whole {
			t.Errorf("Check(%q) = %d, %q, %v; want %d, %q, %v", c.doc, fault, context, whole, c.fault, c.context, c.whole)
		}
	}
	deep := strings.Repeat("[", 20000) + strings.Repeat("]", 20000)
	if fault, context, whole := Check([]byte(deep)); fault != -1 || context != "" || !whole {
		t.Errorf("Check of 20000 arrays nested = %d, %q, %v; want -1, \"\", true", fault, context, whole)
	}
	if fault, _, whole := Check([]byte(deep[:30000])); fault != -1 || whole {
		t.Errorf("Check of 20000 arrays nested, cut = %d, %v; want -1, false", fault, whole)
	}
}

// FuzzCheck checks Check against json.Valid, with either implementation
// of encoding/json: no fault in a document it accepts, a fault or a
// document cut short in one it refuses (FuzzCheckV1 compares the fault
// with v1's scanner).
func FuzzCheck(f *testing.F) {
	for _, c := range cases {
		f.Add([]byte(c.doc))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		if bytes.Count(data, []byte("["))+bytes.Count(data, []byte("{")) > 10000 {
			return // encoding/json refuses to read so deep
		}
		fault, context, whole := Check(data)
		if valid := json.Valid(bytes.TrimPrefix(data, []byte("\uFEFF"))); valid != (fault < 0 && whole) {
			t.Fatalf("Check(%q) = %d, %q, %v; json.Valid: %v", data, fault, context, whole, valid)
		}
		if fault >= 0 && (context == "" || whole) || fault < 0 && context != "" {
			t.Fatalf("Check(%q) = %d, %q, %v", data, fault, context, whole)
		}
	})
}
