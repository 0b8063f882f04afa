package main

import (
	"bufio"
	"bytes"
	"errors"
	"flag"
	"fmt"

	"digest"
)

func init() {
	register(validateVerb)
	register(schemaVerb)
}

var validateVerb = &verb{
	name:    "validate",
	args:    "[-context] [-max-size N] [-all-errors] [FILE ...]",
	summary: "check digests, text or JSON",
	doc: `Validate checks that each input is a valid digest. An input that starts
as a JSON object does, with "{" then "}" alone, or "{" then a string and
":" right after it (white space aside, spaces and tabs only after the
string), is read as JSON, as is one that ends before it tells, such as
"{" alone; so is any valid JSON object or array (an array holds no
digest), or one over -max-size that is valid as far as it is read, but
for one that holds U+0085, U+2028 or U+2029, which a text reads as line
breaks; and so is an input in UTF-16 or UTF-32 that starts with "{" or
"[". Any other is read as text, so that a text whose title starts with
"{" or "[" is text unless it goes on as an object's first key does, or
is "{" alone before a line that starts so. Problems in a text are
reported on standard error as FILE:LINE:COLUMN: message, and a text with
such problems is not checked as a digest; problems of a digest as
FILE: /json/pointer: message, the first 10 by pointer and a line that
counts the others, or with -all-errors every problem, but for those of
decoding a JSON document (bytes that are not UTF-8, lone surrogates,
keys seen twice), which stay cut at 10. Validate prints nothing for a
valid input. A digest, read from a text or from JSON, must read back
unchanged from its canonical form as digest reads it, as fmt checks:
within -max-size, and as text, not JSON; the last is reported after the
digest's other problems, on a line of its own (for a JSON document, once
the schema accepts it). With no FILE, or for "-", validate reads
standard input.
`,
	define: forEachInput((*cli).validate),
}

// validate checks the input name and reports its problems.
func (c *cli) validate(p *digest.Parser, in *inputFlags, name string) int {
	data, err := c.readInput(name, p.MaxSize)
	if err != nil {
		return c.fileError(name, err)
	}
	// p.Validate, which p.ValidateJSON calls too, reads the canonical
	// text back as p.Parse does, with -max-size; the command also reads
	// it as JSON should it start as a JSON document does, as fmt does
	// with what it writes: a title that starts with "{" can make it do so,
	// after a byte order mark too. So validate checks what fmt does.
	asText := func(d *digest.Digest) bool {
		return c.readsAsText(name, digest.Format(d))
	}
	// It is checked after the digest's other problems, which it does not
	// count, and reported whatever they are.
	if inputIsJSON(data, p.MaxSize) {
		d, code := c.readJSON(p, name, data)
		if d != nil && !asText(d) {
			return exitProblems
		}
		return code
	}
	d, err := p.Parse(data) // which reports a text over the limit
	if err != nil {
		return c.reportParse(name, err, in)
	}
	code := c.reportInvalid(name, p.Validate(d), true)
	if !asText(d) {
		return exitProblems
	}
	return code
}

// readsAsText tells whether out, the canonical form of the input name,
// would read back as text, not be taken for JSON. If not, it says so.
func (c *cli) readsAsText(name string, out []byte) bool {
	if isJSON(out, false) {
		fmt.Fprintf(c.stderr, "%s: the canonical form would start as a JSON document does, %s: it would read back as JSON, not text\n",
			displayName(name), jsonStart(out))
		return false
	}
	return true
}

// reportInvalid reports err, the error of validating the input name, one
// problem a line, and returns the exit status: exitOK when err is nil,
// exitProblems otherwise. more tells that -all-errors shows the problems
// that a cut list does not.
func (c *cli) reportInvalid(name string, err error, more bool) int {
	if err == nil {
		return exitOK
	}
	errs := []error{err}
	if list, ok := err.(interface{ Unwrap() []error }); ok {
		errs = list.Unwrap()
	}
	// Buffered, not built whole: with -all-errors, a document can have
	// hundreds of thousands of problems.
	b := bufio.NewWriterSize(c.stderr, 64<<10)
	name = displayName(name)
	for _, e := range errs {
		// A ValidationError is one line, its pointer quoted and cut as
		// needed.
		b.WriteString(name)
		b.WriteString(": ")
		b.WriteString(e.Error())
		b.WriteString(hint(e, more))
		b.WriteByte('\n')
	}
	b.Flush()
	return exitProblems
}

// hint returns what to add to the message of e, a problem of an input,
// to say how to see more: for the error that counts those a list does
// not show, when more tells that -all-errors shows them; for an input, or
// a canonical form, longer than -max-size.
func hint(e error, more bool) string {
	switch {
	case errors.Is(e, digest.ErrTooManyErrors): // it wraps the sentinels of those it counts
		if more {
			return " (show them with -all-errors)"
		}
	case errors.Is(e, digest.ErrTooLarge): // the input, or its canonical form
		return " (raise the limit with -max-size)"
	}
	return ""
}

var schemaVerb = &verb{
	name:    "schema",
	args:    "",
	summary: "print the JSON Schema of the JSON form",
	doc: `Schema prints the JSON Schema, draft 2020-12, that the JSON form of
a valid digest satisfies.
`,
	define: func(*flag.FlagSet) func(*cli, []string) int {
		return (*cli).schema
	},
}

// schema prints the JSON Schema of digests.
func (c *cli) schema(args []string) int {
	if len(args) > 0 {
		return c.usageError("schema", "too many arguments")
	}
	s := digest.Schema()
	if !bytes.HasSuffix(s, []byte("\n")) {
		s = append(s[:len(s):len(s)], '\n')
	}
	if !c.write(s) {
		return exitFailure
	}
	return exitOK
}
