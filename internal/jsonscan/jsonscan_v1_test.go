//go:build !goexperiment.jsonv2

package jsonscan

import (
	"bytes"
	"encoding/json"
	"strconv"
	"strings"
	"testing"
)

// FuzzCheckV1 compares Check with the scanner of encoding/json v1, whose
// words it takes, as json.Unmarshal reports it: the same byte at fault,
// read in the same context. With GOEXPERIMENT=jsonv2,
// encoding/json is built on v2 and has no such scanner: this file is not
// built.
func FuzzCheckV1(f *testing.F) {
	for _, c := range cases {
		f.Add([]byte(c.doc))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		if bytes.HasPrefix(data, []byte("\uFEFF")) {
			return // json.Unmarshal reads no byte order mark
		}
		off, context, _ := Check(data)
		var v any
		err := json.Unmarshal(data, &v)
		se, ok := err.(*json.SyntaxError)
		switch {
		case !ok && off >= 0:
			t.Fatalf("Check(%q) = %d, %q; json.Unmarshal: %v", data, off, context, err)
		case !ok:
			return // JSON, which json.Unmarshal read
		case off < 0:
			// Cut short. At the end of its input, v1 reads a space, which
			// ends a number or a literal: either that space is at fault,
			// or the end.
			cut := se.Error() == "unexpected end of JSON input" || strings.HasPrefix(se.Error(), "invalid character ' ' ")
			if !cut || se.Offset != int64(len(data)) {
				t.Fatalf("Check(%q) finds no fault; json.Unmarshal: %q after %d bytes", data, se, se.Offset)
			}
			return
		}
		// v1 names the byte, not the character, as quoteChar does.
		q := strconv.Quote(string(rune(data[off])))
		switch data[off] {
		case '\'':
			q = `"\'"`
		case '"':
			q = `"""`
		}
		want := "invalid character '" + q[1:len(q)-1] + "' " + context
		if se.Error() != want || se.Offset != int64(off)+1 {
			t.Fatalf("Check(%q) = %d, %q; json.Unmarshal: %q after %d bytes", data, off, context, se, se.Offset)
		}
	})
}
