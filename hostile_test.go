package digest

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"reflect"
	"runtime"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"
	"testing/iotest"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"digest/internal/race"
)

// This file is a catalogue of hostile input: for each input, the exact
// outcome that FORMAT.md and the package documentation promise. Whatever
// arrives, the library must answer with a clear error or a correct result:
// never a panic, a hang, unbounded memory, or a digest that means
// something else than its input.

// A hostileCase is one hostile input and what must come of it.
type hostileCase struct {
	name string

	in  string        // the input, or
	gen func() string // one too large to write out

	via hostileEntry

	// want is every error, in order; nil for none. checkErr, when set,
	// replaces the comparison with want.
	want     []hostileWant
	checkErr func(t *testing.T, err error)

	nilDigest bool                          // the digest must be nil
	check     func(t *testing.T, d *Digest) // checks the digest, when not nil
}

// A hostileWant is one expected error: a sentinel at a position of the
// text (line and column) or of the digest (JSON Pointer).
type hostileWant struct {
	line, col int
	ptr       string
	err       error
	msg       string // a part of the message, or ""
}

// posErr returns an expected error at line and column.
func posErr(line, col int, err error) hostileWant {
	return hostileWant{line: line, col: col, err: err}
}

// ptrErr returns an expected error at a JSON Pointer.
func ptrErr(ptr string, err error) hostileWant {
	return hostileWant{ptr: ptr, err: err}
}

// saying returns w with a part its message must hold.
func (w hostileWant) saying(msg string) hostileWant {
	w.msg = msg
	return w
}

func (w hostileWant) String() string {
	s := w.ptr
	if w.line != 0 {
		s = fmt.Sprintf("%d:%d", w.line, w.col)
	}
	s += ": " + fmt.Sprint(w.err)
	if w.msg != "" {
		s += fmt.Sprintf(" (saying %q)", w.msg)
	}
	return s
}

// posErrs returns the same error at column col of each line from first
// to last.
func posErrs(first, last, col int, err error) []hostileWant {
	var w []hostileWant
	for line := first; line <= last; line++ {
		w = append(w, posErr(line, col, err))
	}
	return w
}

// A hostileEntry is an entry point of the library.
type hostileEntry struct {
	name string
	text bool // reports an ErrorList of positions, else ValidationErrors
	run  func(in []byte) (*Digest, error)
}

var (
	viaParse       = hostileEntry{"Parse", true, Parse}
	viaParseReader = hostileEntry{"ParseReader", true, func(in []byte) (*Digest, error) {
		return ParseReader(iotest.HalfReader(bytes.NewReader(in)))
	}}
	viaValidateJSON = hostileEntry{"ValidateJSON", false, ValidateJSON}
)

// viaParser returns the entry point p.Parse.
func viaParser(p Parser) hostileEntry {
	return hostileEntry{fmt.Sprintf("Parser%+v.Parse", p), true, p.Parse}
}

// viaParserReader returns the entry point p.ParseReader.
func viaParserReader(p Parser) hostileEntry {
	return hostileEntry{fmt.Sprintf("Parser%+v.ParseReader", p), true, func(in []byte) (*Digest, error) {
		return p.ParseReader(bytes.NewReader(in))
	}}
}

// viaValidate returns an entry point that validates the digest that d
// returns, whatever the input.
func viaValidate(d func() *Digest) hostileEntry {
	return hostileEntry{"Validate", false, func([]byte) (*Digest, error) {
		dg := d()
		return dg, Validate(dg)
	}}
}

// minimalJSON is the JSON form of a small valid digest.
const minimalJSON = `{"title":"T","subtitle":"","summary":"S","highlights":[],"core_subject":{"heading":"","paragraphs":[]},"keywords":[],"entities":[]}`

// jsonWith returns minimalJSON with old replaced by new, each pair once.
func jsonWith(pairs ...string) string {
	doc := minimalJSON
	for i := 0; i < len(pairs); i += 2 {
		if !strings.Contains(doc, pairs[i]) {
			panic("jsonWith: no " + pairs[i])
		}
		doc = strings.Replace(doc, pairs[i], pairs[i+1], 1)
	}
	return doc
}

// sizedText returns a text of exactly n bytes: a title, a SUMMARY header
// and a summary of 'x'.
func sizedText(n int) string {
	const head = "T\nSUMMARY\n"
	return head + strings.Repeat("x", n-len(head))
}

// sizedCanonical returns a text of exactly n bytes in the canonical form:
// a title and a summary of 'x'.
func sizedCanonical(n int) string {
	const head, tail = "T\nSUMMARY\n", "\nKEY HIGHLIGHTS\nCORE SUBJECT\nKEYWORDS\nMENTIONED ENTITIES 0\n"
	return head + strings.Repeat("x", n-len(head)-len(tail)) + tail
}

// wantCanonical is a check that the digest formats to sizedCanonical(n).
func wantCanonical(n int) func(t *testing.T, d *Digest) {
	return func(t *testing.T, d *Digest) {
		if string(Format(d)) != sizedCanonical(n) {
			t.Errorf("the digest does not format to its input: summary of %d bytes", len(d.Summary))
		}
	}
}

// longLine returns a line of n bytes of ordinary text: words and single
// spaces, neither starting nor ending with a space.
func longLine(n int) string {
	const words = "Lorem ipsum dolor sit amet, consectetur adipiscing elit; la Ligue arabe à Djeddah. "
	s := strings.Repeat(words, n/len(words)+1)[:n]
	return s[:n-1] + "x"
}

// manyEntities returns a text with n entities, their type lines written
// in three ways: icon and type, icon glued to type and a colon, and a type
// without icon.
func manyEntities(n int) string {
	var b strings.Builder
	fmt.Fprintf(&b, "Titre\nSUMMARY\nRésumé.\nMENTIONED ENTITIES %d\n", n)
	types := EntityTypes()
	for i := range n {
		t := types[i%len(types)]
		fmt.Fprintf(&b, "Entité %d\n", i)
		switch i % 3 {
		case 0:
			fmt.Fprintf(&b, "%s %s Description %d\n", t.Icon(), t, i)
		case 1:
			fmt.Fprintf(&b, "%s%s: Description %d\n", t.Icon(), strings.ToUpper(string(t)), i)
		default:
			fmt.Fprintf(&b, "%s — Description %d\n", t, i)
		}
	}
	return b.String()
}

func checkManyEntities(n int) func(t *testing.T, d *Digest) {
	return func(t *testing.T, d *Digest) {
		if len(d.Entities) != n {
			t.Fatalf("%d entities, want %d", len(d.Entities), n)
		}
		types := EntityTypes()
		for i, e := range d.Entities {
			want := Entity{Name: fmt.Sprint("Entité ", i), Type: types[i%len(types)], Description: fmt.Sprint("Description ", i)}
			if e != want {
				t.Fatalf("entity %d is %+v, want %+v", i, e, want)
			}
		}
	}
}

// wantTitle returns a check that the title is want, and the summary sum.
func wantTitle(want, sum string) func(t *testing.T, d *Digest) {
	return func(t *testing.T, d *Digest) {
		if d.Title != want {
			t.Errorf("title %+q, want %+q", cut(d.Title), cut(want))
		}
		if d.Summary != sum {
			t.Errorf("summary %+q, want %+q", cut(d.Summary), cut(sum))
		}
	}
}

// wantSubtitle returns a check that the subtitle is want and the summary
// empty: a line that looks like a header but is not one.
func wantSubtitle(want string) func(t *testing.T, d *Digest) {
	return func(t *testing.T, d *Digest) {
		if d.Subtitle != want || d.Summary != "" || len(d.Keywords) != 0 {
			t.Errorf("subtitle %+q, summary %+q, keywords %q; want subtitle %+q alone", d.Subtitle, d.Summary, d.Keywords, want)
		}
	}
}

// wantEntities returns a check that the entities are want.
func wantEntities(want ...Entity) func(t *testing.T, d *Digest) {
	return func(t *testing.T, d *Digest) {
		if fmt.Sprintf("%+q", d.Entities) != fmt.Sprintf("%+q", want) {
			t.Errorf("entities %+q, want %+q", d.Entities, want)
		}
	}
}

// cut returns s cut to 80 bytes, for messages.
func cut(s string) string {
	if len(s) > 80 {
		return fmt.Sprintf("%s…(%d bytes)", s[:80], len(s))
	}
	return s
}

func hostileCases() []hostileCase {
	return []hostileCase{
		// Invalid UTF-8: one error for each run of bad bytes, each bad
		// byte read as U+FFFD.
		{
			name:  "utf8 stray continuation byte",
			in:    "T\x80itle\nSUMMARY\nS\n",
			via:   viaParse,
			want:  []hostileWant{posErr(1, 2, ErrInvalidUTF8).saying("80")},
			check: wantTitle("T\uFFFDitle", "S"),
		},
		{
			name:  "utf8 run of continuation bytes is one error",
			in:    "Ti\x80\x80\xbftle\n",
			via:   viaParse,
			want:  []hostileWant{posErr(1, 3, ErrInvalidUTF8).saying("80 80 bf")},
			check: wantTitle("Ti\uFFFD\uFFFD\uFFFDtle", ""),
		},
		{
			name:  "utf8 overlong NUL",
			in:    "T\xc0\x80x\n",
			via:   viaParse,
			want:  []hostileWant{posErr(1, 2, ErrInvalidUTF8).saying("c0 80")},
			check: wantTitle("T\uFFFD\uFFFDx", ""),
		},
		{
			name:  "utf8 overlong 3-byte slash",
			in:    "T\xe0\x80\xafx\n",
			via:   viaParse,
			want:  []hostileWant{posErr(1, 2, ErrInvalidUTF8)},
			check: wantTitle("T\uFFFD\uFFFD\uFFFDx", ""),
		},
		{
			name:  "utf8 overlong 4-byte",
			in:    "T\xf0\x80\x80\xafx\n",
			via:   viaParse,
			want:  []hostileWant{posErr(1, 2, ErrInvalidUTF8)},
			check: wantTitle("T\uFFFD\uFFFD\uFFFD\uFFFDx", ""),
		},
		{
			name:  "utf8 encoded surrogate",
			in:    "T\xed\xa0\x80x\n",
			via:   viaParse,
			want:  []hostileWant{posErr(1, 2, ErrInvalidUTF8).saying("ed a0 80")},
			check: wantTitle("T\uFFFD\uFFFD\uFFFDx", ""),
		},
		{
			name:  "utf8 CESU-8 surrogate pair",
			in:    "T\xed\xa0\xbd\xed\xb8\x80x\n",
			via:   viaParse,
			want:  []hostileWant{posErr(1, 2, ErrInvalidUTF8)},
			check: wantTitle("T"+strings.Repeat("\uFFFD", 6)+"x", ""),
		},
		{
			name:  "utf8 above U+10FFFF",
			in:    "T\xf4\x90\x80\x80x\n",
			via:   viaParse,
			want:  []hostileWant{posErr(1, 2, ErrInvalidUTF8)},
			check: wantTitle("T\uFFFD\uFFFD\uFFFD\uFFFDx", ""),
		},
		{
			name:  "utf8 bytes that never occur",
			in:    "\xf5\xfe\xffT\n",
			via:   viaParse,
			want:  []hostileWant{posErr(1, 1, ErrInvalidUTF8).saying("f5 fe ff")},
			check: wantTitle("\uFFFD\uFFFD\uFFFDT", ""),
		},
		{
			name:  "utf8 truncated 2-byte sequence at end of input",
			in:    "T\nSUMMARY\nab\xc3",
			via:   viaParse,
			want:  []hostileWant{posErr(3, 3, ErrInvalidUTF8)},
			check: wantTitle("T", "ab\uFFFD"),
		},
		{
			name:  "utf8 truncated 3-byte sequence at end of input",
			in:    "T\nSUMMARY\nab\xe2\x82",
			via:   viaParse,
			want:  []hostileWant{posErr(3, 3, ErrInvalidUTF8).saying("e2 82")},
			check: wantTitle("T", "ab\uFFFD\uFFFD"),
		},
		{
			name:  "utf8 truncated 4-byte sequence at end of input",
			in:    "T\nSUMMARY\nab\xf0\x9f\x98",
			via:   viaParse,
			want:  []hostileWant{posErr(3, 3, ErrInvalidUTF8)},
			check: wantTitle("T", "ab\uFFFD\uFFFD\uFFFD"),
		},
		{
			name:  "utf8 truncated sequence before a line break",
			in:    "T\xe2\x82\r\nSUMMARY\nS\n",
			via:   viaParse,
			want:  []hostileWant{posErr(1, 2, ErrInvalidUTF8)},
			check: wantTitle("T\uFFFD\uFFFD", "S"),
		},
		{
			name:  "utf8 truncated NEL is not a line break",
			in:    "T\xc2\nSUMMARY\nS\n",
			via:   viaParse,
			want:  []hostileWant{posErr(1, 2, ErrInvalidUTF8)},
			check: wantTitle("T\uFFFD", "S"),
		},
		{
			name:  "utf8 truncated byte order mark",
			in:    "\xef\xbbT\n",
			via:   viaParse,
			want:  []hostileWant{posErr(1, 1, ErrInvalidUTF8)},
			check: wantTitle("\uFFFD\uFFFDT", ""),
		},
		{
			name:  "utf8 two runs on one line are two errors",
			in:    "\xffa\xff\n",
			via:   viaParse,
			want:  []hostileWant{posErr(1, 1, ErrInvalidUTF8), posErr(1, 3, ErrInvalidUTF8)},
			check: wantTitle("\uFFFDa\uFFFD", ""),
		},
		{
			name:  "utf8 bad byte in a header: not a header",
			in:    "T\nSUMM\xffARY\nS\n",
			via:   viaParse,
			want:  []hostileWant{posErr(2, 5, ErrInvalidUTF8)},
			check: wantSubtitle("SUMM\uFFFDARY\nS"),
		},
		{
			name: "utf8 a 1 MiB run of bad bytes is one error, quoted short",
			gen:  func() string { return "T\n" + strings.Repeat("\xff", 1<<20) + "\nSUMMARY\nS\n" },
			via:  viaParse,
			want: []hostileWant{posErr(2, 1, ErrInvalidUTF8).saying("ff ff ff ff ff ff ff ff")},
			check: func(t *testing.T, d *Digest) {
				if d.Subtitle != strings.Repeat("\uFFFD", 1<<20) || d.Summary != "S" {
					t.Errorf("subtitle %+q, summary %+q; want 1 Mi U+FFFD and S", cut(d.Subtitle), d.Summary)
				}
			},
		},

		// NFC: letters that make two segments each
		// (TestValidateNotNFCThenParse reads them after Validate).
		{
			name:  "Tibetan letters that NFC splits",
			in:    "\u0F43\u0FB9\nSUMMARY\nCafe\u0301 \u0F43\n",
			via:   viaParse,
			check: wantTitle("\u0F42\u0FB7\u0F90\u0FB5", "Café \u0F42\u0FB7"),
		},

		// Control characters: reported, kept in the partial result.
		{
			name:  "NUL",
			in:    "Ti\x00tle\nSUMMARY\nS\n",
			via:   viaParse,
			want:  []hostileWant{posErr(1, 3, ErrControlChar).saying("U+0000")},
			check: wantTitle("Ti\x00tle", "S"),
		},
		{
			name: "C0 controls and DEL",
			in:   "T\x01x\x1by\x7fz\n",
			via:  viaParse,
			want: []hostileWant{
				posErr(1, 2, ErrControlChar).saying("U+0001"),
				posErr(1, 4, ErrControlChar).saying("U+001B"),
				posErr(1, 6, ErrControlChar).saying("U+007F"),
			},
			check: wantTitle("T\x01x\x1by\x7fz", ""),
		},
		{
			name: "C1 controls",
			in:   "T\u0080x\u009fy\n",
			via:  viaParse,
			want: []hostileWant{
				posErr(1, 2, ErrControlChar).saying("U+0080"),
				posErr(1, 5, ErrControlChar).saying("U+009F"),
			},
			check: wantTitle("T\u0080x\u009fy", ""),
		},
		{
			name:  "NEL is a line break, not a control character",
			in:    "T\u0085SUMMARY\u0085S",
			via:   viaParse,
			check: wantTitle("T", "S"),
		},
		{
			name: "VT and FF at line ends are reported and trimmed",
			in:   "T\x0b\nSUMMARY\x0c\nS\n",
			via:  viaParse,
			want: []hostileWant{
				posErr(1, 2, ErrControlChar).saying("U+000B"),
				posErr(2, 8, ErrControlChar).saying("U+000C"),
			},
			check: wantTitle("T", "S"),
		},
		{
			name:  "tab is not a control character",
			in:    "T\t\tx\nSUMMARY\n\tS\t\n",
			via:   viaParse,
			check: wantTitle("T x", "S"),
		},
		{
			name:  "NUL inside a header: not a header",
			in:    "T\nSUM\x00MARY\nS\n",
			via:   viaParse,
			want:  []hostileWant{posErr(2, 4, ErrControlChar)},
			check: wantSubtitle("SUM\x00MARY\nS"),
		},
		{
			name:  "control character after a byte order mark at the start",
			in:    "\uFEFF\x7fT\n",
			via:   viaParse,
			want:  []hostileWant{posErr(1, 1, ErrControlChar)},
			check: wantTitle("\x7fT", ""),
		},

		// Byte order marks.
		{
			name:  "BOM in the middle of lines is removed",
			in:    "Ti\uFEFFtle\nSUM\uFEFFMARY\nS\uFEFF\uFEFFx\n",
			via:   viaParse,
			check: wantTitle("Title", "Sx"),
		},
		{
			name:  "BOM at the start of a later line counts in columns",
			in:    "T\n\uFEFF\x01x\n",
			via:   viaParse,
			want:  []hostileWant{posErr(2, 4, ErrControlChar)},
			check: wantSubtitle("\x01x"),
		},
		{
			name:  "two BOMs at the start",
			in:    "\uFEFF\uFEFF\x01T\n",
			via:   viaParse,
			want:  []hostileWant{posErr(1, 4, ErrControlChar)},
			check: wantTitle("\x01T", ""),
		},

		// Line breaks.
		{
			name:  "lone CRs",
			in:    "T\rSub\rSUMMARY\rS1\rS2\r\x01\r",
			via:   viaParse,
			want:  []hostileWant{posErr(6, 1, ErrControlChar)},
			check: wantTitle("T", "S1\nS2\n\x01"),
		},
		{
			name: "mixed line breaks give the right line numbers",
			in:   "T\r\nSub\rSUMMARY\nS1\u2028S2\u2029S3\u0085KEY HIGHLIGHTS\r\r\n- h\n\x01",
			via:  viaParse,
			want: []hostileWant{posErr(10, 1, ErrControlChar)},
			check: func(t *testing.T, d *Digest) {
				if d.Subtitle != "Sub" || d.Summary != "S1\nS2\nS3" || fmt.Sprint(d.Highlights) != "[h \x01]" {
					t.Errorf("subtitle %+q, summary %+q, highlights %+q", d.Subtitle, d.Summary, d.Highlights)
				}
			},
		},
		{
			name:  "LF then CR is two line breaks",
			in:    "T\n\rSUMMARY\n\x01",
			via:   viaParse,
			want:  []hostileWant{posErr(4, 1, ErrControlChar)},
			check: wantTitle("T", "\x01"),
		},
		{
			name: "empty input",
			in:   "",
			via:  viaParse,
			want: []hostileWant{posErr(1, 1, ErrMissingTitle)},
		},
		{
			name: "only blank lines",
			in:   "\n \r\n\t\u00a0\u2028\u3000\u202f\n\u200b\u2060\n\n",
			via:  viaParse,
			want: []hostileWant{posErr(1, 1, ErrMissingTitle)},
			check: func(t *testing.T, d *Digest) {
				if d.Title != "" || d.Subtitle != "" {
					t.Errorf("title %+q, subtitle %+q from blank lines", d.Title, d.Subtitle)
				}
			},
		},
		{
			name:  "a million blank lines",
			gen:   func() string { return "T\n" + strings.Repeat("\n", 1_000_000) + "SUMMARY\nS\n\x01\n" },
			via:   viaParse,
			want:  []hostileWant{posErr(1_000_004, 1, ErrControlChar)},
			check: wantTitle("T", "S\n\x01"),
		},
		{
			name: "a million blank lines of every kind",
			gen: func() string {
				// Five lines: CRLF, LF after a space, CR after a tab, U+2028,
				// NEL after a no-break space.
				return "T\n" + strings.Repeat("\r\n \n\t\r\u2028\u00a0\u0085", 200_000) + "SUMMARY\nS\n\x01\n"
			},
			via:   viaParse,
			want:  []hostileWant{posErr(1_000_004, 1, ErrControlChar)},
			check: wantTitle("T", "S\n\x01"),
		},

		// Headers.
		{
			name: "only headers",
			in:   "SUMMARY\nKEY HIGHLIGHTS\nCORE SUBJECT\nKEYWORDS\nMENTIONED ENTITIES\n",
			via:  viaParse,
			want: []hostileWant{posErr(1, 1, ErrMissingTitle).saying("SUMMARY")},
			check: func(t *testing.T, d *Digest) {
				want := &Digest{Highlights: []string{}, CoreSubject: CoreSubject{Paragraphs: []string{}}, Keywords: []string{}, Entities: []Entity{}}
				if fmt.Sprintf("%#v", d) != fmt.Sprintf("%#v", want) {
					t.Errorf("digest %#v, want an empty one with empty lists", d)
				}
			},
		},
		{
			name: "every header twice: errors at the second, lines join the first",
			in: "T\nSUMMARY\na\nKEY HIGHLIGHTS\n- h1\nCORE SUBJECT\nHead\np1.\nKEYWORDS\nk1\nMENTIONED ENTITIES 2\nA\n👤 Person_Male a\n" +
				"SUMMARY\nb\nKEY HIGHLIGHTS\n- h2\nCORE SUBJECT\np2.\nKEYWORDS\nk2\nMENTIONED ENTITIES 2\nB\n📍 Location b\n",
			via: viaParse,
			want: []hostileWant{
				posErr(14, 1, ErrDuplicateSection).saying("SUMMARY (first at line 2)"),
				posErr(16, 1, ErrDuplicateSection).saying("KEY HIGHLIGHTS (first at line 4)"),
				posErr(18, 1, ErrDuplicateSection).saying("CORE SUBJECT (first at line 6)"),
				posErr(20, 1, ErrDuplicateSection).saying("KEYWORDS (first at line 9)"),
				posErr(22, 1, ErrDuplicateSection).saying("MENTIONED ENTITIES (first at line 11)"),
			},
			check: func(t *testing.T, d *Digest) {
				want := &Digest{
					Title: "T", Summary: "a\nb", Highlights: []string{"h1", "h2"},
					CoreSubject: CoreSubject{Heading: "Head", Paragraphs: []string{"p1.", "p2."}},
					Keywords:    []string{"k1", "k2"},
					Entities:    []Entity{{"A", PersonMale, "a"}, {"B", Location, "b"}},
				}
				if fmt.Sprintf("%#v", d) != fmt.Sprintf("%#v", want) {
					t.Errorf("digest\n%#v\nwant\n%#v", d, want)
				}
			},
		},
		{
			name: "100 000 duplicate headers: 10 errors and a count",
			gen:  func() string { return "T\n" + strings.Repeat("SUMMARY\n", 100_000) },
			via:  viaParse,
			want: append(posErrs(3, 12, 1, ErrDuplicateSection),
				posErr(13, 1, ErrTooManyErrors).saying("99989 more not shown")),
		},
		{
			name: "100 000 duplicate entity headers with a count",
			gen:  func() string { return "T\nSUMMARY\nS\n" + strings.Repeat("MENTIONED ENTITIES 0\n", 100_000) },
			via:  viaParse,
			want: append(posErrs(5, 14, 1, ErrDuplicateSection),
				posErr(15, 1, ErrTooManyErrors).saying("99989 more not shown")),
		},
		{
			name:  "Cyrillic С in SUMMARY: not a header",
			in:    "T\n\u0421UMMARY\nS\n",
			via:   viaParse,
			check: wantSubtitle("\u0421UMMARY\nS"),
		},
		{
			name:  "Greek Kappa in KEYWORDS: not a header",
			in:    "T\n\u039aEYWORDS\nk\n",
			via:   viaParse,
			check: wantSubtitle("\u039aEYWORDS\nk"),
		},
		{
			name:  "fullwidth SUMMARY: not a header",
			in:    "T\n\uff33\uff35\uff2d\uff2d\uff21\uff32\uff39\nS\n",
			via:   viaParse,
			check: wantSubtitle("\uff33\uff35\uff2d\uff2d\uff21\uff32\uff39\nS"),
		},
		{
			name:  "zero-width joiner inside SUMMARY: not a header",
			in:    "T\nSUM\u200dMARY\nS\n",
			via:   viaParse,
			check: wantSubtitle("SUM\u200dMARY\nS"),
		},
		{
			name:  "zero-width space inside SUMMARY is removed: a header",
			in:    "T\nSUM\u200bMARY\nS\n",
			via:   viaParse,
			check: wantTitle("T", "S"),
		},
		{
			name: "Kelvin sign folds to k: a header",
			in:   "T\n\u212aEYWORDS\nk\n",
			via:  viaParse,
			check: func(t *testing.T, d *Digest) {
				if d.Subtitle != "" || fmt.Sprint(d.Keywords) != "[k]" {
					t.Errorf("subtitle %+q, keywords %q; want keywords [k]", d.Subtitle, d.Keywords)
				}
			},
		},
		{
			name:  "negative entity count: not a header",
			in:    "T\nSUMMARY\nS\nMENTIONED ENTITIES -1\n",
			via:   viaParse,
			check: wantTitle("T", "S\nMENTIONED ENTITIES -1"),
		},

		{
			// golang.org/x/text/unicode/norm follows the stream-safe text
			// format of UAX #15: it puts U+034F after 30 combining marks.
			name: "40 combining marks on one letter",
			in:   "Te" + strings.Repeat("\u0301", 40) + "\nSUMMARY\nS\n",
			via:  viaParse,
			check: func(t *testing.T, d *Digest) {
				if got := strings.ReplaceAll(d.Title, "\u034F", ""); got != "T\u00e9"+strings.Repeat("\u0301", 39) {
					t.Errorf("title %+q, want the letter composed with the first mark", d.Title)
				}
			},
		},

		// Entities.
		{
			name:  "60 000 entities",
			gen:   func() string { return manyEntities(60_000) },
			via:   viaParse,
			check: checkManyEntities(60_000),
		},
		{
			name: "icon-only lines",
			in:   "T\nMENTIONED ENTITIES\nA\n👤\n🏛️\n",
			via:  viaParse,
			// The type name is due at the end of each line.
			want: []hostileWant{
				posErr(4, 5, ErrNoTypeName),
				posErr(5, 1, ErrOrphanType),
				posErr(5, 8, ErrNoTypeName),
			},
			check: wantEntities(Entity{Name: "A"}, Entity{}),
		},
		{
			name:  "right-to-left override between icon and type: no type name",
			in:    "T\nMENTIONED ENTITIES\nA\n👤\u202EPerson_Male\u202C d\n",
			via:   viaParse,
			want:  []hostileWant{posErr(4, 5, ErrNoTypeName).saying(`\u202e`)},
			check: wantEntities(Entity{Name: "A", Description: "\u202EPerson_Male\u202C d"}),
		},
		{
			// FORMAT.md §5 counts U+FE0F in an icon, not the text-style
			// selector U+FE0E: the error points at it, and shows it.
			name:  "text-style selector after the icon: no type name, at the selector",
			in:    "T\nMENTIONED ENTITIES\nA\n🏛\uFE0E Organization d\n",
			via:   viaParse,
			want:  []hostileWant{posErr(4, 5, ErrNoTypeName).saying(`"🏛\ufe0e Organization d"`)},
			check: wantEntities(Entity{Name: "A", Description: "\uFE0E Organization d"}),
		},
		{
			// The tabs are made one space: the text is no longer the
			// line's bytes, and the error stays at its start.
			name: "no type name in a cleaned line: at the start of the line",
			in:   "T\nMENTIONED ENTITIES\nA\n👤\t\tlower d\n",
			via:  viaParse,
			want: []hostileWant{posErr(4, 1, ErrNoTypeName)},
		},
		{
			name:  "right-to-left override around a whole type line is trimmed",
			in:    "T\nMENTIONED ENTITIES\n\u202EA\u202C\n\u202E👤 Person_Male d\u202C\n",
			via:   viaParse,
			check: wantEntities(Entity{"A", PersonMale, "d"}),
		},
		{
			name:  "isolates around a type name without icon",
			in:    "T\nMENTIONED ENTITIES\nA\n\u2067Person_Female\u2069 d\n",
			via:   viaParse,
			check: wantEntities(Entity{"A", PersonFemale, "d"}),
		},
		{
			name:  "right-to-left override inside a type name: an unknown type",
			in:    "T\nMENTIONED ENTITIES\nA\n👤 Person\u202E_Male d\n",
			via:   viaParse,
			check: wantEntities(Entity{"A", "Person", "_Male d"}),
		},
		{
			name:  "entity count that overflows int64",
			in:    "T\nMENTIONED ENTITIES 99999999999999999999999\nA\n👤 Person_Male d\n",
			via:   viaParse,
			want:  []hostileWant{posErr(2, 1, ErrEntityCount).saying("99999999999999999999…, the section has 1")},
			check: wantEntities(Entity{"A", PersonMale, "d"}),
		},
		{
			name: "entity count 2^64+1 does not wrap to 1",
			in:   "T\nMENTIONED ENTITIES 18446744073709551617\nA\n👤 Person_Male d\n",
			via:  viaParse,
			want: []hostileWant{posErr(2, 1, ErrEntityCount)},
		},
		{
			name: "entity count 2^32+1 does not wrap to 1",
			in:   "T\nMENTIONED ENTITIES (4294967297)\nA\n👤 Person_Male d\n",
			via:  viaParse,
			want: []hostileWant{posErr(2, 1, ErrEntityCount)},
		},
		{
			name:  "entity count with 40 leading zeros",
			in:    "T\nMENTIONED ENTITIES " + strings.Repeat("0", 40) + "1\nA\n👤 Person_Male d\n",
			via:   viaParse,
			check: wantEntities(Entity{"A", PersonMale, "d"}),
		},
		{
			name:  "huge entity count, one entity",
			in:    "T\nMENTIONED ENTITIES 999999999\nA\n👤 Person_Male d\n",
			via:   viaParse,
			want:  []hostileWant{posErr(2, 1, ErrEntityCount).saying("999999999")},
			check: wantEntities(Entity{"A", PersonMale, "d"}),
		},

		// Many errors: the first 10 by position, then one that counts the
		// others.
		{
			name: "a control character every other byte",
			gen:  func() string { return "T\n" + strings.Repeat("\x01a", 50_000) },
			via:  viaParse,
			want: []hostileWant{
				posErr(2, 1, ErrControlChar), posErr(2, 3, ErrControlChar), posErr(2, 5, ErrControlChar),
				posErr(2, 7, ErrControlChar), posErr(2, 9, ErrControlChar), posErr(2, 11, ErrControlChar),
				posErr(2, 13, ErrControlChar), posErr(2, 15, ErrControlChar), posErr(2, 17, ErrControlChar),
				posErr(2, 19, ErrControlChar), posErr(2, 21, ErrTooManyErrors).saying("49990 more not shown"),
			},
		},
		{
			name: "a control character every other byte, all errors",
			gen:  func() string { return "T\n" + strings.Repeat("\x01a", 5_000) },
			via:  viaParser(Parser{AllErrors: true}),
			checkErr: func(t *testing.T, err error) {
				var list ErrorList
				if !errors.As(err, &list) || len(list) != 5_000 {
					t.Fatalf("%d errors, want 5000: %v", len(list), err)
				}
				for i, e := range list {
					if e.Line != 2 || e.Column != 2*i+1 || !errors.Is(e, ErrControlChar) {
						t.Fatalf("error %d is %v, want 2:%d: control character", i, e, 2*i+1)
					}
				}
			},
		},
		{
			name: "the first 10 errors by position include a count checked at the end",
			in:   "T\nMENTIONED ENTITIES 99\n" + strings.Repeat("👤 Person_Male x\n", 11),
			via:  viaParse,
			want: append(append([]hostileWant{posErr(2, 1, ErrEntityCount)},
				posErrs(3, 11, 1, ErrOrphanType)...),
				posErr(12, 1, ErrTooManyErrors).saying("2 more not shown")),
		},
		{
			// Each type line has two errors at its start (the tabs moved
			// the text, so the missing type name is reported there too);
			// the count, found last, goes first. The two at line 7 are
			// cut between as AllErrors orders them (checkAllErrors).
			name: "errors at the same position, cut at the limit",
			in:   "T\nMENTIONED ENTITIES 99\n" + strings.Repeat("👤\t\tx\n", 5),
			via:  viaParse,
			want: func() []hostileWant {
				w := []hostileWant{posErr(2, 1, ErrEntityCount)}
				for line := 3; line <= 6; line++ {
					w = append(w, posErr(line, 1, ErrNoTypeName), posErr(line, 1, ErrOrphanType))
				}
				return append(w, posErr(7, 1, ErrNoTypeName), posErr(7, 1, ErrTooManyErrors).saying("1 more not shown"))
			}(),
		},

		// Size.
		{
			name: "a 3 MiB line is the title, intact",
			gen:  func() string { return longLine(3<<20) + "\nSUMMARY\nS\n" },
			via:  viaParse,
			check: func(t *testing.T, d *Digest) {
				if want := longLine(3 << 20); d.Title != want {
					t.Errorf("title %+q, want the 3 MiB line", cut(d.Title))
				}
			},
		},
		{
			// A canonical text, so that its canonical form is no larger.
			name:  "input just under the size limit",
			gen:   func() string { return sizedCanonical(DefaultMaxSize) },
			via:   viaParse,
			check: wantCanonical(DefaultMaxSize),
		},
		{
			name:      "input just over the size limit",
			gen:       func() string { return sizedText(DefaultMaxSize + 1) },
			via:       viaParse,
			want:      []hostileWant{posErr(3, DefaultMaxSize-9, ErrTooLarge).saying("more than 4194304 bytes")},
			nilDigest: true,
		},
		{
			name:  "input just under the size limit, read",
			gen:   func() string { return sizedCanonical(DefaultMaxSize) },
			via:   viaParseReader,
			check: wantCanonical(DefaultMaxSize),
		},
		{
			name:      "input just over the size limit, read",
			gen:       func() string { return sizedText(DefaultMaxSize + 1) },
			via:       viaParseReader,
			want:      []hostileWant{posErr(3, DefaultMaxSize-9, ErrTooLarge)},
			nilDigest: true,
		},
		{
			name:      "over a small limit",
			in:        "T\nSUMMARY\nabcdefg",
			via:       viaParser(Parser{MaxSize: 16}),
			want:      []hostileWant{posErr(3, 7, ErrTooLarge).saying("more than 16 bytes")},
			nilDigest: true,
		},
		{
			name:      "over a small limit after a byte order mark",
			in:        "\uFEFFabc",
			via:       viaParser(Parser{MaxSize: 4}),
			want:      []hostileWant{posErr(1, 2, ErrTooLarge)},
			nilDigest: true,
		},
		{
			name:      "over the limit by a line break",
			in:        "ab\r\n",
			via:       viaParser(Parser{MaxSize: 3}),
			want:      []hostileWant{posErr(1, 4, ErrTooLarge)},
			nilDigest: true,
		},
		{
			name:  "at a small limit",
			in:    "T\nSUMMARY\nabcdef",
			via:   viaParser(Parser{MaxSize: 16}),
			check: wantTitle("T", "abcdef"),
		},
		{
			// The reader reads up to one byte past the limit: the largest
			// limit must not make that count overflow and read nothing.
			name:  "the largest limit, through ParseReader",
			in:    "T\nSUMMARY\nabcdef",
			via:   viaParserReader(Parser{MaxSize: math.MaxInt64}),
			check: wantTitle("T", "abcdef"),
		},

		// JSON.
		{
			name:  "JSON minimal",
			in:    minimalJSON,
			via:   viaValidateJSON,
			check: wantTitle("T", "S"),
		},
		{
			name:      "JSON duplicate key",
			in:        jsonWith(`"title":"T"`, `"title":"T","title":"U"`),
			via:       viaValidateJSON,
			want:      []hostileWant{ptrErr("/title", ErrDuplicate).saying(`"title"`)},
			nilDigest: true,
		},
		{
			name:      "JSON duplicate key in a nested object",
			in:        jsonWith(`"paragraphs":[]`, `"paragraphs":[],"heading":"H"`),
			via:       viaValidateJSON,
			want:      []hostileWant{ptrErr("/core_subject/heading", ErrDuplicate)},
			nilDigest: true,
		},
		{
			name:      "JSON duplicate key in an entity",
			in:        jsonWith(`"entities":[]`, `"entities":[{"name":"A","type":"Other","description":"d"},{"name":"B","type":"Other","name":"C","description":"d"}]`),
			via:       viaValidateJSON,
			want:      []hostileWant{ptrErr("/entities/1/name", ErrDuplicate)},
			nilDigest: true,
		},
		{
			name: "JSON 100 000 duplicate keys",
			gen: func() string {
				return jsonWith(`"title":"T"`, `"title":"T"`+strings.Repeat(`,"title":"T"`, 100_000))
			},
			via: viaValidateJSON,
			want: append(slices.Repeat([]hostileWant{ptrErr("/title", ErrDuplicate)}, DefaultMaxErrors),
				ptrErr("/title", ErrTooManyErrors).saying("99990 more not shown")),
			nilDigest: true,
		},
		{
			name:      "JSON duplicate key spelled with an escape",
			in:        jsonWith(`"title":"T"`, `"title":"T","\u0074itle":"U"`),
			via:       viaValidateJSON,
			want:      []hostileWant{ptrErr("/title", ErrDuplicate)},
			nilDigest: true,
		},
		{
			name:      "JSON keys that differ only in case",
			in:        jsonWith(`"title":"T"`, `"title":"T","TITLE":"U"`),
			via:       viaValidateJSON,
			want:      []hostileWant{ptrErr("", ErrSchema).saying("TITLE")},
			nilDigest: true,
		},
		{
			name:      "JSON nesting 200 000 deep at the root",
			gen:       func() string { return strings.Repeat("[", 200_000) + strings.Repeat("]", 200_000) },
			via:       viaValidateJSON,
			want:      []hostileWant{ptrErr(strings.Repeat("/0", 64), ErrInvalidJSON).saying("nested more than 64 deep: the one at byte 64")},
			nilDigest: true,
		},
		{
			name: "JSON nesting 200 000 deep in a string's place",
			gen: func() string {
				return jsonWith(`"title":"T"`, `"title":`+strings.Repeat(`{"a":`, 200_000)+"1"+strings.Repeat("}", 200_000))
			},
			via:       viaValidateJSON,
			want:      []hostileWant{ptrErr("/title"+strings.Repeat("/a", 63), ErrInvalidJSON)},
			nilDigest: true,
		},
		{
			name: "JSON nesting 200 000 deep in a list",
			gen: func() string {
				return jsonWith(`"keywords":[]`, `"keywords":`+strings.Repeat("[", 200_000)+strings.Repeat("]", 200_000))
			},
			via:       viaValidateJSON,
			want:      []hostileWant{ptrErr("/keywords"+strings.Repeat("/0", 63), ErrInvalidJSON)},
			nilDigest: true,
		},
		{
			name: "JSON nesting 200 000 deep, unclosed",
			gen:  func() string { return `{"title":` + strings.Repeat("[", 200_000) },
			via:  viaValidateJSON,
			checkErr: func(t *testing.T, err error) {
				var list ValidationErrors
				if !errors.As(err, &list) || len(list) != 1 || !errors.Is(list[0], ErrInvalidJSON) || !strings.HasPrefix(list[0].Pointer, "/title/0/0/0") {
					t.Fatalf("got %.200v…, want one invalid JSON error under /title/0/0/0", err)
				}
			},
			nilDigest: true,
		},
		{
			name:      "JSON number where a string belongs",
			in:        jsonWith(`"title":"T"`, `"title":5`),
			via:       viaValidateJSON,
			want:      []hostileWant{ptrErr("/title", ErrSchema).saying("expected string")},
			nilDigest: true,
		},
		{
			name:      "JSON huge numbers in a list of strings",
			in:        jsonWith(`"keywords":[]`, `"keywords":["a",1e400,123456789012345678901234567890]`),
			via:       viaValidateJSON,
			want:      []hostileWant{ptrErr("/keywords/1", ErrSchema), ptrErr("/keywords/2", ErrSchema)},
			nilDigest: true,
		},
		{
			name:      "JSON number as an entity type",
			in:        jsonWith(`"entities":[]`, `"entities":[{"name":"A","type":3,"description":"d"}]`),
			via:       viaValidateJSON,
			want:      []hostileWant{ptrErr("/entities/0/type", ErrSchema)},
			nilDigest: true,
		},
		{
			name: "JSON null lists",
			in:   jsonWith(`"highlights":[]`, `"highlights":null`, `"paragraphs":[]`, `"paragraphs":null`, `"keywords":[]`, `"keywords":null`, `"entities":[]`, `"entities":null`),
			via:  viaValidateJSON,
			want: []hostileWant{
				ptrErr("/core_subject/paragraphs", ErrSchema), ptrErr("/entities", ErrSchema),
				ptrErr("/highlights", ErrSchema), ptrErr("/keywords", ErrSchema),
			},
			nilDigest: true,
		},
		{
			name:      "JSON null string",
			in:        jsonWith(`"title":"T"`, `"title":null`),
			via:       viaValidateJSON,
			want:      []hostileWant{ptrErr("/title", ErrSchema)},
			nilDigest: true,
		},
		{
			name:      "JSON invalid UTF-8 in a string",
			in:        jsonWith(`"title":"T"`, "\"title\":\"T\xff\""),
			via:       viaValidateJSON,
			want:      []hostileWant{ptrErr("/title", ErrInvalidUTF8)},
			nilDigest: true,
		},
		{
			name:      "JSON invalid UTF-8 in a key",
			in:        jsonWith(`"title":"T"`, "\"title\":\"T\",\"k\xc0\":1"),
			via:       viaValidateJSON,
			want:      []hostileWant{ptrErr("/k\uFFFD", ErrInvalidUTF8)},
			nilDigest: true,
		},
		{
			name:      "JSON lone surrogate escape",
			in:        jsonWith(`"title":"T"`, `"title":"T\ud800"`),
			via:       viaValidateJSON,
			want:      []hostileWant{ptrErr("/title", ErrInvalidUTF8)},
			nilDigest: true,
		},
		{
			name:  "JSON surrogate pair escape",
			in:    jsonWith(`"title":"T"`, `"title":"T\ud83d\udc64"`),
			via:   viaValidateJSON,
			check: wantTitle("T👤", "S"),
		},
		{
			name:  "JSON escaped U+FFFD is a character like any other",
			in:    jsonWith(`"title":"T"`, `"title":"T\ufffd"`),
			via:   viaValidateJSON,
			check: wantTitle("T\uFFFD", "S"),
		},
		{
			name:      "JSON escaped NUL",
			in:        jsonWith(`"title":"T"`, `"title":"T\u0000x"`),
			via:       viaValidateJSON,
			want:      []hostileWant{ptrErr("/title", ErrSchema)},
			nilDigest: true,
		},
		{
			name:      "JSON right-to-left override before an entity type",
			in:        jsonWith(`"entities":[]`, `"entities":[{"name":"A","type":"\u202EPerson_Male","description":"d"}]`),
			via:       viaValidateJSON,
			want:      []hostileWant{ptrErr("/entities/0/type", ErrSchema)},
			nilDigest: true,
		},
		{
			name:      "JSON a second value",
			in:        minimalJSON + "{}",
			via:       viaValidateJSON,
			want:      []hostileWant{ptrErr("", ErrInvalidJSON).saying("more than one value")},
			nilDigest: true,
		},
		{
			name:      "JSON empty document",
			in:        "",
			via:       viaValidateJSON,
			want:      []hostileWant{ptrErr("", ErrInvalidJSON)},
			nilDigest: true,
		},
		{
			name: "JSON with a byte order mark is read past it",
			in:   "\uFEFF" + minimalJSON,
			via:  viaValidateJSON,
		},
		{
			name:      "JSON with two byte order marks",
			in:        "\uFEFF\uFEFF" + minimalJSON,
			via:       viaValidateJSON,
			want:      []hostileWant{ptrErr("", ErrInvalidJSON)},
			nilDigest: true,
		},
		{
			name: "JSON 100 001 keywords",
			gen: func() string {
				return jsonWith(`"keywords":[]`, `"keywords":["k0"`+strings.Repeat(`,"k"`, 100_000)+`]`)
			},
			via:       viaValidateJSON,
			want:      []hostileWant{ptrErr("/keywords", ErrSchema).saying("100000")},
			nilDigest: true,
		},
		{
			name:  "JSON just under the size limit",
			gen:   func() string { return minimalJSON + strings.Repeat(" ", DefaultMaxSize-len(minimalJSON)) },
			via:   viaValidateJSON,
			check: wantTitle("T", "S"),
		},
		{
			name:      "JSON just over the size limit",
			gen:       func() string { return minimalJSON + strings.Repeat(" ", DefaultMaxSize+1-len(minimalJSON)) },
			via:       viaValidateJSON,
			want:      []hostileWant{ptrErr("", ErrTooLarge).saying("4194304")},
			nilDigest: true,
		},
		{
			name: "JSON 10 000 entities",
			gen: func() string {
				var b strings.Builder
				for i := range 10_000 {
					if i > 0 {
						b.WriteByte(',')
					}
					fmt.Fprintf(&b, `{"name":"N%d","type":"Event","description":"d"}`, i)
				}
				return jsonWith(`"entities":[]`, `"entities":[`+b.String()+`]`)
			},
			via: viaValidateJSON,
			check: func(t *testing.T, d *Digest) {
				if len(d.Entities) != 10_000 || d.Entities[9_999] != (Entity{"N9999", Event, "d"}) {
					t.Errorf("%d entities", len(d.Entities))
				}
			},
		},
		{
			name:      "JSON line break in a duplicate key",
			in:        jsonWith(`"title":"T"`, `"title":"T","a\nb":1,"a\nb":2`),
			via:       viaValidateJSON,
			want:      []hostileWant{ptrErr("/a\nb", ErrDuplicate)},
			nilDigest: true,
		},

		// Validate, on digests that JSON cannot express or that come from
		// code.
		{
			name: "Validate nil lists",
			via:  viaValidate(func() *Digest { return &Digest{Title: "T", Summary: "S"} }),
		},
		{
			name: "Validate the zero digest",
			via:  viaValidate(func() *Digest { return &Digest{} }),
			want: []hostileWant{ptrErr("/summary", ErrEmpty), ptrErr("/title", ErrEmpty)},
		},
		{
			name: "Validate invalid UTF-8 and control characters",
			via: viaValidate(func() *Digest {
				return &Digest{Title: "T\xff", Summary: "S\x00", Keywords: []string{"a\rb"}}
			}),
			want: []hostileWant{
				ptrErr("/keywords/0", ErrLineBreak), ptrErr("/summary", ErrControlChar), ptrErr("/title", ErrInvalidUTF8),
			},
		},
		{
			name: "Validate a 3 MiB title",
			via:  viaValidate(func() *Digest { return &Digest{Title: longLine(3 << 20), Summary: "S"} }),
			want: []hostileWant{ptrErr("/title", ErrTooLong).saying("characters in the title, at most 4096")},
		},
		{
			name: "Validate 100 001 keywords",
			via: viaValidate(func() *Digest {
				d := &Digest{Title: "T", Summary: "S"}
				for i := range 100_001 {
					d.Keywords = append(d.Keywords, "k"+strconv.Itoa(i))
				}
				return d
			}),
			want: []hostileWant{ptrErr("/keywords", ErrTooLong)},
		},
		{
			name: "Validate a right-to-left override before a type",
			via: viaValidate(func() *Digest {
				return &Digest{Title: "T", Summary: "S", Entities: []Entity{{"A", "\u202EPerson_Male", "d"}}}
			}),
			want: []hostileWant{ptrErr("/entities/0/type", ErrUnknownEntityType)},
		},
		{
			name: "Validate Cyrillic SUMMARY in a summary, Latin SUMMARY in a subtitle",
			via: viaValidate(func() *Digest {
				return &Digest{Title: "T", Subtitle: "SUMMARY", Summary: "S\n\u0421UMMARY"}
			}),
			want: []hostileWant{ptrErr("/subtitle", ErrNotRoundTrip)},
		},
		{
			name: "Validate 60 000 entities, the last a duplicate",
			via: viaValidate(func() *Digest {
				d := &Digest{Title: "T", Summary: "S"}
				for i := range 60_000 {
					d.Entities = append(d.Entities, Entity{fmt.Sprint("Entité ", i%59_999), Other, "d"})
				}
				return d
			}),
			want: []hostileWant{ptrErr("/entities/59999/name", ErrDuplicate).saying("/entities/0/name")},
		},
	}
}

// TestHostile runs the catalogue. Besides each row's expectations, it
// checks what holds for every input: errors of the right type, one line
// each and short, sorted and inside the input; a digest of valid NFC text;
// an input without errors that survives the canonical form; and, for
// Parse, that the first DefaultMaxErrors errors are those that AllErrors
// reports first.
func TestHostile(t *testing.T) {
	for _, c := range hostileCases() {
		t.Run(c.name, func(t *testing.T) {
			in := c.in
			if c.gen != nil {
				in = c.gen()
			}
			d, err := c.via.run([]byte(in))
			if c.nilDigest != (d == nil) {
				t.Fatalf("%s: digest %v, want nil: %v (error %.300v)", c.via.name, d != nil, c.nilDigest, err)
			}
			var got []hostileWant
			if c.via.text {
				got = checkParseErrors(t, in, err)
			} else {
				got = checkValidationErrors(t, err)
			}
			if c.checkErr != nil {
				c.checkErr(t, err)
			} else {
				compareHostile(t, got, c.want, err)
			}
			if c.via.name == viaValidateJSON.name {
				checkValidateJSONAllErrors(t, []byte(in), err)
			}
			if d == nil {
				return
			}
			if c.via.text {
				for _, s := range texts(d) {
					if !utf8.ValidString(s) || !norm.NFC.IsNormalString(s) {
						t.Errorf("value %+q is not valid NFC", cut(s))
					}
				}
				if d.Highlights == nil || d.Keywords == nil || d.Entities == nil || d.CoreSubject.Paragraphs == nil {
					t.Errorf("digest with a nil list: %#v", d)
				}
			}
			if c.check != nil {
				c.check(t, d)
			}
			switch {
			case err != nil:
			case c.via.text:
				checkRoundTrip(t, d)
			default:
				checkValidRoundTrip(t, d)
			}
			if c.via.name == viaParse.name {
				checkAllErrors(t, in, d, err)
			}
		})
	}
}

// checkParseErrors checks err, from Parse, and returns its errors.
func checkParseErrors(t *testing.T, in string, err error) []hostileWant {
	t.Helper()
	if err == nil {
		return nil
	}
	var list ErrorList
	if !errors.As(err, &list) {
		t.Fatalf("error %T is not an ErrorList: %v", err, err)
	}
	if !sort.IsSorted(list) {
		t.Errorf("errors not sorted by position: %v", list)
	}
	lines := strings.Count(in, "\n") + strings.Count(in, "\r") + strings.Count(in, "\u0085") +
		strings.Count(in, "\u2028") + strings.Count(in, "\u2029") + 1
	var got []hostileWant
	for _, e := range list {
		checkMessage(t, e.Error(), 600)
		if e.Line < 1 || e.Line > lines || e.Column < 1 || e.Column > len(in)+1 {
			t.Errorf("error outside the input: %.100v", e)
		}
		got = append(got, hostileWant{line: e.Line, col: e.Column, err: e.Err})
	}
	return got
}

// checkValidationErrors checks err, from Validate or ValidateJSON, and
// returns its errors.
func checkValidationErrors(t *testing.T, err error) []hostileWant {
	t.Helper()
	if err == nil {
		return nil
	}
	var list ValidationErrors
	if !errors.As(err, &list) {
		t.Fatalf("error %T is not a ValidationErrors: %v", err, err)
	}
	var got []hostileWant
	for _, e := range list {
		checkMessage(t, e.Error(), 4096)
		got = append(got, hostileWant{ptr: e.Pointer, err: e.Err})
	}
	return got
}

// checkMessage checks that an error message is one line and not too long.
func checkMessage(t *testing.T, msg string, limit int) {
	t.Helper()
	if strings.ContainsAny(msg, "\n\r\u0085\u2028\u2029") {
		t.Errorf("message of more than one line: %+q", cut(msg))
	}
	if len(msg) > limit {
		t.Errorf("message of %d bytes, more than %d: %+q", len(msg), limit, cut(msg))
	}
}

// compareHostile compares the errors got with those wanted.
func compareHostile(t *testing.T, got, want []hostileWant, err error) {
	t.Helper()
	ok := len(got) == len(want)
	for i := 0; ok && i < len(want); i++ {
		g, w := got[i], want[i]
		ok = g.line == w.line && g.col == w.col && g.ptr == w.ptr && errors.Is(g.err, w.err) &&
			strings.Contains(g.err.Error(), w.msg)
	}
	if ok {
		return
	}
	var b strings.Builder
	for i, g := range got {
		if i == 20 {
			fmt.Fprintf(&b, "\t… %d more\n", len(got)-i)
			break
		}
		fmt.Fprintf(&b, "\t%+.200q\n", hostileWant{line: g.line, col: g.col, ptr: g.ptr, err: g.err}.String())
	}
	var wb strings.Builder
	for _, w := range want {
		fmt.Fprintf(&wb, "\t%s\n", w)
	}
	t.Errorf("errors:\n%swant:\n%s", b.String(), wb.String())
}

// checkValidateJSONAllErrors checks that err, ValidateJSON's for data, is
// the first of the errors that Parser.AllErrors reports (checkCutList), or
// for problems of decoding, which AllErrors leaves cut, the same.
func checkValidateJSONAllErrors(t *testing.T, data []byte, err error) {
	t.Helper()
	_, all := (&Parser{AllErrors: true}).ValidateJSON(data)
	if _, errs := decodeJSON(data); errs != nil {
		if validationLines(all) != validationLines(err) {
			t.Errorf("ValidateJSON gives\n%v\nwith AllErrors\n%v", err, all)
		}
		return
	}
	checkCutList(t, "ValidateJSON", err, all)
}

// checkAllErrors checks that Parse reports the first DefaultMaxErrors of
// the errors that Parser.AllErrors reports, then one that counts the rest
// at the position of the next, with their source lines, and reads the
// same digest.
func checkAllErrors(t *testing.T, in string, d *Digest, err error) {
	t.Helper()
	p := Parser{AllErrors: true}
	dAll, errAll := p.Parse([]byte(in))
	if !reflect.DeepEqual(d, dAll) {
		t.Errorf("AllErrors reads another digest")
	}
	checkCutList(t, "Parse", err, errAll)
}

// TestHostileParseReader checks that ParseReader reads no more than one
// byte past the limit, and returns an error of the reader as it is.
func TestHostileParseReader(t *testing.T) {
	t.Run("endless input", func(t *testing.T) {
		r := &countingReader{}
		p := Parser{MaxSize: 1000}
		d, err := p.ParseReader(r)
		if d != nil || !errors.Is(err, ErrTooLarge) {
			t.Errorf("digest %v, error %v; want nil and too large", d, err)
		}
		if r.n > 1001 {
			t.Errorf("read %d bytes, want at most 1001", r.n)
		}
	})
	t.Run("reader error", func(t *testing.T) {
		boom := errors.New("boom")
		d, err := ParseReader(io.MultiReader(strings.NewReader("T\nSUMMARY\n"), iotest.ErrReader(boom)))
		if d != nil || err != boom {
			t.Errorf("digest %v, error %v; want nil and the reader's error", d, err)
		}
	})
}

// TestTooLargeKeepsALine checks that the error for input over the limit
// says what ParseReader's says, and does not change when the input does:
// it keeps a copy of the line, not the caller's bytes.
func TestTooLargeKeepsALine(t *testing.T) {
	p := Parser{MaxSize: 24}
	for _, in := range []string{
		"T\nSUMMARY\nabcdefghijklmnopqrstuvwxyz",
		"\uFEFFabcdefghijklmnopqrstuvwxyz",
		"a\r\nb\u2028c\u0085d\re\u00A9\u2019\nfghijklmnop",
		strings.Repeat("\n", 30),
	} {
		data := []byte(in)
		d, err := p.Parse(data)
		if d != nil || !errors.Is(err, ErrTooLarge) {
			t.Fatalf("Parse(%+q): digest %v, error %v; want nil and too large", in, d, err)
		}
		for i := range data {
			data[i] = 'x'
		}
		_, wantErr := p.ParseReader(strings.NewReader(in))
		if got, want := errorsWithPosition(err), errorsWithPosition(wantErr); !slices.Equal(got, want) {
			t.Errorf("Parse(%+q) gave %q, ParseReader %q", in, got, want)
		}
	}
}

// countingReader is an endless input of 'x' that counts what is read.
type countingReader struct{ n int }

func (r *countingReader) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = 'x'
	}
	r.n += len(p)
	return len(p), nil
}

// TestHostileMemory checks that what Parse and ValidateJSON allocate is
// bounded by a small multiple of the input, whatever the input, and that
// ErrorWithPosition allocates no more than the context it shows.
func TestHostileMemory(t *testing.T) {
	if race.Enabled {
		t.Skip("the race detector changes what is allocated")
	}
	const size = 256 << 10
	tests := []struct {
		name  string
		in    string
		p     Parser
		json  bool   // ValidateJSON rather than p.Parse
		limit uint64 // bytes allocated for each byte of input
	}{
		{name: "huge entity count", in: "T\nMENTIONED ENTITIES 999999999\nA\n👤 Person_Male d\n", limit: 1 << 10},
		{name: "control characters", in: strings.Repeat("\x01", size), limit: 4},
		{name: "invalid UTF-8", in: strings.Repeat("\xff", size), limit: 32},
		{name: "duplicate headers", in: "T\n" + strings.Repeat("SUMMARY\n", size/8), limit: 32},
		// An entity of 48 bytes for every 2 bytes of input, and an error.
		{name: "names without type lines", in: "T\nMENTIONED ENTITIES\n" + strings.Repeat("A\n", size/2), limit: 256},
		{name: "blank lines", in: strings.Repeat("\n", size), limit: 2},
		// The copy of the input, then the line in NFC (2/3 of its bytes)
		// in a string of the line's size: 2 bytes a byte.
		{name: "one line to make NFC", in: "T\n" + strings.Repeat("e\u0301", size/3), limit: 3},
		{name: "entities", in: manyEntities(size / 40), limit: 16},
		{name: "over the limit", in: strings.Repeat("x", size+1), p: Parser{MaxSize: size}, limit: 4},
		{
			name: "over the limit, control characters", in: strings.Repeat("\x01", size+1), p: Parser{MaxSize: size}, limit: 4,
		},
		{
			name: "over the limit, invalid UTF-8", in: strings.Repeat("\xff", size+1), p: Parser{MaxSize: size}, limit: 4,
		},
		// Over maxItems, rejected before the schema builds an error an item.
		{name: "JSON numbers in a list over its size", in: jsonWith(`"keywords":[]`, `"keywords":[1`+strings.Repeat(`,1`, size/2)+`]`), json: true, limit: 128},
		// Under maxItems: each item is of a type its list does not take.
		{name: "JSON numbers in lists", in: jsonWith(`"keywords":[]`, `"keywords":[1`+strings.Repeat(`,1`, size/8)+`]`,
			`"entities":[]`, `"entities":[1`+strings.Repeat(`,1`, size/8)+`]`), json: true, limit: 64},
		// Read again for where the duplicate is, with validTokens: about
		// 14 bytes a byte, a json.Number and its pointer segment for each
		// 2-byte number; with encoding/json's tokens, 65.
		{name: "JSON numbers after a duplicate key", in: `{"a":0,"a":[0` + strings.Repeat(`,0`, size/2) + `]}`, json: true, limit: 24},
		// A value of another type than the schema's: about 44 bytes a
		// byte to decode, a boxed json.Number and its slot for each
		// 2-byte number; the schema validator, given the whole array,
		// built a map of its items on top, 80.
		{name: "JSON numbers as the title", in: jsonWith(`"title":"T"`, `"title":[0`+strings.Repeat(`,0`, size/2)+`]`), json: true, limit: 60},
		// Keys the schema does not allow: a message for the first
		// DefaultMaxErrors+1 only, the others counted; 75 bytes a byte
		// were a message built for each.
		{name: "JSON keys not allowed", in: jsonWith(`"title":"T"`, `"title":"T",`+extraMembers(size/10)), json: true, limit: 40},
		// A map for every 6 bytes of input.
		{name: "JSON nested 2500 deep", in: strings.Repeat(`{"a":`, 2500) + "1" + strings.Repeat("}", 2500), json: true, limit: 256},
		{
			name: "JSON nested 2500 deep, a duplicate key at each level",
			in:   strings.Repeat(`{"a":1,"a":`, 2500) + "1" + strings.Repeat("}", 2500), json: true, limit: 256,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			data := []byte(tt.in)
			f := func() { tt.p.Parse(data) }
			if tt.json {
				f = func() { ValidateJSON(data) }
			}
			n := allocatedBytes(f)
			if max := tt.limit*uint64(len(data)) + 64<<10; n > max {
				t.Errorf("%d bytes of input allocate %d bytes, more than %d", len(data), n, max)
			}
		})
	}

	t.Run("Validate, empty lines of a summary", func(t *testing.T) {
		// Each empty line is an error: reporting one must not cost the
		// size of the whole summary.
		d := &Digest{Title: "T", Summary: "a" + strings.Repeat("\n", size) + "b"}
		if n := allocatedBytes(func() { Validate(d) }); n > 64<<10 {
			t.Errorf("Validate of a summary of %d empty lines allocates %d bytes, more than 64 KiB", size, n)
		}
	})

	t.Run("ErrorWithPosition on a long line", func(t *testing.T) {
		// It shows 60 characters each side of the column: it must not
		// read the whole line for each error.
		_, err := Parse([]byte("T\n" + strings.Repeat("\x01", 1<<20)))
		var list ErrorList
		if !errors.As(err, &list) || len(list) != DefaultMaxErrors+1 {
			t.Fatalf("error %v", err)
		}
		n := allocatedBytes(func() {
			for _, e := range list {
				_ = e.ErrorWithPosition()
			}
		})
		if n > 64<<10 {
			t.Errorf("ErrorWithPosition of %d errors on a 1 MiB line allocates %d bytes, more than 64 KiB", len(list), n)
		}
	})
}

// allocatedBytes returns how many bytes f allocates.
func allocatedBytes(f func()) uint64 {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	f()
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}

// TestHostileValueKeepsNoLine checks that a value that the lexer changed,
// cleaned or made NFC, does not keep alive much more than itself when it
// is far shorter than the line it came from, or three times as long: the
// heap it holds, measured after a collection.
func TestHostileValueKeepsNoLine(t *testing.T) {
	const line = 1 << 20
	for _, title := range []string{
		"T" + strings.Repeat("\u200b", line/3) + "x",       // cleaned to "Tx"
		"T" + strings.Repeat(" ", line) + "x",              // cleaned to "T x"
		strings.Repeat("\u1100\u1161\u11a8", line/9),       // Hangul jamo, a third as long in NFC
		"T\u0301" + strings.Repeat("\u200b", line/3) + "x", // cleaned, then made NFC
		strings.Repeat("\xff", 600<<10),                    // cleaned to U+FFFD, three times as long
	} {
		d, err := Parse([]byte(title + "\nSUMMARY\nS\n"))
		if err != nil && !errors.Is(err, ErrInvalidUTF8) {
			t.Fatal(err)
		}
		kept, n := d.Title, uint64(len(d.Title))
		if title[0] == 0xFF && n != 3*uint64(len(title)) {
			t.Fatalf("a title of %d bytes from %d bytes that are not UTF-8", n, len(title))
		}
		d = nil
		var with, without runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&with)
		runtime.KeepAlive(kept)
		kept = ""
		runtime.GC()
		runtime.ReadMemStats(&without)
		if with.HeapAlloc > without.HeapAlloc+n+64<<10 {
			t.Errorf("a title of %d bytes, from a line of %d, keeps %d bytes alive", n, len(title), with.HeapAlloc-without.HeapAlloc)
		}
	}
}

// TestHostileJSONOfParsed checks that the JSON of a digest read from
// hostile text is valid JSON, and that ValidateJSON reads it back as the
// same digest.
func TestHostileJSONOfParsed(t *testing.T) {
	for _, in := range []string{
		"Ti\x00tle\x7f\u0080\nSUMMARY\n\xff\xfe\n",
		"T\nMENTIONED ENTITIES\n\u202EA\u202C\n👤\u202EPerson_Male\u202C d\n",
		"<script>&amp;\u2028\nSUMMARY\n\"\\\n",
	} {
		d, _ := Parse([]byte(in))
		js, err := json.Marshal(d)
		if err != nil {
			t.Fatalf("%+q: %v", in, err)
		}
		var back Digest
		if err := json.Unmarshal(js, &back); err != nil {
			t.Fatalf("%+q: JSON %s: %v", in, js, err)
		}
		if fmt.Sprintf("%#v", &back) != fmt.Sprintf("%#v", d) {
			t.Errorf("%+q: JSON reads back as %#v, want %#v", in, &back, d)
		}
		if got, _ := ValidateJSON(js); got != nil && fmt.Sprintf("%#v", got) != fmt.Sprintf("%#v", d) {
			t.Errorf("%+q: ValidateJSON reads %#v, want %#v", in, got, d)
		}
	}
}

// TestTooLargeMessage checks the message of ErrTooLarge, whose limit may
// be one byte.
func TestTooLargeMessage(t *testing.T) {
	for limit, want := range map[int64]string{
		1: "1:2: input too large: more than 1 byte",
		2: "1:3: input too large: more than 2 bytes",
	} {
		if _, err := (&Parser{MaxSize: limit}).Parse([]byte("abc")); err == nil || err.Error() != want {
			t.Errorf("Parser{MaxSize: %d}.Parse(\"abc\"): got %v, want %s", limit, err, want)
		}
	}
}

// TestTooLargeSource checks the line that ErrTooLarge shows: without a
// line break, whole or cut by the limit, and with no part of a byte order
// mark, which the limit may cut too, at column 1.
func TestTooLargeSource(t *testing.T) {
	for _, tt := range []struct {
		in    string
		limit int64
		want  string
	}{
		{"T\u2028SUMMARY\nS", 3, "1:4: input too large: more than 3 bytes\n  |\n1 | T\n  |  ^"},
		{"T\u2028SUMMARY\nS", 2, "1:3: input too large: more than 2 bytes\n  |\n1 | T\n  |  ^"},
		{"T\u0085S", 2, "1:3: input too large: more than 2 bytes\n  |\n1 | T\n  |  ^"},
		{"T\r\nS", 2, "1:3: input too large: more than 2 bytes\n  |\n1 | T\n  |  ^"},
		{"\uFEFFTitle", 1, "1:1: input too large: more than 1 byte"},
		{"\uFEFFTitle", 2, "1:1: input too large: more than 2 bytes"},
		{"\uFEFFTitle", 4, "1:2: input too large: more than 4 bytes\n  |\n1 | Ti\n  |  ^"},
	} {
		_, err := (&Parser{MaxSize: tt.limit}).Parse([]byte(tt.in))
		var list ErrorList
		if !errors.As(err, &list) || len(list) != 1 {
			t.Fatalf("Parser{MaxSize: %d}.Parse(%q) gives %v, want one error", tt.limit, tt.in, err)
		}
		if got := list[0].ErrorWithPosition(); got != tt.want {
			t.Errorf("Parser{MaxSize: %d}.Parse(%q): ErrorWithPosition() =\n%s\nwant\n%s", tt.limit, tt.in, got, tt.want)
		}
	}
}
