package digest

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestSchema(t *testing.T) {
	s := Schema()
	var doc struct {
		Schema string `json:"$schema"`
		ID     string `json:"$id"`
	}
	if err := json.Unmarshal(s, &doc); err != nil {
		t.Fatalf("Schema() is not JSON: %v", err)
	}
	if doc.ID != schemaID {
		t.Errorf("$id = %q, want %q", doc.ID, schemaID)
	}
	if doc.Schema != "https://json-schema.org/draft/2020-12/schema" {
		t.Errorf("$schema = %q, want draft 2020-12", doc.Schema)
	}
	s[0] = 'x'
	if !bytes.Equal(Schema(), schemaJSON) {
		t.Error("changing what Schema returned changed the schema")
	}
}

func TestSchemaCompiles(t *testing.T) {
	if _, err := compiledSchema(); err != nil {
		t.Fatal(err)
	}
}

// TestSchemaBounds checks that the bounds Validate checks are the schema's.
func TestSchemaBounds(t *testing.T) {
	var schema map[string]any
	if err := json.Unmarshal(schemaJSON, &schema); err != nil {
		t.Fatal(err)
	}
	get := func(path string) any {
		var v any = schema
		for _, key := range strings.Split(path, "/") {
			m, ok := v.(map[string]any)
			if !ok {
				t.Fatalf("schema has no %s", path)
			}
			v = m[key]
		}
		return v
	}
	props := "properties/"
	for path, want := range map[string]int{
		props + "title/maxLength":                                    maxShort,
		props + "subtitle/maxLength":                                 maxLong,
		props + "summary/maxLength":                                  maxLong,
		props + "highlights/maxItems":                                maxItems,
		props + "highlights/items/maxLength":                         maxLong,
		props + "core_subject/properties/heading/maxLength":          maxShort,
		props + "core_subject/properties/paragraphs/maxItems":        maxItems,
		props + "core_subject/properties/paragraphs/items/maxLength": maxLong,
		props + "keywords/maxItems":                                  maxItems,
		props + "keywords/items/maxLength":                           maxShort,
		props + "entities/maxItems":                                  maxItems,
		props + "entities/items/properties/name/maxLength":           maxShort,
		props + "entities/items/properties/description/maxLength":    maxLong,
		props + "core_subject/properties/paragraphs/items/minLength": 1,
		props + "entities/items/properties/description/minLength":    1,
		props + "entities/items/properties/name/minLength":           1,
	} {
		if got, ok := get(path).(float64); !ok || int(got) != want {
			t.Errorf("schema %s = %v, want %d as Validate has it", path, get(path), want)
		}
	}
	var types []EntityType
	for _, name := range get(props + "entities/items/properties/type/enum").([]any) {
		types = append(types, EntityType(name.(string)))
	}
	if want := EntityTypes(); !slices.Equal(types, want) {
		t.Errorf("schema's entity types = %v, want %v", types, want)
	}
}

// schemaOnly returns the problems the schema alone finds in data, a JSON
// document without duplicate keys.
func schemaOnly(t testing.TB, data []byte) ValidationErrors {
	t.Helper()
	doc, errs := decodeJSON(data)
	if errs != nil {
		t.Fatalf("decodeJSON: %v", errs)
	}
	errs, err := checkSchema(doc, false)
	if err != nil {
		t.Fatalf("checkSchema: %v", err)
	}
	return errs
}

// TestOneTruth checks that the schema, Validate and ValidateJSON agree with
// testdata/valid and testdata/invalid: every valid document is valid, and
// every invalid one is rejected at the pointer expect.tsv gives, by the
// schema when it says "schema", by Validate alone when it says "native".
func TestOneTruth(t *testing.T) {
	valid, err := filepath.Glob("testdata/valid/*.json")
	if err != nil || len(valid) == 0 {
		t.Fatalf("no testdata/valid/*.json (%v)", err)
	}
	for _, file := range valid {
		t.Run(file, func(t *testing.T) {
			data := readTestFile(t, file)
			if errs := schemaOnly(t, data); errs != nil {
				t.Errorf("the schema rejects it: %v", errs)
			}
			d, err := ValidateJSON(data)
			if err != nil {
				t.Fatalf("ValidateJSON: %v", validationLines(err))
			}
			checkValidRoundTrip(t, d)
		})
	}

	tsv := string(readTestFile(t, "testdata/invalid/expect.tsv"))
	listed := map[string]bool{}
	for line := range strings.Lines(tsv) {
		line = strings.TrimSuffix(line, "\n")
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		cols := strings.Split(line, "\t")
		if len(cols) != 3 || cols[2] != "schema" && cols[2] != "native" {
			t.Errorf("expect.tsv: bad line %q", line)
			continue
		}
		name, ptr, by := cols[0], cols[1], cols[2]
		listed[name] = true
		t.Run(name, func(t *testing.T) {
			data := readTestFile(t, filepath.Join("testdata/invalid", name))
			_, err := ValidateJSON(data)
			if err == nil {
				t.Fatalf("ValidateJSON accepts it, want an error at %q", ptr)
			}
			checkErrorPointers(t, "ValidateJSON", err, ptr)
			schemaErrs := schemaOnly(t, data)
			switch by {
			case "schema":
				if schemaErrs == nil {
					t.Fatalf("the schema accepts it")
				}
				checkErrorPointers(t, "the schema", schemaErrs, ptr)
				if !errors.Is(err, ErrSchema) {
					t.Errorf("ValidateJSON's error does not wrap ErrSchema: %v", err)
				}
			case "native":
				if schemaErrs != nil {
					t.Fatalf("the schema rejects it, want only Validate to: %v", validationLines(schemaErrs))
				}
				var d Digest
				if err := json.Unmarshal(data, &d); err != nil {
					t.Fatal(err)
				}
				err := Validate(&d)
				if err == nil {
					t.Fatalf("Validate accepts it")
				}
				checkErrorPointers(t, "Validate", err, ptr)
			}
		})
	}
	files, _ := filepath.Glob("testdata/invalid/*.json")
	for _, file := range files {
		if !listed[filepath.Base(file)] {
			t.Errorf("%s is not in testdata/invalid/expect.tsv", file)
		}
	}
}

// checkErrorPointers checks that every error of err, a ValidationErrors, is at
// pointer want.
func checkErrorPointers(t *testing.T, who string, err error, want string) {
	t.Helper()
	var list ValidationErrors
	if !errors.As(err, &list) {
		t.Fatalf("%s: error %T is not ValidationErrors: %v", who, err, err)
	}
	for _, e := range list {
		if e.Pointer != want {
			t.Errorf("%s: error at %q, want all at %q:\n%s", who, e.Pointer, want, validationLines(err))
			return
		}
	}
}

// validationLines returns the errors of err one a line.
func validationLines(err error) string {
	if err == nil {
		return "<nil>"
	}
	var list ValidationErrors
	if !errors.As(err, &list) {
		return err.Error()
	}
	var b strings.Builder
	for _, e := range list {
		b.WriteString("\t" + e.Error() + "\n")
	}
	return b.String()
}

// errorStrings returns the text of each error of err, a ValidationErrors,
// or err's text alone for another error, or nil for nil.
func errorStrings(err error) []string {
	var list ValidationErrors
	if !errors.As(err, &list) {
		if err == nil {
			return nil
		}
		return []string{err.Error()}
	}
	s := make([]string, len(list))
	for i, e := range list {
		s[i] = e.Error()
	}
	return s
}

func readTestFile(t testing.TB, name string) []byte {
	t.Helper()
	data, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// textFiles returns the names of the texts in testdata, testdata/*.txt,
// and fails when there are none.
func textFiles(tb testing.TB) []string {
	tb.Helper()
	files, err := filepath.Glob("testdata/*.txt")
	if err != nil || len(files) == 0 {
		tb.Fatalf("no testdata/*.txt: %v", err)
	}
	return files
}

// TestGoldenTextAgainstSchema checks, for every golden text input that
// parses without error, that Validate rejects its digest whenever the
// schema rejects the digest's JSON form.
func TestGoldenTextAgainstSchema(t *testing.T) {
	for _, file := range textFiles(t) {
		d, err := Parse(readTestFile(t, file))
		if err != nil {
			continue
		}
		data, err := json.Marshal(d)
		if err != nil {
			t.Fatal(err)
		}
		schemaErrs := schemaOnly(t, data)
		verr := Validate(d)
		if schemaErrs != nil && verr == nil {
			t.Errorf("%s: the schema rejects its digest, Validate accepts it:\n%s", file, validationLines(schemaErrs))
		}
	}
}

// TestDecodeJSONFirstProblems checks that decodeJSON reports, of problems
// that a document holds in any order, the first DefaultMaxErrors by
// pointer, then one at the next that counts the others. Keys share long
// prefixes and repeat at several depths, for the shortcuts of
// jsonProblems to be tried.
func TestDecodeJSONFirstProblems(t *testing.T) {
	keys := []string{"a", "b", "a/b", "a~", "10", "9", "aaaa", "aaab"}
	for seed := range 300 {
		r := rand.New(rand.NewPCG(uint64(seed), 0))
		var all []string // the pointer of every problem, in the order of the document
		var value func(b *strings.Builder, ptr string, depth int)
		value = func(b *strings.Builder, ptr string, depth int) {
			switch n := r.IntN(5); {
			case depth > 3 || n == 0:
				b.WriteString("1")
			case n == 1:
				b.WriteByte('[')
				for i := range r.IntN(4) {
					if i > 0 {
						b.WriteByte(',')
					}
					value(b, ptr+"/"+strconv.Itoa(i), depth+1)
				}
				b.WriteByte(']')
			default:
				b.WriteByte('{')
				seen := map[string]bool{}
				for i := range r.IntN(8) {
					if i > 0 {
						b.WriteByte(',')
					}
					k := keys[r.IntN(len(keys))]
					kp := ptr + "/" + strings.NewReplacer("~", "~0", "/", "~1").Replace(k)
					if seen[k] {
						all = append(all, kp)
					}
					seen[k] = true
					fmt.Fprintf(b, "%q:", k)
					value(b, kp, depth+1)
				}
				b.WriteByte('}')
			}
		}
		var b strings.Builder
		value(&b, "", 0)
		_, errs := decodeJSON([]byte(b.String()))

		slices.SortStableFunc(all, comparePointers)
		var want []string
		for i, p := range all {
			if i == DefaultMaxErrors {
				want = append(want, fmt.Sprintf("%s: too many errors: %d more not shown", p, len(all)-i))
				break
			}
			want = append(want, fmt.Sprintf("%s: duplicate key", p))
		}
		var got []string
		for _, e := range errs {
			msg := e.Pointer + ": " + e.Err.Error()
			if errors.Is(e, ErrDuplicate) {
				msg, _, _ = strings.Cut(msg, ` "`)
			}
			got = append(got, msg)
		}
		if !slices.Equal(got, want) {
			t.Fatalf("%s:\ngot  %q\nwant %q", b.String(), got, want)
		}
	}
}

// TestDecodeJSONLinear checks that decodeJSON's work on its problems stays
// linear in documents of many duplicate keys below long keys, which a
// pointer repeats: the comparisons of their pointers read at most 64 times
// as many bytes as the document holds, at sizes where work that grows
// faster would read thousands of times as many. They would read a long key
// for each duplicate below it if equal segments were not one string, if
// problems that sort after those kept were compared again, or if a long
// number were read whole each time it is compared. The work is counted,
// not timed.
func TestDecodeJSONLinear(t *testing.T) {
	dups := func(key string, n int) string { return strings.Repeat(`"`+key+`":1,`, n) + `"` + key + `":1` }
	tests := []struct {
		name string
		doc  func(n int) string // a document of n keys or more
	}{
		{"keys with a long common prefix", func(n int) string {
			x := strings.Repeat("x", 4*n)
			return `{"` + x + `1":{` + dups("a", 20) + `},"` + x + `2":{` + dups("a", n) + `}}`
		}},
		{"a long key repeated", func(n int) string {
			x := strings.Repeat("x", 16*n)
			return `{"` + x + `":{"b":{` + dups("a", 20) + `}},"` + x + `":{` + dups("c", n) + `}}`
		}},
		{"deep long keys", func(n int) string {
			k := `{"` + strings.Repeat("k", n/8) + `":`
			return strings.Repeat(k, 60) + "{" + dups("a", n) + "}" + strings.Repeat("}", 60)
		}},
		{"long keys in an array", func(n int) string {
			x := strings.Repeat("x", n)
			return `[{"` + x + `":{` + dups("a", 20) + `}},{"` + x + `":{` + dups("a", n) + `}}]`
		}},
		{"sibling keys with a long common prefix, in descending order", func(n int) string {
			x := strings.Repeat("x", 1000)
			var b strings.Builder
			for i := n / 10; i > 0; i-- {
				fmt.Fprintf(&b, `,"%s%06d":{"a":1,"a":1}`, x, i)
			}
			return "{" + b.String()[1:] + "}"
		}},
		{"sibling keys with a long common prefix, each with many duplicates", func(n int) string {
			x := strings.Repeat("x", 1000)
			var b strings.Builder
			for i := n / 100; i > 0; i-- {
				fmt.Fprintf(&b, `,"%s%06d":{`, x, i)
				for k := 'z'; k >= 'm'; k-- {
					fmt.Fprintf(&b, `"%c":1,"%c":1,`, k, k)
				}
				b.WriteString(`"a":1}`)
			}
			return "{" + b.String()[1:] + "}"
		}},
		{"two long keys that are one number", func(n int) string {
			// "0D" and "00D" are equal as numbers: each problem below
			// the second is compared with those kept below the first.
			d := "1" + strings.Repeat("0", 10*n)
			return `{"0` + d + `":{` + dups("a", 20) + `},"00` + d + `":{` + dups("b", n) + `}}`
		}},
		{"two long keys with a long common prefix, each problem below the second kept", func(n int) string {
			// The keys below the second come in descending order, so
			// each problem is kept in turn, and the search for its
			// place meets those kept below the first.
			x := strings.Repeat("x", 10*n)
			var b strings.Builder
			b.WriteString(`{"` + x + `A":{` + dups("a", 9) + `},"` + x + `B":{`)
			for i := n; i > 0; i-- {
				fmt.Fprintf(&b, `"%06d":0,"%06d":0,`, i, i)
			}
			return b.String() + `"z":0}}`
		}},
		{"a long number before many short ones", func(n int) string {
			// Each short one is compared with the long one, a number
			// with many leading zeros that is smaller than them all.
			var b strings.Builder
			b.WriteString(`{"` + strings.Repeat("0", 10*n) + `9":{` + dups("a", 20) + `}`)
			for i := range n {
				fmt.Fprintf(&b, `,"%d":{"a":1,"a":1}`, i+10)
			}
			return b.String() + "}"
		}},
	}
	for _, tt := range tests {
		for _, n := range []int{100, 4000, 40000} {
			data := []byte(tt.doc(n))
			var problems jsonProblems
			_, errs := decodeJSONWith(data, &problems, false)
			if len(errs) == 0 || !errors.Is(errs[0], ErrDuplicate) {
				t.Fatalf("%s, %d keys: got %v, want duplicate keys", tt.name, n, errs)
			}
			if problems.compared > 64*len(data) {
				t.Errorf("%s, %d keys: the comparisons read %d bytes, more than 64 times the document's %d", tt.name, n, problems.compared, len(data))
			}
		}
	}
}

func TestLoneSurrogate(t *testing.T) {
	tests := []struct {
		raw  string
		want int
	}{
		{`"abc"`, -1},
		{`"\ud83d\udc64"`, -1},
		{`"\uFFFD\u00e9\n"`, -1},
		{`"\\ud800"`, -1}, // an escaped backslash, then "ud800"
		{`"\ud800"`, 1},
		{`"a\udc00"`, 2},
		{`"\ud800\u0041"`, 1},
		{`"\ud800\ud800\udc00"`, 1},
		{`"\ud83d\udc64\\\udbff"`, 15},
		{`"\ud800`, 1},
	}
	for _, tt := range tests {
		if got := loneSurrogate([]byte(tt.raw)); got != tt.want {
			t.Errorf("loneSurrogate(%s) = %d, want %d", tt.raw, got, tt.want)
		}
	}
}

func TestCheckSchemaManyProblems(t *testing.T) {
	doc := jsonWith(`"keywords":[]`, `"keywords":[1`+strings.Repeat(`,1`, 20)+`]`, `"title":"T"`, `"title":2`)
	errs := schemaOnly(t, []byte(doc))
	got := errorStrings(errs)
	want := []string{"/keywords/0: schema violation: expected string, but got number"}
	for i := 1; i < DefaultMaxErrors; i++ {
		want = append(want, fmt.Sprintf("/keywords/%d: schema violation: expected string, but got number", i))
	}
	want = append(want, "/keywords/10: too many errors: 12 more not shown")
	if !slices.Equal(got, want) {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	// The last error, alone, wraps the sentinels of those it counts.
	last := errs[len(errs)-1]
	for _, target := range []error{ErrTooManyErrors, ErrSchema} {
		if !errors.Is(last, target) {
			t.Errorf("errors.Is(%q, %v) is false", last, target)
		}
	}
}

// TestSchemaExtraKeys checks that each key the schema does not allow is one
// error at the pointer of its object, in the order of the keys, however
// many there are and however long.
func TestSchemaExtraKeys(t *testing.T) {
	long := strings.Repeat("k", 10000)
	doc := jsonWith(
		`"entities":[]`, `"d":4,"c":3,"entities":[{"name":"N","type":"Event","description":"D","x~/y":1}],"b":2,"a!":0,"a":1`,
		`"paragraphs":[]`, `"paragraphs":[],"`+long+`2":1,"`+long+`1":1`,
	)
	want := "" +
		"\tschema violation: key \"a\" not allowed\n" +
		"\tschema violation: key \"a!\" not allowed\n" +
		"\tschema violation: key \"b\" not allowed\n" +
		"\tschema violation: key \"c\" not allowed\n" +
		"\tschema violation: key \"d\" not allowed\n" +
		"\t/core_subject: schema violation: key \"" + long[:40] + "\"… not allowed\n" + // long + "1"
		"\t/core_subject: schema violation: key \"" + long[:40] + "\"… not allowed\n" + // long + "2"
		"\t/entities/0: schema violation: key \"x~/y\" not allowed\n"
	for range 20 { // the validator lists extra keys in map order
		_, err := ValidateJSON([]byte(doc))
		if got := validationLines(err); got != want {
			t.Fatalf("got\n%s\nwant\n%s", got, want)
		}
	}
}

// TestSchemaOverlongListKeepsFirstErrors checks that a list over its length
// does not hide the errors whose pointers come before its own, and that its
// items, an empty one here, are not checked.
func TestSchemaOverlongListKeepsFirstErrors(t *testing.T) {
	doc := jsonWith(
		`"title":"T",`, ``,
		`"highlights":[]`, `"highlights":[""`+strings.Repeat(`,"h"`, maxItems)+`]`,
		`"entities":[]`, `"entities":[{"name":"N","type":"Nope","description":"D"}]`,
	)
	_, err := ValidateJSON([]byte(doc))
	var list ValidationErrors
	if !errors.As(err, &list) || len(list) != 3 {
		t.Fatalf("got %v, want three errors", validationLines(err))
	}
	for i, want := range []string{"", "/entities/0/type", "/highlights"} {
		if list[i].Pointer != want || !errors.Is(list[i], ErrSchema) {
			t.Errorf("error %d is %v, want a schema error at %q", i, list[i], want)
		}
	}
	if msg, want := list[2].Error(), fmt.Sprintf("/highlights: schema violation: too long: %d highlights, at most %d", maxItems+1, maxItems); msg != want || !errors.Is(list[2], ErrTooLong) {
		t.Errorf("error 2 is %q, want %q, wrapping ErrTooLong", msg, want)
	}
}

// TestDecodeJSONBadStrings checks that decodeJSON reports each string
// that holds bytes that are not UTF-8 or a lone surrogate escape: its
// first bad byte, or its first lone surrogate where no byte is bad, at its
// pointer and byte offset in the document; the first DefaultMaxErrors by
// pointer, then one that counts the others.
func TestDecodeJSONBadStrings(t *testing.T) {
	values := []struct {
		raw string // the string's token
		bad string // what starts its first problem, or ""
	}{
		{"\"a\xffb\xfe\"", "\xff"},
		{`"ok"`, ""},
		{`"x\ud800y\ud801"`, `\ud800`},
		{"\"\xc3\"", "\xc3"},              // a character cut short
		{"\"\u00e9\\ud800\xfe\"", "\xfe"}, // a bad byte goes before a lone surrogate
		{"\"\ufffd\"", ""},
		{"\"é\xe2\x80\"", "\xe2"},
	}
	for _, n := range []int{len(values), 3 * len(values)} {
		var b strings.Builder
		var want []string
		b.WriteByte('{')
		for i := range n {
			v := values[i%len(values)]
			if i > 0 {
				b.WriteByte(',')
			}
			key := fmt.Sprintf("k%02d", i)
			fmt.Fprintf(&b, "%q:", key)
			at := b.Len() + strings.Index(v.raw, v.bad)
			b.WriteString(v.raw)
			switch {
			case v.bad == "":
			case v.bad[0] == '\\':
				want = append(want, fmt.Sprintf("/%s: invalid UTF-8: lone surrogate escape %s at byte %d", key, v.bad, at))
			default:
				want = append(want, fmt.Sprintf("/%s: invalid UTF-8 at byte %d", key, at))
			}
		}
		b.WriteByte('}')
		if len(want) > DefaultMaxErrors {
			ptr, _, _ := strings.Cut(want[DefaultMaxErrors], ":")
			want = append(want[:DefaultMaxErrors], fmt.Sprintf("%s: too many errors: %d more not shown", ptr, len(want)-DefaultMaxErrors))
		}
		_, errs := decodeJSON([]byte(b.String()))
		if diff := cmp.Diff(want, errorStrings(errs)); diff != "" {
			t.Errorf("decodeJSON(%+q) (-want +got):\n%s", b.String(), diff)
		}
	}
}

// TestDecodeJSONUnreadableKeys checks that keys which read alike only
// because U+FFFD stands for what they hold (bytes that are not UTF-8, a
// lone surrogate) are not called duplicates, while a key that holds
// U+FFFD itself, twice, is one.
func TestDecodeJSONUnreadableKeys(t *testing.T) {
	tests := []struct {
		doc  string
		dup  bool
		utf8 bool // an ErrInvalidUTF8 is expected
	}{
		{`{"\ud800":1,"\udc00":2}`, false, true},
		{`{"a\ud800":1,"a\ud801":2}`, false, true},
		{"{\"\xfe\":1,\"\xff\":2}", false, true},
		{"{\"\xff\":1,\"\xff\":2}", false, true},
		{"{\"\xff\":1,\"\\ufffd\":2}", false, true},
		{"{\"\\ufffd\":1,\"\xff\":2}", false, true},
		{"{\"a\xff\":0,\"\xfe\":1,\"\\ufffd\":2}", false, true}, // a bad byte past the first of the document
		{`{"\ud800":1,"\ufffd":2}`, false, true},
		{`{"\ufffd":1,"\ud800":2}`, false, true},
		{`{"\ufffd":1,"\ufffd":2}`, true, false},
		{"{\"\uFFFD\":1,\"\\ufffd\":2}", true, false},
	}
	for _, tt := range tests {
		_, errs := decodeJSON([]byte(tt.doc))
		var dup, bad bool
		for _, e := range errs {
			dup = dup || errors.Is(e, ErrDuplicate)
			bad = bad || errors.Is(e, ErrInvalidUTF8)
		}
		if dup != tt.dup || bad != tt.utf8 {
			t.Errorf("decodeJSON(%+q):\n%s\nwant duplicate %v, invalid UTF-8 %v", tt.doc, validationLines(errs), tt.dup, tt.utf8)
		}
	}
}

// TestCheckSchemaItemsOneByOne checks that checkSchema, which checks the
// items of the lists one by one and keeps only the first problems of each
// list, reports what the whole schema finds on the whole document: the
// same first errors and the same count of the others.
func TestCheckSchemaItemsOneByOne(t *testing.T) {
	numbers := func(n int) string { return "1" + strings.Repeat(",1", n-1) }
	docs := []string{
		minimalJSON,
		jsonWith(`"keywords":[]`, `"keywords":[`+numbers(30)+`]`),
		jsonWith(`"keywords":[]`, `"keywords":[`+numbers(30)+`]`, `"highlights":[]`, `"highlights":[`+numbers(5)+`]`, `"title":"T",`, ``),
		jsonWith(`"entities":[]`, `"entities":[{}`+strings.Repeat(`,{}`, 20)+`]`),
		jsonWith(`"entities":[]`, `"entities":[{"name":" N","type":"Nope","description":"","x":1},{"name":"M","type":"Event","description":"D"},3]`),
		jsonWith(`"paragraphs":[]`, `"paragraphs":["a"," b",2,"c\nd"],"z":1`, `"keywords":[]`, `"keywords":["k",""]`),
		jsonWith(`"entities":[]`, `"entities":{}`, `"keywords":[]`, `"keywords":"k"`),
		jsonWith(`"core_subject":{"heading":"","paragraphs":[]}`, `"core_subject":[]`),
		`[]`,
		`{"entities":[` + numbers(12) + `],"keywords":[` + numbers(12) + `]}`,
		jsonWith(`"title":"T"`, `"title":"T",`+extraMembers(15)),
		// Values of another type than the schema's, which it need not read.
		jsonWith(`"title":"T"`, `"title":[1,"a",[2]]`, `"summary":"S"`, `"summary":{"a":1,"b":[]}`, `"heading":""`, `"heading":[[]]`),
		jsonWith(`"core_subject":{"heading":"","paragraphs":[]}`, `"core_subject":[1,2]`, `"keywords":[]`, `"keywords":{"k":1}`),
		jsonWith(`"paragraphs":[]`, `"paragraphs":{"p":"q"}`, `"entities":[]`, `"entities":[[1],{"name":[1,2],"type":{"t":1},"description":"D"},{"name":"N","type":"Event","description":{}}]`),
		`[1,2,3]`, `{"title":"T","title2":[1,2]}`,
		jsonWith(`"entities":[]`, `"entities":[{"name":"N","type":"Event","description":"D",`+extraMembers(12)+`}],`+extraMembers(3)),
	}
	s, err := compiledSchema()
	if err != nil {
		t.Fatal(err)
	}
	for _, doc := range docs {
		whole, derrs := decodeJSON([]byte(doc))
		if derrs != nil {
			t.Fatalf("decodeJSON(%s): %v", doc, derrs)
		}
		problems, more, err := validateSchema(s, whole, "", false)
		if err != nil {
			t.Fatal(err)
		}
		var want []string
		for _, p := range problems[:min(len(problems), DefaultMaxErrors)] {
			want = append(want, p.pointer+": schema violation: "+p.msg)
		}
		if len(problems) > DefaultMaxErrors {
			want = append(want, fmt.Sprintf("%s: too many errors: %d more not shown", problems[DefaultMaxErrors].pointer, len(problems)+more-DefaultMaxErrors))
		}
		var got []string
		for _, e := range schemaOnly(t, []byte(doc)) {
			got = append(got, e.Pointer+": "+e.Err.Error())
		}
		if !slices.Equal(got, want) {
			t.Errorf("%.80s:\ngot\n%s\nwant\n%s", doc, strings.Join(got, "\n"), strings.Join(want, "\n"))
		}
	}
}

// TestCheckSchemaRestores checks that checkSchema leaves the document it
// validates as it was, though it takes lists and values of the wrong type
// out of it while it works.
func TestCheckSchemaRestores(t *testing.T) {
	for _, doc := range []string{
		minimalJSON,
		jsonWith(`"title":"T"`, `"title":[1,2]`, `"keywords":[]`, `"keywords":["a",1]`, `"heading":""`, `"heading":{"h":1}`),
		jsonWith(`"entities":[]`, `"entities":[{"name":[1],"type":"Event","description":{"d":2}},[3]]`, `"paragraphs":[]`, `"paragraphs":{"p":1}`),
	} {
		v, errs := decodeJSON([]byte(doc))
		if errs != nil {
			t.Fatal(errs)
		}
		want, _ := decodeJSON([]byte(doc))
		if _, err := checkSchema(v, false); err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(v, want) {
			t.Errorf("checkSchema changed the document %s:\n%s", doc, cmp.Diff(want, v))
		}
	}
}

// TestSchemaListCount checks the number of problems that ValidateJSON
// reports for lists with many bad items, of every JSON type, past those
// it shows: the sum, over the items, of the problems of a document with
// that item alone in its list.
func TestSchemaListCount(t *testing.T) {
	bad := []string{`1`, `2.5`, `true`, `null`, `[]`, `[1,"a"]`, `{}`, `{"a":1}`, `""`, `" x"`, `"ok"`}
	lists := map[string]string{ // the list's key in minimalJSON, and its empty form
		"highlights": `"highlights":[]`,
		"keywords":   `"keywords":[]`,
		"paragraphs": `"paragraphs":[]`,
		"entities":   `"entities":[]`,
	}
	count := func(err error) int {
		var list ValidationErrors
		if !errors.As(err, &list) {
			return 0
		}
		var more *notShown
		if errors.As(list[len(list)-1], &more) {
			return len(list) - 1 + more.n
		}
		return len(list)
	}
	for key, empty := range lists {
		var items []string
		want := 0
		for i := range 60 {
			item := bad[i%len(bad)]
			items = append(items, item)
			// A heading, which paragraphs need.
			_, err := ValidateJSON([]byte(jsonWith(empty, `"`+key+`":[`+item+`]`, `"heading":""`, `"heading":"H"`)))
			want += count(err)
		}
		_, err := ValidateJSON([]byte(jsonWith(empty, `"`+key+`":[`+strings.Join(items, ",")+`]`, `"heading":""`, `"heading":"H"`)))
		if got := count(err); got != want {
			t.Errorf("%s: %d problems, want %d: %v", key, got, want, err)
		}
	}
}

// extraMembers returns n members, with keys the schema does not allow,
// to put in an object: "x<n-1>":0, …, "x0":0, in that order.
func extraMembers(n int) string {
	var members []string
	for i := n - 1; i >= 0; i-- {
		members = append(members, fmt.Sprintf(`"x%d":0`, i))
	}
	return strings.Join(members, ",")
}

// TestSchemaManyExtraKeys checks the errors of objects with many keys
// the schema does not allow, of which ValidateJSON builds only those it
// shows: the first keys in sorted order, then the count of the others,
// worked out here from all the keys.
func TestSchemaManyExtraKeys(t *testing.T) {
	rng := rand.New(rand.NewPCG(4, 2))
	randomKey := func() string {
		const chars = "ab~/é\u00a0 Z0"
		var b strings.Builder
		for range rng.IntN(4) {
			b.WriteString(string([]rune(chars)[rng.IntN(len([]rune(chars)))]))
		}
		return b.String()
	}
	for _, object := range []struct {
		pointer, old, new string // the object's pointer, and where its members go
	}{
		{"", `"title":"T"`, `"title":"T",%s`},
		{"/core_subject", `"heading":""`, `"heading":"",%s`},
		{"/entities/0", `"entities":[]`, `"entities":[{"name":"N","type":"Event","description":"D",%s}]`},
	} {
		for _, n := range []int{1, DefaultMaxErrors, DefaultMaxErrors + 1, DefaultMaxErrors + 2, 40, 300} {
			keys := map[string]bool{}
			var members []string
			for len(keys) < n {
				k := randomKey()
				if keys[k] {
					continue
				}
				keys[k] = true
				kj, _ := json.Marshal(k)
				members = append(members, string(kj)+":1")
			}
			doc := jsonWith(object.old, fmt.Sprintf(object.new, strings.Join(members, ",")))
			sorted := slices.Sorted(maps.Keys(keys))
			var want []string
			for _, k := range sorted[:min(n, DefaultMaxErrors)] {
				want = append(want, object.pointer+": schema violation: key "+excerpt(k)+" not allowed")
			}
			if n > DefaultMaxErrors {
				want = append(want, fmt.Sprintf("%s: too many errors: %d more not shown", object.pointer, n-DefaultMaxErrors))
			}
			_, err := ValidateJSON([]byte(doc))
			var list ValidationErrors
			if !errors.As(err, &list) {
				t.Fatalf("%s, %d keys: %v, want a ValidationErrors", object.pointer, n, err)
			}
			var got []string
			for _, e := range list {
				got = append(got, e.Pointer+": "+e.Err.Error())
			}
			if !slices.Equal(got, want) {
				t.Errorf("%s, %d keys:\ngot\n%s\nwant\n%s", object.pointer, n, strings.Join(got, "\n"), strings.Join(want, "\n"))
			}
		}
	}
}

// TestValidateJSONEdgeProblems checks every problem ValidateJSON reports
// for documents at the edges of its rules: a list as long as the schema
// allows, two problems of one value at one pointer, keys that are numbers
// with leading zeros (sorted as numbers, equal ones in the order found),
// long keys that differ only at their end, seen in
// descending order, and escaped surrogates at the bounds of their ranges.
func TestValidateJSONEdgeProblems(t *testing.T) {
	valid, err := json.Marshal(sampleDigest())
	if err != nil {
		t.Fatal(err)
	}
	doc := string(valid)
	start := strings.Index(doc, `"title":"`) + len(`"title":"`)
	end := start + strings.IndexByte(doc[start:], '"')
	withTitle := func(s string) string { return doc[:start] + s + doc[end:] }
	// The sample has two highlights: 99,998 more make the most allowed.
	most := strings.Replace(withTitle(""), `"highlights":[`, `"highlights":[`+strings.Repeat(`"x",`, 99998), 1)

	var long strings.Builder
	var want []string
	long.WriteString("{")
	for i := 15; i >= 1; i-- {
		k := strings.Repeat("k", 70) + fmt.Sprintf("%02d", i)
		if i < 15 {
			long.WriteByte(',')
		}
		fmt.Fprintf(&long, "%q:0,%q:0", k, k)
	}
	long.WriteString("}")
	for i := 1; i <= 10; i++ {
		want = append(want, fmt.Sprintf("/%s%02d: duplicate key %q…", strings.Repeat("k", 70), i, strings.Repeat("k", 40)))
	}
	want = append(want, fmt.Sprintf("/%s11: too many errors: 5 more not shown", strings.Repeat("k", 70)))

	for _, tt := range []struct {
		doc  string
		want []string
	}{
		{most, []string{"/title: schema violation: empty title"}},
		{withTitle(strings.Repeat("a", 4096) + " "), []string{
			`/title: schema violation: leading or trailing white space: U+0020 at the end: "` + strings.Repeat("a", 40) + `"…`,
			"/title: schema violation: too long: 4097 characters in the title, at most 4096",
		}},
		{`{"01":0,"01":0,"1":0,"1":0}`, []string{`/01: duplicate key "01"`, `/1: duplicate key "1"`}},
		{`{"1":0,"1":0,"01":0,"01":0}`, []string{`/1: duplicate key "1"`, `/01: duplicate key "01"`}}, // equal as numbers: in the order found
		{`{"1":0,"1":0,"09":0,"09":0}`, []string{`/1: duplicate key "1"`, `/09: duplicate key "09"`}}, // as numbers, not as text
		{long.String(), want},
		{`{"a":"\ufffd\ud800\udfff","a":0}`, []string{`/a: duplicate key "a"`}},
		{withTitle(`a\udc00\udc00`), []string{`/title: invalid UTF-8: lone surrogate escape \udc00 at byte 11`}},
		{withTitle(`a\udbff\udc00\ud800\udfff`), nil},
		{withTitle(`a\udbff\ue000`), []string{`/title: invalid UTF-8: lone surrogate escape \udbff at byte 11`}},
	} {
		_, err := ValidateJSON([]byte(tt.doc))
		if diff := cmp.Diff(tt.want, errorStrings(err)); diff != "" {
			t.Errorf("ValidateJSON(%.60q) (-want +got):\n%s", tt.doc, diff)
		}
	}
}

// TestValidateJSONSameMessages checks that ValidateJSON, for a value that
// the schema rejects by a rule Validate has too (an empty or too long
// text, a list too long, an unknown entity type), gives Validate's error
// for it, at the same pointer, after "schema violation: ": for each text
// of a digest, in each list at an index past 0, and for each list.
func TestValidateJSONSameMessages(t *testing.T) {
	long := func(n int) string { return strings.Repeat("é", n+1) }
	base := func() *Digest {
		return &Digest{
			Title: "T", Summary: "S", Highlights: []string{"h", "h2"},
			CoreSubject: CoreSubject{Heading: "H", Paragraphs: []string{"p", "p2"}},
			Keywords:    []string{"k", "k2"},
			Entities: []Entity{
				{Name: "A", Type: PersonMale, Description: "d"},
				{Name: "B", Type: Organization, Description: "d2"},
			},
		}
	}
	many := func(n int) []string {
		s := make([]string, n)
		for i := range s {
			s[i] = "k" + strconv.Itoa(i)
		}
		return s
	}
	for _, tt := range []struct {
		name   string
		change func(d *Digest)
	}{
		{"empty title", func(d *Digest) { d.Title = "" }},
		{"long title", func(d *Digest) { d.Title = long(maxShort) }},
		{"long subtitle", func(d *Digest) { d.Subtitle = long(maxLong) }},
		{"empty summary", func(d *Digest) { d.Summary = "" }},
		{"long summary", func(d *Digest) { d.Summary = long(maxLong) }},
		{"empty highlight", func(d *Digest) { d.Highlights[1] = "" }},
		{"long highlight", func(d *Digest) { d.Highlights[1] = long(maxLong) }},
		{"long heading", func(d *Digest) { d.CoreSubject.Heading = long(maxShort) }},
		{"empty paragraph", func(d *Digest) { d.CoreSubject.Paragraphs[1] = "" }},
		{"long paragraph", func(d *Digest) { d.CoreSubject.Paragraphs[1] = long(maxLong) }},
		{"empty keyword", func(d *Digest) { d.Keywords[1] = "" }},
		{"long keyword", func(d *Digest) { d.Keywords[1] = long(maxShort) }},
		{"empty name", func(d *Digest) { d.Entities[1].Name = "" }},
		{"long name", func(d *Digest) { d.Entities[1].Name = long(maxShort) }},
		{"empty description", func(d *Digest) { d.Entities[1].Description = "" }},
		{"long description", func(d *Digest) { d.Entities[1].Description = long(maxLong) }},
		{"unknown type", func(d *Digest) { d.Entities[1].Type = "Person_Other" }},
		{"empty type", func(d *Digest) { d.Entities[1].Type = "" }},
		{"long unknown type", func(d *Digest) { d.Entities[1].Type = EntityType(strings.Repeat("X", 50)) }},
		{"type over the schema's length", func(d *Digest) { d.Entities[1].Type = EntityType(strings.Repeat("X", maxShort+1)) }},
		{"too many highlights", func(d *Digest) { d.Highlights = many(maxItems + 1) }},
		{"too many paragraphs", func(d *Digest) { d.CoreSubject.Paragraphs = many(maxItems + 1) }},
		{"too many keywords", func(d *Digest) { d.Keywords = many(maxItems + 1) }},
		{"too many entities", func(d *Digest) {
			d.Entities = make([]Entity, maxItems+1)
			for i := range d.Entities {
				d.Entities[i] = Entity{Name: "E" + strconv.Itoa(i), Type: Organization, Description: "d"}
			}
		}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			d := base()
			tt.change(d)
			// Room for texts of maxLong characters, in JSON too.
			p := &Parser{MaxSize: 64 << 20}
			var want []string
			for _, s := range errorStrings(p.Validate(d)) {
				ptr, msg, _ := strings.Cut(s, ": ")
				want = append(want, ptr+": schema violation: "+msg)
			}
			if len(want) != 1 {
				t.Fatalf("Validate gives %q, want one error", want)
			}
			js, err := json.Marshal(d)
			if err != nil {
				t.Fatal(err)
			}
			_, err = p.ValidateJSON(js)
			if diff := cmp.Diff(want, errorStrings(err)); diff != "" {
				t.Errorf("ValidateJSON (-Validate's +got):\n%s", diff)
			}
		})
	}
}
