package digest

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

// TestGolden parses every testdata/*.txt input and compares its JSON, its
// canonical text and its diagnostics with testdata/golden/NAME.json,
// NAME.fmt and NAME.err. For an input that parses without error it also
// checks that the canonical text parses back to the same digest and formats
// to itself.
func TestGolden(t *testing.T) {
	for _, in := range textFiles(t) {
		name := strings.TrimSuffix(filepath.Base(in), ".txt")
		t.Run(name, func(t *testing.T) {
			src, err := os.ReadFile(in)
			if err != nil {
				t.Fatal(err)
			}
			d, perr := Parse(src)
			if d == nil {
				t.Fatalf("Parse returned a nil digest (error %v)", perr)
			}
			js, err := json.MarshalIndent(d, "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			golden(t, name+".json", append(js, '\n'))
			golden(t, name+".fmt", Format(d))
			golden(t, name+".err", diagnostics(perr))
			if perr == nil {
				checkRoundTrip(t, d)
			}
		})
	}
}

// diagnostics returns err as the lines a user sees: one "LINE:COL: message"
// a problem.
func diagnostics(err error) []byte {
	var b bytes.Buffer
	var list ErrorList
	if errors.As(err, &list) {
		for _, e := range list {
			b.WriteString(e.Error())
			b.WriteByte('\n')
		}
	} else if err != nil {
		b.WriteString(err.Error())
		b.WriteByte('\n')
	}
	return b.Bytes()
}

// checkRoundTrip checks the promises of FORMAT.md §7 for d, a digest that
// parsed without error.
func checkRoundTrip(t *testing.T, d *Digest) {
	t.Helper()
	text := Format(d)
	again, err := Parse(text)
	if err != nil {
		t.Fatalf("canonical text does not parse: %v\n%s", err, text)
	}
	if diff := cmp.Diff(d, again); diff != "" {
		t.Errorf("Parse(Format(d)) differs from d (-d +again):\n%s", diff)
	}
	if diff := cmp.Diff(string(text), string(Format(again))); diff != "" {
		t.Errorf("Format is not idempotent (-first +second):\n%s", diff)
	}
	js, err := json.Marshal(d)
	if err != nil {
		t.Fatal(err)
	}
	var fromJSON Digest
	if err := json.Unmarshal(js, &fromJSON); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(d, &fromJSON); diff != "" {
		t.Errorf("JSON round trip differs (-d +fromJSON):\n%s", diff)
	}
}

// golden compares got with testdata/golden/name, or writes it there with
// -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", "golden", name)
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if diff := cmp.Diff(string(want), string(got)); diff != "" {
		t.Errorf("%s differs (-want +got); if the change is right, run go test -update:\n%s", path, diff)
	}
}

// TestFormatDocInvalid checks the examples of Format's doc: digests that
// Validate rejects, whose canonical text reads back, with no error, as
// another digest.
func TestFormatDocInvalid(t *testing.T) {
	for _, tt := range []struct {
		name     string
		d, again *Digest
	}{
		{
			"a title with a line break",
			&Digest{Title: "A\nB", Summary: "S"},
			&Digest{Title: "A", Subtitle: "B", Summary: "S"},
		},
		{
			"an empty highlight",
			&Digest{Title: "T", Summary: "S", Highlights: []string{""}},
			&Digest{Title: "T", Summary: "S", Highlights: []string{"-"}},
		},
		{
			"an entity of type \"\"",
			&Digest{Title: "T", Summary: "S", Entities: []Entity{{Name: "N", Description: "Event in Paris"}}},
			&Digest{Title: "T", Summary: "S", Entities: []Entity{{Name: "N", Type: Event, Description: "in Paris"}}},
		},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if Validate(tt.d) == nil {
				t.Fatal("Validate accepts the digest")
			}
			again, err := Parse(Format(tt.d))
			if err != nil {
				t.Fatalf("Parse(Format(d)): %v", err)
			}
			if diff := cmp.Diff(tt.again, again, cmpopts.EquateEmpty()); diff != "" {
				t.Errorf("Parse(Format(d)) (-want +got):\n%s", diff)
			}
		})
	}
}
