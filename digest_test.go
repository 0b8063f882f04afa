package digest

import (
	"bytes"
	"encoding/json"
	"math"
	"strings"
	"testing"
	"unsafe"

	"github.com/google/go-cmp/cmp"
)

// TestMarshalJSONForm checks what MarshalJSON's doc says: '<', '>' and
// '&' left as they are, for the caller's encoder to decide, and no line
// break after the document.
func TestMarshalJSONForm(t *testing.T) {
	b, err := Digest{Title: "a<b>&c"}.MarshalJSON()
	if err != nil {
		t.Fatal(err)
	}
	want := `{"title":"a<b>&c","subtitle":"","summary":"","highlights":[],"core_subject":{"heading":"","paragraphs":[]},"keywords":[],"entities":[]}`
	if string(b) != want {
		t.Errorf("MarshalJSON = %s\nwant %s", b, want)
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(Digest{Title: "a<b>&c"}); err != nil || buf.String() != want+"\n" {
		t.Errorf("an Encoder without HTML escapes writes %q, %v", buf.String(), err)
	}
}

// TestClone checks that Clone copies a digest whole, nil lists as nil and
// empty ones as empty, into memory that it shares with neither the digest
// nor the input it was parsed from, in one buffer for the texts.
func TestClone(t *testing.T) {
	seed := seedText(t)
	d, err := Parse(seed)
	if err != nil {
		t.Fatal(err)
	}
	// The seed has no keywords: a list of them, of texts in the input.
	d.Keywords = []string{d.Entities[0].Name, d.Entities[1].Name}
	c := d.Clone()
	if diff := cmp.Diff(d, c); diff != "" {
		t.Fatalf("Clone differs (-digest +clone):\n%s", diff)
	}
	// The clone's texts lie in one run of memory as long as they are,
	// apart from the digest's.
	lo, hi, size := uintptr(math.MaxUint), uintptr(0), uintptr(0)
	for _, s := range texts(c) {
		if s == "" {
			continue
		}
		p := uintptr(unsafe.Pointer(unsafe.StringData(s)))
		lo, hi, size = min(lo, p), max(hi, p+uintptr(len(s))), size+uintptr(len(s))
	}
	if hi-lo != size {
		t.Errorf("the clone's texts span %d bytes, want %d", hi-lo, size)
	}
	for _, s := range texts(d) {
		if s == "" {
			continue
		}
		p := uintptr(unsafe.Pointer(unsafe.StringData(s)))
		if p < hi && p+uintptr(len(s)) > lo {
			t.Fatalf("the clone shares the bytes of %q with the digest", s)
		}
	}
	// The lists are new too.
	if &c.Highlights[0] == &d.Highlights[0] || &c.CoreSubject.Paragraphs[0] == &d.CoreSubject.Paragraphs[0] ||
		&c.Keywords[0] == &d.Keywords[0] || &c.Entities[0] == &d.Entities[0] {
		t.Error("the clone shares a list with the digest")
	}
	// The texts in one allocation, the digest in one, and one for each
	// list.
	if n := testing.AllocsPerRun(10, func() { d.Clone() }); n != 6 {
		t.Errorf("Clone allocates %v times, want 6", n)
	}
	// A nil list stays nil, an empty one empty.
	e := (&Digest{Highlights: []string{}}).Clone()
	if e.Highlights == nil || e.Keywords != nil || e.CoreSubject.Paragraphs != nil || e.Entities != nil {
		t.Errorf("Clone of a digest with an empty list of highlights and no other = %#v", e)
	}
	e = (&Digest{Highlights: []string{}, CoreSubject: CoreSubject{Paragraphs: []string{}}, Keywords: []string{}, Entities: []Entity{}}).Clone()
	if e.Highlights == nil || e.CoreSubject.Paragraphs == nil || e.Keywords == nil || e.Entities == nil {
		t.Errorf("Clone of a digest with empty lists = %#v, want each empty, not nil", e)
	}
	// An empty text that points into the digest's memory, as a slice of
	// the input may, keeps that memory alive: the clone's do not.
	src := strings.Repeat("x", 64)
	inSrc := func(s string) bool {
		p := uintptr(unsafe.Pointer(unsafe.StringData(s)))
		start := uintptr(unsafe.Pointer(unsafe.StringData(src)))
		return start <= p && p < start+uintptr(len(src))
	}
	d = &Digest{
		Title: src[0:4], Subtitle: src[4:4], Summary: src[5:9],
		Highlights:  []string{src[9:9]},
		CoreSubject: CoreSubject{Heading: src[10:10], Paragraphs: []string{src[11:11]}},
		Keywords:    []string{src[12:12]},
		Entities:    []Entity{{Name: src[13:16], Type: EntityType(src[16:16]), Description: src[17:17]}},
	}
	for i, s := range texts(d) {
		if !inSrc(s) {
			t.Fatalf("text %d of the digest does not point into its memory: the check would prove nothing", i)
		}
	}
	for i, s := range texts(d.Clone()) {
		if inSrc(s) {
			t.Errorf("text %d of the clone, %q, points into the digest's memory", i, s)
		}
	}
	if (*Digest)(nil).Clone() != nil {
		t.Error("Clone of nil is not nil")
	}
}
