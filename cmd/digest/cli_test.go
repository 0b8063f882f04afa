package main

// Tests of the command's usage, flags, file handling and write errors, in
// the details that the other tests let pass.

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"strconv"
	"strings"
	"testing"
	"testing/iotest"

	"digest"
)

// TestHelpVerbFlags checks the usage of a verb: its synopsis, a blank
// line, its text, and each of its flags with its argument's name and its
// default; and that -h prints the same on standard error.
func TestHelpVerbFlags(t *testing.T) {
	// The text of a verb ends with a line break: a blank line follows.
	inputFlags := "\n\nFlags:\n" +
		"  -all-errors\n" +
		fmt.Sprintf("    \treport every problem of an input, not only the first %d (but for those of decoding a JSON document)\n", digest.DefaultMaxErrors) +
		"  -context\n" +
		"    \tafter each problem in a text, show its line with a caret under the column\n" +
		"  -max-size N\n" +
		fmt.Sprintf("    \treject an input larger than N bytes (default %d)\n", digest.DefaultMaxSize)
	for _, tt := range []struct{ verb, start, flags string }{
		{"parse", "usage: digest parse [-context] [-max-size N] [-all-errors] [FILE ...]\n\nParse prints ", inputFlags},
		{"validate", "usage: digest validate [-context] [-max-size N] [-all-errors] [FILE ...]\n\nValidate checks ", inputFlags},
		{"fmt", "usage: digest fmt [-w] [-context] [-max-size N] [-all-errors] [FILE ...]\n\nFmt prints ",
			inputFlags + "  -w\trewrite each file in place instead of printing it\n"},
	} {
		code, stdout, stderr := runDigest("", "help", tt.verb)
		if code != 0 || stderr != "" {
			t.Errorf("help %s: exit status %d, stderr %q; want 0 and nothing", tt.verb, code, stderr)
		}
		if !strings.HasPrefix(stdout, tt.start) || !strings.HasSuffix(stdout, tt.flags) {
			t.Errorf("help %s printed:\n%s\nwant it to start with:\n%s\nand end with:\n%s", tt.verb, stdout, tt.start, tt.flags)
		}
		if code, hout, herr := runDigest("", tt.verb, "-h"); code != 0 || hout != "" || herr != stdout {
			t.Errorf("%s -h: exit status %d, stdout %q, stderr:\n%s\nwant 0, nothing, and what help %s prints", tt.verb, code, hout, herr, tt.verb)
		}
	}
}

// TestUsageList checks the whole usage of digest: the verbs in
// alphabetical order, each with its summary, and the line that says how
// to see a verb's flags. It is the same for help, -h and no verb.
func TestUsageList(t *testing.T) {
	const want = "Digest reads, writes and checks news digests.\n\n" +
		"usage: digest <verb> [flags] [FILE ...]\n\n" +
		"Verbs:\n" +
		"  fmt       print digests in the canonical text form, or rewrite them\n" +
		"  help      print the usage of digest or of a verb\n" +
		"  parse     print digests as JSON\n" +
		"  schema    print the JSON Schema of the JSON form\n" +
		"  validate  check digests, text or JSON\n" +
		"\nRun 'digest help VERB' for the flags of a verb.\n"
	if code, stdout, stderr := runDigest("", "help"); code != 0 || stdout != want || stderr != "" {
		t.Errorf("help: exit status %d, stderr %q, stdout:\n%s\nwant 0, nothing and:\n%s", code, stderr, stdout, want)
	}
	if code, stdout, stderr := runDigest("", "-h"); code != 0 || stdout != "" || stderr != want {
		t.Errorf("-h: exit status %d, stdout %q, stderr:\n%s\nwant 0, nothing and the usage", code, stdout, stderr)
	}
	if code, stdout, stderr := runDigest(""); code != 2 || stdout != "" || stderr != want {
		t.Errorf("no verb: exit status %d, stdout %q, stderr:\n%s\nwant 2, nothing and the usage", code, stdout, stderr)
	}
}

// TestFlagErrorsOnce checks that a flag error is reported once, on the
// standard error that run is given, and nothing goes to the process's own
// standard error, as the flag package would send it there by default.
func TestFlagErrorsOnce(t *testing.T) {
	f, err := os.CreateTemp(t.TempDir(), "stderr")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	saved := os.Stderr
	os.Stderr = f
	defer func() { os.Stderr = saved }()
	for _, args := range [][]string{
		{"parse", "-x", "seed.txt"},
		{"validate", "-max-size", "0", "seed.txt"},
		{"fmt", "-max-size"},
		{"help", "-x"},
	} {
		if code, stdout, stderr := runDigest("", args...); code != 2 || stdout != "" || strings.Count(stderr, "\n") != 1 {
			t.Errorf("%q: exit status %d, stdout %q, stderr %q; want 2, nothing and one line", args, code, stdout, stderr)
		}
	}
	os.Stderr = saved
	if got, err := os.ReadFile(f.Name()); err != nil || len(got) != 0 {
		t.Errorf("the process's standard error got %q, %v; want nothing", got, err)
	}
}

// TestMaxSizeOne checks that -max-size 1, the least, is accepted.
func TestMaxSizeOne(t *testing.T) {
	inTempDir(t, map[string]string{"seed.txt": string(readSeed(t))})
	code, stdout, stderr := runDigest("", "validate", "-max-size", "1", "seed.txt")
	if code != 1 || stdout != "" || stderr != "seed.txt:1:2: input too large: more than 1 byte (raise the limit with -max-size)\n" {
		t.Errorf("validate -max-size 1: exit status %d, stdout %q, stderr %q", code, stdout, stderr)
	}
}

// TestQuotedNameKeepsPrintable checks that a file name quoted in a message
// is quoted as strconv.Quote does: its printable characters, é or U+FFFD,
// stay as they are; only the others are escaped. A name with only
// printable characters, U+FFFD among them, is not quoted; one with a byte
// that is not UTF-8 is.
func TestQuotedNameKeepsPrintable(t *testing.T) {
	inTempDir(t, nil)
	for _, tt := range []struct {
		name   string
		quoted bool
	}{
		{"é\x1b.txt", true},
		{"a\uFFFD\x1b.txt", true},
		{"a\uFFFD.txt", false},
		{"a\xff.txt", true},
		{"a\u00a0.txt", true}, // a space other than U+0020 is not printable for strconv
	} {
		name, shown := tt.name, tt.name
		if tt.quoted {
			shown = strconv.Quote(name)
		}
		want := "digest: " + shown + ": no such file or directory\n"
		if code, _, stderr := runDigest("", "validate", name); code != 2 || stderr != want {
			t.Errorf("validate %+q: exit status %d, stderr %q; want 2 and %q", name, code, stderr, want)
		}
	}
}

// openFiles returns how many files the process holds open, as
// /proc/self/fd lists them.
func openFiles(t *testing.T) int {
	t.Helper()
	entries, err := os.ReadDir("/proc/self/fd")
	if err != nil {
		t.Fatalf("counting open files: %v", err)
	}
	return len(entries)
}

// TestNoFileLeftOpen checks that every verb closes each file it reads or
// rewrites: digest fmt -w articles/*.txt on thousands of files must not
// run out of file descriptors. The garbage collector, whose finalizers
// would close a file left open, is off meanwhile.
func TestNoFileLeftOpen(t *testing.T) {
	seed := readSeed(t)
	d, _ := parsed(t, seed)
	inTempDir(t, map[string]string{"seed.txt": string(seed), "canonical.txt": string(digest.Format(d)), "broken.txt": broken})
	defer debug.SetGCPercent(debug.SetGCPercent(-1))
	runDigest("", "validate", "canonical.txt") // the first files a process opens may set up its poller
	before := openFiles(t)
	names := []string{"seed.txt", "canonical.txt", "broken.txt", "seed.txt"}
	for _, verb := range []string{"parse", "validate", "fmt"} {
		runDigest("", append([]string{verb}, names...)...)
	}
	for _, name := range []string{"a.txt", "b.txt", "c.txt"} {
		if err := os.WriteFile(name, seed, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if code, _, stderr := runDigest("", "fmt", "-w", "a.txt", "b.txt", "c.txt", "canonical.txt"); code != 0 {
		t.Fatalf("fmt -w: exit status %d, stderr %q", code, stderr)
	}
	if after := openFiles(t); after != before {
		t.Errorf("%d files open after the verbs ran, %d before", after, before)
	}
}

// TestParseStdoutErrorStops checks that parse stops at a failure of
// standard output for the input it prints too: the failure is the one
// problem reported, not the problems of that input's text.
func TestParseStdoutErrorStops(t *testing.T) {
	inTempDir(t, map[string]string{"broken.txt": broken})
	var stderr bytes.Buffer
	if code := run([]string{"parse", "broken.txt"}, strings.NewReader(""), failWriter{}, &stderr); code != 2 {
		t.Errorf("exit status %d, want 2", code)
	}
	checkLines(t, stderr.String(), []string{`^digest: writing standard output: disk full$`})
}

// TestHelpUnknownVerbMessage checks the whole message of help for a verb
// that does not exist: it says where the list of verbs is.
func TestHelpUnknownVerbMessage(t *testing.T) {
	code, stdout, stderr := runDigest("", "help", "frob")
	if code != 2 || stdout != "" || stderr != `digest: help: unknown verb "frob" (run 'digest help' for the list)`+"\n" {
		t.Errorf("help frob: exit status %d, stdout %q, stderr %q", code, stdout, stderr)
	}
}

// TestFmtReadError checks that fmt, without -w, reports a file it cannot
// read with status 2, and goes on with the others.
func TestFmtReadError(t *testing.T) {
	seed := readSeed(t)
	d, _ := parsed(t, seed)
	inTempDir(t, map[string]string{"seed.txt": string(seed)})
	code, stdout, stderr := runDigest("", "fmt", "missing.txt", ".", "seed.txt")
	if code != 2 {
		t.Errorf("exit status %d, want 2", code)
	}
	wantText(string(digest.Format(d)))(t, stdout)
	checkLines(t, stderr, []string{`^digest: missing\.txt: no such file or directory$`, `^digest: \.: is a directory$`})
}

// TestFmtWriteJSONAlone checks that fmt -w on a JSON document alone exits
// with 1, leaves the file as it is, and quotes its name when it holds a
// character that is not printable.
func TestFmtWriteJSONAlone(t *testing.T) {
	_, js := parsed(t, readSeed(t))
	for _, tt := range []struct{ name, quoted string }{
		{"seed.json", `seed\.json`},
		{"e\x1b[2J.json", `"e\\x1b\[2J\.json"`},
	} {
		inTempDir(t, map[string]string{tt.name: js})
		code, stdout, stderr := runDigest("", "fmt", "-w", tt.name)
		if code != 1 || stdout != "" {
			t.Errorf("fmt -w %+q: exit status %d, stdout %q; want 1 and nothing", tt.name, code, stdout)
		}
		checkLines(t, stderr, []string{`^` + tt.quoted + `: reads as JSON, which fmt -w does not replace with text$`})
		if got, err := os.ReadFile(tt.name); err != nil || string(got) != js {
			t.Errorf("%+q after fmt -w: %.100q, %v; want it unchanged", tt.name, got, err)
		}
	}
}

// TestFmtOneByteOverLimit checks the bound of -max-size for a canonical
// form: one byte longer than the limit is refused.
func TestFmtOneByteOverLimit(t *testing.T) {
	const text = "T\nSUMMARY\nS\nKEYWORDS\na, b, c, d, e, f\n"
	d, _ := parsed(t, []byte(text))
	size := len(digest.Format(d))
	// A name with a character that is not printable is quoted.
	inTempDir(t, map[string]string{"kw.txt": text, "kw\x1b.txt": text})
	limit := size - 1
	if limit < len(text) {
		t.Fatalf("the text has %d bytes, more than %d", len(text), limit)
	}
	for _, tt := range []struct{ name, shown string }{
		{"kw.txt", `kw\.txt`},
		{"kw\x1b.txt", `"kw\\x1b\.txt"`},
	} {
		name, shown := tt.name, tt.shown
		want := fmt.Sprintf(`^%s: would not read back unchanged: the canonical text would be %d bytes, more than the %d that Parse reads \(raise the limit with -max-size\)$`, shown, size, limit)
		for _, verb := range []string{"fmt", "validate"} {
			code, stdout, stderr := runDigest("", verb, "-max-size", strconv.Itoa(limit), name)
			if code != 1 || stdout != "" {
				t.Errorf("%s -max-size %d %+q: exit status %d, stdout %q; want 1 and nothing", verb, limit, name, code, stdout)
			}
			checkLines(t, stderr, []string{want})
		}
	}
}

// TestReplaceFileNotRegular checks that replaceFile itself refuses a file
// that is not a regular one, such as a device, as one could have taken
// the place of the file that fmt -w read.
func TestReplaceFileNotRegular(t *testing.T) {
	if err := replaceFile(os.DevNull, []byte("old\n"), []byte("new\n")); err == nil || err.Error() != "not a regular file" {
		t.Errorf("replaceFile(%s): %v, want not a regular file", os.DevNull, err)
	}
}

// TestReplaceFileWriteBack checks what replaceFile returns when writing
// the new text fails but writing back the old one does not: the error of
// the first write alone, the file as it was, its copy removed, and no
// file left open. The
// test runs itself again as a child whose files may not grow past 2048
// bytes (ulimit -f 2), as TestFmtWriteRestores does.
func TestReplaceFileWriteBack(t *testing.T) {
	const name = "keywords.txt"
	if os.Getenv("DIGEST_TEST_REPLACE_CHILD") != "" {
		old, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		d, _ := parsed(t, old)
		debug.SetGCPercent(-1) // so that no finalizer closes a file left open
		before := openFiles(t)
		err = replaceFile(name, old, digest.Format(d))
		fmt.Printf("%v\n%d files left open\n", err, openFiles(t)-before)
		os.Exit(0)
	}
	text := keywordsText(t)
	dir := inTempDir(t, map[string]string{name: text})
	out, err := underFileLimit(t, dir, "TestReplaceFileWriteBack", "DIGEST_TEST_REPLACE_CHILD=1")
	// Under -cover, the child's coverage data may add lines after these.
	if want := "file too large\n0 files left open\n"; err != nil || !strings.HasPrefix(string(out), want) {
		t.Errorf("replaceFile under ulimit -f 2: %v, output %q; want %q", err, out, want)
	}
	if got, err := os.ReadFile(name); err != nil || string(got) != text {
		t.Errorf("%s holds %d bytes, %v; want the text as it was, %d bytes", name, len(got), err, len(text))
	}
	checkDir(t, dir, name)
}

// TestFmtInvalidDigest checks that fmt prints, and fmt -w rewrites, a text
// that reads without problems though its digest is not valid, while
// validate rejects it; and that a JSON document of that digest is not
// printed.
func TestFmtInvalidDigest(t *testing.T) {
	const text = "T\nSUMMARY\nS\nKEYWORDS\na, A\n"
	const canonical = "T\nSUMMARY\nS\nKEY HIGHLIGHTS\nCORE SUBJECT\nKEYWORDS\n- a\n- A\nMENTIONED ENTITIES 0\n"
	_, js := parsed(t, []byte(text))
	inTempDir(t, map[string]string{"d.txt": text, "d.json": js})
	if code, stdout, stderr := runDigest("", "fmt", "d.txt"); code != 0 || stdout != canonical || stderr != "" {
		t.Errorf("fmt d.txt: exit status %d, stdout %q, stderr %q; want 0, %q and nothing", code, stdout, stderr, canonical)
	}
	if code, _, stderr := runDigest("", "validate", "d.txt"); code != 1 || !strings.Contains(stderr, "duplicate keyword") {
		t.Errorf("validate d.txt: exit status %d, stderr %q; want 1 and a duplicate keyword", code, stderr)
	}
	if code, stdout, stderr := runDigest("", "fmt", "d.json"); code != 1 || stdout != "" || !strings.Contains(stderr, "duplicate keyword") {
		t.Errorf("fmt d.json: exit status %d, stdout %q, stderr %q; want 1, nothing and a duplicate keyword", code, stdout, stderr)
	}
	if code, _, stderr := runDigest("", "fmt", "-w", "d.txt"); code != 0 || stderr != "" {
		t.Errorf("fmt -w d.txt: exit status %d, stderr %q; want 0 and nothing", code, stderr)
	}
	if got, err := os.ReadFile("d.txt"); err != nil || string(got) != canonical {
		t.Errorf("d.txt after fmt -w: %q, %v; want %q", got, err, canonical)
	}
}

// TestReadsOneBytePastLimit checks that the verbs read an input no further
// than one byte past -max-size, enough to tell that it is too large: an
// endless input, as from yes or /dev/zero, is refused, not read whole.
// Here reading past that byte fails.
func TestReadsOneBytePastLimit(t *testing.T) {
	for _, verb := range []string{"parse", "fmt", "validate"} {
		stdin := io.MultiReader(strings.NewReader(strings.Repeat("x", 11)), iotest.ErrReader(errors.New("read past the limit")))
		var stdout, stderr bytes.Buffer
		code := run([]string{verb, "-max-size", "10"}, stdin, &stdout, &stderr)
		if code != 1 || stdout.Len() != 0 {
			t.Errorf("%s: exit status %d, stdout %q; want 1 and nothing", verb, code, stdout.String())
		}
		checkLines(t, stderr.String(), []string{`^<stdin>:1:11: input too large: more than 10 bytes \(raise the limit with -max-size\)$`})
	}
}
