package main

import (
	"bytes"
	"cmp"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"digest"
)

func init() { register(fmtVerb) }

var fmtVerb = &verb{
	name:    "fmt",
	args:    "[-w] [-context] [-max-size N] [-all-errors] [FILE ...]",
	summary: "print digests in the canonical text form, or rewrite them",
	doc: `Fmt prints each input in the canonical text form. A text with problems
that parse reports is not printed; its problems are reported on standard
error as FILE:LINE:COLUMN: message. Nor is an input whose canonical form
would be longer than -max-size, which would not read back with the same
limit, or would start as a JSON document does, as a title {"Gaza": trêve
would: digest would read it back as JSON, not as text. A text that reads
without problems is printed even when the digest it holds is not valid
(validate tells why): its canonical form reads back as the same digest.
A JSON document, as validate tells it from a text ("digest help
validate"), is read as validate reads it, and printed only when it is a
valid digest. With no FILE, or for "-", fmt reads standard input.

With -w, fmt rewrites each file in place instead, as gofmt -w does: the
file keeps its owner, mode and other names, and a symbolic link is
followed (a write by a user without the privilege to keep them clears
the set-user-ID and set-group-ID bits, as for any writer). Should
writing fail, what the file held is written back. Before it rewrites a
file, fmt writes what the file holds to a new file beside the name given
(a symbolic link, not the file it points to), FILE.N with a number N
(FILE cut to 200 bytes), readable by its owner only, and removes it once
the file is rewritten, or written back after a failed write: should fmt
be stopped while it rewrites, that copy keeps the file's text. Should
writing back fail too, or the copy not be removed, the copy is kept and
the message names it. -w needs to be able to write in the directory of
each name given. A file with problems that parse reports, or already
canonical, is left as it is (a text that reads without problems is
rewritten even when its digest is not valid); a JSON document too,
reported as a problem: its text form would replace it; and a file that
is not a regular one, such as a named pipe, which fmt -w does not even
read (status 2).
`,
	define: func(fs *flag.FlagSet) func(*cli, []string) int {
		var in inputFlags
		write := fs.Bool("w", false, "rewrite each file in place instead of printing it")
		in.define(fs)
		return func(c *cli, args []string) int {
			if *write && (len(args) == 0 || slices.Contains(args, "-")) {
				return c.usageError("fmt", "-w needs file names, not standard input")
			}
			p := in.parser()
			return c.eachInput(args, func(name string) int {
				return c.format(p, &in, name, *write)
			})
		}
	},
}

// format prints the input name in the canonical form, or rewrites the file
// when write is set, unless the input has problems; then it reports them.
func (c *cli) format(p *digest.Parser, in *inputFlags, name string, write bool) int {
	if write {
		// Checked before reading: reading a named pipe would take what
		// its writer sent, which could not be written back.
		if err := regularFile(name); err != nil {
			return c.fileError(name, err)
		}
	}
	data, err := c.readInput(name, p.MaxSize)
	if err != nil {
		return c.fileError(name, err)
	}
	var d *digest.Digest
	if inputIsJSON(data, p.MaxSize) {
		if write {
			fmt.Fprintf(c.stderr, "%s: reads as JSON, which fmt -w does not replace with text\n", displayName(name))
			return exitProblems
		}
		var code int
		if d, code = c.readJSON(p, name, data); code != exitOK {
			return code
		}
	} else if d, err = p.Parse(data); err != nil {
		return c.reportParse(name, err, in)
	}
	out := digest.Format(d)
	// A digest read from JSON has passed Parser.Validate, which holds its
	// canonical text to -max-size; one read from a text has not.
	if int64(len(out)) > p.MaxSize {
		// In the words validate uses for the same problem.
		fmt.Fprintf(c.stderr, "%s: %v: the canonical text would be %d bytes, more than the %d that Parse reads (raise the limit with -max-size)\n",
			displayName(name), digest.ErrNotRoundTrip, len(out), p.MaxSize)
		return exitProblems
	}
	if !c.readsAsText(name, out) {
		return exitProblems
	}
	switch {
	case !write:
		if !c.write(out) {
			return exitFailure
		}
	case !bytes.Equal(out, data):
		if err := replaceFile(name, data, out); err != nil {
			return c.fileError(name, err)
		}
	}
	return exitOK
}

// replaceFile rewrites the file name with data, in place, as gofmt -w
// does: the file keeps its owner, group, mode and other names, which a
// new file renamed over it would not. A symbolic link is followed.
//
// As gofmt -w does too, it first writes old, what the file held, to a new
// file beside the name given (see backupFile), and removes that copy once
// the file is rewritten, or written back: a file rewritten in place holds
// the new text over the old for a moment, and should the program be
// stopped then, the copy keeps the old one. Should writing fail, old is
// written back. An error that leaves the copy names it.
func replaceFile(name string, old, data []byte) error {
	// Opening a named pipe to write would wait for a reader; and the file
	// may have changed since it was read.
	if err := regularFile(name); err != nil {
		return err
	}
	f, err := os.OpenFile(name, os.O_WRONLY, 0)
	if err != nil {
		return err
	}
	defer f.Close() // closed below, but on an error
	backup, err := backupFile(name, old)
	if err != nil {
		return err
	}
	testHookBackedUp(backup)
	if err := overwrite(f, data); err != nil {
		if err2 := overwrite(f, old); err2 != nil {
			return fmt.Errorf("%w; writing back what it held failed too, its copy %s keeps it: %w",
				withoutPath(err), displayName(backup), withoutPath(err2))
		}
		return removeBackup(backup, withoutPath(err))
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("%w; its copy %s keeps what it held", withoutPath(err), displayName(backup))
	}
	return removeBackup(backup, nil)
}

// testHookBackedUp is called with the name of the copy that replaceFile
// made, before it rewrites the file.
var testHookBackedUp = func(backup string) {}

// maxBackupBase is the most bytes of a file's name that the name of its
// copy repeats: with a dot and the ten digits at most of os.CreateTemp's
// number, that name stays within the 255 bytes that file systems allow.
const maxBackupBase = 200

// backupFile writes data, what the file name held, to a new file beside
// it, named as it is (cut to maxBackupBase bytes) with a dot and a random
// number after (a.txt.1234), readable by its owner only, and returns the
// new file's name. Should writing it fail, it removes it, or names it in
// its error.
func backupFile(name string, data []byte) (string, error) {
	dir, base := filepath.Split(name)
	for len(base) > maxBackupBase {
		_, size := utf8.DecodeLastRuneInString(base)
		base = base[:len(base)-size]
	}
	// Not os.CreateTemp's default for "", the system's temporary
	// directory.
	in := cmp.Or(dir, ".")
	f, err := os.CreateTemp(in, base+".*")
	if err != nil {
		// The error is the directory's: say which it is, as given, not
		// cleaned ("link/../d/" is not "d"), with its final separator (a
		// directory "-/" is not standard input).
		return "", fmt.Errorf("making a copy of it in %s, before rewriting it: %w", displayName(in), withoutPath(err))
	}
	// As CreateTemp joined it: not cleaned, as "link/.." is not ".".
	backup := f.Name()
	if dir == "" {
		backup = filepath.Base(backup) // without "./"
	}
	_, err = f.Write(data)
	if err == nil {
		err = f.Sync()
	}
	if err2 := f.Close(); err == nil {
		err = err2
	}
	if err != nil {
		if rmErr := os.Remove(backup); rmErr != nil {
			return "", fmt.Errorf("%w; the unfinished copy %s could not be removed: %w", backupError(err), displayName(backup), withoutPath(rmErr))
		}
		return "", backupError(err)
	}
	return backup, nil
}

// backupError returns err, an error making the copy of a file to rewrite,
// as the error of rewriting it, which fileError reports with the file's
// name.
func backupError(err error) error {
	return fmt.Errorf("writing a copy of it beside it, before rewriting it: %w", withoutPath(err))
}

// removeBackup removes backup, the copy of a file that is rewritten or
// written back, and returns err, the error of rewriting it, if any, and
// the error of removing the copy, naming it.
func removeBackup(backup string, err error) error {
	rmErr := os.Remove(backup)
	switch {
	case rmErr == nil:
		return err
	case err == nil:
		return fmt.Errorf("rewritten, but its copy %s could not be removed: %w", displayName(backup), withoutPath(rmErr))
	}
	return fmt.Errorf("%w; its copy %s could not be removed: %w", err, displayName(backup), withoutPath(rmErr))
}

// regularFile returns an error unless name, followed if it is a symbolic
// link, is a regular file.
func regularFile(name string) error {
	info, err := os.Stat(name)
	if err != nil {
		return err
	}
	switch {
	case info.IsDir():
		return errors.New("is a directory") // as reading it says
	case !info.Mode().IsRegular():
		return errors.New("not a regular file")
	}
	return nil
}

// overwrite makes data the whole of the file f, on disk.
func overwrite(f *os.File, data []byte) error {
	if _, err := f.WriteAt(data, 0); err != nil {
		return err
	}
	if err := f.Truncate(int64(len(data))); err != nil {
		return err
	}
	return f.Sync()
}

// jsonStart returns the first line of text, which isJSON accepts, quoted
// and cut to 40 bytes, for a message.
func jsonStart(text []byte) string {
	line, _, _ := bytes.Cut(text, []byte("\n"))
	if len(line) > 40 {
		return strconv.Quote(strings.ToValidUTF8(string(line[:40]), "")) + "…"
	}
	return strconv.Quote(string(line))
}
