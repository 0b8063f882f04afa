package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"digest"
)

// broken is a text with four problems.
const broken = "Titre\a du jour\nSUMMARY\nRésumé.\nSUMMARY\nMENTIONED ENTITIES 2\nAli\n"

// brokenProblems are the lines that report the problems of broken, for the
// file name broken.txt.
var brokenProblems = []string{
	`^broken\.txt:1:6: control character U\+0007$`,
	`^broken\.txt:4:1: duplicate section SUMMARY \(first at line 2\)$`,
	`^broken\.txt:5:1: entity count mismatch: the header says 2, the section has 1$`,
	`^broken\.txt:6:1: entity without type line: "Ali"$`,
}

// readSeed returns the reference sample.
func readSeed(t *testing.T) []byte {
	t.Helper()
	seed, err := os.ReadFile("../../testdata/seed.txt")
	if err != nil {
		t.Fatal(err)
	}
	return seed
}

// inTempDir makes a temporary directory holding files, by name, the
// working directory of the test.
func inTempDir(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	t.Chdir(dir)
	for name, text := range files {
		if err := os.WriteFile(name, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// parsed returns the digest of text, which must parse without error, and
// its JSON form.
func parsed(t *testing.T, text []byte) (*digest.Digest, string) {
	t.Helper()
	d, err := digest.Parse(text)
	if err != nil {
		t.Fatal(err)
	}
	js, err := json.Marshal(d)
	if err != nil {
		t.Fatal(err)
	}
	return d, string(js)
}

// runDigest runs the command with args and stdin, and returns its exit
// status, standard output and standard error.
func runDigest(stdin string, args ...string) (code int, stdout, stderr string) {
	var out, errOut bytes.Buffer
	code = run(args, strings.NewReader(stdin), &out, &errOut)
	return code, out.String(), errOut.String()
}

// wantJSON returns a check that stdout holds the JSON form of the digests
// that Parse gives for texts, one document each.
func wantJSON(texts ...string) func(*testing.T, string) {
	return func(t *testing.T, stdout string) {
		t.Helper()
		dec := json.NewDecoder(strings.NewReader(stdout))
		for i, text := range texts {
			want, _ := digest.Parse([]byte(text))
			var got digest.Digest
			if err := dec.Decode(&got); err != nil {
				t.Fatalf("document %d: %v\nstdout:\n%s", i+1, err, stdout)
			}
			if !reflect.DeepEqual(&got, want) {
				t.Errorf("document %d:\n got %+v\nwant %+v", i+1, got, *want)
			}
		}
		if _, err := dec.Token(); err != io.EOF {
			t.Errorf("stdout holds more than %d documents:\n%s", len(texts), stdout)
		}
	}
}

// wantText returns a check that stdout is want.
func wantText(want string) func(*testing.T, string) {
	return func(t *testing.T, stdout string) {
		t.Helper()
		if stdout != want {
			t.Errorf("stdout:\n%s\nwant:\n%s", stdout, want)
		}
	}
}

// wantUsage is a check that out is the usage of digest.
func wantUsage(t *testing.T, out string) {
	t.Helper()
	if !strings.HasPrefix(out, "Digest reads") || !strings.Contains(out, "\n  parse ") {
		t.Errorf("not the usage of digest:\n%s", out)
	}
}

func TestRun(t *testing.T) {
	seed := string(readSeed(t))
	formatted := func(text string) string {
		d, err := digest.Parse([]byte(text))
		if err != nil {
			t.Fatal(err)
		}
		return string(digest.Format(d))
	}
	manyProblems := "Titre\n" + strings.Repeat("\x01\n", 12)
	dupKeywords := "Titre\nSUMMARY\nS\nKEYWORDS\n" + strings.Repeat("a\n", 13) // 12 problems
	dupKeywordsJSON := `{"title":"Titre","subtitle":"","summary":"S","highlights":[],"core_subject":{"heading":"","paragraphs":[]},` +
		`"keywords":["a"` + strings.Repeat(`,"a"`, 12) + `],"entities":[]}`

	// The problems of broken, each followed by its line and a caret.
	brokenContext := []string{
		`^broken\.txt:1:6: control character U\+0007$`,
		`^  \|$`,
		`^1 \| Titre\x{FFFD} du jour$`,
		`^  \|      \^$`,
		`^broken\.txt:4:1: duplicate section`, `^  \|$`, `^4 \| SUMMARY$`, `^  \| \^$`,
		`^broken\.txt:5:1: entity count`, `^  \|$`, `^5 \| MENTIONED`, `^  \| \^$`,
		`^broken\.txt:6:1: entity without`, `^  \|$`, `^6 \| Ali$`, `^  \| \^$`,
	}

	type runTest struct {
		name   string
		args   []string
		stdin  string
		code   int
		stdout func(*testing.T, string) // nil for empty
		stderr []string                 // a regexp for each line
	}
	tests := []runTest{
		{
			name:   "parse",
			args:   []string{"parse", "seed.txt"},
			stdout: wantJSON(seed),
		},
		{
			name:   "parse problems",
			args:   []string{"parse", "broken.txt"},
			code:   1,
			stdout: wantJSON(broken),
			stderr: brokenProblems,
		},
		{
			name:   "parse context",
			args:   []string{"parse", "-context", "broken.txt"},
			code:   1,
			stdout: wantJSON(broken),
			stderr: brokenContext,
		},
		{
			name:   "fmt context",
			args:   []string{"fmt", "-context", "broken.txt"},
			code:   1,
			stderr: brokenContext,
		},
		{
			name:   "validate context",
			args:   []string{"validate", "-context", "broken.txt"},
			code:   1,
			stderr: brokenContext,
		},
		{
			// Parse reports the problems of reading a text, not those of
			// its digest, which validate reports (see below).
			name:   "parse text of an invalid digest",
			args:   []string{"parse", "dups.txt"},
			stdout: wantJSON(dupKeywords),
		},
		{
			name:   "parse stdin",
			args:   []string{"parse", "-"},
			stdin:  seed,
			stdout: wantJSON(seed),
		},
		{
			name:   "parse stdin without file",
			args:   []string{"parse"},
			stdin:  "x\x00y\n",
			code:   1,
			stdout: wantJSON("x\x00y\n"),
			stderr: []string{`^<stdin>:1:2: control character U\+0000$`},
		},
		{
			name:   "parse several",
			args:   []string{"parse", "seed.txt", "broken.txt", "-"},
			stdin:  seed,
			code:   1,
			stdout: wantJSON(seed, broken, seed),
			stderr: brokenProblems,
		},
		{
			name:   "parse max-size",
			args:   []string{"parse", "-max-size", "10", "seed.txt"},
			code:   1,
			stderr: []string{`^seed\.txt:1:11: input too large: more than 10 bytes \(raise the limit with -max-size\)$`},
		},
		{
			name:   "parse max-size context",
			args:   []string{"parse", "-context", "-max-size", "10", "seed.txt"},
			code:   1,
			stderr: []string{`^seed\.txt:1:11: input too large: .* -max-size\)$`, `^  \|$`, `^1 \| La Ligue ar$`, `^  \|           \^$`},
		},
		{
			name:   "parse too many errors",
			args:   []string{"parse", "many.txt"},
			code:   1,
			stdout: wantJSON(manyProblems),
			stderr: append(slices.Repeat([]string{`^many\.txt:\d+:1: control character U\+0001$`}, digest.DefaultMaxErrors),
				`^many\.txt:12:1: too many errors: 2 more not shown \(show them with -all-errors\)$`),
		},
		{
			name:   "parse all errors",
			args:   []string{"parse", "-all-errors", "many.txt"},
			code:   1,
			stdout: wantJSON(manyProblems),
			stderr: slices.Repeat([]string{`^many\.txt:\d+:1: control character U\+0001$`}, 12),
		},
		{
			name:   "fmt all errors",
			args:   []string{"fmt", "-all-errors", "many.txt"},
			code:   1,
			stderr: slices.Repeat([]string{`^many\.txt:\d+:1: control character U\+0001$`}, 12),
		},
		{
			name:   "parse missing file",
			args:   []string{"parse", "missing.txt", "seed.txt"},
			code:   2,
			stdout: wantJSON(seed),
			stderr: []string{`^digest: missing\.txt: no such file or directory$`},
		},
		{
			name:   "parse directory",
			args:   []string{"parse", "."},
			code:   2,
			stderr: []string{`^digest: \.: is a directory$`},
		},
		{
			name:   "parse bad max-size",
			args:   []string{"parse", "-max-size", "0", "seed.txt"},
			code:   2,
			stderr: []string{`^digest: parse: invalid value "0" for flag -max-size: must be at least 1 \(run 'digest help parse'\)$`},
		},
		{
			// Digits only: no exponent, no unit, no hexadecimal.
			name:   "parse max-size not a number",
			args:   []string{"parse", "-max-size", "4e6", "seed.txt"},
			code:   2,
			stderr: []string{`^digest: parse: invalid value "4e6" for flag -max-size: not a number of bytes \(run 'digest help parse'\)$`},
		},
		{
			// An input of -max-size bytes is not over the limit: a text
			// whose title is the start of a JSON array is a text.
			name:   "parse text of a JSON start at the limit",
			args:   []string{"parse", "-max-size", "5"},
			stdin:  "[1, 2",
			stdout: wantJSON("[1, 2"),
		},
		{
			name:   "fmt",
			args:   []string{"fmt", "seed.txt"},
			stdout: wantText(formatted(seed)),
		},
		{
			name:   "fmt stdin",
			args:   []string{"fmt"},
			stdin:  seed,
			stdout: wantText(formatted(seed)),
		},
		{
			name:   "fmt problems",
			args:   []string{"fmt", "seed.txt", "broken.txt", "seed.txt"},
			code:   1,
			stdout: wantText(formatted(seed) + formatted(seed)),
			stderr: brokenProblems,
		},
		{
			name:   "fmt -w stdin",
			args:   []string{"fmt", "-w"},
			code:   2,
			stderr: []string{`^digest: fmt: -w needs file names, not standard input`},
		},
		{
			name:   "fmt -w directory",
			args:   []string{"fmt", "-w", "."},
			code:   2,
			stderr: []string{`^digest: \.: is a directory$`},
		},
		{
			name:   "fmt -w dash",
			args:   []string{"fmt", "-w", "seed.txt", "-"},
			code:   2,
			stderr: []string{`^digest: fmt: -w needs file names, not standard input`},
		},
		{
			name:   "unknown verb",
			args:   []string{"frob", "seed.txt"},
			code:   2,
			stderr: []string{`^digest: unknown verb "frob" \(run 'digest help' for the list\)$`},
		},
		{
			// A verb is named as it is, without a dash.
			name:   "verb after a dash",
			args:   []string{"-parse", "seed.txt"},
			code:   2,
			stderr: []string{`^digest: unknown verb "-parse" \(run 'digest help' for the list\)$`},
		},
		{
			name:   "unknown flag",
			args:   []string{"parse", "-x", "seed.txt"},
			code:   2,
			stderr: []string{`^digest: parse: flag provided but not defined: -x \(run 'digest help parse'\)$`},
		},
		{
			name:   "stdin twice",
			args:   []string{"validate", "-", "-"},
			stdin:  seed,
			code:   2,
			stderr: []string{`^digest: validate: standard input, -, named 2 times \(run 'digest help validate'\)$`},
		},
		{
			name:   "parse stdin twice",
			args:   []string{"parse", "-", "-"},
			stdin:  seed,
			code:   2,
			stderr: []string{`^digest: parse: standard input, -, named 2 times \(run 'digest help parse'\)$`},
		},
		{
			name:   "fmt stdin twice",
			args:   []string{"fmt", "-", "-"},
			stdin:  seed,
			code:   2,
			stderr: []string{`^digest: fmt: standard input, -, named 2 times \(run 'digest help fmt'\)$`},
		},
		{
			name:   "unprintable flag",
			args:   []string{"parse", "-\x1b[2J", "seed.txt"},
			code:   2,
			stderr: []string{`^digest: parse: flag provided but not defined: -\\x1b\[2J \(run 'digest help parse'\)$`},
		},
		{
			name:   "unprintable file name",
			args:   []string{"parse", "no\x1b[2J\nsuch.txt"},
			code:   2,
			stderr: []string{`^digest: "no\\x1b\[2J\\nsuch\.txt": no such file or directory$`},
		},
		{
			// Past the largest int64, a size is as good as the largest.
			name: "max-size past int64",
			args: []string{"validate", "-max-size", "99999999999999999999", "seed.txt"},
		},
		{
			name:   "max-size far below 1",
			args:   []string{"validate", "-max-size", "-99999999999999999999", "seed.txt"},
			code:   2,
			stderr: []string{`^digest: validate: invalid value "-99999999999999999999" for flag -max-size: must be at least 1 \(run 'digest help validate'\)$`},
		},
		{
			name:   "help",
			args:   []string{"help"},
			stdout: wantUsage,
		},
		{
			name: "help verb",
			args: []string{"help", "fmt"},
			stdout: func(t *testing.T, stdout string) {
				if !strings.HasPrefix(stdout, "usage: digest fmt [-w]") || !strings.Contains(stdout, "-max-size N") {
					t.Errorf("stdout is not the usage of fmt:\n%s", stdout)
				}
			},
		},
		{
			name:   "help unknown verb",
			args:   []string{"help", "frob"},
			code:   2,
			stderr: []string{`^digest: help: unknown verb "frob"`},
		},
		{
			name:   "help too many",
			args:   []string{"help", "parse", "fmt"},
			code:   2,
			stderr: []string{`^digest: help: too many arguments \(run 'digest help help'\)$`},
		},
		{
			// Standard input twice is a problem of the verbs that read
			// files; help and schema take none.
			name:   "help stdin twice",
			args:   []string{"help", "-", "-"},
			code:   2,
			stderr: []string{`^digest: help: too many arguments \(run 'digest help help'\)$`},
		},
		{
			name:   "schema stdin twice",
			args:   []string{"schema", "-", "-"},
			code:   2,
			stderr: []string{`^digest: schema: too many arguments \(run 'digest help schema'\)$`},
		},
	}
	// A number in base 10, as for "4e6" above: no base prefix, no
	// underscore, no space. A sign is read: "+99999" is 99999.
	tests = append(tests, runTest{
		name:   "parse max-size with a sign",
		args:   []string{"parse", "-max-size", "+99999", "seed.txt"},
		stdout: wantJSON(seed),
	})
	for _, v := range []string{"0x10", "1_000", " 10"} {
		tests = append(tests, runTest{
			name:   "parse max-size " + strconv.Quote(v),
			args:   []string{"parse", "-max-size", v, "seed.txt"},
			code:   2,
			stderr: []string{`^digest: parse: invalid value "` + regexp.QuoteMeta(v) + `" for flag -max-size: not a number of bytes \(run 'digest help parse'\)$`},
		})
	}
	// Problems of decoding a JSON document stay cut with -all-errors,
	// and their count says nothing of it.
	dupKeys := "^dupkeys\\.json: /k: duplicate key \"k\"$"
	for _, args := range [][]string{{"validate", "dupkeys.json"}, {"validate", "-all-errors", "dupkeys.json"}} {
		tests = append(tests, runTest{
			name: strings.Join(args, " "),
			args: args,
			code: 1,
			stderr: append(slices.Repeat([]string{dupKeys}, digest.DefaultMaxErrors),
				`^dupkeys\.json: /k: too many errors: 2 more not shown$`),
		})
	}
	// The schema's problems are all shown with -all-errors, and their
	// count says so.
	schemaProblem := `^schema\.json: /keywords/\d+: schema violation: expected string, but got number$`
	tests = append(tests, runTest{
		name: "validate schema.json",
		args: []string{"validate", "schema.json"},
		code: 1,
		stderr: append(slices.Repeat([]string{schemaProblem}, digest.DefaultMaxErrors),
			`^schema\.json: /keywords/10: too many errors: 2 more not shown \(show them with -all-errors\)$`),
	}, runTest{
		name:   "validate -all-errors schema.json",
		args:   []string{"validate", "-all-errors", "schema.json"},
		code:   1,
		stderr: slices.Repeat([]string{schemaProblem}, 12),
	})
	// validate shows the first problems of a digest, read from a text or
	// from JSON, or with -all-errors every one.
	for _, name := range []string{"dups.txt", "dups.json"} {
		dup := `^` + regexp.QuoteMeta(name) + `: /keywords/\d+: duplicate keyword "a", the same as /keywords/0 after case folding$`
		tests = append(tests, runTest{
			name: "validate too many problems, " + name,
			args: []string{"validate", name},
			code: 1,
			stderr: append(slices.Repeat([]string{dup}, digest.DefaultMaxErrors),
				`^`+regexp.QuoteMeta(name)+`: /keywords/11: too many errors: 2 more not shown \(show them with -all-errors\)$`),
		}, runTest{
			name:   "validate all problems, " + name,
			args:   []string{"validate", "-all-errors", name},
			code:   1,
			stderr: slices.Repeat([]string{dup}, 12),
		})
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			inTempDir(t, map[string]string{"seed.txt": seed, "broken.txt": broken, "many.txt": manyProblems, "dups.txt": dupKeywords, "dups.json": dupKeywordsJSON,
				"dupkeys.json": "{" + strings.Repeat(`"k":1,`, 12) + `"k":1}`,
				"schema.json": `{"title":"T","subtitle":"","summary":"S","highlights":[],"core_subject":{"heading":"","paragraphs":[]},` +
					`"keywords":[1,2,3,4,5,6,7,8,9,10,11,12],"entities":[]}`})
			code, stdout, stderr := runDigest(tt.stdin, tt.args...)
			if code != tt.code {
				t.Errorf("exit status %d, want %d", code, tt.code)
			}
			if tt.stdout != nil {
				tt.stdout(t, stdout)
			} else if stdout != "" {
				t.Errorf("stdout:\n%s\nwant nothing", stdout)
			}
			checkLines(t, stderr, tt.stderr)
		})
	}
}

// checkLines checks that stderr has one line for each regexp of want, and
// that each line matches its regexp.
func checkLines(t *testing.T, stderr string, want []string) {
	t.Helper()
	lines := strings.Split(strings.TrimSuffix(stderr, "\n"), "\n")
	if stderr == "" {
		lines = nil
	}
	for i, line := range lines {
		if i >= len(want) {
			t.Errorf("stderr has %d lines, want %d:\n%s", len(lines), len(want), stderr)
			return
		}
		if !regexp.MustCompile(want[i]).MatchString(line) {
			t.Errorf("stderr line %d: %q does not match %q", i+1, line, want[i])
		}
	}
	if len(lines) < len(want) {
		t.Errorf("stderr has %d lines, want %d:\n%s", len(lines), len(want), stderr)
	}
}

func TestNoVerb(t *testing.T) {
	code, stdout, stderr := runDigest("")
	if code != 2 {
		t.Errorf("exit status %d, want 2", code)
	}
	if stdout != "" {
		t.Errorf("stdout:\n%s\nwant nothing", stdout)
	}
	wantUsage(t, stderr)
}

func TestHelpFlag(t *testing.T) {
	for _, name := range []string{"parse", "fmt", "help"} {
		t.Run(name, func(t *testing.T) {
			code, stdout, stderr := runDigest("", name, "-h")
			if code != 0 {
				t.Errorf("exit status %d, want 0", code)
			}
			if stdout != "" {
				t.Errorf("stdout:\n%s\nwant nothing", stdout)
			}
			if !strings.HasPrefix(stderr, "usage: digest "+name) {
				t.Errorf("stderr is not the usage of %s:\n%s", name, stderr)
			}
		})
	}
}

func TestFmtWrite(t *testing.T) {
	seed := readSeed(t)
	d, js := parsed(t, seed)
	canonical := digest.Format(d)
	// JSON in another layout than an object's first key on its line, and
	// a list of digests, are JSON too: fmt -w leaves them.
	odd := "{\n\"title\"\n: \"T\"}"
	list := "[\n" + js + ",\n" + js + "\n]\n"
	inTempDir(t, map[string]string{"broken.txt": broken, "canonical.txt": string(canonical), "seed.json": js, "odd.json": odd, "list.json": list})
	if err := os.WriteFile("seed.txt", seed, 0o640); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("seed.txt", "link.txt"); err != nil {
		t.Fatal(err)
	}

	code, stdout, stderr := runDigest("", "fmt", "-w", "link.txt", "broken.txt", "canonical.txt", "seed.json", "odd.json", "list.json")
	if code != 1 {
		t.Errorf("exit status %d, want 1", code)
	}
	if stdout != "" {
		t.Errorf("stdout:\n%s\nwant nothing", stdout)
	}
	checkLines(t, stderr, append(slices.Clone(brokenProblems),
		`^seed\.json: reads as JSON, which fmt -w does not replace with text$`,
		`^odd\.json: reads as JSON, which fmt -w does not replace with text$`,
		`^list\.json: reads as JSON, which fmt -w does not replace with text$`))

	for name, want := range map[string]string{
		"seed.txt":      string(canonical),
		"broken.txt":    broken,
		"canonical.txt": string(canonical),
		"seed.json":     js,
		"odd.json":      odd,
		"list.json":     list,
	} {
		got, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		if string(got) != want {
			t.Errorf("%s after fmt -w:\n%s\nwant:\n%s", name, got, want)
		}
	}
	if info, err := os.Lstat("seed.txt"); err != nil {
		t.Fatal(err)
	} else if info.Mode() != 0o640 {
		t.Errorf("seed.txt has mode %v after fmt -w, want %v", info.Mode(), os.FileMode(0o640))
	}
	if info, err := os.Lstat("link.txt"); err != nil {
		t.Fatal(err)
	} else if info.Mode()&os.ModeSymlink == 0 {
		t.Errorf("link.txt is no longer a symbolic link after fmt -w")
	}
	entries, err := os.ReadDir(".")
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) != 7 { // no temporary file left
		t.Errorf("the directory holds %d files after fmt -w, want 7: %v", len(entries), entries)
	}
}

// TestFlagsAfterFiles checks that flags after the file names apply, before
// any file is read, and that after "--" every argument is a file name.
func TestFlagsAfterFiles(t *testing.T) {
	seed := readSeed(t)
	inTempDir(t, map[string]string{"seed.txt": string(seed), "-w": string(seed)})
	d, err := digest.Parse(seed)
	if err != nil {
		t.Fatal(err)
	}
	canonical := string(digest.Format(d))

	code, _, stderr := runDigest("", "validate", "seed.txt", "-max-size", "10")
	if code != 1 || !strings.HasPrefix(stderr, "seed.txt:1:11: input too large: more than 10 bytes") {
		t.Errorf("validate seed.txt -max-size 10: exit status %d, stderr %q; want 1 and seed.txt too large", code, stderr)
	}
	code, stdout, stderr := runDigest("", "fmt", "-w", "--", "-w")
	if code != 0 || stdout != "" || stderr != "" {
		t.Errorf("fmt -w -- -w: exit status %d, stdout %q, stderr %q; want 0 and nothing", code, stdout, stderr)
	}
	code, stdout, stderr = runDigest("", "fmt", "seed.txt", "-w")
	if code != 0 || stdout != "" || stderr != "" {
		t.Errorf("fmt seed.txt -w: exit status %d, stdout %q, stderr %q; want 0 and nothing", code, stdout, stderr)
	}
	for _, name := range []string{"seed.txt", "-w"} {
		if got, err := os.ReadFile(name); err != nil || string(got) != canonical {
			t.Errorf("%s after fmt -w: %v, %.100q; want its canonical text", name, err, got)
		}
	}
	// Two flags after "--": were the second read as a flag, the first
	// would be read as one too, and not as a file. The same after a flag
	// and "--": every argument after "--" is a file name, not only the
	// first.
	for _, args := range [][]string{
		{"validate", "seed.txt", "--", "-max-size", "-context"},
		{"validate", "-context", "--", "-max-size", "-context"},
	} {
		code, stdout, stderr := runDigest("", args...)
		if code != 2 || stdout != "" {
			t.Errorf("%s: exit status %d, stdout %q; want 2 and nothing", strings.Join(args, " "), code, stdout)
		}
		checkLines(t, stderr, []string{`^digest: -max-size: no such file or directory$`, `^digest: -context: no such file or directory$`})
	}
}

// TestFmtWriteInPlace checks that fmt -w rewrites a file in place: the
// same file, so with its owner, group, mode bits and other names, as a
// new file renamed over it would not be.
func TestFmtWriteInPlace(t *testing.T) {
	seed := readSeed(t)
	d, err := digest.Parse(seed)
	if err != nil {
		t.Fatal(err)
	}
	inTempDir(t, map[string]string{"seed.txt": string(seed)})
	// Not the set-ID bits, which the system clears when a user without the
	// privilege to keep them writes the file.
	mode := 0o750 | os.ModeSticky
	if err := os.Chmod("seed.txt", mode); err != nil {
		t.Fatal(err)
	}
	if err := os.Link("seed.txt", "other.txt"); err != nil {
		t.Fatal(err)
	}
	before, err := os.Stat("seed.txt")
	if err != nil {
		t.Fatal(err)
	}
	if code, _, stderr := runDigest("", "fmt", "-w", "seed.txt"); code != 0 || stderr != "" {
		t.Fatalf("fmt -w: exit status %d, stderr %q", code, stderr)
	}
	after, err := os.Stat("seed.txt")
	if err != nil {
		t.Fatal(err)
	}
	if !os.SameFile(before, after) {
		t.Error("seed.txt is another file after fmt -w")
	}
	if after.Mode() != mode {
		t.Errorf("seed.txt has mode %v after fmt -w, want %v", after.Mode(), mode)
	}
	if got, err := os.ReadFile("other.txt"); err != nil || string(got) != string(digest.Format(d)) {
		t.Errorf("other.txt, the same file, holds %q, %v; want the canonical form", got, err)
	}
}

// errDiskFull is the error of every write to a failWriter.
var errDiskFull = errors.New("disk full")

// failWriter fails every write with errDiskFull.
type failWriter struct{}

func (failWriter) Write([]byte) (int, error) { return 0, errDiskFull }

func TestStdoutError(t *testing.T) {
	_, js := parsed(t, readSeed(t))
	inTempDir(t, map[string]string{"seed.txt": string(readSeed(t)), "seed.json": js, "bad.txt": "Bad\nSUMMARY\n\x01\n"})
	// Once standard output fails, no other input is read: the failure is
	// the one problem reported, not those of bad.txt or missing.txt.
	for _, args := range [][]string{
		{"parse", "seed.txt", "seed.txt"},
		{"parse", "seed.json"},
		{"fmt", "seed.txt", "bad.txt", "missing.txt"},
	} {
		var stderr bytes.Buffer
		if code := run(args, strings.NewReader(""), failWriter{}, &stderr); code != 2 {
			t.Errorf("%q: exit status %d, want 2", args, code)
		}
		checkLines(t, stderr.String(), []string{`^digest: writing standard output: disk full$`})
	}
}

// TestUnprintableName checks that the name of a file is quoted in the
// problems of its input when it holds a character that is not printable:
// each problem stays one line, and sends no escape sequence.
func TestUnprintableName(t *testing.T) {
	name := "e\x1b[2J\n.txt"
	inTempDir(t, map[string]string{name: "T\x07\nSUMMARY\ns\n"})
	code, _, stderr := runDigest("", "validate", name)
	if code != 1 {
		t.Errorf("exit status %d, want 1", code)
	}
	checkLines(t, stderr, []string{`^"e\\x1b\[2J\\n\.txt":1:2: control character U\+0007$`})
}

// TestHelpStdoutError checks that help reports a failure to write its
// usage, as the other verbs do.
func TestHelpStdoutError(t *testing.T) {
	for _, args := range [][]string{{"help"}, {"help", "fmt"}, {"schema"}} {
		var stderr bytes.Buffer
		if code := run(args, strings.NewReader(""), failWriter{}, &stderr); code != 2 {
			t.Errorf("%q: exit status %d, want 2", args, code)
		}
		checkLines(t, stderr.String(), []string{`^digest: writing standard output: disk full$`})
	}
}

// TestFmtOverLimit checks that fmt neither prints nor writes a canonical
// form longer than -max-size, which would not read back with that limit:
// keywords on one line take a line each in the canonical form.
func TestFmtOverLimit(t *testing.T) {
	const text = "T\nSUMMARY\nS\nKEYWORDS\na, b, c, d, e, f\n"
	d, _ := parsed(t, []byte(text))
	size := len(digest.Format(d))
	if size <= len(text) {
		t.Fatalf("the canonical form is %d bytes, not more than the text's %d", size, len(text))
	}
	inTempDir(t, map[string]string{"kw.txt": text})
	limit := strconv.Itoa(len(text))
	want := fmt.Sprintf(`^kw\.txt: would not read back unchanged: the canonical text would be %d bytes, more than the %d that Parse reads \(raise the limit with -max-size\)$`, size, len(text))
	for _, args := range [][]string{
		{"fmt", "-max-size", limit, "kw.txt"},
		{"fmt", "-w", "-max-size", limit, "kw.txt"},
	} {
		code, stdout, stderr := runDigest("", args...)
		if code != 1 || stdout != "" {
			t.Errorf("%q: exit status %d, stdout %q; want 1 and nothing", args, code, stdout)
		}
		checkLines(t, stderr, []string{want})
		if got, err := os.ReadFile("kw.txt"); err != nil || string(got) != text {
			t.Errorf("%q: kw.txt holds %q, %v; want it unchanged", args, got, err)
		}
	}
	// With room for it, the canonical form is written.
	code, _, stderr := runDigest("", "fmt", "-w", "-max-size", strconv.Itoa(size), "kw.txt")
	if got, _ := os.ReadFile("kw.txt"); code != 0 || stderr != "" || string(got) != string(digest.Format(d)) {
		t.Errorf("fmt -w -max-size %d: exit status %d, stderr %q, kw.txt %q", size, code, stderr, got)
	}
}

// TestFmtReadsAsJSON checks that fmt neither prints nor writes a canonical
// form that would read back as JSON: one whose title starts as a JSON
// object's first key does. A text with a no-break space before such a
// title is a text, and so is a JSON document with it.
func TestFmtReadsAsJSON(t *testing.T) {
	const text = "\u00a0{\"Gaza\": trêve\nSUMMARY\nS\n"
	d, js := parsed(t, []byte(text))
	inTempDir(t, map[string]string{"brace.txt": text, "brace.json": js})
	for _, args := range [][]string{
		{"fmt", "brace.txt"},
		{"fmt", "-w", "brace.txt"},
		{"fmt", "brace.json"},
	} {
		code, stdout, stderr := runDigest("", args...)
		if code != 1 || stdout != "" {
			t.Errorf("%q: exit status %d, stdout %q; want 1 and nothing", args, code, stdout)
		}
		name := regexp.QuoteMeta(args[len(args)-1])
		checkLines(t, stderr, []string{`^` + name + `: the canonical form would start as a JSON document does, "\{\\"Gaza\\": trêve": it would read back as JSON, not text$`})
	}
	if got, err := os.ReadFile("brace.txt"); err != nil || string(got) != text {
		t.Errorf("brace.txt holds %q, %v; want it unchanged", got, err)
	}
	// What fmt would print reads back as JSON, and no digest: the
	// check is needed.
	if code, _, _ := runDigest(string(digest.Format(d)), "parse"); code != 1 {
		t.Errorf("parse of the canonical form: exit status %d, want 1", code)
	}
}

// TestJSONInput checks that parse and fmt read a JSON document as validate
// does: parse prints the digest it holds, fmt its canonical text, and
// neither prints anything for a document that holds no digest.
func TestJSONInput(t *testing.T) {
	seed := readSeed(t)
	_, js := parsed(t, seed)
	inTempDir(t, map[string]string{"seed.txt": string(seed), "seed.json": js, "bad.json": `{"title":""}`})
	for _, verb := range []string{"parse", "fmt"} {
		_, fromText, _ := runDigest("", verb, "seed.txt")
		code, fromJSON, stderr := runDigest("", verb, "seed.json")
		if code != 0 || stderr != "" || fromJSON != fromText || fromText == "" {
			t.Errorf("%s seed.json: exit status %d, stderr %q, stdout %.200q; want 0, nothing and what %s seed.txt prints, %.200q",
				verb, code, stderr, fromJSON, verb, fromText)
		}
		code, stdout, stderr := runDigest("", verb, "bad.json")
		if code != 1 || stdout != "" {
			t.Errorf("%s bad.json: exit status %d, stdout %.200q; want 1 and nothing", verb, code, stdout)
		}
		checkLines(t, stderr, []string{
			`^bad\.json: schema violation: missing properties: 'subtitle', 'summary', `,
			`^bad\.json: /title: schema violation: empty title$`,
		})
	}
}

// TestTopHelpFlag checks that -h before any verb prints the usage on
// standard error and exits with 0, as it does after a verb.
func TestTopHelpFlag(t *testing.T) {
	for _, flag := range []string{"-h", "-help", "--help"} {
		code, stdout, stderr := runDigest("", flag)
		if code != 0 || stdout != "" {
			t.Errorf("%s: exit status %d, stdout %q; want 0 and nothing", flag, code, stdout)
		}
		wantUsage(t, stderr)
	}
}

// TestHelpWithoutFlags checks that the usage of a verb that takes no
// flags has no Flags section.
func TestHelpWithoutFlags(t *testing.T) {
	code, stdout, _ := runDigest("", "help", "schema")
	if code != 0 || !strings.HasPrefix(stdout, "usage: digest schema\n") || strings.Contains(stdout, "Flags") {
		t.Errorf("help schema: exit status %d, stdout:\n%s", code, stdout)
	}
	if _, stdout, _ := runDigest("", "help", "parse"); !strings.Contains(stdout, "\nFlags:\n") {
		t.Errorf("help parse has no Flags section:\n%s", stdout)
	}
}

// TestNotUTF8Name checks that a file name that is not UTF-8 is quoted in
// messages, as one with a character that is not printable is.
func TestNotUTF8Name(t *testing.T) {
	inTempDir(t, nil)
	code, _, stderr := runDigest("", "validate", "a\xff.txt")
	if code != 2 {
		t.Errorf("exit status %d, want 2", code)
	}
	checkLines(t, stderr, []string{`^digest: "a\\xff\.txt": `})
}

// TestFmtWriteShorter checks that fmt -w leaves nothing of a longer file
// after the canonical form, and does not write a file that is canonical
// already: its modification time stays.
func TestFmtWriteShorter(t *testing.T) {
	text := "Titre\n" + strings.Repeat("\n", 60) + "SUMMARY\nRésumé.\n"
	d, err := digest.Parse([]byte(text))
	if err != nil {
		t.Fatal(err)
	}
	canonical := digest.Format(d)
	inTempDir(t, map[string]string{"long.txt": text, "canonical.txt": string(canonical)})
	old := time.Date(2001, 1, 1, 0, 0, 0, 0, time.UTC)
	if err := os.Chtimes("canonical.txt", old, old); err != nil {
		t.Fatal(err)
	}
	if code, _, stderr := runDigest("", "fmt", "-w", "long.txt", "canonical.txt"); code != 0 || stderr != "" {
		t.Fatalf("fmt -w: exit status %d, stderr %q", code, stderr)
	}
	if got, err := os.ReadFile("long.txt"); err != nil || !bytes.Equal(got, canonical) {
		t.Errorf("long.txt holds %q, %v; want %q", got, err, canonical)
	}
	if fi, err := os.Stat("canonical.txt"); err != nil || !fi.ModTime().Equal(old) {
		t.Errorf("canonical.txt was written: %v, %v", fi.ModTime(), err)
	}
}

// TestFmtReadsAsJSONQuote checks how the message of a canonical form that
// would read back as JSON quotes its first line: 40 bytes at most, not
// cutting a character, with "…" when it is cut.
func TestFmtReadsAsJSONQuote(t *testing.T) {
	for _, tt := range []struct{ title, quoted string }{
		{`{"a": 1234567890123456789012345678901234`, `"{\"a\": 1234567890123456789012345678901234"`},
		{`{"a": 12345678901234567890123456789012345`, `"{\"a\": 1234567890123456789012345678901234"…`},
		{`{"a": 123456789012345678901234567890123être`, `"{\"a\": 123456789012345678901234567890123"…`},
	} {
		// U+200B, which reading removes, hides the '{' from the test
		// that tells JSON from text.
		code, _, stderr := runDigest("\u200b"+tt.title+"\nSUMMARY\ns\n", "fmt")
		if code != 1 {
			t.Errorf("fmt of %q: exit status %d, want 1", tt.title, code)
		}
		checkLines(t, stderr, []string{`^<stdin>: the canonical form would start as a JSON document does, ` + regexp.QuoteMeta(tt.quoted) + `: it would read back as JSON, not text$`})
	}
}

// TestValidateBraceTitleProblems checks that validate reports the
// problems of a digest whose title starts with '{', then that its
// canonical form would read back as JSON.
func TestValidateBraceTitleProblems(t *testing.T) {
	code, _, stderr := runDigest("\u200b{\"a\": b\n", "validate")
	if code != 1 {
		t.Errorf("exit status %d, want 1", code)
	}
	checkLines(t, stderr, []string{
		`^<stdin>: /summary: empty summary$`,
		`^<stdin>: the canonical form would start as a JSON document does, "\{\\"a\\": b": it would read back as JSON, not text$`,
	})
}

// TestContextWithoutLine checks that -context adds nothing to a problem
// that has no line to show: the problem stays one line.
func TestContextWithoutLine(t *testing.T) {
	code, _, stderr := runDigest("", "validate", "-context")
	if code != 1 || stderr != "<stdin>:1:1: missing title: the input has no text\n" {
		t.Errorf("exit status %d, stderr %q", code, stderr)
	}
}

// TestUnprintableFlag checks that a flag that is not UTF-8 is named with
// its bytes escaped, and that the printable characters of a flag with a
// character that is not printable stay as they are, as strconv.Quote
// leaves them: é or U+FFFD.
func TestUnprintableFlag(t *testing.T) {
	for _, tt := range []struct{ flag, shown string }{
		{"-\xff", `-\xff`},
		{"-é\x1b", `-é\x1b`},
		{"-\uFFFD\x1b", "-\uFFFD\\x1b"},
	} {
		code, _, stderr := runDigest("", "parse", tt.flag)
		if want := `digest: parse: flag provided but not defined: ` + tt.shown + ` (run 'digest help parse')` + "\n"; code != 2 || stderr != want {
			t.Errorf("parse %+q: exit status %d, stderr %q; want 2 and %q", tt.flag, code, stderr, want)
		}
	}
}

// TestUsageColumns checks that the summaries of the verbs in the usage
// start in one column, past the longest verb.
func TestUsageColumns(t *testing.T) {
	_, stdout, _ := runDigest("", "help")
	verbs := regexp.MustCompile(`(?m)^  ([a-z]+) +(\S)`).FindAllStringSubmatchIndex(stdout, -1)
	if len(verbs) != 5 {
		t.Fatalf("the usage lists %d verbs, want 5:\n%s", len(verbs), stdout)
	}
	for _, m := range verbs {
		if col := m[4] - m[0]; col != len("  validate  ") {
			t.Errorf("the summary of %s starts at column %d, want %d", stdout[m[2]:m[3]], col, len("  validate  "))
		}
	}
}

// TestFmtWriteRestores checks that fmt -w puts back what a file held when
// writing the canonical form fails: here the file size limit of the
// process (ulimit -f) lets the old text be written, not the longer new
// one. When what the file held cannot be written back either, the error
// names the copy that keeps it. The test runs itself again, as a child
// under that limit.
func TestFmtWriteRestores(t *testing.T) {
	if name := os.Getenv("DIGEST_TEST_FSIZE_CHILD"); name != "" {
		if os.Getenv("DIGEST_TEST_KEEP_COPY") != "" {
			testHookBackedUp = keepCopy(t)
		}
		if os.Getenv("DIGEST_TEST_NO_WRITE_BACK") != "" {
			// No byte more may be written: neither the canonical form
			// nor, after it, what the file held.
			testHookBackedUp = func(string) { stopFileGrowth(t) }
		}
		code, _, stderr := runDigest("", "fmt", "-w", name)
		fmt.Fprint(os.Stderr, stderr)
		os.Exit(code)
	}
	text := keywordsText(t)
	dir := inTempDir(t, map[string]string{"keywords.txt": text})
	fmtWriteUnderLimit(t, dir, "keywords.txt", `^digest: keywords\.txt: file too large$`)
	if got, err := os.ReadFile("keywords.txt"); err != nil || string(got) != text {
		t.Errorf("keywords.txt holds %d bytes, %v; want the text as it was, %d bytes", len(got), err, len(text))
	}
	checkDir(t, dir, "keywords.txt") // the copy of the text is removed

	// A copy that cannot be removed once the text is written back is
	// named, quoted as the file's name is.
	const odd = "key\x1bwords.txt"
	if err := os.WriteFile(odd, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Setenv("DIGEST_TEST_KEEP_COPY", "1") // for the child
	fmtWriteUnderLimit(t, dir, "keywords.txt", `^digest: keywords\.txt: file too large; its copy keywords\.txt\.[0-9]+ could not be removed: directory not empty$`)
	fmtWriteUnderLimit(t, dir, odd, `^digest: "key\\x1bwords\.txt": file too large; its copy "key\\x1bwords\.txt\.[0-9]+" could not be removed: directory not empty$`)
	for _, name := range []string{"keywords.txt", odd} {
		if got, err := os.ReadFile(name); err != nil || string(got) != text {
			t.Errorf("%+q holds %d bytes, %v; want the text as it was, %d bytes", name, len(got), err, len(text))
		}
	}
	t.Setenv("DIGEST_TEST_KEEP_COPY", "")

	// A copy is kept, and named, when what the file held cannot be
	// written back either.
	dir = inTempDir(t, map[string]string{"keywords.txt": text, odd: text})
	t.Setenv("DIGEST_TEST_NO_WRITE_BACK", "1") // for the child
	fmtWriteUnderLimit(t, dir, "keywords.txt", `^digest: keywords\.txt: file too large; writing back what it held failed too, its copy keywords\.txt\.[0-9]+ keeps it: file too large$`)
	fmtWriteUnderLimit(t, dir, odd, `^digest: "key\\x1bwords\.txt": file too large; writing back what it held failed too, its copy "key\\x1bwords\.txt\.[0-9]+" keeps it: file too large$`)
	for _, name := range []string{"keywords.txt", odd} {
		copies, err := filepath.Glob(filepath.Join(dir, name+".[0-9]*"))
		if err != nil || len(copies) != 1 {
			t.Fatalf("copies of %+q: %q, %v; want one", name, copies, err)
		}
		if got, err := os.ReadFile(copies[0]); err != nil || string(got) != text {
			t.Errorf("the copy %+q holds %d bytes, %v; want the text as it was, %d bytes", copies[0], len(got), err, len(text))
		}
	}
}

// fileLimit is the most bytes that the child processes of
// underFileLimit may write to a file: ulimit -f 2, in blocks of 1024
// bytes.
const fileLimit = 2048

// keywordsText returns a text shorter than fileLimit whose canonical form
// is longer: a line of keywords, which take a line each.
func keywordsText(t *testing.T) string {
	t.Helper()
	keywords := make([]string, 400)
	for i := range keywords {
		keywords[i] = fmt.Sprintf("k%d", i)
	}
	text := "T\nSUMMARY\nS.\nKEYWORDS\n" + strings.Join(keywords, ",") + "\n"
	d, _ := parsed(t, []byte(text))
	if n := len(digest.Format(d)); len(text) >= fileLimit || n <= fileLimit {
		t.Fatalf("the text has %d bytes and its canonical form %d: want them on either side of %d", len(text), n, fileLimit)
	}
	return text
}

// underFileLimit runs the test named test of this test binary in dir, as
// a child process with env set whose files may not grow past fileLimit,
// and returns its output and error.
func underFileLimit(t *testing.T, dir, test, env string) ([]byte, error) {
	t.Helper()
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command("bash", "-c", fmt.Sprintf(`ulimit -f %d && exec "$0" -test.run='^%s$'`, fileLimit/1024, test), exe)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), env)
	return cmd.CombinedOutput()
}

// fmtWriteUnderLimit runs fmt -w name in dir as a child process whose
// files may not grow past fileLimit, and checks that it exits with status
// 2 and a line of output that matches the regular expression want.
func fmtWriteUnderLimit(t *testing.T, dir, name, want string) {
	t.Helper()
	out, err := underFileLimit(t, dir, "TestFmtWriteRestores", "DIGEST_TEST_FSIZE_CHILD="+name)
	var exit *exec.ExitError
	if !errors.As(err, &exit) || exit.ExitCode() != 2 || !regexp.MustCompile("(?m)"+want).Match(out) {
		t.Fatalf("fmt -w under ulimit -f 2: %v, output %q; want exit status 2 and a line that matches %s", err, out, want)
	}
}

// checkDir checks that dir holds the files named want, and no other.
func checkDir(t *testing.T, dir string, want ...string) {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range entries {
		got = append(got, e.Name())
	}
	slices.Sort(want)
	if !slices.Equal(got, want) {
		t.Errorf("%s holds %q, want %q", dir, got, want)
	}
}

// TestValidateReadsAsJSONWithOthers checks that validate reports a
// canonical form that would read back as JSON beside the digest's other
// problems, after them, from a text and from JSON: not only once they are
// mended.
func TestValidateReadsAsJSONWithOthers(t *testing.T) {
	const text = "\u200b{\"a\": b\nSUMMARY\ns\nKEYWORDS\nx, X\n"
	_, js := parsed(t, []byte(text))
	inTempDir(t, map[string]string{"jt.txt": text, "jt.json": js})
	for _, name := range []string{"jt.txt", "jt.json"} {
		for _, all := range []bool{false, true} {
			args := []string{"validate", name}
			if all {
				args = []string{"validate", "-all-errors", name}
			}
			code, _, stderr := runDigest("", args...)
			if code != 1 {
				t.Errorf("%q: exit status %d, want 1", args, code)
			}
			checkLines(t, stderr, []string{
				`^` + regexp.QuoteMeta(name) + `: (schema violation: )?/keywords/1: duplicate keyword "X"`,
				`^` + regexp.QuoteMeta(name) + `: the canonical form would start as a JSON document does, "\{\\"a\\": b": it would read back as JSON, not text$`,
			})
		}
	}
}

// TestFmtWriteBackup checks that fmt -w writes what a file holds to a
// file beside it before it rewrites it, readable by its owner only, and
// removes that copy once the file is rewritten.
func TestFmtWriteBackup(t *testing.T) {
	const text = "T\nSUMMARY\nS.\nKEYWORDS\na, b\n"
	dir := inTempDir(t, map[string]string{"a.txt": text})
	if err := os.Mkdir("sub", 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile("sub/b.txt", []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	var backups []string
	testHookBackedUp = func(backup string) {
		backups = append(backups, backup)
		got, err := os.ReadFile(backup)
		if err != nil || string(got) != text {
			t.Errorf("the copy %s holds %q, %v; want %q", backup, got, err, text)
		}
		if info, err := os.Stat(backup); err != nil || info.Mode() != 0o600 {
			t.Errorf("the copy %s: %v, %v; want mode %v", backup, info.Mode(), err, os.FileMode(0o600))
		}
	}
	t.Cleanup(func() { testHookBackedUp = func(string) {} })
	if code, _, stderr := runDigest("", "fmt", "-w", "a.txt", "sub/b.txt"); code != 0 || stderr != "" {
		t.Fatalf("fmt -w: exit status %d, stderr %q", code, stderr)
	}
	if len(backups) != 2 ||
		!regexp.MustCompile(`^a\.txt\.[0-9]+$`).MatchString(backups[0]) ||
		!regexp.MustCompile(`^sub/b\.txt\.[0-9]+$`).MatchString(backups[1]) {
		t.Errorf("the copies are %q; want a.txt.N and sub/b.txt.N", backups)
	}
	checkDir(t, dir, "a.txt", "sub")
	checkDir(t, filepath.Join(dir, "sub"), "b.txt")
	for _, name := range []string{"a.txt", "sub/b.txt"} {
		if got, err := os.ReadFile(name); err != nil || string(got) != "T\nSUMMARY\nS.\nKEY HIGHLIGHTS\nCORE SUBJECT\nKEYWORDS\n- a\n- b\nMENTIONED ENTITIES 0\n" {
			t.Errorf("%s holds %q, %v after fmt -w", name, got, err)
		}
	}
}

// TestFmtWriteBackupLeft checks that fmt -w names the copy of a file that
// it could not remove, and exits with status 2: here the copy is made a
// directory that is not empty.
func TestFmtWriteBackupLeft(t *testing.T) {
	const text = "T\nSUMMARY\nS.\nKEYWORDS\na, b\n"
	t.Cleanup(func() { testHookBackedUp = func(string) {} })
	// A name with a character that is not printable is quoted, and so is
	// its copy's.
	for _, name := range []string{"a.txt", "a\x1b.txt"} {
		inTempDir(t, map[string]string{name: text})
		var backup string
		keep := keepCopy(t)
		testHookBackedUp = func(b string) {
			backup = b
			keep(b)
		}
		code, _, stderr := runDigest("", "fmt", "-w", name)
		if code != 2 {
			t.Errorf("%+q: exit status %d, want 2", name, code)
		}
		checkLines(t, stderr, []string{`^digest: ` + regexp.QuoteMeta(displayName(name)) + `: rewritten, but its copy ` + regexp.QuoteMeta(displayName(backup)) + ` could not be removed: directory not empty$`})
		if got, err := os.ReadFile(name); err != nil || string(got) == text {
			t.Errorf("%+q holds %q, %v; want it rewritten", name, got, err)
		}
	}
}

// keepCopy returns a testHookBackedUp that makes the copy of a file one
// that cannot be removed: a directory that is not empty.
func keepCopy(t *testing.T) func(string) {
	return func(name string) {
		if err := os.Remove(name); err != nil {
			t.Fatal(err)
		}
		if err := os.MkdirAll(filepath.Join(name, "x"), 0o755); err != nil {
			t.Fatal(err)
		}
	}
}

// TestFmtWriteDotDot checks that the copy of a file named through a
// symbolic link to a directory and "..", which is that directory's
// parent, not the link's, is made and removed where the name leads.
func TestFmtWriteDotDot(t *testing.T) {
	const text = "T\nSUMMARY\nS.\nKEYWORDS\na, b\n"
	dir := inTempDir(t, map[string]string{})
	if err := os.MkdirAll("real/d", 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("real/d", "link"); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile("real/a.txt", []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	var backup string
	testHookBackedUp = func(name string) { backup = name }
	t.Cleanup(func() { testHookBackedUp = func(string) {} })
	if code, _, stderr := runDigest("", "fmt", "-w", "link/../a.txt"); code != 0 || stderr != "" {
		t.Fatalf("fmt -w: exit status %d, stderr %q", code, stderr)
	}
	if !regexp.MustCompile(`^link/\.\./a\.txt\.[0-9]+$`).MatchString(backup) {
		t.Errorf("the copy is %q, want link/../a.txt.N", backup)
	}
	checkDir(t, filepath.Join(dir, "real"), "a.txt", "d")
	if got, err := os.ReadFile("real/a.txt"); err != nil || string(got) == text {
		t.Errorf("real/a.txt holds %q, %v; want it rewritten", got, err)
	}
}

// TestFmtWriteLongName checks that fmt -w rewrites a file whose name is
// near the 255 bytes that file systems allow: the name of its copy is cut
// to 200 bytes, on a character's boundary, and a name of 200 bytes is not.
func TestFmtWriteLongName(t *testing.T) {
	const text = "T\nSUMMARY\nS.\nKEYWORDS\na, b\n"
	t.Cleanup(func() { testHookBackedUp = func(string) {} })
	for _, tt := range []struct{ name, copy string }{
		{strings.Repeat("€", 83) + ".txt", `^(€){66}\.[0-9]+$`},      // 253 bytes; the 67th € spans bytes 198 to 200
		{strings.Repeat("a", 196) + ".txt", `^a{196}\.txt\.[0-9]+$`}, // 200 bytes: not cut
		{strings.Repeat("a", 197) + ".txt", `^a{197}\.tx\.[0-9]+$`},  // 201 bytes
	} {
		inTempDir(t, map[string]string{tt.name: text})
		var backup string
		testHookBackedUp = func(b string) { backup = b }
		if code, _, stderr := runDigest("", "fmt", "-w", tt.name); code != 0 || stderr != "" {
			t.Errorf("fmt -w %s (%d bytes): exit status %d, stderr %q", tt.name, len(tt.name), code, stderr)
			continue
		}
		if !regexp.MustCompile(tt.copy).MatchString(backup) {
			t.Errorf("the copy of %s (%d bytes) is %q, want it to match %s: the name cut to 200 bytes at most, a dot and a number", tt.name, len(tt.name), backup, tt.copy)
		}
		if got, err := os.ReadFile(tt.name); err != nil || string(got) == text {
			t.Errorf("the file holds %q, %v; want it rewritten", got, err)
		}
	}
}

// TestFmtWriteBackupFails checks that fmt -w leaves a file as it is when
// it cannot write its copy: here, a text longer than the process may
// write (ulimit -f).
func TestFmtWriteBackupFails(t *testing.T) {
	text := "T\nSUMMARY\n" + strings.Repeat("S.\n\n", 1000)
	dir := inTempDir(t, map[string]string{"long.txt": text})
	fmtWriteUnderLimit(t, dir, "long.txt", `^digest: long\.txt: writing a copy of it beside it, before rewriting it: file too large$`)
	if got, err := os.ReadFile("long.txt"); err != nil || string(got) != text {
		t.Errorf("long.txt holds %d bytes, %v; want the text as it was, %d bytes", len(got), err, len(text))
	}
	checkDir(t, dir, "long.txt")
}
