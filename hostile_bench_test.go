package digest

import (
	"fmt"
	"strings"
	"testing"
)

// hostileBenchCases are the worst cases for the cost of Parse, each a
// head and a unit repeated to the size wanted. Parsing must be linear:
// MB/s should not fall as the size grows.
var hostileBenchCases = []struct {
	name       string
	head, unit string
}{
	{"blank-lines", "T\n", "\n"},
	{"blank-lines-mixed", "T\n", " \r\n\t\r\u2028\u00a0\u0085"},
	{"control-chars", "T\n", "ab\x01"},                                // an error every 3 bytes, one line
	{"control-lines", "T\n", "\x01\n"},                                // an error on every line
	{"invalid-utf8-errors", "T\n", "a\xff"},                           // a run of bad bytes every 2 bytes
	{"entities", "T\nMENTIONED ENTITIES\n", "Nom\n👤 Person_Male d\n"}, // many entities
	{"names-without-types", "T\nMENTIONED ENTITIES\n", "Nom\n"},       // an entity and a parse error a line
	{"duplicate-headers", "T\n", "SUMMARY\n"},                         // a parse error a line
	{"keywords", "T\nKEYWORDS\n", "k,"},                               // one line of many keywords
	{"long-line", "", "Lorem ipsum dolor sit amet. "},                 // one line
	{"long-line-invalid-utf8", "T\n", "\xff"},                         // one run of bad bytes, one line
	{"combining-marks", "T\n", "e\u0301"},                             // one line to normalize
}

// hostileBenchSizes are the sizes of the inputs, up to one byte under the
// default limit.
var hostileBenchSizes = []struct {
	name string
	n    int
}{
	{"1KiB", 1 << 10},
	{"64KiB", 64 << 10},
	{"1MiB", 1 << 20},
	{"4MiB-1", DefaultMaxSize - 1},
}

// hostileBenchInput returns head followed by unit repeated, cut to n
// bytes.
func hostileBenchInput(head, unit string, n int) []byte {
	s := head + strings.Repeat(unit, (n-len(head))/len(unit)+1)
	return []byte(s[:n])
}

// BenchmarkHostile parses each worst case at each size. Compare MB/s
// across sizes: a case whose MB/s at 4 MiB is much lower than at 1 KiB
// costs more than linear time.
//
//	go test -run '^$' -bench Hostile -benchtime 3x .
func BenchmarkHostile(b *testing.B) {
	for _, c := range hostileBenchCases {
		b.Run(c.name, func(b *testing.B) {
			for _, size := range hostileBenchSizes {
				b.Run(size.name, func(b *testing.B) {
					in := hostileBenchInput(c.head, c.unit, size.n)
					if d, _ := Parse(in); d == nil {
						b.Fatal("no digest")
					}
					b.ReportAllocs()
					b.SetBytes(int64(len(in)))
					for b.Loop() {
						Parse(in)
					}
				})
			}
		})
	}
}

// BenchmarkHostileTooLarge rejects an input one byte over the limit: it
// should cost little whatever the input holds.
func BenchmarkHostileTooLarge(b *testing.B) {
	for _, c := range []struct{ name, unit string }{
		{"plain", "x"},
		{"control-chars", "\x01"},
		{"invalid-utf8", "\xff"},
		{"line-breaks", "\n"},
		{"latin-1", "\u00a9"}, // as many bytes that may start a break
	} {
		b.Run(c.name, func(b *testing.B) {
			in := hostileBenchInput("", c.unit, DefaultMaxSize+1)
			b.ReportAllocs()
			b.SetBytes(int64(len(in)))
			for b.Loop() {
				if d, _ := Parse(in); d != nil {
					b.Fatal("a digest for an input over the limit")
				}
			}
		})
	}
}

// BenchmarkHostileValidateJSON validates JSON documents of many entities
// at each size.
func BenchmarkHostileValidateJSON(b *testing.B) {
	for _, size := range hostileBenchSizes {
		b.Run(size.name, func(b *testing.B) {
			var list strings.Builder
			for i := 0; list.Len() < size.n-len(minimalJSON)-100; i++ {
				if i > 0 {
					list.WriteByte(',')
				}
				fmt.Fprintf(&list, `{"name":"N%d","type":"Event","description":"d"}`, i)
			}
			in := []byte(jsonWith(`"entities":[]`, `"entities":[`+list.String()+`]`))
			benchmarkValidateJSON(b, in, len(in))
		})
	}
}
