package main

import (
	"bytes"
	"encoding/json"

	"digest"
)

func init() { register(parseVerb) }

var parseVerb = &verb{
	name:    "parse",
	args:    "[-context] [-max-size N] [-all-errors] [FILE ...]",
	summary: "print digests as JSON",
	doc: `Parse reads each input as a digest text and prints it as JSON, one
document for each input. Problems are reported on standard error as
FILE:LINE:COLUMN: message. An input with problems is printed too, as
far as it could be read, except an input over the size limit. With no
FILE, or for "-", parse reads standard input.
`,
	define: forEachInput((*cli).parse),
}

// parse prints the input name as JSON and reports its problems.
func (c *cli) parse(p *digest.Parser, in *inputFlags, name string) int {
	r, err := c.open(name)
	if err != nil {
		return c.fileError(name, err)
	}
	d, err := p.ParseReader(r)
	r.Close()
	if d != nil {
		// Text goes out as it is: no \u003c for '<' as json.Marshal writes.
		var b bytes.Buffer
		enc := json.NewEncoder(&b)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		if err := enc.Encode(d); err != nil {
			return c.failf("%s: %v", displayName(name), err)
		}
		if !c.write(b.Bytes()) {
			return exitFailure
		}
	}
	if err != nil {
		return c.reportParse(name, err, in)
	}
	return exitOK
}
