package digest_test

import (
	"errors"
	"fmt"

	"digest"
)

func ExampleValidate() {
	d := &digest.Digest{
		Title:   "Réunion de la Ligue arabe",
		Summary: "Une réunion consultative a eu lieu au Caire.",
		CoreSubject: digest.CoreSubject{
			Heading: "Coordination des efforts.",
		},
		Keywords: []string{"Ligue arabe", "OCI, Union africaine", "ligue ARABE"},
		Entities: []digest.Entity{
			{Name: "Hussein Ibrahim Taha", Type: "Person", Description: "Secrétaire général de l'OCI"},
		},
	}
	err := digest.Validate(d)
	var list digest.ValidationErrors
	if errors.As(err, &list) {
		for _, e := range list {
			fmt.Println(e)
		}
	}
	fmt.Println(errors.Is(err, digest.ErrDuplicate))
	// Output:
	// /core_subject/heading: would not read back unchanged: the heading "Coordination des efforts." ends with sentence-final punctuation and would read as a paragraph
	// /entities/0/type: unknown entity type "Person"
	// /keywords/1: would not read back unchanged: the separator ',' would split the keyword "OCI, Union africaine"
	// /keywords/2: duplicate keyword "ligue ARABE", the same as /keywords/0 after case folding
	// true
}

func ExampleParser_Validate() {
	// No title, and twelve keywords that are the same one.
	d := &digest.Digest{Summary: "Une réunion a eu lieu au Caire."}
	for range 12 {
		d.Keywords = append(d.Keywords, "Caire")
	}
	// Validate shows the first problems, by pointer; errors.Is finds the
	// others too.
	err := digest.Validate(d)
	fmt.Println(err)
	fmt.Println(errors.Is(err, digest.ErrEmpty))

	// With AllErrors, every problem is shown.
	p := digest.Parser{AllErrors: true}
	var list digest.ValidationErrors
	if errors.As(p.Validate(d), &list) {
		fmt.Println(len(list), list[len(list)-1])
	}
	// Output:
	// /keywords/1: duplicate keyword "Caire", the same as /keywords/0 after case folding (and 11 more errors)
	// true
	// 12 /title: empty title
}

func ExampleValidateJSON() {
	for _, doc := range []string{
		// The schema rejects it: a highlight ends with a space.
		`{"title": "Réunion", "subtitle": "", "summary": "Une réunion.",
		  "highlights": ["Deux ambassadeurs "],
		  "core_subject": {"heading": "", "paragraphs": []},
		  "keywords": [], "entities": []}`,
		// Valid for the schema, but two entities share a name.
		`{"title": "Réunion", "subtitle": "", "summary": "Une réunion.",
		  "highlights": [], "core_subject": {"heading": "", "paragraphs": []},
		  "keywords": [],
		  "entities": [
		    {"name": "Ali Darwish", "type": "Person_Male", "description": "Ambassadeur"},
		    {"name": "ALI DARWISH", "type": "Person_Male", "description": "Chef de délégation"}]}`,
		// A key seen twice.
		`{"title": "Réunion", "title": "Autre"}`,
	} {
		d, err := digest.ValidateJSON([]byte(doc))
		fmt.Printf("digest: %t\n", d != nil)
		fmt.Println(err)
	}
	// Output:
	// digest: false
	// /highlights/0: schema violation: leading or trailing white space: U+0020 at the end: "Deux ambassadeurs "
	// digest: true
	// /entities/1/name: duplicate entity name "ALI DARWISH", the same as /entities/0/name after case folding
	// digest: false
	// /title: duplicate key "title"
}
