package lex

import (
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// refSections maps the folded header names of FORMAT.md §2 to sections.
var refSections = map[string]Section{
	"summary": Summary, "resume": Summary,
	"key highlights": Highlights, "points cles": Highlights,
	"core subject": CoreSubject, "sujet principal": CoreSubject,
	"keywords": Keywords, "mots cles": Keywords,
	"mentioned entities": Entities, "entites mentionnees": Entities,
}

// refParseHeader is ParseHeader by its documentation, with none of its
// shortcuts: every step is taken, and the whole text is folded before it
// is looked up.
func refParseHeader(text string) (Header, bool) {
	s := refTrim(strings.TrimLeft(text, "#"))
	if e := refCutColon(s); len(e) >= 4 && (strings.HasPrefix(e, "**") && strings.HasSuffix(e, "**") ||
		strings.HasPrefix(e, "__") && strings.HasSuffix(e, "__")) {
		s = refTrim(e[2 : len(e)-2])
	}
	if name, count, ok := refCutCount(s); ok {
		if e := refCutColon(name); len(e) >= 4 && (strings.HasPrefix(e, "**") && strings.HasSuffix(e, "**") ||
			strings.HasPrefix(e, "__") && strings.HasSuffix(e, "__")) {
			name = refTrim(e[2 : len(e)-2]) // the count after the pair
		}
		if sec, ok := refSections[refFold(refCutColon(name))]; ok && sec == Entities {
			return Header{Section: Entities, Count: count}, true
		}
	}
	sec, ok := refSections[refFold(refCutColon(s))]
	return Header{Section: sec}, ok
}

func refTrim(s string) string { return strings.TrimFunc(s, refTrimmed) }

// refCutCount is cutCount by its documentation: a trailing count, "NAME 6",
// "NAME6", "NAME (6)" (white space allowed inside the parentheses),
// "NAME: 6", also followed by one ':'.
func refCutCount(s string) (name, count string, ok bool) {
	s = refCutColon(s)
	s, paren := strings.CutSuffix(s, ")")
	if paren {
		s = strings.TrimRightFunc(s, refTrimmed)
	}
	name = strings.TrimRight(s, "0123456789")
	if count = s[len(name):]; count == "" {
		return "", "", false
	}
	if paren {
		if name, ok = strings.CutSuffix(strings.TrimRightFunc(name, refTrimmed), "("); !ok {
			return "", "", false
		}
	}
	return strings.TrimRightFunc(name, refTrimmed), count, true
}

func refCutColon(s string) string {
	if t, ok := strings.CutSuffix(s, ":"); ok {
		return strings.TrimRightFunc(t, refTrimmed)
	}
	return s
}

// refFold folds s as FORMAT.md §2 says: decomposed, combining marks
// dropped, case-folded to ASCII, '-' and '_' read as spaces, runs of white
// space read as one space. A character that folds to no ASCII byte gives
// "", which is no name.
func refFold(s string) string {
	var b strings.Builder
	for _, r := range norm.NFD.String(s) {
		switch {
		case unicode.Is(unicode.Mn, r):
			continue
		case r == '-' || r == '_' || unicode.IsSpace(r):
			r = ' '
		case r >= 0x80:
			f := unicode.SimpleFold(r)
			for f != r && f >= 0x80 {
				f = unicode.SimpleFold(f)
			}
			if f >= 0x80 {
				return ""
			}
			r = f
		}
		r = unicode.ToLower(r)
		if r == ' ' && strings.HasSuffix(b.String(), " ") {
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// TestParseHeaderRef compares ParseHeader with refParseHeader on headers
// written in many ways, on their near misses, and on every line of the
// test inputs.
func TestParseHeaderRef(t *testing.T) {
	names := []string{
		"SUMMARY", "Résumé", "RESUME", "Key Highlights", "key-highlights", "POINTS CLÉS",
		"Points_cles", "CORE SUBJECT", "Sujet principal", "KEYWORDS", "Mots clés",
		"MENTIONED ENTITIES", "Entités mentionnées", "ENTITE\u0301S MENTIONNE\u0301ES",
		"\u212Aey highlights", "\u017Fummary", "Keywords list", "Summar", "Summaryy",
		"Core  subject", "Core\u00A0subject", "Core - subject", "Cor", "Ke", "Mention",
		"Personne numéro 4", "Paragraphe", "Ligne", "Сore subject", "\u0301Summary",
		"KEY\vHIGHLIGHTS", "Core\f subject", "Mots\tclés", "Sujet \u000b\u00a0principal",
	}
	prefixes := []string{"", "#", "## ", "#\u00A0", "**", "__", "# **", " ", "\u200B", "**#"}
	suffixes := []string{"", ":", " :", "**", "**:", ":**", " 6", "6", " (6)", "(6):", ": 6", " 12a", "__", ")", " (", ".",
		"** (6)", "**: 6", "__ 6", ":** (6):", "** (6)**", " ( 6 )", "\u00a0(\u00a06\u00a0)"}
	seen := 0
	for _, n := range names {
		for _, p := range prefixes {
			for _, q := range suffixes {
				checkHeaderRef(t, p+n+q)
				seen++
			}
		}
	}
	rng := rand.New(rand.NewPCG(3, 4))
	for range 20000 {
		n := []rune(names[rng.IntN(len(names))])
		for range rng.IntN(3) {
			alt := []rune("aZ -_:#*é\u0301\u00A0\t0")
			n[rng.IntN(len(n))] = alt[rng.IntN(len(alt))]
		}
		checkHeaderRef(t, prefixes[rng.IntN(len(prefixes))]+string(n)+suffixes[rng.IntN(len(suffixes))])
	}
	for _, line := range testdataLines(t) {
		checkHeaderRef(t, line)
	}
	if seen == 0 {
		t.Fatal("no header tried")
	}
}

func checkHeaderRef(t *testing.T, text string) {
	t.Helper()
	text = trim(text)
	got, ok := ParseHeader(text)
	want, wantOK := refParseHeader(text)
	if got != want || ok != wantOK {
		t.Errorf("ParseHeader(%+q) = %+v, %v; reference %+v, %v", text, got, ok, want, wantOK)
	}
}

// testdataLines returns the text of every line of the package's test
// inputs.
func testdataLines(t *testing.T) []string {
	files, err := filepath.Glob(filepath.Join("..", "..", "testdata", "*.txt"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no test inputs: %v", err)
	}
	var lines []string
	for _, name := range files {
		b, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		for l := New(string(b)); ; {
			ln, ok := l.Next()
			if !ok {
				break
			}
			lines = append(lines, ln.Text)
		}
	}
	return lines
}
