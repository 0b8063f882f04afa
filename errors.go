package digest

import (
	"errors"
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"digest/internal/lex"

	"golang.org/x/text/width"
)

// The errors that can be returned in [ParseError.Err]. Test for them with
// [errors.Is]; the error itself usually wraps one of them with detail, such
// as the offending character or the declared count.
var (
	// ErrInvalidUTF8 means bytes that are not UTF-8. Parse gives one for
	// each run of such bytes, which shows them in hexadecimal: the first
	// 8 and the number of bytes when the run is longer, or, at the start
	// of a text, the byte order mark of UTF-16 or of UTF-32 little-endian,
	// which it names.
	ErrInvalidUTF8 = errors.New("invalid UTF-8")
	// ErrControlChar means a control character, U+0000–U+001F or
	// U+007F–U+009F, other than a line break; and, in a text to parse,
	// other than tab, which reads as a space.
	ErrControlChar = errors.New("control character")
	// ErrTooLarge means an input larger than the size limit. Validate
	// reports it too, with ErrNotRoundTrip, for a digest whose canonical
	// text would be larger than the limit, and so not read back.
	ErrTooLarge = errors.New("input too large")
	// ErrMissingTitle means a text with no title: empty, or opening with
	// a header.
	ErrMissingTitle = errors.New("missing title")
	// ErrDuplicateSection means a section header seen a second time.
	ErrDuplicateSection = errors.New("duplicate section")
	// ErrEntityCount means an entity count, in a header, that differs
	// from the number of name lines in the section (see the package
	// doc): a type line without a name line before it is not counted.
	ErrEntityCount = errors.New("entity count mismatch")
	// ErrMissingType means an entity's name line with no type line after
	// it.
	ErrMissingType = errors.New("entity without type line")
	// ErrOrphanType means a type line with no name line before it.
	ErrOrphanType = errors.New("type line without entity name")
	// ErrNoTypeName means a type line without a type name after its icon.
	ErrNoTypeName = errors.New("type line without type name")
	// ErrTooManyErrors is wrapped by the last error of a list cut at
	// [DefaultMaxErrors], in [ParseError.Err] and [ValidationError.Err]
	// alike: it tells how many more errors there were. That error also
	// wraps the sentinels of the errors it counts, so that errors.Is on
	// the list, say for [ErrEmpty], finds a problem whether the list shows
	// it or not.
	ErrTooManyErrors = errors.New("too many errors")
)

// A ParseError is a problem in the text of a digest, at a position in the
// input. Line and Column start at 1; Column counts bytes from the start of
// the line (a leading byte order mark is not counted).
type ParseError struct {
	Line   int
	Column int
	Err    error // one of the Err* sentinels, possibly wrapped with detail

	source string // the line as read, for ErrorWithPosition
}

// Error returns "LINE:COL: message", the form that editors and go vet use
// after a file name.
func (e *ParseError) Error() string {
	return fmt.Sprintf("%d:%d: %v", e.Line, e.Column, e.Err)
}

// Unwrap returns e.Err, so that errors.Is(e, ErrControlChar) works.
func (e *ParseError) Unwrap() error { return e.Err }

// ErrorWithPosition returns the error followed by its source line and a
// caret under the column:
//
//	3:6: control character U+0007
//	  |
//	3 | Titre� du jour
//	  |      ^
//
// Control characters, invalid bytes and the bidirectional controls (U+202E
// RIGHT-TO-LEFT OVERRIDE and its kin, which could show the line reordered)
// are shown as U+FFFD, so that the caret stays under the right character; a
// tab, which is white space, is shown as a space. Each character takes the
// columns that Unicode's East Asian Width gives it, as the C library's
// wcwidth does: two for wide East Asian characters and for emoji shown as
// emoji. An emoji made of several characters (a flag, a family joined by
// U+200D, a skin tone, a symbol and U+FE0F) counts as one, two columns
// wide, as terminals that know these sequences show it; so does a Hangul
// syllable in NFD, its letters joined. A long line is cut around the
// column. An error with no source line, at an empty line or made with
// [ErrorList.Add], is shown alone, as Error shows it.
func (e *ParseError) ErrorWithPosition() string {
	if e.source == "" {
		return e.Error()
	}
	var b strings.Builder
	b.WriteString(e.Error())
	line, caret := displayLine(e.source, e.Column)
	num := fmt.Sprint(e.Line)
	pad := strings.Repeat(" ", len(num))
	fmt.Fprintf(&b, "\n%s |\n%s | %s\n%s | %s^", pad, num, line, pad, strings.Repeat(" ", caret))
	return b.String()
}

// maxContext is how many characters of a source line ErrorWithPosition shows
// on each side of the column.
const maxContext = 60

// displayLine returns src made printable, cut to at most maxContext
// characters on either side of the byte column col, and the display width
// of what stands before the column, for the caret. It reads only those
// characters, so that it costs little on a long line.
func displayLine(src string, col int) (string, int) {
	at := min(max(col-1, 0), len(src))
	start := at
	for n := 0; n < maxContext && start > 0; n++ {
		_, size := utf8.DecodeLastRuneInString(src[:start])
		start -= size
	}
	end := at
	for n := 0; n < maxContext && end < len(src); n++ {
		_, size := utf8.DecodeRuneInString(src[end:])
		end += size
	}
	var b strings.Builder
	caret := 0
	if start > 0 {
		b.WriteString("…")
		caret++
	}
	var w widths
	for i, r := range src[start:end] {
		if r == '\t' {
			r = ' ' // white space that the line may hold
		} else if r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0) || unicode.Is(unicode.Bidi_Control, r) {
			r = utf8.RuneError
		}
		n := w.next(r)
		if start+i < at {
			caret += n
		}
		b.WriteRune(r)
	}
	if end < len(src) {
		b.WriteString("…")
	}
	return b.String(), caret
}

// widths tells how many columns each character of a line takes in a
// terminal, as runeWidth does, but for the characters that join an emoji
// before them into one, which a terminal that knows these sequences shows
// as one emoji, two columns wide: a symbol after an emoji or symbol and
// U+200D ZERO WIDTH JOINER ("👨\u200d👩", "👨\u200d❤\ufe0f") adds no column; a
// skin tone after an emoji, and U+FE0F after a symbol, an emoji of another
// category ("‼\ufe0f") or a keycap base, add what the emoji lacks of two
// columns: one after a symbol one column wide ("❤\ufe0f", "🏛\ufe0f", "🖐🏻",
// "1\ufe0f\u20e3"), none after one two columns wide ("👍🏻"). A flag ("🇫🇷")
// is two regional indicators, one column each. A joiner between letters, as
// in Indic scripts, joins nothing here, nor does U+FFFD, which stands for
// what cannot be shown.
type widths struct {
	prev    rune // the character before
	emoji   bool // the characters before end with an emoji or a symbol, and what joins it (U+200D, U+FE0F, a mark)
	cluster int  // the columns of the character before and of what joined it
}

// next returns the width of r, the character after those given before.
func (w *widths) next(r rune) int {
	n := runeWidth(r)
	symbol := lex.IsEmoji(r) || r != utf8.RuneError && unicode.Is(unicode.So, r) || isEmojiNotSymbol(r)
	joins := true
	switch {
	case w.prev == 0x200D && w.emoji && symbol:
		n = 0
	case w.emoji && r >= 0x1F3FB && r <= 0x1F3FF, r == 0xFE0F && (w.emoji || isKeycapBase(w.prev)):
		n = max(0, 2-w.cluster)
	default:
		joins = n == 0
	}
	if joins {
		w.cluster += n
	} else {
		w.cluster = n
	}
	w.emoji = symbol || w.emoji && (n == 0 || r == 0xFE0F)
	w.prev = r
	return n
}

// isHangulJoining reports whether r is a Hangul vowel or final consonant
// of the conjoining jamo (U+1160 to U+11FF, U+D7B0 to U+D7FF), which a
// terminal draws inside the syllable that the initial consonant before it
// starts, as wcwidth counts them.
func isHangulJoining(r rune) bool {
	return 0x1160 <= r && r <= 0x11FF || 0xD7B0 <= r && r <= 0xD7FF
}

// isEmojiNotSymbol reports whether r is one of the emoji outside the
// emoji blocks whose category is not So (other symbol), which U+FE0F
// shows as emoji as it does the symbols: ‼ ⁉ ℹ ↔ ◻ ◼ ◽ ◾ ⤴ ⤵ 〰 〽.
func isEmojiNotSymbol(r rune) bool {
	switch r {
	case 0x203C, 0x2049, 0x2139, 0x2194, 0x25FB, 0x25FC, 0x25FD, 0x25FE, 0x2934, 0x2935, 0x3030, 0x303D:
		return true
	}
	return false
}

// isKeycapBase reports whether r starts a keycap emoji: r, U+FE0F, U+20E3.
func isKeycapBase(r rune) bool { return '0' <= r && r <= '9' || r == '#' || r == '*' }

// runeWidth returns how many columns r takes in a terminal, as glibc's
// wcwidth counts them, but for two blocks of symbols that it makes wide
// against Unicode's East Asian Width (U+3248 to U+324F, U+4DC0 to U+4DFF):
// none for combining marks, invisible format characters and the vowels and
// final consonants of Hangul in NFD, which join the initial consonant
// before them into one syllable; two for wide East Asian characters, emoji
// shown as emoji by default among them (👤, not 🏛, which U+FE0F widens:
// widths); one for the others, and for the format characters that are seen:
// U+00AD SOFT HYPHEN, and the signs that stand before a number in Arabic
// and other scripts (U+0600).
func runeWidth(r rune) int {
	switch {
	case r == 0xAD || unicode.Is(unicode.Prepended_Concatenation_Mark, r):
		return 1
	case unicode.In(r, unicode.Mn, unicode.Me, unicode.Cf), isHangulJoining(r):
		return 0
	}
	switch width.LookupRune(r).Kind() {
	case width.EastAsianWide, width.EastAsianFullwidth:
		return 2
	}
	return 1
}

// ErrorList is the list of problems Parse found, sorted by position. Of
// the errors at one position, those about the line's place in the digest
// (a name line with no type line, say) come before those about its bytes
// (a control character). The last error of a list cut at
// [DefaultMaxErrors] wraps [ErrTooManyErrors] and the sentinels of the
// errors it counts: to sort the errors one by one, test ErrTooManyErrors
// first. Its zero value is an empty list, ready to use.
type ErrorList []*ParseError

// Add appends a ParseError at line and column.
func (p *ErrorList) Add(line, col int, err error) {
	*p = append(*p, &ParseError{Line: line, Column: col, Err: err})
}

// Len returns the number of errors. With Swap and Less it implements
// sort.Interface, by line then column.
func (p ErrorList) Len() int { return len(p) }

// Swap swaps the errors at i and j.
func (p ErrorList) Swap(i, j int) { p[i], p[j] = p[j], p[i] }

// Less reports whether the error at i comes before the one at j: by line,
// then column.
func (p ErrorList) Less(i, j int) bool {
	if p[i].Line != p[j].Line {
		return p[i].Line < p[j].Line
	}
	return p[i].Column < p[j].Column
}

// Sort sorts the list by position; errors at the same position keep their
// order.
func (p ErrorList) Sort() { sort.Stable(p) }

// Error returns the first error and how many more there are, those not
// shown past [ErrTooManyErrors] included: "5:1: duplicate section SUMMARY
// (first at line 2) (and 2 more errors)".
func (p ErrorList) Error() string {
	switch len(p) {
	case 0:
		return "no errors"
	case 1:
		return p[0].Error()
	}
	return p[0].Error() + andMore(p[1:])
}

// notShown is the error of the last entry of a list cut at its limit: it
// counts the errors not shown, and wraps ErrTooManyErrors and the
// sentinels of those errors, so that errors.Is finds a problem whether the
// list shows it or not.
type notShown struct {
	n    int
	errs []error // ErrTooManyErrors, then the sentinels of the errors not shown
}

// tooManyErr returns the error that counts n errors not shown, whose
// sentinels h holds.
func tooManyErr(n int, h hidden) *notShown {
	return &notShown{n: n, errs: append([]error{ErrTooManyErrors}, h...)}
}

func (e *notShown) Error() string {
	return fmt.Sprintf("%v: %d more not shown", ErrTooManyErrors, e.n)
}

func (e *notShown) Unwrap() []error { return e.errs }

// problemSentinels lists the sentinels that the problems of a list wrap:
// one each, or two for an [ErrSchema] problem and for a canonical text
// too large (Parser.Validate).
var problemSentinels = []error{
	ErrInvalidUTF8, ErrControlChar, ErrTooLarge, ErrMissingTitle,
	ErrDuplicateSection, ErrEntityCount, ErrMissingType, ErrOrphanType,
	ErrNoTypeName, ErrUnknownEntityType, ErrEmpty, ErrWhiteSpace,
	ErrLineBreak, ErrNotNFC, ErrTooLong, ErrDuplicate, ErrNotRoundTrip,
	ErrInvalidJSON, ErrSchema,
}

// hidden gathers the sentinels of the problems that a list cut at its
// limit does not show, each once, in the order found, for the error that
// ends the list to wrap. Problems are counted one by one past the limit,
// in the millions for a hostile input: add costs a few comparisons.
type hidden []error

// add adds the sentinels that err is or wraps. Most problems past the
// limit are of the kind counted last, which add, inlined, tells at once.
func (h *hidden) add(err error) {
	if n := len(*h); n == 0 || (*h)[n-1] != err {
		h.addNew(err)
	}
}

// addNew adds the sentinels that err is or wraps, as add does.
func (h *hidden) addNew(err error) {
	// Comparing interfaces whose dynamic types differ does not panic, as
	// it would for two values of one type that is not comparable: the
	// sentinels are all *errors.errorString.
	if err == nil || slices.Contains(*h, err) {
		return
	}
	if slices.Contains(problemSentinels, err) {
		*h = append(*h, err)
		return
	}
	switch u := err.(type) {
	case interface{ Unwrap() error }:
		h.addNew(u.Unwrap())
	case interface{ Unwrap() []error }:
		for _, e := range u.Unwrap() {
			h.addNew(e)
		}
	}
}

// andMore returns how a list's Error counts the errors after the first,
// more: one each, but an entry that stands for errors not shown, which
// counts them, wherever it is in the list and however it is wrapped.
func andMore[E interface{ Unwrap() error }](more []E) string {
	n := 0
	for _, e := range more {
		if ns, ok := errors.AsType[*notShown](e.Unwrap()); ok {
			n += ns.n
		} else {
			n++
		}
	}
	if n == 1 {
		return " (and 1 more error)"
	}
	return fmt.Sprintf(" (and %d more errors)", n)
}

// Err returns p as an error, or nil when p is empty.
func (p ErrorList) Err() error {
	if len(p) == 0 {
		return nil
	}
	return p
}

// Unwrap returns the errors of the list, so that errors.Is and errors.As
// look into every one of them.
func (p ErrorList) Unwrap() []error {
	errs := make([]error, len(p))
	for i, e := range p {
		errs[i] = e
	}
	return errs
}

// maxExcerpt is how many characters of a text an error message quotes.
const maxExcerpt = 40

// excerpt returns s quoted for a message: its first maxExcerpt
// characters, and "…" when there are more. It reads no more of s than it
// shows, however long s is.
func excerpt(s string) string {
	n := 0
	for i := range s {
		if n == maxExcerpt {
			return quote(s[:i]) + "…"
		}
		n++
	}
	return quote(s)
}

// quote is strconv.Quote, which escapes the characters that are not
// printable, with these invisible ones escaped too, though Go counts them
// as printable marks or letters: the variation selectors but U+FE0F, which
// is part of many emoji, and the other default-ignorable characters, such
// as U+034F COMBINING GRAPHEME JOINER. A message can then show one that
// stands where it should not, as U+FE0E after an entity's icon.
func quote(s string) string {
	if !strings.ContainsFunc(s, invisible) {
		return strconv.Quote(s)
	}
	b := []byte{'"'}
	for s != "" {
		i := strings.IndexFunc(s, invisible)
		if i < 0 {
			i = len(s)
		}
		q := strconv.Quote(s[:i])
		b = append(b, q[1:len(q)-1]...)
		if i == len(s) {
			break
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r > 0xFFFF {
			b = fmt.Appendf(b, `\U%08x`, r)
		} else {
			b = fmt.Appendf(b, `\u%04x`, r)
		}
		s = s[i+size:]
	}
	return string(append(b, '"'))
}

// invisible reports whether quote escapes r where strconv.Quote would not.
func invisible(r rune) bool {
	return r != 0xFE0F && (unicode.Is(unicode.Variation_Selector, r) || unicode.Is(unicode.Other_Default_Ignorable_Code_Point, r))
}
