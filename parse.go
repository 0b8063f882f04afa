package digest

import (
	"errors"
	"fmt"
	"io"
	"math"
	"slices"
	"strings"
	"unsafe"

	"digest/internal/lex"
)

// DefaultMaxSize is the largest input, in bytes, that Parse accepts unless
// [Parser.MaxSize] says otherwise: 4 MiB.
const DefaultMaxSize = 4 << 20

// DefaultMaxErrors is how many errors Parse reports unless
// [Parser.AllErrors] is set. Past it, one last error wrapping
// [ErrTooManyErrors] tells how many more there were, and wraps their
// sentinels too. Validate and ValidateJSON report as many; so do
// [Parser.Validate] and [Parser.ValidateJSON] unless AllErrors is set
// (see Parser.ValidateJSON for the problems it leaves cut).
const DefaultMaxErrors = 10

// A Parser parses and validates digests with options. The zero value is
// ready to use and parses as [Parse] does, and validates as [Validate]
// and [ValidateJSON] do. A Parser may be used by several goroutines at once.
type Parser struct {
	// MaxSize is the largest input accepted, in bytes, text or JSON
	// document, and so the largest canonical text that [Parser.Validate]
	// accepts. Zero or less means DefaultMaxSize.
	MaxSize int64

	// AllErrors reports every error, of Parse, Validate and ValidateJSON
	// alike, but for those of decoding a JSON document and the items of a
	// list longer than the schema allows (see [Parser.ValidateJSON]). By
	// default the first DefaultMaxErrors errors are reported, followed by
	// one that counts the others.
	//
	// Every error then costs memory while the list is held, about 60
	// bytes for one of Parse: a text of DefaultMaxSize with a control
	// character at each byte gives four million errors, which hold about
	// 225 MiB. For input from outside, leave AllErrors off or keep
	// MaxSize small.
	AllErrors bool
}

// Parse reads a digest from its text form, as FORMAT.md defines it, with
// the default options of [Parser].
//
// When the text has problems, Parse returns the digest as far as it could
// read it together with an [ErrorList] of [*ParseError], sorted by
// position. Input larger than [DefaultMaxSize] gives a nil digest and one
// error wrapping [ErrTooLarge]. Parse is safe for concurrent use.
func Parse(data []byte) (*Digest, error) {
	var p Parser
	return p.Parse(data)
}

// ParseReader reads r to its end and parses what it read, as [Parse] does.
// It reads at most DefaultMaxSize+1 bytes, and leaves the rest of r
// unread: input larger than DefaultMaxSize gives a nil digest and one
// error wrapping [ErrTooLarge]. An error from r is returned as it is,
// with a nil digest.
func ParseReader(r io.Reader) (*Digest, error) {
	var p Parser
	return p.ParseReader(r)
}

// Parse parses data as the package function [Parse] does, with p's options.
func (p *Parser) Parse(data []byte) (*Digest, error) {
	if limit := p.maxSize(); int64(len(data)) > limit {
		// Read in place: tooLarge keeps a copy of one line only.
		return nil, tooLarge(unsafe.String(unsafe.SliceData(data), limit+1), limit)
	}
	// The lexer copies each line as it reads it: the digest must not
	// share memory with data, which the caller may reuse.
	return p.parse(data, "")
}

// ParseReader reads r to its end, or to one byte past p.MaxSize, and
// parses what it read, as [ParseReader] does.
func (p *Parser) ParseReader(r io.Reader) (*Digest, error) {
	limit := p.maxSize()
	var b strings.Builder
	if _, err := io.Copy(&b, io.LimitReader(r, limit+1)); err != nil {
		return nil, err
	}
	s := b.String()
	if int64(len(s)) > limit {
		return nil, tooLarge(s, limit)
	}
	return p.parse(nil, s)
}

func (p *Parser) maxSize() int64 {
	if p.MaxSize <= 0 {
		return DefaultMaxSize
	}
	return min(p.MaxSize, math.MaxInt-1) // so that limit+1 is an int
}

// tooLarge returns the error for src, which is limit+1 bytes long: at the
// position of its last byte, the first one past the limit. src may be the
// caller's bytes: the error keeps a copy of that byte's line, not src.
func tooLarge(src string, limit int64) error {
	last := len(src) - 1
	line, col := lex.Position(src, last)
	start := last - (col - 1) // of the line
	if last < len(byteOrderMark) && strings.HasPrefix(byteOrderMark, src) {
		// The limit cuts through a leading byte order mark, which
		// columns do not count.
		line, col, start = 1, 1, len(src)
	}
	return ErrorList{{
		Line: line, Column: col,
		Err:    tooLargeErr(limit),
		source: strings.Clone(withoutBreak(src[start:])),
	}}
}

// withoutBreak returns s, a line up to the byte past the limit, without
// the line break that byte is in, if any, or the start of one that the
// limit cuts: the source line of an error shows no line break. Such a
// break is in the last three bytes of s, as no break ends before its
// last byte. A lone 0xC2 or 0xE2 at the end may start a break or another
// character: it is left out either way.
func withoutBreak(s string) string {
	for i := max(0, len(s)-3); i < len(s); i++ {
		switch rest := s[i:]; rest[0] {
		case '\n', '\r':
			return s[:i]
		case 0xC2, 0xE2:
			// rest is a whole break or the start of one.
			if strings.HasPrefix("\u0085", rest) || strings.HasPrefix("\u2028", rest) || strings.HasPrefix("\u2029", rest) {
				return s[:i]
			}
		}
	}
	return s
}

// tooLargeErr returns the error of an input larger than limit.
func tooLargeErr(limit int64) error {
	unit := "bytes"
	if limit == 1 {
		unit = "byte"
	}
	return fmt.Errorf("%w: more than %d %s", ErrTooLarge, limit, unit)
}

// typeNames lists the known type names for the lexer, in the order of
// entityTypes.
var typeNames = func() *lex.Names {
	names := make([]string, len(entityTypes))
	icons := make([]string, len(entityTypes))
	for i, e := range entityTypes {
		names[i], icons[i] = string(e.typ), e.icon
	}
	return lex.NewTypeNames(names, icons)
}()

// parser holds the state of one parse. Sections may come in any order and
// more than once, so each one's state lives here until the end of input.
type parser struct {
	d      *Digest
	size   int // of the input, in bytes
	limit  int // the most errors kept; 0 for all
	errs   ErrorList
	counts int // errors found, kept or not
	over   *ParseError
	hidden hidden // the sentinels of the errors not kept

	sec     lex.Section
	seen    [lex.Entities + 1]int // line of each section's first header
	header  bool                  // a header was seen
	title   bool                  // the title was read
	heading bool                  // the first core-subject line was read

	subtitle, summary joiner

	// strs holds the values of the three string lists, each a run of it
	// while the lists do not interleave (see addTo).
	strs                             []string
	highlights, paragraphs, keywords strList

	pending  int      // index+1 of the entity awaiting its type line, or 0
	nameLine lex.Mark // where the name line of that entity stands
	lx       lex.Lexer
	names    int // name lines read
	declared entityCounts
}

// entityCount is an entity count that a header declares.
type entityCount struct {
	line   lex.Line
	digits string
}

// entityCounts holds the entity counts that headers declare: most digests
// have one, kept without allocating.
type entityCounts struct {
	first entityCount // its digits are "" until a count is added
	more  []entityCount
}

func (c *entityCounts) add(e entityCount) {
	if c.first.digits == "" {
		c.first = e
	} else {
		c.more = append(c.more, e)
	}
}

// all yields the counts in the order of their headers.
func (c *entityCounts) all(yield func(entityCount) bool) {
	if c.first.digits == "" || !yield(c.first) {
		return
	}
	for _, e := range c.more {
		if !yield(e) {
			return
		}
	}
}

// parse parses data, copying it as it reads it, or else src, which the
// digest may share memory with.
func (p *Parser) parse(data []byte, src string) (*Digest, error) {
	// One allocation holds the digest and room for its first list values.
	r := &struct {
		d    Digest
		strs [16]string
	}{}
	ps := &parser{
		d:     &r.d,
		limit: DefaultMaxErrors,
		strs:  r.strs[:0],
	}
	if p.AllErrors {
		ps.limit = 0
	}
	lx := &ps.lx
	if data != nil {
		lx.InitCopy(data)
	} else {
		lx.Init(src)
	}
	ps.size = len(lx.Input())
	lx.Limit = ps.limit
	for {
		text, ok := lx.NextText()
		if !ok {
			break
		}
		if text == "" {
			continue // blank lines carry no meaning
		}
		if ps.pending != 0 {
			// The quick path of the entities section: a type line as
			// Format writes it. It starts with an emoji, so it is no
			// header (lex.ParseHeader refuses a line that starts with
			// one) and need not be tried as one.
			if known, desc, ok := typeNames.SplitWritten(text); ok {
				ps.setType(known, "", desc)
				continue
			}
		}
		if h, ok := lex.ParseHeader(text); ok {
			ps.startSection(lx.Line(text), h)
			continue
		}
		ps.line(text)
	}
	ps.finish()
	return ps.d, ps.err()
}

// startSection handles a header line.
func (p *parser) startSection(ln lex.Line, h lex.Header) {
	p.endEntity()
	if !p.header && !p.title {
		if p.keep(ln, ErrMissingTitle) {
			p.errorf(ln, "%w: the first non-blank line is the header %s", ErrMissingTitle, sectionHeaders[h.Section])
		}
	}
	p.header = true
	if first := p.seen[h.Section]; first != 0 {
		if p.keep(ln, ErrDuplicateSection) {
			p.errorf(ln, "%w %s (first at line %d)", ErrDuplicateSection, sectionHeaders[h.Section], first)
		}
	} else {
		p.seen[h.Section] = ln.Num
	}
	if h.Count != "" {
		p.declared.add(entityCount{ln, h.Count})
		if p.d.Entities == nil {
			n, _ := countValue(h.Count)
			// An entity takes at least four bytes: this caps what a
			// false count can make us allocate.
			p.d.Entities = make([]Entity, 0, min(n, p.size/4+1))
		}
	}
	p.sec = h.Section
}

// line handles a non-blank line that is not a header.
func (p *parser) line(text string) {
	switch p.sec {
	case lex.None:
		if !p.title {
			p.d.Title, p.title = text, true
		} else {
			p.subtitle.add(text)
		}
	case lex.Summary:
		p.summary.add(text)
	case lex.Highlights:
		if h := lex.CutMarker(text); h != "" {
			p.addTo(&p.highlights, h)
		}
	case lex.CoreSubject:
		if !p.heading {
			p.heading = true
			if !lex.EndsSentence(text) {
				p.d.CoreSubject.Heading = text
				return
			}
		}
		p.addTo(&p.paragraphs, text)
	case lex.Keywords:
		for rest, more := text, true; more; {
			var piece string
			piece, rest, more = lex.CutKeyword(rest)
			if k := lex.CleanKeyword(piece); k != "" {
				p.addTo(&p.keywords, k)
			}
		}
	case lex.Entities:
		p.entityLine(text)
	}
}

// entityLine handles a line of the entities section: a name line or a type
// line (FORMAT.md §5).
func (p *parser) entityLine(text string) {
	// A type line as Format writes it took the quick path of Parser.parse.
	icon := lex.IconLen(text)
	if icon == 0 && (p.pending == 0 || lex.KnownType(text, typeNames) < 0) {
		p.endEntity()
		p.newEntity().Name = text
		p.pending, p.nameLine = len(p.d.Entities), p.lx.Mark()
		p.names++
		return
	}
	t, ok := lex.SplitTypeLine(text[icon:], typeNames)
	if !ok {
		// At where the type name is due: past the icon and white space,
		// as the Description of a line without a type starts.
		if ln := shift(p.lx.Line(text), len(text)-len(t.Description)); p.keep(ln, ErrNoTypeName) {
			p.errorf(ln, "%w: %s", ErrNoTypeName, excerpt(text))
		}
	}
	if p.pending == 0 {
		if ln := p.lx.Line(text); p.keep(ln, ErrOrphanType) {
			p.errorf(ln, "%w: %s", ErrOrphanType, excerpt(text))
		}
		p.newEntity()
		p.pending = len(p.d.Entities)
	}
	p.setType(t.Known, t.Type, t.Description)
}

// shift returns ln with its column moved to byte off of its text, when
// the text is the line's bytes there as they are. A text that the lexer
// changed (cleaned, or made NFC) keeps the column of its start, since its
// bytes no longer map one to one onto the line's.
func shift(ln lex.Line, off int) lex.Line {
	if rest := ln.Raw[ln.Col-1:]; strings.HasPrefix(rest, ln.Text) {
		ln.Col += off
	}
	return ln
}

// setType gives the entity awaiting its type line its type, known (an
// index in entityTypes) or else as written, and its description.
func (p *parser) setType(known int, written, description string) {
	e := &p.d.Entities[p.pending-1]
	e.Description = description
	if known >= 0 {
		e.Type = entityTypes[known].typ
	} else {
		e.Type = EntityType(written)
	}
	p.pending = 0
}

// newEntity appends an empty entity to the digest and returns it. Within
// the capacity it only extends the slice, whose spare elements are zero:
// the fields are then set one by one, which costs less than copying a
// whole Entity into the heap while the garbage collector runs.
func (p *parser) newEntity() *Entity {
	es := grow(p.d.Entities)
	es = es[:len(es)+1]
	p.d.Entities = es
	return &es[len(es)-1]
}

// endEntity reports the entity awaiting its type line, if any.
func (p *parser) endEntity() {
	if p.pending != 0 {
		name := p.d.Entities[p.pending-1].Name
		if ln := p.lx.LineAt(p.nameLine, name); p.keep(ln, ErrMissingType) {
			p.errorf(ln, "%w: %s", ErrMissingType, excerpt(name))
		}
		p.pending = 0
	}
}

// finish checks what only the end of input can tell and fills in d.
func (p *parser) finish() {
	p.endEntity()
	if !p.title && !p.header {
		line, col := 1, 1
		p.add(&ParseError{Line: line, Column: col, Err: fmt.Errorf("%w: the input has no text", ErrMissingTitle)})
	}
	for c := range p.declared.all {
		if n, ok := countValue(c.digits); !ok || n != p.names {
			if p.keep(c.line, ErrEntityCount) {
				p.errorf(c.line, "%w: the header says %s, the section has %d", ErrEntityCount, quoteDigits(c.digits), p.names)
			}
		}
	}
	d := p.d
	d.Subtitle = p.subtitle.String()
	d.Summary = p.summary.String()
	d.Highlights = p.highlights.slice(p.strs)
	d.CoreSubject.Paragraphs = p.paragraphs.slice(p.strs)
	d.Keywords = p.keywords.slice(p.strs)
	switch n := len(d.Entities); {
	case d.Entities == nil:
		d.Entities = []Entity{}
	case cap(d.Entities) > 2*n+64:
		// A count far above the entities read left room that the digest
		// would keep for as long as it lives: give it back.
		d.Entities = append(make([]Entity, 0, n), d.Entities...)
	}
}

// countValue returns the value of a count's ASCII digits; ok is false when
// they have more than nine significant digits, so that a count taken fits
// in an int32.
func countValue(digits string) (n int, ok bool) {
	digits = strings.TrimLeft(digits, "0")
	if len(digits) > 9 {
		return 0, false
	}
	for _, c := range []byte(digits) {
		n = n*10 + int(c-'0')
	}
	return n, true
}

// quoteDigits returns digits, cut to 20 digits.
func quoteDigits(digits string) string {
	if len(digits) > 20 {
		return digits[:20] + "…"
	}
	return digits
}

// keep reports whether an error at the start of ln's text, which wraps
// sentinel, is to be kept, and so worth formatting with errorf. When it is
// not, keep counts it: past the limit, an input with an error on every
// line costs no more than one without.
func (p *parser) keep(ln lex.Line, sentinel error) bool {
	if p.limit == 0 || len(p.errs) < p.limit {
		return true
	}
	at := ParseError{Line: ln.Num, Column: ln.Col}
	if before(&at, p.errs[p.lastKept()]) {
		return true
	}
	p.counts++
	p.hidden.add(sentinel)
	if p.over == nil || before(&at, p.over) {
		p.over = &ParseError{Line: ln.Num, Column: ln.Col, source: ln.Raw}
	}
	return false
}

// errorf records an error at the start of ln's text.
func (p *parser) errorf(ln lex.Line, format string, args ...any) {
	p.add(&ParseError{Line: ln.Num, Column: ln.Col, Err: fmt.Errorf(format, args...), source: ln.Raw})
}

// lastKept returns the index in p.errs of the error that comes last in
// the sorted list: the last by position and, of those at that position,
// the last found, as p.errs is in the order found and the sort is stable.
func (p *parser) lastKept() int {
	last := 0
	for i := range p.errs {
		if !before(p.errs[i], p.errs[last]) {
			last = i
		}
	}
	return last
}

// add records e. Past the limit it keeps the first errors by position,
// since some are found late (an entity count is checked at the end of
// input), and keeps in p.over the first of those it drops. p.errs stays
// in the order found, so that errors at the same position keep the order
// they have with AllErrors.
func (p *parser) add(e *ParseError) {
	p.counts++
	if p.limit == 0 || len(p.errs) < p.limit {
		p.errs = append(p.errs, e)
		return
	}
	if last := p.lastKept(); before(e, p.errs[last]) {
		dropped := p.errs[last]
		p.errs = append(slices.Delete(p.errs, last, last+1), e)
		e = dropped
	}
	p.hidden.add(e.Err)
	if p.over == nil || before(e, p.over) {
		p.over = e
	}
}

// before reports whether a stands before b in the input.
func before(a, b *ParseError) bool {
	return a.Line < b.Line || a.Line == b.Line && a.Column < b.Column
}

// err returns the errors of the parse and of the lexer, merged in position
// order, cut to the limit with a last error that counts the rest.
func (p *parser) err() error {
	lx := &p.lx
	if len(p.errs) == 0 && len(lx.Problems) == 0 {
		return nil
	}
	errs := p.errs
	for _, pr := range lx.Problems {
		errs = append(errs, problemError(pr))
	}
	errs.Sort()
	total := p.counts + len(lx.Problems) + lx.Dropped
	if p.limit > 0 && total > p.limit {
		// The first error not shown: the first past the limit among those
		// kept, or the first the parser or the lexer dropped.
		next := p.over
		if len(errs) > p.limit && (next == nil || before(errs[p.limit], next)) {
			next = errs[p.limit]
		}
		if lx.Dropped > 0 {
			if e := problemError(lx.FirstDropped); next == nil || before(e, next) {
				next = e
			}
		}
		h := p.hidden
		for _, e := range errs[p.limit:] {
			h.add(e.Err)
		}
		for _, k := range []lex.Kind{lex.InvalidUTF8, lex.ControlChar} {
			if lx.DroppedKinds&(1<<k) != 0 {
				h.add(kindSentinel(k))
			}
		}
		errs = append(errs[:p.limit], &ParseError{
			Line: next.Line, Column: next.Column, source: next.source,
			Err: tooManyErr(total-p.limit, h),
		})
	}
	// In a text in UTF-16 or UTF-32, the first error is that of a byte: a
	// NUL, another control character or a bad byte, by its first line
	// feed at the latest. That error then says what the text is.
	if first := errs[0]; isProblem(first.Err) {
		line := "" // the first line, where the first error is on it
		if first.Line == 1 {
			line = first.source
		}
		if enc := otherEncoding(lx.Input(), line); enc != "" {
			first.Err = fmt.Errorf("%w: %s: it is to be UTF-8", first.Err, enc)
		}
	}
	return errs
}

// otherEncoding returns what src, a whole text whose first error is that of
// a byte, looks written in, as the end of that error says it: "the text
// starts with the byte order mark of UTF-32, 00 00 fe ff", "the text looks
// like UTF-32 without a byte order mark", or the same of UTF-16; or "" when
// it does not tell, or when that error names the byte order mark already
// (problemError): a mark of UTF-16, or of UTF-32 little-endian, which
// starts as that of UTF-16. UTF-32 is told by its mark, or, when every four
// bytes of its start read as a character in UTF-32 (validUTF32), by an
// ASCII first character (lex.UTF32Start) or, in any script, by its line
// feeds (utf32LineFeeds); UTF-16 as utf16Text tells it. line is src's first
// line if the error is there, and otherwise "".
func otherEncoding(src, line string) string {
	head := src[:min(len(src), 16<<10)]
	_, _, ascii := lex.UTF32Start(head[:min(len(head), 8)])
	switch {
	case strings.HasPrefix(src, lex.UTF32BEMark):
		// The first error is the NUL that starts the mark.
		return "the text starts with the byte order mark of UTF-32, 00 00 fe ff"
	case lex.HasUTF16BOM(src):
		return ""
	case ascii && validUTF32(head, head[0] == 0) || utf32LineFeeds(head):
		return "the text looks like UTF-32 without a byte order mark"
	case utf16Text(head, line):
		return "the text looks like UTF-16 without a byte order mark"
	}
	return ""
}

// isProblem reports whether err is that of a problem the lexer found.
func isProblem(err error) bool {
	return errors.Is(err, ErrControlChar) || errors.Is(err, ErrInvalidUTF8)
}

// problemError returns the ParseError for a problem the lexer found.
func problemError(pr lex.Problem) *ParseError {
	e := &ParseError{Line: pr.Line, Column: pr.Col, source: pr.Raw}
	switch sentinel := kindSentinel(pr.Kind); sentinel {
	case ErrControlChar:
		e.Err = controlCharError(pr.Rune)
	default:
		bad := pr.Raw[pr.Col-1:][:pr.Len]
		switch {
		case pr.Line != 1 || pr.Col != 1 || !lex.HasUTF16BOM(bad):
			e.Err = invalidUTF8(bad)
		case strings.HasPrefix(pr.Raw, lex.UTF32LEMark):
			e.Err = fmt.Errorf("%w: % x, the start of ff fe 00 00, the byte order mark of UTF-32: the text is to be UTF-8", ErrInvalidUTF8, bad[:2])
		default:
			e.Err = fmt.Errorf("%w: % x, the byte order mark of UTF-16: the text is to be UTF-8", ErrInvalidUTF8, bad[:2])
		}
	}
	return e
}

// controlCharError is the error of a control character, which wraps
// ErrControlChar. It makes its message when asked for it, so that the
// errors of a text with a control character at each byte, with AllErrors,
// hold no message; and a control character, below U+0100, is put in an
// interface without allocating.
type controlCharError rune

func (e controlCharError) Error() string { return fmt.Sprintf("%v %U", ErrControlChar, rune(e)) }

func (e controlCharError) Unwrap() error { return ErrControlChar }

// maxBadShown is how many bytes of a run of invalid UTF-8 its error
// shows.
const maxBadShown = 8

// invalidUTF8 returns the error for the run of bad bytes bad: the bytes,
// or the first maxBadShown of them and how many there are.
func invalidUTF8(bad string) error {
	if len(bad) > maxBadShown {
		return fmt.Errorf("%w: % x … (%d bytes)", ErrInvalidUTF8, bad[:maxBadShown], len(bad))
	}
	return fmt.Errorf("%w: % x", ErrInvalidUTF8, bad)
}

// utf16Text reports whether head, the first 16 KiB of a text with no byte
// order mark, reads as UTF-16: when two of its line feeds are in UTF-16, of
// one byte order, or when line, its first line if its first error is there
// and otherwise "", does (looksUTF16). In UTF-16, in any script, a line
// feed is '\n' then a NUL (little-endian) or a NUL then '\n' (big-endian),
// at an even offset, and no other character has those two bytes there. A
// text of one line, or whose first two lines are long, still reads as
// UTF-16 when its first line is in a script below U+2000. That test alone
// would take a first line of tabs for the scripts of India: it is made only
// when that line has an error, as such a line in UTF-16 has.
func utf16Text(head, line string) bool {
	if le, be := wideLineFeeds(head, 2); le >= 2 || be >= 2 {
		return true
	}
	return looksUTF16(line)
}

// utf32LineFeeds reports whether two of the line feeds in head, the first
// 16 KiB of a text, are in UTF-32, of one byte order, and every four bytes
// of head read as a character in UTF-32 of that order (validUTF32). In
// UTF-16, "\n\x00\x00\x00" is a line feed then U+0000; but a text in UTF-16
// reads as UTF-32 only if every other character of it is below U+0011.
func utf32LineFeeds(head string) bool {
	le, be := wideLineFeeds(head, 4)
	return le >= 2 && validUTF32(head, false) || be >= 2 && validUTF32(head, true)
}

// validUTF32 reports whether every four bytes of s, at offsets that are a
// multiple of 4, are a character in UTF-32 of that byte order: at most
// U+10FFFF, and no surrogate. A partial character at the end is passed
// over.
func validUTF32(s string, bigEndian bool) bool {
	for i := 0; i+4 <= len(s); i += 4 {
		b0, b1, b2, b3 := uint32(s[i]), uint32(s[i+1]), uint32(s[i+2]), uint32(s[i+3])
		r := b3<<24 | b2<<16 | b1<<8 | b0
		if bigEndian {
			r = b0<<24 | b1<<16 | b2<<8 | b3
		}
		if r > 0x10FFFF || 0xD800 <= r && r <= 0xDFFF {
			return false
		}
	}
	return true
}

// wideLineFeeds counts the line feeds in s in UTF-16 (size 2) or in UTF-32
// (size 4), of each byte order: '\n' then size-1 NULs (little-endian), or
// size-1 NULs then '\n' (big-endian), at an offset that is a multiple of
// size.
func wideLineFeeds(s string, size int) (le, be int) {
	if strings.IndexByte(s, 0) < 0 {
		return 0, 0 // most texts hold no NUL, and so no such line feed
	}
	lfLE, lfBE := "\n\x00\x00\x00"[:size], "\x00\x00\x00\n"[4-size:]
	for i := 0; i+size <= len(s); i += size {
		switch s[i : i+size] {
		case lfLE:
			le++
		case lfBE:
			be++
		}
	}
	return le, be
}

// looksUTF16 reports whether line, the first of a text, reads as UTF-16
// without a byte order mark. Text from U+0000 to U+1FFF (Latin, Greek,
// Cyrillic, Hebrew, Arabic, the scripts of India and more) has in UTF-16
// a high byte below 0x20 before or after each low byte: a NUL for ASCII,
// 0x04 for Cyrillic, 0x06 for Arabic. So in line's first 64 bytes, at
// least 4 of them, the bytes from the first or the second on, one in two,
// must be below 0x20, with a NUL among them or all the same, and the
// bytes between them not NUL and not all the same: a line of one control
// character repeated, such as form feeds, would read as one letter
// repeated, which a line of text seldom is.
func looksUTF16(line string) bool {
	line = line[:min(len(line), 64)]
	if len(line) < 4 {
		return false
	}
	for h := range 2 {
		nul, same, varied, fits := false, true, false, true
		for i := 0; i < len(line) && fits; i++ {
			c := line[i]
			if i%2 == h {
				nul = nul || c == 0
				same = same && c == line[h]
				fits = c < 0x20
			} else {
				varied = varied || c != line[1-h]
				fits = c != 0
			}
		}
		if fits && varied && (nul || same) {
			return true
		}
	}
	return false
}

// kindSentinel returns the sentinel of a problem of kind k that the lexer
// found.
func kindSentinel(k lex.Kind) error {
	if k == lex.ControlChar {
		return ErrControlChar
	}
	return ErrInvalidUTF8
}

// joiner joins lines with "\n", without allocating for one line.
type joiner struct {
	first string
	n     int
	b     strings.Builder
}

func (j *joiner) add(s string) {
	// Grow doubles when it must: WriteString would add a quarter to a
	// long text.
	switch j.n {
	case 0:
		j.first = s
	case 1:
		j.b.Grow(len(j.first) + 1 + len(s))
		j.b.WriteString(j.first)
		fallthrough
	default:
		j.b.Grow(1 + len(s))
		j.b.WriteByte('\n')
		j.b.WriteString(s)
	}
	j.n++
}

// String returns the lines joined.
func (j *joiner) String() string {
	if j.n > 1 {
		return j.b.String()
	}
	return j.first
}

// strList is a list of strings kept in the parser's shared strs slice, as
// the run strs[start:end], until another list's value lands after it; from
// then on it keeps its own slice.
type strList struct {
	start, end int
	own        []string
	owned      bool
}

// addTo appends s to l.
func (p *parser) addTo(l *strList, s string) {
	switch {
	case l.owned:
		l.own = append(grow(l.own), s)
	case l.start == l.end || l.end == len(p.strs):
		if l.start == l.end {
			l.start, l.end = len(p.strs), len(p.strs)
		}
		p.strs = append(grow(p.strs), s)
		l.end++
	default: // another list has grown after this one: move out
		l.own = append(append(make([]string, 0, 2*(l.end-l.start+1)), p.strs[l.start:l.end]...), s)
		l.owned = true
	}
}

// slice returns the list's values, never nil. A run of the shared slice
// comes with no spare capacity, so that appending to it cannot overwrite
// another list; a list's own slice may have room, which no other list
// shares.
func (l *strList) slice(strs []string) []string {
	switch {
	case l.owned:
		return l.own
	case l.start == l.end:
		return []string{}
	}
	return strs[l.start:l.end:l.end]
}

// grow returns s with room for one more element: when s is full, a copy
// of it with twice its length in capacity. append adds only a quarter to
// a long slice, so that growing a list of many values one by one copies
// about four times its final size; doubling copies about its size.
func grow[E any](s []E) []E {
	if len(s) < cap(s) {
		return s
	}
	t := make([]E, len(s), max(2*len(s), 4))
	copy(t, s)
	return t
}
