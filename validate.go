package digest

import (
	"encoding/binary"
	"errors"
	"fmt"
	"hash/maphash"
	"math/bits"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"golang.org/x/text/cases"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"

	"digest/internal/lex"
)

// The errors that can be returned in [ValidationError.Err], usually
// wrapped with detail such as the offending value, quoted. Besides these,
// [Validate] reports [ErrInvalidUTF8], [ErrControlChar],
// [ErrUnknownEntityType], and [ErrTooLarge] together with
// [ErrNotRoundTrip] for a canonical text over the size limit, and
// [ValidateJSON] reports [ErrTooLarge] for a document over it: the same
// sentinels as [Parse], for the same problems; both end a list cut
// at [DefaultMaxErrors] with one wrapping [ErrTooManyErrors]. An
// [ErrSchema] error of ValidateJSON also wraps the sentinel of Validate
// for the same rule, where there is one: [ErrEmpty], [ErrTooLong],
// [ErrUnknownEntityType], [ErrWhiteSpace], [ErrControlChar] or
// [ErrLineBreak].
var (
	// ErrEmpty means that a required text is empty (title, summary,
	// entity name and description), or that a list holds an empty string.
	ErrEmpty = errors.New("empty")
	// ErrWhiteSpace means that a text, or a line of the subtitle or
	// summary, begins or ends with white space or an invisible format
	// character: what the text form trims (FORMAT.md §1.3).
	ErrWhiteSpace = errors.New("leading or trailing white space")
	// ErrLineBreak means a line break where none is allowed. Only the
	// subtitle and summary may hold "\n", and only between two non-empty
	// lines; CR, U+0085, U+2028 and U+2029 are never allowed.
	ErrLineBreak = errors.New("line break")
	// ErrNotNFC means that a text is not in Unicode Normalization Form C.
	ErrNotNFC = errors.New("not in Unicode NFC")
	// ErrTooLong means that a text has more characters, or a list more
	// items, than the schema allows.
	ErrTooLong = errors.New("too long")
	// ErrDuplicate means a keyword or entity name equal, after case
	// folding, to an earlier one; or, in a JSON document, an object key
	// seen twice.
	ErrDuplicate = errors.New("duplicate")
	// ErrNotRoundTrip means a value that would not read back unchanged
	// from the canonical text form that [Format] writes.
	ErrNotRoundTrip = errors.New("would not read back unchanged")
	// ErrInvalidJSON means a document that is not JSON, holds more than
	// one JSON value, or nests arrays and objects more than 64 deep.
	ErrInvalidJSON = errors.New("invalid JSON")
	// ErrSchema means a document that the JSON Schema (see [Schema])
	// rejects. The detail is Validate's message where Validate has the
	// same rule ("/title: schema violation: empty title", and see
	// [ValidateJSON]), and otherwise the schema validator's ("missing
	// properties: 'summary'").
	ErrSchema = errors.New("schema violation")
)

// A ValidationError is a problem of a digest, at the value that a JSON
// Pointer (RFC 6901) names in the digest's JSON form.
type ValidationError struct {
	// Pointer names the bad value: "/entities/3/type", "/summary". It is
	// "" for the whole document.
	Pointer string
	Err     error // one of the Err* sentinels, usually wrapped with detail
}

// Error returns "POINTER: message", or the message alone when Pointer is
// "": `/keywords/2: duplicate keyword "gaza", the same as /keywords/0
// after case folding`. The message of an error from this package is always
// one line. Error shows at most 200 bytes of the pointer, then "…": a
// pointer that is not printable, such as one naming an object key that
// holds a line break, is quoted as a Go string, `"/a\nb": duplicate key
// "a\nb"`.
func (e *ValidationError) Error() string {
	msg := "<nil>" // as ParseError shows a nil Err
	if e.Err != nil {
		msg = e.Err.Error()
	}
	if e.Pointer == "" {
		return msg
	}
	return displayPointer(e.Pointer) + ": " + msg
}

// maxPointer is the most bytes of a JSON Pointer that an error message
// shows: an object key may be long.
const maxPointer = 200

// displayPointer returns p as an error message shows it: cut after at
// most maxPointer bytes, between two characters and not inside an escape
// ("~0", "~1"), with "…"; and quoted when it is not printable.
func displayPointer(p string) string {
	if len(p) > maxPointer {
		i := maxPointer
		for i > maxPointer-utf8.UTFMax+1 && !utf8.RuneStart(p[i]) {
			i-- // at most three bytes back: past them, p is not UTF-8
		}
		if p[i-1] == '~' {
			i--
		}
		p = p[:i] + "…"
	}
	if !printable(p) {
		return strconv.Quote(p)
	}
	return p
}

// printable reports whether s is UTF-8 and every character of it is
// printable, as [strconv.IsPrint] says: a space is, a line break is not.
func printable(s string) bool {
	if !utf8.ValidString(s) {
		return false
	}
	for _, r := range s {
		if !strconv.IsPrint(r) {
			return false
		}
	}
	return true
}

// Unwrap returns e.Err, so that errors.Is(e, ErrDuplicate) works.
func (e *ValidationError) Unwrap() error { return e.Err }

// ValidationErrors is the list of problems [Validate] or [ValidateJSON]
// found, sorted by pointer: segment by segment, numbers as numbers, so that
// /entities/2 comes before /entities/10. Problems at the same pointer keep
// the order in which they were found, but for those the schema finds: first
// the problems of the value, in the order of their messages, then its keys
// that the schema does not allow, sorted by key, byte by byte. Past
// [DefaultMaxErrors] problems, the list holds the first DefaultMaxErrors
// and one last error at the pointer of the next problem, which wraps
// [ErrTooManyErrors] and the sentinels of the problems it counts (to sort
// the errors one by one, test ErrTooManyErrors first):
// "/keywords/12: too many errors: 5 more not shown".
type ValidationErrors []*ValidationError

// tooMany returns the last error of a list cut at DefaultMaxErrors: at p,
// the pointer of the first problem not shown, it counts those not shown,
// whose sentinels h holds.
func tooMany(p string, more int, h hidden) *ValidationError {
	return &ValidationError{Pointer: p, Err: tooManyErr(more, h)}
}

// Error returns the first error and how many more there are, those not
// shown past [ErrTooManyErrors] included: "/keywords/0: empty keyword (and
// 2 more errors)".
func (p ValidationErrors) Error() string {
	switch len(p) {
	case 0:
		return "no errors"
	case 1:
		return p[0].Error()
	}
	return p[0].Error() + andMore(p[1:])
}

// Unwrap returns the errors of the list, so that errors.Is and errors.As
// look into every one of them.
func (p ValidationErrors) Unwrap() []error {
	errs := make([]error, len(p))
	for i, e := range p {
		errs[i] = e
	}
	return errs
}

// Bounds of the schema (schema/digest.schema.json), in characters and
// items, that Validate checks too.
const (
	maxShort = 4096    // title, heading, keyword, entity name
	maxLong  = 4 << 20 // subtitle, summary, highlight, paragraph, description
	maxItems = 100000  // every list
)

// Validate reports what is wrong with d as a digest (FORMAT.md §8), on the
// Go value itself. It returns nil for a valid digest, or a
// [ValidationErrors] with the problems sorted by pointer: the first
// [DefaultMaxErrors] of them, and one that counts the others. A digest is
// valid when:
//
//   - the title and summary are not empty ([ErrEmpty]);
//   - no list holds an empty string, and every entity has a name and a
//     description ([ErrEmpty]);
//   - no text holds bytes that are not UTF-8 ([ErrInvalidUTF8]);
//   - no text begins or ends with white space or one of the invisible
//     characters the text form trims ([ErrWhiteSpace]);
//   - no text holds a control character, U+0000–U+001F or U+007F–U+009F,
//     other than the line breaks LF, CR and U+0085, which the next rule
//     covers ([ErrControlChar]). Tab counts as one: the text form would
//     read it back as a space;
//   - only the subtitle and summary hold line breaks, only "\n", and only
//     between two non-empty lines ([ErrLineBreak]); each of their lines is
//     held to the rules of a one-line text;
//   - every text is in NFC ([ErrNotNFC]);
//   - no text is longer, and no list has more items, than the schema
//     allows: 4096 characters for the title, heading, keywords and entity
//     names, 4194304 (4 Mi) characters for the other texts, 100000 items a
//     list ([ErrTooLong]);
//   - every entity type is a known one, in its canonical spelling
//     ([ErrUnknownEntityType]; the empty type is unknown too);
//   - no two keywords, and no two entity names, are equal after Unicode
//     case folding ([ErrDuplicate], at the later one);
//   - the digest reads back unchanged from its canonical text form, that
//     is Parse(Format(d)) equals d, a nil list and an empty one alike
//     ([ErrNotRoundTrip]). Validate checks this without formatting: the
//     canonical text is no longer than [DefaultMaxSize] bytes, which Parse
//     reads (an error at the pointer "", which wraps [ErrTooLarge] too,
//     checked only when nothing else is wrong); no text holds two spaces in
//     a row, U+200B or U+FEFF (reading would collapse or remove them), or
//     more than 30 non-starters in a row (most combining marks; the package
//     documentation says how they are counted; reading would insert U+034F
//     after the 30th); no title, subtitle or summary line, heading,
//     paragraph or entity name reads as a section header; a non-empty
//     heading does not end with sentence-final punctuation (reading would
//     make it a paragraph), and with an empty heading the first paragraph
//     does (or it would read as the heading); a keyword holds no separator
//     (',', ';', '،', '、', '，', '؛') and does not start with '#' or a list
//     marker; an entity name does not start with an icon (it would read as a
//     type line); a description does not start with one of the separators a
//     type line skips (':', '-', '–', '—', '·', '|').
//
// These are the rules of the JSON Schema (see [Schema]) that a Digest can
// break, and the rules a schema cannot say. A message that names the
// character at fault gives its byte offset in the text, from 0, or in the
// line it names ("at byte 3 in line 2"), since the quotation shows only a
// text's first characters. The rules of reading back that are particular
// to a field (headers, punctuation, separators, icons) are checked only on
// a text, or line, free of other problems, so that one mistake gives one
// error. So too, a control character or line break at a text's end, such
// as "\v" or U+2028, which is white space as well, gives [ErrControlChar]
// or [ErrLineBreak] alone, not [ErrWhiteSpace] besides; and empty
// keywords or names, each an [ErrEmpty], are not also duplicates of one
// another.
//
// Validate does not change d, is safe for concurrent use, and for a valid
// digest allocates nothing in the steady state. A nil d is validated as an
// empty digest. [Parser.Validate] validates with other options.
func Validate(d *Digest) error {
	var p Parser
	return p.Validate(d)
}

// Validate validates d as the package function [Validate] does, with p's
// options: the canonical text of d is to be no longer than p.MaxSize, so
// that p.Parse reads it back, and with p.AllErrors set every problem is
// reported.
func (p *Parser) Validate(d *Digest) error {
	if d == nil {
		d = &Digest{}
	}
	v := validator{all: p.AllErrors}
	v.digest(d)
	// Past the other rules, formatSize gives the exact length. The bound
	// that costs less comes first: most digests are far below the limit.
	limit := p.maxSize()
	if v.found == 0 && int64(formatSize(d, false)) > limit {
		if n := formatSize(d, true); int64(n) > limit {
			// Always kept: nothing else was found. Parse would refuse
			// the text as too large, so the error wraps ErrTooLarge too.
			if v.keep(at(""), ErrNotRoundTrip) {
				msg := fmt.Sprintf("%v: the canonical text would be %d bytes, more than the %d that Parse reads", ErrNotRoundTrip, n, limit)
				v.add(at(""), relabeled{msg, errors.Join(ErrNotRoundTrip, ErrTooLarge)})
			}
		}
	}
	return v.err()
}

// ValidateJSON reads a digest from its JSON form (FORMAT.md §6), as a
// document from outside, and validates it.
//
// A byte order mark before the document is passed over (RFC 8259 §8.1
// lets a reader ignore it); byte offsets in errors count it. A document in
// UTF-16 or UTF-32 is not read, as RFC 8259 §8.1 asks for UTF-8: the
// message of its syntax error names its encoding, as [Parse]'s does for a
// text.
//
// It rejects, with a nil digest: a document larger than [DefaultMaxSize]
// ([ErrTooLarge]); one that is not JSON ([ErrInvalidJSON], at the value
// being read, or at the value a bad token is glued to, as the '1' of 01,
// with the byte offset of the token or end of input at fault, and the
// character at fault named whole, or, for a second value after the
// document's, whole or not, "more than one value" and its byte offset; in a
// message that is the same whether encoding/json is built with
// GOEXPERIMENT=jsonv2 or not; the error wraps encoding/json's
// *json.SyntaxError where there is one, but its Offset is encoding/json's
// count, which may start inside the document: the byte offset is the
// message's); one that nests arrays and objects more than 64 deep, where a
// digest nests 3 ([ErrInvalidJSON], at the value one too deep, with its
// byte offset); one that is not UTF-8 ([ErrInvalidUTF8], one error for each
// string that holds such bytes, at the first; outside a string, such a byte
// is a syntax error too, and its error wraps both sentinels), or holds an
// escaped surrogate that is not one of a pair, such as "\ud800", which is
// no character ([ErrInvalidUTF8] too, at the first in a string with no bad
// byte); an object with a key seen twice ([ErrDuplicate], at the second);
// one that the schema rejects ([ErrSchema]: a missing or extra key, null, a
// value of the wrong JSON type, a text that breaks a rule the schema
// states; each extra key is an error at the pointer of its object, and the
// items of a list longer than the schema allows are not checked). A value
// that the schema rejects by a rule that Validate has too gets Validate's
// message, and its error wraps Validate's sentinel too: an empty text
// ([ErrEmpty]), one too long or a list too long ([ErrTooLong]), an unknown
// entity type ([ErrUnknownEntityType]), a text whose white space, control
// characters or line breaks the schema's pattern rejects ([ErrWhiteSpace],
// [ErrControlChar], [ErrLineBreak]): `/title: schema violation: leading or
// trailing white space: U+00A0 at the end: "Gaza\u00a0"`. Each error is a
// [*ValidationError] in a [ValidationErrors], which holds the first
// [DefaultMaxErrors] by pointer and one that counts the others, as for
// [Validate]. Otherwise it returns the digest, together with the error of
// [Validate] for it, nil when it is valid. That error is never Validate's
// [ErrTooLarge]: a digest's canonical text is shorter than any JSON form of
// it, so a document within the limit gives a text within it. As with
// [Parse], the digest's values are, where they can be, slices of one copy
// of data: it shares no memory with data, but a value kept alone keeps that
// copy alive.
//
// The size limit counts the bytes of the JSON, keys, quotes, escapes and
// white space included, not those of the canonical text that [Validate]
// limits: json.Marshal writes '<' as the six bytes \u003c, so a valid
// digest of more than about 700 KB of text may have a JSON form too large
// to read. [Parser.ValidateJSON] reads with other options.
func ValidateJSON(data []byte) (*Digest, error) {
	var p Parser
	return p.ValidateJSON(data)
}

// ValidateJSON reads and validates a digest from its JSON form as the
// package function [ValidateJSON] does, with p's options: the document may
// be as large as p.MaxSize, its digest is validated as [Parser.Validate]
// does, and with p.AllErrors every problem of the schema and of Validate
// is reported, whatever it costs (the schema validator builds a message of
// several hundred bytes for each bad item of a list), but for the items of
// a list longer than the schema allows, which are not checked. The problems of
// decoding, bytes that are not UTF-8, lone surrogates and keys seen twice,
// stay cut at DefaultMaxErrors: each names a JSON Pointer into the
// document, as long as the keys on its way, so that all of them could take
// memory of the order of the square of the document's size. A key that is
// not UTF-8, or holds a lone surrogate, stands in pointers with U+FFFD in
// place of each bad byte or surrogate: no pointer could name it. As without
// AllErrors, each step reports only when the one before found nothing: a
// document with problems of decoding is not checked against the schema,
// and the digest of one that the schema rejects is not validated.
func (p *Parser) ValidateJSON(data []byte) (*Digest, error) {
	if limit := p.maxSize(); int64(len(data)) > limit {
		return nil, ValidationErrors{{Err: tooLargeErr(limit)}}
	}
	doc, errs := decodeJSON(data)
	if errs != nil {
		return nil, errs
	}
	// The schema accepts every document of the shape of a digest whose
	// digest Validate accepts: its rules are a part of Validate's
	// (FuzzValidateJSON checks that whatever it rejects, Validate does
	// too). So a valid digest needs no schema validator, which costs most
	// of the time otherwise; any other document goes through it, for its
	// errors.
	d, ok := digestOf(doc)
	var invalid error
	if ok {
		if invalid = p.Validate(d); invalid == nil {
			return d, nil
		}
	}
	errs, err := checkSchema(doc, p.AllErrors)
	if err != nil {
		return nil, err
	}
	if errs != nil {
		return nil, errs
	}
	if !ok {
		return nil, errors.New("digest: the schema accepted a document that a Digest cannot hold")
	}
	return d, invalid
}

// A field describes a text field of a digest for validation.
type field struct {
	what     string // its name in messages: "title", "keyword"
	required bool   // may not be empty
	multi    bool   // lines joined with "\n": subtitle and summary
	line     bool   // each of its lines is a line of the text form, which must not read as a header
	max      int    // the most characters
}

var (
	titleField       = field{what: "title", required: true, line: true, max: maxShort}
	subtitleField    = field{what: "subtitle", multi: true, line: true, max: maxLong}
	summaryField     = field{what: "summary", required: true, multi: true, line: true, max: maxLong}
	highlightField   = field{what: "highlight", required: true, max: maxLong}
	headingField     = field{what: "heading", line: true, max: maxShort}
	paragraphField   = field{what: "paragraph", required: true, line: true, max: maxLong}
	keywordField     = field{what: "keyword", required: true, max: maxShort}
	nameField        = field{what: "entity name", required: true, line: true, max: maxShort}
	descriptionField = field{what: "entity description", required: true, max: maxLong}
)

// A pointer is the JSON Pointer of a value, built only when an error needs
// it: base, then "/index" and field when index is not negative.
type pointer struct {
	base  string // "/title", "/entities"
	index int    // -1 for a value that is not in a list
	field string // "/name", or ""
}

func (p pointer) String() string {
	if p.index < 0 {
		return p.base
	}
	return p.base + "/" + strconv.Itoa(p.index) + p.field
}

// at returns the pointer of a value that is not in a list.
func at(base string) pointer { return pointer{base: base, index: -1} }

// validator collects the problems of one digest: the first
// DefaultMaxErrors, and how many there are.
type validator struct {
	errs   ValidationErrors
	found  int     // the problems found, kept or not
	next   pointer // the first problem not kept
	hidden hidden  // the sentinels of the problems not kept
	all    bool    // keep every problem (Parser.AllErrors)
}

// keep counts a problem at p, which wraps sentinel, and reports whether it
// is one of the first DefaultMaxErrors, which the caller then formats and
// gives to add. Of the others, keep notes the sentinel, for the error
// that counts them: nothing of them is formatted.
func (v *validator) keep(p pointer, sentinel error) bool {
	v.found++
	if v.all || len(v.errs) < DefaultMaxErrors {
		return true
	}
	if v.found == DefaultMaxErrors+1 {
		v.next = p
	}
	v.hidden.add(sentinel)
	return false
}

// add records a problem at p that keep said to keep.
func (v *validator) add(p pointer, err error) {
	v.errs = append(v.errs, &ValidationError{Pointer: p.String(), Err: err})
}

// err returns the problems found, nil for none. They are in the order of
// their pointers, since digest finds them in that order.
func (v *validator) err() error {
	if v.found == 0 {
		return nil
	}
	if more := v.found - len(v.errs); more > 0 {
		return append(v.errs, tooMany(v.next.String(), more, v.hidden))
	}
	return v.errs
}

// digest checks every value of d. It visits them in the order of their
// pointers (see [comparePointers]), so that the problems come sorted and
// the first DefaultMaxErrors found are the first by pointer: core_subject,
// entities, highlights, keywords, subtitle, summary, title; in an entity,
// description, name, type.
func (v *validator) digest(d *Digest) {
	cs := &d.CoreSubject
	heading := at("/core_subject/heading")
	if v.text(heading, &headingField, cs.Heading) && lex.EndsSentence(cs.Heading) && v.keep(heading, ErrNotRoundTrip) {
		v.add(heading, fmt.Errorf("%w: the heading %s ends with sentence-final punctuation and would read as a paragraph", ErrNotRoundTrip, excerpt(cs.Heading)))
	}
	v.count(at("/core_subject/paragraphs"), "paragraphs", len(cs.Paragraphs))
	for i, p := range cs.Paragraphs {
		ptr := pointer{"/core_subject/paragraphs", i, ""}
		if v.text(ptr, &paragraphField, p) && i == 0 && cs.Heading == "" && !lex.EndsSentence(p) && v.keep(ptr, ErrNotRoundTrip) {
			v.add(ptr, fmt.Errorf("%w: with no heading, the first paragraph %s would read as the heading: it does not end with sentence-final punctuation", ErrNotRoundTrip, excerpt(p)))
		}
	}

	v.count(at("/entities"), "entities", len(d.Entities))
	names := foldKeys(len(d.Entities), func(i int) string { return d.Entities[i].Name })
	for i := range d.Entities {
		e := &d.Entities[i]
		ptr := pointer{"/entities", i, "/description"}
		if v.text(ptr, &descriptionField, e.Description) {
			if r, _ := utf8.DecodeRuneInString(e.Description); lex.IsTypeSeparator(r) && v.keep(ptr, ErrNotRoundTrip) {
				v.add(ptr, fmt.Errorf("%w: the type line would drop the %q that starts the description %s", ErrNotRoundTrip, r, excerpt(e.Description)))
			}
		}
		ptr.field = "/name"
		if v.text(ptr, &nameField, e.Name) && lex.IconLen(e.Name) > 0 && v.keep(ptr, ErrNotRoundTrip) {
			v.add(ptr, fmt.Errorf("%w: the entity name %s starts with an icon and would read as a type line", ErrNotRoundTrip, excerpt(e.Name)))
		}
		if j, ok := names.earlier(i); ok && v.keep(ptr, ErrDuplicate) {
			v.add(ptr, fmt.Errorf("%w entity name %s, the same as /entities/%d/name after case folding", ErrDuplicate, excerpt(e.Name), j))
		}
		ptr.field = "/type"
		if !e.Type.Known() && v.keep(ptr, ErrUnknownEntityType) {
			v.add(ptr, unknownTypeError(string(e.Type)))
		}
	}
	names.release()

	v.count(at("/highlights"), "highlights", len(d.Highlights))
	for i, h := range d.Highlights {
		// Format writes "- " before a highlight and Parse takes off exactly
		// one marker, so any clean highlight reads back unchanged.
		v.text(pointer{"/highlights", i, ""}, &highlightField, h)
	}

	v.count(at("/keywords"), "keywords", len(d.Keywords))
	keywords := foldKeys(len(d.Keywords), func(i int) string { return d.Keywords[i] })
	for i, k := range d.Keywords {
		ptr := pointer{"/keywords", i, ""}
		if v.text(ptr, &keywordField, k) {
			v.keyword(ptr, k)
		}
		if j, ok := keywords.earlier(i); ok && v.keep(ptr, ErrDuplicate) {
			v.add(ptr, fmt.Errorf("%w keyword %s, the same as /keywords/%d after case folding", ErrDuplicate, excerpt(k), j))
		}
	}
	keywords.release()

	v.text(at("/subtitle"), &subtitleField, d.Subtitle)
	v.text(at("/summary"), &summaryField, d.Summary)
	v.text(at("/title"), &titleField, d.Title)
}

// keyword checks that k, a clean keyword at p, reads back unchanged: Format
// writes "- " before a keyword; Parse splits the line at separators and
// cleans each piece.
func (v *validator) keyword(p pointer, k string) {
	if piece, _, cut := lex.CutKeyword(k); cut {
		sep, _ := utf8.DecodeRuneInString(k[len(piece):])
		if v.keep(p, ErrNotRoundTrip) {
			v.add(p, fmt.Errorf("%w: the separator %q would split the keyword %s", ErrNotRoundTrip, sep, excerpt(k)))
		}
	} else if c := lex.CleanKeyword(k); c != k {
		if v.keep(p, ErrNotRoundTrip) {
			v.add(p, fmt.Errorf("%w: the keyword %s would read back as %s", ErrNotRoundTrip, excerpt(k), excerpt(c)))
		}
	}
}

// unknownTypeError returns the error for t, an entity type that is not
// one of EntityTypes.
func unknownTypeError(t string) error {
	return fmt.Errorf("%w %s", ErrUnknownEntityType, excerpt(t))
}

// emptyError returns the error for a value of f, a required field, that
// is empty.
func emptyError(f *field) error { return fmt.Errorf("%w %s", ErrEmpty, f.what) }

// tooLongError returns the error for a value of f of n characters, more
// than f.max.
func tooLongError(f *field, n int) error {
	return fmt.Errorf("%w: %d characters in the %s, at most %d", ErrTooLong, n, f.what, f.max)
}

// tooManyError returns the error for a list, what, of n items, more than
// maxItems.
func tooManyError(what string, n int) error {
	return fmt.Errorf("%w: %d %s, at most %d", ErrTooLong, n, what, maxItems)
}

// count checks the length of a list.
func (v *validator) count(p pointer, what string, n int) {
	if n > maxItems && v.keep(p, ErrTooLong) {
		v.add(p, tooManyError(what, n))
	}
}

// text checks s, the value of field f at p, and reports whether it is
// clean: free of any problem of its own, so that the caller may check the
// rules of reading back that are particular to the field.
func (v *validator) text(p pointer, f *field, s string) bool {
	if s == "" {
		if f.required {
			if v.keep(p, ErrEmpty) {
				v.add(p, emptyError(f))
			}
			return false
		}
		return true
	}
	n := v.found
	if len(s) > f.max { // a character is at least one byte
		if c := utf8.RuneCountInString(s); c > f.max && v.keep(p, ErrTooLong) {
			v.add(p, tooLongError(f, c))
		}
	}
	if !f.multi || strings.IndexByte(s, '\n') < 0 {
		v.line(p, f, s, 0)
		return v.found == n
	}
	if s[0] == '\n' && v.keep(p, ErrLineBreak) {
		v.add(p, fmt.Errorf("%w at the start of %s", ErrLineBreak, excerpt(s)))
	}
	if s[len(s)-1] == '\n' && v.keep(p, ErrLineBreak) {
		v.add(p, fmt.Errorf("%w at the end of %s", ErrLineBreak, excerpt(s)))
	}
	num := 0
	for rest := s; rest != ""; {
		var line string
		line, rest, _ = strings.Cut(rest, "\n")
		num++
		switch {
		case line != "":
			v.line(p, f, line, num)
		case num > 1 && rest != "": // an empty first or last line was reported above
			if v.keep(p, ErrLineBreak) {
				v.add(p, fmt.Errorf("%w: line %d of %s is empty", ErrLineBreak, num, excerpt(s)))
			}
		}
	}
	return v.found == n
}

// line checks s, a non-empty value of field f at p or, when num > 0, its
// line number num. In the checks of this function a one-line value and a
// line of a multi-line value are the same.
func (v *validator) line(p pointer, f *field, s string, num int) {
	var (
		ctrl, brk     rune = -1, -1 // the first control character and line break
		ctrlAt, brkAt int           // and their byte offsets
		badAt         = -1          // the offset of the first byte that is not UTF-8
		mayChange     bool          // holds a character that may not be NFC (lex.AlwaysNFC)
		inner         bool          // holds two spaces in a row, U+200B or U+FEFF
	)
	for i := 0; i < len(s); {
		var double bool
		i, double = lex.Plain(s, i)
		inner = inner || double
		if i == len(s) {
			break
		}
		c := s[i]
		if c < utf8.RuneSelf {
			i++
			switch {
			case c == '\n' || c == '\r':
				if brk < 0 {
					brk, brkAt = rune(c), i-1
				}
			default:
				if ctrl < 0 {
					ctrl, ctrlAt = rune(c), i-1
				}
			}
			continue
		}
		if j := lex.Letters(s, i); j > i {
			i = j // a run of letters in another script
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			if badAt < 0 {
				badAt = i
			}
		case r == 0x85 || r == 0x2028 || r == 0x2029:
			if brk < 0 {
				brk, brkAt = r, i
			}
		case r < 0xa0:
			if ctrl < 0 {
				ctrl, ctrlAt = r, i
			}
		case r == 0x200B || r == 0xFEFF:
			inner = true
		case r >= 0x300 && !lex.AlwaysNFC(r):
			mayChange = true
		}
		i += size
	}
	badUTF8 := badAt >= 0

	n := v.found
	if badUTF8 && v.keep(p, ErrInvalidUTF8) {
		v.add(p, fmt.Errorf("%w at byte %d%s: %s", ErrInvalidUTF8, badAt, inLine(num), excerpt(s)))
	}
	if ctrl >= 0 && v.keep(p, ErrControlChar) {
		v.add(p, fmt.Errorf("%w %U at byte %d%s: %s", ErrControlChar, ctrl, ctrlAt, inLine(num), excerpt(s)))
	}
	if brk >= 0 && v.keep(p, ErrLineBreak) {
		v.add(p, fmt.Errorf("%w %U at byte %d%s: %s", ErrLineBreak, brk, brkAt, inLine(num), excerpt(s)))
	}
	if !lex.Untrimmed(s) {
		v.ends(p, s, num, ctrl >= 0 || brk >= 0)
	}
	if mayChange && !badUTF8 && !lex.IsNFC(s) {
		// Not NFC, or NFC but for the joiner that reading would insert.
		if i, seg, ok := notNFC(s); ok {
			if v.keep(p, ErrNotNFC) {
				v.add(p, fmt.Errorf("%w: %+q at byte %d%s: %s", ErrNotNFC, seg, i, inLine(num), excerpt(s)))
			}
		} else if v.keep(p, ErrNotRoundTrip) {
			v.add(p, fmt.Errorf("%w: reading would insert U+034F COMBINING GRAPHEME JOINER at byte %d, after the 30th combining mark in a row%s: %s",
				ErrNotRoundTrip, cgjAt(s), inLine(num), excerpt(s)))
		}
	}
	// Reading would collapse a run of spaces and remove U+200B and U+FEFF;
	// at an end they are white space, reported above.
	if inner {
		t := lex.TrimLeft(s)
		start := len(s) - len(t) // the offset of t in s
		t = lex.TrimRight(t)
		if i := strings.Index(t, "  "); i >= 0 {
			if v.keep(p, ErrNotRoundTrip) {
				v.add(p, fmt.Errorf("%w: two spaces in a row at byte %d%s would read back as one: %s", ErrNotRoundTrip, start+i, inLine(num), excerpt(s)))
			}
		} else if i := strings.IndexAny(t, "\u200B\uFEFF"); i >= 0 {
			if v.keep(p, ErrNotRoundTrip) {
				r, _ := utf8.DecodeRuneInString(t[i:])
				v.add(p, fmt.Errorf("%w: %U at byte %d%s would be removed: %s", ErrNotRoundTrip, r, start+i, inLine(num), excerpt(s)))
			}
		}
	}
	if v.found == n && f.line {
		if h, ok := lex.ParseHeader(s); ok && v.keep(p, ErrNotRoundTrip) {
			v.add(p, fmt.Errorf("%w: the %s%s would read as the header %s: %s", ErrNotRoundTrip, f.what, lineWord(num), sectionHeaders[h.Section], excerpt(s)))
		}
	}
}

// ends checks that s, a non-empty line of a value at p, neither starts
// nor ends with white space; ctrl tells that s holds a control character
// or line break, reported already, as is one at an end.
func (v *validator) ends(p pointer, s string, num int, ctrl bool) {
	first, _ := utf8.DecodeRuneInString(s)
	last, _ := utf8.DecodeLastRuneInString(s)
	switch t := lex.TrimLeft(s); {
	case t == "":
		if !ctrl && v.keep(p, ErrWhiteSpace) {
			v.add(p, fmt.Errorf("%w: nothing but white space%s: %s", ErrWhiteSpace, inLine(num), excerpt(s)))
		}
	case t != s && !isControl(first):
		if v.keep(p, ErrWhiteSpace) {
			v.add(p, fmt.Errorf("%w: %U at the start%s: %s", ErrWhiteSpace, first, inLine(num), excerpt(s)))
		}
		fallthrough
	default:
		if lex.TrimRight(t) != t && !isControl(last) && v.keep(p, ErrWhiteSpace) {
			v.add(p, fmt.Errorf("%w: %U at the end%s: %s", ErrWhiteSpace, last, inLine(num), excerpt(s)))
		}
	}
}

// isControl reports whether r is a control character, line breaks
// included.
func isControl(r rune) bool { return r < 0x20 || 0x7f <= r && r < 0xa0 || r == 0x2028 || r == 0x2029 }

// inLine returns " in line N" for a line number, "" for 0.
func inLine(num int) string {
	if num == 0 {
		return ""
	}
	return " in line " + strconv.Itoa(num)
}

// lineWord returns "'s line N" for a line number, "" for 0.
func lineWord(num int) string {
	if num == 0 {
		return ""
	}
	return "'s line " + strconv.Itoa(num)
}

// foldKeys returns a folder holding the n keys, case folded, for
// [folder.earlier] to find duplicates among them. The folder comes from a
// pool, so that checking a list allocates nothing in the common case; the
// caller gives it back with [folder.release]. A list of fewer than two
// keys, which holds no duplicates, needs none: foldKeys returns nil, which
// earlier and release accept.
func foldKeys(n int, key func(int) string) *folder {
	if n < 2 {
		return nil
	}
	f := folders.Get().(*folder)
	for i := range n {
		f.add(key(i))
	}
	if n > 32 {
		// A long list is checked with a hash table of more than twice
		// as many slots as keys, so that a probe soon finds an empty
		// one; it is kept with the folder for the next long list.
		size := 1 << bits.Len(uint(2*n))
		if cap(f.table) < size {
			f.table = make([]uint64, size)
		} else {
			f.table = f.table[:size]
			clear(f.table)
		}
	}
	return f
}

// earlier returns the index of the first key before key i that equals it,
// and whether there is one. An empty key equals none. It must be called
// for each key in turn, from the first.
func (f *folder) earlier(i int) (j int, ok bool) {
	if f == nil {
		return 0, false
	}
	start, end := f.bounds(i)
	if start == end {
		return 0, false
	}
	if len(f.table) > 0 {
		k, mask := f.buf[start:end], uint64(len(f.table)-1)
		hash := maphash.Bytes(hashSeed, k)
		tag := hash >> 32 << 32 // the high half of the hash, kept in each slot
		for h := hash & mask; ; h = (h + 1) & mask {
			slot := f.table[h]
			if slot == 0 {
				f.table[h] = tag | uint64(i+1)
				return 0, false
			}
			// Only a key with the same tag may be equal: the others
			// are passed over without reading them.
			if slot&^0xFFFFFFFF == tag {
				if j := int(uint32(slot)) - 1; string(f.key(j)) == string(k) {
					return j, true
				}
			}
		}
	}
	for j := range i {
		if string(f.key(j)) == string(f.buf[start:end]) {
			return j, true
		}
	}
	return 0, false
}

// release empties f and puts it back in the pool.
func (f *folder) release() {
	if f == nil {
		return
	}
	f.buf, f.ends = f.buf[:0], f.ends[:0]
	f.table = f.table[:0]
	folders.Put(f)
}

// folder holds case-folded keys, one after another in one buffer.
type folder struct {
	buf  []byte // the folded keys
	ends []int  // the end in buf of each key; each starts where the one before ends
	raw  []byte // a copy of the key being folded, for the transformer

	// For a long list, a hash table of the keys that earlier has seen:
	// each slot holds the index of a key plus one in its low 32 bits and
	// the high 32 bits of the key's hash in the others, or 0 when empty.
	// Colliding keys go to the next empty slot.
	table []uint64
}

// hashSeed seeds the hash of the folded keys of long lists. It is random,
// chosen when the program starts, so that no list can be made to collide.
var hashSeed = maphash.MakeSeed()

// folders keeps folders for reuse, so that finding duplicates allocates
// nothing once their buffers have grown.
var folders = sync.Pool{New: func() any { return new(folder) }}

// foldCase is Unicode full case folding; cases.Fold is stateless and safe
// for concurrent use.
var foldCase transform.Transformer = cases.Fold()

// latinFold maps each rune below U+0300 to the one rune that foldCase
// folds it to, or to 0 where it folds to more than one (ß to "ss") or is
// not valid alone. Case folding maps each rune on its own, so a text of
// such runes folds rune by rune. The table is built when the program
// starts, in buffers on the stack, so that building it allocates nothing:
// transform.String would allocate for each rune.
var latinFold = func() (t [0x300]rune) {
	var in [utf8.UTFMax]byte
	var out [16]byte // a rune below U+0300 folds to three bytes at most (İ)
	for r := range rune(len(t)) {
		n := utf8.EncodeRune(in[:], r)
		foldCase.Reset()
		m, _, err := foldCase.Transform(out[:], in[:n], true)
		if f, size := utf8.DecodeRune(out[:m]); err == nil && size == m && f != utf8.RuneError {
			t[r] = f
		}
	}
	return t
}()

// add folds s and appends it. Text below U+0300, as most names are, folds
// rune by rune with latinFold; any other goes through Unicode case
// folding.
func (f *folder) add(s string) {
	buf, start := f.buf, len(f.buf) // a local slice: no write to f per byte
	latin := true
	for i := 0; i < len(s); {
		if len(s) >= 8 {
			// The ASCII bytes from i, up to eight at a time: the word at
			// i or, near the end, the last word of s shifted so that
			// s[i] is its low byte. They are the bytes below the first
			// with its high bit set, which lowerASCII maps right: a sum
			// carries only upward, from that byte on.
			n, w := 8, uint64(0)
			if i+8 <= len(s) {
				w = lex.Load64(s, i)
			} else {
				n = len(s) - i
				w = lex.Load64(s, len(s)-8) >> (64 - 8*n)
			}
			if k := min(n, bits.TrailingZeros64(w&0x8080808080808080)/8); k > 0 {
				buf = binary.LittleEndian.AppendUint64(buf, lowerASCII(w))
				buf = buf[:len(buf)-8+k]
				i += k
				continue
			}
		}
		c := s[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			buf = append(buf, c)
			i++
			continue
		}
		// U+0080 to U+02FF, two bytes, decoded here: the letters of
		// most names that are not ASCII.
		if 0xC2 <= c && c <= 0xCB && i+1 < len(s) && s[i+1]&0xC0 == 0x80 {
			if r := latinFold[rune(c&0x1F)<<6|rune(s[i+1]&0x3F)]; r != 0 {
				switch {
				case r < utf8.RuneSelf:
					buf = append(buf, byte(r))
				case r < 0x800:
					buf = append(buf, 0xC0|byte(r>>6), 0x80|byte(r)&0x3F)
				default:
					buf = utf8.AppendRune(buf, r)
				}
				i += 2
				continue
			}
		}
		latin = false
		break
	}
	f.buf = buf
	if !latin {
		f.buf = f.buf[:start]
		f.raw = append(f.raw[:0], s...)
		// Append allocates, and exactly, when buf is full: grow it first,
		// so that the buffer grows by doubling.
		f.buf = slices.Grow(f.buf, len(s)+utf8.UTFMax)
		f.buf, _, _ = transform.Append(foldCase, f.buf, f.raw)
	}
	f.ends = append(f.ends, len(f.buf))
}

// lowerASCII maps the letters 'A' to 'Z' among the ASCII bytes of w to
// lower case. No sum carries from an ASCII byte to the next: it is below
// 0x80 and each constant below 0x40.
func lowerASCII(w uint64) uint64 {
	const (
		fromA = 0x3F3F3F3F3F3F3F3F // 0x80 - 'A': sets the high bit of a byte from 'A' up
		pastZ = 0x2525252525252525 // 0x80 - 'Z' - 1: sets it from past 'Z' up
	)
	upper := (w + fromA) &^ (w + pastZ) & 0x8080808080808080
	return w | upper>>2 // 0x80>>2 is 0x20, 'a' - 'A'
}

// bounds returns the start and end of the folded key i in buf.
func (f *folder) bounds(i int) (start, end int) {
	if i > 0 {
		start = f.ends[i-1]
	}
	return start, f.ends[i]
}

// key returns the folded key i.
func (f *folder) key(i int) []byte {
	start, end := f.bounds(i)
	return f.buf[start:end]
}

// comparePointers orders JSON Pointers segment by segment, segments of
// digits as numbers: "/entities/2" before "/entities/10", and a pointer
// before those below it.
func comparePointers(a, b string) int {
	for a != b {
		if a == "" {
			return -1
		}
		if b == "" {
			return 1
		}
		var sa, sb string
		sa, a = cutSegment(a)
		sb, b = cutSegment(b)
		if c := compareSegments(sa, sb); c != 0 {
			return c
		}
	}
	return 0
}

// cutSegment returns the first segment of p, a non-empty JSON Pointer, and
// the pointer below it.
func cutSegment(p string) (seg, rest string) {
	p = p[1:]
	if i := strings.IndexByte(p, '/'); i >= 0 {
		return p[:i], p[i:]
	}
	return p, ""
}

// compareSegments compares two pointer segments, as numbers when both are
// digits (see pathSegment.compare).
func compareSegments(a, b string) int {
	c, _ := newPathSegment(a).compare(newPathSegment(b))
	return c
}

// notNFC returns the first segment of s, a text that is not NFC as
// golang.org/x/text/unicode/norm tells it, that normalizing changes other
// than by inserting [lex.CGJ], and its offset; ok is false when there is none:
// s is NFC, but holds more than 30 non-starters in a row. A segment is
// a character that does not combine with the one before it, and the
// combining marks after it; normalizing changes each on its own. It does
// not allocate, so that problems past those shown cost nothing more.
func notNFC(s string) (i int, seg string, ok bool) {
	// QuickSpan stops at the first character that may combine with the
	// one before it, which needs not be the first that does.
	for i = norm.NFC.QuickSpanString(s); i < len(s); i += len(seg) {
		seg = s[i:][:max(1, norm.NFC.NextBoundaryInString(s[i:], true))]
		if !lex.NFCAddsOnlyJoiners(seg) {
			return i, seg, true
		}
	}
	return 0, "", false
}

// cgjAt returns the offset in s, a text that normalizing changes only by
// inserting [lex.CGJ], of the first it inserts: where the character that
// the joiner comes before starts. The bytes compared may part within that
// character, as U+034F (CD 8F) and a mark such as U+0345 (CD 85) share
// their first byte.
func cgjAt(s string) int {
	n := norm.NFC.String(s)
	i := 0
	for i < len(s) && s[i] == n[i] {
		i++
	}
	for i > 0 && i < len(s) && !utf8.RuneStart(s[i]) {
		i--
	}
	return i
}
