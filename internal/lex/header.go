package lex

import (
	"strings"
	"unicode"
	"unicode/utf8"
	"unsafe"

	"golang.org/x/text/unicode/norm"
)

// Section names a section of a digest.
type Section uint8

// The sections, in canonical order. None is the preamble, before any
// header.
const (
	None Section = iota
	Summary
	Highlights
	CoreSubject
	Keywords
	Entities
)

// A sectionName is a folded header name of FORMAT.md §2.
type sectionName struct {
	name  string
	upper string // name in upper case, as digests most often write it
	sec   Section
}

// sectionList lists the folded header names of FORMAT.md §2.
var sectionList = [...]sectionName{
	{name: "summary", sec: Summary},
	{name: "resume", sec: Summary},
	{name: "key highlights", sec: Highlights},
	{name: "points cles", sec: Highlights},
	{name: "core subject", sec: CoreSubject},
	{name: "sujet principal", sec: CoreSubject},
	{name: "keywords", sec: Keywords},
	{name: "mots cles", sec: Keywords},
	{name: "mentioned entities", sec: Entities},
	{name: "entites mentionnees", sec: Entities},
}

// sectionNames lists the names of sectionList indexed by their length: no
// two have the same.
var sectionNames = func() (byLen [maxFolded + 1]sectionName) {
	for _, n := range sectionList {
		if byLen[len(n.name)].name != "" {
			panic("lex: two section names of the same length")
		}
		n.upper = strings.ToUpper(n.name)
		byLen[len(n.name)] = n
	}
	return byLen
}()

// nameOfLength returns the section name n bytes long, if any, or one
// whose name is "". It returns a pointer, which its callers only read: a
// copy of the struct, through the stack, stalled the processor (its
// 16-byte stores overlap, and a load across two of them waits for both),
// and ParseHeader took about a fifth more time (BenchmarkParseHeader).
func nameOfLength(n int) *sectionName {
	if n < len(sectionNames) {
		return &sectionNames[n]
	}
	return &noSectionName
}

// noSectionName is what nameOfLength returns for a length over every
// name's.
var noSectionName sectionName

// foldsTo reports whether s folds to name byte for byte, as it does when
// s is one of the names in ASCII, in any case, with '-' or '_' for a
// space: the quick path of fold for the headers that digests hold. Both
// have the same length.
func foldsTo(s, name string) bool {
	for i := 0; i < len(name); i++ {
		if foldASCII(s[i]) != name[i] {
			return false
		}
	}
	return true
}

// sectionOf returns the section whose folded header name (FORMAT.md §2)
// is name.
func sectionOf(name string) (Section, bool) {
	if n := nameOfLength(len(name)); n.name != "" && n.name == name {
		return n.sec, true
	}
	return None, false
}

// maxFolded is the length of the longest folded header name; a longer fold
// is not a header.
const maxFolded = len("entites mentionnees")

// A Header is a recognized header line.
type Header struct {
	Section Section
	// Count is the entity count the MENTIONED ENTITIES header carries, as
	// written (ASCII digits), or "" when it carries none.
	Count string
}

// ParseHeader reports whether text, a trimmed line, is a header, and which.
// It follows FORMAT.md §2: leading '#' characters, one pair of surrounding
// "**" or "__", a trailing entity count and one trailing ':' are taken off,
// then the rest is folded (decomposed, combining marks dropped, case-folded,
// '-' and '_' read as spaces, runs of white space read as one space) and
// compared with the known names.
//
// It is more lenient than FORMAT.md in ways a reader expects: white space is
// trimmed after each step that can expose it ("## **Summary**", "Résumé :"),
// a ':' may also stand after the "**" pair ("**Summary**:") or after the
// count ("Mentioned entities (6):"), and the count after the pair
// ("**Mentioned entities** (6)").
func ParseHeader(text string) (Header, bool) {
	// A quick test of the first and last bytes, which most lines fail,
	// such as sentences that end in '.'.
	if text == "" || headerEdges[text[0]]&headerStart == 0 || headerEdges[text[len(text)-1]]&headerEnd == 0 ||
		!mayBeHeader(text) {
		return Header{}, false
	}
	// The quick path: a header in upper case, as digests write them.
	if n := nameOfLength(len(text)); n.name != "" && text == n.upper {
		return Header{Section: n.sec}, true
	}
	if digits, ok := strings.CutPrefix(text, "MENTIONED ENTITIES "); ok && IsDigits(digits) {
		return Header{Section: Entities, Count: digits}, true
	}
	// A line that starts with a word, such as the name "Entity 12", is
	// no header when its first words part from every section name. This
	// test reads each letter of a header, so it comes after the quick
	// paths, which take the headers that digests write; mayBeHeader's
	// test of three letters, before them, costs less on the other lines.
	if isASCIILetter(text[0]) && !startsAName(text) {
		return Header{}, false
	}
	return parseHeader(text)
}

// Bits of headerEdges.
const (
	headerStart = 1 << iota // a header may start with the byte
	headerEnd               // a header may end with the byte
)

// headerEdges tells which bytes may start and end a header. A header
// starts with '#', '*' or '_', a letter that may start a section name
// (mayStartName), or a byte of a character that is not ASCII; white space
// too, though the lexer trims it. It ends with a letter, a digit, ':', ')',
// '*', '_', or a byte of a character that is not ASCII.
var headerEdges = func() (t [256]uint8) {
	for c := range 256 {
		b := byte(c)
		if b >= utf8.RuneSelf || b == '#' || b == '*' || b == '_' || b == ' ' || '\t' <= b && b <= '\r' ||
			mayStartName(string(b)) {
			t[c] |= headerStart
		}
		if b >= utf8.RuneSelf || isASCIILetter(b) || '0' <= b && b <= '9' || b == ':' || b == ')' || b == '*' || b == '_' {
			t[c] |= headerEnd
		}
	}
	return t
}()

// parseHeader is ParseHeader past its quick tests.
func parseHeader(text string) (Header, bool) {
	s := text // trimmed already
	if s[0] == '#' {
		s = trim(strings.TrimLeft(s, "#"))
	}
	if inner, ok := cutPair(cutColon(s)); ok {
		s = inner
	}
	if name, count, ok := cutCount(s); ok {
		// The count may also stand after the pair: "**Mentioned entities** (6)".
		if inner, ok := cutPair(cutColon(name)); ok {
			name = inner
		}
		if sec, ok := fold(cutColon(name)); ok && sec == Entities {
			return Header{Section: Entities, Count: count}, true
		}
	}
	sec, ok := fold(cutColon(s))
	return Header{Section: sec}, ok
}

// cutPair returns what one pair of "**" or "__" surrounds in s, trimmed.
func cutPair(s string) (string, bool) {
	if len(s) >= 4 && (s[:2] == "**" && s[len(s)-2:] == "**" || s[:2] == "__" && s[len(s)-2:] == "__") {
		return trim(s[2 : len(s)-2]), true
	}
	return s, false
}

// mayBeHeader is a quick test of the first characters that fold would
// read in text, which is not empty: after the leading '#' characters, a
// "**" or "__" pair and ASCII white space. It is false only when they
// cannot start a header name: three ASCII bytes that start no name, an
// ASCII one that mayStartName refuses, or an emoji, which is not white
// space, a mark or a letter. Most lines fail it at once.
func mayBeHeader(text string) bool {
	// Most lines have no prefix to skip: they start with a letter, or
	// with a character that is not ASCII, as an entity's type line does.
	switch {
	case text[0] >= utf8.RuneSelf:
		return !startsWithEmoji(text)
	case len(text) >= 3 && isASCIILetter(text[0]) && isASCIILetter(text[1]) && isASCIILetter(text[2]):
		return startsName(text[0]|0x20, text[1]|0x20, text[2]|0x20)
	}
	return mayBeHeaderAfter(text)
}

// startsAName reports whether text, which starts with an ASCII letter,
// starts as a section name does once folded, as far as its ASCII letters,
// the letters of Latin-1 with an accent and the ASCII white space between
// them tell: false for "Entity 12" ("entit" starts a name, "entity" none)
// and for "Entité numéro 12" ("entite " none). It folds them as fold does
// and follows the names as folder.put does, but without a folder, which
// took half as many instructions again on lines of entity names
// (callgrind); it stops, true, at any other byte.
func startsAName(text string) bool {
	names := uint16(allNames)
	k, i := 0, 0 // bytes folded, bytes read
	if len(text) >= 6 && isASCIILetter(text[0]) && isASCIILetter(text[1]) && isASCIILetter(text[2]) &&
		isASCIILetter(text[3]) && isASCIILetter(text[4]) && isASCIILetter(text[5]) {
		// Six ASCII letters, as entity names that start as a section
		// name does most often have ("Entity 12", "Keynote speaker"),
		// fold to themselves in lower case: one test of their six
		// look-ups takes fewer instructions and branches than six
		// steps of the loop below, which would do the same.
		names = namesWithByte[0][text[0]|0x20] & namesWithByte[1][text[1]|0x20] & namesWithByte[2][text[2]|0x20] &
			namesWithByte[3][text[3]|0x20] & namesWithByte[4][text[4]|0x20] & namesWithByte[5][text[5]|0x20]
		if names == 0 {
			return false
		}
		k, i = 6, 6
	}
	space := false // a run of white space, folded to one space before a letter
	for i < len(text) {
		c := text[i]
		switch {
		case isASCIILetter(c):
			i++
			c |= 0x20
		case c == ' ' || c == '-' || c == '_':
			// Folded only before a letter: white space may also stand
			// before a ':' that parseHeader cuts.
			space = true
			i++
			continue
		default:
			b, ok := latin1Letter(text, i)
			if !ok {
				return true
			}
			i += 2
			c = b
		}
		if space {
			if k == maxFolded {
				return false
			}
			names &= namesWithByte[k][' ']
			k++
			space = false
		}
		if k == maxFolded {
			return false
		}
		if names &= namesWithByte[k][c]; names == 0 {
			return false
		}
		k++
	}
	return true
}

// mayBeHeaderAfter is mayBeHeader for a text that may start with '#',
// a "**" or "__" pair, or white space.
func mayBeHeaderAfter(text string) bool {
	i := 0
	for i < len(text) && text[i] == '#' {
		i++
	}
	i = skipASCIISpace(text, i)
	if i+1 < len(text) && (text[i] == '*' && text[i+1] == '*' || text[i] == '_' && text[i+1] == '_') {
		i = skipASCIISpace(text, i+2)
	}
	if i == len(text) {
		return false
	}
	if rest := text[i:]; rest[0] < utf8.RuneSelf {
		if len(rest) >= 3 && rest[1] < utf8.RuneSelf && rest[2] < utf8.RuneSelf {
			return startsName(rest[0]|0x20, rest[1]|0x20, rest[2]|0x20)
		}
		return mayStartName(rest)
	}
	return !startsWithEmoji(text[i:])
}

// IsDigits reports whether s is one or more ASCII digits.
func IsDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// skipASCIISpace returns the index of the first byte of s at or after i
// that is not ASCII white space.
func skipASCIISpace(s string, i int) int {
	for i < len(s) && (s[i] == ' ' || '\t' <= s[i] && s[i] <= '\r') {
		i++
	}
	return i
}

// cutColon returns s without one trailing ':' and the white space before it.
func cutColon(s string) string {
	if strings.HasSuffix(s, ":") {
		return TrimRight(s[:len(s)-1])
	}
	return s
}

// cutCount splits a trailing entity count off s: "NAME 6", "NAME6",
// "NAME (6)", "NAME: 6", also followed by one ':'. It returns the name,
// trimmed, and the digits.
func cutCount(s string) (name, count string, ok bool) {
	s = cutColon(s)
	paren := strings.HasSuffix(s, ")")
	if paren {
		s = TrimRight(s[:len(s)-1])
	}
	i := len(s)
	for i > 0 && s[i-1] >= '0' && s[i-1] <= '9' {
		i--
	}
	if i == len(s) {
		return "", "", false
	}
	name, count = s[:i], s[i:]
	if paren {
		name = TrimRight(name)
		if !strings.HasSuffix(name, "(") {
			return "", "", false
		}
		name = name[:len(name)-1]
	}
	return TrimRight(name), count, true
}

// fold folds s as FORMAT.md §2 says and looks the result up among the
// section names. It gives up as soon as the fold cannot be a name: when it
// starts no name (folder.put), when it grows longer than the longest name,
// or when a character does not fold to ASCII. Most lines are not headers,
// and most give up within their first characters.
func fold(s string) (Section, bool) {
	if !mayStartName(s) {
		return None, false
	}
	// A name in ASCII, in any case, with '-' or '_' for a space.
	if n := nameOfLength(len(s)); n.name != "" && foldsTo(s, n.name) {
		return n.sec, true
	}
	f := folder{names: allNames}
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			i++
			if c = foldASCII(c); c != ' ' && (c < 'a' || c > 'z') {
				return None, false // a name folds to letters and spaces only
			}
			if !f.put(c) {
				return None, false
			}
			continue
		}
		if b, ok := latin1Letter(s, i); ok {
			// Its base letter, as below, without looking its
			// decomposition up.
			i += 2
			if !f.put(b) {
				return None, false
			}
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if unicode.IsSpace(r) {
			i += size
			if !f.put(' ') {
				return None, false
			}
			continue
		}
		// Fold each rune of the canonical decomposition, if any.
		d := norm.NFD.PropertiesString(s[i:]).Decomposition()
		i += size
		if d == nil {
			var one [utf8.UTFMax]byte
			d = utf8.AppendRune(one[:0], r)
		}
		for len(d) > 0 {
			r, size := utf8.DecodeRune(d)
			d = d[size:]
			if unicode.Is(unicode.Mn, r) {
				continue
			}
			c, ok := foldToASCII(r)
			if !ok || !f.put(c) {
				return None, false
			}
		}
	}
	return sectionOf(unsafe.String(&f.buf[0], f.n)) // f outlives the call
}

// latin1Base has, for each letter from U+00C0 to U+00FF, at its offset
// from U+00C0, the ASCII letter in lower case that its canonical
// decomposition starts with, before the accent that fold drops; 0 for the
// others, which have none (Æ, ß, ×). It is read off nfcPairs, which
// composes those letters; TestLatin1Base checks it against
// golang.org/x/text.
var latin1Base = func() (t [64]byte) {
	for _, c := range []byte("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz") {
		for _, r := range nfcPairs[letterIndex(c)] {
			if 0xC0 <= r && r <= 0xFF {
				t[r-0xC0] = c | 0x20 // in lower case
			}
		}
	}
	return t
}()

// latin1Letter returns the base letter of latin1Base for the letter of
// Latin-1 with an accent at s[i], if s[i] starts one that has a base.
func latin1Letter(s string, i int) (byte, bool) {
	if s[i] != 0xC3 || i+1 == len(s) || s[i+1]&0xC0 != 0x80 {
		return 0, false
	}
	b := latin1Base[s[i+1]&0x3F]
	return b, b != 0
}

// A folder collects the bytes of a folded header name.
type folder struct {
	buf   [maxFolded]byte
	n     int
	space bool   // the last byte is a space
	names uint16 // the section names that start with buf[:n], a bit each
}

// put appends c, a folded byte, ASCII, to the name, unless c is a space
// after a space. It reports whether the name may still be a section name:
// whether one starts with it. So fold stops at the first byte that no
// name has there, and does not fold the rest of a line such as "Entité
// numéro 12", whose accented letters each cost a look-up of their
// decomposition. A folder starts with names set to allNames.
func (f *folder) put(c byte) bool {
	if c == ' ' {
		if f.space {
			return true
		}
		f.space = true
	} else {
		f.space = false
	}
	if f.n == len(f.buf) {
		return false
	}
	f.names &= namesWithByte[f.n][c]
	f.buf[f.n] = c
	f.n++
	return f.names != 0
}

// allNames has a bit for each name of sectionList, as namesWithByte.
const allNames = 1<<len(sectionList) - 1

// namesWithByte has, for each offset and byte, a bit for each name of
// sectionList, 1<<i for sectionList[i], that has the byte at the offset.
var namesWithByte = func() (t [maxFolded][utf8.RuneSelf]uint16) {
	for i, n := range sectionList {
		for k := range len(n.name) {
			t[k][n.name[k]] |= 1 << i
		}
	}
	return t
}()

// mayStartName reports whether the first character of s may fold to the
// first letter of a section name: 's', 'r', 'k', 'p', 'c', 'm' or 'e' in
// either case, alone or with accents ('Ŕ' decomposes to 'R' and a mark),
// U+212A KELVIN SIGN, U+017F LONG S, or a combining mark, which folding
// drops. It spares fold its slow path on lines that start with other
// letters, digits or icons.
func mayStartName(s string) bool {
	if s == "" {
		return false
	}
	if c := s[0]; c < utf8.RuneSelf {
		switch c | 0x20 {
		case 's', 'r', 'k', 'p', 'c', 'm', 'e':
			return true
		}
		return false
	}
	r, _ := utf8.DecodeRuneInString(s)
	if r == 0x212A || r == 0x017F || unicode.Is(unicode.Mn, r) {
		return true
	}
	// The canonical decomposition starts with the base letter: 'R' for
	// 'Ŕ', U+017F LONG S for U+1E9B.
	d := norm.NFD.PropertiesString(s).Decomposition()
	return len(d) > 0 && mayStartName(string(d))
}

// startsName reports whether a folded section name starts with the bytes
// a, b, c, which are ASCII.
func startsName(a, b, c byte) bool {
	return namesWithByte[0][a]&namesWithByte[1][b]&namesWithByte[2][c] != 0
}

// foldASCII folds an ASCII byte: upper case to lower, '-' and '_' to a
// space, and so white space: a tab, which the lexer has made a space
// already, and U+000B and U+000C, which it reports as control characters
// but keeps.
func foldASCII(c byte) byte {
	switch {
	case 'A' <= c && c <= 'Z':
		return c + 'a' - 'A'
	case c == '-' || c == '_' || c == '\t' || c == '\v' || c == '\f':
		return ' '
	}
	return c
}

// foldToASCII returns the ASCII byte that r case-folds to, if any: 'k' for
// U+212A KELVIN SIGN, 's' for U+017F LONG S. Letters of other scripts that
// look like Latin ones (Cyrillic 'С') fold to no ASCII byte.
func foldToASCII(r rune) (byte, bool) {
	if r < utf8.RuneSelf {
		return foldASCII(byte(r)), true
	}
	for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
		if f < utf8.RuneSelf {
			return foldASCII(byte(f)), true
		}
	}
	return 0, false
}
