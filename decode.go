package digest

import (
	"encoding/json"
	"io"
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"
)

// decodeQuick is decodeJSON for a document that holds none of the
// problems decodeJSON reports: it decodes data in one pass, with no
// bookkeeping of positions and pointers, into the same values. Its
// strings are slices of one copy of data, so that a string without
// escapes costs no allocation. ok is false, and the value nil, when data
// is not JSON, holds more than one value or bytes that are not UTF-8, an
// escaped surrogate that is not one of a pair, an object key twice, or
// arrays and objects nested more than maxDepth deep: decodeJSON then
// reads data again to tell where. A byte order mark before the value is
// passed over, as decodeJSON does.
//
// When data holds one value without those problems, then more than white
// space, decodeQuick returns the offset of what follows as extra; it is
// -1 otherwise.
func decodeQuick(data []byte) (v any, ok bool, extra int) {
	if !utf8.Valid(data) {
		return nil, false, -1
	}
	d := quickDecoder{s: string(data)}
	if strings.HasPrefix(d.s, byteOrderMark) {
		d.i = len(byteOrderMark)
	}
	if v, ok = d.value(0); !ok {
		return nil, false, -1
	}
	d.space()
	if d.i != len(d.s) {
		return nil, false, d.i
	}
	return v, true, -1
}

// A quickDecoder reads the JSON text s from i on.
type quickDecoder struct {
	s string
	i int
}

// space passes over JSON white space.
func (d *quickDecoder) space() {
	for d.i < len(d.s) {
		switch d.s[d.i] {
		case ' ', '\t', '\n', '\r':
			d.i++
		default:
			return
		}
	}
}

// next passes over white space and c, and reports whether c was there.
func (d *quickDecoder) next(c byte) bool {
	d.space()
	if d.i < len(d.s) && d.s[d.i] == c {
		d.i++
		return true
	}
	return false
}

// value reads the value at i, after white space, within depth arrays and
// objects.
func (d *quickDecoder) value(depth int) (any, bool) {
	d.space()
	if d.i >= len(d.s) {
		return nil, false
	}
	switch c := d.s[d.i]; c {
	case '{':
		if depth == maxDepth {
			return nil, false
		}
		d.i++
		obj := map[string]any{}
		if d.next('}') {
			return obj, true
		}
		for {
			d.space()
			key, ok := d.string()
			if !ok || !d.next(':') {
				return nil, false
			}
			if _, dup := obj[key]; dup {
				return nil, false
			}
			v, ok := d.value(depth + 1)
			if !ok {
				return nil, false
			}
			obj[key] = v
			if d.next('}') {
				return obj, true
			}
			if !d.next(',') {
				return nil, false
			}
		}
	case '[':
		if depth == maxDepth {
			return nil, false
		}
		d.i++
		arr := []any{}
		if d.next(']') {
			return arr, true
		}
		for {
			v, ok := d.value(depth + 1)
			if !ok {
				return nil, false
			}
			arr = append(grow(arr), v)
			if d.next(']') {
				return arr, true
			}
			if !d.next(',') {
				return nil, false
			}
		}
	case '"':
		s, ok := d.string()
		return s, ok
	case 't':
		return true, d.literal("true")
	case 'f':
		return false, d.literal("false")
	case 'n':
		return nil, d.literal("null")
	}
	return d.number()
}

// literal passes over word, and reports whether it was there.
func (d *quickDecoder) literal(word string) bool {
	if strings.HasPrefix(d.s[d.i:], word) {
		d.i += len(word)
		return true
	}
	return false
}

// number reads a number, as json.Number: -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?
func (d *quickDecoder) number() (any, bool) {
	start := d.i
	if d.i < len(d.s) && d.s[d.i] == '-' {
		d.i++
	}
	switch {
	case d.i < len(d.s) && d.s[d.i] == '0':
		d.i++
	case !d.digits():
		return nil, false
	}
	if d.i < len(d.s) && d.s[d.i] == '.' {
		d.i++
		if !d.digits() {
			return nil, false
		}
	}
	if d.i < len(d.s) && (d.s[d.i] == 'e' || d.s[d.i] == 'E') {
		d.i++
		if d.i < len(d.s) && (d.s[d.i] == '+' || d.s[d.i] == '-') {
			d.i++
		}
		if !d.digits() {
			return nil, false
		}
	}
	return json.Number(d.s[start:d.i]), true
}

// digits passes over ASCII digits, and reports whether there was one.
func (d *quickDecoder) digits() bool {
	start := d.i
	for d.i < len(d.s) && '0' <= d.s[d.i] && d.s[d.i] <= '9' {
		d.i++
	}
	return d.i > start
}

// string reads a string. Without escapes, it is a slice of s.
func (d *quickDecoder) string() (string, bool) {
	if d.i >= len(d.s) || d.s[d.i] != '"' {
		return "", false
	}
	d.i++
	start := d.i
	var b strings.Builder // the string, from its first escape on
	for run := start; ; run = d.i {
		d.plain()
		switch {
		case d.i >= len(d.s) || d.s[d.i] < 0x20:
			return "", false
		case d.s[d.i] == '"':
			d.i++
			if run == start {
				return d.s[start : d.i-1], true
			}
			b.WriteString(d.s[run : d.i-1])
			return b.String(), true
		}
		b.WriteString(d.s[run:d.i]) // the run before the escape at i
		if !d.escape(&b) {
			return "", false
		}
	}
}

// plain passes over the bytes of a string that stand for themselves: up
// to a quote, an escape or a control character.
func (d *quickDecoder) plain() {
	for d.i < len(d.s) && d.s[d.i] != '"' && d.s[d.i] != '\\' && d.s[d.i] >= 0x20 {
		d.i++
	}
}

// escape reads the escape at i into b, and reports whether it is one.
func (d *quickDecoder) escape(b *strings.Builder) bool {
	if d.i+1 >= len(d.s) {
		return false
	}
	e := d.s[d.i+1]
	d.i += 2
	switch e {
	case '"', '\\', '/':
		b.WriteByte(e)
	case 'b':
		b.WriteByte('\b')
	case 'f':
		b.WriteByte('\f')
	case 'n':
		b.WriteByte('\n')
	case 'r':
		b.WriteByte('\r')
	case 't':
		b.WriteByte('\t')
	case 'u':
		r, ok := d.hex4()
		if !ok {
			return false
		}
		if utf16.IsSurrogate(r) {
			// Only a high surrogate before an escaped low one: a lone
			// surrogate is a problem that decodeJSON reports.
			if !strings.HasPrefix(d.s[d.i:], `\u`) {
				return false
			}
			d.i += 2
			low, ok := d.hex4()
			if r = utf16.DecodeRune(r, low); !ok || r == utf8.RuneError {
				return false
			}
		}
		b.WriteRune(r)
	default:
		return false
	}
	return true
}

// hex4 reads four hexadecimal digits.
func (d *quickDecoder) hex4() (rune, bool) {
	if d.i+4 > len(d.s) {
		return 0, false
	}
	r, err := strconv.ParseUint(d.s[d.i:d.i+4], 16, 16)
	d.i += 4
	return rune(r), err == nil
}

// A tokenReader reads the tokens of a JSON document, as a json.Decoder
// does: Token gives the next one, and InputOffset the offset past the
// last one read, before the white space and separator after it.
type tokenReader interface {
	Token() (json.Token, error)
	InputOffset() int64
}

// validTokens is a tokenReader, with numbers as json.Number, for a JSON
// document, one that json.Valid and jsonscan.Check accept: one value,
// nothing but white space after it. It gives what a json.Decoder with UseNumber gives, token for
// token and offset for offset (FuzzValidTokens), at a fraction of the
// cost: the Decoder decodes each scalar as a value of its own and, for a
// number, builds a syntax error to find its end. Having no error to find,
// it only needs the bounds of each token, and decodes a string that holds
// an escape or a byte that is not UTF-8 as encoding/json does.
type validTokens struct {
	s  string // the document
	i  int    // past the last token read
	ok bool   // s is UTF-8
}

// newValidTokens returns the validTokens of data; isUTF8 tells that data
// is UTF-8, which the caller has found out already.
func newValidTokens(data []byte, isUTF8 bool) *validTokens {
	return &validTokens{s: string(data), ok: isUTF8}
}

func (t *validTokens) InputOffset() int64 { return int64(t.i) }

func (t *validTokens) Token() (json.Token, error) {
	// Past white space, and the separator that comes before the token;
	// the document being JSON vouches for where they stand.
	for t.i < len(t.s) && strings.IndexByte(" \t\r\n,:", t.s[t.i]) >= 0 {
		t.i++
	}
	if t.i >= len(t.s) {
		return nil, io.EOF
	}
	start := t.i
	switch c := t.s[t.i]; c {
	case '{', '}', '[', ']':
		t.i++
		return json.Delim(c), nil
	case 't':
		t.i += len("true")
		return true, nil
	case 'f':
		t.i += len("false")
		return false, nil
	case 'n':
		t.i += len("null")
		return nil, nil
	case '"':
		d := quickDecoder{s: t.s, i: start}
		if s, ok := d.string(); ok && (t.ok || utf8.ValidString(t.s[start:d.i])) {
			t.i = d.i
			return s, nil
		}
		// A lone surrogate or bytes that are not UTF-8, which encoding/json
		// reads as U+FFFD, as it alone can say how many.
		end := start + 1
		for t.s[end] != '"' {
			if t.s[end] == '\\' {
				end++
			}
			end++
		}
		t.i = end + 1
		var s string
		err := json.Unmarshal([]byte(t.s[start:t.i]), &s)
		return s, err
	}
	d := quickDecoder{s: t.s, i: start}
	n, _ := d.number() // a number, as the document being JSON vouches
	t.i = d.i
	return n, nil
}
