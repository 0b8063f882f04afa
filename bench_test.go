package digest

import (
	"bytes"
	"encoding/json"
	"fmt"
	"runtime"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// seedText returns the reference sample.
func seedText(tb testing.TB) []byte {
	return readTestFile(tb, "testdata/seed.txt")
}

// seedForms returns the reference sample, its digest and its JSON form.
func seedForms(tb testing.TB) (text []byte, d *Digest, js []byte) {
	text = seedText(tb)
	d, err := Parse(text)
	if err != nil {
		tb.Fatal(err)
	}
	if js, err = json.Marshal(d); err != nil {
		tb.Fatal(err)
	}
	return text, d, js
}

// largeText returns a digest of about 3 MiB: the seed's sections with many
// highlights and keywords and tens of thousands of entities. Its lines are
// short (44 bytes on average, line break included; the seed's are 110),
// which makes it the hard case for what each line costs.
func largeText() []byte { return generatedText(32000) }

// generatedText returns a digest of the given number of entities, with
// list sections in proportion: for each 160 entities, a summary line,
// ten highlights, ten paragraphs and two to three lines of keywords,
// with one of each at least.
func generatedText(entities int) []byte {
	var b strings.Builder
	b.WriteString("Un grand digest de référence\nSous-titre sur deux lignes\navec des accents : é, è, à.\nSUMMARY\n")
	for i := range max(1, entities/160) {
		fmt.Fprintf(&b, "Ligne %d du résumé, où la Ligue des États arabes et l'Union africaine coordonnent leurs efforts.\n", i)
	}
	b.WriteString("KEY HIGHLIGHTS\n")
	for i := range max(1, entities/16) {
		fmt.Fprintf(&b, "- Point clé numéro %d : la réunion vise à évaluer les progrès réalisés.\n", i)
	}
	b.WriteString("CORE SUBJECT\nCoordination des efforts de soutien\n")
	for i := range max(1, entities/16) {
		fmt.Fprintf(&b, "Paragraphe %d. Cette réunion vise à unifier les positions à cette étape critique.\n", i)
	}
	b.WriteString("KEYWORDS\n")
	for i := range max(1, entities/64) {
		fmt.Fprintf(&b, "mot%d, clé%d, coopération%d\n", i, i, i)
	}
	fmt.Fprintf(&b, "MENTIONED ENTITIES %d\n", entities)
	for i := range entities {
		if i%2 == 0 {
			fmt.Fprintf(&b, "Personne numéro %d\n👤 Person_MaleSecrétaire général adjoint numéro %d\n", i, i)
		} else {
			fmt.Fprintf(&b, "Organisation numéro %d\n🏛️ OrganizationOrganisation régionale numéro %d\n", i, i)
		}
	}
	return []byte(b.String())
}

// largeSeedText returns a digest of about 3 MiB made of the seed: its
// sections, then its six entities again and again, tens of thousands in
// all, with their count declared. Its lines are the seed's entity lines,
// 59 bytes on average.
func largeSeedText(tb testing.TB) []byte { return seedLinesText(tb, 3<<20) }

// seedLinesText returns a digest made of the seed as largeSeedText does,
// with about size bytes of entities: the seed's six, repeated once at
// least.
func seedLinesText(tb testing.TB, size int) []byte {
	seed := string(seedText(tb))
	head, entities, ok := strings.Cut(seed, "MENTIONED ENTITIES 6\n")
	if !ok {
		tb.Fatal("the seed has no MENTIONED ENTITIES 6 header")
	}
	entities = strings.TrimSuffix(entities, "\n") + "\n"
	n := max(1, size/len(entities))
	return []byte(head + fmt.Sprintf("MENTIONED ENTITIES %d\n", 6*n) + strings.Repeat(entities, n))
}

// BenchmarkParse parses the seed and the two large digests. Each input is
// made within its own sub-benchmark, as the package's benchmarks make
// their large inputs, so that none stays live while another runs: how
// often the garbage collector runs, and so what a small Parse costs,
// depends on how much memory is live (see BenchmarkLiveHeap).
func BenchmarkParse(b *testing.B) {
	for _, bc := range []struct {
		name string
		text func(testing.TB) []byte
	}{
		{"seed", seedText},
		{"large", func(testing.TB) []byte { return largeText() }},
		{"large-seed", largeSeedText},
	} {
		b.Run(bc.name, func(b *testing.B) { benchmarkParse(b, bc.text(b)) })
	}
}

// BenchmarkLiveHeap runs the seed's Parse, UnmarshalJSON and Format while
// 8 MiB of other memory is live, as in a program that holds other data.
// The garbage collector runs when the heap has grown by as much as is
// live (GOGC=100), with a goal of 4 MiB at least: with more live, it runs
// less often, and a call that allocates a few KiB in about a microsecond,
// as Parse and Format do, costs less. UnmarshalJSON allocates about as
// much but takes five to twenty times as long, and gains little. Compare
// each with its own benchmark, where little is live.
// BenchmarkLiveHeapJSONv2 is the same for encoding/json/v2.
//
// The memory is a []byte, which the collector counts but need not scan:
// the best case. A program's own data, which holds pointers, would also
// make each collection longer.
func BenchmarkLiveHeap(b *testing.B) {
	for _, bc := range []struct {
		name string
		run  func(*testing.B)
	}{
		{"Parse", func(b *testing.B) { benchmarkParse(b, seedText(b)) }},
		{"UnmarshalJSON", BenchmarkUnmarshalJSON},
		{"Format", BenchmarkFormat},
	} {
		b.Run(bc.name, func(b *testing.B) {
			defer keepLive()()
			bc.run(b)
		})
	}
}

// liveMemory holds the memory of keepLive.
var liveMemory []byte

// keepLive makes 8 MiB live, and returns a function that frees them.
func keepLive() (free func()) {
	liveMemory = make([]byte, 8<<20)
	runtime.GC()
	return func() { liveMemory = nil }
}

// BenchmarkParseScale parses the digests of BenchmarkParse's large and
// large-seed made smaller: the same lines, with fewer entities, at about
// 8 KiB, 64 KiB and 1 MiB. Its MB/s, against BenchmarkParse's at 3 MiB,
// tell whether Parse's time grows linearly with its input: MB/s then holds
// as the input grows. What each line costs makes the two kinds of line
// parse at different MB/s at any size.
func BenchmarkParseScale(b *testing.B) {
	full := len(largeText())
	for _, kib := range []int{8, 64, 1024} {
		size := kib << 10
		b.Run(fmt.Sprintf("large/%dKiB", kib), func(b *testing.B) {
			benchmarkParse(b, generatedText(32000*size/full))
		})
		b.Run(fmt.Sprintf("large-seed/%dKiB", kib), func(b *testing.B) {
			benchmarkParse(b, seedLinesText(b, size))
		})
	}
}

// BenchmarkParseFormatted parses digests of about 3 MiB that Format wrote:
// the seed's, with entities added whose names start as a section name
// does, "Entity number 1" or "Entité numéro 1", until the text is that
// long. Such a name is no header, but only its first letters tell, so
// ParseHeader must not fold it whole.
func BenchmarkParseFormatted(b *testing.B) {
	for _, bc := range []struct{ name, nameFmt, descFmt string }{
		{"en", "Entity number %d", "Description of entity %d, mentioned in the article."},
		{"fr", "Entité numéro %d", "Description de l'entité %d, mentionnée dans l'article."},
	} {
		b.Run(bc.name, func(b *testing.B) {
			_, d, _ := seedForms(b)
			types := EntityTypes()
			for k := 0; len(Format(d)) < 3<<20; {
				for range 1000 {
					d.Entities = append(d.Entities, Entity{
						Name:        fmt.Sprintf(bc.nameFmt, k),
						Type:        types[k%len(types)],
						Description: fmt.Sprintf(bc.descFmt, k),
					})
					k++
				}
			}
			benchmarkParse(b, Format(d))
		})
	}
}

// BenchmarkParseChanged parses texts whose lines the lexer must change:
// the seed in NFD, as some systems write text, whose accented letters
// are each a letter and a combining mark; the seed with a tab after each
// comma and two spaces after each period; and the large digest in NFD.
// They read the same digests as the seed and large, so compare their
// MB/s and allocations with BenchmarkParse's.
func BenchmarkParseChanged(b *testing.B) {
	for _, bc := range []struct {
		name string
		text func(testing.TB) []byte
	}{
		{"seed-nfd", func(tb testing.TB) []byte { return norm.NFD.Bytes(seedText(tb)) }},
		{"seed-spaced", func(tb testing.TB) []byte {
			return []byte(strings.NewReplacer(", ", ",\t", ". ", ".  ").Replace(string(seedText(tb))))
		}},
		{"large-nfd", func(testing.TB) []byte { return norm.NFD.Bytes(largeText()) }},
	} {
		b.Run(bc.name, func(b *testing.B) { benchmarkParse(b, bc.text(b)) })
	}
}

// scriptTexts returns digests of 500 paragraph lines in each of several
// scripts, the same sentence with its first words translated: text that
// the block scanner passes over (French), and text whose letters the
// lexer and Validate read a letter at a time, by table lookup
// (lex.Letters), the marks of Thai and Hindi among them, which the lookup
// passes over when they stand in canonical order.
func scriptTexts() []struct{ name, text string } {
	var texts []struct{ name, text string }
	for _, sc := range []struct{ name, words string }{
		{"french", "Le paragraphe numéro"},
		{"russian", "Параграф номер"},
		{"arabic", "الفقرة رقم"},
		{"chinese", "第段落编号"},
		{"japanese", "これはコーヒーのパラグラフ"},
		{"thai", "ย่อหน้าที่"},
		{"hindi", "अनुच्छेद संख्या"},
	} {
		var t strings.Builder
		t.WriteString("T\nSUMMARY\nS\nCORE SUBJECT\n")
		for i := range 500 {
			fmt.Fprintf(&t, "%s %d, un texte de plus pour la ligne.\n", sc.words, i)
		}
		texts = append(texts, struct{ name, text string }{sc.name, t.String()})
	}
	return texts
}

// BenchmarkParseScripts parses the texts of scriptTexts.
func BenchmarkParseScripts(b *testing.B) {
	for _, sc := range scriptTexts() {
		b.Run(sc.name, func(b *testing.B) { benchmarkParse(b, []byte(sc.text)) })
	}
}

// BenchmarkValidateScripts validates the digests of scriptTexts, parsed
// once. Its bytes are the texts'.
func BenchmarkValidateScripts(b *testing.B) {
	for _, sc := range scriptTexts() {
		d, err := Parse([]byte(sc.text))
		if err != nil {
			b.Fatal(err)
		}
		b.Run(sc.name, func(b *testing.B) { benchmarkValidate(b, d, len(sc.text)) })
	}
}

// benchmarkValidate validates d, which must be valid, reporting size
// bytes.
func benchmarkValidate(b *testing.B, d *Digest, size int) {
	benchmarkBytes(b, size, func() error { return Validate(d) })
}

// benchmarkParse parses text, which must parse without error, reporting
// its bytes.
func benchmarkParse(b *testing.B, text []byte) {
	benchmarkBytes(b, len(text), func() error { _, err := Parse(text); return err })
}

// benchmarkValidateJSON validates js, which must be a valid digest,
// reporting size bytes.
func benchmarkValidateJSON(b *testing.B, js []byte, size int) {
	benchmarkBytes(b, size, func() error { _, err := ValidateJSON(js); return err })
}

// benchmarkBytes runs f, which must not fail, as the loop of b, each run
// counting size bytes, with its allocations.
func benchmarkBytes(b *testing.B, size int, f func() error) {
	if err := f(); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.SetBytes(int64(size))
	for b.Loop() {
		f()
	}
}

// BenchmarkUnmarshalJSON decodes the seed's JSON form with encoding/json:
// the baseline a user would otherwise pick. Its bytes are the seed text's,
// so that MB/s compares with BenchmarkParse/seed.
func BenchmarkUnmarshalJSON(b *testing.B) {
	benchmarkUnmarshal(b, json.Unmarshal)
}

// benchmarkUnmarshal decodes the seed's JSON form into a Digest with
// unmarshal, reporting the seed text's bytes.
func benchmarkUnmarshal(b *testing.B, unmarshal func([]byte, any) error) {
	text, _, js := seedForms(b)
	b.ReportAllocs()
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		var d Digest
		if err := unmarshal(js, &d); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkFloor is the naive cost of only checking the seed: valid UTF-8
// and already NFC.
func BenchmarkFloor(b *testing.B) {
	text := seedText(b)
	b.ReportAllocs()
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		if !utf8.Valid(text) || !norm.NFC.IsNormal(text) {
			b.Fatal("seed is not valid NFC")
		}
	}
}

// BenchmarkFormat formats the seed's digest, parsed once, into a new
// text each time. Its bytes are the seed text's.
func BenchmarkFormat(b *testing.B) {
	text, d, _ := seedForms(b)
	benchmarkBytes(b, len(text), func() error { Format(d); return nil })
}

// BenchmarkAppendFormat formats the seed's digest into one buffer again
// and again, which Format does not let a caller do: it costs no
// allocation, and so no work of the garbage collector.
func BenchmarkAppendFormat(b *testing.B) {
	text, d, _ := seedForms(b)
	b.ReportAllocs()
	b.SetBytes(int64(len(text)))
	var buf []byte
	for b.Loop() {
		buf = AppendFormat(buf[:0], d)
	}
	if !bytes.Equal(buf, Format(d)) {
		b.Fatal("AppendFormat of the seed's digest differs from Format's")
	}
}

// BenchmarkValidate validates the seed's digest, parsed once, and a large
// digest with long lists. Its bytes are the seed text's, so that MB/s
// compares with BenchmarkParse/seed: Validate should cost no more than
// Parse.
func BenchmarkValidate(b *testing.B) {
	b.Run("seed", func(b *testing.B) {
		text, seed, _ := seedForms(b)
		benchmarkValidate(b, seed, len(text))
	})
	b.Run("large", func(b *testing.B) {
		large := largeValidDigest()
		benchmarkValidate(b, large, len(Format(large)))
	})
}

// BenchmarkValidateJSON validates the JSON form of the seed's digest. Its
// bytes are the seed text's, as for BenchmarkValidate.
func BenchmarkValidateJSON(b *testing.B) {
	text, _, js := seedForms(b)
	benchmarkValidateJSON(b, js, len(text))
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
