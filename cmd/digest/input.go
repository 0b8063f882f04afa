package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"math"
	"os"
	"strconv"
	"strings"

	"digest"
)

// stdinName is the name of standard input in messages.
const stdinName = "<stdin>"

// inputFlags are the flags of the verbs that read digest texts.
type inputFlags struct {
	context   bool
	allErrors bool
	maxSize   sizeFlag
}

// define defines the flags on fs.
func (f *inputFlags) define(fs *flag.FlagSet) {
	f.maxSize = digest.DefaultMaxSize
	fs.BoolVar(&f.allErrors, "all-errors", false,
		fmt.Sprintf("report every problem of a text, not only the first %d", digest.DefaultMaxErrors))
	fs.BoolVar(&f.context, "context", false,
		"after each problem, show its line with a caret under the column")
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
	n, err := strconv.ParseInt(v, 10, 64)
	if err != nil {
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

// displayName returns the name of the input name in messages.
func displayName(name string) string {
	if name == "-" {
		return stdinName
	}
	return name
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

// fileError reports err, an error reading or writing the input name, in
// one line and returns exitFailure.
func (c *cli) fileError(name string, err error) int {
	// A PathError repeats the file name: "open a.txt: no such file".
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	return c.failf("%s: %v", displayName(name), err)
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
	var b strings.Builder
	for _, e := range list {
		b.WriteString(name)
		b.WriteByte(':')
		b.WriteString(e.Error())
		switch {
		case errors.Is(e, digest.ErrTooLarge):
			b.WriteString(" (raise the limit with -max-size)")
		case errors.Is(e, digest.ErrTooManyErrors):
			b.WriteString(" (show them with -all-errors)")
		}
		b.WriteByte('\n')
		if f.context {
			if _, caret, ok := strings.Cut(e.ErrorWithPosition(), "\n"); ok {
				b.WriteString(caret)
				b.WriteByte('\n')
			}
		}
	}
	io.WriteString(c.stderr, b.String())
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
