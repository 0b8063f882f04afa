package digest_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"strings"

	"digest"
)

const exampleText = `Réunion de la Ligue arabe
SUMMARY
Une réunion consultative a eu lieu au Caire.
KEY HIGHLIGHTS
- Le Secrétaire général a reçu deux ambassadeurs.
CORE SUBJECT
Coordination des efforts
La réunion vise à unifier les positions.
KEYWORDS
Ligue arabe, OCI
MENTIONED ENTITIES 1
Hussein Ibrahim Taha
👤 Person_MaleSecrétaire général de l'OCI
`

func ExampleParse() {
	d, err := digest.Parse([]byte(exampleText))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(d.Title)
	fmt.Println(d.Keywords)
	for _, e := range d.Entities {
		fmt.Printf("%s (%s): %s\n", e.Name, e.Type, e.Description)
	}
	// Output:
	// Réunion de la Ligue arabe
	// [Ligue arabe OCI]
	// Hussein Ibrahim Taha (Person_Male): Secrétaire général de l'OCI
}

func ExampleParse_errors() {
	text := "SUMMARY\nUn résumé.\nMENTIONED ENTITIES 2\nAli Darwish\n"
	d, err := digest.Parse([]byte(text))
	var list digest.ErrorList
	if errors.As(err, &list) {
		for _, e := range list {
			fmt.Println(e)
		}
	}
	fmt.Println(errors.Is(err, digest.ErrMissingTitle))
	fmt.Printf("partial: summary %q, %d entity\n", d.Summary, len(d.Entities))
	// Output:
	// 1:1: missing title: the first non-blank line is the header SUMMARY
	// 3:1: entity count mismatch: the header says 2, the section has 1
	// 4:1: entity without type line: "Ali Darwish"
	// true
	// partial: summary "Un résumé.", 1 entity
}

func ExampleErrorList_Error() {
	text := "Titre\nSUMMARY\nS\nKEYWORDS\nSUMMARY\nx\nKEYWORDS\nSUMMARY\n"
	_, err := digest.Parse([]byte(text))
	fmt.Println(err)
	// Output:
	// 5:1: duplicate section SUMMARY (first at line 2) (and 2 more errors)
}

func ExampleParseError_ErrorWithPosition() {
	_, err := digest.Parse([]byte("Titre\nSUMMARY\nUn\x07 résumé.\n"))
	var list digest.ErrorList
	errors.As(err, &list)
	fmt.Println(list[0].ErrorWithPosition())
	// Output:
	// 3:3: control character U+0007
	//   |
	// 3 | Un� résumé.
	//   |   ^
}

func ExampleParser() {
	p := digest.Parser{MaxSize: 16}
	_, err := p.ParseReader(strings.NewReader(exampleText))
	fmt.Println(err)
	fmt.Println(errors.Is(err, digest.ErrTooLarge))
	// Output:
	// 1:17: input too large: more than 16 bytes
	// true
}

func ExampleFormat() {
	d := &digest.Digest{
		Title:       "Sommet à Paris",
		Summary:     "Les ministres se sont réunis.",
		Highlights:  []string{"Accord sur le climat"},
		CoreSubject: digest.CoreSubject{Heading: "Le sommet", Paragraphs: []string{"Il a duré deux jours."}},
		Keywords:    []string{"climat", "Paris"},
		Entities:    []digest.Entity{{Name: "Paris", Type: digest.Location, Description: "Capitale de la France"}},
	}
	os.Stdout.Write(digest.Format(d))
	// Output:
	// Sommet à Paris
	// SUMMARY
	// Les ministres se sont réunis.
	// KEY HIGHLIGHTS
	// - Accord sur le climat
	// CORE SUBJECT
	// Le sommet
	// Il a duré deux jours.
	// KEYWORDS
	// - climat
	// - Paris
	// MENTIONED ENTITIES 1
	// Paris
	// 📍 Location Capitale de la France
}

// AppendFormat writes digest after digest into one buffer, here to
// print the first line of each canonical text.
func ExampleAppendFormat() {
	var buf []byte
	for _, title := range []string{"Sommet à Paris", "Accord à Genève"} {
		d := &digest.Digest{Title: title, Summary: "Les ministres se sont réunis."}
		buf = digest.AppendFormat(buf[:0], d)
		first, _, _ := bytes.Cut(buf, []byte("\n"))
		fmt.Printf("%s (%d bytes)\n", first, len(buf))
	}
	// Output:
	// Sommet à Paris (113 bytes)
	// Accord à Genève (115 bytes)
}

func ExampleDigest_MarshalJSON() {
	d := &digest.Digest{Title: "Titre", Summary: "Résumé."}
	b, _ := json.Marshal(d)
	fmt.Println(string(b))
	// Output:
	// {"title":"Titre","subtitle":"","summary":"Résumé.","highlights":[],"core_subject":{"heading":"","paragraphs":[]},"keywords":[],"entities":[]}
}

func ExampleEntityType_String() {
	fmt.Println(digest.PersonMale.String(), digest.Organization)
	// Output: Person_Male Organization
}

func ExampleEntityType_Icon() {
	for _, t := range digest.EntityTypes() {
		fmt.Println(t.Icon(), t)
	}
	// Output:
	// 👤 Person_Male
	// 👤 Person_Female
	// 🏛️ Organization
	// 📍 Location
	// 📅 Event
	// 📦 Product
	// 🔖 Other
}

func ExampleParseEntityType() {
	t, err := digest.ParseEntityType("person_female")
	fmt.Println(t, err)
	_, err = digest.ParseEntityType("Politician")
	fmt.Println(errors.Is(err, digest.ErrUnknownEntityType), err)
	// Output:
	// Person_Female <nil>
	// true unknown entity type "Politician"
}

func ExampleEntityType_Known() {
	d, _ := digest.Parse([]byte("Titre\nSUMMARY\nRésumé.\nMENTIONED ENTITIES\nAnne Hidalgo\n🔖 Politician Maire de Paris\n"))
	t := d.Entities[0].Type
	fmt.Println(t, t.Known())
	// Output: Politician false
}
