package digest

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/santhosh-tekuri/jsonschema/v5"
)

// schemaJSON is the JSON Schema of the JSON form, shared with non-Go
// consumers.
//
//go:embed schema/digest.schema.json
var schemaJSON []byte

// schemaID is the $id of the schema, the URL the compiler knows it by.
const schemaID = "https://digest.invalid/schema/v1/digest.schema.json"

// Schema returns the JSON Schema (draft 2020-12) of the JSON form of a
// valid digest, as a copy that the caller may change. Its $id is
// "https://digest.invalid/schema/v1/digest.schema.json". [ValidateJSON]
// checks documents against it.
func Schema() []byte { return bytes.Clone(schemaJSON) }

// compiledSchema compiles the embedded schema once. The compiler loads
// nothing: the schema is its only resource and the draft's meta-schema is
// built into the library.
var compiledSchema = sync.OnceValues(func() (*jsonschema.Schema, error) {
	c := jsonschema.NewCompiler()
	c.Draft = jsonschema.Draft2020
	c.LoadURL = func(url string) (io.ReadCloser, error) {
		return nil, fmt.Errorf("digest: the schema may not load %s", url)
	}
	if err := c.AddResource(schemaID, bytes.NewReader(schemaJSON)); err != nil {
		return nil, err
	}
	return c.Compile(schemaID)
})

// checkSchema validates doc, a JSON value decoded with numbers as
// json.Number, against the schema. It returns one error wrapping ErrSchema
// for each distinct problem, sorted by pointer then message, or nil.
func checkSchema(doc any) (ValidationErrors, error) {
	s, err := compiledSchema()
	if err != nil {
		return nil, err
	}
	err = s.Validate(doc)
	var ve *jsonschema.ValidationError
	if !errors.As(err, &ve) {
		return nil, err // nil, or a failure of the validator itself
	}
	var errs ValidationErrors
	var leaves func(*jsonschema.ValidationError)
	leaves = func(e *jsonschema.ValidationError) {
		if len(e.Causes) == 0 {
			errs = append(errs, &ValidationError{Pointer: e.InstanceLocation, Err: fmt.Errorf("%w: %s", ErrSchema, schemaMessage(e))})
		}
		for _, c := range e.Causes {
			leaves(c)
		}
	}
	leaves(ve)
	slices.SortStableFunc(errs, func(a, b *ValidationError) int {
		if c := comparePointers(a.Pointer, b.Pointer); c != 0 {
			return c
		}
		return strings.Compare(a.Err.Error(), b.Err.Error())
	})
	errs = slices.CompactFunc(errs, func(a, b *ValidationError) bool {
		return a.Pointer == b.Pointer && a.Err.Error() == b.Err.Error()
	})
	return errs, nil
}

// schemaMessage returns the message of e, a leaf error. A pattern is named
// by its place in the schema rather than quoted: "does not match the
// pattern of #/$defs/line".
func schemaMessage(e *jsonschema.ValidationError) string {
	loc := e.AbsoluteKeywordLocation
	if i := strings.IndexByte(loc, '#'); i >= 0 && strings.HasSuffix(loc, "/pattern") {
		return "does not match the pattern of " + strings.TrimSuffix(loc[i:], "/pattern")
	}
	return e.Message
}

// decodeJSON reads data, one JSON value, the way the schema validator
// wants it: objects as map[string]any, arrays as []any, numbers as
// json.Number. Unlike encoding/json it rejects, as a [ValidationErrors],
// what a document from outside may not hold: bytes that are not UTF-8
// ([ErrInvalidUTF8], at the first such byte) and an object key seen twice
// ([ErrDuplicate], at the pointer of the second one). Invalid JSON gives
// one error wrapping [ErrInvalidJSON] and the decoder's error, at the
// pointer of the value being read.
//
// It walks the tokens with a stack rather than by recursion, so that a
// deeply nested document costs heap, not Go stack.
func decodeJSON(data []byte) (any, ValidationErrors) {
	badUTF8 := int64(-1) // offset of the first byte that is not UTF-8, if any
	if !utf8.Valid(data) {
		badUTF8 = int64(invalidUTF8Offset(data))
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()

	// A frame is an object or array being read.
	type frame struct {
		obj     map[string]any // nil for an array
		arr     []any
		wantKey bool // an object's next token is a key or its end
	}
	var (
		errs  ValidationErrors
		stack []frame
		path  []string // the pointer's segments, down to the value being read
	)
	pointer := func() string {
		var b strings.Builder
		for _, seg := range path {
			b.WriteByte('/')
			pointerEscaper.WriteString(&b, seg)
		}
		return b.String()
	}
	invalid := func(err error) ValidationErrors {
		if err == io.EOF || err == io.ErrUnexpectedEOF {
			err = errors.New("unexpected end of input")
		}
		return ValidationErrors{{Pointer: pointer(), Err: fmt.Errorf("%w: %w", ErrInvalidJSON, err)}}
	}
	for {
		before := dec.InputOffset()
		tok, err := dec.Token()
		if err != nil {
			return nil, invalid(err)
		}
		badHere := before <= badUTF8 && badUTF8 < dec.InputOffset()
		top := len(stack) - 1
		if top >= 0 && stack[top].wantKey && tok != json.Delim('}') {
			key := tok.(string) // the decoder allows nothing else here
			stack[top].wantKey = false
			path = append(path, key)
			if badHere {
				errs = append(errs, &ValidationError{Pointer: pointer(), Err: fmt.Errorf("%w in a key at byte %d", ErrInvalidUTF8, badUTF8)})
			}
			if _, dup := stack[top].obj[key]; dup {
				errs = append(errs, &ValidationError{Pointer: pointer(), Err: fmt.Errorf("%w key %s", ErrDuplicate, quote(key))})
			}
			continue
		}
		var v any
		switch tok {
		case json.Delim('{'):
			stack = append(stack, frame{obj: map[string]any{}, wantKey: true})
			continue
		case json.Delim('['):
			stack = append(stack, frame{arr: []any{}})
			path = append(path, "0")
			continue
		case json.Delim('}'):
			v, stack = stack[top].obj, stack[:top]
		case json.Delim(']'):
			v, stack = stack[top].arr, stack[:top]
			path = path[:len(path)-1] // the index of an element that is not there
		default:
			v = tok
			if badHere {
				errs = append(errs, &ValidationError{Pointer: pointer(), Err: fmt.Errorf("%w at byte %d", ErrInvalidUTF8, badUTF8)})
			}
		}
		// v is complete: it is the document, or it goes into its parent.
		top = len(stack) - 1
		if top < 0 {
			if _, err := dec.Token(); err != io.EOF {
				if err == nil {
					err = errors.New("more than one value")
				}
				return nil, invalid(err)
			}
			if errs != nil {
				return nil, errs
			}
			return v, nil
		}
		f := &stack[top]
		seg := path[len(path)-1]
		path = path[:len(path)-1]
		if f.obj != nil {
			if _, dup := f.obj[seg]; !dup {
				f.obj[seg] = v // the first of duplicate keys stays
			}
			f.wantKey = true
		} else {
			f.arr = append(f.arr, v)
			path = append(path, strconv.Itoa(len(f.arr)))
		}
	}
}

// pointerEscaper escapes a JSON Pointer segment (RFC 6901).
var pointerEscaper = strings.NewReplacer("~", "~0", "/", "~1")

// invalidUTF8Offset returns the offset of the first byte of data that is
// not part of a valid UTF-8 sequence.
func invalidUTF8Offset(data []byte) int {
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size == 1 {
			return i
		}
		i += size
	}
	return -1
}
