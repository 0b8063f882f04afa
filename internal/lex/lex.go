// Package lex reads the lines of a digest text: it splits the input into
// lines, trims and cleans each one, normalizes it to NFC, and recognizes the
// shapes the parser needs (headers, list markers, keyword separators, entity
// type lines). It knows nothing of the Digest type; package digest turns what
// it reads into values and errors.
//
// The lexer is synchronous and works on one string: a line's text is a slice
// of the input, or of the copy of it that the lexer makes as it reads,
// whenever the line needs no change, so the common case allocates nothing.
// The texts it changes share buffers (clean.go).
package lex

import (
	"encoding/binary"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
	"unsafe"

	"golang.org/x/text/unicode/norm"
)

// A Line is one line of input.
type Line struct {
	Num  int    // line number, starting at 1
	Col  int    // byte column of Text's first character in the line, starting at 1
	Raw  string // the line as in the input, without its line break
	Text string // the line trimmed, cleaned and in NFC; "" for a blank line
}

// Kind is the kind of a Problem.
type Kind uint8

// The kinds of problem the lexer reports.
const (
	InvalidUTF8 Kind = iota + 1 // one or more bytes that are not UTF-8
	ControlChar                 // a control character other than tab
)

// A Problem is something wrong with the bytes of a line.
type Problem struct {
	Line, Col int    // position of the first bad byte, as in Line
	Kind      Kind   // what is wrong
	Rune      rune   // the control character (ControlChar)
	Len       int    // the number of bad bytes (InvalidUTF8)
	Raw       string // the line, as in Line
}

// A Lexer reads the lines of one input. Its zero value is not usable; call
// Init or InitCopy. A Lexer must not be copied once it has read a line:
// the copies would write the texts they change in the same room.
type Lexer struct {
	src  string
	pos  int // byte offset of the next line
	line int // number of the last line returned

	// Problems holds what NextText found wrong, in order. The caller may
	// reset it between calls.
	Problems []Problem
	// Limit, when positive, is the most problems Problems holds; NextText only
	// counts the others, in Dropped, keeps the first in FirstDropped, and
	// sets bit 1<<Kind of DroppedKinds for the kind of each.
	Limit        int
	Dropped      int
	FirstDropped Problem
	DroppedKinds uint8

	cur Mark // the last line read

	// dst, when not nil, is the copy of src that InitCopy makes: the
	// texts and lines returned are slices of it (see str).
	dst []byte

	// texts holds the texts that NextText changes as it cleans or
	// normalizes them, one after another; its spare capacity is room for
	// the next ones (see textRoom).
	texts []byte
}

// Init makes l a Lexer that reads src, in place: a parser may hold its
// Lexer by value. A leading byte order mark is skipped and not counted in
// columns.
func (l *Lexer) Init(src string) {
	if len(src) >= 3 && src[:3] == "\uFEFF" {
		src = src[3:]
	}
	*l = Lexer{src: src}
}

// InitCopy makes l a Lexer that reads data, as Init does, and returns
// texts and lines that are slices of a copy of data, not of data itself:
// they stay as they are when data changes after the last call of
// NextText. It makes the copy as it reads each line, which costs less
// than copying data first and reading the copy: a large input is then
// read from memory once, not twice. data must not change until the last
// call of NextText.
func (l *Lexer) InitCopy(data []byte) {
	// Room past the end for the last block that plainBlocks copies.
	l.initCopy(data, uninitialized(len(data)+blockSize))
}

// initCopy is InitCopy, which makes the copy in buf, of at least
// len(data)+blockSize bytes.
func (l *Lexer) initCopy(data, buf []byte) {
	l.Init(unsafe.String(unsafe.SliceData(data), len(data)))
	l.dst = buf[:len(l.src)]
}

// str returns the bytes i to j of the input as a string: a slice of src,
// or of its copy, which holds them by then. The string covers those bytes
// only, which the lexer does not write again: the copy may grow while
// the string exists, as strings.Builder's buffer does.
func (l *Lexer) str(i, j int) string {
	if l.dst == nil {
		return l.src[i:j]
	}
	return unsafe.String(unsafe.SliceData(l.dst[i:j]), j-i)
}

// uninitialized returns a new slice of n bytes, n >= 2, whose bytes are
// not set: unlike make, it does not clear them, which would cost a pass
// over memory that the lexer fills anyway. It takes the buffer that
// strings.Builder.Grow allocates, which Go does not clear, through the
// strings that Builder.String returns, which are that buffer, not copies
// of it. It checks that they are: two Strings with the same data, one
// byte apart, can only be the buffer. Should a Go release change that, it
// falls back to make.
func uninitialized(n int) []byte {
	var b strings.Builder
	b.Grow(n)
	b.WriteByte(0)
	first := b.String()
	b.WriteByte(0)
	if p := unsafe.StringData(b.String()); p == unsafe.StringData(first) && b.Cap() >= n {
		return unsafe.Slice(p, n)
	}
	return make([]byte, n)
}

// Input returns the input as l reads it, without a leading byte order
// mark: the caller's bytes, not their copy, after InitCopy.
func (l *Lexer) Input() string { return l.src }

// copyInput copies src[i:j] to dst, when l makes a copy.
func (l *Lexer) copyInput(i, j int) {
	if l.dst != nil {
		copy(l.dst[i:j], l.src[i:j])
	}
}

// A Mark tells where a line stands in the input, for Line to make it
// again. It holds no pointer, so that keeping one costs nothing more
// while the garbage collector runs.
type Mark struct {
	num, col   int
	start, end int // of the line's bytes in the input
}

// Mark returns where the line that NextText last read stands.
func (l *Lexer) Mark() Mark { return l.cur }

// Line returns the line that NextText last read, whose text is text.
func (l *Lexer) Line(text string) Line { return l.LineAt(l.cur, text) }

// LineAt returns the line at m, whose text is text.
func (l *Lexer) LineAt(m Mark, text string) Line {
	return Line{Num: m.num, Col: m.col, Raw: l.str(m.start, m.end), Text: text}
}

// NextText reads the next line and returns its text, or false at the end
// of the input; [Lexer.Line] and [Lexer.Mark] tell the rest of the line.
// A line break at the very end of the input does not start another line,
// so "a\n" has one line and "" has none. Only the text is returned: a
// whole Line would cost a copy through memory for each line.
func (l *Lexer) NextText() (string, bool) {
	src := l.src
	start := l.pos
	if start >= len(src) {
		return "", false
	}
	l.line++
	if src[start] == '\n' { // a blank line
		if l.dst != nil {
			l.dst[start] = '\n'
		}
		l.pos = start + 1
		l.cur = Mark{num: l.line, col: 1, start: start, end: start}
		return "", true
	}
	// Most lines are plain text up to a '\n', with no two spaces in a
	// row: their text is the line itself, maybe trimmed. Plain(src,
	// start), written out to spare a call for each line. plainBlocks
	// copies the bytes it reads, src[j] among them unless it returns near
	// the end, and tells such a line (eol); plainRest copies nothing.
	j, double, eol := start, false, false
	if hasBlocks {
		j, double, eol = plainBlocks(unsafe.SliceData(l.dst), src, start)
	}
	if !eol {
		// An early stop is within the last block (see plainBlocks).
		if !hasBlocks || j < len(src) && j+blockSize > len(src) {
			k := j
			j, double = plainRest(src, start, j, double)
			l.copyInput(k, min(j+1, len(src)))
		}
		eol = j < len(src) && src[j] == '\n' && !double
	}
	if eol {
		l.pos = j + 1
		raw := l.str(start, j)
		if Untrimmed(raw) {
			l.cur = Mark{num: l.line, col: 1, start: start, end: j}
			return raw, true
		}
		text := TrimLeft(raw)
		l.cur = Mark{num: l.line, col: len(raw) - len(text) + 1, start: start, end: j}
		return TrimRight(text), true
	}
	return l.next(start, j, double), true
}

// next reads the rest of the line that starts at start, as NextText
// does, from i, where Plain stopped; double tells whether two spaces in a
// row came before i. NextText has copied src[start:i] when l makes a
// copy: next copies the rest of the line.
func (l *Lexer) next(start, i int, double bool) string {
	src := l.src
	first := len(l.Problems)
	uncopied := i
	var (
		end   = -1     // end of the line's bytes
		next  int      // start of the next line
		clean = double // needs tab, space, invisible-character or U+FFFD work
		check bool     // holds a rune that may not be NFC
	)
	for {
		if i >= len(src) {
			end, next = i, i
			break
		}
		c := src[i]
		switch {
		case c == '\n':
			end, next = i, i+1
		case c == '\r':
			end, next = i, i+1
			if next < len(src) && src[next] == '\n' {
				next++
			}
		case c == '\t':
			clean = true
			i++
		case c < utf8.RuneSelf: // a control character
			l.report(Problem{Line: l.line, Col: i - start + 1, Kind: ControlChar, Rune: rune(c)})
			i++
		case c == 0xC2 && i+1 < len(src) && src[i+1]&0xC0 == 0x80:
			// U+0080 to U+009F, as Plain passes over U+00A0 and above:
			// NEL or a C1 control.
			if src[i+1] == 0x85 {
				end, next = i, i+2
				break
			}
			l.report(Problem{Line: l.line, Col: i - start + 1, Kind: ControlChar, Rune: rune(src[i+1])})
			i += 2
		case (c == 0xCC || c == 0xCD) && i+1 < len(src) && src[i+1]&0xC0 == 0x80:
			// U+0300 to U+037F: combining marks, as text in NFD has after
			// Latin letters, and Greek signs AlwaysNFC does not take. The
			// line needs NFC.
			check = true
			i += 2
		default:
			if j := Letters(src, i); j > i {
				i = j // a run of letters in another script
				break
			}
			r, size := utf8.DecodeRuneInString(src[i:])
			switch {
			case r == utf8.RuneError && size == 1:
				n := invalidRun(src[i:])
				l.report(Problem{Line: l.line, Col: i - start + 1, Kind: InvalidUTF8, Len: n})
				clean = true
				size = n
			case r == 0x2028 || r == 0x2029:
				end, next = i, i+size
			case r == 0x200B || r == 0xFEFF:
				clean = true
			case r >= 0x300 && !AlwaysNFC(r):
				check = true
			}
			i += size
		}
		if end >= 0 {
			break
		}
		if i < len(src) && stopsPlain(src[i]) {
			continue // Plain would stop at once
		}
		var d bool
		i, d = Plain(src, i) // the byte before i is not a space
		clean = clean || d
	}
	l.pos = next
	l.copyInput(uncopied, next)

	raw := l.str(start, end)
	for k := first; k < len(l.Problems); k++ {
		l.Problems[k].Raw = raw
	}
	if l.Dropped > 0 && l.FirstDropped.Line == l.line {
		l.FirstDropped.Raw = raw
	}
	text, col := raw, 1
	if !Untrimmed(raw) {
		text = TrimLeft(raw)
		col = len(raw) - len(text) + 1
		text = TrimRight(text)
	}
	if clean {
		text = l.cleanText(text)
	}
	if check {
		text = l.nfc(text)
	}
	l.cur = Mark{num: l.line, col: col, start: start, end: end}
	return text
}

// IsNFC reports whether s is in NFC, as norm.NFC.IsNormalString does, but
// without allocating. quickNFC settles most texts, those of Indic
// scripts, Thai, Hebrew and Arabic with their marks among them, and of
// Latin letters in NFD, with a table lookup for each rune at or above
// U+0300. For the others, QuickSpanString passes a text whole when every
// character's NFC quick check property is Yes and the combining marks are
// in order; the full check runs only when it stops short, at a character
// that may compose with the one before it or that NFC changes, and only
// from there.
func IsNFC(s string) bool {
	if t, ok := (*Lexer)(nil).quickNFC(s); ok {
		return t == s
	}
	n := norm.NFC.QuickSpanString(s)
	return n == len(s) || isNFCFrom(s[n:])
}

// isNFCFrom reports whether s is in NFC, s being the rest of a text from
// where QuickSpanString stopped. There a segment starts, with no
// character before it that it could compose with: NFC of the whole text
// is the text up to there and NFC of s, as norm.Form's String has it.
func isNFCFrom(s string) bool {
	it := iters.Get().(*norm.Iter)
	it.InitString(norm.NFC, s)
	pos := 0
	for !it.Done() {
		seg := it.Next()
		if len(seg) > len(s)-pos || string(seg) != s[pos:pos+len(seg)] {
			putIter(it)
			return false
		}
		pos += len(seg)
	}
	putIter(it)
	return pos == len(s)
}

// CGJ is U+034F COMBINING GRAPHEME JOINER, which NFC, as norm.Form has
// it, inserts after 30 non-starters in a row (most combining marks): the
// Stream-Safe Text Format.
const CGJ = "\u034F"

// NFCAddsOnlyJoiners reports whether NFC of s is s with CGJ inserted and
// nothing else changed, CGJ aside. It is true of a text in NFC too. It
// does not allocate.
func NFCAddsOnlyJoiners(s string) bool {
	n := norm.NFC.QuickSpanString(s)
	rest := s[n:]
	it := iters.Get().(*norm.Iter)
	defer putIter(it)
	it.InitString(norm.NFC, rest)
	i := 0 // in rest
	for !it.Done() {
		seg := it.Next()
		for j := 0; j < len(seg); {
			switch {
			case len(seg)-j >= len(CGJ) && string(seg[j:j+len(CGJ)]) == CGJ:
				j += len(CGJ)
			case strings.HasPrefix(rest[i:], CGJ):
				i += len(CGJ)
			case i < len(rest) && rest[i] == seg[j]:
				i++
				j++
			default:
				return false
			}
		}
	}
	for strings.HasPrefix(rest[i:], CGJ) {
		i += len(CGJ)
	}
	return i == len(rest)
}

// iters holds the norm.Iter values of isNFCFrom and appendNFCFrom. An Iter
// normalizes without allocating, where norm.Form's String and
// IsNormalString allocate on each call that their quick check does not
// settle: about 600 bytes for a line as short as "x\u0301", which made a
// text of such lines cost 150 times its size in memory to read.
var iters = sync.Pool{New: func() any { return new(norm.Iter) }}

// putIter puts it back in iters as new, zeroed: 736 bytes to clear, where
// reading it to the end would cost the rest of its text. An Iter stopped
// midway may hold part of a character in its reorder buffer, as U+0F43
// makes two segments, which InitString does not clear; and it refers to
// its text, which may be the copy of a whole input (InitString of "" would
// keep that reference).
func putIter(it *norm.Iter) {
	*it = norm.Iter{}
	iters.Put(it)
}

// appendNFCFrom appends the NFC form of s to dst, s being the rest of a
// text from where QuickSpanString stopped, as for isNFCFrom.
func appendNFCFrom(dst []byte, s string) []byte {
	it := iters.Get().(*norm.Iter)
	it.InitString(norm.NFC, s)
	for !it.Done() {
		seg := it.Next()
		if cap(dst)-len(dst) < len(seg) {
			// Double: append would add a quarter to a long text.
			dst = slices.Grow(dst, max(len(seg), cap(dst)))
		}
		dst = append(dst, seg...)
	}
	putIter(it)
	return dst
}

// stopsPlain reports that Plain stops at once at a byte c: a control
// character or a line break, or the first byte of a character that Plain
// never passes over, such as a Cyrillic letter (0xD0 to 0xD3) or a CJK
// ideograph (0xE4 to 0xE9). False does not mean that Plain passes over c,
// only that it may: it passes over printable ASCII and some of the
// characters that start with 0xC2 to 0xCB, 0xE2, 0xEF or 0xF0, and stops
// at the others, as at a byte that starts no character (0x80 to 0xC1). A
// caller leaves such a byte to Plain.
func stopsPlain(c byte) bool {
	return c < ' ' || c == 0x7F || c >= 0xCC && c <= 0xE1 || c >= 0xE3 && c <= 0xEE || c >= 0xF1
}

// report records p, or counts it when Problems is full.
func (l *Lexer) report(p Problem) {
	if l.Limit > 0 && len(l.Problems) >= l.Limit {
		if l.Dropped == 0 {
			l.FirstDropped = p
		}
		l.Dropped++
		l.DroppedKinds |= 1 << p.Kind
		return
	}
	l.Problems = append(l.Problems, p)
}

// invalidRun returns the length of the run of bytes at the start of s that
// are not UTF-8; s starts with one.
func invalidRun(s string) int {
	n := 1
	for n < len(s) {
		if r, size := utf8.DecodeRuneInString(s[n:]); r != utf8.RuneError || size != 1 {
			break
		}
		n++
	}
	return n
}

// AlwaysNFC reports whether r, a rune at or above U+0300, is one that
// needs no NFC check (it is false for every rune below, which the callers
// leave to Plain): one of combining class 0, that NFC leaves as it is, and
// that combines with no rune before it (its NFC quick check is Yes). A
// letter may combine with a mark after it, as и with U+0306 makes й; but
// such a mark is not one of these runes, and its line is checked. So a
// line whose runes at or above U+0300 are all such runes is NFC, and
// NextText skips the check: emoji, the variation selector U+FE0F, U+FFFD,
// which cleaning puts for bytes that are not UTF-8, general punctuation
// (quotes, dashes, ellipsis), and the letters of the scripts most digests
// are written in (but the Latin ones below U+0300, which Plain passes
// over), with the vowel signs of class 0 of Devanagari and Thai.
// TestAlwaysNFC checks each of them against golang.org/x/text.
func AlwaysNFC(r rune) bool {
	switch {
	case IsEmoji(r):
		return true
	case r == 0xFE0F || r == 0x200D || r == utf8.RuneError:
		return true
	case r >= 0x2002 && r <= 0x205E: // general punctuation; U+2000 and U+2001 decompose
		return true
	case r < 0x0400:
		// Greek letters; U+0374, U+037E and U+0387 decompose, and the
		// marks before U+0370 combine.
		return r >= 0x0388 && r <= 0x03CE
	case r <= 0x0482, r >= 0x048A && r <= 0x052F: // Cyrillic; U+0483 to U+0489 are marks
		return true
	case r >= 0x05D0 && r <= 0x05EA: // Hebrew letters
		return true
	case r >= 0x0620 && r <= 0x064A, r >= 0x0660 && r <= 0x066F, r >= 0x0671 && r <= 0x06D3: // Arabic
		return true
	case r >= 0x0900 && r <= 0x097F:
		// Devanagari, its vowel signs among them; U+093C, U+094D and
		// U+0951 to U+0954 are marks of other classes, U+0958 to U+095F
		// decompose.
		return r != 0x093C && r != 0x094D && (r < 0x0951 || r > 0x0954) && (r < 0x0958 || r > 0x095F)
	case r >= 0x0E01 && r <= 0x0E37, r >= 0x0E3F && r <= 0x0E47, r >= 0x0E4C && r <= 0x0E5B:
		// Thai, its vowel signs of class 0 among them; the vowel signs
		// U+0E38 and U+0E39, the phinthu U+0E3A and the tone marks U+0E48
		// to U+0E4B are of other classes.
		return true
	case r >= 0x3001 && r <= 0x3029, r >= 0x3041 && r <= 0x3096, r >= 0x30A1 && r <= 0x30FC: // CJK punctuation, kana, the middle dot and the prolonged sound mark
		return true
	case r >= 0x4E00 && r <= 0x9FFF, r >= 0xAC00 && r <= 0xD7A3: // CJK ideographs, Hangul syllables
		return true
	case r >= 0xFF01 && r <= 0xFF5E: // full-width forms
		return true
	}
	return false
}

// Position returns the line and byte column, counted as NextText counts them,
// of the byte at offset off of src; off may be len(src), which is past the
// end of the last line, or at the start of a line after a final break. It
// only looks for line breaks, so that it costs little on any input.
func Position(src string, off int) (line, col int) {
	if len(src) >= 3 && src[:3] == "\uFEFF" {
		src, off = src[3:], max(0, off-3)
	}
	end := min(off, len(src))
	if head := src[:end]; onlyLF(head) {
		// Each '\n' before off ends a line: counted many bytes at a time,
		// however dense the line breaks or the bytes that may start one.
		// A break that only starts before off, U+0085 cut after its first
		// byte, is not counted, as below.
		return strings.Count(head, "\n") + 1, off - (lastLF(head) + 1) + 1
	}
	line, start := 1, 0
	for i := 0; i < end; {
		n := BreakLen(src[i:])
		if n == 0 {
			i = mayBreak(src, i+1, end)
			continue
		}
		if i+n > off {
			break // off is inside this line break
		}
		i += n
		line, start = line+1, i
	}
	return line, off - start + 1
}

// onlyLF reports whether '\n' is the only line break that s holds.
func onlyLF(s string) bool {
	return strings.IndexByte(s, '\r') < 0 && !strings.Contains(s, "\u0085") &&
		!strings.Contains(s, "\u2028") && !strings.Contains(s, "\u2029")
}

// lastLF returns the index of the last '\n' in s, or -1. It reads eight
// bytes at a time, back from the end, where strings.LastIndexByte reads
// one: the last line of a large input may be long.
func lastLF(s string) int {
	p := unsafe.Pointer(unsafe.StringData(s))
	i := len(s)
	for ; i >= 8; i -= 8 {
		// Reading 8 bytes at i-8 is in bounds: 0 <= i-8 and i <= len(s).
		v := binary.LittleEndian.Uint64(unsafe.Slice((*byte)(unsafe.Add(p, i-8)), 8))
		if hasZero(v^('\n'*ones)) != 0 {
			break // s[i-8:i] holds a '\n'
		}
	}
	return strings.LastIndexByte(s[:i], '\n')
}

// mayBreak returns the index of the first byte of s[i:end] that may start
// a line break, or end: '\n', '\r', or 0xC2 and 0xE2, the first bytes of
// U+0085, U+2028 and U+2029. It reads eight bytes at a time, so that
// Position costs little on any input, even one with no line break.
func mayBreak(s string, i, end int) int {
	p := unsafe.Pointer(unsafe.StringData(s))
	for ; i+8 <= end; i += 8 {
		// Reading 8 bytes at i is in bounds: i+8 <= end <= len(s).
		v := binary.LittleEndian.Uint64(unsafe.Slice((*byte)(unsafe.Add(p, i)), 8))
		// hasZero flags no word without one of the four bytes; a word
		// with one is read again byte by byte.
		if hasZero(v^('\n'*ones))|hasZero(v^('\r'*ones))|hasZero(v^(0xC2*ones))|hasZero(v^(0xE2*ones)) != 0 {
			break
		}
	}
	for ; i < end; i++ {
		if c := s[i]; c == '\n' || c == '\r' || c == 0xC2 || c == 0xE2 {
			break
		}
	}
	return i
}

// BreakLen returns the length of the line break that starts s, or 0: LF,
// CRLF, CR, U+0085, U+2028 or U+2029 (FORMAT.md §1.2).
func BreakLen[S string | []byte](s S) int {
	switch {
	case len(s) == 0:
		return 0
	case s[0] == '\n':
		return 1
	case s[0] == '\r':
		if len(s) > 1 && s[1] == '\n' {
			return 2
		}
		return 1
	case len(s) > 1 && s[0] == 0xC2 && s[1] == 0x85: // U+0085
		return 2
	case len(s) > 2 && s[0] == 0xE2 && s[1] == 0x80 && (s[2] == 0xA8 || s[2] == 0xA9): // U+2028, U+2029
		return 3
	}
	return 0
}

// isPlainEdge reports whether a line that starts or ends with c keeps it
// when trimmed: c is printable ASCII other than a space.
func isPlainEdge(c byte) bool { return ' ' < c && c <= '~' }

// Untrimmed reports whether trim keeps s whole, as the first and last
// bytes of most texts tell at once: each is printable ASCII other than a
// space, or the first is 0xF0 or above, since every character that is
// trimmed is below U+10000 (TestTrimmedBelow10000). It is a quick test for
// a caller to skip trimming: false means only that s may need it.
func Untrimmed(s string) bool {
	return len(s) > 0 && (isPlainEdge(s[0]) || s[0] >= 0xF0) && isPlainEdge(s[len(s)-1])
}

// isTrimmed reports whether r is removed from the ends of a line: Unicode
// White_Space and the invisible format characters of FORMAT.md §1.3.
func isTrimmed(r rune) bool {
	switch r {
	case 0x200B, 0x200E, 0x200F, 0x202A, 0x202B, 0x202C, 0x202D, 0x202E,
		0x2060, 0x2066, 0x2067, 0x2068, 0x2069, 0xFEFF:
		return true
	}
	// Above U+00A0, White_Space holds U+1680, U+2000 to U+200A, U+2028,
	// U+2029, U+202F, U+205F and U+3000 alone (TestIsTrimmed): the letters
	// of most scripts need no table lookup.
	if r > 0xA0 && r < 0x1680 || r > 0x3000 {
		return false
	}
	return unicode.IsSpace(r)
}

// TrimLeft returns s without the leading characters that FORMAT.md §1.3
// trims.
func TrimLeft(s string) string {
	for len(s) > 0 {
		c := s[0]
		if c < utf8.RuneSelf {
			if c != ' ' && (c < '\t' || c > '\r') {
				return s
			}
			s = s[1:]
			continue
		}
		if c >= 0xF0 { // every character that is trimmed is below U+10000
			return s
		}
		r, size := utf8.DecodeRuneInString(s)
		if !isTrimmed(r) {
			return s
		}
		s = s[size:]
	}
	return s
}

// TrimRight returns s without the trailing characters that FORMAT.md §1.3
// trims.
func TrimRight(s string) string {
	for len(s) > 0 {
		c := s[len(s)-1]
		if c < utf8.RuneSelf {
			if c != ' ' && (c < '\t' || c > '\r') {
				return s
			}
			s = s[:len(s)-1]
			continue
		}
		r, size := utf8.DecodeLastRuneInString(s)
		if !isTrimmed(r) {
			return s
		}
		s = s[:len(s)-size]
	}
	return s
}

// trim returns s without the leading and trailing characters that
// FORMAT.md §1.3 trims.
func trim(s string) string { return TrimRight(TrimLeft(s)) }
