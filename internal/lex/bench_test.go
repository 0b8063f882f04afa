package lex

import (
	"fmt"
	"os"
	"testing"
)

// seedText returns the reference sample.
func seedText(b *testing.B) string {
	data, err := os.ReadFile("../../testdata/seed.txt")
	if err != nil {
		b.Fatal(err)
	}
	return string(data)
}

// BenchmarkPlain scans the reference sample with Plain, as Next does.
func BenchmarkPlain(b *testing.B) {
	s := seedText(b)
	b.SetBytes(int64(len(s)))
	for b.Loop() {
		for i := 0; i < len(s); i++ {
			i, _ = Plain(s, i)
		}
	}
}

// BenchmarkNext reads every line of the reference sample.
func BenchmarkNext(b *testing.B) {
	s := seedText(b)
	b.SetBytes(int64(len(s)))
	b.ReportAllocs()
	for b.Loop() {
		l := New(s)
		for {
			if _, ok := l.Next(); !ok {
				break
			}
		}
	}
}

// seedLines returns the text of each line of the reference sample.
func seedLines(b *testing.B) []string {
	var lines []string
	for l := New(seedText(b)); ; {
		ln, ok := l.Next()
		if !ok {
			return lines
		}
		lines = append(lines, ln.Text)
	}
}

// BenchmarkParseHeader asks of lines whether they are headers, as the
// parser does: every line of the reference sample, and entity names that
// start as a section name does, which only their later letters tell from
// one.
func BenchmarkParseHeader(b *testing.B) {
	var names []string
	for i := range 100 {
		names = append(names, fmt.Sprintf("Entity number %d", i), fmt.Sprintf("Entité numéro %d", i), fmt.Sprintf("Keynote speaker %d", i))
	}
	for _, bc := range []struct {
		name  string
		lines []string
	}{
		{"seed", seedLines(b)},
		{"names", names},
	} {
		b.Run(bc.name, func(b *testing.B) {
			for b.Loop() {
				for _, s := range bc.lines {
					ParseHeader(s)
				}
			}
		})
	}
}
