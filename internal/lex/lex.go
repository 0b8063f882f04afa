// Package lex reads the lines of a digest text: it splits the input into
// lines, trims and cleans each one, normalizes it to NFC, and recognizes the
// shapes the parser needs (headers, list markers, keyword separators, entity
// type lines). It knows nothing of the Digest type; package digest turns what
// it reads into values and errors.
//
// The lexer is synchronous and works on one string: a line's text is a slice
// of the input whenever the line needs no change, so the common case
// allocates nothing.
package lex

import (
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// A Line is one line of input.
type Line struct {
	Num  int    // line number, starting at 1
	Col  int    // byte column of Text's first character in the line, starting at 1
	Raw  string // the line as in the input, without its line break
	Text string // the line trimmed, cleaned and in NFC; "" for a blank line
}

// Kind is the kind of a Problem.
type Kind uint8

// The kinds of problem the lexer reports.
const (
	InvalidUTF8 Kind = iota + 1 // one or more bytes that are not UTF-8
	ControlChar                 // a control character other than tab
)

// A Problem is something wrong with the bytes of a line.
type Problem struct {
	Line, Col int    // position of the first bad byte, as in Line
	Kind      Kind   //
	Rune      rune   // the control character (ControlChar)
	Len       int    // the number of bad bytes (InvalidUTF8)
	Raw       string // the line, as in Line
}

// A Lexer reads the lines of one input. Its zero value is not usable; call
// New.
type Lexer struct {
	src  string
	pos  int // byte offset of the next line
	line int // number of the last line returned

	// Problems holds what Next found wrong, in order. The caller may reset
	// it between calls.
	Problems []Problem
	// Limit, when positive, is the most problems Problems holds; Next only
	// counts the others, in Dropped, and keeps the first in FirstDropped.
	Limit        int
	Dropped      int
	FirstDropped Problem

	buf []byte // scratch space for lines that need cleaning
}

// New returns a Lexer that reads src. A leading byte order mark is skipped
// and not counted in columns.
func New(src string) *Lexer {
	if len(src) >= 3 && src[:3] == "\uFEFF" {
		src = src[3:]
	}
	return &Lexer{src: src}
}

// Next returns the next line, or false at the end of the input. A line
// break at the very end of the input does not start another line, so "a\n"
// has one line and "" has none.
func (l *Lexer) Next() (Line, bool) {
	src := l.src
	start := l.pos
	if start >= len(src) {
		return Line{}, false
	}
	l.line++
	first := len(l.Problems)
	var (
		i     = start
		end   = -1 // end of the line's bytes
		next  int  // start of the next line
		clean bool // needs tab, space, invisible-character or U+FFFD work
		check bool // holds a rune that may not be NFC
		space bool // the previous byte was a space
		bad   = -1 // start of the current run of invalid bytes, or -1
	)
	for i < len(src) {
		c := src[i]
		if c < utf8.RuneSelf {
			l.endBad(&bad, start, i)
			switch {
			case c == ' ':
				if space {
					clean = true
				}
				space = true
				i++
				continue
			case c >= 0x20 && c != 0x7f:
			case c == '\n':
				end, next = i, i+1
			case c == '\r':
				end, next = i, i+1
				if next < len(src) && src[next] == '\n' {
					next++
				}
			case c == '\t':
				clean = true
			default:
				l.report(Problem{Line: l.line, Col: i - start + 1, Kind: ControlChar, Rune: rune(c)})
			}
			if end >= 0 {
				break
			}
			space = false
			i++
			continue
		}
		space = false
		r, size := utf8.DecodeRuneInString(src[i:])
		if r == utf8.RuneError && size == 1 {
			if bad < 0 {
				bad = i
			}
			clean = true
			i++
			continue
		}
		l.endBad(&bad, start, i)
		switch {
		case r == 0x85 || r == 0x2028 || r == 0x2029:
			end, next = i, i+size
		case r < 0xa0:
			l.report(Problem{Line: l.line, Col: i - start + 1, Kind: ControlChar, Rune: r})
		case r == 0x200B || r == 0xFEFF:
			clean = true
		case r >= 0x300 && !alwaysNFC(r):
			check = true
		}
		if end >= 0 {
			break
		}
		i += size
	}
	if end < 0 {
		l.endBad(&bad, start, i)
		end, next = len(src), len(src)
	}
	l.pos = next

	raw := src[start:end]
	for k := first; k < len(l.Problems); k++ {
		l.Problems[k].Raw = raw
	}
	text := TrimLeft(raw)
	col := len(raw) - len(text) + 1
	text = TrimRight(text)
	if clean {
		text = l.clean(text)
	}
	if check && !norm.NFC.IsNormalString(text) {
		text = norm.NFC.String(text)
	}
	return Line{Num: l.line, Col: col, Raw: raw, Text: text}, true
}

// endBad reports the run of invalid bytes that started at *bad, if any,
// and ends before i.
func (l *Lexer) endBad(bad *int, start, i int) {
	if *bad >= 0 {
		l.report(Problem{Line: l.line, Col: *bad - start + 1, Kind: InvalidUTF8, Len: i - *bad})
		*bad = -1
	}
}

// report records p, or counts it when Problems is full.
func (l *Lexer) report(p Problem) {
	if l.Limit > 0 && len(l.Problems) >= l.Limit {
		if l.Dropped == 0 {
			l.FirstDropped = p
		}
		l.Dropped++
		return
	}
	l.Problems = append(l.Problems, p)
}

// alwaysNFC reports whether a text stays NFC whatever rune stands before
// or after r, for the non-letter runes that digests hold most: emoji, the
// variation selector U+FE0F, and general punctuation (quotes, dashes,
// ellipsis). Such runes have combining class 0, no canonical decomposition,
// and do not combine with a neighbour. It lets Next skip the NFC check for
// lines whose only runes at or above U+0300 are these.
func alwaysNFC(r rune) bool {
	switch {
	case r >= 0x1F000 && r <= 0x1FAFF: // emoji blocks
		return true
	case r == 0xFE0F || r == 0x200D:
		return true
	case r >= 0x2002 && r <= 0x205E: // general punctuation; U+2000 and U+2001 decompose
		return true
	}
	return false
}

// clean returns s, a trimmed line, with U+200B and U+FEFF removed, each run
// of tabs and spaces made one space, and each invalid byte made U+FFFD.
func (l *Lexer) clean(s string) string {
	b := l.buf[:0]
	space := false
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		switch r {
		case 0x200B, 0xFEFF:
			continue
		case ' ', '\t':
			if !space {
				b = append(b, ' ')
			}
			space = true
			continue
		}
		space = false
		b = utf8.AppendRune(b, r) // an invalid byte decodes as U+FFFD
	}
	l.buf = b
	return string(b)
}

// Position returns the line and byte column, counted as Next counts them,
// of the byte at offset off of src; off may be len(src).
func Position(src string, off int) (line, col int) {
	l := New(src)
	off = max(0, off-(len(src)-len(l.src))) // the skipped byte order mark
	for {
		start := l.pos
		ln, ok := l.Next()
		l.Problems = l.Problems[:0]
		if !ok {
			return l.line + 1, off - start + 1
		}
		if off < l.pos {
			return ln.Num, off - start + 1
		}
	}
}

// isTrimmed reports whether r is removed from the ends of a line: Unicode
// White_Space and the invisible format characters of FORMAT.md §1.3.
func isTrimmed(r rune) bool {
	switch r {
	case 0x200B, 0x200E, 0x200F, 0x202A, 0x202B, 0x202C, 0x202D, 0x202E,
		0x2060, 0x2066, 0x2067, 0x2068, 0x2069, 0xFEFF:
		return true
	}
	return unicode.IsSpace(r)
}

// TrimLeft returns s without the leading characters that FORMAT.md §1.3
// trims.
func TrimLeft(s string) string {
	for len(s) > 0 {
		c := s[0]
		if c < utf8.RuneSelf {
			if c != ' ' && (c < '\t' || c > '\r') {
				return s
			}
			s = s[1:]
			continue
		}
		r, size := utf8.DecodeRuneInString(s)
		if !isTrimmed(r) {
			return s
		}
		s = s[size:]
	}
	return s
}

// TrimRight returns s without the trailing characters that FORMAT.md §1.3
// trims.
func TrimRight(s string) string {
	for len(s) > 0 {
		c := s[len(s)-1]
		if c < utf8.RuneSelf {
			if c != ' ' && (c < '\t' || c > '\r') {
				return s
			}
			s = s[:len(s)-1]
			continue
		}
		r, size := utf8.DecodeLastRuneInString(s)
		if !isTrimmed(r) {
			return s
		}
		s = s[:len(s)-size]
	}
	return s
}

// Trim returns s without the leading and trailing characters that
// FORMAT.md §1.3 trims.
func Trim(s string) string { return TrimRight(TrimLeft(s)) }
