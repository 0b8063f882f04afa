package digest

import (
	"encoding/json"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

var ajvVerdicts = flag.String("ajv", "", "file of ajv verdicts (node schema/js/check.mjs output) to compare with the Go schema's")

// ajvReproduce is how to make and check an ajv verdicts file by hand, from
// the module root.
const ajvReproduce = `(cd schema/js && npm ci) &&
	node schema/js/check.mjs testdata/golden/*.json testdata/valid/*.json testdata/invalid/*.json > /tmp/ajv.tsv &&
	go test -run TestSchemaVerdicts -count=1 . -args -ajv /tmp/ajv.tsv`

// TestSchemaVerdicts computes the Go schema's verdict on every JSON document
// of testdata/golden, testdata/valid and testdata/invalid, in the line
// format of schema/js/check.mjs:
//
//	FILE	valid
//	FILE	invalid	POINTER
//
// where FILE is the path from the module root and POINTER the instance
// location that sorts first, as strings, among the schema's errors. This is
// the schema alone, as ValidateJSON runs it (decodeJSON, then checkSchema):
// not the rules of Validate.
//
// The verdicts must meet what is known without node: every valid document
// is schema-valid; every invalid one is rejected at the pointer
// testdata/invalid/expect.tsv gives when it says "schema", and accepted
// when it says "native"; a golden document the schema rejects at a pointer
// is one that Validate rejects at that pointer too. With -ajv FILE (CI)
// they must also be exactly ajv's, the lines check.mjs printed to FILE.
func TestSchemaVerdicts(t *testing.T) {
	type verdict struct {
		valid   bool
		pointer string // the first pointer, when not valid
	}
	line := func(file string, v verdict) string {
		if v.valid {
			return file + "\tvalid"
		}
		return file + "\tinvalid\t" + v.pointer
	}

	verdicts := map[string]verdict{}
	var goLines []string
	// excluded holds the documents that decodeJSON rejects before the
	// schema sees them: not UTF-8, not JSON, or with a key seen twice. They
	// have no schema verdict in Go, and ajv's would not be comparable: its
	// JSON.parse replaces bad bytes with U+FFFD and keeps the last of
	// duplicate keys, where ValidateJSON rejects the document. No testdata
	// document is one today (TestOneTruth would fail), so this is only a
	// guard.
	excluded := map[string]bool{}
	for _, dir := range []string{"testdata/golden", "testdata/valid", "testdata/invalid"} {
		files, err := filepath.Glob(dir + "/*.json")
		if err != nil || len(files) == 0 {
			t.Fatalf("no %s/*.json (%v)", dir, err)
		}
		for _, file := range files {
			file = filepath.ToSlash(file)
			data, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			doc, derrs := decodeJSON(data)
			if derrs != nil {
				excluded[file] = true
				if dir != "testdata/invalid" {
					t.Errorf("%s: not a document the schema can judge: %v", file, derrs)
				} else {
					t.Logf("%s: left out, decodeJSON rejects it: %v", file, derrs)
				}
				continue
			}
			errs, err := checkSchema(doc, false)
			if err != nil {
				t.Fatalf("%s: checkSchema: %v", file, err)
			}
			v := verdict{valid: errs == nil}
			if !v.valid {
				v.pointer = slices.MinFunc(errs, func(a, b *ValidationError) int {
					return strings.Compare(a.Pointer, b.Pointer)
				}).Pointer
			}
			verdicts[file] = v
			goLines = append(goLines, line(file, v))
		}
	}

	// What is known without node.
	for file, v := range verdicts {
		switch {
		case strings.HasPrefix(file, "testdata/valid/"):
			if !v.valid {
				t.Errorf("%s: the schema rejects it, at %q", file, v.pointer)
			}
		case strings.HasPrefix(file, "testdata/golden/") && !v.valid:
			// Parse returns a digest even for text with errors, and the
			// digest of an error-free text may still be invalid (an empty
			// summary, an unknown entity type), so golden documents are
			// not all valid. The schema's rules are Validate's too.
			data, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			var d Digest
			if err := json.Unmarshal(data, &d); err != nil {
				t.Fatalf("%s: %v", file, err)
			}
			var list ValidationErrors
			if err := Validate(&d); !errors.As(err, &list) || !slices.ContainsFunc(list, func(e *ValidationError) bool { return e.Pointer == v.pointer }) {
				t.Errorf("%s: the schema rejects it at %q, Validate does not: %v", file, v.pointer, err)
			}
		}
	}
	tsv, err := os.ReadFile("testdata/invalid/expect.tsv")
	if err != nil {
		t.Fatal(err)
	}
	listed := map[string]bool{}
	for l := range strings.Lines(string(tsv)) {
		l = strings.TrimSuffix(l, "\n")
		if l == "" || strings.HasPrefix(l, "#") {
			continue
		}
		cols := strings.Split(l, "\t")
		if len(cols) != 3 {
			t.Errorf("expect.tsv: bad line %q", l)
			continue
		}
		file, ptr, by := "testdata/invalid/"+cols[0], cols[1], cols[2]
		listed[file] = true
		v, ok := verdicts[file]
		switch {
		case excluded[file]:
		case !ok:
			t.Errorf("expect.tsv lists %s, which is not there", file)
		case by == "schema" && (v.valid || v.pointer != ptr):
			t.Errorf("%s: schema verdict %q, want invalid at %q", file, line(file, v), ptr)
		case by == "native" && !v.valid:
			t.Errorf("%s: the schema rejects it at %q, want only Validate to", file, v.pointer)
		case by != "schema" && by != "native":
			t.Errorf("expect.tsv: bad line %q", l)
		}
	}
	for file := range verdicts {
		if strings.HasPrefix(file, "testdata/invalid/") && !listed[file] {
			t.Errorf("%s is not in testdata/invalid/expect.tsv", file)
		}
	}

	if *ajvVerdicts == "" {
		return
	}
	data, err := os.ReadFile(*ajvVerdicts)
	if err != nil {
		t.Fatal(err)
	}
	var ajvLines []string
	for l := range strings.Lines(string(data)) {
		l = strings.TrimRight(l, "\r\n")
		if l == "" || excluded[strings.Split(l, "\t")[0]] {
			continue
		}
		ajvLines = append(ajvLines, l)
	}
	slices.Sort(ajvLines)
	slices.Sort(goLines)
	if diff := cmp.Diff(ajvLines, goLines); diff != "" {
		t.Errorf("ajv's verdicts (%s) and the Go schema's differ (-ajv +go):\n%s\nReproduce from the module root with:\n\t%s", *ajvVerdicts, diff, ajvReproduce)
	}
}
