package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"io"

	"digest"
)

// writeJSON writes d to w as JSON, indented by two spaces and ended by a
// line break: what a json.Encoder with SetIndent("", "  ") and
// SetEscapeHTML(false) writes for d, but a value at a time. The Encoder
// would build the whole document first, twice over (once compact, from
// digest.Digest's MarshalJSON, then indented): 4 MiB of name lines, two
// million entities, took 730 MB to print. It returns the first error of
// w.
func writeJSON(w io.Writer, d *digest.Digest) error {
	j := jsonWriter{w: bufio.NewWriterSize(w, 64<<10)}
	j.enc = json.NewEncoder(&j.buf)
	j.enc.SetEscapeHTML(false)

	j.w.WriteString("{\n  \"title\": ")
	j.string(d.Title)
	j.w.WriteString(",\n  \"subtitle\": ")
	j.string(d.Subtitle)
	j.w.WriteString(",\n  \"summary\": ")
	j.string(d.Summary)
	j.w.WriteString(",\n  \"highlights\": ")
	j.strings("  ", d.Highlights)
	j.w.WriteString(",\n  \"core_subject\": {\n    \"heading\": ")
	j.string(d.CoreSubject.Heading)
	j.w.WriteString(",\n    \"paragraphs\": ")
	j.strings("    ", d.CoreSubject.Paragraphs)
	j.w.WriteString("\n  },\n  \"keywords\": ")
	j.strings("  ", d.Keywords)
	j.w.WriteString(",\n  \"entities\": ")
	if len(d.Entities) == 0 {
		j.w.WriteString("[]")
	} else {
		for i, e := range d.Entities {
			if i == 0 {
				j.w.WriteString("[\n    {\n      \"name\": ")
			} else {
				j.w.WriteString(",\n    {\n      \"name\": ")
			}
			j.string(e.Name)
			j.w.WriteString(",\n      \"type\": ")
			j.string(string(e.Type)) // as its MarshalText gives it
			j.w.WriteString(",\n      \"description\": ")
			j.string(e.Description)
			j.w.WriteString("\n    }")
		}
		j.w.WriteString("\n  ]")
	}
	j.w.WriteString("\n}\n")
	return j.w.Flush() // the first error of w, which bufio.Writer keeps
}

// A jsonWriter writes the values of a JSON document.
type jsonWriter struct {
	w   *bufio.Writer
	buf bytes.Buffer  // one string, encoded
	enc *json.Encoder // which encodes into buf
}

// string writes s as a JSON string, escaped as encoding/json escapes it.
func (j *jsonWriter) string(s string) {
	j.buf.Reset()
	j.enc.Encode(s) // a string always encodes
	j.w.Write(bytes.TrimSuffix(j.buf.Bytes(), []byte("\n")))
}

// strings writes list as a JSON array of strings, its items indented by
// two spaces more than indent, the array's own indent.
func (j *jsonWriter) strings(indent string, list []string) {
	if len(list) == 0 {
		j.w.WriteString("[]")
		return
	}
	for i, s := range list {
		if i == 0 {
			j.w.WriteString("[\n")
		} else {
			j.w.WriteString(",\n")
		}
		j.w.WriteString(indent)
		j.w.WriteString("  ")
		j.string(s)
	}
	j.w.WriteString("\n")
	j.w.WriteString(indent)
	j.w.WriteString("]")
}
