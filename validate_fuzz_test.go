package digest

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/santhosh-tekuri/jsonschema/v5"
)

// addJSONFiles adds the JSON documents of testdata to f's corpus.
func addJSONFiles(f *testing.F) {
	for _, pattern := range []string{"testdata/valid/*.json", "testdata/invalid/*.json"} {
		files, _ := filepath.Glob(pattern)
		for _, file := range files {
			data, err := os.ReadFile(file)
			if err != nil {
				f.Fatal(err)
			}
			f.Add(data)
		}
	}
}

// FuzzValidateJSON checks that ValidateJSON never panics; that a document
// it accepts reads back unchanged from the canonical text form of its
// digest; that its errors are the first of those it gives with AllErrors
// (checkCutList), but for problems of decoding, which AllErrors leaves
// cut; and that when the schema rejects a document, Validate
// rejects its digest too, unless the schema's only complaints are about what a
// Digest cannot carry: extra or missing keys, null, a wrong JSON type.
func FuzzValidateJSON(f *testing.F) {
	addJSONFiles(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		d, err := ValidateJSON(data)
		if d != nil {
			// The digest is built from the decoded document: it is what
			// encoding/json makes of the bytes, past a byte order mark.
			var want Digest
			if err := json.Unmarshal(bytes.TrimPrefix(data, []byte(byteOrderMark)), &want); err != nil {
				t.Fatalf("ValidateJSON returned a digest, json.Unmarshal an error: %v", err)
			}
			if diff := cmp.Diff(&want, d); diff != "" {
				t.Fatalf("ValidateJSON's digest differs from json.Unmarshal's (-Unmarshal +ValidateJSON):\n%s", diff)
			}
		}
		if err == nil {
			if d == nil {
				t.Fatal("no digest and no error")
			}
			checkValidRoundTrip(t, d)
			return
		}
		var list ValidationErrors
		if !errors.As(err, &list) || len(list) == 0 {
			t.Fatalf("error %T is not a ValidationErrors: %v", err, err)
		}
		if d != nil {
			if verr := Validate(d); verr == nil || verr.Error() != err.Error() {
				t.Fatalf("ValidateJSON returned a digest with the error %v, Validate gives %v", err, verr)
			}
		}

		checkValidateJSONAllErrors(t, data, err)
		doc, errs := decodeJSON(data)
		if errs != nil {
			return // not JSON, not UTF-8, or a duplicate key
		}
		s, err := compiledSchema()
		if err != nil {
			t.Fatal(err)
		}
		err = s.Validate(doc)
		// ValidateJSON does not run the schema for a document of the
		// shape of a digest that Validate accepts.
		if d, ok := digestOf(doc); ok && Validate(d) == nil && err != nil {
			t.Fatalf("Validate accepts the digest of a document of its shape, the schema rejects it: %v", err)
		}
		if err == nil {
			return
		}
		var ve *jsonschema.ValidationError
		if !errors.As(err, &ve) {
			t.Fatalf("schema: %v", err)
		}
		carried := false // the schema finds a problem a Digest can carry
		for _, leaf := range schemaLeaves(ve) {
			switch keyword := leaf.KeywordLocation[strings.LastIndexByte(leaf.KeywordLocation, '/')+1:]; keyword {
			case "additionalProperties":
				// encoding/json matches keys without regard to case, so
				// an extra key may have set a field: the digest is not
				// the document.
				return
			case "required", "type":
			default:
				carried = true
			}
		}
		var dg Digest
		if json.Unmarshal(data, &dg) != nil {
			return // a wrong JSON type
		}
		if carried && Validate(&dg) == nil {
			t.Fatalf("the schema rejects the document, Validate accepts its digest:\n%s", validationLines(mustSchemaErrors(t, doc)))
		}
	})
}

// TestSchemaAcceptsValidDigests checks, on random digests of the pieces
// that the rules of text treat specially and at the bounds of lengths,
// that the schema accepts the JSON of every digest Validate accepts:
// ValidateJSON relies on it to skip the schema for such a document.
func TestSchemaAcceptsValidDigests(t *testing.T) {
	s, err := compiledSchema()
	if err != nil {
		t.Fatal(err)
	}
	check := func(d *Digest) bool {
		t.Helper()
		if Validate(d) != nil {
			return false
		}
		data, err := json.Marshal(d)
		if err != nil {
			t.Fatal(err)
		}
		doc, errs := decodeJSON(data)
		if errs != nil {
			t.Fatalf("decodeJSON of a valid digest's JSON: %v", errs)
		}
		if err := s.Validate(doc); err != nil {
			t.Fatalf("Validate accepts the digest, the schema rejects its JSON: %v\n%s", err, data)
		}
		return true
	}
	digest := randomDigest(rand.New(rand.NewPCG(3, 4)))
	valid := 0
	for range 50000 {
		if check(digest()) {
			valid++
		}
	}
	if valid < 1000 {
		t.Errorf("only %d random digests were valid: the test proves little", valid)
	}
	// The longest texts, in characters of one to four bytes.
	for _, c := range []string{"a", "é", "€", "\U0001D49C"} {
		d := &Digest{Title: strings.Repeat(c, maxShort), Summary: strings.Repeat(c, maxShort+1),
			Keywords: []string{strings.Repeat(c, maxShort)}, Entities: []Entity{{strings.Repeat(c, maxShort), Event, "d"}}}
		if !check(d) {
			t.Errorf("the digest of texts of %d %q is not valid: %v", maxShort, c, Validate(d))
		}
	}
}

// schemaLeaves returns the leaves of a schema error tree.
func schemaLeaves(e *jsonschema.ValidationError) []*jsonschema.ValidationError {
	if len(e.Causes) == 0 {
		return []*jsonschema.ValidationError{e}
	}
	var leaves []*jsonschema.ValidationError
	for _, c := range e.Causes {
		leaves = append(leaves, schemaLeaves(c)...)
	}
	return leaves
}

func mustSchemaErrors(t *testing.T, doc any) ValidationErrors {
	errs, err := checkSchema(doc, false)
	if err != nil {
		t.Fatal(err)
	}
	return errs
}

// TestValidateRandomRoundTrip builds many digests from pieces that the
// text form treats specially, and checks that every one Validate accepts
// reads back unchanged, and that every one it rejects only for reading
// back does not: a cheaper, deterministic cousin of the fuzz test.
func TestValidateRandomRoundTrip(t *testing.T) {
	digest := randomDigest(rand.New(rand.NewPCG(1, 2)))
	valid := 0
	for range 50000 {
		d := digest()
		err := Validate(d)
		if err == nil {
			valid++
			checkValidRoundTrip(t, d)
			continue
		}
		// A digest that breaks only rules of reading back must indeed not
		// read back unchanged: the rules are not stricter than needed.
		onlyRoundTrip := true
		for _, e := range err.(ValidationErrors) {
			onlyRoundTrip = onlyRoundTrip && errors.Is(e, ErrNotRoundTrip)
		}
		if onlyRoundTrip && readsBack(d) {
			t.Fatalf("Validate says the digest would not read back unchanged, but it does:\n%s", validationLines(err))
		}
	}
	if valid < 1000 {
		t.Errorf("only %d random digests were valid: the test proves little", valid)
	}
	t.Logf("%d valid random digests read back unchanged", valid)
}

// randomDigest returns a function that returns a new random digest, its
// texts from randomText, up to two items a list and two entities, one
// type in ten unknown.
func randomDigest(r *rand.Rand) func() *Digest {
	text := randomText(r)
	list := func() []string {
		l := make([]string, r.IntN(3))
		for i := range l {
			l[i] = text()
		}
		return l
	}
	return func() *Digest {
		d := &Digest{
			Title: text(), Subtitle: text(), Summary: text(), Highlights: list(),
			CoreSubject: CoreSubject{Heading: text(), Paragraphs: list()},
			Keywords:    list(),
		}
		for range r.IntN(3) {
			typ := EntityTypes()[r.IntN(7)]
			if r.IntN(10) == 0 {
				typ = EntityType(text())
			}
			d.Entities = append(d.Entities, Entity{Name: text(), Type: typ, Description: text()})
		}
		return d
	}
}

// randomText returns a function that returns 0 to 3 ordinary words or
// pieces that the text form treats specially, mostly joined by spaces.
func randomText(r *rand.Rand) func() string {
	words := []string{"a", "B", "mot", "Gaza", "État", "2024", "x.", "fin?", "un, deux"}
	tricky := []string{
		" ", "  ", "\t", "\n", "\r", "-", "- ", "#", "*", "* ", "•", "1.", "2) ",
		",", "،", "、", "，", ";", "؛", ":", "|", "—", "–", "·", ".", "?", "!", "…", "؟", "。",
		"\u00a0", "\u202f", "\u3000", "\u200b", "\u200e", "\u2066", "\ufeff", "\u200d", "\u0085", "\u2028",
		"é", "e\u0301", "\u212b", "ß", "SS", "ſ", "\u212a", "K", "👤", "🏛\ufe0f", "©", "^", "`", "°",
		"SUMMARY", "Résumé", "Mots-clés", "KEYWORDS", "Key highlights", "MENTIONED ENTITIES 3",
		"Core subject", "**", "##", "__", "Person_Male", "Other", "Organization", "_", "x\x00", "\x7f",
	}
	return func() string {
		var b strings.Builder
		for i := range r.IntN(4) {
			if i > 0 && r.IntN(4) != 0 {
				b.WriteByte(' ')
			}
			if r.IntN(6) == 0 {
				b.WriteString(tricky[r.IntN(len(tricky))])
			} else {
				b.WriteString(words[r.IntN(len(words))])
			}
		}
		return b.String()
	}
}

// TestValidateParsed checks that Validate finds no problem of the text
// form (white space, control characters, line breaks, NFC, reading back)
// in a digest that Parse read without error, from the golden inputs and
// from random texts. Such a digest may still lack a description, repeat a
// keyword or name an unknown type.
func TestValidateParsed(t *testing.T) {
	allowed := []error{ErrEmpty, ErrDuplicate, ErrUnknownEntityType, ErrTooLong}
	parsed := 0
	check := func(name string, text []byte) {
		d, err := Parse(text)
		if err != nil {
			return
		}
		parsed++
		var list ValidationErrors
		errors.As(Validate(d), &list)
		for _, e := range list {
			if !slices.ContainsFunc(allowed, func(s error) bool { return errors.Is(e, s) }) {
				t.Errorf("%s: Validate of a digest that parsed without error: %v\ntext:\n%s", name, e, text)
			}
		}
	}
	for _, file := range textFiles(t) {
		check(file, readTestFile(t, file))
	}

	r := rand.New(rand.NewPCG(3, 4))
	text := randomText(r)
	headers := []string{"SUMMARY", "KEY HIGHLIGHTS", "CORE SUBJECT", "KEYWORDS", "MENTIONED ENTITIES"}
	breaks := []string{"\n", "\n", "\n", "\r\n", "\r", "\u2028", "\u0085"}
	for i := range 20000 {
		var b strings.Builder
		b.WriteString("Titre" + text() + "\n")
		for _, h := range headers {
			b.WriteString(h + "\n")
			for range r.IntN(4) {
				line := text()
				if h == "MENTIONED ENTITIES" {
					line = "Nom " + line + "\n" + EntityTypes()[r.IntN(7)].Icon() + " " + text()
				}
				b.WriteString(line + breaks[r.IntN(len(breaks))])
			}
		}
		check(fmt.Sprint("random text ", i), []byte(b.String()))
	}
	if parsed < 1000 {
		t.Errorf("only %d texts parsed without error: the test proves little", parsed)
	}
	t.Logf("%d texts parsed without error", parsed)
}
