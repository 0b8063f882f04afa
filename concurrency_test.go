package digest

import (
	"bytes"
	"encoding/json"
	"reflect"
	"strings"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// concurrentResult is what the library gives for one input.
type concurrentResult struct {
	digest    *Digest
	parseErr  string
	all       *Digest // from a Parser with AllErrors, shared by all goroutines
	allErr    string
	read      *Digest // from ParseReader
	formatted []byte
	validErr  string
	// The shared Parser's Validate, with AllErrors: the message counts
	// every problem.
	allValidErr string
	fromJSON    *Digest // ValidateJSON of the JSON of digest
	jsonErr     string
	allJSONErr  string // the shared Parser's ValidateJSON
}

// errString returns err's message, or "" for nil.
func errString(err error) string {
	if err == nil {
		return ""
	}
	return err.Error()
}

// concurrentRun computes the result for in with every entry point;
// shared is a Parser that all goroutines use at once.
func concurrentRun(t *testing.T, shared *Parser, in []byte) concurrentResult {
	var r concurrentResult
	var err error
	r.digest, err = Parse(in)
	r.parseErr = errString(err)
	r.all, err = shared.Parse(in)
	r.allErr = string(diagnostics(err)) // every error, not only the first
	r.read, _ = ParseReader(bytes.NewReader(in))
	r.formatted = Format(r.digest)
	r.validErr = errString(Validate(r.digest))
	r.allValidErr = validationLines(shared.Validate(r.digest))
	js, err := json.Marshal(r.digest)
	if err != nil {
		t.Errorf("json.Marshal: %v", err)
		return r
	}
	r.fromJSON, err = ValidateJSON(js)
	r.jsonErr = errString(err)
	_, err = shared.ValidateJSON(js)
	r.allJSONErr = validationLines(err)
	return r
}

// TestConcurrentUse calls Parse, a shared Parser (Parse, Validate and
// ValidateJSON), ParseReader, Format, Validate and ValidateJSON from many
// goroutines at once, on the golden inputs and the hostile ones, and
// checks that each gives what it gives when called alone. Run it with the race detector:
//
//	go test -race -run TestConcurrentUse .
func TestConcurrentUse(t *testing.T) {
	var inputs [][]byte
	for _, f := range textFiles(t) {
		inputs = append(inputs, readTestFile(t, f))
	}
	for _, c := range hostileCases() {
		if c.via.text && c.gen == nil {
			inputs = append(inputs, []byte(c.in))
		}
	}
	inputs = append(inputs, []byte(manyEntities(500)),
		// More problems than a list shows: a Parser with AllErrors
		// reports each of them.
		[]byte("T\n"+strings.Repeat("\x01\n", 2*DefaultMaxErrors)),
		[]byte("T\nSUMMARY\nS\nKEYWORDS\n"+strings.Repeat("a\n", 2*DefaultMaxErrors)))

	shared := &Parser{AllErrors: true}
	want := make([]concurrentResult, len(inputs))
	var cutParse, cutValid, cutJSON bool
	for i, in := range inputs {
		want[i] = concurrentRun(t, shared, in)
		cutParse = cutParse || strings.Count(want[i].allErr, "\n") > DefaultMaxErrors+1
		cutValid = cutValid || strings.Count(want[i].allValidErr, "\n") > DefaultMaxErrors
		cutJSON = cutJSON || strings.Count(want[i].allJSONErr, "\n") > DefaultMaxErrors
	}
	if !cutParse || !cutValid || !cutJSON {
		t.Fatalf("no input whose errors AllErrors shows more of: Parse %v, Validate %v, ValidateJSON %v", cutParse, cutValid, cutJSON)
	}

	const goroutines, iterations = 16, 2
	var wg sync.WaitGroup
	for g := range goroutines {
		wg.Go(func() {
			for it := range iterations {
				// Each goroutine starts at another input, so that
				// different inputs are in flight at once.
				for k := range inputs {
					i := (k + g*len(inputs)/goroutines + it) % len(inputs)
					got := concurrentRun(t, shared, inputs[i])
					if !reflect.DeepEqual(want[i], got) {
						diff := cmp.Diff(want[i], got, cmp.AllowUnexported(concurrentResult{}))
						t.Errorf("goroutine %d, input %d (%.40q): results differ from serial ones (-serial +concurrent):\n%s",
							g, i, inputs[i], diff)
						return
					}
				}
			}
		})
	}
	wg.Wait()
	t.Logf("%d goroutines × %d iterations × %d inputs", goroutines, iterations, len(inputs))
}
