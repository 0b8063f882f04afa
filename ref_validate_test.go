package digest

// A reference validator, written from FORMAT.md §8, the documentation of
// Validate and of the Err sentinels, and the JSON Schema alone, not from
// validate.go or schema.go, which TestValidateRef and FuzzValidateRef
// compare with Validate. It is slow and plain on purpose: each rule is one
// step, taken whole. The rule that a digest "can be written in the
// canonical form and read back unchanged" is checked with refFormat and
// refParse, the reference writer and reader, and not with Format and Parse.
//
// What is compared: whether a digest is valid; the set of JSON Pointers at
// which Parser{AllErrors: true}.Validate reports problems; and the pointer
// of the first problem Validate reports. Not compared: the sentinels and
// messages, and how many problems one pointer gets (the documentation
// fixes them less tightly than the pointers: "one mistake gives one
// error", a control character at a text's end gives no ErrWhiteSpace
// besides, and so on).
//
// Left out of the generated digests, for time: lists of more than 100000
// items and texts of more than 4194304 characters or canonical texts of
// more than DefaultMaxSize bytes (the one test of the size limit,
// TestValidateRefTooLarge, takes one such digest).

import (
	"errors"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"golang.org/x/text/cases"
	"golang.org/x/text/unicode/norm"
)

// refProblem is a problem refValidate finds: the JSON Pointer of the value
// at fault, and the rule it breaks, for messages.
type refProblem struct {
	Pointer string
	Rule    string
}

// Bounds of the JSON Schema, in characters and items.
const (
	refShortMax = 4096
	refLongMax  = 4194304
	refItemsMax = 100000
)

// refTextRules returns the rules that text s breaks, of those FORMAT.md §8,
// the schema and the documentation of Validate give every text: required
// (not empty), UTF-8, length, control characters, line breaks (multi for the
// subtitle and summary, which may hold "\n" between two non-empty lines),
// white space and invisible format characters at the ends of the text or
// of each of its lines, NFC.
func refTextRules(s string, required, multi bool, max int) []string {
	var rules []string
	if s == "" {
		if required {
			rules = append(rules, "empty")
		}
		return rules
	}
	if !utf8.ValidString(s) {
		rules = append(rules, "invalid UTF-8")
	}
	if utf8.RuneCountInString(s) > max {
		rules = append(rules, "too long")
	}
	for _, r := range s {
		if (r <= 0x1F || 0x7F <= r && r <= 0x9F) && r != '\n' && r != '\r' && r != 0x85 {
			rules = append(rules, "control character")
			break
		}
	}
	lines := []string{s}
	if multi {
		lines = strings.Split(s, "\n")
	}
	for _, r := range s {
		if r == '\r' || r == 0x85 || r == 0x2028 || r == 0x2029 || r == '\n' && !multi {
			rules = append(rules, "line break")
			break
		}
	}
	var emptyLine, ends bool
	for _, l := range lines {
		if l == "" {
			emptyLine = true
			continue
		}
		first, _ := utf8.DecodeRuneInString(l)
		last, _ := utf8.DecodeLastRuneInString(l)
		ends = ends || refIsTrim(first) || refIsTrim(last)
	}
	if emptyLine {
		rules = append(rules, "line break (empty line)")
	}
	if ends {
		rules = append(rules, "white space at an end")
	}
	if !norm.NFC.IsNormalString(s) {
		rules = append(rules, "not NFC")
	}
	return rules
}

// refKnownType reports whether t is a known type in its canonical spelling.
func refKnownType(t EntityType) bool {
	_, ok := refIcons[t]
	return ok
}

// refReadsBack reports whether f reads back unchanged from its canonical
// text form, by refFormat and refParse: read without a problem, to the same
// values, nil and empty lists alike.
func refReadsBack(f *Digest) bool {
	g, ok := refParse(refFormat(f))
	return ok && cmp.Equal(f, g, cmpopts.EquateEmpty())
}

// refValidate returns the problems of d as FORMAT.md §8, the documentation
// of Validate and the schema give them, each at the JSON Pointer of the
// value at fault, with the size limit of Parse, DefaultMaxSize.
func refValidate(d *Digest) []refProblem {
	return refValidateLimit(d, DefaultMaxSize)
}

// refValidateLimit returns the problems of d as refValidate does, with
// limit bytes as the largest canonical text (Parser.MaxSize, Parser.Validate).
func refValidateLimit(d *Digest, limit int) []refProblem {
	if d == nil {
		d = &Digest{} // "A nil d is validated as an empty digest."
	}
	var ps []refProblem
	bad := map[string]bool{} // pointers of texts with a problem of their own
	text := func(p, s string, required, multi bool, max int) {
		for _, r := range refTextRules(s, required, multi, max) {
			ps = append(ps, refProblem{p, r})
			bad[p] = true
		}
	}

	// The rules of each text.
	text("/title", d.Title, true, false, refShortMax)
	text("/subtitle", d.Subtitle, false, true, refLongMax)
	text("/summary", d.Summary, true, true, refLongMax)
	for i, h := range d.Highlights {
		text("/highlights/"+strconv.Itoa(i), h, true, false, refLongMax)
	}
	text("/core_subject/heading", d.CoreSubject.Heading, false, false, refShortMax)
	for i, p := range d.CoreSubject.Paragraphs {
		text("/core_subject/paragraphs/"+strconv.Itoa(i), p, true, false, refLongMax)
	}
	for i, k := range d.Keywords {
		text("/keywords/"+strconv.Itoa(i), k, true, false, refShortMax)
	}
	for i, e := range d.Entities {
		p := "/entities/" + strconv.Itoa(i)
		text(p+"/name", e.Name, true, false, refShortMax)
		if !refKnownType(e.Type) {
			ps = append(ps, refProblem{p + "/type", "unknown entity type"})
		}
		text(p+"/description", e.Description, true, false, refLongMax)
	}

	// The length of the lists.
	for p, n := range map[string]int{
		"/highlights": len(d.Highlights), "/core_subject/paragraphs": len(d.CoreSubject.Paragraphs),
		"/keywords": len(d.Keywords), "/entities": len(d.Entities),
	} {
		if n > refItemsMax {
			ps = append(ps, refProblem{p, "too many items"})
		}
	}

	// Duplicates after Unicode case folding (full folding, package doc),
	// the later one reported; empty texts are not duplicates.
	seen := map[string]bool{}
	for i, k := range d.Keywords {
		if k == "" {
			continue
		}
		f := cases.Fold().String(k)
		if seen[f] {
			ps = append(ps, refProblem{"/keywords/" + strconv.Itoa(i), "duplicate keyword"})
		}
		seen[f] = true
	}
	seen = map[string]bool{}
	for i, e := range d.Entities {
		if e.Name == "" {
			continue
		}
		f := cases.Fold().String(e.Name)
		if seen[f] {
			ps = append(ps, refProblem{"/entities/" + strconv.Itoa(i) + "/name", "duplicate name"})
		}
		seen[f] = true
	}

	// Reading back (FORMAT.md §8, last rule), value by value: each value
	// free of other problems, written alone in an otherwise valid digest by
	// refFormat, is to be read back unchanged by refParse.
	frame := func() *Digest { return &Digest{Title: "T", Summary: "S"} }
	back := func(p string, f *Digest) {
		if !bad[p] && !refReadsBack(f) {
			ps = append(ps, refProblem{p, "does not read back"})
		}
	}
	f := frame()
	f.Title = d.Title
	back("/title", f)
	if d.Subtitle != "" {
		f = frame()
		f.Subtitle = d.Subtitle
		back("/subtitle", f)
	}
	f = frame()
	f.Summary = d.Summary
	back("/summary", f)
	for i, h := range d.Highlights {
		f = frame()
		f.Highlights = []string{h}
		back("/highlights/"+strconv.Itoa(i), f)
	}
	if d.CoreSubject.Heading != "" {
		f = frame()
		f.CoreSubject.Heading = d.CoreSubject.Heading
		back("/core_subject/heading", f)
	}
	for i, para := range d.CoreSubject.Paragraphs {
		// The first paragraph under an empty heading is to read as a
		// paragraph, not as the heading; any other under a heading.
		f = frame()
		if i > 0 || d.CoreSubject.Heading != "" {
			f.CoreSubject.Heading = "H"
		}
		f.CoreSubject.Paragraphs = []string{para}
		back("/core_subject/paragraphs/"+strconv.Itoa(i), f)
	}
	for i, k := range d.Keywords {
		f = frame()
		f.Keywords = []string{k}
		back("/keywords/"+strconv.Itoa(i), f)
	}
	for i, e := range d.Entities {
		p := "/entities/" + strconv.Itoa(i)
		f = frame()
		f.Entities = []Entity{{Name: e.Name, Type: Other, Description: "D"}}
		back(p+"/name", f)
		typ := e.Type
		if !refKnownType(typ) {
			typ = Other
		}
		f = frame()
		f.Entities = []Entity{{Name: "N", Type: typ, Description: e.Description}}
		back(p+"/description", f)
	}

	// The digest whole, when nothing else is wrong: its canonical text is
	// within the size limit, and it reads back unchanged. A digest whose
	// values all read back alone but which does not read back whole is a
	// problem the documents give no pointer for: it is reported at "".
	if len(ps) == 0 {
		if len(refFormat(d)) > limit {
			ps = append(ps, refProblem{"", "canonical text too large"})
		} else if !refReadsBack(d) {
			ps = append(ps, refProblem{"", "does not read back whole (no value found at fault)"})
		}
	}
	return ps
}

// refPointerLess reports whether pointer a sorts before b as the package
// doc says ValidationErrors are sorted: segment by segment, numbers as
// numbers.
func refPointerLess(a, b string) bool {
	as, bs := strings.Split(a, "/"), strings.Split(b, "/")
	for i := 0; i < len(as) && i < len(bs); i++ {
		if as[i] == bs[i] {
			continue
		}
		x, errx := strconv.Atoi(as[i])
		y, erry := strconv.Atoi(bs[i])
		if errx == nil && erry == nil {
			return x < y
		}
		return as[i] < bs[i]
	}
	return len(as) < len(bs)
}

// refPointers returns the pointers of ps, each once, sorted by
// refPointerLess.
func refPointers(ps []refProblem) []string {
	var out []string
	for _, p := range ps {
		if !slices.Contains(out, p.Pointer) {
			out = append(out, p.Pointer)
		}
	}
	slices.SortFunc(out, func(a, b string) int {
		switch {
		case refPointerLess(a, b):
			return -1
		case refPointerLess(b, a):
			return 1
		}
		return 0
	})
	return out
}

// refLibraryProblems returns the problems err reports, as a
// ValidationErrors holds them, and whether err is one.
func refLibraryProblems(err error) ([]refProblem, bool) {
	if err == nil {
		return nil, true
	}
	var list ValidationErrors
	if !errors.As(err, &list) {
		return nil, false
	}
	var ps []refProblem
	for _, e := range list {
		ps = append(ps, refProblem{e.Pointer, e.Error()})
	}
	return ps, true
}

// checkValidateRef checks that Validate agrees with refValidate on d: on
// whether d is valid, on the set of pointers of every problem (with
// Parser.AllErrors), and on the pointer of the first problem (Validate).
// It also checks that the list is sorted as the package doc says, and cut
// at DefaultMaxErrors and one more. It reports whether the reference finds
// d valid.
func checkValidateRef(t *testing.T, d *Digest) (valid bool) {
	t.Helper()
	want := refValidate(d)
	wantPtrs := refPointers(want)

	all := (&Parser{AllErrors: true}).Validate(d)
	got, ok := refLibraryProblems(all)
	if !ok {
		t.Errorf("Parser{AllErrors}.Validate(%#v) = %v, of type %T; want a ValidationErrors", d, all, all)
		return len(want) == 0
	}
	if (all == nil) != (len(want) == 0) {
		t.Errorf("Validate(%#v): valid %v; the reference says %v:\n library: %v\n reference: %v", d, all == nil, len(want) == 0, all, want)
		return len(want) == 0
	}
	if gotPtrs := refPointers(got); !slices.Equal(gotPtrs, wantPtrs) {
		t.Errorf("Validate(%#v): problems at %q; the reference finds them at %q:\n library: %v\n reference: %v", d, gotPtrs, wantPtrs, all, want)
	}
	for i := 1; i < len(got); i++ {
		if refPointerLess(got[i].Pointer, got[i-1].Pointer) {
			t.Errorf("Validate(%#v): %q listed after %q", d, got[i].Pointer, got[i-1].Pointer)
		}
	}

	first := Validate(d)
	cut, ok := refLibraryProblems(first)
	if !ok || (first == nil) != (all == nil) {
		t.Errorf("Validate(%#v) = %v; with AllErrors %v", d, first, all)
		return len(want) == 0
	}
	if len(cut) > DefaultMaxErrors+1 {
		t.Errorf("Validate(%#v): %d problems listed; want at most %d", d, len(cut), DefaultMaxErrors+1)
	}
	if len(cut) > 0 && len(wantPtrs) > 0 && cut[0].Pointer != wantPtrs[0] {
		t.Errorf("Validate(%#v): first problem at %q; the reference's first is at %q", d, cut[0].Pointer, wantPtrs[0])
	}

	// The size limit, at its edge: a valid digest whose canonical text is
	// of n bytes is valid with Parser.MaxSize n, and with n-1 has one
	// problem, at "", which wraps ErrTooLarge and ErrNotRoundTrip, as
	// refValidateLimit finds (TestValidateRefTooLarge).
	if len(want) == 0 {
		n := len(refFormat(d))
		if err := (&Parser{MaxSize: int64(n)}).Validate(d); err != nil {
			t.Errorf("Parser{MaxSize: %d}.Validate(%#v) = %v; want nil, the canonical text being of %d bytes", n, d, err, n)
		}
		err := (&Parser{MaxSize: int64(n - 1), AllErrors: true}).Validate(d)
		got, _ := refLibraryProblems(err)
		want := []string{""}
		if gotPtrs := refPointers(got); !slices.Equal(gotPtrs, want) ||
			!errors.Is(err, ErrTooLarge) || !errors.Is(err, ErrNotRoundTrip) {
			t.Errorf("Parser{MaxSize: %d}.Validate(%#v) = %v; want problems at %q, wrapping ErrTooLarge and ErrNotRoundTrip", n-1, d, err, want)
		}
	}
	return len(want) == 0
}

// refGen builds digests, valid and not, from pools of edge-case strings,
// deterministically from its seed.
type refGen struct {
	r *rand.Rand
}

// newRefGen returns a generator seeded with seed.
func newRefGen(seed uint64) *refGen {
	return &refGen{r: rand.New(rand.NewPCG(seed, seed^0x5eed))}
}

// refWords are words of valid values: no header, no marker, no separator,
// no sentence-final punctuation, no white space at their ends, NFC.
var refWords = []string{
	"Gaza", "Réunion", "Ligue arabe", "Secrétaire général", "OCI", "Caire",
	"東京", "مرحبا بكم", "Київ", "naïve café", "Straße", "😀 émoji",
	"Gaza\u00A0City", "x\u3000y", "a\u200Db", "١٢٣", "שלום", "Ελλάδα",
	"Hussein Ibrahim Taha", "l'OCI", "été", "Ὀδυσσεύς",
}

// refEdges are edge-case strings, each a whole value or a piece of one.
var refEdges = []string{
	// Empty, white space, invisible characters.
	"", " ", "a ", " a", "a\u00A0", "\u00A0a", "\u3000a", "a\u3000", "\ta", "a\tb", "a  b",
	"a\u200Bb", "\u200Ba", "a\uFEFF", "a\uFEFFb", "a\u200E", "\u202Ea", "a\u2060", "\u2066a",
	"a\u200Cb", "a\u200Db", "a\u202Fb", "\u202F", "\v", "a\f",
	// Control characters and line breaks.
	"a\x00b", "a\x07b", "a\x7Fb", "a\u0080b", "a\u009Fb", "a\u0085b", "a\u2028b", "a\u2029b",
	"a\rb", "a\nb", "a\n\nb", "a\n", "\na", "a\r\nb", "\n", "a\n b", "a \nb",
	// Bytes that are not UTF-8.
	"\xff", "a\xffb", "\xc3", "\xed\xa0\x80",
	// Normalization.
	"e\u0301", "Re\u0301sume\u0301", "\u212A", "K", "k", "\u212Aelvin", "kelvin", "Å", "\u212B",
	"x" + strings.Repeat("\u0316", 30), "x" + strings.Repeat("\u0316", 31), "क" + strings.Repeat("\u0902", 40),
	"\u1E69" + strings.Repeat("\u0316", 29), "a\u034Fb", "\u0301a", "\uFB01", "ﬁ",
	// Case folding.
	"Straße", "STRASSE", "strasse", "ΣΊΣΥΦΟΣ", "σίσυφος", "Gaza city", "gaza\u00A0city", "İstanbul", "i̇stanbul",
	// Headers, in any case, French, Markdown.
	"Summary", "SUMMARY", "summary:", "Résumé", "RÉSUMÉ", "**RÉSUMÉ**", "## Summary", "Résumé :",
	"Key highlights", "KEY_HIGHLIGHTS", "Points clés", "Points-clés", "Core subject", "Sujet principal:",
	"KEYWORDS", "## Mots-clés :", "Mots clés", "Mentioned entities", "MENTIONED ENTITIES 3",
	"Mentioned entities (6)", "MENTIONED ENTITIES6", "Entités mentionnées", "**Summary:**:", "Summary::",
	"- SUMMARY", "\u212Aeywords", "Summary.", "# Réunion", "__Keywords__",
	"KEY\u00A0HIGHLIGHTS", "Sumary", "Summary 3", "Keywords 2", "MENTIONED ENTITIES 12345678901",
	"Mentioned entities ( 6 ):", "**Mentioned entities** (6)", "mots_cles", "ENTITES MENTIONNEES 0",
	"Key   highlights", "Mots\u2010clés", "Summary\u200B", "\u200BSummary", "#Summary", "### **Core Subject**",
	// List markers.
	"- x", "* x", "+ x", "– x", "— x", "• x", "•x", "·x", "‣ x", "▪x", "◦ x", "1. x", "2) x", "12. x",
	"-x", "*x", "1.x", "-", "*", "•", "1.", "#x", "# x", "##", "#", "١. أول",
	"-\u00A0x", "1.\u3000x", "-\tx", "#\u00A0x", "# - x", "#•x", "1)x", "0. x", "99) x", "- - x",
	// Keyword separators.
	"a, b", "a,b", "a;b", "a،b", "a、b", "a，b", "a؛b", ",", "a,",
	// Type names and icons.
	"Person_Male", "person_male", "PERSON_MALE", "Event", "Eventually", "Event in Paris", "Person_Male_adult",
	"Political_party", "Other", "Organization", "Location", "Product", "Person_Female",
	"\U0001F464 Ali", "\U0001F3DB\uFE0F ONU", "\U0001F4CD", "\U0001F516 x", "©x", "^x", "×x", "`x",
	"\uFFFD", "ℹ\uFE0F x", "ℹ x", "\U0001F1EB\U0001F1F7", "👨‍👩‍👧", "😀",
	"\uFE0Fx", "\u200Dx", "\u20E3x", "\U000E0041x", "#\uFE0F\u20E3 x", "\u2ADC x", "\U0001D15E x",
	"\u00A9\uFE0F x", "x\uFE0E", "\u2122 x", "\u2190 x", "+x", "<x", "\u00B4x",
	// Description separators.
	": x", "- x", "– x", "— x", "· x", "| x", ":x", "|",
	// Sentence-final punctuation.
	"Ali.", "Fin!", "Quoi?", "Et…", "終わり。", "本当！", "何？", "ماذا؟", "non. »", "...", ".",
	// Long values.
	strings.Repeat("a", 4096), strings.Repeat("a", 4097), strings.Repeat("é", 4097),
}

// refTypes are entity types, known, unknown and empty.
var refTypes = []EntityType{
	PersonMale, PersonFemale, Organization, Location, Event, Product, Other,
	"", "person_male", "PERSON_MALE", "Politician", "Person_Male ", " Other", "Other\n",
	"Perſon_Male", "Person_Male_adult", "H", "Événement", "Other\u200B",
}

// refPick returns an element of s.
func refPick[T any](g *refGen, s []T) T { return s[g.r.IntN(len(s))] }

// word returns a valid value made of one to three words.
func (g *refGen) word() string {
	n := 1 + g.r.IntN(3)
	var ws []string
	for range n {
		ws = append(ws, refPick(g, refWords))
	}
	return strings.Join(ws, " ")
}

// sentence returns a valid value ending with a full stop.
func (g *refGen) sentence() string { return g.word() + " et " + g.word() + "." }

// edgeValue returns an edge case: empty, alone, two of them, or glued
// before, after or inside a valid value.
func (g *refGen) edgeValue() string {
	e := refPick(g, refEdges)
	switch g.r.IntN(8) {
	case 0:
		return g.word() + e
	case 1:
		return e + g.word()
	case 2:
		return g.word() + " " + e + " " + g.word()
	case 3:
		return ""
	case 4:
		return e + refPick(g, refEdges)
	}
	return e
}

// clean returns a valid digest, of any shape.
func (g *refGen) clean() *Digest {
	d := &Digest{Title: g.word(), Summary: g.sentence()}
	if g.r.IntN(2) == 0 {
		d.Subtitle = g.sentence()
		if g.r.IntN(3) == 0 {
			d.Subtitle += "\n" + g.word()
		}
	}
	if g.r.IntN(3) == 0 {
		d.Summary += "\n" + g.sentence()
	}
	for range g.r.IntN(4) {
		d.Highlights = append(d.Highlights, g.sentence())
	}
	if g.r.IntN(2) == 0 {
		d.CoreSubject.Heading = g.word()
	}
	for range g.r.IntN(3) {
		d.CoreSubject.Paragraphs = append(d.CoreSubject.Paragraphs, g.sentence())
	}
	for i := range g.r.IntN(5) {
		d.Keywords = append(d.Keywords, g.word()+" "+strconv.Itoa(i))
	}
	for i := range g.r.IntN(4) {
		d.Entities = append(d.Entities, Entity{
			Name:        g.word() + " " + strconv.Itoa(i),
			Type:        refTypes[g.r.IntN(7)],
			Description: g.sentence(),
		})
	}
	// Lists nil or empty alike.
	if len(d.Highlights) == 0 && g.r.IntN(2) == 0 {
		d.Highlights = []string{}
	}
	if len(d.Keywords) == 0 && g.r.IntN(2) == 0 {
		d.Keywords = []string{}
	}
	return d
}

// caseVariant returns s with its case changed, or with 'K' and 'k' written
// as U+212A KELVIN SIGN: equal to s after case folding.
func (g *refGen) caseVariant(s string) string {
	switch g.r.IntN(3) {
	case 0:
		return strings.ToUpper(s)
	case 1:
		return strings.ToLower(s)
	}
	return strings.NewReplacer("K", "\u212A", "k", "\u212A").Replace(s)
}

// mutate changes one value of d, or one list.
func (g *refGen) mutate(d *Digest) {
	v := g.edgeValue()
	switch g.r.IntN(13) {
	case 0:
		d.Title = v
	case 1:
		d.Subtitle = v
		if g.r.IntN(2) == 0 {
			d.Subtitle = g.word() + "\n" + v
		}
	case 2:
		d.Summary = v
		if g.r.IntN(2) == 0 {
			d.Summary = v + "\n" + g.sentence()
		}
	case 3:
		d.Highlights = g.put(d.Highlights, v)
	case 4:
		d.CoreSubject.Heading = v
	case 5:
		d.CoreSubject.Paragraphs = g.put(d.CoreSubject.Paragraphs, v)
	case 6:
		d.Keywords = g.put(d.Keywords, v)
	case 7:
		// A keyword equal to another after case folding.
		if len(d.Keywords) > 0 {
			d.Keywords = append(d.Keywords, g.caseVariant(refPick(g, d.Keywords)))
		} else {
			d.Keywords = []string{v, g.caseVariant(v)}
		}
	case 8, 9:
		e := Entity{Name: g.word() + " 9", Type: Other, Description: g.sentence()}
		i := len(d.Entities)
		if i > 0 && g.r.IntN(3) > 0 {
			i = g.r.IntN(i)
			e = d.Entities[i]
		} else {
			d.Entities = append(d.Entities, e)
		}
		switch g.r.IntN(4) {
		case 0:
			e.Name = v
		case 1:
			e.Type = refPick(g, refTypes)
		case 2:
			e.Description = v
		case 3:
			if len(d.Entities) > 1 {
				e.Name = g.caseVariant(refPick(g, d.Entities).Name)
			} else {
				e.Description = v
			}
		}
		d.Entities[i] = e
	case 10:
		// The empty heading before a first paragraph.
		d.CoreSubject.Heading = ""
		d.CoreSubject.Paragraphs = g.put(d.CoreSubject.Paragraphs, v)
	case 11:
		// A list made empty, nil, or cut.
		switch g.r.IntN(3) {
		case 0:
			d.Highlights = nil
		case 1:
			d.Keywords = []string{}
		case 2:
			d.Entities = nil
		}
	case 12:
		// A value of another field's kind in a line of the subtitle or
		// summary.
		d.Summary = g.sentence() + "\n" + v + "\n" + g.sentence()
	}
}

// put sets one item of list to v, or adds v to it.
func (g *refGen) put(list []string, v string) []string {
	if len(list) > 0 && g.r.IntN(2) == 0 {
		list[g.r.IntN(len(list))] = v
		return list
	}
	i := g.r.IntN(len(list) + 1)
	return slices.Insert(list, i, v)
}

// digest returns a digest: valid, or with one to three values changed.
func (g *refGen) digest() *Digest {
	d := g.clean()
	switch n := g.r.IntN(10); {
	case n < 3:
	case n < 8:
		g.mutate(d)
	default:
		for range 2 + g.r.IntN(2) {
			g.mutate(d)
		}
	}
	return d
}

// testdataDigests returns the digest Parse reads from each text of
// testdata, and per text n copies of it with one value changed.
func (g *refGen) testdataDigests(t *testing.T, n int) []*Digest {
	t.Helper()
	var out []*Digest
	for _, in := range textFiles(t) {
		d, _ := Parse(readTestFile(t, in))
		if d == nil {
			continue
		}
		out = append(out, d)
		for range n {
			c := refCopy(d)
			g.mutate(c)
			out = append(out, c)
		}
	}
	return out
}

// refValidateCount is how many generated digests TestValidateRef checks.
const refValidateCount = 2000

// TestValidateRef compares Validate with refValidate: on a nil and an
// empty digest, on the digest of each text of testdata and mutations of
// it, and on generated digests, valid and not.
func TestValidateRef(t *testing.T) {
	checkValidateRef(t, nil)
	checkValidateRef(t, &Digest{})
	g := newRefGen(2)
	for _, d := range g.testdataDigests(t, 5) {
		checkValidateRef(t, d)
	}
	valid := 0
	for range refValidateCount {
		if checkValidateRef(t, g.digest()) {
			valid++
		}
	}
	// The generator is to give both kinds often.
	if valid < refValidateCount/5 || valid > refValidateCount*4/5 {
		t.Errorf("%d valid digests of %d generated; want between a fifth and four fifths", valid, refValidateCount)
	}
}

// TestValidateRefTooLarge checks the size limit of the canonical text: a
// digest within every bound of the schema whose canonical text is over
// DefaultMaxSize bytes gives one problem, at "".
func TestValidateRefTooLarge(t *testing.T) {
	d := &Digest{Title: "T", Summary: strings.Repeat("a", DefaultMaxSize-100), Keywords: []string{}}
	for i := range 100 {
		d.Keywords = append(d.Keywords, "k"+strconv.Itoa(i))
	}
	checkValidateRef(t, d)
	if got := refPointers(refValidate(d)); !slices.Equal(got, []string{""}) {
		t.Errorf("refValidate: problems at %q; want one at \"\"", got)
	}
}

// refCases are digests the documents speak of, one change each from a valid
// digest: the examples of FORMAT.md §8 and of the documentation of Validate
// and Format, and pairs equal after case folding.
var refCases = []func(d *Digest){
	func(d *Digest) { d.Keywords = []string{"Straße", "STRASSE"} },
	func(d *Digest) { d.Keywords = []string{"kelvin", "\u212Aelvin"} },
	func(d *Digest) { d.Keywords = []string{"İstanbul", "i\u0307stanbul"} },
	func(d *Digest) { d.Keywords = []string{"ΣΊΣΥΦΟΣ", "σίσυφος", "σίσυφοσ"} },
	func(d *Digest) { d.Keywords = []string{"Gaza City", "gaza\u00A0city"} },
	func(d *Digest) { d.Keywords = []string{"\u01C5", "\u01C6", "\u01C4"} },
	func(d *Digest) { d.Keywords = []string{"\uFB01", "FI", "fi"} },
	func(d *Digest) { d.Keywords = []string{"a", "", "A", "", "a"} },
	func(d *Digest) { d.Keywords = []string{"gaza", "Gaza"} },
	func(d *Digest) {
		d.Entities = []Entity{{"Straße", Other, "D"}, {"STRASSE", Event, "E"}, {"", Other, "F"}, {"", Other, "G"}}
	},
	func(d *Digest) { d.Entities = []Entity{{"A", PersonMale, "D"}, {"B", "Politician", "E"}} },
	func(d *Digest) { d.Entities = []Entity{{"A", "", "Event in Paris"}} },
	func(d *Digest) { d.Entities = []Entity{{"A", "", ""}} },
	func(d *Digest) { d.Entities = []Entity{{"A", "Person_Male_adult", "d"}} },
	func(d *Digest) { d.Entities = []Entity{{"A", Event, "ually"}} },
	func(d *Digest) { d.Entities = []Entity{{"\U0001F464 A", PersonMale, "d"}} },
	// The package doc's icons of category So or Sk: ASCII and Latin-1.
	func(d *Digest) {
		d.Entities = []Entity{{"^A", Other, "d"}, {"`B", Other, "d"}, {"©C", Other, "d"},
			{"®D", Other, "d"}, {"°E", Other, "d"}, {"´F", Other, "d"}, {"×G", Other, "d"}, {"ℹ H", Other, "d"}}
	},
	func(d *Digest) { d.Entities = []Entity{{"A", PersonMale, ": d"}} },
	func(d *Digest) { d.Entities = []Entity{{"A", PersonMale, "\u00B7 d"}} },
	func(d *Digest) { d.Entities = []Entity{{"Event", Event, "Event"}} },
	func(d *Digest) { d.Title = "A\nB" },
	func(d *Digest) { d.Title = "A \u200B B" },
	func(d *Digest) { d.Title = "A\u200BB" },
	func(d *Digest) { d.Title = "**Summary:**:" },
	func(d *Digest) { d.Title = "Summary::" },
	func(d *Digest) { d.Title = "Perſon_Male" },
	func(d *Digest) { d.Title = "\u212Aey highlights" },
	func(d *Digest) { d.Subtitle = "A\n\nB" },
	func(d *Digest) { d.Subtitle = "A\nKEYWORDS" },
	func(d *Digest) { d.Summary = "Résumé :" },
	func(d *Digest) { d.Summary = "A\n## **Summary**" },
	func(d *Digest) { d.Summary = "A\nMentioned entities (6):" },
	func(d *Digest) { d.Summary = "A\n**Mentioned entities** (6)" },
	func(d *Digest) { d.Summary = "A\nMentioned entities 0000000001" },
	func(d *Digest) { d.CoreSubject = CoreSubject{Heading: "Il a dit « non. »"} },
	func(d *Digest) { d.CoreSubject = CoreSubject{Heading: "Il a dit non."} },
	func(d *Digest) { d.CoreSubject = CoreSubject{Paragraphs: []string{"Sans point", "Fin."}} },
	func(d *Digest) { d.CoreSubject = CoreSubject{Paragraphs: []string{"Fin.", "Sans point"}} },
	func(d *Digest) { d.CoreSubject = CoreSubject{Heading: "H", Paragraphs: []string{"Sans point"}} },
	func(d *Digest) { d.CoreSubject = CoreSubject{Paragraphs: []string{"Fin؟"}} },
	func(d *Digest) { d.Highlights = []string{"-", "- x", "•", "1. x"} },
	func(d *Digest) { d.Highlights = []string{""} },
	func(d *Digest) { d.Keywords = []string{"*"} },
	func(d *Digest) { d.Keywords = []string{"-"} },
	func(d *Digest) { d.Keywords = []string{"•x"} },
	func(d *Digest) { d.Keywords = []string{"١. أول"} },
	func(d *Digest) { d.Keywords = []string{"x" + strings.Repeat("\u0316", 30)} },
	func(d *Digest) { d.Keywords = []string{"x" + strings.Repeat("\u0316", 31)} },
	func(d *Digest) { d.Keywords = []string{"\u1E69" + strings.Repeat("\u0316", 28)} },
	func(d *Digest) { d.Keywords = []string{"\u1E69" + strings.Repeat("\u0316", 29)} },
	func(d *Digest) { d.Keywords = []string{"क" + strings.Repeat("\u0902", 40)} },
	func(d *Digest) { d.Title = "Gaza\v" },
	func(d *Digest) { d.Title = "Gaza\u2028" },
	func(d *Digest) { d.Title = "\u200EGaza" },
	func(d *Digest) { d.Title = strings.Repeat("é", 4096) },
	func(d *Digest) { d.Title = strings.Repeat("é", 4097) },
	func(d *Digest) { d.CoreSubject.Heading = strings.Repeat("a", 4097) },
	func(d *Digest) { d.Summary = strings.Repeat("a", 4194305) },
	func(d *Digest) {
		d.Highlights = nil
		d.Keywords = nil
		d.Entities = nil
		d.CoreSubject.Paragraphs = nil
	},
}

// TestValidateRefCases compares Validate with refValidate, and Format with
// refFormat, on refCases.
func TestValidateRefCases(t *testing.T) {
	for i, change := range refCases {
		d := &Digest{
			Title: "Titre", Subtitle: "Sous-titre", Summary: "Résumé du jour.",
			Highlights:  []string{"Un point."},
			CoreSubject: CoreSubject{Heading: "Sujet", Paragraphs: []string{"Un paragraphe."}},
			Keywords:    []string{"Gaza"},
			Entities:    []Entity{{"Hussein Ibrahim Taha", PersonMale, "Secrétaire général"}},
		}
		change(d)
		t.Run(strconv.Itoa(i), func(t *testing.T) {
			checkValidateRef(t, d)
			checkFormatRef(t, d)
		})
	}
}

// refFuzzDigest makes a digest of fuzzed strings: shape says where each
// goes, and of which type the entities are.
func refFuzzDigest(title, subtitle, summary, a, b, c string, shape uint16) *Digest {
	d := &Digest{Title: title, Subtitle: subtitle, Summary: summary}
	if shape&1 != 0 {
		d.Highlights = []string{a}
	}
	if shape&2 != 0 {
		d.CoreSubject.Heading = b
	}
	if shape&4 != 0 {
		d.CoreSubject.Paragraphs = []string{c}
	}
	if shape&8 != 0 {
		d.CoreSubject.Paragraphs = append(d.CoreSubject.Paragraphs, a)
	}
	if shape&16 != 0 {
		d.Keywords = []string{a, b}
	} else if shape&32 != 0 {
		d.Keywords = []string{c}
	}
	if shape&64 != 0 {
		typ := refTypes[int(shape>>8)%len(refTypes)]
		if shape&128 != 0 {
			typ = EntityType(c)
		}
		d.Entities = []Entity{{Name: a, Type: typ, Description: c}}
		if shape&(1<<12) != 0 {
			d.Entities = append(d.Entities, Entity{Name: b, Type: Event, Description: a})
		}
	}
	return d
}

// FuzzValidateRef compares Validate with refValidate, and Format with
// refFormat, on digests made of fuzzed strings.
func FuzzValidateRef(f *testing.F) {
	f.Add("Réunion", "", "Une réunion.", "Gaza", "OCI", "La réunion vise à unifier.", uint16(0xFFFF))
	f.Add("Summary", "a\n\nb", "SUMMARY", "- x", "## Mots-clés :", "Ali.", uint16(0x17F))
	f.Add("T", "\u212Aelvin", "a  b", "kelvin", "\u212Aelvin", ": x", uint16(0x1FFF))
	f.Add("e\u0301", "x\u3000", "\u00A0a", "a, b", "•x", "Event in Paris", uint16(0x05D0))
	g := newRefGen(3)
	for range 20 {
		f.Add(g.edgeValue(), g.edgeValue(), g.edgeValue(), g.edgeValue(), g.edgeValue(), g.edgeValue(), uint16(g.r.Uint32()))
	}
	f.Fuzz(func(t *testing.T, title, subtitle, summary, a, b, c string, shape uint16) {
		d := refFuzzDigest(title, subtitle, summary, a, b, c, shape)
		checkValidateRef(t, d)
		checkFormatRef(t, d)
	})
}
