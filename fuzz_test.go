package digest

import (
	"bytes"
	"errors"
	"fmt"
	"slices"
	"testing"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
	"golang.org/x/text/unicode/norm"
)

// FuzzParse checks that Parse never panics, that every error it reports has
// a position inside the input, that every value it returns is valid UTF-8
// in NFC, that it returns what ParseReader returns, sharing no memory with
// its input, that errors.Is finds in its errors what it finds in all of
// them (Parser.AllErrors), and that an input that parses without error
// survives Format and Parse unchanged, with Format idempotent.
func FuzzParse(f *testing.F) {
	for _, in := range textFiles(f) {
		f.Add(readTestFile(f, in))
	}
	f.Add([]byte("T\nMENTIONED ENTITIES (2):\nA\nOrganization: x\n\U0001F464\n"))
	f.Add([]byte("\uFEFFT\r\nSUMMARY\rS\u2028KEYWORDS\u0085a،b;#c\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		// A copy: checkCopied changes the bytes, and the fuzzing
		// engine's must not be changed.
		data = bytes.Clone(data)
		d, err := Parse(data)
		if d == nil {
			t.Fatalf("nil digest, error %v", err)
		}
		var list ErrorList
		if err != nil && !errors.As(err, &list) {
			t.Fatalf("error %v is not an ErrorList", err)
		}
		lines := 1 + len(data) // more than any input has
		for _, e := range list {
			if e.Line < 1 || e.Line > lines || e.Column < 1 || e.Column > len(data)+1 {
				t.Errorf("error outside the input: %v", e)
			}
			if e.Err == nil {
				t.Errorf("ParseError with nil Err at %d:%d", e.Line, e.Column)
			}
		}
		for _, s := range texts(d) {
			if !utf8.ValidString(s) || !norm.NFC.IsNormalString(s) {
				t.Errorf("value %q is not valid NFC", s)
			}
		}
		if err != nil {
			// The list may be cut: it is the first errors of the whole
			// list, and errors.Is finds what it finds in the whole list.
			_, all := (&Parser{AllErrors: true}).Parse(data)
			checkCutList(t, "Parse", err, all)
		}
		checkCopied(t, data, d, err) // which changes data
		if err != nil {
			return
		}
		text := Format(d)
		again, err := Parse(text)
		if err != nil {
			t.Fatalf("canonical text does not parse: %v\n%s", err, text)
		}
		if diff := cmp.Diff(d, again); diff != "" {
			t.Fatalf("Parse(Format(d)) differs (-d +again):\n%s\ncanonical text:\n%s", diff, text)
		}
		if diff := cmp.Diff(string(text), string(Format(again))); diff != "" {
			t.Fatalf("Format is not idempotent (-first +second):\n%s", diff)
		}
	})
}

// checkCopied checks that Parse, which copies the bytes it reads as it
// reads them, returned d and err as ParseReader does on the same bytes,
// and that they do not change when data does: it changes every byte of
// data, and leaves them changed.
func checkCopied(t *testing.T, data []byte, d *Digest, err error) {
	t.Helper()
	want, wantErr := ParseReader(bytes.NewReader(data))
	for i := range data {
		data[i] ^= 0xFF
	}
	if diff := cmp.Diff(want, d); diff != "" {
		t.Errorf("Parse differs from ParseReader (-ParseReader +Parse), with data changed after Parse:\n%s", diff)
	}
	if got, want := errorsWithPosition(err), errorsWithPosition(wantErr); !slices.Equal(got, want) {
		t.Errorf("Parse gave errors %q, ParseReader %q", got, want)
	}
}

// errorsWithPosition returns what ErrorWithPosition says of each error
// of err, an ErrorList, or err's text.
func errorsWithPosition(err error) []string {
	var list ErrorList
	if !errors.As(err, &list) {
		return []string{fmt.Sprint(err)}
	}
	var s []string
	for _, e := range list {
		s = append(s, e.ErrorWithPosition())
	}
	return s
}

// texts returns every text value of d.
func texts(d *Digest) []string {
	s := []string{d.Title, d.Subtitle, d.Summary, d.CoreSubject.Heading}
	s = append(s, d.Highlights...)
	s = append(s, d.CoreSubject.Paragraphs...)
	s = append(s, d.Keywords...)
	for _, e := range d.Entities {
		s = append(s, e.Name, string(e.Type), e.Description)
	}
	return s
}
