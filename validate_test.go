package digest

import (
	"encoding/json"
	"errors"
	"fmt"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"

	"digest/internal/lex"
	"digest/internal/race"
)

// sampleDigest returns a valid digest, for the tests to break one rule at a
// time.
func sampleDigest() *Digest {
	return &Digest{
		Title:      "La Ligue arabe et l'OCI coordonnent leurs efforts",
		Subtitle:   "Réunion consultative à Djeddah.\nDeuxième ligne du sous-titre",
		Summary:    "Une réunion a eu lieu.\nLes trois organisations ont coordonné leurs efforts.",
		Highlights: []string{"Le Secrétaire général a reçu deux ambassadeurs.", "La réunion vise à unifier les positions."},
		CoreSubject: CoreSubject{
			Heading:    "Coordination des efforts",
			Paragraphs: []string{"Le Secrétaire général a reçu l'ambassadeur.", "Cette réunion vise à évaluer les progrès."},
		},
		Keywords: []string{"Ligue arabe", "Palestine"},
		Entities: []Entity{
			{Name: "Ali Darwish", Type: PersonMale, Description: "Chef de la délégation permanente"},
			{Name: "Ligue des États arabes", Type: Organization, Description: "Organisation régionale"},
		},
	}
}

// checkValidRoundTrip checks that d, a valid digest, reads back unchanged from
// its canonical text form: the proof that Validate's rules of reading back
// are complete enough. Nil and empty lists are the same. It checks too that
// the text is shorter than d's JSON form.
func checkValidRoundTrip(t testing.TB, d *Digest) {
	t.Helper()
	text := Format(d)
	if n, bound := formatSize(d, true), formatSize(d, false); n != len(text) || bound < n {
		t.Fatalf("formatSize gives %d, and %d as a bound, for a canonical text of %d bytes", n, bound, len(text))
	}
	// ValidateJSON's doc says that no JSON document of a valid digest
	// is shorter than its canonical text, so none within the size limit
	// gives a text over it. MarshalJSON writes the shortest: no white
	// space, and escapes only where JSON must.
	if js, err := d.MarshalJSON(); err != nil || len(js) <= len(text) {
		t.Fatalf("the JSON form (%d bytes, %v) is no longer than the canonical text (%d bytes)", len(js), err, len(text))
	}
	got, err := Parse(text)
	if err != nil {
		t.Fatalf("Validate accepts the digest, but Parse(Format(d)) fails: %v\ntext:\n%s", err, text)
	}
	if diff := cmp.Diff(d, got, cmpopts.EquateEmpty()); diff != "" {
		t.Fatalf("Validate accepts the digest, but Parse(Format(d)) differs (-d +read):\n%s\ntext:\n%s", diff, text)
	}
}

// readsBack reports whether Parse(Format(d)) gives d without error.
func readsBack(d *Digest) bool {
	got, err := Parse(Format(d))
	return err == nil && cmp.Equal(d, got, cmpopts.EquateEmpty())
}

func TestValidateValid(t *testing.T) {
	many := func(n int, f func(i int) string) []string {
		s := make([]string, n)
		for i := range s {
			s[i] = f(i)
		}
		return s
	}
	tests := []struct {
		name   string
		modify func(d *Digest)
	}{
		{"base", func(d *Digest) {}},
		{"nil lists", func(d *Digest) {
			d.Highlights, d.Keywords, d.Entities, d.CoreSubject.Paragraphs = nil, nil, nil, nil
		}},
		{"empty lists", func(d *Digest) {
			d.Highlights, d.Keywords, d.Entities, d.CoreSubject.Paragraphs = []string{}, []string{}, []Entity{}, []string{}
		}},
		{"empty subtitle and heading", func(d *Digest) { d.Subtitle, d.CoreSubject.Heading = "", "" }},
		{"empty heading, paragraph ends a sentence", func(d *Digest) {
			d.CoreSubject.Heading = ""
			d.CoreSubject.Paragraphs = []string{"Fin？", "Suite sans point"}
		}},
		{"empty heading, no paragraphs", func(d *Digest) {
			d.CoreSubject.Heading, d.CoreSubject.Paragraphs = "", nil
		}},
		{"heading ends with a colon", func(d *Digest) { d.CoreSubject.Heading = "Ordre du jour :" }},
		{"lines that look like markup", func(d *Digest) {
			d.Title = "# Titre qui commence par un dièse"
			d.Subtitle = "- SUMMARY n'est pas un en-tête\n**Gras**"
			d.Summary = "Summary of the day\n- KEYWORDS\nRésumé : deux points"
			d.CoreSubject.Paragraphs = []string{"- Un paragraphe à tiret.", "1. Un paragraphe numéroté"}
		}},
		{"highlights with markers", func(d *Digest) {
			d.Highlights = []string{"- commence par un tiret", "• puce", "1. numéroté", "* étoile", "Summary", "#1"}
		}},
		{"keywords with punctuation", func(d *Digest) {
			d.Keywords = []string{"C#", "2024", "Jean-Marc", "a.b", "x#y", "Keywords", "نیم\u200cفاصله"}
		}},
		{"entity names and descriptions", func(d *Digest) {
			d.Entities = []Entity{
				{Name: "Event", Type: Event, Description: "Une entité nommée comme un type"},
				{Name: "Person_Male Dupont", Type: Other, Description: "Description avec | barre et : deux-points"},
				{Name: "123 rue", Type: Location, Description: "Person_Female"},
				{Name: "«Citation»", Type: Product, Description: "Commence par un guillemet"},
			}
		}},
		{"every type", func(d *Digest) {
			d.Entities = nil
			for i, typ := range EntityTypes() {
				d.Entities = append(d.Entities, Entity{Name: fmt.Sprint("Entité ", i), Type: typ, Description: "Description"})
			}
		}},
		{"unicode inside", func(d *Digest) {
			d.Title = "«\u00a0Gaza\u00a0» et l'\u200fOCI\u200e, 👨\u200d👩\u200d👧 famille"
			d.Summary = "ملخص الاجتماع؟\n会议在吉达举行。"
			d.Keywords = []string{"Straße", "Ⅻ", "ǅ"}
		}},
		{"longest short text", func(d *Digest) { d.Title = strings.Repeat("é", maxShort) }},
		{"31 marks of combining class 0 in a row", func(d *Digest) { d.Subtitle = "क" + strings.Repeat("\u0902", 31) }},
		{"long texts longer than a short one", func(d *Digest) {
			long := func(c string) string { return strings.Repeat(c, maxShort+1) }
			d.Subtitle, d.Summary, d.Highlights[0] = long("s"), long("m"), long("h")
			d.CoreSubject.Paragraphs[1], d.Entities[0].Description = long("p"), long("d")
		}},
		{"many distinct keywords", func(d *Digest) {
			d.Keywords = many(100, func(i int) string { return fmt.Sprint("mot ", i) })
		}},
		{"many distinct names", func(d *Digest) {
			d.Entities = nil
			for i := range 40 {
				d.Entities = append(d.Entities, Entity{Name: fmt.Sprint("Nom ", i), Type: Other, Description: "d"})
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := sampleDigest()
			tt.modify(d)
			if err := Validate(d); err != nil {
				t.Fatalf("Validate: %v", validationLines(err))
			}
			checkValidRoundTrip(t, d)
		})
	}
}

// TestValidateCanonicalSize checks the rule that a valid digest's
// canonical text is one that Parse reads: at most DefaultMaxSize bytes.
func TestValidateCanonicalSize(t *testing.T) {
	d := sampleDigest()
	d.Summary = "s"
	room := DefaultMaxSize - len(Format(d)) // bytes the summary may gain
	d.Summary = strings.Repeat("s", 1+room)
	if err := Validate(d); err != nil {
		t.Fatalf("canonical text of DefaultMaxSize bytes: %v", validationLines(err))
	}
	checkValidRoundTrip(t, d)

	d.Summary += "s"
	err := Validate(d)
	want := fmt.Sprintf("would not read back unchanged: the canonical text would be %d bytes, more than the %d that Parse reads", DefaultMaxSize+1, DefaultMaxSize)
	var errs ValidationErrors
	if !errors.As(err, &errs) || len(errs) != 1 || errs[0].Pointer != "" || err.Error() != want {
		t.Fatalf("canonical text of DefaultMaxSize+1 bytes: got %v, want one error at \"\": %s", validationLines(err), want)
	}
	if !errors.Is(err, ErrNotRoundTrip) || !errors.Is(err, ErrTooLarge) {
		t.Fatalf("canonical text of DefaultMaxSize+1 bytes: %v wraps ErrNotRoundTrip %v, ErrTooLarge %v; want both",
			err, errors.Is(err, ErrNotRoundTrip), errors.Is(err, ErrTooLarge))
	}
	if _, err := Parse(Format(d)); !errors.Is(err, ErrTooLarge) {
		t.Fatalf("Parse of the canonical text: got %v, want ErrTooLarge", err)
	}
}

// TestParserValidate checks that Parser.Validate holds the canonical text
// to the Parser's MaxSize, so that what it accepts the Parser reads back
// unchanged, and that with AllErrors it reports every problem.
func TestParserValidate(t *testing.T) {
	d := sampleDigest()
	d.Summary = strings.Repeat("s", DefaultMaxSize) // a canonical text over DefaultMaxSize
	size := len(Format(d))
	if err := Validate(d); !errors.Is(err, ErrNotRoundTrip) {
		t.Fatalf("Validate: got %v, want ErrNotRoundTrip", validationLines(err))
	}
	larger := &Parser{MaxSize: int64(size)}
	if err := larger.Validate(d); err != nil {
		t.Fatalf("Parser{MaxSize: %d}.Validate: %v", size, validationLines(err))
	}
	again, err := larger.Parse(Format(d))
	if err != nil {
		t.Fatalf("Parser{MaxSize: %d}.Parse(Format(d)): %v", size, err)
	}
	if diff := cmp.Diff(d, again, cmpopts.EquateEmpty()); diff != "" {
		t.Fatalf("Parser{MaxSize: %d}.Parse(Format(d)) differs (-d +again):\n%s", size, diff)
	}
	smaller := &Parser{MaxSize: int64(size - 1)}
	want := fmt.Sprintf("would not read back unchanged: the canonical text would be %d bytes, more than the %d that Parse reads", size, size-1)
	if err := smaller.Validate(d); err == nil || err.Error() != want {
		t.Fatalf("Parser{MaxSize: %d}.Validate: got %v, want %s", size-1, err, want)
	}

	// No title, no summary, 25 empty keywords: 27 problems.
	empty := &Digest{Keywords: make([]string, 25)}
	var cut, all ValidationErrors
	if !errors.As(Validate(empty), &cut) || len(cut) != DefaultMaxErrors+1 {
		t.Fatalf("Validate: got %v, want a list cut at %d", validationLines(Validate(empty)), DefaultMaxErrors)
	}
	if !errors.As((&Parser{AllErrors: true}).Validate(empty), &all) || len(all) != 27 {
		t.Fatalf("Parser{AllErrors: true}.Validate: got %d problems, want 27", len(all))
	}
	if diff := cmp.Diff(validationLines(cut[:DefaultMaxErrors]), validationLines(all[:DefaultMaxErrors])); diff != "" {
		t.Errorf("the first problems differ (-cut +all):\n%s", diff)
	}
	if last := all[len(all)-1]; last.Pointer != "/title" || !errors.Is(last, ErrEmpty) {
		t.Errorf("the last problem of all is %v, want /title: empty", last)
	}
}

// TestParserValidateJSON checks that Parser.ValidateJSON takes a document
// as large as its MaxSize, and validates its digest as Parser.Validate
// does, with that MaxSize: the canonical text here is over DefaultMaxSize,
// which the package function Validate refuses.
func TestParserValidateJSON(t *testing.T) {
	d := sampleDigest()
	d.Summary = strings.Repeat("s", DefaultMaxSize) // a JSON form and canonical text over DefaultMaxSize
	js, err := json.Marshal(d)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := ValidateJSON(js); !errors.Is(err, ErrTooLarge) {
		t.Fatalf("ValidateJSON: got %v, want ErrTooLarge", validationLines(err))
	}
	if len(Format(d)) <= DefaultMaxSize {
		t.Fatalf("the canonical text is %d bytes, not over DefaultMaxSize", len(Format(d)))
	}
	size := max(len(js), len(Format(d)))
	got, err := (&Parser{MaxSize: int64(size)}).ValidateJSON(js)
	if err != nil {
		t.Fatalf("Parser{MaxSize: %d}.ValidateJSON: %v", size, validationLines(err))
	}
	if diff := cmp.Diff(d, got, cmpopts.EquateEmpty()); diff != "" {
		t.Errorf("Parser{MaxSize: %d}.ValidateJSON (-want +got):\n%s", size, diff)
	}
	want := fmt.Sprintf("input too large: more than %d bytes", len(js)-1)
	if _, err := (&Parser{MaxSize: int64(len(js) - 1)}).ValidateJSON(js); err == nil || err.Error() != want {
		t.Errorf("Parser{MaxSize: %d}.ValidateJSON: got %v, want %s", len(js)-1, err, want)
	}
}

// TestNilDigest checks that Validate and Format take a nil digest as an
// empty one.
func TestNilDigest(t *testing.T) {
	if diff := cmp.Diff(validationLines(Validate(&Digest{})), validationLines(Validate(nil))); diff != "" {
		t.Errorf("Validate(nil) differs from Validate(&Digest{}) (-empty +nil):\n%s", diff)
	}
	if got, want := string(Format(nil)), string(Format(&Digest{})); got != want {
		t.Errorf("Format(nil) = %q, want %q", got, want)
	}
}

func TestValidateSeed(t *testing.T) {
	d, err := Parse(readTestFile(t, "testdata/seed.txt"))
	if err != nil {
		t.Fatalf("Parse: %v", err)
	}
	if err := Validate(d); err != nil {
		t.Fatalf("Validate: %v", validationLines(err))
	}
	checkValidRoundTrip(t, d)
}

// TestValidateRules breaks one rule at a time. Each case must give exactly
// one error, at the pointer, wrapping the sentinel; a case of
// ErrNotRoundTrip must also really not read back unchanged.
func TestValidateRules(t *testing.T) {
	type rule struct {
		name   string
		modify func(d *Digest)
		ptr    string
		want   error
	}
	title := func(s string) func(*Digest) { return func(d *Digest) { d.Title = s } }
	subtitle := func(s string) func(*Digest) { return func(d *Digest) { d.Subtitle = s } }
	summary := func(s string) func(*Digest) { return func(d *Digest) { d.Summary = s } }
	highlight := func(s string) func(*Digest) { return func(d *Digest) { d.Highlights[1] = s } }
	heading := func(s string) func(*Digest) { return func(d *Digest) { d.CoreSubject.Heading = s } }
	paragraph := func(s string) func(*Digest) { return func(d *Digest) { d.CoreSubject.Paragraphs[1] = s } }
	keyword := func(s string) func(*Digest) { return func(d *Digest) { d.Keywords[1] = s } }
	name := func(s string) func(*Digest) { return func(d *Digest) { d.Entities[1].Name = s } }
	typ := func(s EntityType) func(*Digest) { return func(d *Digest) { d.Entities[1].Type = s } }
	desc := func(s string) func(*Digest) { return func(d *Digest) { d.Entities[1].Description = s } }
	const (
		pTitle     = "/title"
		pSubtitle  = "/subtitle"
		pSummary   = "/summary"
		pHighlight = "/highlights/1"
		pHeading   = "/core_subject/heading"
		pParagraph = "/core_subject/paragraphs/1"
		pKeyword   = "/keywords/1"
		pName      = "/entities/1/name"
		pType      = "/entities/1/type"
		pDesc      = "/entities/1/description"
	)
	tests := []rule{
		// Required texts and list items.
		{"empty title", title(""), pTitle, ErrEmpty},
		{"empty summary", summary(""), pSummary, ErrEmpty},
		{"empty highlight", highlight(""), pHighlight, ErrEmpty},
		{"empty paragraph", paragraph(""), pParagraph, ErrEmpty},
		{"empty keyword", keyword(""), pKeyword, ErrEmpty},
		{"empty name", name(""), pName, ErrEmpty},
		{"empty description", desc(""), pDesc, ErrEmpty},

		// White space and invisible characters at an end.
		{"leading space", title(" Titre"), pTitle, ErrWhiteSpace},
		{"trailing NBSP", title("Titre\u00a0"), pTitle, ErrWhiteSpace},
		{"trailing narrow NBSP", keyword("Gaza\u202f"), pKeyword, ErrWhiteSpace},
		{"leading ideographic space", highlight("\u3000Point"), pHighlight, ErrWhiteSpace},
		{"trailing LRM", name("Ali\u200e"), pName, ErrWhiteSpace},
		{"leading RLI", desc("\u2067Chef"), pDesc, ErrWhiteSpace},
		{"leading BOM", title("\ufeffTitre"), pTitle, ErrWhiteSpace},
		{"leading ZWSP", paragraph("\u200bSuite"), pParagraph, ErrWhiteSpace},
		{"trailing word joiner", heading("Sujet\u2060"), pHeading, ErrWhiteSpace},
		{"subtitle line trailing space", subtitle("Ligne \nSuite"), pSubtitle, ErrWhiteSpace},
		{"summary line leading NBSP", summary("Début\n\u00a0suite"), pSummary, ErrWhiteSpace},
		{"summary line of spaces", summary("Début\n  \nFin"), pSummary, ErrWhiteSpace},

		// Control characters, tab included.
		{"tab", highlight("a\tb"), pHighlight, ErrControlChar},
		{"trailing tab", title("Titre\t"), pTitle, ErrControlChar},
		{"NUL", title("a\x00b"), pTitle, ErrControlChar},
		{"BEL", summary("a\n\x07b"), pSummary, ErrControlChar},
		{"DEL", keyword("a\x7fb"), pKeyword, ErrControlChar},
		{"C1 U+0080", name("a\u0080b"), pName, ErrControlChar},
		{"C1 U+009F", desc("a\u009fb"), pDesc, ErrControlChar},
		{"vertical tab", heading("a\vb"), pHeading, ErrControlChar},

		// Line breaks.
		{"LF in title", title("Titre\nsuite"), pTitle, ErrLineBreak},
		{"LF at the end of a title", title("Titre\n"), pTitle, ErrLineBreak},
		{"LF in highlight", highlight("a\nb"), pHighlight, ErrLineBreak},
		{"LF in paragraph", paragraph("a\nb"), pParagraph, ErrLineBreak},
		{"LF in keyword", keyword("a\nb"), pKeyword, ErrLineBreak},
		{"LF in name", name("a\nb"), pName, ErrLineBreak},
		{"LF in description", desc("a\nb"), pDesc, ErrLineBreak},
		{"CR in summary", summary("a\rb"), pSummary, ErrLineBreak},
		{"CRLF in subtitle", subtitle("a\r\nb"), pSubtitle, ErrLineBreak},
		{"NEL in paragraph", paragraph("a\u0085b"), pParagraph, ErrLineBreak},
		{"LS in heading", heading("a\u2028b"), pHeading, ErrLineBreak},
		// One error for a character at an end that is white space too.
		{"VT at the end", title("x\v"), pTitle, ErrControlChar},
		{"FF at the start", keyword("\fx"), pKeyword, ErrControlChar},
		{"PS at the end", heading("a\u2029"), pHeading, ErrLineBreak},
		{"CR at the end", paragraph("a\r"), pParagraph, ErrLineBreak},
		{"PS in subtitle", subtitle("a\u2029b"), pSubtitle, ErrLineBreak},
		{"summary starts with LF", summary("\nTexte"), pSummary, ErrLineBreak},
		{"subtitle ends with LF", subtitle("Sous-titre\n"), pSubtitle, ErrLineBreak},
		{"empty line in summary", summary("a\n\nb"), pSummary, ErrLineBreak},

		// NFC.
		{"decomposed title", title("Cafe\u0301"), pTitle, ErrNotNFC},
		{"Angstrom sign", keyword("\u212b"), pKeyword, ErrNotNFC},
		{"decomposed summary line", summary("a\nE\u0301tat"), pSummary, ErrNotNFC},
		{"Hangul jamo", name("\u1100\u1161"), pName, ErrNotNFC},
		{"decomposed Cyrillic after letters", title("Мир и\u0306"), pTitle, ErrNotNFC},
		{"Hangul syllable and trailing jamo", keyword("한구\u11A8"), pKeyword, ErrNotNFC},

		// UTF-8.
		{"invalid byte", title("a\xffb"), pTitle, ErrInvalidUTF8},
		{"truncated sequence", desc("Chef\xc3"), pDesc, ErrInvalidUTF8},

		// Lengths.
		{"title too long", title(strings.Repeat("é", maxShort+1)), pTitle, ErrTooLong},
		{"keyword too long", keyword(strings.Repeat("k", maxShort+1)), pKeyword, ErrTooLong},
		{"too many highlights", func(d *Digest) {
			d.Highlights = slices.Repeat([]string{"h"}, maxItems+1)
		}, "/highlights", ErrTooLong},

		// Entity types.
		{"unknown type", typ("Persona"), pType, ErrUnknownEntityType},
		{"empty type", typ(""), pType, ErrUnknownEntityType},
		{"type in another case", typ("person_male"), pType, ErrUnknownEntityType},

		// Duplicates, the later one reported.
		{"same keyword", keyword("Ligue arabe"), pKeyword, ErrDuplicate},
		{"keyword in another case", keyword("LIGUE ARABE"), pKeyword, ErrDuplicate},
		{"keyword, full case folding", func(d *Digest) { d.Keywords = []string{"Straße", "STRASSE"} }, pKeyword, ErrDuplicate},
		{"keyword, long s", func(d *Digest) { d.Keywords = []string{"Last", "La\u017ft"} }, pKeyword, ErrDuplicate},
		{"keyword, accented", func(d *Digest) { d.Keywords = []string{"état", "ÉTAT"} }, pKeyword, ErrDuplicate},
		{"keyword in a long list", func(d *Digest) {
			d.Keywords = nil
			for i := range 40 {
				d.Keywords = append(d.Keywords, fmt.Sprint("mot ", i))
			}
			d.Keywords = append(d.Keywords, "MOT 3")
		}, "/keywords/40", ErrDuplicate},
		{"same name", name("Ali Darwish"), pName, ErrDuplicate},
		{"name in another case", name("ALI DARWISH"), pName, ErrDuplicate},

		// Reading back: inside a text.
		{"two spaces", title("Titre  du jour"), pTitle, ErrNotRoundTrip},
		{"two spaces in a summary line", summary("a\nb  c"), pSummary, ErrNotRoundTrip},
		{"ZWSP inside", paragraph("a\u200bb"), pParagraph, ErrNotRoundTrip},
		{"two spaces in Cyrillic", desc("Генеральный  секретарь"), pDesc, ErrNotRoundTrip},
		{"ZWSP in Chinese", highlight("中文\u200b中文"), pHighlight, ErrNotRoundTrip},
		{"LS in Arabic", heading("مرحبا\u2028بكم"), pHeading, ErrLineBreak},
		{"BOM inside", name("a\ufeffb"), pName, ErrNotRoundTrip},

		// Reading back: lines that read as headers.
		{"title is a header", title("SUMMARY"), pTitle, ErrNotRoundTrip},
		{"title is a French header", title("## Résumé:"), pTitle, ErrNotRoundTrip},
		{"subtitle line is a header", subtitle("Sous-titre\nMots-clés"), pSubtitle, ErrNotRoundTrip},
		{"summary line is a header", summary("a\n**KEY HIGHLIGHTS**"), pSummary, ErrNotRoundTrip},
		{"heading is a header", heading("Core subject"), pHeading, ErrNotRoundTrip},
		{"paragraph is a header", paragraph("Mentioned entities (3)"), pParagraph, ErrNotRoundTrip},
		{"name is a header", name("Keywords:"), pName, ErrNotRoundTrip},

		// Reading back: the core subject.
		{"heading ends with a period", heading("Fin."), pHeading, ErrNotRoundTrip},
		{"heading ends with an ellipsis", heading("Et ensuite…"), pHeading, ErrNotRoundTrip},
		{"heading ends with an Arabic question mark", heading("لماذا؟"), pHeading, ErrNotRoundTrip},
		{"first paragraph would read as the heading", func(d *Digest) {
			d.CoreSubject.Heading = ""
			d.CoreSubject.Paragraphs[0] = "Sans point final"
		}, "/core_subject/paragraphs/0", ErrNotRoundTrip},

		// Reading back: keywords.
		{"comma", keyword("a, b"), pKeyword, ErrNotRoundTrip},
		{"semicolon", keyword("a;b"), pKeyword, ErrNotRoundTrip},
		{"Arabic comma", keyword("a،b"), pKeyword, ErrNotRoundTrip},
		{"ideographic comma", keyword("a、b"), pKeyword, ErrNotRoundTrip},
		{"fullwidth comma", keyword("a，b"), pKeyword, ErrNotRoundTrip},
		{"Arabic semicolon", keyword("a؛b"), pKeyword, ErrNotRoundTrip},
		{"hash", keyword("#Gaza"), pKeyword, ErrNotRoundTrip},
		{"dash marker", keyword("- Gaza"), pKeyword, ErrNotRoundTrip},
		{"bullet", keyword("•Gaza"), pKeyword, ErrNotRoundTrip},
		{"number marker", keyword("1. Gaza"), pKeyword, ErrNotRoundTrip},
		{"hash then marker", keyword("# * Gaza"), pKeyword, ErrNotRoundTrip},

		// Reading back: entities.
		{"name starts with an emoji", name("👤 Ali"), pName, ErrNotRoundTrip},
		{"name starts with a symbol", name("©Corp"), pName, ErrNotRoundTrip},
		{"name starts with a caret", name("^Caret"), pName, ErrNotRoundTrip},
		{"description starts with a colon", desc(": chef"), pDesc, ErrNotRoundTrip},
		{"description starts with a hyphen", desc("-chef"), pDesc, ErrNotRoundTrip},
		{"description starts with an en dash", desc("– chef"), pDesc, ErrNotRoundTrip},
		{"description starts with an em dash", desc("—chef"), pDesc, ErrNotRoundTrip},
		{"description starts with a middle dot", desc("·chef"), pDesc, ErrNotRoundTrip},
		{"description starts with a bar", desc("| chef"), pDesc, ErrNotRoundTrip},

		// One error, not also one of white space.
		{"only a tab", title("\t"), pTitle, ErrControlChar},
		{"only a vertical tab", keyword("\v"), pKeyword, ErrControlChar},
		{"U+2028 at the start", title("\u2028Titre"), pTitle, ErrLineBreak},
		{"empty first paragraph, no heading", func(d *Digest) {
			d.CoreSubject.Heading, d.CoreSubject.Paragraphs[0] = "", ""
		}, "/core_subject/paragraphs/0", ErrEmpty},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := sampleDigest()
			tt.modify(d)
			err := Validate(d)
			var list ValidationErrors
			if !errors.As(err, &list) || len(list) != 1 {
				t.Fatalf("Validate = %v, want one error at %s", validationLines(orNoError(err)), tt.ptr)
			}
			if list[0].Pointer != tt.ptr || !errors.Is(err, tt.want) {
				t.Errorf("Validate = %v, want %q at %s", err, tt.want, tt.ptr)
			}
			if msg := list[0].Err.Error(); !utf8.ValidString(msg) && tt.want != ErrInvalidUTF8 || strings.ToLower(msg[:1]) != msg[:1] {
				t.Errorf("message %q: want valid UTF-8 starting lower case", msg)
			}
			if tt.want == ErrNotRoundTrip && readsBack(d) {
				t.Errorf("Validate says the digest would not read back unchanged, but it does")
			}
		})
	}
}

// TestValidateEmptyNotDuplicate checks that empty keywords and names are
// reported as empty, each once, and not also as duplicates of one another.
func TestValidateEmptyNotDuplicate(t *testing.T) {
	d := sampleDigest()
	d.Keywords = []string{"", "k", ""}
	d.Entities = append(d.Entities[:1], Entity{Type: PersonMale, Description: "d"}, Entity{Type: PersonMale, Description: "d"})
	d.Entities[0].Name = ""
	err := (&Parser{AllErrors: true}).Validate(d)
	var list ValidationErrors
	errors.As(err, &list)
	var got []string
	for _, e := range list {
		got = append(got, e.Pointer)
		if !errors.Is(e, ErrEmpty) {
			t.Errorf("%v: want ErrEmpty alone", e)
		}
	}
	want := []string{"/entities/0/name", "/entities/1/name", "/entities/2/name", "/keywords/0", "/keywords/2"}
	if !slices.Equal(got, want) {
		t.Errorf("Validate = %v\nwant ErrEmpty at %q", validationLines(orNoError(err)), want)
	}
}

// orNoError returns err, or an error that says there is none.
func orNoError(err error) error {
	if err == nil {
		return errors.New("no error")
	}
	return err
}

// TestValidateEvery checks that Validate reports every problem, sorted by
// pointer with numbers compared as numbers.
func TestValidateEvery(t *testing.T) {
	d := sampleDigest()
	d.Title = ""
	d.Summary = "a  b\nSUMMARY"
	d.Keywords = []string{"x", "X", "x;y"}
	d.Entities = nil
	for i := range 12 {
		d.Entities = append(d.Entities, Entity{Name: fmt.Sprint("N", i), Type: Other, Description: "d"})
	}
	d.Entities[2].Type = "Bad"
	d.Entities[10].Description = " d"
	d.Entities[11].Name = "n2"
	err := Validate(d)
	var got []string
	for _, e := range err.(ValidationErrors) {
		got = append(got, e.Pointer)
	}
	want := []string{
		"/entities/2/type",
		"/entities/10/description",
		"/entities/11/name",
		"/keywords/1",
		"/keywords/2",
		"/summary",
		"/summary",
		"/title",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("pointers (-want +got):\n%s\n%s", diff, validationLines(err))
	}
	if msg := err.Error(); !strings.HasSuffix(msg, "(and 7 more errors)") || !strings.HasPrefix(msg, "/entities/2/type: unknown entity type") {
		t.Errorf("Error() = %q", msg)
	}
	if !errors.Is(err, ErrEmpty) || !errors.Is(err, ErrDuplicate) || !errors.Is(err, ErrNotRoundTrip) {
		t.Errorf("errors.Is does not find every sentinel in %v", err)
	}
	var ve *ValidationError
	if !errors.As(err, &ve) || ve.Pointer != "/entities/2/type" {
		t.Errorf("errors.As gives %v", ve)
	}
}

func TestValidationErrorMessages(t *testing.T) {
	tests := []struct {
		modify func(d *Digest)
		want   string
	}{
		{func(d *Digest) { d.Title = "" }, "/title: empty title"},
		{func(d *Digest) { d.Keywords[1] = "ligue ARABE" },
			`/keywords/1: duplicate keyword "ligue ARABE", the same as /keywords/0 after case folding`},
		{func(d *Digest) { d.Entities[1].Name = "ali darwish" },
			`/entities/1/name: duplicate entity name "ali darwish", the same as /entities/0/name after case folding`},
		// A long duplicate is quoted cut short, as every value is.
		{func(d *Digest) { d.Keywords = []string{strings.Repeat("k", 50), strings.Repeat("K", 50)} },
			`/keywords/1: duplicate keyword "` + strings.Repeat("K", 40) + `"…, the same as /keywords/0 after case folding`},
		{func(d *Digest) { d.Entities[0].Type = "Persona" }, `/entities/0/type: unknown entity type "Persona"`},
		{func(d *Digest) { d.Summary = "a \nb" }, `/summary: leading or trailing white space: U+0020 at the end in line 1: "a "`},
		{func(d *Digest) { d.Title = strings.Repeat("x", 50) + "\u00a0" },
			`/title: leading or trailing white space: U+00A0 at the end: "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"…`},
		{func(d *Digest) { d.Keywords[1] = "a, b" }, `/keywords/1: would not read back unchanged: the separator ',' would split the keyword "a, b"`},
		{func(d *Digest) { d.Summary = "a\nRÉSUMÉ" }, `/summary: would not read back unchanged: the summary's line 2 would read as the header SUMMARY: "RÉSUMÉ"`},
		{func(d *Digest) { d.Title = "Cafe\u0301" }, "/title: not in Unicode NFC: \"e\\u0301\" at byte 3: \"Cafe\u0301\""},
		{func(d *Digest) { d.Title = "Tx" + strings.Repeat("\u0301", 31) }, "/title: would not read back unchanged: reading would insert U+034F COMBINING GRAPHEME JOINER at byte 62, after the 30th combining mark in a row: \"Tx" + strings.Repeat("\u0301", 31) + "\""},
		// U+0345 starts with CD, as U+034F does: the offset is still that
		// of the 31st mark's first byte.
		{func(d *Digest) { d.Title = "Tx" + strings.Repeat("\u0345", 31) }, "/title: would not read back unchanged: reading would insert U+034F COMBINING GRAPHEME JOINER at byte 62, after the 30th combining mark in a row: \"Tx" + strings.Repeat("\u0345", 31) + "\""},
		{func(d *Digest) { d.Title = "Tx\u0301 Cafe\u0301" }, "/title: not in Unicode NFC: \"e\\u0301\" at byte 8: \"Tx\u0301 Cafe\u0301\""},
		{func(d *Digest) { d.Title = "Tx" + strings.Repeat("\u0301", 31) + " Cafe\u0301" }, "/title: not in Unicode NFC: \"e\\u0301\" at byte 68: \"Tx" + strings.Repeat("\u0301", 31) + " Cafe\u0301\""},
		{func(d *Digest) { d.Title = "Tx" + strings.Repeat("\u0301\u0316", 16) }, "/title: not in Unicode NFC: \"x" + strings.Repeat("\\u0301\\u0316", 15) + "\" at byte 1: \"Tx" + strings.Repeat("\u0301\u0316", 16) + "\""},
		// A fault past the excerpt is named by its byte offset, in its
		// line for a text of several lines.
		{func(d *Digest) { d.Summary = strings.Repeat("é", 50) + "\x07" },
			`/summary: control character U+0007 at byte 100: "` + strings.Repeat("é", 40) + `"…`},
		{func(d *Digest) { d.Summary = "a\n" + strings.Repeat("b", 60) + "\u2028c\u0085d" },
			`/summary: line break U+2028 at byte 60 in line 2: "` + strings.Repeat("b", 40) + `"…`},
		{func(d *Digest) { d.Title = "a\x01b\xffc" }, `/title: invalid UTF-8 at byte 3: "a\x01b\xffc" (and 1 more error)`},
		{func(d *Digest) { d.Title = " \u200bab  c" },
			`/title: leading or trailing white space: U+0020 at the start: " \u200bab  c" (and 1 more error)`},
		{func(d *Digest) { d.Title = "ab  c" }, `/title: would not read back unchanged: two spaces in a row at byte 2 would read back as one: "ab  c"`},
		{func(d *Digest) { d.Keywords[0] = "ab\ufeffc\u200bd" },
			`/keywords/0: would not read back unchanged: U+FEFF at byte 2 would be removed: "ab\ufeffc\u200bd"`},
		// The line stands after the byte it counts in.
		{func(d *Digest) { d.Summary = "a\nb  c" }, `/summary: would not read back unchanged: two spaces in a row at byte 1 in line 2 would read back as one: "b  c"`},
		{func(d *Digest) { d.Summary = "a\nb\u200bc" }, `/summary: would not read back unchanged: U+200B at byte 1 in line 2 would be removed: "b\u200bc"`},
		// Line breaks where a line would be empty.
		{func(d *Digest) { d.Summary = "\nTexte" }, `/summary: line break at the start of "\nTexte"`},
		{func(d *Digest) { d.Summary = "a\n\nb" }, `/summary: line break: line 2 of "a\n\nb" is empty`},
		// The first of several faults of one kind is named.
		{func(d *Digest) { d.Title = "a\rb\rc" }, `/title: line break U+000D at byte 1: "a\rb\rc"`},
		{func(d *Digest) { d.Title = "a\x01b\x02c" }, `/title: control character U+0001 at byte 1: "a\x01b\x02c"`},
		{func(d *Digest) { d.Title = "a\u0080b\u0081c" }, `/title: control character U+0080 at byte 1: "a\u0080b\u0081c"`},
		{func(d *Digest) { d.Highlights[1] = strings.Repeat("h", maxLong+1) },
			`/highlights/1: too long: 4194305 characters in the highlight, at most 4194304`},
		{func(d *Digest) { d.Title = "  " }, `/title: leading or trailing white space: nothing but white space: "  "`},
		{func(d *Digest) { d.CoreSubject.Heading, d.CoreSubject.Paragraphs[0] = "", "Sans point final" },
			`/core_subject/paragraphs/0: would not read back unchanged: with no heading, the first paragraph "Sans point final" would read as the heading: it does not end with sentence-final punctuation`},
		{func(d *Digest) { d.Entities[1].Description = ": chef" },
			`/entities/1/description: would not read back unchanged: the type line would drop the ':' that starts the description ": chef"`},
		{func(d *Digest) { d.Entities[1].Name = "👤 Ali" },
			`/entities/1/name: would not read back unchanged: the entity name "👤 Ali" starts with an icon and would read as a type line`},
		// The joiner's offset in the text, after a character that NFKC
		// alone would change, and far into it.
		{func(d *Digest) { d.Title = "\ufb01Tx" + strings.Repeat("\u0301", 31) },
			"/title: would not read back unchanged: reading would insert U+034F COMBINING GRAPHEME JOINER at byte 65, after the 30th combining mark in a row: \"\ufb01Tx" + strings.Repeat("\u0301", 31) + "\""},
		{func(d *Digest) { d.Title = strings.Repeat("a", 1000) + "Tx" + strings.Repeat("\u0301", 31) },
			`/title: would not read back unchanged: reading would insert U+034F COMBINING GRAPHEME JOINER at byte 1062, after the 30th combining mark in a row: "` + strings.Repeat("a", 40) + `"…`},
	}
	for _, tt := range tests {
		d := sampleDigest()
		tt.modify(d)
		err := Validate(d)
		if err == nil || err.Error() != tt.want {
			t.Errorf("Validate = %v\nwant       %s", err, tt.want)
		}
	}
	if got := (&ValidationError{Err: ErrSchema}).Error(); got != "schema violation" {
		t.Errorf("error without pointer = %q", got)
	}
	if got := (&ValidationError{Pointer: "/title"}).Error(); got != "/title: <nil>" {
		t.Errorf("error without Err = %q", got)
	}
	if got, want := (&ValidationError{Pointer: "/a\nb", Err: ErrDuplicate}).Error(), `"/a\nb": duplicate`; got != want {
		t.Errorf("error at a pointer with a line break = %q, want %q", got, want)
	}
	if got, want := (&ValidationError{Pointer: "/a\u00a0b", Err: ErrDuplicate}).Error(), `"/a\u00a0b": duplicate`; got != want {
		t.Errorf("error at a pointer with a no-break space = %q, want %q", got, want)
	}
	long := "/" + strings.Repeat("é", 150)
	if got, want := (&ValidationError{Pointer: long, Err: ErrDuplicate}).Error(), long[:maxPointer-1]+"…: duplicate"; got != want {
		t.Errorf("error at a long pointer = %q, want %q", got, want)
	}
	for _, bad := range []string{"a" + strings.Repeat("\x80", 250), strings.Repeat("\x80", 250)} {
		// Not UTF-8: cut within three bytes of the limit, and quoted.
		if got, want := (&ValidationError{Pointer: bad, Err: ErrDuplicate}).Error(), strconv.Quote(bad[:maxPointer-3]+"…")+": duplicate"; got != want {
			t.Errorf("error at a long pointer that is not UTF-8 = %q, want %q", got, want)
		}
	}
	escaped := "/" + strings.Repeat("a", maxPointer-2) + "~1b"
	if got, want := (&ValidationError{Pointer: escaped, Err: ErrDuplicate}).Error(), escaped[:maxPointer-1]+"…: duplicate"; got != want {
		t.Errorf("error at a long pointer cut in an escape = %q, want %q", got, want)
	}
	if got := (ValidationErrors{}).Error(); got != "no errors" {
		t.Errorf("empty list = %q", got)
	}
}

// TestValidateFirstProblems breaks random sets of fields, each in a way
// that gives one problem, and checks that Validate reports them sorted by
// pointer, cut after the first DefaultMaxErrors with one that counts the
// others: the fields are checked in the order of their pointers.
func TestValidateFirstProblems(t *testing.T) {
	breaks := []func(d *Digest){
		func(d *Digest) { d.Title = "T\x01" },
		func(d *Digest) { d.Summary = "" },
		func(d *Digest) { d.Subtitle = "a\n\nb" },
		func(d *Digest) { d.Keywords[1] = " k" },
		func(d *Digest) { d.Keywords[0] = "a;b" },
		func(d *Digest) { d.Highlights[1] = "a  b" },
		func(d *Digest) { d.Highlights[0] = "" },
		func(d *Digest) { d.Entities[1].Type = "" },
		func(d *Digest) { d.Entities[1].Name = "👤 N" },
		func(d *Digest) { d.Entities[1].Description = "" },
		func(d *Digest) { d.Entities[0].Type = "X" },
		func(d *Digest) { d.Entities[0].Name = "" },
		func(d *Digest) { d.Entities[0].Description = ": d" },
		func(d *Digest) { d.CoreSubject.Paragraphs[1] = "" },
		func(d *Digest) { d.CoreSubject.Paragraphs[0] = " p" },
		func(d *Digest) { d.CoreSubject.Heading = "H." },
	}
	// The problem each gives alone.
	alone := make([]*ValidationError, len(breaks))
	for i, b := range breaks {
		d := sampleDigest()
		b(d)
		var list ValidationErrors
		if !errors.As(Validate(d), &list) || len(list) != 1 {
			t.Fatalf("break %d: %v, want one problem", i, Validate(d))
		}
		alone[i] = list[0]
	}
	r := rand.New(rand.NewPCG(1, 2))
	for range 200 {
		d := sampleDigest()
		var want []string
		var problems []*ValidationError
		for i, b := range breaks {
			if r.IntN(3) > 0 {
				b(d)
				problems = append(problems, alone[i])
			}
		}
		slices.SortFunc(problems, func(a, b *ValidationError) int { return comparePointers(a.Pointer, b.Pointer) })
		for i, e := range problems {
			if i == DefaultMaxErrors {
				want = append(want, fmt.Sprintf("%s: too many errors: %d more not shown", e.Pointer, len(problems)-i))
				break
			}
			want = append(want, e.Error())
		}
		if diff := cmp.Diff(want, errorStrings(Validate(d))); diff != "" {
			t.Fatalf("problems (-want +got):\n%s", diff)
		}
	}
}

// TestIsTypeSeparator checks that lex.IsTypeSeparator says, for every
// character, what lex.SplitTypeLine does: whether a description starting
// with it reads back without it.
func TestIsTypeSeparator(t *testing.T) {
	for r := rune(0x20); r <= utf8.MaxRune; r++ {
		if !utf8.ValidRune(r) || isControl(r) {
			continue
		}
		desc := string(r) + "x"
		tl, ok := lex.SplitTypeLine("Other "+desc, typeNames)
		lost := !ok || tl.Description != desc
		want := lex.IsTypeSeparator(r) || lex.TrimLeft(desc) != desc
		if lost != want {
			t.Errorf("%U: SplitTypeLine loses it: %v, Validate expects %v", r, lost, want)
		}
	}
}

func TestComparePointers(t *testing.T) {
	sorted := []string{"", "/a", "/a/0", "/a/2", "/a/10", "/a/10/x", "/a/b", "/b", "/core_subject/heading", "/entities"}
	for i, a := range sorted {
		for j, b := range sorted {
			got := comparePointers(a, b)
			if (got < 0) != (i < j) || (got == 0) != (i == j) {
				t.Errorf("comparePointers(%q, %q) = %d", a, b, got)
			}
		}
	}
}

func TestValidateAllocs(t *testing.T) {
	if race.Enabled {
		t.Skip("the race detector makes sync.Pool drop what it is given")
	}
	d, err := Parse(readTestFile(t, "testdata/seed.txt"))
	if err != nil {
		t.Fatal(err)
	}
	d.Keywords = []string{"Ligue arabe", "Organisation de la coopération islamique", "Palestine", "Union africaine"}
	if n := testing.AllocsPerRun(100, func() { _ = Validate(d) }); n != 0 {
		t.Errorf("Validate of a valid digest allocates %v times", n)
	}
	// Other scripts: the NFC check allocates nothing.
	d.Keywords = []string{"Каир", "القاهرة", "東京", "Hà Nội", "Ελλάδα", "x\u0301", "q\u0323\u0307"}
	if n := testing.AllocsPerRun(100, func() { _ = Validate(d) }); n != 0 {
		t.Errorf("Validate of a valid digest with keywords in other scripts allocates %v times", n)
	}
	// Long lists, whose duplicates are found with a hash table.
	large := largeValidDigest()
	if n := testing.AllocsPerRun(10, func() { _ = Validate(large) }); n != 0 {
		t.Errorf("Validate of a valid digest with long lists allocates %v times", n)
	}
}

func TestValidateJSON(t *testing.T) {
	valid, err := json.Marshal(sampleDigest())
	if err != nil {
		t.Fatal(err)
	}
	doc := string(valid)
	tests := []struct {
		name string
		data string
		ptr  string
		want error
	}{
		{"duplicate top key", `{"title":"a",` + doc[1:], "/title", ErrDuplicate},
		{"duplicate nested key", strings.Replace(doc, `"name":"Ali Darwish"`, `"name":"Ali Darwish","name":"B"`, 1), "/entities/0/name", ErrDuplicate},
		{"duplicate key in an extra object", `{"x":{"k":1,"k":2},` + doc[1:], "/x/k", ErrDuplicate},
		{"duplicate key with a slash", `{"x":{"a/b":1,"a/b":2},` + doc[1:], "/x/a~1b", ErrDuplicate},
		{"truncated", doc[:len(doc)-1], "", ErrInvalidJSON},
		{"truncated in a list", `{"highlights":["a",`, "/highlights/1", ErrInvalidJSON},
		{"bad token in a list", `{"highlights":["a",x]}`, "/highlights/1", ErrInvalidJSON},
		{"trailing comma", `{"title":"a",}`, "", ErrInvalidJSON},
		{"two values", doc + " {}", "", ErrInvalidJSON},
		{"trailing garbage", doc + " x", "", ErrInvalidJSON},
		{"empty", "", "", ErrInvalidJSON},
		{"invalid UTF-8", strings.Replace(doc, "Ali Darwish", "Ali\xffDarwish", 1), "/entities/0/name", ErrInvalidUTF8},
		{"invalid UTF-8 in a key", strings.Replace(doc, `"summary"`, "\"summ\xffary\"", 1), "/summ\ufffdary", ErrInvalidUTF8},
		{"schema", strings.Replace(doc, `"title":"La Ligue`, `"title":" La Ligue`, 1), "/title", ErrSchema},
		{"schema, root", "[]", "", ErrSchema},
		{"too large", `"` + strings.Repeat("x", DefaultMaxSize) + `"`, "", ErrTooLarge},
		{"nested too deep", `{"x":` + strings.Repeat("[", 100), "/x" + strings.Repeat("/0", 63), ErrInvalidJSON},
		{"lone surrogate", strings.Replace(doc, "Ali Darwish", `Ali\ud800Darwish`, 1), "/entities/0/name", ErrInvalidUTF8},
		{"lone surrogate in a key", strings.Replace(doc, `"summary"`, `"summ\udc00ary"`, 1), "/summ\ufffdary", ErrInvalidUTF8},
		// A schema error wraps the sentinel of Validate for the same
		// rule too.
		{"unknown type", strings.Replace(doc, `"type":"Person_Male"`, `"type":"Politician"`, 1), "/entities/0/type", ErrUnknownEntityType},
		// A type over the schema's 4096 characters: unknown, as
		// Validate has it, not too long.
		{"long type", strings.Replace(doc, `"type":"Person_Male"`, `"type":"`+strings.Repeat("x", 4097)+`"`, 1), "/entities/0/type", ErrUnknownEntityType},
		{"empty text", strings.Replace(doc, `"name":"Ali Darwish"`, `"name":""`, 1), "/entities/0/name", ErrEmpty},
		{"too long", strings.Replace(doc, `"title":"`, `"title":"`+strings.Repeat("x", 4097), 1), "/title", ErrTooLong},
		{"too many items", strings.Replace(doc, `"keywords":[`, `"keywords":[`+strings.Repeat(`"k",`, 100001), 1), "/keywords", ErrTooLong},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := ValidateJSON([]byte(tt.data))
			if d != nil {
				t.Errorf("ValidateJSON returned a digest: %+v", d)
			}
			var list ValidationErrors
			if !errors.As(err, &list) || len(list) == 0 {
				t.Fatalf("ValidateJSON = %v, want ValidationErrors", err)
			}
			if list[0].Pointer != tt.ptr || !errors.Is(list[0], tt.want) {
				t.Errorf("ValidateJSON = %v, want %q at %q", validationLines(err), tt.want, tt.ptr)
			}
			if (tt.want == ErrUnknownEntityType || tt.want == ErrEmpty || tt.want == ErrTooLong) && !errors.Is(list[0], ErrSchema) {
				t.Errorf("ValidateJSON = %v, want a schema violation", validationLines(err))
			}
		})
	}

	t.Run("where", func(t *testing.T) {
		for _, tt := range []struct{ data, want string }{
			{`{} junk`, "invalid JSON: invalid character 'j' after top-level value, in the token at byte 3"},
			{`{"a" 1}`, "/a: invalid JSON: invalid character '1' after object key, in the token at byte 5"},
			{`{"a" ,1}`, "/a: invalid JSON: invalid character ',' after object key, in the token at byte 5"},
			{`[,1]`, "/0: invalid JSON: invalid character ',' looking for beginning of value, in the token at byte 1"},
			{`[1,,2]`, "/1: invalid JSON: invalid character ',' looking for beginning of value, in the token at byte 3"},
			{`,{}`, "invalid JSON: invalid character ',' looking for beginning of value, in the token at byte 0"},
			{`{} ,x`, "invalid JSON: invalid character ',' after top-level value, in the token at byte 3"},
			{"{\"a\":1,\n }", "invalid JSON: invalid character '}' looking for beginning of object key string, in the token at byte 9"},
			// At an object's first key too, where encoding/json says
			// nothing of it.
			{`{'title':"T"}`, `invalid JSON: invalid character '\'' looking for beginning of object key string, in the token at byte 1`},
			{`{"a":{1:2}}`, "/a: invalid JSON: invalid character '1' looking for beginning of object key string, in the token at byte 6"},
			{"{ “a”:1}", "invalid JSON: invalid character '“' (U+201C) looking for beginning of object key string, in the token at byte 2"},
			{`[1,2] 3`, "invalid JSON: more than one value: another starts at byte 6"},
			// A value that starts, though it is cut short or bad.
			{`{}"abc`, "invalid JSON: more than one value: another starts at byte 2"},
			{"{}\ntru", "invalid JSON: more than one value: another starts at byte 3"},
			{"{} -", "invalid JSON: more than one value: another starts at byte 3"},
			{"{} nul", "invalid JSON: more than one value: another starts at byte 3"},
			{"{} f", "invalid JSON: more than one value: another starts at byte 3"},
			{"{} 1e", "invalid JSON: more than one value: another starts at byte 3"},
			{"{} 9.", "invalid JSON: more than one value: another starts at byte 3"},
			{"{} 0.", "invalid JSON: more than one value: another starts at byte 3"},
			{"[] \xff", "invalid JSON: invalid byte 0xff (not UTF-8) after top-level value, in the token at byte 3"},
			{`{"a":`, "/a: invalid JSON: unexpected end of input at byte 5"},
			// The array one too deep is named by where it starts, past
			// the white space before it.
			{strings.Repeat("[", 64) + " [1]", strings.Repeat("/0", 64) + ": invalid JSON: arrays and objects nested more than 64 deep: the one at byte 65"},
			// A character that is not ASCII is named whole, not by its
			// first byte read as Latin-1.
			{`{"title":“Gaza”}`, "/title: invalid JSON: invalid character '“' (U+201C) looking for beginning of value, in the token at byte 9"},
			{"{} \u00a0", `invalid JSON: invalid character '\u00a0' (U+00A0) after top-level value, in the token at byte 3`},
			{`{"a":tr€e}`, "/a: invalid JSON: invalid character '€' (U+20AC) in literal true (expecting 'u'), in the token at byte 5"},
			{"{\"a\":1}\xff", "invalid JSON: invalid byte 0xff (not UTF-8) after top-level value, in the token at byte 7"},
			// Bytes that encoding/json names by an escape, as they are
			// no printable character read as Latin-1.
			{"[1\x80]", "/0: invalid JSON: invalid byte 0x80 (not UTF-8) after array element, in the token at byte 2"},
			{"[\xad]", "/0: invalid JSON: invalid byte 0xad (not UTF-8) looking for beginning of value, in the token at byte 1"},
			{"{} \xa0", "invalid JSON: invalid byte 0xa0 (not UTF-8) after top-level value, in the token at byte 3"},
			{"[\u0080]", `/0: invalid JSON: invalid character '\u0080' (U+0080) looking for beginning of value, in the token at byte 1`},
			// Problems in a key say so.
			{`{"a\ud800":1}`, "/a\ufffd: invalid UTF-8: lone surrogate escape \\ud800 in a key at byte 3"},
			{"{\"a\xff\":1}", "/a\ufffd: invalid UTF-8 in a key at byte 3"},
			{`{"a/b":1,"a/b":2}`, `/a~1b: duplicate key "a/b"`},
			{`{"x~y":1,"x~y":2}`, `/x~0y: duplicate key "x~y"`},
			{"{\"a\":\"\uFFFD\\nd800\",\"a\":1}", `/a: duplicate key "a"`},
			{"{\xff\"a\":1}", "invalid JSON: invalid byte 0xff (not UTF-8) looking for beginning of object key string, in the token at byte 1"},
			// A token glued to the value before it is an error at that
			// value, not at its parent or at the next element.
			{`{"title":"a","x":01}`, "/x: invalid JSON: invalid character '1' after object key:value pair, in the token at byte 18"},
			{`{"highlights":["a",01]}`, "/highlights/1: invalid JSON: invalid character '1' after array element, in the token at byte 20"},
			{`{"a":[1]x}`, "/a: invalid JSON: invalid character 'x' after object key:value pair, in the token at byte 8"},
			{`{"a":0 1}`, "invalid JSON: invalid character '1' after object key:value pair, in the token at byte 7"},
			{`{"a":0,x}`, "invalid JSON: invalid character 'x' looking for beginning of object key string, in the token at byte 7"},
			// Strings cut short or with a bad character, and a high
			// surrogate followed by something other than an escape.
			{"{\"t\":\"a\x1fnb\"}", `/t: invalid JSON: invalid character '\x1f' in string literal, in the token at byte 5`},
			{`{"t":"\`, "/t: invalid JSON: unexpected end of input at byte 7"},
			{`{"t":"\ud83d\`, "/t: invalid JSON: unexpected end of input at byte 13"},
			{`{"t":"\ud83dXXde00"}`, `/t: invalid UTF-8: lone surrogate escape \ud83d at byte 6`},
			// Offsets count a byte order mark.
			{"\uFEFF{} x", "invalid JSON: invalid character 'x' after top-level value, in the token at byte 6"},
			{"\uFEFF{\"a\":\"\xff\"}", "/a: invalid UTF-8 at byte 9"},
			{"\uFEFF", "invalid JSON: unexpected end of input at byte 3"},
			// A document in UTF-16, as Windows tools may save it, or in
			// UTF-32, is named as such; other NULs and bytes are not.
			{"\xff\xfe{\x00}\x00", "invalid JSON: invalid byte 0xff (not UTF-8) looking for beginning of value, in the token at byte 0: the document starts with the byte order mark of UTF-16: it is to be UTF-8"},
			{"\xfe\xff\x00{\x00}", "invalid JSON: invalid byte 0xfe (not UTF-8) looking for beginning of value, in the token at byte 0: the document starts with the byte order mark of UTF-16: it is to be UTF-8"},
			{"{\x00}\x00", "invalid JSON: invalid character '\\x00' looking for beginning of object key string, in the token at byte 1: the document looks like UTF-16 without a byte order mark: it is to be UTF-8"},
			{"\x00{\x00}", "invalid JSON: invalid character '\\x00' looking for beginning of value, in the token at byte 0: the document looks like UTF-16 without a byte order mark: it is to be UTF-8"},
			// UTF-32, whose mark, little-endian, starts as that of UTF-16.
			{"\xff\xfe\x00\x00{\x00\x00\x00}\x00\x00\x00", "invalid JSON: invalid byte 0xff (not UTF-8) looking for beginning of value, in the token at byte 0: the document starts with the byte order mark of UTF-32: it is to be UTF-8"},
			{"\x00\x00\xfe\xff\x00\x00\x00{", "invalid JSON: invalid character '\\x00' looking for beginning of value, in the token at byte 0: the document starts with the byte order mark of UTF-32: it is to be UTF-8"},
			{"{\x00\x00\x00}\x00\x00\x00", "invalid JSON: invalid character '\\x00' looking for beginning of object key string, in the token at byte 1: the document looks like UTF-32 without a byte order mark: it is to be UTF-8"},
			{"\x00\x00\x00[", "invalid JSON: invalid character '\\x00' looking for beginning of value, in the token at byte 0: the document looks like UTF-32 without a byte order mark: it is to be UTF-8"},
			{"\xff{}", "invalid JSON: invalid byte 0xff (not UTF-8) looking for beginning of value, in the token at byte 0"},
			{"{\x00", "invalid JSON: invalid character '\\x00' looking for beginning of object key string, in the token at byte 1: the document looks like UTF-16 without a byte order mark: it is to be UTF-8"},
			{"\x00\x00", "invalid JSON: invalid character '\\x00' looking for beginning of value, in the token at byte 0"},
			{"{\xc3", "invalid JSON: invalid byte 0xc3 (not UTF-8) looking for beginning of object key string, in the token at byte 1"},
			// In any script: the first character is ASCII.
			{"[\x00\xc6\x89", "/0: invalid JSON: invalid character '\\x00' looking for beginning of value, in the token at byte 1: the document looks like UTF-16 without a byte order mark: it is to be UTF-8"},
			{"{}\x00\x00\x00", "invalid JSON: invalid character '\\x00' after top-level value, in the token at byte 2"},
			{"\uFEFF\x00", "invalid JSON: invalid character '\\x00' looking for beginning of value, in the token at byte 3"},
			// ValidateJSON passes over a byte order mark of UTF-8, and so
			// does the hint; a title not in Latin script does not hide it.
			{"\uFEFF\xff\xfe{\x00}\x00", "invalid JSON: invalid byte 0xff (not UTF-8) looking for beginning of value, in the token at byte 3: the document starts with the byte order mark of UTF-16: it is to be UTF-8"},
			{"\uFEFF{\x00}\x00", "invalid JSON: invalid character '\\x00' looking for beginning of object key string, in the token at byte 4: the document looks like UTF-16 without a byte order mark: it is to be UTF-8"},
			{"{\x00\"\x00t\x00\"\x00:\x00\"\x00:\x062\x06\"\x00}\x00", "invalid JSON: invalid character '\\x00' looking for beginning of object key string, in the token at byte 1: the document looks like UTF-16 without a byte order mark: it is to be UTF-8"},
			// A text the schema's pattern rejects gets Validate's error for
			// that rule, though Validate finds another problem before it.
			{strings.Replace(doc, `"summary":"Une réunion a eu lieu.\nLes trois organisations ont coordonné leurs efforts."`, `"summary":"a  b\nc\td"`, 1),
				`/summary: schema violation: control character U+0009 at byte 1 in line 2: "c\td"`},
		} {
			if _, err := ValidateJSON([]byte(tt.data)); err == nil || err.Error() != tt.want {
				t.Errorf("ValidateJSON(%q) = %v, want %s", tt.data, err, tt.want)
			}
		}
	})
	t.Run("byte order mark", func(t *testing.T) {
		d, err := ValidateJSON(append([]byte("\uFEFF"), valid...))
		if err != nil {
			t.Fatal(validationLines(err))
		}
		if diff := cmp.Diff(sampleDigest(), d); diff != "" {
			t.Errorf("digest (-want +got):\n%s", diff)
		}
		if _, err := ValidateJSON(append([]byte("\uFEFF\uFEFF"), valid...)); !errors.Is(err, ErrInvalidJSON) {
			t.Errorf("two byte order marks: got %v, want ErrInvalidJSON", err)
		}
	})
	t.Run("syntax error", func(t *testing.T) {
		_, err := ValidateJSON([]byte(`{"title" 1}`))
		var se *json.SyntaxError
		if !errors.As(err, &se) {
			t.Errorf("ValidateJSON = %v, want a *json.SyntaxError inside", err)
		}
	})
	t.Run("not UTF-8 outside a string", func(t *testing.T) {
		for _, data := range []string{"\xff", "{\xff}", "{\"title\":1\xff}", "[\xe2\x80", "[1\x80]", "[\xad]", "{} \xa0", "[\x9f1]"} {
			_, err := ValidateJSON([]byte(data))
			var se *json.SyntaxError
			if !errors.Is(err, ErrInvalidUTF8) || !errors.Is(err, ErrInvalidJSON) || !errors.As(err, &se) {
				t.Errorf("ValidateJSON(%q) = %v, want ErrInvalidUTF8, ErrInvalidJSON and a *json.SyntaxError", data, err)
			}
		}
		// A syntax error at an ASCII byte is not, whatever comes after.
		for _, data := range []string{"{\"title\" 1}", "[1x\xff]", "{\"a\": nul, \"b\": \"\xff\"}"} {
			if _, err := ValidateJSON([]byte(data)); errors.Is(err, ErrInvalidUTF8) {
				t.Errorf("ValidateJSON(%q) = %v, which is ErrInvalidUTF8", data, err)
			}
		}
	})
	t.Run("valid", func(t *testing.T) {
		d, err := ValidateJSON(valid)
		if err != nil {
			t.Fatal(validationLines(err))
		}
		if diff := cmp.Diff(sampleDigest(), d); diff != "" {
			t.Errorf("digest (-want +got):\n%s", diff)
		}
	})
	t.Run("valid JSON, invalid digest", func(t *testing.T) {
		data := strings.Replace(doc, `"Palestine"`, `"ligue arabe"`, 1)
		d, err := ValidateJSON([]byte(data))
		if d == nil || !errors.Is(err, ErrDuplicate) {
			t.Errorf("ValidateJSON = %v, %v; want the digest and ErrDuplicate", d, err)
		}
	})
}

// TestValidateJSONTextRules checks that ValidateJSON reports a text that
// breaks the schema's pattern with the error that Validate gives for the
// same digest, wrapping ErrSchema too.
func TestValidateJSONTextRules(t *testing.T) {
	tests := []struct {
		name   string
		modify func(d *Digest)
		ptr    string
		want   error
	}{
		{"no-break space at the end", func(d *Digest) { d.Title = "Gaza\u00a0" }, "/title", ErrWhiteSpace},
		{"space at the end of a multi-line text", func(d *Digest) { d.Summary = "Un.\nDeux. " }, "/summary", ErrWhiteSpace},
		{"tab", func(d *Digest) { d.Highlights = []string{"a\tb"} }, "/highlights/0", ErrControlChar},
		{"C1 control", func(d *Digest) { d.Entities[0].Description = "a\u0080b" }, "/entities/0/description", ErrControlChar},
		{"line break in a one-line text", func(d *Digest) { d.Keywords = []string{"a\nb"} }, "/keywords/0", ErrLineBreak},
		{"CR in a multi-line text", func(d *Digest) { d.Subtitle = "a\r\nb" }, "/subtitle", ErrLineBreak},
		{"U+2028", func(d *Digest) { d.CoreSubject.Heading = "a\u2028b" }, "/core_subject/heading", ErrLineBreak},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := sampleDigest()
			tt.modify(d)
			var fromGo ValidationErrors
			if !errors.As(Validate(d), &fromGo) || fromGo[0].Pointer != tt.ptr || !errors.Is(fromGo[0], tt.want) {
				t.Fatalf("Validate = %v, want %q at %q first", validationLines(Validate(d)), tt.want, tt.ptr)
			}
			data, err := json.Marshal(d)
			if err != nil {
				t.Fatal(err)
			}
			_, err = ValidateJSON(data)
			var fromJSON ValidationErrors
			if !errors.As(err, &fromJSON) || len(fromJSON) != 1 {
				t.Fatalf("ValidateJSON = %v, want one error", validationLines(err))
			}
			got := fromJSON[0]
			if got.Pointer != tt.ptr || !errors.Is(got, tt.want) || !errors.Is(got, ErrSchema) {
				t.Errorf("ValidateJSON = %v, want %q and %q at %q", got, tt.want, ErrSchema, tt.ptr)
			}
			if want := ErrSchema.Error() + ": " + fromGo[0].Err.Error(); got.Err.Error() != want {
				t.Errorf("ValidateJSON's message is %q, want %q", got.Err, want)
			}
		})
	}
}

// TestValidateEveryOffset puts a character at each offset of a title long
// enough for line to read it many bytes at a time (a block of 32, then
// words of 8), and checks that Validate finds a bad one wherever it
// stands, and accepts a good one.
func TestValidateEveryOffset(t *testing.T) {
	const base = "Abcdefghijklmnopqrstuvwxyz0123456789Abcdefghijklmnopqrstuvwxyz0123456789"
	for pos := 1; pos < len(base); pos++ {
		for _, bad := range []string{"\x00", "\x1f", "\x7f", "\t", "\n", "\u0085", "\u009f", "\u200b", "\ufeff", " ", "\xff", "e\u0301",
			"\u2000", "\u2028", "\u2029", "\xf0\x9f\x91", "\xe2\x80"} {
			d := sampleDigest()
			d.Title = base[:pos] + bad + base[pos:]
			if bad == " " {
				d.Title = base[:pos] + "  " + base[pos:]
			}
			if Validate(d) == nil {
				t.Errorf("Validate accepts the title %q", d.Title)
			}
		}
		for _, good := range []string{" ", "~", "é", "\u00a0", "\u200d", "👤", "🏛️", "’", "…", "«", "\u2002"} {
			d := sampleDigest()
			d.Title = base[:pos] + good + base[pos:]
			if err := Validate(d); err != nil {
				t.Errorf("Validate rejects the title %q: %v", d.Title, err)
			}
		}
	}
}

// TestLatinFold checks that folding rune by rune with latinFold, as
// folder.add does for text below U+0300, gives what Unicode case folding
// gives for the whole text.
func TestLatinFold(t *testing.T) {
	var b strings.Builder
	for r := rune(0); r < 0x300; r++ {
		b.WriteRune(r)
		b.WriteString("Ab")
	}
	texts := []string{b.String(), "Faïd Mostafa", "LIGUE DES ÉTATS ARABES", "Straße", "ǅ ǈ ǋ ǲ", "İstanbul", "ŉ ǰ"}
	for i := 0; i < len(b.String()); i += 7 {
		texts = append(texts, strings.ToValidUTF8(b.String()[i:min(i+40, b.Len())], ""))
	}
	// Every ASCII byte at every place in a word of eight, which folder.add
	// folds eight at a time.
	var ascii strings.Builder
	for c := range 128 {
		ascii.WriteByte(byte(c))
	}
	for i := range 8 {
		texts = append(texts, ascii.String()[i:], ascii.String()[i:]+"É"+ascii.String()[:i])
	}
	// A letter that is not ASCII at every place of short texts, and near
	// their ends, where the last word is read shifted.
	for n := range 20 {
		for p := range n {
			texts = append(texts, strings.Repeat("QRSTUVWXYZ[@`{", 2)[:p]+"É"+strings.Repeat("K", n-p))
			texts = append(texts, strings.Repeat("Zz", n)[:n-p]+"ß"+strings.Repeat("A", p))
		}
	}
	for _, s := range texts {
		var f folder
		f.add(s)
		want, _, err := transform.String(foldCase, s)
		if err != nil {
			t.Fatal(err)
		}
		if got := string(f.buf); got != want {
			t.Errorf("folding %+q gives %+q, want %+q", s, got, want)
		}
	}
}

// TestFolderEarlier compares folder.earlier, for short lists and for long
// ones with their hash table, with a search of the case-folded keys one by
// one. The keys repeat in other cases, so that most have an earlier equal,
// and the lists come one after another, so that a folder and its table
// are reused.
func TestFolderEarlier(t *testing.T) {
	words := []string{"", "a", "A", "Ab", "aB", "Straße", "STRASSE", "strasse", "État", "éTAT", "Ali Darwish", "ALI DARWISH", "Ligue", "ǅ", "ǆ", "Ǆ"}
	rng := rand.New(rand.NewPCG(5, 6))
	for _, n := range []int{2, 5, 32, 33, 100, 40, 1000, 34, 3000} {
		keys := make([]string, n)
		for i := range keys {
			keys[i] = words[rng.IntN(len(words))]
			if rng.IntN(2) == 0 {
				keys[i] += fmt.Sprint(" ", rng.IntN(n/2+1))
			}
		}
		folded := make([]string, n)
		for i, k := range keys {
			folded[i], _, _ = transform.String(foldCase, k)
		}
		f := foldKeys(n, func(i int) string { return keys[i] })
		for i := range keys {
			wantJ, wantOK := 0, false
			for j := range i {
				if folded[i] != "" && folded[j] == folded[i] {
					wantJ, wantOK = j, true
					break
				}
			}
			if j, ok := f.earlier(i); j != wantJ || ok != wantOK {
				t.Fatalf("%d keys: earlier(%d) for %q = %d, %v; want %d, %v", n, i, keys[i], j, ok, wantJ, wantOK)
			}
		}
		f.release()
	}
}

// TestValidateNotNFCThenParse checks that a Validate that finds a text
// not in NFC leaves nothing behind for the next Parse: U+0F43 and U+0FB9
// decompose into two segments, and the NFC check's state is pooled.
func TestValidateNotNFCThenParse(t *testing.T) {
	for _, c := range []struct{ bad, text, title string }{
		{"\u0F43", "Cafe\u0301\nSUMMARY\nS\n", "Café"},
		{"\u0FB9", "\uFAD9\nSUMMARY\nS\n", norm.NFC.String("\uFAD9")},
		{"x\u0F43", "K\u212B\nSUMMARY\nS\n", "K\u00C5"},
	} {
		for range 3 {
			if err := Validate(&Digest{Title: c.bad, Summary: "S"}); !errors.Is(err, ErrNotNFC) {
				t.Fatalf("Validate of the title %+q: %v, want ErrNotNFC", c.bad, err)
			}
			d, err := Parse([]byte(c.text))
			if err != nil || d.Title != c.title {
				t.Fatalf("after Validate of %+q, Parse(%+q) = title %+q, %v; want %+q", c.bad, c.text, d.Title, err, c.title)
			}
		}
	}
	if race.Enabled {
		return // the race detector makes sync.Pool drop what it is given
	}
	// Past the errors kept, the texts not in NFC are still checked, to be
	// counted: the check allocates nothing for them.
	allocs := func(n int) float64 {
		d := &Digest{Title: "T", Summary: "S"}
		for i := range n {
			d.Keywords = append(d.Keywords, fmt.Sprint("e\u0301", i))
		}
		return testing.AllocsPerRun(5, func() { _ = Validate(d) })
	}
	if few, many := allocs(20), allocs(2000); many > few+10 {
		t.Errorf("Validate allocates %v times for 20 keywords not in NFC, %v for 2000", few, many)
	}
}

// TestNFCAddsOnlyJoiners checks that lex.NFCAddsOnlyJoiners, and notNFC,
// which applies it segment by segment, agree with what they test, on
// random texts of letters, combining marks in runs up to past 30, U+034F
// and Hangul jamo.
func TestNFCAddsOnlyJoiners(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 5))
	pieces := []string{"a", "e", "\u0301", "\u0327", "\u0323", "\u0308", lex.CGJ, "\u1100", "\u1161", "\u11a8", "é", "\u0f73", "\u0f71"}
	joiners := 0
	for range 20000 {
		var b strings.Builder
		for range r.IntN(8) {
			p := pieces[r.IntN(len(pieces))]
			n := 1
			if r.IntN(4) == 0 {
				n = 25 + r.IntN(15) // a run of marks that may pass 30
			}
			b.WriteString(strings.Repeat(p, n))
		}
		s := b.String()
		want := strings.ReplaceAll(norm.NFC.String(s), lex.CGJ, "") == strings.ReplaceAll(s, lex.CGJ, "")
		if got := lex.NFCAddsOnlyJoiners(s); got != want {
			t.Fatalf("lex.NFCAddsOnlyJoiners(%+q) = %v, want %v", s, got, want)
		}
		if norm.NFC.IsNormalString(s) {
			continue
		}
		if _, _, ok := notNFC(s); ok == want {
			t.Fatalf("notNFC(%+q) reports ok = %v, but NFC adds only joiners: %v", s, ok, want)
		}
		if want {
			joiners++
		}
	}
	if joiners < 100 {
		t.Errorf("only %d texts not in NFC changed by joiners alone", joiners)
	}
}

// TestValidateMarks checks Validate and Parse on random texts of letters
// and combining marks of the scripts whose marks lex.Letters may pass
// over, in and out of canonical order, some of which compose: Validate
// reports ErrNotNFC exactly when the text is not NFC, and Parse reads
// the text as its NFC.
func TestValidateMarks(t *testing.T) {
	letters := []rune("шаब्कनसกขสאבשمحد中ά")
	marks := []rune{
		0x094D, 0x093C, 0x0951, 0x0952, // Devanagari: virama, nukta, stress signs
		0x0E38, 0x0E39, 0x0E48, 0x0E49, 0x0E4C, // Thai: lower vowels, tone marks
		0x05B8, 0x05C1, 0x05BC, // Hebrew: qamats, shin dot, dagesh
		0x064E, 0x0651, 0x0650, // Arabic: fatha, shadda, kasra
		0x0301, 0x0306, 0x0334, // Latin and Cyrillic marks, which compose or not
	}
	rng := rand.New(rand.NewPCG(7, 7))
	for range 20000 {
		var b strings.Builder
		b.WriteRune(letters[rng.IntN(len(letters))])
		for range rng.IntN(12) {
			switch k := rng.IntN(10); {
			case k < 5:
				b.WriteRune(marks[rng.IntN(len(marks))])
			case k < 6:
				b.WriteString(" ")
				fallthrough
			default:
				b.WriteRune(letters[rng.IntN(len(letters))])
			}
		}
		title := b.String()
		err := Validate(&Digest{Title: title, Summary: "S"})
		if got, want := errors.Is(err, ErrNotNFC), !norm.NFC.IsNormalString(title); got != want {
			t.Fatalf("Validate of the title %+q: %v; NFC is %+q", title, err, norm.NFC.String(title))
		}
		d, err := Parse([]byte(title + "\nSUMMARY\nS\n"))
		if err != nil || d.Title != norm.NFC.String(title) {
			t.Fatalf("Parse of the title %+q: %+q, %v; want %+q", title, d.Title, err, norm.NFC.String(title))
		}
	}
	// A mark after a letter, written in three bytes where UTF-8 takes two,
	// is not UTF-8.
	bad := "א\xE0\x96\xB8" // U+05B8, overlong
	if err := Validate(&Digest{Title: bad, Summary: "S"}); !errors.Is(err, ErrInvalidUTF8) {
		t.Errorf("Validate of the title %+q: %v, want ErrInvalidUTF8", bad, err)
	}
	if _, err := Parse([]byte(bad + "\nSUMMARY\nS\n")); !errors.Is(err, ErrInvalidUTF8) {
		t.Errorf("Parse of the title %+q: %v, want ErrInvalidUTF8", bad, err)
	}
}

// TestErrorDocExamples checks the messages that the docs of
// ValidationErrors.Error and ErrSchema give as examples.
func TestErrorDocExamples(t *testing.T) {
	err := Validate(&Digest{Keywords: []string{""}})
	if got, want := fmt.Sprint(err), "/keywords/0: empty keyword (and 2 more errors)"; got != want {
		t.Errorf("Validate of an empty digest with an empty keyword = %q, want %q", got, want)
	}
	doc := `{"title":"","subtitle":"","summary":"s","highlights":[],"core_subject":{"heading":"","paragraphs":[]},"keywords":[],"entities":[]}`
	_, err = ValidateJSON([]byte(doc))
	if got, want := fmt.Sprint(err), "/title: schema violation: empty title"; got != want || !errors.Is(err, ErrEmpty) {
		t.Errorf("ValidateJSON of an empty title = %q, want %q, wrapping ErrEmpty", got, want)
	}
	_, err = ValidateJSON([]byte(strings.Replace(doc, `"title":"","subtitle":"","summary":"s",`, `"title":"T","subtitle":"",`, 1)))
	if got, want := fmt.Sprint(err), "schema violation: missing properties: 'summary'"; got != want {
		t.Errorf("ValidateJSON without a summary = %q, want %q", got, want)
	}
}

// TestValidateEdgeProblems checks every problem Validate reports for
// digests at the edges of its rules: a list as long as allowed and one
// item longer, a character whose fault hides others of the same text (a
// line break, a byte that is not UTF-8, an empty line at the end), offsets
// past a leading space, case folding at 'Z', and the rules of reading
// back, asked only of a text free of other problems.
func TestValidateEdgeProblems(t *testing.T) {
	repeat := func(n int) []string {
		l := make([]string, n)
		for i := range l {
			l[i] = "x"
		}
		return l
	}
	for _, tt := range []struct {
		modify func(d *Digest)
		want   []string
	}{
		{func(d *Digest) { d.Highlights = repeat(100000) }, nil},
		{func(d *Digest) { d.Highlights = repeat(100001) }, []string{"/highlights: too long: 100001 highlights, at most 100000"}},
		{func(d *Digest) { d.Summary = "a\n\n" }, []string{`/summary: line break at the end of "a\n\n"`}},
		{func(d *Digest) { d.Title = "e\u0300" }, []string{"/title: not in Unicode NFC: \"e\\u0300\" at byte 0: \"e\u0300\""}},
		{func(d *Digest) { d.Title = "\u2028" }, []string{`/title: line break U+2028 at byte 0: "\u2028"`}},
		{func(d *Digest) { d.Title = "\r" }, []string{`/title: line break U+000D at byte 0: "\r"`}},
		{func(d *Digest) { d.Title = "a  \r" }, []string{`/title: line break U+000D at byte 3: "a  \r"`}},
		{func(d *Digest) { d.Title = "a\xffb\xfec" }, []string{`/title: invalid UTF-8 at byte 1: "a\xffb\xfec"`}},
		{func(d *Digest) { d.Title = "a  b\u200bc" }, []string{`/title: would not read back unchanged: two spaces in a row at byte 1 would read back as one: "a  b\u200bc"`}},
		{func(d *Digest) { d.Title = " a " }, []string{
			`/title: leading or trailing white space: U+0020 at the start: " a "`,
			`/title: leading or trailing white space: U+0020 at the end: " a "`,
		}},
		{func(d *Digest) { d.Summary = "Keywords\nText." }, []string{`/summary: would not read back unchanged: the summary's line 1 would read as the header KEYWORDS: "Keywords"`}},
		// The rules of reading back are asked only of a clean text.
		{func(d *Digest) { d.CoreSubject = CoreSubject{Paragraphs: []string{"Hello "}} }, []string{`/core_subject/paragraphs/0: leading or trailing white space: U+0020 at the end: "Hello "`}},
		{func(d *Digest) { d.Entities = []Entity{{Type: Organization, Name: "Ann", Description: "- text "}} }, []string{`/entities/0/description: leading or trailing white space: U+0020 at the end: "- text "`}},
		{func(d *Digest) { d.Entities = []Entity{{Type: Organization, Name: "★ Ann ", Description: "text"}} }, []string{`/entities/0/name: leading or trailing white space: U+0020 at the end: "★ Ann "`}},
		{func(d *Digest) { d.Keywords = []string{"#a,b"} }, []string{`/keywords/0: would not read back unchanged: the separator ',' would split the keyword "#a,b"`}},
		{func(d *Digest) { d.Keywords = []string{"a،b"} }, []string{`/keywords/0: would not read back unchanged: the separator '،' would split the keyword "a،b"`}},
		{func(d *Digest) { d.Keywords = []string{"- #x"} }, []string{`/keywords/0: would not read back unchanged: the keyword "- #x" would read back as "x"`}},
		// Keys that are not UTF-8 fold byte by byte, and match no letter.
		{func(d *Digest) { d.Keywords = []string{"a", "\xC3"} }, []string{`/keywords/1: invalid UTF-8 at byte 0: "\xc3"`}},
		{func(d *Digest) { d.Keywords = []string{"á", "\xC3A"} }, []string{`/keywords/1: invalid UTF-8 at byte 0: "\xc3A"`}},
		{func(d *Digest) { d.Title = "e\u0301\xff" }, []string{"/title: invalid UTF-8 at byte 3: \"e\u0301\\xff\""}},
		{func(d *Digest) { d.Title = " a  b" }, []string{
			`/title: leading or trailing white space: U+0020 at the start: " a  b"`,
			`/title: would not read back unchanged: two spaces in a row at byte 2 would read back as one: " a  b"`,
		}},
		{func(d *Digest) { d.Title = " a\u200bb" }, []string{
			`/title: leading or trailing white space: U+0020 at the start: " a\u200bb"`,
			`/title: would not read back unchanged: U+200B at byte 2 would be removed: " a\u200bb"`,
		}},
		{func(d *Digest) { d.Title = "#  SUMMARY" }, []string{`/title: would not read back unchanged: two spaces in a row at byte 1 would read back as one: "#  SUMMARY"`}},
		{func(d *Digest) { d.Title = "Re\u0301sume\u0301" }, []string{"/title: not in Unicode NFC: \"e\\u0301\" at byte 1: \"Re\u0301sume\u0301\""}},
		{func(d *Digest) { d.CoreSubject.Heading = "a  b." }, []string{`/core_subject/heading: would not read back unchanged: two spaces in a row at byte 1 would read back as one: "a  b."`}},
		{func(d *Digest) { d.Keywords = []string{"Z", "z"} }, []string{`/keywords/1: duplicate keyword "z", the same as /keywords/0 after case folding`}},
		{func(d *Digest) { d.Keywords = []string{"ÉZ", "éz"} }, []string{`/keywords/1: duplicate keyword "éz", the same as /keywords/0 after case folding`}},
	} {
		d := sampleDigest()
		tt.modify(d)
		if diff := cmp.Diff(tt.want, errorStrings(Validate(d))); diff != "" {
			t.Errorf("Validate (-want +got):\n%s", diff)
		}
	}
}

// TestValidateSizeLast checks that the size of the canonical text is
// checked only on a digest with no other problem: a text too long for the
// limit is no news when the digest has to change anyway.
func TestValidateSizeLast(t *testing.T) {
	p := Parser{MaxSize: 100}
	err := p.Validate(&Digest{Summary: strings.Repeat("a", 200)})
	if got := validationLines(err); got != "\t/title: empty title\n" {
		t.Errorf("Validate = %s, want only the empty title", got)
	}
	err = p.Validate(&Digest{Title: "T", Summary: strings.Repeat("a", 200)})
	if !errors.Is(err, ErrTooLarge) || !errors.Is(err, ErrNotRoundTrip) {
		t.Errorf("Validate = %v, want the size of the canonical text", err)
	}
}

// TestPointerAtLimit checks that a pointer of exactly 200 bytes, the most
// that a message shows, is shown whole.
func TestPointerAtLimit(t *testing.T) {
	ptr := "/" + strings.Repeat("a", 199)
	if got, want := (&ValidationError{Pointer: ptr, Err: ErrEmpty}).Error(), ptr+": empty"; got != want {
		t.Errorf("Error() = %q, want %q", got, want)
	}
}
