package digest

import (
	"fmt"
	"testing"
)

// BenchmarkValidate validates the seed's digest, parsed once, and a large
// digest with long lists. Its bytes are the seed text's, so that MB/s
// compares with BenchmarkParse/seed: Validate should cost no more than
// Parse.
func BenchmarkValidate(b *testing.B) {
	text := readTestFile(b, "testdata/seed.txt")
	seed, err := Parse(text)
	if err != nil {
		b.Fatal(err)
	}
	large := largeValidDigest()
	for _, bc := range []struct {
		name string
		d    *Digest
		size int
	}{
		{"seed", seed, len(text)},
		{"large", large, len(Format(large))},
	} {
		b.Run(bc.name, func(b *testing.B) {
			if err := Validate(bc.d); err != nil {
				b.Fatal(err)
			}
			b.ReportAllocs()
			b.SetBytes(int64(bc.size))
			for b.Loop() {
				Validate(bc.d)
			}
		})
	}
}

// BenchmarkValidateJSON validates the JSON form of the seed's digest. Its
// bytes are the seed text's, as for BenchmarkValidate.
func BenchmarkValidateJSON(b *testing.B) {
	text, _, js := seedForms(b)
	if _, err := ValidateJSON(js); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		ValidateJSON(js)
	}
}

// largeValidDigest returns a valid digest with thousands of list items,
// non-ASCII keywords and names among them, so that duplicates are found
// with a map.
func largeValidDigest() *Digest {
	d := sampleDigest()
	for i := range 2000 {
		d.Highlights = append(d.Highlights, fmt.Sprintf("Point clé numéro %d : la réunion vise à évaluer les progrès.", i))
		d.CoreSubject.Paragraphs = append(d.CoreSubject.Paragraphs, fmt.Sprintf("Paragraphe %d. Cette réunion vise à unifier les positions.", i))
	}
	for i := range 1500 {
		d.Keywords = append(d.Keywords, fmt.Sprint("mot", i), fmt.Sprint("coopération", i))
	}
	for i := range 25000 {
		d.Entities = append(d.Entities, Entity{Name: fmt.Sprint("Personne numéro ", i), Type: PersonMale, Description: fmt.Sprint("Secrétaire général adjoint numéro ", i)})
	}
	return d
}
