package digest

// A reference parser, written from FORMAT.md and the package doc alone,
// not from parse.go or internal/lex, which TestParseRef and FuzzParseRef
// compare with Parse. It is slow and plain on purpose: each rule is one
// step, taken whole.

import (
	"path/filepath"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
	"golang.org/x/text/unicode/norm"
)

// refParse reads text as FORMAT.md and the package doc say. ok is false
// when the text has a problem that Parse is to report. The digest is what
// could be read, in any case.
func refParse(text string) (*Digest, bool) {
	ok := true
	d := &Digest{Highlights: []string{}, Keywords: []string{}, Entities: []Entity{},
		CoreSubject: CoreSubject{Paragraphs: []string{}}}
	if !utf8.ValidString(text) {
		ok = false
		text = string([]rune(text)) // one U+FFFD for each bad byte (package doc)
	}
	text = strings.TrimPrefix(text, "\uFEFF")
	for _, r := range text {
		// Control characters but tab and the line breaks.
		if r <= 0x1F && r != '\t' && r != '\n' && r != '\r' || 0x7F <= r && r <= 0x9F && r != 0x85 {
			ok = false
		}
	}
	var lines []string
	for _, l := range refSplitLines(text) {
		lines = append(lines, refCleanLine(l))
	}

	// Split into preamble and sections. Lines are not empty, so "" among
	// the entities' lines marks a header, which ends the entity before it.
	var preamble []string
	var sections [refEntities + 1][]string
	var seen [refEntities + 1]bool
	var counts []int // counts carried by entity headers (-1: unmatchable)
	cur := refNone
	for _, l := range lines {
		if l == "" {
			continue
		}
		if sec, cnt, has := refHeader(l); sec != refNone {
			sections[refEntities] = append(sections[refEntities], "")
			if seen[sec] {
				ok = false
			}
			seen[sec] = true
			if sec == refEntities && has {
				counts = append(counts, cnt)
			}
			cur = sec
			continue
		}
		if cur == refNone {
			preamble = append(preamble, l)
		} else {
			sections[cur] = append(sections[cur], l)
		}
	}
	if len(preamble) == 0 {
		ok = false
	} else {
		d.Title = preamble[0]
		d.Subtitle = strings.Join(preamble[1:], "\n")
	}
	d.Summary = strings.Join(sections[refSummary], "\n")
	for _, l := range sections[refHighlights] {
		h := refTrim(refStripMarker(l))
		if h != "" {
			d.Highlights = append(d.Highlights, h)
		}
	}
	core := sections[refCore]
	if len(core) > 0 {
		if refSentenceFinal(core[0]) {
			d.CoreSubject.Paragraphs = append(d.CoreSubject.Paragraphs, core...)
		} else {
			d.CoreSubject.Heading = core[0]
			d.CoreSubject.Paragraphs = append(d.CoreSubject.Paragraphs, core[1:]...)
		}
	}
	for _, l := range sections[refKeywords] {
		for _, piece := range strings.FieldsFunc(l, func(r rune) bool {
			return strings.ContainsRune(",،、，;؛", r)
		}) {
			p := piece
			for {
				q := refTrim(p)
				q = strings.TrimLeft(q, "#")
				q = refTrim(q)
				q = refTrim(refStripMarker(q))
				if q == p {
					break
				}
				p = q
			}
			if p != "" {
				d.Keywords = append(d.Keywords, p)
			}
		}
	}
	// Entities.
	var pending *string
	names := 0
	flush := func() {
		if pending != nil {
			d.Entities = append(d.Entities, Entity{Name: *pending})
			ok = false
			pending = nil
		}
	}
	for _, l := range sections[refEntities] {
		if l == "" {
			flush()
			continue
		}
		if n := refIconLen(l); n > 0 {
			rest := strings.TrimLeftFunc(l[n:], func(r rune) bool { return unicode.Is(unicode.White_Space, r) })
			typ, desc, good := refTypeAndDesc(rest)
			if !good {
				ok = false
			}
			if pending == nil {
				ok = false
				d.Entities = append(d.Entities, Entity{Type: typ, Description: desc})
			} else {
				d.Entities = append(d.Entities, Entity{Name: *pending, Type: typ, Description: desc})
				pending = nil
			}
			continue
		}
		if pending != nil {
			if k, n := refKnownPrefix(l); n > 0 {
				d.Entities = append(d.Entities, Entity{Name: *pending, Type: k, Description: refDesc(l[n:])})
				pending = nil
				continue
			}
		}
		flush()
		s := l
		pending = &s
		names++
	}
	flush()
	for _, c := range counts {
		if c != names {
			ok = false
		}
	}
	return d, ok
}

// refSplitLines splits at LF, CRLF, CR, U+0085, U+2028, U+2029.
func refSplitLines(s string) []string {
	var out []string
	var b strings.Builder
	rs := []rune(s)
	for i := 0; i < len(rs); i++ {
		r := rs[i]
		switch r {
		case '\r':
			if i+1 < len(rs) && rs[i+1] == '\n' {
				i++
			}
			out = append(out, b.String())
			b.Reset()
		case '\n', 0x85, 0x2028, 0x2029:
			out = append(out, b.String())
			b.Reset()
		default:
			b.WriteRune(r)
		}
	}
	out = append(out, b.String())
	return out
}

// refIsFormat reports whether r is one of the invisible format characters
// that lines are trimmed of.
func refIsFormat(r rune) bool {
	switch {
	case r == 0x200B, r == 0x200E, r == 0x200F, r >= 0x202A && r <= 0x202E,
		r == 0x2060, r >= 0x2066 && r <= 0x2069, r == 0xFEFF:
		return true
	}
	return false
}

// refIsTrim reports whether lines and values are trimmed of r.
func refIsTrim(r rune) bool {
	return unicode.Is(unicode.White_Space, r) || refIsFormat(r)
}

// refTrim trims s of white space and invisible format characters.
func refTrim(s string) string { return strings.TrimFunc(s, refIsTrim) }

// refCleanLine cleans a line: U+200B and U+FEFF removed, runs of tabs and
// spaces made one space, trimmed, in NFC.
func refCleanLine(l string) string {
	l = strings.ReplaceAll(l, "\u200B", "")
	l = strings.ReplaceAll(l, "\uFEFF", "")
	var b strings.Builder
	sp := false
	for _, r := range l {
		if r == ' ' || r == '\t' {
			if !sp {
				b.WriteByte(' ')
			}
			sp = true
			continue
		}
		sp = false
		b.WriteRune(r)
	}
	return norm.NFC.String(refTrim(b.String()))
}

// refHeader returns the section of a header line (refNone when none) and the
// entity count it carries, if hasCount (-1 when it has more than nine
// significant digits, which matches no section).
func refHeader(s string) (sec int, count int, hasCount bool) {
	s = refTrim(strings.TrimLeft(s, "#"))
	for _, a := range refTails(s) {
		u := a.core
		for _, pair := range []string{"**", "__"} {
			if len(u) >= 4 && strings.HasPrefix(u, pair) && strings.HasSuffix(u, pair) {
				inner := refTrim(u[2 : len(u)-2])
				for _, b := range refTails(inner) {
					if a.has && b.has {
						continue
					}
					if sec := refFoldName(b.core); sec != refNone {
						if (a.has || b.has) && sec != refEntities {
							continue
						}
						if a.has {
							return sec, a.count, true
						}
						return sec, b.count, b.has
					}
				}
			}
		}
		if sec := refFoldName(u); sec != refNone {
			if a.has && sec != refEntities {
				continue
			}
			return sec, a.count, a.has
		}
	}
	return 0, 0, false
}

// refTail is a header's text with what may end it taken off: a ':', an
// entity count, or both.
type refTail struct {
	core  string
	count int
	has   bool
}

// refTails lists t with each of these endings taken off, trimming after
// each step: none, ':', count, ':' count, count ':', ':' count ':'.
func refTails(t string) []refTail {
	out := []refTail{{core: t}}
	if c, ok := strings.CutSuffix(t, ":"); ok {
		out = append(out, refTail{core: refTrim(c)})
	}
	try := func(t string) {
		if c, n, ok := refCutCount(t); ok {
			c = refTrim(c)
			out = append(out, refTail{core: c, count: n, has: true})
			if c2, ok := strings.CutSuffix(c, ":"); ok {
				out = append(out, refTail{core: refTrim(c2), count: n, has: true})
			}
		}
	}
	try(t)
	if c, ok := strings.CutSuffix(t, ":"); ok {
		try(refTrim(c)) // "Mentioned entities: (6):", a ':' on each side
	}
	return out
}

// refCutCount takes off a trailing ASCII count, bare or in parentheses
// (white space and format characters allowed inside them), and returns
// the rest and the count: -1 when it has more than nine significant
// digits.
func refCutCount(t string) (string, int, bool) {
	paren := false
	u := t
	if strings.HasSuffix(u, ")") {
		paren = true
		u = refTrim(u[:len(u)-1])
	}
	i := len(u)
	for i > 0 && u[i-1] >= '0' && u[i-1] <= '9' {
		i--
	}
	if i == len(u) {
		return "", 0, false
	}
	digits := strings.TrimLeft(u[i:], "0")
	rest := u[:i]
	if paren {
		rest = refTrim(rest)
		if !strings.HasSuffix(rest, "(") {
			return "", 0, false
		}
		rest = rest[:len(rest)-1]
	}
	n := 0
	if len(digits) > 9 {
		n = -1
	} else {
		for _, c := range digits {
			n = n*10 + int(c-'0')
		}
	}
	return rest, n, true
}

// refSimpleFold folds r to the ASCII letter of its simple case folding
// orbit, if it has one, or else to lower case.
func refSimpleFold(r rune) rune {
	for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
		if f >= 'a' && f <= 'z' {
			return f
		}
	}
	if r >= 'A' && r <= 'Z' {
		return r + 32
	}
	return unicode.ToLower(r)
}

// refFold folds a header's name as FORMAT.md §2 says: decomposed,
// combining marks dropped, case-folded, '-', '_' and runs of white space
// read as one space.
func refFold(s string) string {
	var b strings.Builder
	prevSp := false
	for _, r := range norm.NFD.String(s) {
		if unicode.Is(unicode.Mn, r) {
			continue
		}
		r = refSimpleFold(r)
		if r == '-' || r == '_' || unicode.Is(unicode.White_Space, r) {
			if !prevSp {
				b.WriteByte(' ')
			}
			prevSp = true
			continue
		}
		prevSp = false
		b.WriteRune(r)
	}
	return b.String()
}

// The sections, as refHeader gives them: refNone for a line that is no
// header, and for the title and subtitle before the first header.
const (
	refNone = iota
	refSummary
	refHighlights
	refCore
	refKeywords
	refEntities
)

// refFoldName returns the section that s names, or refNone.
func refFoldName(s string) int {
	switch refFold(s) {
	case "summary", "resume":
		return refSummary
	case "key highlights", "points cles":
		return refHighlights
	case "core subject", "sujet principal":
		return refCore
	case "keywords", "mots cles":
		return refKeywords
	case "mentioned entities", "entites mentionnees":
		return refEntities
	}
	return refNone
}

// refStripMarker removes one leading list marker from s, which is trimmed;
// the result is not.
func refStripMarker(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	switch r {
	case '•', '·', '‣', '▪', '◦':
		return s[n:]
	case '-', '*', '+', '–', '—':
		if r2, m := utf8.DecodeRuneInString(s[n:]); m > 0 && unicode.Is(unicode.White_Space, r2) {
			return s[n:]
		}
		return s
	}
	i := 0
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	if i > 0 && i < len(s) && (s[i] == '.' || s[i] == ')') {
		if r2, m := utf8.DecodeRuneInString(s[i+1:]); m > 0 && unicode.Is(unicode.White_Space, r2) {
			return s[i+1:]
		}
	}
	return s
}

// refSentenceFinal reports whether s ends with sentence-final punctuation.
func refSentenceFinal(s string) bool {
	r, _ := utf8.DecodeLastRuneInString(s)
	return strings.ContainsRune(".!?…؟。！？", r)
}

// refIconLen is the byte length of the icon at the start of s.
func refIconLen(s string) int {
	i := 0
	for i < len(s) {
		r, n := utf8.DecodeRuneInString(s[i:])
		if r >= 0x80 && r != 0xFE0F {
			if r2, m := utf8.DecodeRuneInString(s[i+n:]); m > 0 && r2 == 0xFE0F {
				i += n + m
				continue
			}
		}
		switch {
		case unicode.Is(unicode.So, r), unicode.Is(unicode.Sk, r),
			r >= 0x80 && unicode.Is(unicode.Sm, r),
			r == 0xFE0F, r == 0x200D, r == 0x20E3, r >= 0xE0020 && r <= 0xE007F:
			i += n
			continue
		}
		break
	}
	return i
}

// refKnown are the known entity types.
var refKnown = []EntityType{PersonFemale, Organization, PersonMale, Location, Product, Event, Other}

// refASCIILetter reports whether c is an ASCII letter.
func refASCIILetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

// refKnownPrefix returns the longest known type name that starts s, in
// ASCII letters of any case, not followed by '_' and an ASCII letter, and
// its length.
func refKnownPrefix(s string) (EntityType, int) {
	best, bn := EntityType(""), 0
	for _, k := range refKnown {
		n := len(k)
		if len(s) < n {
			continue
		}
		match := true
		for i := 0; i < n; i++ {
			a, b := s[i], k[i]
			if a >= 'A' && a <= 'Z' {
				a += 32
			}
			if b >= 'A' && b <= 'Z' {
				b += 32
			}
			if a != b {
				match = false
				break
			}
		}
		if !match {
			continue
		}
		if len(s) > n+1 && s[n] == '_' && refASCIILetter(s[n+1]) {
			continue
		}
		if n > bn {
			best, bn = k, n
		}
	}
	return best, bn
}

// refUpper reports whether c is an ASCII upper-case letter.
func refUpper(c byte) bool { return c >= 'A' && c <= 'Z' }

// refLower reports whether c is an ASCII lower-case letter.
func refLower(c byte) bool { return c >= 'a' && c <= 'z' }

// refTypeAndDesc reads a type name and description after the icon; ok is
// false when s starts with no type name. A known name followed by '_' and
// a letter takes the _[A-Za-z][a-z]* parts that follow (package doc).
func refTypeAndDesc(s string) (EntityType, string, bool) {
	if k, n := refKnownPrefix(s); n > 0 {
		return k, refDesc(s[n:]), true
	}
	// [A-Z][a-z]*(_[A-Z][a-z]*)*
	i := 0
	if i < len(s) && refUpper(s[i]) {
		i++
		for i < len(s) && refLower(s[i]) {
			i++
		}
		for i+1 < len(s) && s[i] == '_' && refUpper(s[i+1]) {
			i += 2
			for i < len(s) && refLower(s[i]) {
				i++
			}
		}
	}
	if i == 0 {
		return "", refTrim(s), false
	}
	typ := s[:i]
	isKnown := false
	for _, k := range refKnown {
		if string(k) == typ {
			isKnown = true
		}
	}
	if isKnown {
		// _[A-Za-z][a-z]* parts follow
		for i+1 < len(s) && s[i] == '_' && refASCIILetter(s[i+1]) {
			i += 2
			for i < len(s) && refLower(s[i]) {
				i++
			}
		}
		typ = s[:i]
	}
	return EntityType(typ), refDesc(s[i:]), true
}

// refDesc returns the description after a type name: trimmed, and with
// the separators ':', '-', '–', '—', '·' and '|' before it taken off.
func refDesc(s string) string {
	s = strings.TrimLeftFunc(s, func(r rune) bool {
		return refIsTrim(r) || strings.ContainsRune(":-–—·|", r)
	})
	return refTrim(s)
}

// checkParseRef checks that Parse and refParse agree on text: on whether
// it has a problem, and on every value of its digest. The description of a
// type line without a type name, which the documents leave open, is not
// compared (such a line is always a problem). Which problems, and where,
// is for the other tests.
func checkParseRef(t *testing.T, text string) {
	t.Helper()
	got, err := Parse([]byte(text))
	if got == nil {
		t.Fatalf("Parse(%q): no digest, error %v", text, err)
	}
	want, ok := refParse(text)
	if (err == nil) != ok {
		t.Errorf("Parse(%.200q): error %v; want one: %v, as the reference finds", text, err, !ok)
	}
	if err != nil {
		for i := range min(len(got.Entities), len(want.Entities)) {
			if got.Entities[i].Type == "" && want.Entities[i].Type == "" {
				want.Entities[i].Description = got.Entities[i].Description
			}
		}
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Parse(%.200q) differs from the reference (-reference +Parse):\n%s", text, diff)
	}
}

// refVariants are ways of writing a text that FORMAT.md and the package
// doc tolerate, each a function of the text.
var refVariants = []struct {
	name string
	of   func(string) string
}{
	{"as is", func(s string) string { return s }},
	{"CRLF", func(s string) string { return strings.ReplaceAll(s, "\n", "\r\n") }},
	{"CR", func(s string) string { return strings.ReplaceAll(s, "\n", "\r") }},
	{"NFD", norm.NFD.String},
	{"blank lines", func(s string) string { return strings.ReplaceAll(s, "\n", "\n \n") }},
	{"spaced", strings.NewReplacer(", ", ",\t", ". ", ".  ").Replace},
	{"headers", strings.NewReplacer(
		"SUMMARY\n", "## Résumé :\n",
		"KEY HIGHLIGHTS\n", "**Points clés**\n",
		"CORE SUBJECT\n", "Sujet principal:\n",
		"KEYWORDS\n", "# Mots-clés\n",
		"MENTIONED ENTITIES", "Entités mentionnées",
	).Replace},
}

// TestParseRef compares Parse with refParse, a reader written from the
// documents alone, on every text of testdata and on each of its variants.
func TestParseRef(t *testing.T) {
	for _, in := range textFiles(t) {
		b := readTestFile(t, in)
		for _, v := range refVariants {
			t.Run(filepath.Base(in)+"/"+v.name, func(t *testing.T) {
				checkParseRef(t, v.of(string(b)))
			})
		}
	}
}

// FuzzParseRef compares Parse with refParse on any text.
func FuzzParseRef(f *testing.F) {
	for _, in := range textFiles(f) {
		f.Add(string(readTestFile(f, in)))
	}
	f.Fuzz(checkParseRef)
}
