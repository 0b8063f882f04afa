package lex

import (
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// FuzzLex checks what the lexer promises for any input: it ends; lines are
// numbered 1, 2, 3…; their Raw values and line breaks (and a leading byte
// order mark) rebuild the input; Col and Text are those that FORMAT.md §1
// defines, computed here by a slow reference; the problems are exactly
// the runs of invalid bytes and the control characters, in order; Limit
// only moves problems to Dropped; InitCopy reads what Init reads; and
// Position agrees with the lines. It checks each implementation of
// plainBlocks that the processor runs.
func FuzzLex(f *testing.F) {
	for _, s := range []string{
		"",
		"\n",
		"\r\n\r\n",
		"\r\r\n\n",
		"\uFEFF",
		"\uFEFF\uFEFFa\r\nb",
		"a\u0085b\u2028c\u2029",
		"e\u0301 \u1112\u1161\u11AB \u212B",
		" \u200B\u00A0x\t\ty \u200B z\u2069 \uFEFF",
		"\xff\xfe\n\xed\xa0\x80\n\xc0\xaf\n\xe2\x80",
		"\x00\x07\x0b\x0c\x7f\u0080\u009f\t",
		"\xc2\r\n\xe2\x80\xa8",
		"SUMMARY\r\n- x\n👤 Person_MaleSecrétaire\n",
		"Мир  мира \tи\u0306 中文 한국어\u11A8 αβ\u0345 שלום\u05B0 مرحبا\u064B\n",
		"a\xcc\nb\n\xcd0\n\xcc",
		"अनुच्छेद संख्या\u094D\u093C\nย่อหน้าที่\u0E48\u0E38\nבְּרֵאשִׁית\u05B4\u05B0\nالْفِقْرَةُ\u0653\n",
		"Secre\u0301taire ge\u0301ne\u0301ral\tde  l’Union, A\u0300 Ni\u0303o\u0341 u\u0344\n",
		"\u05D0\xE0\x96\xB8 \u0E01\xE0\xB9\x88\u0E48\n", // marks after letters, the first overlong
	} {
		f.Add(s)
	}
	files, err := filepath.Glob(filepath.Join("..", "..", "testdata", "*.txt"))
	if err != nil {
		f.Fatal(err)
	}
	for _, name := range files {
		b, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(string(b))
	}
	f.Fuzz(func(t *testing.T, src string) {
		variants, restore := plainVariants()
		defer restore()
		for _, use := range variants {
			use()
			checkLex(t, src)
		}
	})
}

// checkLex checks the lines and problems of src; see FuzzLex.
func checkLex(t *testing.T, src string) {
	l := New(src)
	var got []Line
	for {
		ln, ok := l.Next()
		if !ok {
			break
		}
		got = append(got, ln)
		if len(got) > len(src) {
			t.Fatalf("more lines (%d) than bytes (%d)", len(got), len(src))
		}
	}

	pos := 0 // where the next line starts in src
	if strings.HasPrefix(src, "\uFEFF") {
		pos = len("\uFEFF")
	}
	var starts []int
	var want []Problem
	for i, ln := range got {
		if ln.Num != i+1 {
			t.Fatalf("line %d has number %d", i+1, ln.Num)
		}
		if pos >= len(src) {
			t.Fatalf("line %d starts at the end of input", ln.Num)
		}
		if !strings.HasPrefix(src[pos:], ln.Raw) {
			t.Fatalf("line %d: Raw %+q is not the input at byte %d", ln.Num, ln.Raw, pos)
		}
		if k := strings.IndexFunc(ln.Raw, isBreak); k >= 0 {
			t.Fatalf("line %d: Raw %+q holds a line break at byte %d", ln.Num, ln.Raw, k)
		}
		starts = append(starts, pos)
		pos += len(ln.Raw)
		if pos < len(src) {
			n := refBreakLen(src[pos:])
			if n == 0 {
				t.Fatalf("line %d: Raw %+q is followed by %+q, not a line break", ln.Num, ln.Raw, src[pos:min(pos+4, len(src))])
			}
			pos += n
		}

		if ln.Col < 1 || ln.Col > len(ln.Raw)+1 {
			t.Fatalf("line %d: Col %d out of 1..%d", ln.Num, ln.Col, len(ln.Raw)+1)
		}
		if col := len(ln.Raw) - len(strings.TrimLeftFunc(ln.Raw, refTrimmed)) + 1; ln.Col != col {
			t.Errorf("line %d %+q: Col %d, want %d", ln.Num, ln.Raw, ln.Col, col)
		}
		text := ln.Text
		switch {
		case !utf8.ValidString(text):
			t.Errorf("line %d: Text %+q is not UTF-8", ln.Num, text)
		case !norm.NFC.IsNormalString(text):
			t.Errorf("line %d: Text %+q is not NFC", ln.Num, text)
		case strings.TrimFunc(text, refTrimmed) != text:
			t.Errorf("line %d: Text %+q is not trimmed", ln.Num, text)
		case strings.IndexFunc(text, isBreak) >= 0:
			t.Errorf("line %d: Text %+q holds a line break", ln.Num, text)
		case strings.ContainsAny(text, "\t\u200B\uFEFF") || strings.Contains(text, "  "):
			t.Errorf("line %d: Text %+q is not cleaned", ln.Num, text)
		case text != refText(ln.Raw):
			t.Errorf("line %d %+q: Text %+q, want %+q", ln.Num, ln.Raw, text, refText(ln.Raw))
		}
		want = append(want, refProblems(ln)...)
		checkShapes(t, text)
	}
	if pos != len(src) {
		t.Fatalf("the lines end at byte %d of %d", pos, len(src))
	}

	if !reflect.DeepEqual(l.Problems, want) {
		t.Errorf("Problems:\n got %#v\nwant %#v", l.Problems, want)
	}
	for _, p := range l.Problems {
		if p.Line < 1 || p.Line > len(got) || p.Col < 1 || p.Col > len(got[p.Line-1].Raw) {
			t.Errorf("problem %#v is outside the input", p)
		}
	}

	// A limit changes which problems are kept, nothing else.
	const limit = 2
	ll := New(src)
	ll.Limit = limit
	for i := 0; ; i++ {
		ln, ok := ll.Next()
		if !ok {
			break
		}
		if ln != got[i] {
			t.Fatalf("with a limit, line %d is %#v, want %#v", i+1, ln, got[i])
		}
	}
	kept := min(limit, len(want))
	if !reflect.DeepEqual(ll.Problems, want[:kept]) || ll.Dropped != len(want)-kept {
		t.Errorf("with limit %d: Problems %#v and %d dropped, want %#v and %d", limit, ll.Problems, ll.Dropped, want[:kept], len(want)-kept)
	}
	if ll.Dropped > 0 && ll.FirstDropped != want[kept] {
		t.Errorf("with limit %d: FirstDropped %#v, want %#v", limit, ll.FirstDropped, want[kept])
	}

	// A Lexer that copies reads the same lines.
	checkCopy(t, []byte(src))

	// Position agrees with the lines at their first byte and at the end of
	// input.
	for i, start := range starts[:min(len(starts), 100)] {
		if line, col := Position(src, start); line != i+1 || col != 1 {
			t.Errorf("Position(src, %d) = %d, %d; want %d, 1", start, line, col, i+1)
		}
	}
	wantLine, wantCol := 1, 1
	if n := len(got); n > 0 {
		if last := got[n-1]; starts[n-1]+len(last.Raw) == len(src) {
			wantLine, wantCol = n, len(last.Raw)+1
		} else {
			wantLine = n + 1
		}
	}
	if line, col := Position(src, len(src)); line != wantLine || col != wantCol {
		t.Errorf("Position(src, len(src)) = %d, %d; want %d, %d", line, col, wantLine, wantCol)
	}
}

// checkShapes checks that the functions that recognize the shapes of a
// line do not fail on text, a line's Text, and return parts of it, and
// that ParseHeader agrees with its reference.
func checkShapes(t *testing.T, text string) {
	h, ok := ParseHeader(text)
	if want, wantOK := refParseHeader(text); h != want || ok != wantOK {
		t.Errorf("ParseHeader(%+q) = %+v, %v; reference %+v, %v", text, h, ok, want, wantOK)
	}
	if ok {
		if h.Section < Summary || h.Section > Entities || strings.Trim(h.Count, "0123456789") != "" ||
			h.Count != "" && h.Section != Entities {
			t.Errorf("ParseHeader(%+q) = %+v", text, h)
		}
	}
	if m := CutMarker(text); !strings.HasSuffix(text, m) || trim(m) != m {
		t.Errorf("CutMarker(%+q) = %+q, not a trimmed end of it", text, m)
	}
	for rest, more := text, true; more; {
		var piece string
		before := rest
		piece, rest, more = CutKeyword(rest)
		if !strings.HasPrefix(before, piece) || !strings.HasSuffix(before, rest) || more && len(piece)+len(rest) >= len(before) {
			t.Fatalf("CutKeyword(%+q) = %+q, %+q, %v", before, piece, rest, more)
		}
		if k := CleanKeyword(piece); CleanKeyword(k) != k || trim(k) != k || strings.HasPrefix(k, "#") {
			t.Errorf("CleanKeyword(%+q) = %+q, not clean", piece, k)
		}
	}
	n := IconLen(text)
	if n < 0 || n > len(text) || !utf8.ValidString(text[:n]) {
		t.Fatalf("IconLen(%+q) = %d", text, n)
	}
	checkSplitWritten(t, text)
	tl, ok := SplitTypeLine(text[n:], typeNames)
	if ok && tl.Type == "" || !strings.HasSuffix(text, tl.Description) || ok && trim(tl.Description) != tl.Description {
		t.Errorf("SplitTypeLine(%+q) = %#v, %v", text[n:], tl, ok)
	}
}

// isBreak reports whether r is a line break of FORMAT.md §1.2.
func isBreak(r rune) bool {
	return r == '\n' || r == '\r' || r == 0x85 || r == 0x2028 || r == 0x2029
}

// refBreakLen returns the length of the line break that starts s, or 0.
func refBreakLen(s string) int {
	if strings.HasPrefix(s, "\r\n") {
		return 2
	}
	if r, size := utf8.DecodeRuneInString(s); isBreak(r) {
		return size
	}
	return 0
}

// refTrimmed reports whether FORMAT.md §1.3 trims r from the ends of a
// line.
func refTrimmed(r rune) bool {
	switch r {
	case 0x200B, 0x200E, 0x200F, 0x202A, 0x202B, 0x202C, 0x202D, 0x202E,
		0x2060, 0x2066, 0x2067, 0x2068, 0x2069, 0xFEFF:
		return true
	}
	return unicode.Is(unicode.White_Space, r)
}

var spaceRun = regexp.MustCompile(`[\t ]+`)

// refText returns the Text of a line as FORMAT.md §1 defines it, the slow
// way: bad bytes read as U+FFFD, trimmed, U+200B and U+FEFF removed, runs
// of tabs and spaces made one space, NFC.
func refText(raw string) string {
	s := string([]rune(raw))
	s = strings.TrimFunc(s, refTrimmed)
	s = strings.NewReplacer("\u200B", "", "\uFEFF", "").Replace(s)
	s = spaceRun.ReplaceAllString(s, " ")
	return norm.NFC.String(s)
}

// refProblems returns the problems of a line as FORMAT.md §1.7 defines
// them: one for each run of invalid bytes, one for each control character
// other than tab.
func refProblems(ln Line) []Problem {
	var ps []Problem
	bad := false
	for i := 0; i < len(ln.Raw); {
		r, size := utf8.DecodeRuneInString(ln.Raw[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			if bad {
				ps[len(ps)-1].Len++
			} else {
				ps = append(ps, Problem{Line: ln.Num, Col: i + 1, Kind: InvalidUTF8, Len: 1, Raw: ln.Raw})
			}
		case r < 0x20 && r != '\t' || 0x7F <= r && r < 0xA0:
			ps = append(ps, Problem{Line: ln.Num, Col: i + 1, Kind: ControlChar, Rune: r, Raw: ln.Raw})
		}
		bad = r == utf8.RuneError && size == 1
		i += size
	}
	return ps
}
