//go:build goexperiment.jsonv2

package digest

import (
	"encoding/json/v2"
	"testing"
)

// BenchmarkUnmarshalJSONv2 decodes the seed's JSON form with
// encoding/json/v2 (GOEXPERIMENT=jsonv2).
func BenchmarkUnmarshalJSONv2(b *testing.B) {
	benchmarkUnmarshal(b, func(in []byte, out any) error { return json.Unmarshal(in, out) })
}

// BenchmarkLiveHeapJSONv2 is BenchmarkUnmarshalJSONv2 while 8 MiB of other
// memory is live, as BenchmarkLiveHeap runs the others.
func BenchmarkLiveHeapJSONv2(b *testing.B) {
	defer keepLive()()
	BenchmarkUnmarshalJSONv2(b)
}
