package digest

import (
	"slices"
	"strconv"
	"strings"

	"digest/internal/lex"
)

// sectionHeaders are the canonical header lines, without the entity count.
var sectionHeaders = [...]string{
	lex.Summary:     "SUMMARY",
	lex.Highlights:  "KEY HIGHLIGHTS",
	lex.CoreSubject: "CORE SUBJECT",
	lex.Keywords:    "KEYWORDS",
	lex.Entities:    "MENTIONED ENTITIES",
}

// Format returns the canonical text form of d (FORMAT.md §7): the title,
// the subtitle lines, then the five sections under their canonical headers,
// one value a line, list items after "- ", each entity as its name line and
// a line "ICON TYPE DESCRIPTION". For a valid digest, lines end with LF and
// there are no blank lines.
//
// Format writes any digest, and a nil d as an empty one; a valid one (see
// [Validate]) reads back unchanged, and so does every d that [Parse]
// returns without error: Parse(Format(d)) equals d, a nil list and an
// empty one alike, and Format is idempotent. That holds while the
// canonical text is within the size limit of Parse, [DefaultMaxSize]: it
// is longer than a terse input (headers, "- " markers, icons, a line for
// each keyword), and Validate reports a digest whose canonical text is
// over the limit.
//
// Format writes the values of a digest that Validate rejects as they are,
// but that it writes no line for an empty value that has no marker of its
// own (the title, the heading, a paragraph, an entity's name), nor for an
// empty line of the subtitle or summary, which it splits at "\n" ("a\n\nb"
// is the lines "a" and "b"), and that a type line leaves out an empty type
// or description with its space ("🔖 D"). Such a text may read back, with
// no error, as another digest: a title "A\nB" as the title "A" and the
// subtitle "B", an empty highlight as the highlight "-", an entity of type
// "" and description "Event in Paris" as one of type Event and description
// "in Paris". Validate first what is to be read back.
//
// Format and AppendFormat do not change d, and are safe for concurrent
// use.
func Format(d *Digest) []byte {
	return AppendFormat(nil, d)
}

// AppendFormat appends the canonical text form of d, as [Format] returns
// it, to dst and returns the extended buffer. It grows dst at most once,
// when its spare capacity is less than a bound of the text's length that
// counts the longest icon for each entity. So a buffer reused for one
// digest after another, as in buf = AppendFormat(buf[:0], d), soon stops
// allocating: Format allocates the text it returns, and when digests are
// formatted by the million, the allocations and the garbage collector's
// work for them cost about twice as much as the formatting itself, or
// more (the README and PERFORMANCE.md give figures).
func AppendFormat(dst []byte, d *Digest) []byte {
	if d == nil {
		d = &Digest{}
	}
	// The bound: the exact size would look each icon up twice.
	w := writer{b: slices.Grow(dst, formatSize(d, false))}
	w.line("", d.Title)
	w.lines(d.Subtitle)
	w.line("", sectionHeaders[lex.Summary])
	w.lines(d.Summary)
	w.line("", sectionHeaders[lex.Highlights])
	for _, h := range d.Highlights {
		w.line("- ", h)
	}
	w.line("", sectionHeaders[lex.CoreSubject])
	w.line("", d.CoreSubject.Heading)
	for _, p := range d.CoreSubject.Paragraphs {
		w.line("", p)
	}
	w.line("", sectionHeaders[lex.Keywords])
	for _, k := range d.Keywords {
		w.line("- ", k)
	}
	w.b = append(w.b, sectionHeaders[lex.Entities]...)
	w.b = append(w.b, ' ')
	w.b = strconv.AppendInt(w.b, int64(len(d.Entities)), 10)
	w.b = append(w.b, '\n')
	for _, e := range d.Entities {
		w.line("", e.Name)
		w.b = append(w.b, e.Type.Icon()...)
		if e.Type != "" {
			w.b = append(w.b, ' ')
			w.b = append(w.b, e.Type...)
		}
		if e.Description != "" {
			w.b = append(w.b, ' ')
			w.b = append(w.b, e.Description...)
		}
		w.b = append(w.b, '\n')
	}
	return w.b
}

// formatSize returns the length of Format(d) when d is valid, and an upper
// bound of it otherwise: it counts a line for each value, where Format
// leaves out an empty line. Unless exact is set, it counts the longest
// icon for each entity rather than looking its icon up: an upper bound
// that costs less.
func formatSize(d *Digest, exact bool) int {
	n := 0
	for _, s := range [...]string{d.Title, d.Subtitle, d.Summary, d.CoreSubject.Heading} {
		if s != "" {
			n += len(s) + 1 // its lines, each with its line break
		}
	}
	for _, h := range sectionHeaders[lex.Summary:] {
		n += len(h) + 1
	}
	var count [20]byte
	n += 1 + len(strconv.AppendInt(count[:0], int64(len(d.Entities)), 10)) // " COUNT" after the last header
	for _, s := range d.Highlights {
		n += len("- ") + len(s) + 1
	}
	for _, s := range d.CoreSubject.Paragraphs {
		n += len(s) + 1
	}
	for _, s := range d.Keywords {
		n += len("- ") + len(s) + 1
	}
	for _, e := range d.Entities {
		icon := maxIconLen
		if exact {
			icon = len(e.Type.Icon())
		}
		// NAME LF ICON SP TYPE SP DESCRIPTION LF
		n += len(e.Name) + 1 + icon + 1 + len(e.Type) + 1 + len(e.Description) + 1
	}
	return n
}

// writer appends lines to b.
type writer struct{ b []byte }

// line writes prefix and s as a line, unless both are empty: a blank line
// would carry no meaning.
func (w *writer) line(prefix, s string) {
	if prefix == "" && s == "" {
		return
	}
	w.b = append(w.b, prefix...)
	w.b = append(w.b, s...)
	w.b = append(w.b, '\n')
}

// lines writes each line of s, a text whose lines are joined with "\n".
func (w *writer) lines(s string) {
	for line := range strings.SplitSeq(s, "\n") {
		w.line("", line)
	}
}
