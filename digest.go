package digest

import (
	"bytes"
	"encoding/json"
	"unsafe"
)

// A Digest is a summary of one news article: the values of a digest text,
// typed. Its JSON form, by encoding/json, is the one of FORMAT.md §6: every
// key present, lists written as [] and never null.
//
// Text values hold no line break, except Subtitle and Summary, whose lines
// are joined with "\n". A Digest returned by [Parse] has non-nil lists.
//
// json.Unmarshal into a Digest is encoding/json's, as lax as it is with any
// struct: it matches keys without regard to case, leaves the field of a
// missing key as it was, and of a null too, but for a list, which null makes
// nil; and it fills a Digest that holds values already field by field, down
// to each entity of its list: a field the JSON leaves out or gives null,
// such as an entity's type or description, keeps the value it held. To read
// a document from outside, use [ValidateJSON], which rejects all of that.
type Digest struct {
	Title       string      `json:"title"`
	Subtitle    string      `json:"subtitle"`
	Summary     string      `json:"summary"`
	Highlights  []string    `json:"highlights"`
	CoreSubject CoreSubject `json:"core_subject"`
	Keywords    []string    `json:"keywords"`
	Entities    []Entity    `json:"entities"`
}

// CoreSubject is the core subject section: an optional heading and the
// paragraphs that follow it.
type CoreSubject struct {
	Heading    string   `json:"heading"`
	Paragraphs []string `json:"paragraphs"`
}

// An Entity is a person, organization, place or other thing the article
// mentions.
type Entity struct {
	Name        string     `json:"name"`
	Type        EntityType `json:"type"`
	Description string     `json:"description"`
}

// MarshalJSON writes d in the JSON form, with nil lists written as [].
// It leaves '<', '>' and '&' as they are, so that the caller's encoder
// decides (json.Marshal escapes them, an Encoder with SetEscapeHTML(false)
// does not). As encoding/json does, it writes each byte of a text that is
// not UTF-8 as U+FFFD, without an error: [Validate] reports such bytes, so
// validate d before writing it when that matters.
//
// A struct that embeds a Digest gets this method too, as it gets those of
// time.Time: json.Marshal then writes the Digest alone, without the
// struct's other fields; and one that embeds a nil *Digest makes
// json.Marshal panic. Give the Digest a field name instead.
func (d Digest) MarshalJSON() ([]byte, error) {
	type plain Digest // the same fields without this method
	d.Highlights = nonNil(d.Highlights)
	d.Keywords = nonNil(d.Keywords)
	d.Entities = nonNil(d.Entities)
	d.CoreSubject.Paragraphs = nonNil(d.CoreSubject.Paragraphs)
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(plain(d)); err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(b.Bytes(), []byte("\n")), nil
}

// Clone returns a copy of d that shares no memory with it: its texts in
// one new buffer, its lists in new slices, nil where d's are nil. The
// values of a digest that [Parse] or [ValidateJSON] returns are, where
// they can be, slices of one copy of the input, which a value kept alone
// keeps alive whole: keep a clone of a digest held for long. A value of
// the clone kept alone keeps the clone's texts alive: keep a
// [strings.Clone] of one value. A nil d gives nil.
func (d *Digest) Clone() *Digest {
	if d == nil {
		return nil
	}
	size := len(d.Title) + len(d.Subtitle) + len(d.Summary) + len(d.CoreSubject.Heading)
	for _, list := range [][]string{d.Highlights, d.CoreSubject.Paragraphs, d.Keywords} {
		for _, s := range list {
			size += len(s)
		}
	}
	for _, e := range d.Entities {
		size += len(e.Name) + len(e.Type) + len(e.Description)
	}
	c := cloner{buf: make([]byte, 0, size)}
	return &Digest{
		Title:      c.text(d.Title),
		Subtitle:   c.text(d.Subtitle),
		Summary:    c.text(d.Summary),
		Highlights: c.list(d.Highlights),
		CoreSubject: CoreSubject{
			Heading:    c.text(d.CoreSubject.Heading),
			Paragraphs: c.list(d.CoreSubject.Paragraphs),
		},
		Keywords: c.list(d.Keywords),
		Entities: c.entities(d.Entities),
	}
}

// A cloner copies texts into buf, made with room for all of them, and
// returns each copy as a string of buf's bytes. It only appends, so no
// byte of a string returned is written again: were buf to grow, the
// strings returned before would keep the array they are in.
type cloner struct{ buf []byte }

func (c *cloner) text(s string) string {
	if s == "" {
		return ""
	}
	start := len(c.buf)
	c.buf = append(c.buf, s...)
	return unsafe.String(&c.buf[start], len(s))
}

func (c *cloner) list(l []string) []string {
	if l == nil {
		return nil
	}
	out := make([]string, len(l))
	for i, s := range l {
		out[i] = c.text(s)
	}
	return out
}

func (c *cloner) entities(l []Entity) []Entity {
	if l == nil {
		return nil
	}
	out := make([]Entity, len(l))
	for i, e := range l {
		out[i] = Entity{Name: c.text(e.Name), Type: EntityType(c.text(string(e.Type))), Description: c.text(e.Description)}
	}
	return out
}

// nonNil returns s, or an empty slice when s is nil.
func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}
