package lex

import (
	"math/bits"
	"strings"
	"unicode"
	"unicode/utf8"
)

// IconLen returns the length in bytes of the icon that starts s, 0 if none:
// the longest leading run of characters of category So or Sk, non-ASCII
// characters of category Sm, non-ASCII characters followed by U+FE0F (the
// pair), U+FE0F, U+200D, U+20E3, and tag characters U+E0020–U+E007F
// (FORMAT.md §5). Every fully-qualified emoji that does not begin with an
// ASCII character is an icon.
func IconLen(s string) int {
	// Inlined, the common case costs no call: a text that starts with an
	// ASCII byte other than '^' and '`', such as an entity's name.
	if s == "" || notIcon[s[0]] {
		return 0
	}
	return iconLen(s)
}

// notIcon tells the bytes that no icon starts with: the ASCII ones but '^'
// and '`'.
var notIcon = func() (t [256]bool) {
	for c := range utf8.RuneSelf {
		t[c] = c != '^' && c != '`'
	}
	return t
}()

// iconLen is IconLen.
func iconLen(s string) int {
	i := 0
	for i < len(s) {
		if c := s[i]; c < utf8.RuneSelf { // no ASCII rune is So; '^' and '`' are Sk
			if c != '^' && c != '`' {
				return i
			}
			i++
			continue
		}
		// The icons digests use, read without decoding: the emoji from
		// iconBlockStart to iconBlockEnd, F0 9F 8C 80 to F0 9F 99 8F, and
		// U+FE0F, EF B8 8F.
		if rest := s[i:]; len(rest) >= 4 && rest[0] == 0xF0 && rest[1] == 0x9F && rest[3]&0xC0 == 0x80 {
			if r := 0x1F000 | rune(rest[2]&0x3F)<<6 | rune(rest[3]&0x3F); rest[2]&0xC0 == 0x80 && iconBlockStart <= r && r <= iconBlockEnd {
				i += 4
				continue
			}
		} else if len(rest) >= 3 && rest[:3] == "\uFE0F" {
			i += 3
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == 0x200D || r == 0x20E3 || 0xE0020 <= r && r <= 0xE007F: // U+FE0F is read above
		case unicode.In(r, unicode.So, unicode.Sk):
		case r >= utf8.RuneSelf && unicode.Is(unicode.Sm, r):
		case r >= utf8.RuneSelf && strings.HasPrefix(s[i+size:], "\uFE0F"):
			size += len("\uFE0F")
		default:
			return i
		}
		i += size
	}
	return i
}

// Every rune from iconBlockStart to iconBlockEnd is of category So, but
// the skin tone modifiers U+1F3FB to U+1F3FF, of category Sk: the blocks
// Miscellaneous Symbols and Pictographs and Emoticons, where the icons of
// the known types lie. IconLen takes them without a table search.
const (
	iconBlockStart = 0x1F300
	iconBlockEnd   = 0x1F64F
)

// Names is a list of known type names, indexed for KnownType. It is not
// changed once made, and may be used by several goroutines at once.
type Names struct {
	list []string
	// byFirst holds, for each first byte folded to its five low bits, a
	// set of indexes in list: the names that may start a text that starts
	// with such a byte. ASCII letters in either case fold alike.
	byFirst [32]uint64
	// prefixFree is set when no name starts another, in any case: the
	// first name that starts a text is then the longest.
	prefixFree bool
	// written holds, for each name, the start of a type line as Format
	// writes it: the name's icon, a space, the name, 8 to 24 bytes. See
	// SplitWritten.
	written []writtenStart
	// writtenBy holds, for each byte, the set of indexes in written of
	// the starts whose fourth byte it is.
	writtenBy [256]uint64
}

// NewTypeNames returns the names, as newNames does, with the icon written
// before each in a type line: icons[i] goes with names[i]. It panics if an
// icon does not start with an emoji, from U+1F000 to U+1FAFF: a line that
// starts with one is never a header (see SplitWritten); and if an icon, a
// space and the name make less than 8 bytes or more than 24.
func NewTypeNames(names, icons []string) *Names {
	ns := newNames(names...)
	if len(icons) != len(names) {
		panic("lex: not one icon for each type name")
	}
	for i, name := range names {
		if !startsWithEmoji(icons[i]) {
			panic("lex: an icon that is not an emoji: " + icons[i])
		}
		start := icons[i] + " " + name
		if len(start) < 8 || len(start) > 24 {
			panic("lex: the start of a type line is not 8 to 24 bytes: " + start)
		}
		ns.written = append(ns.written, newWrittenStart(start))
		ns.writtenBy[start[3]] |= 1 << i
	}
	return ns
}

// SplitWritten splits text, a trimmed type line, when it starts as Format
// writes a type line: the icon of a known type, one space, and the type's
// name in its own spelling, not followed by '_' and a letter. It gives
// then what SplitTypeLine gives for text without its icon (IconLen), with
// less work: the index of the type and the description. ok is false for
// any other text. A text it splits starts with an emoji (NewTypeNames),
// so ParseHeader never reads it as a header. (A TypeLine is not returned:
// a result that large goes through memory, at some cost for each line.)
func (ns *Names) SplitWritten(text string) (known int, description string, ok bool) {
	if !ns.prefixFree {
		return -1, "", false // the first match might not be the longest
	}
	if len(text) < 8 {
		return -1, "", false // no start is so short (NewTypeNames)
	}
	for set := ns.writtenBy[text[3]]; set != 0; set &= set - 1 {
		i := bits.TrailingZeros64(set)
		w := &ns.written[i]
		n := len(w.s)
		if len(text) < n || Load64(text, 0) != w.words[0] || Load64(text, w.mid) != w.words[1] || Load64(text, n-8) != w.words[2] {
			continue // text does not start with w.s
		}
		if startsLongerName(text, n) {
			return -1, "", false
		}
		// The description as Format writes it, after one space, or as
		// digests copied from the tool write it, after none: there is
		// nothing to trim, as typeDescription would tell.
		rest := text[n:]
		if plainDescription(rest) {
			return i, rest, true
		}
		if rest != "" && rest[0] == ' ' && plainDescription(rest[1:]) {
			return i, rest[1:], true
		}
		return i, typeDescription(rest), true
	}
	return -1, "", false
}

// plainDescription reports whether typeDescription leaves s as it is
// because s starts with a printable ASCII byte that is neither white space
// nor a separator (IsTypeSeparator) and ends with a printable ASCII byte
// other than a space.
func plainDescription(s string) bool {
	return s != "" && isPlainEdge(s[0]) && s[0] != ':' && s[0] != '-' && s[0] != '|' && isPlainEdge(s[len(s)-1])
}

// A writtenStart is the start of a type line as Format writes it, s, of 8
// to 24 bytes, with its 8 bytes at 0, at mid and at len(s)-8, which
// together cover it: SplitWritten compares those to find s in a text,
// with three loads, rather than a call of the runtime's compare.
type writtenStart struct {
	s     string
	mid   int
	words [3]uint64
}

func newWrittenStart(s string) writtenStart {
	n := len(s)
	mid := min(8, n-8)
	return writtenStart{s: s, mid: mid, words: [3]uint64{Load64(s, 0), Load64(s, mid), Load64(s, n-8)}}
}

// Load64 returns the 8 bytes of s from i, the first in the low byte: one
// load on a 64-bit processor.
func Load64(s string, i int) uint64 {
	s = s[i : i+8]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

// newNames returns the names in list, in that order, ready for KnownType.
// It panics if a name is empty, or if there are more than 64.
func newNames(list ...string) *Names {
	if len(list) > 64 {
		panic("lex: more than 64 type names")
	}
	ns := &Names{list: list}
	for i, name := range list {
		if name == "" {
			panic("lex: empty type name")
		}
		ns.byFirst[(name[0]|0x20)&31] |= 1 << i
	}
	ns.prefixFree = true
	for i, a := range list {
		for j, b := range list {
			if i != j && len(a) <= len(b) && equalFoldASCII(b[:len(a)], a) {
				ns.prefixFree = false
			}
		}
	}
	return ns
}

// KnownType returns the index in names of the longest name that starts s,
// compared without regard to case and not followed by '_' and an ASCII
// letter, or -1 if none does. "Person_MaleSecrétaire" starts with
// "Person_Male"; "Person_Male_Extra" starts with no known name.
func KnownType(s string, names *Names) int {
	if s == "" {
		return -1
	}
	best := -1
	for set := names.byFirst[(s[0]|0x20)&31]; set != 0; set &= set - 1 {
		i := bits.TrailingZeros64(set)
		name := names.list[i]
		n := len(name)
		// The last two bytes, compared first, tell most names apart.
		if len(s) < n || s[n-1]|0x20 != name[n-1]|0x20 || n > 1 && s[n-2]|0x20 != name[n-2]|0x20 ||
			s[:n] != name && !equalFoldASCII(s[:n], name) {
			continue
		}
		if startsLongerName(s, n) {
			continue
		}
		if names.prefixFree {
			return i // no other name can start s: this one is the longest
		}
		if best < 0 || n > len(names.list[best]) {
			best = i
		}
	}
	return best
}

// A TypeLine is an entity's type line, split.
type TypeLine struct {
	Known       int    // index of the known type in the names given, or -1
	Type        string // the type as written; "" when the line has none
	Description string
}

// SplitTypeLine splits s, a trimmed type line without its icon, into type
// name and description (FORMAT.md §5). White space may stand before the
// type name. The type is the longest known name that starts the text (see
// KnownType), returned in its canonical spelling, or else the longest
// prefix of the form [A-Z][a-z]*(_[A-Z][a-z]*)*, returned as written; when
// that prefix is a known name, followed by '_' and a lower-case letter, it
// goes on over the parts of the form _[A-Za-z][a-z]* that follow, so that
// the unknown type is not read as a known one. Between type and description
// stands any run of white space, invisible format characters and the
// separators ':', '-', '–', '—', '·', '|'. ok is false when no type name
// starts the text; Description is then all of it.
func SplitTypeLine(s string, names *Names) (t TypeLine, ok bool) {
	s = trimLeftSpace(s)
	t.Known = KnownType(s, names)
	n := 0
	if t.Known >= 0 {
		t.Type = names.list[t.Known]
		n = len(t.Type)
	} else {
		n = typeNameLen(s)
		if KnownType(s[:n], names) >= 0 {
			// A known name starts s[:n] but not s: it is all of s[:n],
			// and KnownType refused it in s as '_' and a letter follow
			// it, a lower-case one, or typeNameLen would have gone on:
			// "Person_Male_adult". The type is unknown (FORMAT.md §5),
			// so it must not read as that name: it takes those parts
			// too.
			for startsLongerName(s, n) {
				n = lowerEnd(s, n+2)
			}
		}
		t.Type = s[:n]
	}
	if n == 0 {
		return TypeLine{Known: -1, Description: s}, false
	}
	t.Description = typeDescription(s[n:])
	return t, true
}

// typeDescription returns the description that s, the rest of a type
// line after its type name, holds: s without its leading separators and
// its trailing white space.
func typeDescription(s string) string {
	// trimSeparators trims the start as TrimLeft would, and more.
	d := trimSeparators(s)
	if d != "" && !isPlainEdge(d[len(d)-1]) {
		d = TrimRight(d)
	}
	return d
}

// trimLeftSpace returns s without its leading Unicode white space.
func trimLeftSpace(s string) string {
	for s != "" && s[0] < utf8.RuneSelf { // the common case: ASCII
		if s[0] != ' ' && (s[0] < '\t' || s[0] > '\r') {
			return s
		}
		s = s[1:]
	}
	return strings.TrimLeftFunc(s, unicode.IsSpace)
}

// typeNameLen returns the length of the longest prefix of s of the form
// [A-Z][a-z]*(_[A-Z][a-z]*)*.
func typeNameLen(s string) int {
	word := func(i int) int { // the end of [A-Z][a-z]* at i, or i
		if i >= len(s) || s[i] < 'A' || s[i] > 'Z' {
			return i
		}
		return lowerEnd(s, i+1)
	}
	n := word(0)
	if n == 0 {
		return 0
	}
	for n < len(s) && s[n] == '_' {
		end := word(n + 1)
		if end == n+1 {
			break
		}
		n = end
	}
	return n
}

// trimSeparators returns s without its leading run of white space,
// invisible format characters and separators.
func trimSeparators(s string) string {
	for s != "" {
		if c := s[0]; c < utf8.RuneSelf {
			if !IsTypeSeparator(rune(c)) && c != ' ' && (c < '\t' || c > '\r') {
				return s
			}
			s = s[1:]
			continue
		}
		r, size := utf8.DecodeRuneInString(s)
		if !IsTypeSeparator(r) && !isTrimmed(r) {
			return s
		}
		s = s[size:]
	}
	return s
}

// IsTypeSeparator reports whether r is one of the separators that may
// stand between a type name and its description: ':', '-', '–', '—', '·',
// '|'.
func IsTypeSeparator(r rune) bool {
	switch r {
	case ':', '-', '–', '—', '·', '|':
		return true
	}
	return false
}

// lowerEnd returns the end of the run of ASCII lower-case letters at s[i].
func lowerEnd(s string, i int) int {
	for i < len(s) && 'a' <= s[i] && s[i] <= 'z' {
		i++
	}
	return i
}

// startsLongerName reports whether the n bytes that start s are followed
// by '_' and an ASCII letter, and so are not a whole type name.
func startsLongerName(s string, n int) bool {
	return len(s) > n+1 && s[n] == '_' && isASCIILetter(s[n+1])
}

// equalFoldASCII reports whether s equals name, ASCII, without regard to
// ASCII case. It is strings.EqualFold for a name in ASCII: a non-ASCII rune
// that folds to an ASCII letter (U+212A KELVIN SIGN, U+017F LONG S) takes
// more than one byte, so that s could not have as many runes as name.
func equalFoldASCII(s, name string) bool {
	s = s[:len(name)]
	for i := 0; i < len(name); i++ {
		if c, d := s[i], name[i]; c != d && (c|0x20 != d|0x20 || !isASCIILetter(c)) {
			return false
		}
	}
	return true
}

func isASCIILetter(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z'
}
