package lex

import (
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

// BenchmarkParseHeader asks of every line of the reference sample whether
// it is a header, as the parser does.
func BenchmarkParseHeader(b *testing.B) {
	lines := seedLines(b)
	for b.Loop() {
		for _, s := range lines {
			ParseHeader(s)
		}
	}
}
