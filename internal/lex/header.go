package lex

import (
	"strings"
	"unicode"
	"unicode/utf8"

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

// sectionNames maps the folded header names of FORMAT.md §2 to sections.
var sectionNames = map[string]Section{
	"summary":             Summary,
	"resume":              Summary,
	"key highlights":      Highlights,
	"points cles":         Highlights,
	"core subject":        CoreSubject,
	"sujet principal":     CoreSubject,
	"keywords":            Keywords,
	"mots cles":           Keywords,
	"mentioned entities":  Entities,
	"entites mentionnees": Entities,
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
// and a ':' may also stand after the "**" pair ("**Summary**:") or after the
// count ("Mentioned entities (6):").
func ParseHeader(text string) (Header, bool) {
	// A header ends with a letter, a digit, ':', ')', '*' or '_': a quick
	// test that most other lines fail, such as sentences that end in '.'.
	if text == "" {
		return Header{}, false
	}
	switch c := text[len(text)-1]; {
	case c >= utf8.RuneSelf, 'a' <= c|0x20 && c|0x20 <= 'z', '0' <= c && c <= '9',
		c == ':', c == ')', c == '*', c == '_':
	default:
		return Header{}, false
	}
	s := Trim(strings.TrimLeft(text, "#"))
	if e := cutColon(s); len(e) >= 4 && (e[:2] == "**" && e[len(e)-2:] == "**" || e[:2] == "__" && e[len(e)-2:] == "__") {
		s = Trim(e[2 : len(e)-2])
	}
	if name, count, ok := cutCount(s); ok {
		if sec, ok := fold(cutColon(name)); ok && sec == Entities {
			return Header{Section: Entities, Count: count}, true
		}
	}
	sec, ok := fold(cutColon(s))
	return Header{Section: sec}, ok
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
// section names. It gives up as soon as the fold cannot be a name: when its
// first three bytes start no name, when it grows longer than the longest
// name, or when a character does not fold to ASCII. Most lines are not
// headers, and most give up at their third character.
func fold(s string) (Section, bool) {
	if !mayStartName(s) {
		return None, false
	}
	var buf [maxFolded]byte
	n := 0
	space := false
	put := func(c byte) bool {
		if c == ' ' {
			if space {
				return true
			}
			space = true
		} else {
			space = false
		}
		if n == len(buf) {
			return false
		}
		buf[n] = c
		n++
		return n != 3 || startsName(string(buf[:3]))
	}
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			i++
			if !put(foldASCII(c)) {
				return None, false
			}
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if unicode.IsSpace(r) {
			i += size
			if !put(' ') {
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
			if !ok || !put(c) {
				return None, false
			}
		}
	}
	sec, ok := sectionNames[string(buf[:n])]
	return sec, ok
}

// mayStartName reports whether the first character of s may fold to the
// first letter of a section name: 's', 'r', 'k', 'p', 'c', 'm' or 'e' in
// either case, U+212A KELVIN SIGN, U+017F LONG S, or a combining mark, which
// folding drops. It spares fold its slow path on lines that start with
// other letters, digits or icons.
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
	return r == 0x212A || r == 0x017F || unicode.Is(unicode.Mn, r)
}

// startsName reports whether a folded section name starts with p, three
// bytes long.
func startsName(p string) bool {
	switch p {
	case "sum", "res", "key", "poi", "cor", "suj", "mot", "men", "ent":
		return true
	}
	return false
}

// foldASCII folds an ASCII byte: upper case to lower, '-' and '_' to a
// space.
func foldASCII(c byte) byte {
	switch {
	case 'A' <= c && c <= 'Z':
		return c + 'a' - 'A'
	case c == '-' || c == '_':
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
