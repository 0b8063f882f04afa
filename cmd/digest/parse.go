package main

import "digest"

func init() { register(parseVerb) }

var parseVerb = &verb{
	name:    "parse",
	args:    "[-context] [-max-size N] [-all-errors] [FILE ...]",
	summary: "print digests as JSON",
	doc: `Parse prints each input as JSON, one document for each input. A text
with problems is printed too, as far as it could be read, except a text
over the size limit; its problems are reported on standard error as
FILE:LINE:COLUMN: message. A JSON document, as validate tells it from a
text ("digest help validate"), is read as validate reads it: printed
when the schema accepts it, with the problems of its digest that
validate reports (but for whether its canonical form would read back as
text, which parse does not check); otherwise only those problems are.
With no FILE, or for "-", parse reads standard input.
`,
	define: forEachInput((*cli).parse),
}

// parse prints the input name as JSON and reports its problems.
func (c *cli) parse(p *digest.Parser, in *inputFlags, name string) int {
	data, err := c.readInput(name, p.MaxSize)
	if err != nil {
		return c.fileError(name, err)
	}
	if inputIsJSON(data, p.MaxSize) {
		d, code := c.readJSON(p, name, data)
		if d != nil && !c.printJSON(d) {
			return exitFailure
		}
		return code
	}
	d, err := p.Parse(data)
	if d != nil && !c.printJSON(d) {
		return exitFailure
	}
	if err != nil {
		return c.reportParse(name, err, in)
	}
	return exitOK
}

// printJSON prints d as JSON, and tells whether it could.
func (c *cli) printJSON(d *digest.Digest) bool {
	return writeJSON(stdoutWriter{c}, d) == nil
}

// A stdoutWriter writes to the standard output of c, as c.write does.
type stdoutWriter struct{ c *cli }

func (w stdoutWriter) Write(b []byte) (int, error) {
	if !w.c.write(b) {
		return 0, w.c.stdoutErr
	}
	return len(b), nil
}
