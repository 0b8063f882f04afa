package digest

import (
	"bytes"
	"cmp"
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"
	"unsafe"

	"github.com/santhosh-tekuri/jsonschema/v5"

	"digest/internal/jsonscan"
	"digest/internal/lex"
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
	c, err := schemaCompiler()
	if err != nil {
		return nil, err
	}
	return c.Compile(schemaID)
})

// schemaCompiler returns a compiler that knows the embedded schema.
func schemaCompiler() (*jsonschema.Compiler, error) {
	c := jsonschema.NewCompiler()
	c.Draft = jsonschema.Draft2020
	c.LoadURL = func(url string) (io.ReadCloser, error) {
		return nil, fmt.Errorf("digest: the schema may not load %s", url)
	}
	if err := c.AddResource(schemaID, bytes.NewReader(schemaJSON)); err != nil {
		return nil, err
	}
	return c, nil
}

// schemaLists are the lists of a document, each the member key of the
// object at parent, whose items checkSchema checks one by one, with the
// schema at items.
var schemaLists = [...]struct{ parent, key, items string }{
	{"/core_subject", "paragraphs", "/properties/core_subject/properties/paragraphs/items"},
	{"", "entities", "/properties/entities/items"},
	{"", "highlights", "/properties/highlights/items"},
	{"", "keywords", "/properties/keywords/items"},
}

// compiledItemSchemas compiles the schemas of the items of schemaLists,
// in that order, once.
var compiledItemSchemas = sync.OnceValues(func() ([]*jsonschema.Schema, error) {
	c, err := schemaCompiler()
	if err != nil {
		return nil, err
	}
	var schemas []*jsonschema.Schema
	for _, l := range schemaLists {
		s, err := c.Compile(schemaID + "#" + l.items)
		if err != nil {
			return nil, err
		}
		schemas = append(schemas, s)
	}
	return schemas, nil
})

// checkSchema validates doc, a JSON value decoded with numbers as
// json.Number, against the schema. It returns one error wrapping ErrSchema
// for each distinct problem, sorted by pointer, key and message (see
// sortProblems), cut at DefaultMaxErrors as [ValidationErrors] says
// unless all is set; or nil. A key that the schema does not allow is one
// problem, at the pointer of its object: the validator's message lists
// them all, in an order that changes from run to run.
//
// The validator builds an error of several hundred bytes for each bad
// item of a list: keeping them all for a list of 100000 bad items would
// cost hundreds of megabytes. So the items of the lists are checked one by
// one, and only the first problems of each list are kept, the others
// counted; the items of a list longer than the schema allows are not
// checked at all. With all, every problem is kept, whatever it costs.
// doc is as it was when checkSchema returns.
func checkSchema(doc any, all bool) (ValidationErrors, error) {
	s, err := compiledSchema()
	if err != nil {
		return nil, err
	}
	items, err := compiledItemSchemas()
	if err != nil {
		return nil, err
	}
	var problems []schemaProblem
	more := 0 // problems counted, not kept
	// The sentinels of those not shown, for the error that counts them:
	// the causes of the problems (see schemaProblem.err), as all wrap
	// ErrSchema, which the errors shown do too.
	var h hidden
	var restore []func()
	defer func() {
		for _, f := range restore {
			f()
		}
	}()
	for i, l := range schemaLists {
		parent, _ := resolvePointer(doc, l.parent).(map[string]any)
		list, _ := parent[l.key].([]any)
		if len(list) == 0 {
			continue
		}
		parent[l.key] = []any{} // checked here: the schema need not see the items
		restore = append(restore, func() { parent[l.key] = list })
		if len(list) > maxItems {
			// The schema's maxItems, with Validate's message.
			cause := tooManyError(l.key, len(list))
			problems = append(problems, schemaProblem{l.parent + "/" + l.key, "", cause.Error(), cause})
			continue
		}
		itemNode, _ := resolvePointer(parsedSchema(), l.items).(map[string]any)
		itemKind, _ := itemNode["type"].(string)
		kept := 0
		// wrongKind[k] is the number of problems of an item of JSON type
		// k, which the items' "type" rejects, once known. Such an item has
		// the same problems whatever its value, as the item schemas apply
		// no other keyword to it: past the problems kept, where only their
		// number matters, it need not be checked again. A list of 100000
		// numbers costs one check, not 100000 errors built and dropped.
		// Its problems have no cause (see schemaProblem): only "type"
		// rejects the item; were there one, the error counting the
		// problems not shown would need it, and each item is checked.
		var wrongKind map[string]int
		for j, item := range list {
			kind := jsonKind(item)
			if n, ok := wrongKind[kind]; ok && !all && kept > DefaultMaxErrors {
				more += n
				continue
			}
			checked, _ := hollowed(item, itemNode, &restore)
			itemProblems, uncut, err := validateSchema(items[i], checked, l.parent+"/"+l.key+"/"+strconv.Itoa(j), all)
			if err != nil {
				return nil, err
			}
			more += uncut // keys not allowed, whose problems have no cause
			if kind != itemKind && !slices.ContainsFunc(itemProblems, func(p schemaProblem) bool { return p.cause != nil }) {
				if wrongKind == nil {
					wrongKind = make(map[string]int)
				}
				wrongKind[kind] = len(itemProblems) // uncut is 0: the item schema reads no key of it
			}
			// The items' pointers come in order, so the first problems
			// of a list are the first by pointer.
			for _, p := range itemProblems {
				if all || kept <= DefaultMaxErrors {
					problems = append(problems, p)
					kept++
				} else {
					more++
					h.add(p.cause)
				}
			}
		}
	}
	root, _ := parsedSchema().(map[string]any)
	whole, _ := hollowed(doc, root, &restore)
	rest, uncut, err := validateSchema(s, whole, "", all)
	if err != nil {
		return nil, err
	}
	more += uncut
	problems = append(problems, rest...)
	if len(problems) == 0 {
		return nil, nil
	}
	problems = sortProblems(problems)
	shown := DefaultMaxErrors
	if all {
		shown = len(problems)
	}
	var errs ValidationErrors
	for _, p := range problems[:min(len(problems), shown)] {
		errs = append(errs, &ValidationError{Pointer: p.pointer, Err: p.err()})
	}
	if len(problems) > shown {
		h.add(ErrSchema) // which every problem not shown wraps, as the shown do
		for _, p := range problems[DefaultMaxErrors:] {
			h.add(p.cause)
		}
		errs = append(errs, tooMany(problems[DefaultMaxErrors].pointer, len(problems)+more-DefaultMaxErrors, h))
	}
	return errs, nil
}

// hollowed returns v, the value that node, a part of the schema, is
// for; or an empty array or object in place of a full one that node gives
// another type, and then changed is set: the validator reports the same
// type error for either, but builds for an array or object, before it
// checks its type, a map of its items or keys, however many. In an object
// of the type node gives, it does the same to the members that node's
// properties name, in place, and adds to restore what puts each back.
func hollowed(v any, node map[string]any, restore *[]func()) (h any, changed bool) {
	want, _ := node["type"].(string)
	if want == "" {
		return v, false // a type the schema gives elsewhere: none here
	}
	switch x := v.(type) {
	case []any:
		if want != "array" && len(x) > 0 {
			return []any{}, true
		}
	case map[string]any:
		if want != "object" {
			if len(x) > 0 {
				return map[string]any{}, true
			}
			return v, false
		}
		props, _ := node["properties"].(map[string]any)
		for key, sub := range props {
			member, ok := x[key]
			subNode, _ := sub.(map[string]any)
			if !ok || subNode == nil {
				continue
			}
			if h, changed := hollowed(member, subNode, restore); changed {
				x[key] = h
				*restore = append(*restore, func() { x[key] = member })
			}
		}
	}
	return v, false
}

// jsonKind returns the JSON Schema type of v, a value decoded as
// checkSchema's doc is: "string", "object", and so on.
func jsonKind(v any) string {
	switch v.(type) {
	case string:
		return "string"
	case map[string]any:
		return "object"
	case []any:
		return "array"
	case json.Number:
		return "number"
	case bool:
		return "boolean"
	}
	return "null"
}

// validateSchema validates v, the value at pointer at of a document,
// against s, and returns its distinct problems sorted as sortProblems
// sorts them. Of the keys that an object may not hold, one problem each,
// it returns only the first DefaultMaxErrors+1 by key, the most that
// checkSchema can show of them, and counts the others in more: an object
// of 100000 such keys would otherwise cost 100000 messages built, then
// dropped. With all, it returns them all. The error is a failure of the
// validator itself.
func validateSchema(s *jsonschema.Schema, v any, at string, all bool) (problems []schemaProblem, more int, err error) {
	keysKept := DefaultMaxErrors + 1
	if all {
		keysKept = math.MaxInt
	}
	err = s.Validate(v)
	if err == nil {
		return nil, 0, nil
	}
	var ve *jsonschema.ValidationError
	if !errors.As(err, &ve) {
		return nil, 0, err
	}
	var objects []string // the pointers of the objects whose keys were taken
	var leaves func(*jsonschema.ValidationError)
	leaves = func(e *jsonschema.ValidationError) {
		if len(e.Causes) == 0 {
			pointer := at + e.InstanceLocation
			if keys, n, ok := extraKeys(v, e, keysKept); ok {
				if slices.Contains(objects, pointer) {
					return // found by another path: the same keys
				}
				objects = append(objects, pointer)
				for _, k := range keys {
					problems = append(problems, schemaProblem{pointer, k, "key " + excerpt(k) + " not allowed", nil})
				}
				more += n - len(keys)
			} else if cause := ruleError(v, e, pointer); cause != nil {
				problems = append(problems, schemaProblem{pointer, "", cause.Error(), cause})
			} else {
				problems = append(problems, schemaProblem{pointer, "", schemaMessage(e), nil})
			}
		}
		for _, c := range e.Causes {
			leaves(c)
		}
	}
	leaves(ve)
	return sortProblems(problems), more, nil
}

// sortProblems sorts problems by pointer, then key, then message, and
// removes those seen twice: the validator may find one problem by two
// paths.
func sortProblems(problems []schemaProblem) []schemaProblem {
	slices.SortFunc(problems, func(a, b schemaProblem) int {
		if c := comparePointers(a.pointer, b.pointer); c != 0 {
			return c
		}
		if c := strings.Compare(a.key, b.key); c != 0 {
			return c
		}
		return strings.Compare(a.msg, b.msg)
	})
	return slices.CompactFunc(problems, func(a, b schemaProblem) bool {
		return a.pointer == b.pointer && a.key == b.key && a.msg == b.msg
	})
}

// A schemaProblem is a problem that checkSchema reports. The problems of
// keys the schema does not allow carry the key, which orders them and
// tells them apart: their messages quote the key cut short.
type schemaProblem struct {
	pointer, key, msg string
	cause             error // the error of Validate that msg is, or nil
}

// err returns the error of p, which wraps ErrSchema, and its cause too.
func (p schemaProblem) err() error {
	if p.cause != nil {
		return fmt.Errorf("%w: %w", ErrSchema, p.cause)
	}
	return fmt.Errorf("%w: %s", ErrSchema, p.msg)
}

// A relabeled error has a message of its own and wraps err: the
// validator's message with the sentinel of Validate for the same rule, a
// JSON syntax error with a message that says where it is, or Validate's
// message for a canonical text over the size limit.
type relabeled struct {
	msg string
	err error
}

func (e relabeled) Error() string { return e.msg }
func (e relabeled) Unwrap() error { return e.err }

// ruleError returns, for e, a leaf error at pointer of v, the value
// validated, the error that Validate gives for the same value and rule,
// with its message and sentinel, rather than the validator's: for the
// pattern of a one-line or multi-line text (#/$defs/line, #/$defs/text),
// [ErrWhiteSpace], [ErrControlChar] or [ErrLineBreak] with its detail;
// for minLength and maxLength, [ErrEmpty] or [ErrTooLong] with the name of
// the field; for enum, and for the length of an entity type, over which
// it is unknown too, [ErrUnknownEntityType]. (A list too long is
// checkSchema's to report.) It returns nil for other errors, and for a
// pattern that Validate finds no fault with, should the two disagree.
func ruleError(v any, e *jsonschema.ValidationError, pointer string) error {
	loc := e.AbsoluteKeywordLocation
	s, ok := resolvePointer(v, e.InstanceLocation).(string)
	if !ok {
		return nil // every rule here is one of a text
	}
	keyword := loc[strings.LastIndexByte(loc, '/')+1:]
	general := anyIndex(pointer)
	f := fieldAt(general)
	switch {
	case general == "/entities/-/type" && (keyword == "enum" || keyword == "maxLength"):
		return unknownTypeError(s)
	case keyword == "minLength" && f != nil:
		return emptyError(f)
	case keyword == "maxLength" && f != nil:
		return tooLongError(f, utf8.RuneCountInString(s))
	case keyword != "pattern":
		return nil
	}
	text := field{what: "text", max: math.MaxInt}
	switch {
	case strings.HasSuffix(loc, "#/$defs/line/pattern"):
	case strings.HasSuffix(loc, "#/$defs/text/pattern"):
		text.multi = true
	default:
		return nil
	}
	var tv validator
	tv.text(at(""), &text, s)
	for _, ve := range tv.errs {
		if errors.Is(ve.Err, ErrWhiteSpace) || errors.Is(ve.Err, ErrControlChar) || errors.Is(ve.Err, ErrLineBreak) {
			return ve.Err
		}
	}
	return nil
}

// fieldAt returns the field of Validate's rules that the texts at pointer
// are values of, or nil: pointer names them in a digest's JSON with "-"
// for an index, as anyIndex returns it.
func fieldAt(pointer string) *field {
	switch pointer {
	case "/title":
		return &titleField
	case "/subtitle":
		return &subtitleField
	case "/summary":
		return &summaryField
	case "/highlights/-":
		return &highlightField
	case "/core_subject/heading":
		return &headingField
	case "/core_subject/paragraphs/-":
		return &paragraphField
	case "/keywords/-":
		return &keywordField
	case "/entities/-/name":
		return &nameField
	case "/entities/-/description":
		return &descriptionField
	}
	return nil
}

// anyIndex returns pointer with each segment of digits made "-":
// "/entities/12/name" is "/entities/-/name". In a digest only the indexes
// into its lists are such segments.
func anyIndex(pointer string) string {
	var b strings.Builder
	for p := pointer; p != ""; {
		var seg string
		seg, p = cutSegment(p)
		if lex.IsDigits(seg) {
			seg = "-"
		}
		b.WriteString("/" + seg)
	}
	return b.String()
}

// extraKeys returns, sorted, the first limit of the keys that e, a leaf
// error of additionalProperties, finds not allowed in its object of v,
// the value validated, and how many there are in all. The keys allowed
// are the properties of the schema object that e names.
func extraKeys(v any, e *jsonschema.ValidationError, limit int) (first []string, n int, ok bool) {
	schemaObj, ok := strings.CutSuffix(e.AbsoluteKeywordLocation, "/additionalProperties")
	if !ok {
		return nil, 0, false
	}
	_, fragment, _ := strings.Cut(schemaObj, "#")
	props, _ := resolvePointer(parsedSchema(), fragment).(map[string]any)["properties"].(map[string]any)
	obj, _ := resolvePointer(v, e.InstanceLocation).(map[string]any)
	if props == nil || obj == nil {
		return nil, 0, false
	}
	if limit >= len(obj) {
		// Every key is kept: sorted once, not one insertion at a time.
		for k := range obj {
			if _, ok := props[k]; !ok {
				first = append(first, k)
			}
		}
		slices.Sort(first)
		return first, len(first), len(first) > 0
	}
	for k := range obj {
		if _, ok := props[k]; ok {
			continue
		}
		n++
		// first stays sorted, at most limit long: a key past its last,
		// once full, is only counted.
		if len(first) == limit {
			if k > first[limit-1] {
				continue
			}
			first = first[:limit-1]
		}
		i, _ := slices.BinarySearch(first, k)
		first = slices.Insert(first, i, k)
	}
	return first, n, n > 0
}

// parsedSchema returns the schema as a JSON value, decoded once.
var parsedSchema = sync.OnceValue(func() any {
	var v any
	if err := json.Unmarshal(schemaJSON, &v); err != nil {
		panic("digest: the embedded schema is not JSON: " + err.Error())
	}
	return v
})

// resolvePointer returns the value at pointer p (RFC 6901) in v, a JSON
// value decoded as maps and slices, or nil when there is none.
func resolvePointer(v any, p string) any {
	for p != "" {
		if p[0] != '/' {
			return nil
		}
		var seg string
		seg, p = cutSegment(p)
		seg = pointerUnescaper.Replace(seg)
		switch x := v.(type) {
		case map[string]any:
			v = x[seg]
		case []any:
			i, err := strconv.Atoi(seg)
			if err != nil || i < 0 || i >= len(x) {
				return nil
			}
			v = x[i]
		default:
			return nil
		}
	}
	return v
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

// byteOrderMark is U+FEFF in UTF-8, which may come before a JSON document.
const byteOrderMark = "\uFEFF"

// jsonSpace is the white space of JSON.
const jsonSpace = " \t\r\n"

// maxDepth is how deeply decodeJSON lets arrays and objects nest. A
// digest nests three deep: the document, the list of entities, an entity.
const maxDepth = 64

// decodeJSON reads data, one JSON value, the way the schema validator
// wants it: objects as map[string]any, arrays as []any, numbers as
// json.Number. Unlike encoding/json it rejects, as a [ValidationErrors],
// what a document from outside may not hold: bytes that are not UTF-8
// ([ErrInvalidUTF8], at the first such byte in each string), an escaped
// surrogate that is not one of a pair (ErrInvalidUTF8 too, the first in
// each string, where no byte is bad), and an
// object key seen twice ([ErrDuplicate], at the pointer of the second
// one), keeping the first DefaultMaxErrors by pointer. Invalid JSON, or
// arrays and objects nested more than maxDepth deep, give one error
// wrapping [ErrInvalidJSON], at the pointer of the value being read.
//
// A document with none of these problems, the common case, is read in one
// pass by decodeQuick. Otherwise decodeJSONWith walks its tokens with a
// stack rather than by recursion, and keeps the pointer of the value
// being read as its segments, so that the cost of a problem does not grow
// with the depth or the length of the keys. The tokens are encoding/json's
// where the document is not JSON, so that where a token is at fault is
// its (the message is the library's, see syntaxError and afterValue);
// where it is, with a duplicate key, say, they are validTokens', which
// cost a quarter as much.
func decodeJSON(data []byte) (any, ValidationErrors) {
	v, ok, extra := decodeQuick(data)
	if ok {
		return v, nil
	}
	if extra >= 0 {
		return nil, extraValue(data, extra)
	}
	// decodeQuick found a problem, so the value will not be needed: only
	// where the problems are.
	if _, errs := decodeJSONWith(data, new(jsonProblems), false); errs != nil {
		return nil, errs
	}
	return decodeJSONWith(data, new(jsonProblems), true) // should they ever disagree
}

// extraValue returns decodeJSONWith's error for data, which holds one
// value, then, at offset at, more than white space: the one error of a
// document that is not JSON, at its root, with the byte offset of at. It
// reads only what follows the value, where decodeJSONWith would read it
// all again, with a token and often an allocation for each value. A
// *json.SyntaxError it wraps may have another Offset than decodeJSONWith's,
// as its decoder starts at at: ValidateJSON does not promise one.
func extraValue(data []byte, at int) ValidationErrors {
	return ValidationErrors{{Err: fmt.Errorf("%w: %w", ErrInvalidJSON, afterValue(numberDecoder(data[at:]), data, int64(at)))}}
}

// numberDecoder returns a json.Decoder of data that reads numbers as
// json.Number.
func numberDecoder(data []byte) *json.Decoder {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	return dec
}

// afterValue returns the error for what dec reads as its next token, after
// the value of a document, data, at byte at past white space: nil if it
// reads nothing; that there is more than one value if one starts at at,
// whole or not ({}"abc), wrapping dec's error if any; otherwise, that the
// byte at at is at fault after the top-level value, as only white space
// may follow it. It reads no more than that token.
func afterValue(dec tokenReader, data []byte, at int64) error {
	_, err := dec.Token()
	switch {
	case err == io.EOF:
		return nil
	case err == nil || at < int64(len(data)) && startsValue(data[at]):
		return relabeled{fmt.Sprintf("more than one value: another starts at byte %d", at), err}
	}
	return syntaxError(err, data, at, int(at), "after top-level value")
}

// startsValue reports whether c starts a JSON value.
func startsValue(c byte) bool {
	return strings.IndexByte(`{["-0123456789tfn`, c) >= 0
}

// decodeJSONWith is decodeJSON, keeping the problems it finds in
// problems, which tells afterwards how many bytes their comparisons read.
// Unless values is set, it only looks for problems: it keeps no array's
// elements (40% of its time on 512 KiB of numbers), and returns a nil
// value where it finds none.
func decodeJSONWith(data []byte, problems *jsonProblems, values bool) (any, ValidationErrors) {
	badUTF8 := int64(-1) // offset of the document's first byte that is not UTF-8, if any
	if !utf8.Valid(data) {
		badUTF8 = int64(invalidUTF8Offset(data))
	}
	// A byte order mark may come before the document (RFC 8259 §8.1
	// allows a reader to ignore it). The decoder reads past it; offsets
	// are those of data.
	skip := int64(0)
	if bytes.HasPrefix(data, []byte(byteOrderMark)) {
		skip = int64(len(byteOrderMark))
	}
	// The tokens, numbers as json.Number: for a JSON document, validTokens';
	// otherwise a json.Decoder's, which stops at the token at fault, where
	// jsonscan.Check has found the byte at fault and says why.
	fault, context, whole := jsonscan.Check(data)
	var dec tokenReader = numberDecoder(data[skip:])
	if fault < 0 && whole {
		dec = newValidTokens(data[skip:], badUTF8 < 0)
	}

	// A frame is an object or array being read.
	type frame struct {
		obj     map[string]any // nil for an array
		arr     []any
		key     string // the key of the member being read
		unread  bool   // key stands for what its token holds only in part (checkString)
		wantKey bool   // an object's next token is a key or its end
		after   bool   // every problem in the value being read comes after those kept
		n       int    // an array's elements read
	}
	var (
		stack    []frame
		path     []pathSegment // the pointer's segments down to the value being read
		segments = segmentTable{segments: map[string]pathSegment{}}
		lastEnd  int64         // where the last complete value ends
		lastPath []pathSegment // and its pointer's segments
	)
	// tokenAt returns where the token after offset off starts: past
	// white space, and past the separator that Token reads before it,
	// when one is due there: ':' after a key, ',' after a value in an
	// array or object.
	tokenAt := func(off int64) int64 {
		rest := bytes.TrimLeft(data[off:], jsonSpace)
		if top := len(stack) - 1; top >= 0 && len(rest) > 0 {
			sep := byte(',')
			if stack[top].obj != nil && !stack[top].wantKey {
				sep = ':'
			}
			before := bytes.TrimRight(data[:off], jsonSpace)
			if opened := before[len(before)-1]; rest[0] == sep && opened != '{' && opened != '[' {
				rest = bytes.TrimLeft(rest[1:], jsonSpace)
			}
		}
		return int64(len(data) - len(rest))
	}
	// invalid returns err as the one error of a document that is not
	// JSON, at the path read so far.
	invalid := func(err error) ValidationErrors {
		return ValidationErrors{{Pointer: joinPointer(path), Err: fmt.Errorf("%w: %w", ErrInvalidJSON, err)}}
	}
	// report records a problem at path, at offset in data. When it is
	// not kept, the frames whose values are past those kept learn it, so
	// that the problems in them are only counted.
	report := func(kind jsonProblemKind, inKey bool, offset int64) {
		if top := len(stack) - 1; top >= 0 && stack[top].after {
			problems.total++
			problems.hide(kind)
			return
		}
		if level, kept := problems.add(jsonProblem{path, kind, inKey, offset}); !kept {
			for i := level; i < len(stack); i++ {
				stack[i].after = true
			}
		}
	}
	// checkString reports the problems of s, a string token read from
	// data[start:end], and tells whether s stands for what the token
	// holds only in part: bytes that are not UTF-8 and lone surrogate
	// escapes read as U+FFFD.
	checkString := func(s string, inKey bool, start, end int64) (unread bool) {
		if !strings.Contains(s, "\uFFFD") {
			return false
		}
		raw := data[start:end]
		// A string that ends before the document's first bad byte
		// holds none.
		if badUTF8 >= 0 && badUTF8 < end {
			if i := invalidUTF8Offset(raw); i >= 0 {
				report(badUTF8Problem, inKey, start+int64(i))
				return true
			}
		}
		if i := loneSurrogate(raw); i >= 0 {
			report(loneSurrogateProblem, inKey, start+int64(i))
			return true
		}
		return false
	}
	// enter starts reading a value in the frame on top: a member of an
	// object, an element of an array.
	enter := func(seg pathSegment) {
		top := len(stack) - 1
		path = append(path, seg)
		stack[top].after = top > 0 && stack[top-1].after
	}
	for {
		start := skip + dec.InputOffset()
		tok, err := dec.Token()
		if err != nil {
			at := tokenAt(start)
			if at == start && start == lastEnd && at < int64(len(data)) {
				// The token at fault is glued to the value before it, as
				// the '1' of 01, which reads as 0 then 1: the error is at
				// that value, not at the next one or at its parent.
				path = lastPath
			}
			if fault < 0 { // no byte at fault: data is cut short
				return nil, invalid(fmt.Errorf("unexpected end of input at byte %d", len(data)))
			}
			return nil, invalid(syntaxError(err, data, at, fault, context))
		}
		end := skip + dec.InputOffset()
		top := len(stack) - 1
		if top >= 0 && stack[top].wantKey && tok != json.Delim('}') {
			key := tok.(string) // the decoder allows nothing else here
			stack[top].key, stack[top].wantKey = key, false
			enter(segments.key(key))
			unread := checkString(key, true, start, end)
			stack[top].unread = unread
			// A key with bytes that are not UTF-8 or with a lone
			// surrogate reads with U+FFFD in their place, so two
			// different keys may read alike: such a key is neither
			// reported as a duplicate nor kept in its object, to be
			// found as one. The document is rejected for what it
			// holds anyway.
			if _, dup := stack[top].obj[key]; dup && !unread {
				report(duplicateKeyProblem, true, start)
			}
			continue
		}
		var v any
		switch tok {
		case json.Delim('{'), json.Delim('['):
			if len(stack) == maxDepth {
				return nil, invalid(fmt.Errorf("arrays and objects nested more than %d deep: the one at byte %d", maxDepth, tokenAt(start)))
			}
			if tok == json.Delim('{') {
				stack = append(stack, frame{obj: map[string]any{}, wantKey: true})
			} else {
				stack = append(stack, frame{arr: []any{}})
				enter(newPathSegment("0"))
			}
			continue
		case json.Delim('}'):
			v, stack = stack[top].obj, stack[:top]
		case json.Delim(']'):
			v, stack = stack[top].arr, stack[:top]
			path = path[:len(path)-1] // the index of an element that is not there
		default:
			v = tok
			if s, ok := tok.(string); ok { // bytes that are not UTF-8 elsewhere are a syntax error
				checkString(s, false, start, end)
			}
		}
		// v is complete: it is the document, or it goes into its parent.
		top = len(stack) - 1
		if top < 0 {
			if err := afterValue(dec, data, tokenAt(skip+dec.InputOffset())); err != nil {
				return nil, invalid(err)
			}
			if problems.total > 0 {
				return nil, problems.errors(data)
			}
			if !values {
				return nil, nil
			}
			return v, nil
		}
		lastEnd, lastPath = skip+dec.InputOffset(), append(lastPath[:0], path...)
		f := &stack[top]
		path = path[:len(path)-1]
		if f.obj != nil {
			if _, dup := f.obj[f.key]; !dup && !f.unread {
				f.obj[f.key] = v // the first of duplicate keys stays
			}
			f.wantKey = true
		} else {
			f.n++
			if values {
				f.arr = append(f.arr, v)
			}
			enter(newPathSegment(strconv.Itoa(f.n)))
		}
	}
}

// syntaxError returns the error of a document, data, whose byte off, in
// the token at byte at, is at fault, read where context says: a message
// that names it, wrapping err, encoding/json's error, and ErrInvalidUTF8
// too when that byte starts no character of UTF-8. The message is the
// library's, not err's, which depends on how encoding/json is built.
func syntaxError(err error, data []byte, at int64, off int, context string) error {
	msg, notUTF8 := faultMessage(data, off, context)
	msg = fmt.Sprintf("%s, in the token at byte %d%s", msg, at, encodingHint(data))
	if notUTF8 {
		return relabeled{msg, errors.Join(err, ErrInvalidUTF8)}
	}
	return relabeled{msg, err}
}

// faultMessage returns the message of a syntax error at data[off], read
// where context says, naming the character there whole, as itself and by
// its code point when it is not ASCII; or the byte, when it starts no
// character of UTF-8, and then notUTF8 is true.
func faultMessage(data []byte, off int, context string) (msg string, notUTF8 bool) {
	switch r, size := utf8.DecodeRune(data[off:]); {
	case r == utf8.RuneError && size <= 1:
		return fmt.Sprintf("invalid byte 0x%02x (not UTF-8) %s", data[off], context), true
	case r < utf8.RuneSelf:
		return fmt.Sprintf("invalid character %q %s", r, context), false
	default:
		return fmt.Sprintf("invalid character %q (%U) %s", r, r, context), false
	}
}

// encodingHint returns what to add to the message of a syntax error in data
// when data is UTF-16, as Windows tools may save a document, or UTF-32:
// when, after a byte order mark of UTF-8, which ValidateJSON passes over,
// it starts with a byte order mark of either, or with an ASCII character
// in either (lex.WideStart), as a document starts in any
// script. Each makes a syntax error at one of the first four bytes, the
// only one reported. It returns "" otherwise.
func encodingHint(data []byte) string {
	data = bytes.TrimPrefix(data, []byte(byteOrderMark))
	switch size, bom, _, _ := lex.WideStart(string(data[:min(len(data), 8)])); {
	case size == 0:
		return ""
	case bom:
		return fmt.Sprintf(": the document starts with the byte order mark of UTF-%d: it is to be UTF-8", 8*size)
	default:
		return fmt.Sprintf(": the document looks like UTF-%d without a byte order mark: it is to be UTF-8", 8*size)
	}
}

// pointerEscaper escapes a JSON Pointer segment (RFC 6901), and
// pointerUnescaper undoes it.
var (
	pointerEscaper   = strings.NewReplacer("~", "~0", "/", "~1")
	pointerUnescaper = strings.NewReplacer("~1", "/", "~0", "~")
)

// joinPointer returns the JSON Pointer of segments.
func joinPointer(segments []pathSegment) string {
	var b strings.Builder
	for _, seg := range segments {
		b.WriteByte('/')
		b.WriteString(seg.s)
	}
	return b.String()
}

// A pathSegment is a segment of the pointer of a value that decodeJSON
// reads, with what comparing it needs worked out once, when its key is
// read: comparing segments then reads no more than the shorter of the two
// texts compared, however often a long segment is compared.
type pathSegment struct {
	s     string // the segment, escaped
	isNum bool   // s is ASCII digits, compared as a number
	num   string // then, s without its leading zeros
}

// A segmentTable holds the segment of each key once, so that equal
// segments are one string, which comparePaths finds equal without reading
// it, and each number of a key once, for the same reason: "01" and "1"
// are equal too.
type segmentTable struct {
	segments map[string]pathSegment
	numbers  map[string]string // made when a number comes
}

// key returns the segment of key, the same for each equal key.
func (t *segmentTable) key(key string) pathSegment {
	escaped := pointerEscaper.Replace(key)
	if seg, ok := t.segments[escaped]; ok {
		return seg
	}
	seg := newPathSegment(escaped)
	if seg.isNum {
		if n, ok := t.numbers[seg.num]; ok {
			seg.num = n
		} else {
			if t.numbers == nil {
				t.numbers = map[string]string{}
			}
			t.numbers[seg.num] = seg.num
		}
	}
	t.segments[escaped] = seg
	return seg
}

// newPathSegment returns the segment s, escaped.
func newPathSegment(s string) pathSegment {
	if lex.IsDigits(s) {
		return pathSegment{s: s, isNum: true, num: strings.TrimLeft(s, "0")}
	}
	return pathSegment{s: s}
}

// compare compares x and y, as numbers when both are digits, else as
// text, and returns how many bytes that reads at most.
func (x pathSegment) compare(y pathSegment) (c, read int) {
	a, b := x.s, y.s
	if x.isNum && y.isNum {
		if len(x.num) != len(y.num) {
			return cmp.Compare(len(x.num), len(y.num)), 1
		}
		a, b = x.num, y.num
	}
	return strings.Compare(a, b), min(len(a), len(b)) + 1
}

// A jsonProblemKind is a kind of problem that decodeJSON reports.
type jsonProblemKind int

const (
	badUTF8Problem       jsonProblemKind = iota // bytes that are not UTF-8
	loneSurrogateProblem                        // an escaped surrogate that is not one of a pair: \ud800
	duplicateKeyProblem                         // a key seen before in its object
)

// sentinel returns the error that a problem of kind k wraps.
func (k jsonProblemKind) sentinel() error {
	if k == duplicateKeyProblem {
		return ErrDuplicate
	}
	return ErrInvalidUTF8
}

// jsonProblems keeps the problems that decodeJSON finds, in the order of
// their pointers, as few as it will report: the first DefaultMaxErrors,
// and the next for the pointer of the error that counts the others. It
// finds them in the order of the document, which is not that of the
// pointers, and it builds their pointers and messages only at the end, for
// those it reports.
type jsonProblems struct {
	kept   []jsonProblem
	total  int    // the problems found
	hidden hidden // the sentinels of the problems not kept

	// compared counts the bytes that comparePaths reads, at most. A
	// problem is compared with a few of those kept; a comparison reads no
	// more than the shorter of two segments, and two long segments are
	// read once (see comparePaths): the count stays within a small
	// multiple of the document's length, whatever its keys
	// (TestDecodeJSONLinear).
	compared int

	// orders holds how two long segments compare, by their addresses,
	// the lower first.
	orders map[[2]uintptr]int
}

// longSegment is the length from which comparePaths remembers how two
// segments compare.
const longSegment = 64

// A jsonProblem is a problem of a document.
type jsonProblem struct {
	path   []pathSegment // the segments of its pointer
	kind   jsonProblemKind
	inKey  bool  // in the key at path rather than its value
	offset int64 // where in the document
}

// add records e, unless the problems kept, DefaultMaxErrors+1 of them, all
// sort before it. It reports whether e is kept and, when it is not, how
// deep the value is that holds e and no problem to keep: the value at
// e.path[:level+1], in which any problem found later sorts after e.
func (p *jsonProblems) add(e jsonProblem) (level int, kept bool) {
	p.total++
	n := len(p.kept)
	if n == DefaultMaxErrors+1 {
		if c, level := p.comparePaths(e.path, p.kept[n-1].path); c >= 0 {
			// At the pointer of the last one kept, the values below
			// come after it.
			p.hide(e.kind)
			return min(level, len(e.path)-1), false
		}
	}
	i, _ := slices.BinarySearchFunc(p.kept, e.path, func(k jsonProblem, path []pathSegment) int {
		if c, _ := p.comparePaths(k.path, path); c > 0 {
			return 1
		}
		return -1 // after those at the same pointer
	})
	// e.path is the decoder's, which changes: keep a copy, in the slice of
	// the problem that no longer fits, if any.
	var path []pathSegment
	if n == DefaultMaxErrors+1 {
		p.hide(p.kept[n-1].kind)
		path = p.kept[n-1].path[:0]
		p.kept = p.kept[:n-1]
	}
	e.path = append(path, e.path...)
	p.kept = slices.Insert(p.kept, i, e)
	return 0, true
}

// hide notes a problem of that kind that is not kept.
func (p *jsonProblems) hide(kind jsonProblemKind) { p.hidden.add(kind.sentinel()) }

// errors returns the problems as a ValidationErrors; data is the document.
func (p *jsonProblems) errors(data []byte) ValidationErrors {
	var errs ValidationErrors
	for _, e := range p.kept[:min(len(p.kept), DefaultMaxErrors)] {
		where := ""
		if e.inKey {
			where = " in a key"
		}
		var err error
		switch e.kind {
		case badUTF8Problem:
			err = fmt.Errorf("%w%s at byte %d", e.kind.sentinel(), where, e.offset)
		case loneSurrogateProblem:
			err = fmt.Errorf("%w: lone surrogate escape %s%s at byte %d", e.kind.sentinel(), data[e.offset:][:6], where, e.offset)
		case duplicateKeyProblem:
			key := pointerUnescaper.Replace(e.path[len(e.path)-1].s)
			err = fmt.Errorf("%w key %s", e.kind.sentinel(), excerpt(key))
		}
		errs = append(errs, &ValidationError{Pointer: joinPointer(e.path), Err: err})
	}
	if p.total > DefaultMaxErrors {
		for _, e := range p.kept[DefaultMaxErrors:] {
			p.hide(e.kind)
		}
		errs = append(errs, tooMany(joinPointer(p.kept[DefaultMaxErrors].path), p.total-DefaultMaxErrors, p.hidden))
	}
	return errs
}

// comparePaths compares two JSON Pointers given as their escaped segments,
// as [comparePointers] does, and returns the index of the segment that
// decides: the first that differs, or the length of the shorter when one
// is a prefix of the other. Equal segments that are one string, as
// decodeJSON makes them, are equal without reading them, however long
// they are; the bytes it reads of the others count in p.compared.
//
// Two segments of at least longSegment bytes are compared once, and the
// result remembered: they are keys, one string for each text, and while
// the problems below one key come in an order that keeps each of them, one
// kept below another long key with a long common prefix, each would read
// that prefix again. A key is compared with at most DefaultMaxErrors+1
// others while the problems below it come, those kept when it starts, so
// what is remembered stays within a few times the number of long keys.
func (p *jsonProblems) comparePaths(a, b []pathSegment) (c, level int) {
	for i := range min(len(a), len(b)) {
		x, y := a[i], b[i]
		if sameString(x.s, y.s) || x.isNum && y.isNum && sameString(x.num, y.num) {
			continue // one string, or one number: "01" and "1"
		}
		var c int
		if len(x.s) >= longSegment && len(y.s) >= longSegment {
			c = p.compareLong(x, y)
		} else {
			var read int
			c, read = x.compare(y)
			p.compared += read
		}
		if c != 0 {
			return c, i
		}
	}
	return cmp.Compare(len(a), len(b)), min(len(a), len(b))
}

// compareLong compares two long segments, as compare does, once.
func (p *jsonProblems) compareLong(x, y pathSegment) int {
	kx, ky := uintptr(unsafe.Pointer(unsafe.StringData(x.s))), uintptr(unsafe.Pointer(unsafe.StringData(y.s)))
	sign := 1
	if kx > ky {
		kx, ky, sign = ky, kx, -1
	}
	k := [2]uintptr{kx, ky}
	c, ok := p.orders[k]
	if !ok {
		var read int
		c, read = x.compare(y)
		p.compared += read
		c *= sign // as the lower address compares with the higher
		if p.orders == nil {
			p.orders = map[[2]uintptr]int{}
		}
		p.orders[k] = c
	}
	return c * sign
}

// sameString reports whether a and b are one string: the same bytes at
// the same address, or both empty.
func sameString(a, b string) bool {
	return len(a) == len(b) && (len(a) == 0 || unsafe.StringData(a) == unsafe.StringData(b))
}

// loneSurrogate returns the index in raw, the bytes of a JSON string, of
// the first escaped surrogate that is not one of a pair: a high one
// (\ud800 to \udbff) not followed by an escaped low one (\udc00 to
// \udfff), or a low one alone. It returns -1 when there is none.
// encoding/json reads such an escape as U+FFFD, a character that the
// document does not hold.
func loneSurrogate(raw []byte) int {
	for i := 0; i < len(raw)-1; i++ {
		if raw[i] != '\\' {
			continue
		}
		r := escapedRune(raw[i:])
		switch {
		case r < 0:
			i++ // another escape: skip its character, which may be '\\'
			continue
		case 0xD800 <= r && r < 0xDC00:
			if low := escapedRune(raw[i+6:]); 0xDC00 <= low && low < 0xE000 {
				i += 6
			} else {
				return i
			}
		case 0xDC00 <= r && r < 0xE000:
			return i
		}
		i += 5
	}
	return -1
}

// escapedRune returns the character of the \uXXXX escape that b starts
// with, or -1 when b does not start with one.
func escapedRune(b []byte) rune {
	if len(b) < 6 || b[0] != '\\' || b[1] != 'u' {
		return -1
	}
	r, err := strconv.ParseUint(string(b[2:6]), 16, 16)
	if err != nil {
		return -1
	}
	return rune(r)
}

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

// digestOf returns the digest that doc holds, doc being a document that
// decodeJSON returned and the schema accepts: what json.Unmarshal makes of
// the document's bytes, without reading them again. ok is false when doc
// does not have the shape of a digest, each of its keys present with the
// type that the schema gives it, and no other key.
func digestOf(doc any) (d *Digest, ok bool) {
	m, _ := doc.(map[string]any)
	cs, _ := m["core_subject"].(map[string]any)
	list, _ := m["entities"].([]any)
	if len(m) != 7 || len(cs) != 2 || list == nil {
		return nil, false
	}
	d = &Digest{Entities: make([]Entity, len(list))}
	ok = jsonString(m["title"], &d.Title) && jsonString(m["subtitle"], &d.Subtitle) &&
		jsonString(m["summary"], &d.Summary) && jsonStrings(m["highlights"], &d.Highlights) &&
		jsonString(cs["heading"], &d.CoreSubject.Heading) && jsonStrings(cs["paragraphs"], &d.CoreSubject.Paragraphs) &&
		jsonStrings(m["keywords"], &d.Keywords)
	if !ok {
		return nil, false
	}
	for i, item := range list {
		e, _ := item.(map[string]any)
		var typ string
		if len(e) != 3 || !jsonString(e["name"], &d.Entities[i].Name) || !jsonString(e["type"], &typ) ||
			!jsonString(e["description"], &d.Entities[i].Description) {
			return nil, false
		}
		d.Entities[i].Type = EntityType(typ)
	}
	return d, true
}

// jsonString sets *s to v and reports whether v is a string.
func jsonString(v any, s *string) (ok bool) {
	*s, ok = v.(string)
	return ok
}

// jsonStrings sets *s to the strings of v and reports whether v is a list
// of strings.
func jsonStrings(v any, s *[]string) bool {
	list, ok := v.([]any)
	if !ok {
		return false
	}
	*s = make([]string, len(list))
	for i, item := range list {
		if (*s)[i], ok = item.(string); !ok {
			return false
		}
	}
	return true
}
