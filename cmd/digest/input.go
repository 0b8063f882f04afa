package main

import (
	"bufio"
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"math"
	"os"
	"strconv"
	"strings"
	"unicode/utf8"

	"digest"
	"digest/internal/jsonscan"
	"digest/internal/lex"
)

// stdinName is the name of standard input in messages.
const stdinName = "<stdin>"

// inputFlags are the flags of the verbs that read digests, as texts or
// JSON documents.
type inputFlags struct {
	context   bool
	allErrors bool
	maxSize   sizeFlag
}

// define defines the flags on fs.
func (f *inputFlags) define(fs *flag.FlagSet) {
	f.maxSize = digest.DefaultMaxSize
	fs.BoolVar(&f.allErrors, "all-errors", false,
		fmt.Sprintf("report every problem of an input, not only the first %d (but for those of decoding a JSON document)", digest.DefaultMaxErrors))
	fs.BoolVar(&f.context, "context", false,
		"after each problem in a text, show its line with a caret under the column")
	fs.Var(&f.maxSize, "max-size", "reject an input larger than `N` bytes")
}

// parser returns the parser the flags ask for.
func (f *inputFlags) parser() *digest.Parser {
	return &digest.Parser{MaxSize: int64(f.maxSize), AllErrors: f.allErrors}
}

// sizeFlag is a flag whose value is a positive number of bytes.
type sizeFlag int64

func (s *sizeFlag) String() string { return strconv.FormatInt(int64(*s), 10) }

func (s *sizeFlag) Set(v string) error {
	// Past the range of int64, ParseInt returns the bound of the number's
	// sign: the largest is as good as any larger, as no input is that
	// large, and the smallest is below 1 as the number is.
	n, err := strconv.ParseInt(v, 10, 64)
	if err != nil && !errors.Is(err, strconv.ErrRange) {
		return errors.New("not a number of bytes")
	}
	if n < 1 {
		return errors.New("must be at least 1")
	}
	// The parser reads one byte past the limit to tell that an input is
	// too large: keep limit+1 from overflowing.
	*s = sizeFlag(min(n, math.MaxInt64-1))
	return nil
}

// inputNames returns the inputs that the file arguments name: standard
// input, "-", when there are none.
func inputNames(args []string) []string {
	if len(args) == 0 {
		return []string{"-"}
	}
	return args
}

// displayName returns the name of the input name in messages: quoted,
// as Go quotes a string, when it holds a character that is not printable,
// so that a message stays one line and a name cannot send a terminal
// escape sequence.
func displayName(name string) string {
	if name == "-" {
		return stdinName
	}
	if !isPrintable(name) {
		return strconv.Quote(name)
	}
	return name
}

// isPrintable reports whether s is UTF-8 and holds only characters that
// strconv.IsPrint accepts: U+FFFD written in UTF-8 among them, a byte that
// is not UTF-8 not.
func isPrintable(s string) bool {
	for i, r := range s {
		if r == utf8.RuneError && !strings.HasPrefix(s[i:], "\uFFFD") || !strconv.IsPrint(r) {
			return false
		}
	}
	return true
}

// eachInput calls do for each input that args name, one at a time, and
// returns the highest status that do returned. It stops early when stdout
// fails.
func (c *cli) eachInput(args []string, do func(name string) int) int {
	status := exitOK
	for _, name := range inputNames(args) {
		status = max(status, do(name))
		if c.stdoutErr != nil {
			return exitFailure
		}
	}
	return status
}

// open opens the input name: standard input for "-".
func (c *cli) open(name string) (io.ReadCloser, error) {
	if name == "-" {
		return io.NopCloser(c.stdin), nil
	}
	return os.Open(name)
}

// readInput returns the first limit+1 bytes of the input name, enough to
// tell whether it is larger than limit.
func (c *cli) readInput(name string, limit int64) ([]byte, error) {
	r, err := c.open(name)
	if err != nil {
		return nil, err
	}
	defer r.Close()
	return io.ReadAll(io.LimitReader(r, limit+1))
}

// inputIsJSON reports whether data, an input as readInput returns it for
// limit, reads as JSON (isJSON): one longer than limit is cut there.
func inputIsJSON(data []byte, limit int64) bool {
	return isJSON(data, int64(len(data)) > limit)
}

// fileError reports err, an error reading or writing the input name, in
// one line and returns exitFailure.
func (c *cli) fileError(name string, err error) int {
	return c.failf("%s: %v", displayName(name), withoutPath(err))
}

// withoutPath returns err without the file name that a PathError repeats
// ("open a.txt: no such file"): the error it wraps, when err is one. An
// error that wraps a PathError is left whole, as it says more.
func withoutPath(err error) error {
	if pe, ok := err.(*fs.PathError); ok {
		return pe.Err
	}
	return err
}

// reportParse reports err, the error of parsing the input name, and
// returns the exit status: exitProblems for problems in the text, one a
// line, or exitFailure for any other error, such as one reading the input.
func (c *cli) reportParse(name string, err error, f *inputFlags) int {
	var list digest.ErrorList
	var one *digest.ParseError
	switch {
	case errors.As(err, &list):
	case errors.As(err, &one):
		list = digest.ErrorList{one}
	default:
		return c.fileError(name, err)
	}
	name = displayName(name)
	// Buffered, not built whole: with -all-errors and -context, a 4 MiB
	// input can have millions of problems and gigabytes of messages.
	b := bufio.NewWriterSize(c.stderr, 64<<10)
	for _, e := range list {
		b.WriteString(name)
		b.WriteByte(':')
		b.WriteString(e.Error())
		b.WriteString(hint(e, true))
		b.WriteByte('\n')
		if f.context {
			if _, caret, ok := strings.Cut(e.ErrorWithPosition(), "\n"); ok {
				b.WriteString(caret)
				b.WriteByte('\n')
			}
		}
	}
	b.Flush()
	return exitProblems
}

// forEachInput returns the define function of a verb that takes the input
// flags and runs check on each input named after them.
func forEachInput(check func(c *cli, p *digest.Parser, in *inputFlags, name string) int) func(*flag.FlagSet) func(*cli, []string) int {
	return func(fs *flag.FlagSet) func(*cli, []string) int {
		var in inputFlags
		in.define(fs)
		return func(c *cli, args []string) int {
			p := in.parser()
			return c.eachInput(args, func(name string) int {
				return check(c, p, &in, name)
			})
		}
	}
}

// readJSON reads data, the input name, which isJSON, with
// p.ValidateJSON, and reports its problems. It returns the digest, nil
// when the document does not hold one, and the exit status: exitOK when
// the digest is valid.
func (c *cli) readJSON(p *digest.Parser, name string, data []byte) (*digest.Digest, int) {
	d, err := p.ValidateJSON(data) // which passes over a byte order mark
	// Problems of decoding (bytes that are not UTF-8, lone surrogates,
	// keys seen twice) come with no digest and no schema problem;
	// -all-errors does not show more of them.
	decoding := d == nil && !errors.Is(err, digest.ErrSchema)
	return d, c.reportInvalid(name, err, !decoding)
}

// byteOrderMark is U+FEFF in UTF-8, which may come before a JSON document.
var byteOrderMark = []byte("\uFEFF")

// isJSON reports whether data reads as JSON: whether, after a byte order
// mark and white space, it is a JSON array or object, in any layout, or
// starts as a JSON object does: '{' then '}' and nothing more, or '{' then
// a string and ':' (white space aside), or the start of such a string. A
// line break of a text (lex.BreakLen) in or after the string, escaped or
// not, is a title's end: the text is not JSON, where no key of a digest
// holds one (JSON takes U+0085, U+2028 and U+2029 raw in a string). A
// digest text whose title starts with '{' is not JSON, unless the title
// goes on as an object's first key does, or is '{' alone before a line
// that starts so, as JSON may break a line there: {"Gaza"} and {} Gaza are
// texts, {"Gaza": and {"Ga are JSON.
//
// A valid JSON array or object whose only line breaks are '\n' and '\r'
// has no header line: a line of it is JSON's, which holds no bare word,
// and a string holds no raw '\n' or '\r'. One that holds U+0085, U+2028
// or U+2029, which a string may hold raw, may be a text whose title
// starts with '[' or '{' and whose headers stand after those breaks: it
// goes by the rules above.
//
// A document in UTF-16, which Windows tools may save, or in UTF-32, reads
// as JSON too when it starts with '{' or '[', after a byte order mark if
// any: ValidateJSON then says what it is.
//
// cut tells that data is the start of a longer input, over -max-size, so
// that an array or object that would be valid but for its end reads as
// JSON, which ValidateJSON then reports as too large.
func isJSON(data []byte, cut bool) bool {
	data = bytes.TrimPrefix(data, byteOrderMark)
	if wideStart(data) {
		return true
	}
	data = bytes.TrimLeft(data, jsonSpace)
	if len(data) == 0 || data[0] != '{' && data[0] != '[' {
		return false
	}
	if data[0] == '{' && startsAsObject(data[1:]) {
		return true
	}
	// Read whole only where the start does not tell, so that a JSON
	// document as digest writes them is not read once more before
	// ValidateJSON reads it.
	return validJSON(data, cut) && !bytes.ContainsAny(data, "\u0085\u2028\u2029")
}

// validJSON reports whether data, after a byte order mark, is one JSON
// value, or, when cut, whether it may be the start of one: a value cut
// short, or a whole value and white space. Unlike encoding/json, which
// stops at 10000, it sets no limit to how deep arrays and objects nest: a
// document nested deeper is still JSON, too deep for ValidateJSON.
func validJSON(data []byte, cut bool) bool {
	fault, _, whole := jsonscan.Check(data)
	return fault < 0 && (whole || cut)
}

// startsAsObject reports whether data, after a JSON object's '{', goes on
// as isJSON says a JSON object starts.
func startsAsObject(data []byte) bool {
	data = bytes.TrimLeft(data, jsonSpace)
	switch {
	case len(data) == 0:
		return true // a document cut short
	case data[0] == '}':
		return len(bytes.TrimLeft(data[1:], jsonSpace)) == 0
	case data[0] != '"':
		return false
	}
	for i := 1; i < len(data); i++ {
		if lex.BreakLen(data[i:]) > 0 {
			return false // a text line ends, where no key of a digest's JSON may
		}
		switch data[i] {
		case '\\':
			if lex.BreakLen(data[i+1:]) > 0 {
				return false // an escape does not take a line break in JSON
			}
			i++
		case '"':
			// Spaces and tabs only: a line break ends the title here too.
			rest := bytes.TrimLeft(data[i+1:], " \t")
			return len(rest) == 0 || rest[0] == ':'
		}
	}
	return true // a document cut short in its first key
}

// wideStart reports whether data starts with '{' or '[' in UTF-16 or
// UTF-32, of either byte order, with its byte order mark or without.
func wideStart(data []byte) bool {
	_, _, c, ok := lex.WideStart(string(data[:min(len(data), 8)]))
	return ok && (c == '{' || c == '[')
}

// jsonSpace is the white space of JSON.
const jsonSpace = " \t\r\n"
