package main

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"digest"
	"golang.org/x/text/encoding/unicode"
)

func TestValidate(t *testing.T) {
	seed := string(readSeed(t))
	seedJSON, err := os.ReadFile("../../testdata/valid/seed.json")
	if err != nil {
		t.Fatal(err)
	}
	var doc map[string]any
	if err := json.Unmarshal(seedJSON, &doc); err != nil {
		t.Fatal(err)
	}
	doc["title"], doc["summary"] = "", ""
	emptied, err := json.Marshal(doc)
	if err != nil {
		t.Fatal(err)
	}
	unknownType := strings.Replace(seed, "👤 Person_MaleSecrétaire général de", "👤 Persn_MaleSecrétaire général de", 1)

	tests := []struct {
		name   string
		args   []string
		stdin  string
		code   int
		stderr []string // a regexp for each line
	}{
		{name: "text", args: []string{"validate", "seed.txt"}},
		{name: "json", args: []string{"validate", "seed.json"}},
		{name: "json after blanks and BOM", args: []string{"validate", "-"}, stdin: "\uFEFF \n\t" + string(seedJSON)},
		{name: "text and json", args: []string{"validate", "seed.txt", "seed.json"}},
		{
			name:   "text problems",
			args:   []string{"validate", "seed.txt", "broken.txt"},
			code:   1,
			stderr: brokenProblems,
		},
		{
			name:   "invalid text",
			args:   []string{"validate", "unknown.txt"},
			code:   1,
			stderr: []string{`^unknown\.txt: /entities/0/type: `},
		},
		{
			name:   "invalid json",
			args:   []string{"validate", "-"},
			stdin:  " " + string(emptied),
			code:   1,
			stderr: []string{`^<stdin>: /summary: `, `^<stdin>: /title: `}, // sorted by pointer
		},
		{name: "json, an empty object first", args: []string{"validate", "-"}, stdin: "{ }", code: 1, stderr: []string{`^<stdin>: .*missing properties`}},
		{
			name:  "text whose title starts with {",
			args:  []string{"validate", "-"},
			stdin: "{Exclusif} Gaza\nSUMMARY\nUn résumé.\nKEY HIGHLIGHTS\nCORE SUBJECT\nKEYWORDS\nMENTIONED ENTITIES 0\n",
		},
		{
			name:   "json syntax",
			args:   []string{"validate", "-"},
			stdin:  `{"title": `,
			code:   1,
			stderr: []string{`^<stdin>: .`},
		},
		{
			name:   "too large json",
			args:   []string{"validate", "-max-size", "10", "seed.json"},
			code:   1,
			stderr: []string{`^seed\.json: input too large: more than 10 bytes \(raise the limit with -max-size\)$`},
		},
		{
			name:   "missing file",
			args:   []string{"validate", "missing.txt", "seed.txt"},
			code:   2,
			stderr: []string{`^digest: missing\.txt: no such file or directory$`},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			inTempDir(t, map[string]string{
				"seed.txt": seed, "seed.json": string(seedJSON),
				"broken.txt": broken, "unknown.txt": unknownType,
			})
			code, stdout, stderr := runDigest(tt.stdin, tt.args...)
			if code != tt.code {
				t.Errorf("exit status %d, want %d", code, tt.code)
			}
			if stdout != "" {
				t.Errorf("stdout:\n%s\nwant nothing", stdout)
			}
			checkLines(t, stderr, tt.stderr)
		})
	}
}

// TestValidateTestdata checks the verdict on every file of
// testdata/valid and testdata/invalid, whose expect.tsv gives the JSON
// Pointer of the first problem of each file.
func TestValidateTestdata(t *testing.T) {
	valid, err := filepath.Glob("../../testdata/valid/*.json")
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range valid {
		code, _, stderr := runDigest("", "validate", name)
		if code != 0 {
			t.Errorf("validate %s: exit status %d, want 0; stderr:\n%s", name, code, stderr)
		}
	}

	f, err := os.Open("../../testdata/invalid/expect.tsv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	s := bufio.NewScanner(f)
	for s.Scan() {
		file, pointer, _ := strings.Cut(s.Text(), "\t")
		pointer, _, _ = strings.Cut(pointer, "\t")
		name := "../../testdata/invalid/" + file
		code, _, stderr := runDigest("", "validate", name)
		if code != 1 {
			t.Errorf("validate %s: exit status %d, want 1; stderr:\n%s", name, code, stderr)
			continue
		}
		want := regexp.MustCompile("(?m)^" + regexp.QuoteMeta(name+": "+pointer) + "(: |/)")
		if pointer == "" {
			want = regexp.MustCompile("(?m)^" + regexp.QuoteMeta(name+": "))
		}
		if !want.MatchString(stderr) {
			t.Errorf("validate %s: no problem at %q; stderr:\n%s", name, pointer, stderr)
		}
	}
	if err := s.Err(); err != nil {
		t.Fatal(err)
	}
}

func TestSchema(t *testing.T) {
	code, stdout, stderr := runDigest("", "schema")
	if code != 0 || stderr != "" {
		t.Fatalf("exit status %d, stderr:\n%s", code, stderr)
	}
	if strings.TrimSuffix(stdout, "\n") != strings.TrimSuffix(string(digest.Schema()), "\n") {
		t.Errorf("stdout is not digest.Schema():\n%s", stdout)
	}
	if !json.Valid([]byte(stdout)) {
		t.Errorf("stdout is not JSON:\n%s", stdout)
	}

	code, stdout, stderr = runDigest("", "schema", "x")
	if code != 2 || stdout != "" {
		t.Errorf("schema x: exit status %d, stdout %q; want 2 and nothing", code, stdout)
	}
	checkLines(t, stderr, []string{`^digest: schema: too many arguments \(run 'digest help schema'\)$`})
}

// TestIsJSON checks how the verbs tell a JSON document from a text whose
// title starts with "{".
func TestIsJSON(t *testing.T) {
	type jsonCase struct {
		data string
		want bool
	}
	whole := []jsonCase{
		{`{"title":"T"}`, true},
		{"\uFEFF \n{\n  \"title\": \"T\"}", true},
		{`{"ti\"tle" : 1}`, true},
		{"{}", true},
		{"{ }\n", true},
		{"{", true},              // cut short
		{`{"tit`, true},          // cut short in the first key
		{`{"title"`, true},       // cut short after it
		{`{"a\\`, true},          // cut short in an escape
		{`{"Gaza": trêve`, true}, // a title can read as JSON: documented
		{"{Exclusif} Gaza\nSUMMARY\n", false},
		{"{\"Gaza\"} : trêve\nSUMMARY\n", false},
		{"{} Gaza\nSUMMARY\n", false},
		{"{\"Gaza\nSUMMARY\n", false},
		// Every line break of FORMAT.md §1.2 ends the title, and an
		// escape does not take one.
		{"{\"Gaza\rSUMMARY\rS\r", false},
		{"{\"Gaza\r\nSUMMARY\r\n", false},
		{"{\"Gaza\u0085SUMMARY\u0085S", false},
		{"{\"Gaza\u2028SUMMARY\u2028S", false},
		{"{\"Gaza\u2029SUMMARY\u2029S", false},
		{"{\"a\\\n\": x\nSUMMARY\nS\n", false},
		{"{\"a\\\" b\": x\nSUMMARY\nS\n", true}, // an escaped quote does not end the key
		{"{\"a\\\r\": x\rSUMMARY\rS\r", false},
		{"{\r\n  \"title\": \"T\"\r\n}", true},
		{"{\r\n  \"title\": \"T\",\r\n", true}, // cut short, with CRLF
		{"{\"a\u2027\": 1}", true},
		{"{\"Gaza\"\n: le point\nSUMMARY\n", false},
		{"{\"Gaza\" \r: le point\rSUMMARY\r", false},
		{"{\"Gaza\"\n\n:x\nSUMMARY\n", false},
		{"{\"Gaza\" \t: x", true},
		{"{\"Gaza\", trêve\nSUMMARY\n", false}, // a comma is no colon
		{"{Gaza\": trêve\nSUMMARY\n", false},   // no key: no opening quote
		{"{\"\\\" b\": x\nSUMMARY\nS\n", true}, // an escaped quote first in the key
		{"{\"a\\\\\": x\nSUMMARY\nS\n", true},  // an escaped backslash last in the key
		{"{\"Gaza\n", false},                   // a line break as the last byte
		{"\r\n{\"title\": \"T\"}", true},       // JSON's white space before '{'
		{"\v{\"title\": \"T\"}", false},        // not JSON's white space
		{"\f{\"title\": \"T\"}", false},
		{"[1, 2]\u00a0", false}, // JSON's white space only after a value
		{"Titre\nSUMMARY\n{\"a\":1}\n", false},
		{"", false},
		{"\uFEFF", false},
		// Valid JSON in any layout, an array among them; a title may
		// start with '['.
		{"[]", true},
		{" [\n{\"title\": \"T\"}\n]\n", true},
		{"{\"Gaza\"\n: 1}", true},
		{"[Exclusif] Gaza\nSUMMARY\n", false},
		{"[1, 2]\nSUMMARY\n", false},
		{"[", false},
		// A text whose lines break at U+2028 may be valid JSON.
		{"[\"Titre\u2028SUMMARY\u2028Résumé.\"]", false},
		{"[\"Titre\u0085SUMMARY\u0085Résumé.\"]", false},
		{"{\"Titre\u2029SUMMARY\u2029Résumé.\" \n: 1}", false},
		// UTF-16, with its byte order mark or without.
		{"{\x00}\x00", true},
		{"\x00[", true},
		{"\xff\xfe{\x00", true},
		{"\xfe\xff\x00{", true},
		{"\uFEFF\xff\xfe[\x00", true},
		// UTF-32, with its byte order mark or without.
		{"{\x00\x00\x00", true},
		{"\x00\x00\x00[", true},
		{"\xff\xfe\x00\x00{\x00\x00\x00", true},
		{"\x00\x00\xfe\xff\x00\x00\x00[", true},
		{"\xff\xfe\x00\x00T\x00\x00\x00", false},
		{"T\x00i\x00", false},
		{"\x00\x00", false},
	}
	// The start of an input over -max-size: an array or object that may
	// be valid JSON once whole is JSON.
	cut := []jsonCase{
		{"[1, 2, 3", true},
		{`["a", "b`, true},
		{"[1, 2]  \n ", true}, // a whole value, then white space
		{"[1, 2]\r\n\r\n", true},
		{"{\n\"Gaza\"\n: [1", true},
		{"[1, 2] x", false},
		{"[1, 2]\nSUMMARY\n", false},
		{"[1, 2]]", false},
		{"[Exclusif] Gaza\nSUM", false},
		{"[\"Titre\u2028SUMMARY\u2028R", false},
		{"{\"Gaza\"} x", false},
	}
	for _, set := range []struct {
		cut   bool
		cases []jsonCase
	}{{false, whole}, {true, cut}} {
		for _, tt := range set.cases {
			if got := isJSON([]byte(tt.data), set.cut); got != tt.want {
				t.Errorf("isJSON(%q, %v) = %v, want %v", tt.data, set.cut, got, tt.want)
			}
		}
	}
}

// TestBraceTitle checks that a text whose title starts with "{" or "["
// reads as text with every verb, whatever its line breaks, even when the
// title alone is valid JSON, and that fmt reads back what it prints.
func TestBraceTitle(t *testing.T) {
	for _, title := range []string{`{Exclusif} Gaza`, `{"Gaza"} : trêve`, `{} Gaza`, `{"Gaza`, `[Vidéo] Gaza`, `[1, 2]`, `[]`, `{}`} {
		for _, br := range []string{"\r", "\u2028"} {
			text := title + br + "SUMMARY" + br + "Un résumé." + br
			if code, _, stderr := runDigest(text, "validate"); code != 0 || stderr != "" {
				t.Errorf("validate of the title %q, line break %+q: exit status %d, stderr %q", title, br, code, stderr)
			}
		}
		text := title + "\nSUMMARY\nUn résumé.\n"
		code, canonical, stderr := runDigest(text, "fmt")
		if code != 0 || stderr != "" || !strings.HasPrefix(canonical, title+"\n") {
			t.Errorf("fmt of the title %q: exit status %d, stderr %q, stdout %q", title, code, stderr, canonical)
			continue
		}
		if code, again, stderr := runDigest(canonical, "fmt"); code != 0 || stderr != "" || again != canonical {
			t.Errorf("fmt of fmt's output for the title %q: exit status %d, stderr %q, stdout %q, want %q", title, code, stderr, again, canonical)
		}
		if code, _, stderr := runDigest(canonical, "validate"); code != 0 || stderr != "" {
			t.Errorf("validate of the title %q: exit status %d, stderr %q", title, code, stderr)
		}
		if code, js, _ := runDigest(canonical, "parse"); code != 0 || !strings.Contains(js, strconv.Quote(title)) {
			t.Errorf("parse of the title %q: exit status %d, stdout %q", title, code, js)
		}
	}
}

// TestUTF16Input checks that an input in UTF-16 is named as such, in any
// script: as a JSON document when it starts with '{' or '[', whose message
// says that the document looks like UTF-16, and as a text otherwise.
func TestUTF16Input(t *testing.T) {
	encode := func(s string, bigEndian bool) string {
		order := unicode.LittleEndian
		if bigEndian {
			order = unicode.BigEndian
		}
		out, err := unicode.UTF16(order, unicode.IgnoreBOM).NewEncoder().String(s)
		if err != nil {
			t.Fatal(err)
		}
		return out
	}
	for _, tt := range []struct{ text, want string }{
		{"[视频] 标题\nSUMMARY\n摘要\n", "the document looks like UTF-16"},
		{"{\"title\": \"标题\"}", "the document looks like UTF-16"},
		{"视频标题\nSUMMARY\n摘要\n", "the text looks like UTF-16"},
	} {
		for _, bigEndian := range []bool{false, true} {
			in := encode(tt.text, bigEndian)
			code, stdout, stderr := runDigest(in, "validate")
			if code != 1 || stdout != "" || !strings.Contains(stderr, tt.want) {
				t.Errorf("validate of %q in UTF-16 (big-endian %v): exit status %d, stderr %q; want 1 and %q", tt.text, bigEndian, code, stderr, tt.want)
			}
		}
	}
}
