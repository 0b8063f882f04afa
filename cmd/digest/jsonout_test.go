package main

import (
	"bytes"
	"encoding/json"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"digest"
)

// encoderJSON returns what writeJSON must write for d: what a json.Encoder
// writes, indented by two spaces, '<', '>' and '&' as they are.
func encoderJSON(t *testing.T, d *digest.Digest) string {
	t.Helper()
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(d); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// TestWriteJSON checks that writeJSON writes what json.Encoder does, on
// the digests of the test texts and on random ones: texts with every kind
// of character encoding/json escapes, nil and empty lists, unknown types.
func TestWriteJSON(t *testing.T) {
	check := func(name string, d *digest.Digest) {
		t.Helper()
		var b bytes.Buffer
		if err := writeJSON(&b, d); err != nil {
			t.Fatal(err)
		}
		if want := encoderJSON(t, d); b.String() != want {
			t.Fatalf("%s: writeJSON wrote\n%s\nwant\n%s", name, b.String(), want)
		}
	}
	files, err := filepath.Glob("../../testdata/*.txt")
	if err != nil || len(files) == 0 {
		t.Fatalf("no test texts: %v", err)
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		d, _ := digest.Parse(data)
		check(f, d)
	}

	pieces := []string{"", "a", "é", " ", "\n", "\r", "\t", "\x00", "\x1f", "\x7f", "\u0085", "\u2028", "\u2029",
		"<", ">", "&", `"`, `\`, "/", "\xff", "\xe2\x80", "👤", "\ufeff"}
	r := rand.New(rand.NewPCG(7, 7))
	text := func() string {
		var b strings.Builder
		for range r.IntN(5) {
			b.WriteString(pieces[r.IntN(len(pieces))])
		}
		return b.String()
	}
	list := func() []string {
		switch r.IntN(3) {
		case 0:
			return nil
		case 1:
			return []string{}
		}
		l := make([]string, 1+r.IntN(3))
		for i := range l {
			l[i] = text()
		}
		return l
	}
	for range 2000 {
		d := &digest.Digest{
			Title: text(), Subtitle: text(), Summary: text(),
			Highlights:  list(),
			CoreSubject: digest.CoreSubject{Heading: text(), Paragraphs: list()},
			Keywords:    list(),
		}
		if r.IntN(3) > 0 {
			d.Entities = []digest.Entity{}
			for range r.IntN(3) {
				d.Entities = append(d.Entities, digest.Entity{Name: text(), Type: digest.EntityType(text()), Description: text()})
			}
		}
		check("random digest", d)
	}
}

// TestWriteJSONError checks that writeJSON returns the error of its writer.
func TestWriteJSONError(t *testing.T) {
	d := &digest.Digest{Summary: strings.Repeat("x", 100<<10)}
	if err := writeJSON(failWriter{}, d); err != errDiskFull {
		t.Errorf("writeJSON returned %v, want %v", err, errDiskFull)
	}
}
