// Command digest reads, writes and checks news digests: the plain-text
// summaries of one news article that FORMAT.md specifies, and their JSON
// form.
//
// Usage:
//
//	digest <verb> [flags] [FILE ...]
//
// The verbs are:
//
//	parse     print digests as JSON
//	fmt       print digests in the canonical text form, or rewrite them
//	validate  check digests, text or JSON
//	schema    print the JSON Schema of the JSON form
//	help      print the usage of digest or of a verb
//
// A verb reads the files named on its command line one at a time, in
// order. With no file, or for the name "-", it reads standard input, which
// messages call <stdin>; "-" may be named once. Flags may stand before or
// after the file names, and apply to all, the last value of one given
// twice; after "--", every argument is a file name, as in
// digest fmt -w -- -notes.txt.
// Messages quote a file name that holds a character that is not printable,
// as Go quotes a string ("a\x1b.txt"), so that each stays one line.
//
// Parse, fmt and validate read a digest in either form. An input that starts
// as a JSON object does, with "{" then "}" alone, or "{" then a string and
// ":" right after it (white space aside, spaces and tabs only after the
// string), is a JSON document, which they read with
// [digest.Parser.ValidateJSON]; so is one that ends before it tells, as "{"
// or {"Ga, read as a JSON document cut short; so is any valid JSON object or
// array, whatever its layout (an array is refused, as it holds no digest,
// and fmt -w leaves it), or one over -max-size that is valid as far as it is
// read, but for one that holds U+0085, U+2028 or U+2029, which a text reads
// as line breaks; and so is an input in UTF-16 or UTF-32 that starts with
// "{" or "[", refused with a message that names its encoding. Any other is a
// text. So a title may start with "{" or "[", as in {Exclusif}, {"Gaza"} :
// trêve or [Vidéo] Gaza, unless it goes on as an object's first key does, as
// in {"Gaza": trêve, or is "{" alone before a line that starts so.
//
// Problems in a text are reported on standard error, one a line, as
//
//	FILE:LINE:COLUMN: message
//
// Lines and columns start at 1; a column counts bytes from the start of the
// line, and a byte order mark that starts the input is not counted. Unless
// -all-errors is given, the first 10 problems of an input are reported and
// one more line counts the others. Problems of a JSON document are
// reported at a JSON Pointer, and, in a document that is not JSON, at the
// byte offset of a token too, which starts at 0 and counts a byte order
// mark, as in digest.ValidateJSON.
//
// The verbs that read inputs, texts or JSON, share these flags (-context
// shows the line of a problem at a line of a text; the problems at a JSON
// Pointer, of a JSON document or of the digest a text gives, have none):
//
//	-all-errors
//		report every problem of an input, not only the first 10 (but for
//		those of decoding a JSON document)
//	-context
//		after each problem in a text, show its line with a caret under the column
//	-max-size N
//		reject an input larger than N bytes (default 4194304, 4 MiB); a
//		number of 2^63-1 or more, even one too large for an int64, is
//		taken as the largest the command allows, 2^63-2
//
// With -context, each problem is followed by its line, control characters
// other than tab, invalid bytes and bidirectional controls (such as
// U+202E) shown as U+FFFD, a tab as a space, and a caret under the column:
//
//	article.txt:1:6: control character U+0007
//	  |
//	1 | Titre� du jour
//	  |      ^
//
// # Parse
//
//	digest parse [-context] [-max-size N] [-all-errors] [FILE ...]
//
// Parse prints each input as JSON, indented by two spaces, one document
// for each input. A text with problems is printed too, as far as it could
// be read, except a text over the size limit, which prints nothing. A JSON
// document is printed when the schema accepts it, with the problems of its
// digest that validate reports (such as text not in NFC), but for whether
// its canonical form would read back as text, not JSON, which parse does
// not check; otherwise only its problems are reported, as validate reports
// them.
//
// For a text, parse reports the problems of reading it, not those of the
// digest it reads: a text that reads without a problem prints its digest
// and leaves the exit status at 0 even when validate would reject that
// digest, say for an unknown entity type or a keyword given twice. Run
// validate, or digest.Validate on the digest, to check it.
//
// # Fmt
//
//	digest fmt [-w] [-context] [-max-size N] [-all-errors] [FILE ...]
//
// Fmt prints each input in the canonical text form: canonical headers, one
// "- " line for each highlight and keyword, each entity type written after
// its icon, LF line ends, no blank lines. A text with problems that parse
// reports is not printed; its problems are reported instead. A JSON document
// is printed only when it is a valid digest, and otherwise the problems
// validate reports are. Nor is an input whose canonical form would be longer
// than -max-size, which would not read back with the same limit: keywords on
// one line take a line each. Nor is one whose canonical form would start as
// a JSON document does, as the title {"Gaza": trêve would: it would read
// back as JSON. A text that reads without problems is printed even when the
// digest it holds is not valid (validate tells why): its canonical form
// reads back as the same digest.
//
//	-w	rewrite each file in place instead of printing it
//
// With -w, a file with problems that parse reports, or already canonical, is
// left as it is (a text that reads without problems is rewritten even when
// its digest is not valid); any other is rewritten in place with its
// canonical form, as gofmt -w does: the file keeps its owner, mode and other
// names (hard links), and a symbolic link is followed (a write by a user
// without the privilege to keep them clears the set-user-ID and set-group-ID
// bits, as for any writer). Should writing fail, what the file held is
// written back. Before it rewrites a file, fmt writes what the file holds to
// a new file beside the name given (a symbolic link, not the file it points
// to), FILE.N with a number N (seed.txt.1234; FILE cut to 200 bytes),
// readable by its owner only, and removes it once the file is rewritten, or
// written back after a failed write: should fmt be stopped while it rewrites,
// that copy keeps the file's text. Should writing back fail too, or the copy
// not be removed, the copy is kept and the message names it. So -w needs to
// be able to write in the directory of each name given. A JSON document is
// left as it is and reported as a problem: its text form would replace the
// document. A file that is not a regular one, such as a named pipe, is
// neither read nor rewritten (status 2). -w needs file names: it does not
// read standard input.
//
// # Validate
//
//	digest validate [-context] [-max-size N] [-all-errors] [FILE ...]
//
// Validate checks that each input is a valid digest, text or JSON.
// Problems in a text are reported as above, and a text with such problems
// is not checked as a digest. The problems of a JSON document, and those
// of a digest that was read, are reported as
//
//	FILE: /entities/3/type: message
//
// naming the value with a JSON Pointer, or as FILE: message for a problem
// of the whole document. A pointer that holds a character that is not
// printable is quoted, and one of more than 200 bytes is cut there, with
// "…" (between two characters, and never inside an escape such as "~1").
// These are the first 10 by pointer and a line that counts the others,
// or with -all-errors every problem, but for those of decoding a JSON
// document (bytes that are not UTF-8, lone surrogates, keys seen twice),
// which stay cut at 10 ([digest.Parser.ValidateJSON]). Validate prints
// nothing for a valid input.
//
// A valid digest reads back unchanged from its canonical form, which
// [digest.Validate] checks with the limit of [digest.Parse], 4 MiB.
// The validate verb checks it as digest reads it, as fmt does: with
// -max-size rather than 4 MiB ([digest.Parser.Validate]), so that with
// -max-size 8388608 a canonical form of 5 MiB reads back, and with
// -max-size 1000 one of 2000 bytes does not, reported as
//
//	FILE: would not read back unchanged: the canonical text would be 2000 bytes, more than the 1000 that Parse reads (raise the limit with -max-size)
//
// and as text: a canonical form that starts as a JSON document does, from
// a title such as {"Gaza": trêve after a U+200B, which reading removes,
// would read back as JSON. That problem is reported after the digest's
// others, whatever they are, on a line of its own; a JSON document is
// asked only once the schema accepts it, as it holds no digest before.
//
// A JSON document, for any verb, may be as large as -max-size allows, as
// a text may ([digest.Parser.ValidateJSON]). One over the limit is
// reported as FILE: input too large, without a line and a column. The JSON
// form of a digest is larger than its text, by its keys and escapes: what
// parse prints for a text near the limit reads back with a larger
// -max-size.
//
// # Schema
//
//	digest schema
//
// Schema prints the JSON Schema, draft 2020-12, that the JSON form of a
// valid digest satisfies.
//
// # Help
//
//	digest help [VERB]
//
// Help prints the usage of digest, or of one verb with its flags, on
// standard output. The flag -h of each verb prints the same on standard
// error. Both exit with 0.
//
// # Exit status
//
// Digest exits with 0 when every input was read and has no problem; 1 when
// an input has problems; 2 for wrong usage (no verb, an unknown verb or
// flag, an argument too many) or for a file that cannot be read or
// written. A message of status 2 is one line on standard error, starting
// with "digest: ", except with no verb, when digest prints its usage there
// instead.
// When several inputs fail, the highest status wins. Writing to a pipe
// whose reader has gone, as in digest parse *.txt | head -1, ends digest
// as it ends other commands: by the signal SIGPIPE, with no message.
//
// # Examples
//
// Turn a text into JSON, showing where its problems are:
//
//	digest parse -context article.txt > article.json
//
// Make every text of a directory canonical:
//
//	digest fmt -w articles/*.txt
//
// Check texts and JSON documents together:
//
//	digest validate article.txt article.json
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"maps"
	"os"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// Exit statuses.
const (
	exitOK       = 0 // every input is fine
	exitProblems = 1 // an input has problems
	exitFailure  = 2 // wrong usage, or a file that cannot be read or written
)

// run runs the command line args, the arguments after the program name,
// and returns the exit status.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	c := &cli{stdin: stdin, stdout: stdout, stderr: stderr}
	if len(args) == 0 {
		printUsage(stderr)
		return exitFailure
	}
	switch args[0] {
	case "-h", "-help", "--help":
		printUsage(stderr)
		return exitOK
	}
	v, ok := verbs[args[0]]
	if !ok {
		return c.failf("unknown verb %q (run 'digest help' for the list)", args[0])
	}
	return c.runVerb(v, args[1:])
}

// A cli is one run of the command: its standard streams.
type cli struct {
	stdin          io.Reader
	stdout, stderr io.Writer

	// stdoutErr is the first error writing to stdout; once set, the verbs
	// stop.
	stdoutErr error
}

// A verb is one of the commands that digest runs, such as parse.
type verb struct {
	name    string // as typed: "parse"
	args    string // the synopsis after the name: "[-context] [FILE ...]"
	summary string // one line for the list of verbs
	doc     string // what the verb does, in lines of at most 72 characters

	// define defines the verb's flags on fs and returns the function that
	// runs the verb, once fs has parsed the command line, with the file
	// names (parseFlags).
	define func(fs *flag.FlagSet) func(c *cli, args []string) int
}

// verbs are the verbs by name. Each file that implements a verb adds it in
// an init function.
var verbs = map[string]*verb{}

// register adds v to verbs.
func register(v *verb) {
	if _, dup := verbs[v.name]; dup {
		panic("digest: verb " + v.name + " registered twice")
	}
	verbs[v.name] = v
}

// flagSet returns a flag set with v's flags and the function that runs v.
// The flag set prints nothing by itself: its errors are returned.
func (v *verb) flagSet() (*flag.FlagSet, func(c *cli, args []string) int) {
	fs := flag.NewFlagSet("digest "+v.name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.Usage = func() {}
	return fs, v.define(fs)
}

// runVerb parses the flags of v in args and runs it.
func (c *cli) runVerb(v *verb, args []string) int {
	fs, runner := v.flagSet()
	files, err := parseFlags(fs, args)
	if err != nil {
		if errors.Is(err, flag.ErrHelp) {
			v.printUsage(c.stderr, fs)
			return exitOK
		}
		return c.usageError(v.name, "%v", err)
	}
	if n := countStdin(files); n > 1 && v.readsFiles() {
		// The second would read what the first left: nothing.
		return c.usageError(v.name, "standard input, -, named %d times", n)
	}
	return runner(c, files)
}

// readsFiles reports whether v reads the files named after its flags, as
// its synopsis says. The others take no file, and too many arguments are
// theirs to report.
func (v *verb) readsFiles() bool { return strings.HasSuffix(v.args, "[FILE ...]") }

// parseFlags parses the flags in args, before and after the file names,
// as a user who adds -w at the end of a command line expects, and returns
// the file names. After "--", every argument is a file name.
func parseFlags(fs *flag.FlagSet, args []string) ([]string, error) {
	var files []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		// fs stops at the first argument that is not a flag, which it
		// keeps, or after "--", which it drops. No flag takes "--" as its
		// value: -max-size refuses it.
		rest := fs.Args()
		if n := len(args) - len(rest); n > 0 && args[n-1] == "--" || len(rest) == 0 {
			return append(files, rest...), nil
		}
		files = append(files, rest[0])
		args = rest[1:]
	}
}

// printUsage writes the usage of v, with the flags defined on fs, to w.
func (v *verb) printUsage(w io.Writer, fs *flag.FlagSet) {
	fmt.Fprintf(w, "usage: %s\n\n%s", strings.TrimSpace("digest "+v.name+" "+v.args), v.doc)
	hasFlags := false
	fs.VisitAll(func(*flag.Flag) { hasFlags = true })
	if hasFlags {
		fmt.Fprintf(w, "\nFlags:\n")
		fs.SetOutput(w)
		fs.PrintDefaults()
		fs.SetOutput(io.Discard)
	}
}

// printUsage writes the usage of digest, with the list of verbs, to w.
func printUsage(w io.Writer) {
	fmt.Fprintf(w, "Digest reads, writes and checks news digests.\n\nusage: digest <verb> [flags] [FILE ...]\n\nVerbs:\n")
	for _, name := range slices.Sorted(maps.Keys(verbs)) {
		fmt.Fprintf(w, "  %-9s %s\n", name, verbs[name].summary)
	}
	fmt.Fprintf(w, "\nRun 'digest help VERB' for the flags of a verb.\n")
}

// countStdin returns how many of the file arguments args name standard
// input.
func countStdin(args []string) int {
	n := 0
	for _, a := range args {
		if a == "-" {
			n++
		}
	}
	return n
}

// failf writes the one-line message "digest: " + format to stderr and
// returns exitFailure. A character of the message that is not printable,
// from a file or flag name, is written escaped, as Go writes it in a
// string: the message stays one line and sends no escape sequence.
func (c *cli) failf(format string, args ...any) int {
	fmt.Fprintf(c.stderr, "digest: %s\n", escapeUnprintable(fmt.Sprintf(format, args...)))
	return exitFailure
}

// escapeUnprintable returns s with each character that strconv.IsPrint
// refuses, and each byte that is not UTF-8, escaped as strconv.Quote
// escapes them.
func escapeUnprintable(s string) string {
	if isPrintable(s) {
		return s
	}
	var b strings.Builder
	for len(s) > 0 {
		r, size := utf8.DecodeRuneInString(s)
		if (r != utf8.RuneError || size > 1) && strconv.IsPrint(r) {
			b.WriteString(s[:size])
		} else {
			q := strconv.Quote(s[:size])
			b.WriteString(q[1 : len(q)-1])
		}
		s = s[size:]
	}
	return b.String()
}

// usageError reports wrong usage of the verb called name in one line and
// returns exitFailure.
func (c *cli) usageError(name string, format string, args ...any) int {
	return c.failf("%s: %s (run 'digest help %s')", name, fmt.Sprintf(format, args...), name)
}

// write writes b to stdout. It returns false, having reported the error,
// when stdout fails; the verb should then stop with exitFailure.
func (c *cli) write(b []byte) bool {
	if c.stdoutErr != nil {
		return false
	}
	if _, err := c.stdout.Write(b); err != nil {
		c.stdoutErr = err
		c.failf("writing standard output: %v", err)
		return false
	}
	return true
}
