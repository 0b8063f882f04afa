//go:build goexperiment.jsonv2

package digest

import (
	"encoding/json/v2"
	"testing"
)

// BenchmarkUnmarshalJSONv2 decodes the seed's JSON form with
// encoding/json/v2 (GOEXPERIMENT=jsonv2).
func BenchmarkUnmarshalJSONv2(b *testing.B) {
	text, _, js := seedForms(b)
	b.ReportAllocs()
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		var d Digest
		if err := json.Unmarshal(js, &d); err != nil {
			b.Fatal(err)
		}
	}
}
