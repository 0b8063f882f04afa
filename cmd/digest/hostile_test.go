package main

import (
	"cmp"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"regexp"
	"runtime"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"digest"
	"digest/internal/race"
)

// hostileJSON is the JSON form of a small valid digest.
const hostileJSON = `{"title":"T","subtitle":"","summary":"S","highlights":[],"core_subject":{"heading":"","paragraphs":[]},"keywords":[],"entities":[]}`

// hostileJSONWith returns hostileJSON with old replaced by new.
func hostileJSONWith(old, new string) string {
	if !strings.Contains(hostileJSON, old) {
		panic("no " + old)
	}
	return strings.Replace(hostileJSON, old, new, 1)
}

// hostileEntities returns a valid text with n entities.
func hostileEntities(n int) string {
	var b strings.Builder
	fmt.Fprintf(&b, "Titre\nSUMMARY\nRésumé.\nMENTIONED ENTITIES %d\n", n)
	for i := range n {
		fmt.Fprintf(&b, "Entité %d\n📍 Location Description %d\n", i, i)
	}
	return b.String()
}

// hostileCanonical returns a canonical text of exactly n bytes.
func hostileCanonical(n int) string {
	const head, tail = "T\nSUMMARY\n", "\nKEY HIGHLIGHTS\nCORE SUBJECT\nKEYWORDS\nMENTIONED ENTITIES 0\n"
	return head + strings.Repeat("x", n-len(head)-len(tail)) + tail
}

// The verbs that read digests, in the order of the codes of a
// hostileFile.
var hostileVerbs = []string{"parse", "fmt", "validate"}

// A hostileFile is a hostile input and what each verb must make of it.
type hostileFile struct {
	name    string        // the file name
	content func() string // the file's content
	flags   []string      // flags before the file name
	codes   [3]int        // exit status of parse, fmt and validate
	// mention holds, for each verb with a problem, what its messages must
	// say, each a regular expression.
	mention [3][]string
}

// text returns a function that returns s.
func text(s string) func() string { return func() string { return s } }

// same returns what each of the three verbs must mention.
func same(res ...string) [3][]string { return [3][]string{res, res, res} }

func hostileFiles() []hostileFile {
	tooLarge := `^big\.txt:3:4194295: input too large: more than 4194304 bytes \(raise the limit with -max-size\)$`
	jsonTitle := `^json-title\.txt: the canonical form would start as a JSON document does, "\{\\"a\\":1": it would read back as JSON, not text$`
	// After a byte order mark, which validate reports too, and which the
	// schema lets pass, the canonical form reads as JSON all the same.
	bomTitle := `^bom-title\.json: the canonical form would start as a JSON document does, "\\ufeff\{\\"a\\":1": it would read back as JSON, not text$`
	jsonTitleJSON := `^json-title\.json: the canonical form would start as a JSON document does, "\{\\"a\\":1": it would read back as JSON, not text$`
	// fmt and validate word it alike.
	canonicalSmall := `^canonical-small\.txt: would not read back unchanged: the canonical text would be 90 bytes, more than the 40 that Parse reads \(raise the limit with -max-size\)$`
	jsonTitleSmallSize := `^json-title-small\.txt: would not read back unchanged: the canonical text would be 75 bytes, more than the 40 that Parse reads \(raise the limit with -max-size\)$`
	jsonTitleSmall := `^json-title-small\.txt: the canonical form would start as a JSON document does, "\{\\"a\\":1": it would read back as JSON, not text$`
	return []hostileFile{
		{name: "utf8.txt", content: text("T\xff\xfe\nSUMMARY\nS\xe2\x82"), codes: [3]int{1, 1, 1},
			mention: same(`^utf8\.txt:1:2: invalid UTF-8: ff fe$`, `^utf8\.txt:3:2: invalid UTF-8: e2 82$`)},
		{name: "surrogate.txt", content: text("T\xed\xa0\x80\nSUMMARY\nS\n"), codes: [3]int{1, 1, 1},
			mention: same(`^surrogate\.txt:1:2: invalid UTF-8: ed a0 80$`)},
		{name: "nul.txt", content: text("Ti\x00tle\nSUMMARY\nS\n"), codes: [3]int{1, 1, 1},
			mention: same(`^nul\.txt:1:3: control character U\+0000$`)},
		{name: "c1.txt", content: text("T\u009b\nSUMMARY\nS\n"), codes: [3]int{1, 1, 1},
			mention: same(`^c1\.txt:1:2: control character U\+009B$`)},
		{name: "bom.txt", content: text("\uFEFFTi\uFEFFtle\nSUM\uFEFFMARY\nS\n"), codes: [3]int{0, 0, 0}},
		{name: "cr.txt", content: text("T\rSUMMARY\rS\r"), codes: [3]int{0, 0, 0}},
		{name: "breaks.txt", content: text("T\r\nSub\rSUMMARY\nS1\u2028S2\u2029S3\u0085KEY HIGHLIGHTS\r\r\n- h\n\x01"), codes: [3]int{1, 1, 1},
			mention: same(`^breaks\.txt:10:1: control character U\+0001$`)},
		{name: "empty.txt", content: text(""), codes: [3]int{1, 1, 1},
			mention: same(`^empty\.txt:1:1: missing title`)},
		{name: "blank.txt", content: text("\n \r\n\t\u00a0\u2028\n"), codes: [3]int{1, 1, 1},
			mention: same(`^blank\.txt:1:1: missing title`)},
		{name: "headers.txt", content: text("SUMMARY\nKEY HIGHLIGHTS\nCORE SUBJECT\nKEYWORDS\nMENTIONED ENTITIES\n"), codes: [3]int{1, 1, 1},
			mention: same(`^headers\.txt:1:1: missing title: the first non-blank line is the header SUMMARY$`)},
		{name: "twice.txt", content: text("T\nSUMMARY\nS\nKEYWORDS\nk\nSUMMARY\nKEYWORDS\n"), codes: [3]int{1, 1, 1},
			mention: same(`^twice\.txt:6:1: duplicate section SUMMARY \(first at line 2\)$`, `^twice\.txt:7:1: duplicate section KEYWORDS`)},
		{name: "dups.txt", content: func() string { return "T\n" + strings.Repeat("SUMMARY\n", 100_000) }, codes: [3]int{1, 1, 1},
			mention: same(`^dups\.txt:13:1: too many errors: 99989 more not shown \(show them with -all-errors\)$`)},
		{name: "controls.txt", content: func() string { return "T\n" + strings.Repeat("\x01a", 50_000) }, codes: [3]int{1, 1, 1},
			mention: same(`^controls\.txt:2:21: too many errors: 49990 more not shown`)},
		{name: "blanks.txt", content: func() string { return "T\n" + strings.Repeat("\n", 1_000_000) + "SUMMARY\nS\n\x01\n" }, codes: [3]int{1, 1, 1},
			mention: same(`^blanks\.txt:1000004:1: control character U\+0001$`)},
		{name: "line.txt", content: func() string { return strings.Repeat("Lorem ipsum. ", 3<<20/13) + "x\nSUMMARY\nS\n" }, codes: [3]int{0, 0, 1},
			mention: [3][]string{2: {`^line\.txt: /title: too long: 3145728 characters in the title, at most 4096$`}}},
		{name: "entities.txt", content: func() string { return hostileEntities(60_000) }, codes: [3]int{0, 0, 0}},
		{name: "icons.txt", content: text("T\nSUMMARY\nS\nMENTIONED ENTITIES\nA\n👤\n🏛️\n"), codes: [3]int{1, 1, 1},
			mention: same(`^icons\.txt:6:5: type line without type name: "👤"$`, `^icons\.txt:7:1: type line without entity name`)},
		{name: "rlo.txt", content: text("T\nSUMMARY\nS\nMENTIONED ENTITIES\nA\n👤\u202EPerson_Male\u202C d\n"), codes: [3]int{1, 1, 1},
			mention: same(`^rlo\.txt:6:5: type line without type name: "👤\\u202ePerson_Male\\u202c d"$`)},
		{name: "cyrillic.txt", content: text("T\n\u0421UMMARY\nS\n"), codes: [3]int{0, 0, 1},
			mention: [3][]string{2: {`^cyrillic\.txt: /summary: empty summary$`}}},
		{name: "count.txt", content: text("T\nSUMMARY\nS\nMENTIONED ENTITIES 18446744073709551617\nA\n👤 Person_Male d\n"), codes: [3]int{1, 1, 1},
			mention: same(`^count\.txt:4:1: entity count mismatch: the header says 18446744073709551617, the section has 1$`)},
		{name: "under.txt", content: func() string { return hostileCanonical(digest.DefaultMaxSize) }, codes: [3]int{0, 0, 0}},
		{name: "big.txt", content: func() string { return "T\nSUMMARY\n" + strings.Repeat("x", digest.DefaultMaxSize-9) }, codes: [3]int{1, 1, 1},
			mention: same(tooLarge)},
		{name: "small.txt", content: text("T\nSUMMARY\nabcdefg"), flags: []string{"-max-size", "16"}, codes: [3]int{1, 1, 1},
			mention: same(`^small\.txt:3:7: input too large: more than 16 bytes \(raise the limit with -max-size\)$`)},
		{name: "huge-limit.txt", content: text("T\nSUMMARY\nS\n"), flags: []string{"-max-size", "9223372036854775807"}, codes: [3]int{0, 0, 0}},
		// The canonical form reads back with -max-size, not with the 4 MiB
		// of digest.Parse that digest.Validate checks.
		{name: "canonical-over.txt", content: func() string { return hostileCanonical(digest.DefaultMaxSize + 1) },
			flags: []string{"-max-size", "8388608"}, codes: [3]int{0, 0, 0}},
		{name: "json-title.txt", content: text("\u200b{\"a\":1\nSUMMARY\nS\n"), codes: [3]int{0, 1, 1},
			mention: [3][]string{1: {jsonTitle}, 2: {jsonTitle}}},
		// The same digest, read from JSON: validate checks what fmt does.
		{name: "json-title.json", content: text(hostileJSONWith(`"title":"T"`, `"title":"{\"a\":1"`)), codes: [3]int{0, 1, 1},
			mention: [3][]string{1: {jsonTitleJSON}, 2: {jsonTitleJSON}}},
		{name: "bom-title.json", content: text(hostileJSONWith(`"title":"T"`, `"title":"\ufeff{\"a\":1"`)), codes: [3]int{1, 1, 1},
			mention: [3][]string{2: {`^bom-title\.json: /title: leading or trailing white space: U\+FEFF at the start: `, bomTitle}}},
		{name: "canonical-small.txt", content: text("T\nSUMMARY\nS\nKEYWORDS\na,b,c,d,e\n"), flags: []string{"-max-size", "40"}, codes: [3]int{0, 1, 1},
			mention: [3][]string{1: {canonicalSmall}, 2: {canonicalSmall}}},
		// Both at once: fmt reports the size, validate both.
		{name: "json-title-small.txt", content: text("\u200b{\"a\":1\nSUMMARY\nS\n"), flags: []string{"-max-size", "40"}, codes: [3]int{0, 1, 1},
			mention: [3][]string{1: {jsonTitleSmallSize}, 2: {jsonTitleSmallSize, jsonTitleSmall}}},

		// JSON: a document to every verb.
		{name: "dup.json", content: text(hostileJSONWith(`"title":"T"`, `"title":"T","title":"U"`)), codes: [3]int{1, 1, 1},
			mention: same(`^dup\.json: /title: duplicate key "title"$`)},
		{name: "newline-key.json", content: text(hostileJSONWith(`"title":"T"`, `"title":"T","a\nb":1,"a\nb":2`)), codes: [3]int{1, 1, 1},
			mention: same(`^newline-key\.json: "/a\\nb": duplicate key "a\\nb"$`)},
		{name: "deep.json", content: func() string { return `{"title":` + strings.Repeat("[", 200_000) }, codes: [3]int{1, 1, 1},
			mention: same(`^deep\.json: /title(/0){63}: invalid JSON: arrays and objects nested more than 64 deep: the one at byte 72$`)},
		{name: "deep-closed.json", content: func() string {
			return hostileJSONWith(`"keywords":[]`, `"keywords":`+strings.Repeat("[", 200_000)+strings.Repeat("]", 200_000))
		}, codes: [3]int{1, 1, 1},
			mention: same(`^deep-closed\.json: /keywords(/0){63}: invalid JSON: arrays and objects nested more than 64 deep: the one at byte \d+$`)},
		// Deeper than encoding/json reads (10000): JSON all the same.
		{name: "deep-array.json", content: func() string { return strings.Repeat("[", 200_000) + strings.Repeat("]", 200_000) }, codes: [3]int{1, 1, 1},
			mention: same(`^deep-array\.json: (/0){64}: invalid JSON: arrays and objects nested more than 64 deep: the one at byte 64$`)},
		{name: "number.json", content: text(hostileJSONWith(`"title":"T"`, `"title":1e400`)), codes: [3]int{1, 1, 1},
			mention: same(`^number\.json: /title: schema violation: expected string, but got number$`)},
		{name: "null.json", content: text(hostileJSONWith(`"entities":[]`, `"entities":null`)), codes: [3]int{1, 1, 1},
			mention: same(`^null\.json: /entities: schema violation: expected array, but got null$`)},
		{name: "utf8.json", content: text(hostileJSONWith(`"title":"T"`, "\"title\":\"T\xff\"")), codes: [3]int{1, 1, 1},
			mention: same(`^utf8\.json: /title: invalid UTF-8 at byte`)},
		{name: "utf8-key.json", content: text(hostileJSONWith(`"title":"T"`, "\"title\":\"T\",\"\xc0\":1")), codes: [3]int{1, 1, 1},
			mention: same(`^utf8-key\.json: /\x{FFFD}: invalid UTF-8 in a key at byte`)},
		{name: "bom.json", content: text("\uFEFF" + hostileJSON), codes: [3]int{0, 0, 0}},
		{name: "nfc.json", content: text(hostileJSONWith(`"title":"T"`, `"title":"Te\u0301"`)), codes: [3]int{1, 1, 1},
			mention: same(`^nfc\.json: /title: not in Unicode NFC: `)},
		{name: "trailing.json", content: text(hostileJSON + "{}"), codes: [3]int{1, 1, 1},
			mention: same(`^trailing\.json: invalid JSON: more than one value: another starts at byte \d+$`)},
		{name: "big.json", content: func() string { return hostileJSON + strings.Repeat(" ", digest.DefaultMaxSize) },
			codes:   [3]int{1, 1, 1},
			mention: same(`^big\.json: input too large: more than 4194304 bytes \(raise the limit with -max-size\)$`)},
		// An array, which isJSON takes only when valid, is JSON too when
		// it is over the limit: valid but for its end.
		{name: "big-array.json", content: text("[" + hostileJSON + ", " + hostileJSON + "]"),
			flags: []string{"-max-size", "200"}, codes: [3]int{1, 1, 1},
			mention: same(`^big-array\.json: input too large: more than 200 bytes \(raise the limit with -max-size\)$`)},
		{name: "big-bracket.txt", content: text("[Exclusif] Gaza\nSUMMARY\nS\n"),
			flags: []string{"-max-size", "20"}, codes: [3]int{1, 1, 1},
			mention: same(`^big-bracket\.txt:2:5: input too large: more than 20 bytes \(raise the limit with -max-size\)$`)},
		// -max-size raises the limit of a JSON document as of a text.
		{name: "big-raised.json", content: func() string { return hostileJSON + strings.Repeat(" ", digest.DefaultMaxSize) },
			flags: []string{"-max-size", "8388608"}, codes: [3]int{0, 0, 0}},
	}
}

// TestHostileCommand runs parse, fmt and validate on each hostile file and
// checks the exit status, that standard error holds one-line messages of
// the documented forms and what they must say, and what standard output
// holds.
func TestHostileCommand(t *testing.T) {
	inTempDir(t, nil)
	for _, f := range hostileFiles() {
		content := f.content()
		if err := os.WriteFile(f.name, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
		for i, verb := range hostileVerbs {
			t.Run(f.name+"/"+verb, func(t *testing.T) {
				args := append(append([]string{verb}, f.flags...), f.name)
				code, stdout, stderr := runDigest("", args...)
				if code != f.codes[i] {
					t.Errorf("exit status %d, want %d; stderr:\n%.2000s", code, f.codes[i], stderr)
				}
				checkHostileStderr(t, f.name, stderr)
				if (code == 0) != (stderr == "") {
					t.Errorf("exit status %d with stderr %.500q", code, stderr)
				}
				for _, re := range f.mention[i] {
					if !slices.ContainsFunc(strings.Split(stderr, "\n"), regexp.MustCompile(re).MatchString) {
						t.Errorf("no stderr line matches %s:\n%.2000s", re, stderr)
					}
				}
				checkHostileStdout(t, verb, f, content, code, stdout)
			})
		}
	}
}

// stderrLine is the form of a line of standard error: a problem in a text
// at a line and column, a problem of a digest or of a whole document, or
// a failure of the command.
var stderrLine = regexp.MustCompile(`^(?:(?P<file>[^:]+):(?:\d+:\d+: \S| \S)|digest: \S)`)

// checkHostileStderr checks each line of stderr: a message of one of the
// documented forms, short, valid UTF-8, with no trace of a panic.
func checkHostileStderr(t *testing.T, name, stderr string) {
	t.Helper()
	if stderr == "" {
		return
	}
	if !strings.HasSuffix(stderr, "\n") {
		t.Errorf("stderr does not end with a line break: %.200q", stderr)
	}
	for line := range strings.SplitSeq(strings.TrimSuffix(stderr, "\n"), "\n") {
		m := stderrLine.FindStringSubmatch(line)
		switch {
		case m == nil || m[1] != "" && m[1] != name:
			t.Errorf("stderr line of no known form: %.300q", line)
		case len(line) > 1024:
			t.Errorf("stderr line of %d bytes: %.300q…", len(line), line)
		case !utf8.ValidString(line) || strings.ContainsAny(line, "\r\u0085\u2028\u2029\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"):
			t.Errorf("stderr line with bytes that a terminal would not show as they are: %+.300q", line)
		case strings.Contains(line, "goroutine") || strings.Contains(line, "panic") || strings.Contains(line, "runtime."):
			t.Errorf("stderr line looks like a crash: %.300q", line)
		}
	}
}

// checkHostileStdout checks what a verb printed for the file f.
func checkHostileStdout(t *testing.T, verb string, f hostileFile, content string, code int, stdout string) {
	t.Helper()
	p := digest.Parser{}
	for i, flag := range f.flags {
		if flag == "-max-size" {
			fmt.Sscan(f.flags[i+1], &p.MaxSize)
		}
	}
	d, err := p.Parse([]byte(content))
	// The command reads one byte past the limit, as ParseReader does.
	data, limit := []byte(content), cmp.Or(p.MaxSize, digest.DefaultMaxSize)
	if int64(len(data)) > limit {
		data = data[:limit+1]
	}
	if inputIsJSON(data, limit) {
		d, err = p.ValidateJSON([]byte(content))
	}
	switch verb {
	case "parse":
		if d == nil {
			if stdout != "" {
				t.Errorf("parse printed %.200q for an input it rejects", stdout)
			}
			return
		}
		var got digest.Digest
		dec := json.NewDecoder(strings.NewReader(stdout))
		if err := dec.Decode(&got); err != nil {
			t.Fatalf("parse printed no JSON document: %v: %.200q", err, stdout)
		}
		if _, err := dec.Token(); err != io.EOF {
			t.Errorf("parse printed more than one document")
		}
		if fmt.Sprintf("%#v", &got) != fmt.Sprintf("%#v", d) {
			t.Errorf("parse printed another digest than Parse or ValidateJSON reads")
		}
	case "fmt":
		want := ""
		if err == nil {
			want = string(digest.Format(d))
		}
		if p.MaxSize != 0 && int64(len(want)) > p.MaxSize || isJSON([]byte(want), false) {
			want = "" // it would not read back
		}
		if stdout != want {
			t.Errorf("fmt printed %.200q, want %.200q", stdout, want)
		}
	case "validate":
		if stdout != "" {
			t.Errorf("validate printed %.200q", stdout)
		}
	}
}

// TestHostileStdin checks that a hostile standard input is named <stdin>.
func TestHostileStdin(t *testing.T) {
	for _, verb := range hostileVerbs {
		code, _, stderr := runDigest("T\xff\nSUMMARY\nS\n", verb)
		if code != 1 || stderr != "<stdin>:1:2: invalid UTF-8: ff\n" {
			t.Errorf("%s: exit status %d, stderr %q", verb, code, stderr)
		}
	}
}

// TestHostileContextCost checks that -context costs no more than the
// context it shows, however long the line: with -all-errors, a line of n
// control characters has n errors, each shown with 60 characters each
// side of its column.
func TestHostileContextCost(t *testing.T) {
	if race.Enabled {
		t.Skip("the race detector changes what is allocated")
	}
	t.Run("-context -all-errors on a long line", func(t *testing.T) {
		// Each error shows up to 121 characters, control characters as
		// U+FFFD: about 1 KiB of output and of the buffer that holds it.
		const n = 4096
		inTempDir(t, map[string]string{"ctrl.txt": "T\n" + strings.Repeat("\x01", n) + "\n"})
		plain := allocated(func() { runDigest("", "parse", "-all-errors", "ctrl.txt") })
		context := allocated(func() { runDigest("", "parse", "-all-errors", "-context", "ctrl.txt") })
		if context > plain && context-plain > n*8<<10 {
			t.Errorf("-context for %d errors allocates %d bytes, more than 8 KiB an error", n, context-plain)
		}
	})
}

// allocated returns how many bytes f allocates.
func allocated(f func()) uint64 {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	f()
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}
