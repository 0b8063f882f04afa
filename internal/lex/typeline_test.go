package lex

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// typeNames are the known type names of FORMAT.md §5, in the table's
// order.
var typeNames = newNames("Person_Male", "Person_Female", "Organization", "Location", "Event", "Product", "Other")

// TestIconLen checks the icons of FORMAT.md §5.
func TestIconLen(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want int
	}{
		{"person", "👤 Person_Male", len("👤")},
		{"classical building with FE0F", "🏛️ Organization", len("🏛\uFE0F")},
		{"classical building without FE0F", "🏛 Organization", len("🏛")},
		{"pin", "📍 Location", len("📍")},
		{"calendar", "📅 Event", len("📅")},
		{"package", "📦 Product", len("📦")},
		{"bookmark", "🔖 Other", len("🔖")},
		{"text glued", "👤Person_Male", len("👤")},
		{"enclosed digit, no symbol", "\U0001F100 x", 0},
		{"text glued after FE0F", "🏛️Organization", len("🏛\uFE0F")},
		{"flag", "🇫🇷 France", len("🇫🇷")},
		{"ZWJ family", "👨‍👩‍👧 x", len("👨\u200D👩\u200D👧")},
		{"skin tone", "👍🏽 x", len("👍🏽")},
		{"ZWJ with skin tones", "🧑🏽‍🤝‍🧑🏻 x", len("🧑🏽\u200D🤝\u200D🧑🏻")},
		{"subdivision flag", "🏴󠁧󠁢󠁳󠁣󠁴󠁿 x", len("🏴\U000E0067\U000E0062\U000E0073\U000E0063\U000E0074\U000E007F")},
		{"two icons", "👤👤 x", 2 * len("👤")},
		{"white space ends the icon", "👤 👤", len("👤")},
		{"copyright with FE0F", "©️ x", len("©\uFE0F")},
		{"copyright (So)", "© x", len("©")},
		{"double exclamation with FE0F", "‼️ x", len("‼\uFE0F")},
		{"double exclamation alone (Po)", "‼ x", 0},
		{"information (Ll) with FE0F", "ℹ️ x", len("ℹ\uFE0F")},
		{"wavy dash (Pd) with FE0F", "〰️ x", len("〰\uFE0F")},
		{"letter with FE0F", "é\uFE0Fx", len("é\uFE0F")},
		{"check mark", "✔️ x", len("✔\uFE0F")},
		{"n-ary sum (Sm)", "∑ x", len("∑")},
		{"arrow (Sm)", "→ x", len("→")},
		{"keycap #", "#️⃣ x", 0},
		{"keycap *", "*️⃣ x", 0},
		{"keycap 1", "1️⃣ x", 0},
		{"ASCII plus (Sm)", "+ x", 0},
		{"ASCII equals (Sm)", "= x", 0},
		{"ASCII letter with FE0F", "a\uFE0Fx", 0},
		{"FE0F alone", "\uFE0Fx", len("\uFE0F")},
		{"ZWJ alone", "\u200Dx", len("\u200D")},
		{"combining keycap alone", "\u20E3x", len("\u20E3")},
		{"tag character alone", "\U000E0041x", len("\U000E0041")},
		{"tag space, the first tag character", "\U000E0020x", len("\U000E0020")},
		{"flag and tag space", "\U0001F3F4\U000E0020x", len("\U0001F3F4\U000E0020")},
		{"language tag, below the tag characters", "\U000E0001x", 0},
		// Four bytes that start as the emoji blocks' do, F0 9F, or end as
		// theirs do, 9F 8C 80, but are no symbol.
		{"segmented digit zero (Nd), F0 9F AF B0", "\U0001FBF0 x", 0},
		{"CJK letter (Lo), F0 A0 8C 80", "\U00020300 x", 0},
		{"unassigned, F1 9F 8C 80", "\U0005F300 x", 0},
		{"unassigned, F3 9F 8C 80", "\U000DF300 x", 0},
		{"letter with the text selector", "\u2139\uFE0E x", 0},
		{"circumflex (Sk, ASCII), the whole text", "^", 1},
		{"type name", "Person_Male", 0},
		{"letter", "été", 0},
		{"white space", " 👤", 0},
		{"empty", "", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := IconLen(tt.in); got != tt.want {
				t.Errorf("IconLen(%+q) = %d, want %d", tt.in, got, tt.want)
			}
		})
	}
}

// TestIconLenRanges checks IconLen rune by rune against the rules of
// FORMAT.md §5: each rune of category So in the emoji blocks
// U+1F300–U+1FAFF is an icon (emoji-test.txt is not at hand; these
// blocks hold most emoji); so is any non-ASCII rune of category So, Sk or
// Sm, and any non-ASCII rune followed by U+FE0F. No ASCII rune but those
// of category Sk ('^' and '`', as the rule is written) is an icon.
func TestIconLenRanges(t *testing.T) {
	t.Run("emoji blocks", func(t *testing.T) {
		n := 0
		for r := rune(0x1F300); r <= 0x1FAFF; r++ {
			if !unicode.Is(unicode.So, r) {
				continue
			}
			n++
			if s := string(r); IconLen(s+"x") != len(s) {
				t.Errorf("IconLen(%+q) = %d, want %d", s+"x", IconLen(s+"x"), len(s))
			}
		}
		if n < 1000 {
			t.Errorf("only %d runes of category So in U+1F300–U+1FAFF", n)
		}
	})
	t.Run("blocks without a table search", func(t *testing.T) {
		for r := rune(iconBlockStart); r <= iconBlockEnd; r++ {
			if !unicode.In(r, unicode.So, unicode.Sk) {
				t.Errorf("%U is not of category So or Sk", r)
			}
		}
	})
	t.Run("symbols", func(t *testing.T) {
		for r := rune(utf8.RuneSelf); r <= unicode.MaxRune; r++ {
			if !unicode.In(r, unicode.So, unicode.Sk, unicode.Sm) {
				continue
			}
			if s := string(r); IconLen(s+"x") != len(s) {
				t.Errorf("IconLen(%+q) = %d, want %d", s+"x", IconLen(s+"x"), len(s))
			}
		}
	})
	t.Run("followed by FE0F", func(t *testing.T) {
		for r := rune(utf8.RuneSelf); r <= unicode.MaxRune; r++ {
			if !utf8.ValidRune(r) {
				continue
			}
			s := string(r) + "\uFE0F"
			if IconLen(s+"x") != len(s) {
				t.Errorf("IconLen(%+q) = %d, want %d", s+"x", IconLen(s+"x"), len(s))
			}
		}
	})
	t.Run("ASCII", func(t *testing.T) {
		for c := range utf8.RuneSelf {
			want := 0
			if unicode.Is(unicode.Sk, rune(c)) {
				want = 1
			}
			s := string(rune(c)) + "x"
			if got := IconLen(s); got != want {
				t.Errorf("IconLen(%+q) = %d, want %d", s, got, want)
			}
		}
	})
}

// TestKnownType checks the known type names of FORMAT.md §5.
func TestKnownType(t *testing.T) {
	tests := []struct {
		in   string
		want int
	}{
		{"Person_Male", 0},
		{"Person_Female", 1},
		{"Organization", 2},
		{"Location", 3},
		{"Event", 4},
		{"Product", 5},
		{"Other", 6},
		{"PERSON_MALE", 0},
		{"person_male", 0},
		{"pErSoN_fEmAlE", 1},
		{"ORGANIZATION", 2},
		{"Person_MaleSecrétaire", 0},
		{"Person_Male Secrétaire", 0},
		{"Person_Male: x", 0},
		{"OrganizationLigue arabe", 2},
		{"Others", 6},
		{"Person_Male_Extra", -1},
		{"Person_Male_extra", -1},
		{"Person_Male_", 0},
		{"Person_Male_1", 0},
		{"Person_Male__X", 0},
		{"Person", -1},
		{"Person_", -1},
		{"Person_Mal", -1},
		{"Politician", -1},
		{"Organisation", -1},
		{"Evénement", -1},
		{"", -1},
		{" Person_Male", -1},
		{"👤 Person_Male", -1},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := KnownType(tt.in, typeNames); got != tt.want {
				t.Errorf("KnownType(%+q) = %d, want %d", tt.in, got, tt.want)
			}
		})
	}
	t.Run("longest wins", func(t *testing.T) {
		names := newNames("Person", "Person_Male", "Person_Ma")
		for _, tt := range []struct {
			in   string
			want int
		}{
			{"Person_Male x", 1},
			{"Person_Mal x", 2},
			{"Person x", 0},
			{"Person_Female", -1}, // "Person" is followed by '_' and a letter
		} {
			if got := KnownType(tt.in, names); got != tt.want {
				t.Errorf("KnownType(%+q, %q) = %d, want %d", tt.in, names.list, got, tt.want)
			}
		}
		// The shorter name first.
		names = newNames("Person_Ma", "Person_Male")
		if got := KnownType("Person_Male x", names); got != 1 {
			t.Errorf("KnownType(\"Person_Male x\", %q) = %d, want 1", names.list, got)
		}
	})
}

// TestSplitTypeLine checks type lines of FORMAT.md §5 (without their icon,
// which IconLen takes off).
func TestSplitTypeLine(t *testing.T) {
	tests := []struct {
		name   string
		in     string
		want   TypeLine
		wantOK bool
	}{
		{"canonical", "Person_Male Secrétaire général", TypeLine{0, "Person_Male", "Secrétaire général"}, true},
		{"upper case", "PERSON_MALE Secrétaire", TypeLine{0, "Person_Male", "Secrétaire"}, true},
		{"lower case known", "organization Ligue", TypeLine{2, "Organization", "Ligue"}, true},
		{"glued", "Person_MaleSecrétaire général", TypeLine{0, "Person_Male", "Secrétaire général"}, true},
		{"glued, upper case", "ORGANIZATIONLigue arabe", TypeLine{2, "Organization", "Ligue arabe"}, true},
		{"each known type", "Other Divers", TypeLine{6, "Other", "Divers"}, true},
		{"Person_Female", "Person_Female Ministre", TypeLine{1, "Person_Female", "Ministre"}, true},
		{"unknown extension", "Person_Male_Extra", TypeLine{-1, "Person_Male_Extra", ""}, true},
		{"unknown extension and description", "Person_Male_Extra Un homme", TypeLine{-1, "Person_Male_Extra", "Un homme"}, true},
		{"unknown", "Politician Un élu", TypeLine{-1, "Politician", "Un élu"}, true},
		{"unknown, starting with Z", "Zebra stuff", TypeLine{-1, "Zebra", "stuff"}, true},
		{"unknown, starting with A", "Actor x", TypeLine{-1, "Actor", "x"}, true},
		{"no name, starting with '_'", "_Abc x", TypeLine{-1, "", "_Abc x"}, false},
		{"known name, a hyphen glued", "Person_Male-x", TypeLine{0, "Person_Male", "x"}, true},
		{"ASCII white space before the name", "\rPerson_Male desc", TypeLine{0, "Person_Male", "desc"}, true},
		{"ASCII white space after the separator", "Person_Male:\r\vdesc", TypeLine{0, "Person_Male", "desc"}, true},
		{"unknown with parts", "Political_Party Un parti", TypeLine{-1, "Political_Party", "Un parti"}, true},
		{"unknown with three parts", "Political_Party_Member Un membre", TypeLine{-1, "Political_Party_Member", "Un membre"}, true},
		{"unknown glued", "PoliticianUn élu", TypeLine{-1, "Politician", "Un élu"}, true},
		{"unknown stops at a lower-case part", "Political_party x", TypeLine{-1, "Political", "_party x"}, true},
		{"known name then a lower-case part", "Person_Male_adult Secrétaire", TypeLine{-1, "Person_Male_adult", "Secrétaire"}, true},
		{"known name then a lower-case part, glued", "Person_Male_adultSecrétaire", TypeLine{-1, "Person_Male_adult", "Secrétaire"}, true},
		{"known name then parts of both cases", "Organization_intl_Sub_x: y", TypeLine{-1, "Organization_intl_Sub_x", "y"}, true},
		{"known name then a one-letter part", "Event_s", TypeLine{-1, "Event_s", ""}, true},
		{"known name in capitals then a part", "EVENT_s x", TypeLine{-1, "E", "VENT_s x"}, true},
		{"known name then a digit part", "Event_1 x", TypeLine{4, "Event", "_1 x"}, true},
		{"unknown in capitals reads one letter", "POLITICIAN x", TypeLine{-1, "P", "OLITICIAN x"}, true},
		{"colon", "Organization: Ligue", TypeLine{2, "Organization", "Ligue"}, true},
		{"colon glued", "Organization:Ligue", TypeLine{2, "Organization", "Ligue"}, true},
		{"space colon", "Organization : Ligue", TypeLine{2, "Organization", "Ligue"}, true},
		{"hyphen", "Organization - Ligue", TypeLine{2, "Organization", "Ligue"}, true},
		{"en dash", "Organization – Ligue", TypeLine{2, "Organization", "Ligue"}, true},
		{"em dash", "Organization — Ligue", TypeLine{2, "Organization", "Ligue"}, true},
		{"em dash glued", "Organization—Ligue", TypeLine{2, "Organization", "Ligue"}, true},
		{"middle dot", "Organization · Ligue", TypeLine{2, "Organization", "Ligue"}, true},
		{"vertical bar", "Organization | Ligue", TypeLine{2, "Organization", "Ligue"}, true},
		{"run of separators", "Organization :: - | — Ligue", TypeLine{2, "Organization", "Ligue"}, true},
		{"NBSP", "Organization\u00A0Ligue", TypeLine{2, "Organization", "Ligue"}, true},
		{"LRM", "Organization\u200EL", TypeLine{2, "Organization", "L"}, true},
		{"ZWSP and colon", "Organization\u200B: Ligue", TypeLine{2, "Organization", "Ligue"}, true},
		{"isolates around colon", "Organization\u2068:\u2069 Ligue", TypeLine{2, "Organization", "Ligue"}, true},
		{"BOM", "Organization\uFEFFLigue", TypeLine{2, "Organization", "Ligue"}, true},
		{"inner separators kept", "Event: 2024 - Sommet | Caire", TypeLine{4, "Event", "2024 - Sommet | Caire"}, true},
		{"separator after glued text kept", "Person_MaleSecrétaire: x", TypeLine{0, "Person_Male", "Secrétaire: x"}, true},
		{"no description", "Organization", TypeLine{2, "Organization", ""}, true},
		{"separators only", "Organization : ", TypeLine{2, "Organization", ""}, true},
		{"leading space", " Person_Male x", TypeLine{0, "Person_Male", "x"}, true},
		{"leading NBSP and ideographic space", "\u00A0\u3000Location Le Caire", TypeLine{3, "Location", "Le Caire"}, true},
		{"leading white space, unknown", "  Politician x", TypeLine{-1, "Politician", "x"}, true},
		{"lower case start", "politician x", TypeLine{-1, "", "politician x"}, false},
		{"capitalized word reads as an unknown type", "Secrétaire", TypeLine{-1, "Secr", "étaire"}, true},
		{"accented start", "Événement x", TypeLine{-1, "", "Événement x"}, false},
		{"digit start", "2024", TypeLine{-1, "", "2024"}, false},
		{"separator start", ": x", TypeLine{-1, "", ": x"}, false},
		{"empty", "", TypeLine{-1, "", ""}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := SplitTypeLine(tt.in, typeNames)
			if got != tt.want || ok != tt.wantOK {
				t.Errorf("SplitTypeLine(%+q) = %#v, %v; want %#v, %v", tt.in, got, ok, tt.want, tt.wantOK)
			}
		})
	}
}

// TestSplitTypeLineAfterIcon checks type lines as the parser reads them:
// the icon taken off with IconLen, the rest split.
func TestSplitTypeLineAfterIcon(t *testing.T) {
	tests := []struct {
		in   string
		want TypeLine
	}{
		{"👤 Person_MaleSecrétaire général", TypeLine{0, "Person_Male", "Secrétaire général"}},
		{"👤Person_Female Ministre", TypeLine{1, "Person_Female", "Ministre"}},
		{"🏛️ Organization Ligue arabe", TypeLine{2, "Organization", "Ligue arabe"}},
		{"📍 LOCATION: Le Caire", TypeLine{3, "Location", "Le Caire"}},
		{"📅\u00A0Event — Sommet", TypeLine{4, "Event", "Sommet"}},
		{"🔖 Politician Un élu", TypeLine{-1, "Politician", "Un élu"}},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			n := IconLen(tt.in)
			got, ok := SplitTypeLine(tt.in[n:], typeNames)
			if !ok || got != tt.want {
				t.Errorf("SplitTypeLine(%+q) = %#v, %v; want %#v, true", tt.in[n:], got, ok, tt.want)
			}
		})
	}
}

// TestSplitTypeLineKnownSpelling checks that every known type, in any
// case, is returned in its canonical spelling with its index.
func TestSplitTypeLineKnownSpelling(t *testing.T) {
	for i, name := range typeNames.list {
		for _, written := range []string{name, strings.ToUpper(name), strings.ToLower(name)} {
			t.Run(written, func(t *testing.T) {
				in := fmt.Sprintf("%s description", written)
				want := TypeLine{i, name, "description"}
				if got, ok := SplitTypeLine(in, typeNames); !ok || got != want {
					t.Errorf("SplitTypeLine(%+q) = %#v, %v; want %#v, true", in, got, ok, want)
				}
			})
		}
	}
}

// writtenNames are typeNames with the icons of FORMAT.md §5.
var writtenNames = NewTypeNames(typeNames.list, []string{"👤", "👤", "🏛️", "📍", "📅", "📦", "🔖"})

// TestSplitWritten checks that SplitWritten, where it answers, gives what
// IconLen and SplitTypeLine give, and that it answers for type lines as
// Format writes them.
func TestSplitWritten(t *testing.T) {
	var texts []string
	for _, icon := range []string{"👤", "🏛️", "🏛", "📍", "🔖", "👤👤", "👤\uFE0F", ""} {
		for _, sep := range []string{" ", "", "  ", "\u00a0"} {
			for _, name := range append(slices.Clone(typeNames.list), "PERSON_MALE", "Person", "Other_Thing", "Orga") {
				for _, rest := range []string{"", "Secrétaire général", ": x", " – y  ", "_Extra", "_", "_1", "·z\u200b", "x ", "- x", "|x", "x\u00a0", " Secrétaire général", " x", "  x", " -x", " :x", " |x", " é", "\x01x"} {
					texts = append(texts, trim(icon+sep+name+rest))
				}
			}
		}
	}
	// Untrimmed, which the lexer never gives, but SplitWritten is to
	// agree with SplitTypeLine on any text.
	for _, rest := range []string{"x ", "x\u00a0", "x\t", "x\u200b"} {
		texts = append(texts, "👤 Person_Male"+rest)
	}
	// Each start with one byte changed, at each place: SplitWritten
	// compares the start in three words, each of which must count.
	for _, w := range writtenNames.written {
		for k := range len(w.s) {
			for _, flip := range []byte{0x01, 0x20, 0x80} {
				b := []byte(w.s + "Description")
				b[k] ^= flip
				texts = append(texts, string(b))
			}
		}
	}
	answered := 0
	for _, text := range texts {
		checkSplitWritten(t, text)
		if _, _, ok := writtenNames.SplitWritten(text); ok {
			answered++
		}
	}
	if answered < 30 {
		t.Errorf("SplitWritten answers for only %d lines", answered)
	}
	if _, _, ok := typeNames.SplitWritten("👤 Person_Male x"); ok {
		t.Error("SplitWritten answers with names that have no icons")
	}
	// It answers for each start as written, Person_Female's too, whose
	// icon, and so whose fourth byte, Person_Male's shares.
	for i, w := range writtenNames.written {
		if known, desc, ok := writtenNames.SplitWritten(w.s + " x"); !ok || known != i || desc != "x" {
			t.Errorf("SplitWritten(%q) = %d, %q, %v; want %d, \"x\", true", w.s+" x", known, desc, ok, i)
		}
	}
}

// checkSplitWritten checks what SplitWritten gives for text, if anything.
func checkSplitWritten(t *testing.T, text string) {
	t.Helper()
	known, desc, ok := writtenNames.SplitWritten(text)
	if !ok {
		return
	}
	got := TypeLine{Known: known, Type: writtenNames.list[known], Description: desc}
	want, wantOK := SplitTypeLine(text[IconLen(text):], writtenNames)
	if !wantOK || got != want {
		t.Errorf("SplitWritten(%+q) = %#v; SplitTypeLine gives %#v, %v", text, got, want, wantOK)
	}
	// The parser does not try such a line as a header.
	if h, ok := ParseHeader(text); ok {
		t.Errorf("SplitWritten splits %+q, which ParseHeader reads as the header %v", text, h)
	}
}

// TestNewTypeNamesPanics checks that NewTypeNames refuses icons that would
// let a type line read as a header, a list of icons of another length,
// and the starts of type lines that SplitWritten cannot compare; and that
// newNames refuses an empty name and more than 64.
func TestNewTypeNamesPanics(t *testing.T) {
	for _, c := range []struct{ names, icons []string }{
		{typeNames.list, []string{"👤", "👤", "🏛️", "📍", "📅", "#", "🔖"}},
		{typeNames.list, []string{"👤", "👤", "🏛️", "📍", "📅", "", "🔖"}},
		{typeNames.list, []string{"👤", "👤", "\uFE0F🏛️", "📍", "📅", "📦", "🔖"}},
		{typeNames.list, []string{"👤"}},
		{[]string{"Ab"}, []string{"👤"}},                   // 7 bytes
		{[]string{"Abcdefghijklmnopqrst"}, []string{"👤"}}, // 25 bytes
	} {
		// Its own panic, not one of the code it guards.
		if msg := panicMessage(func() { NewTypeNames(c.names, c.icons) }); !strings.HasPrefix(msg, "lex: ") {
			t.Errorf("NewTypeNames(%q, %q): panic %q, want one of NewTypeNames", c.names, c.icons, msg)
		}
	}
	// The shortest and longest starts it takes.
	NewTypeNames([]string{"Abc"}, []string{"👤"})
	NewTypeNames([]string{"Abcdefghijklmnopqrs"}, []string{"👤"})
	// newNames refuses an empty name, and more names than its sets hold.
	many := make([]string, 65)
	for i := range many {
		many[i] = fmt.Sprint("T", i)
	}
	for _, list := range [][]string{{"A", ""}, many} {
		if msg := panicMessage(func() { newNames(list...) }); !strings.HasPrefix(msg, "lex: ") {
			t.Errorf("newNames of %d names: panic %q, want one of newNames", len(list), msg)
		}
	}
	newNames(many[:64]...)
}

// panicMessage returns the string that f panics with, or "" when f
// returns or panics with another value.
func panicMessage(f func()) (msg string) {
	defer func() { msg, _ = recover().(string) }()
	f()
	return ""
}

// TestSplitWrittenLongStart checks, with a start of 24 bytes, the longest
// NewTypeNames takes, that SplitWritten compares each of its bytes: with
// any one changed, the line is not the start written, and SplitWritten
// does not answer for it, or answers as SplitTypeLine reads it.
func TestSplitWrittenLongStart(t *testing.T) {
	names := NewTypeNames([]string{"Abcdefghijklmnopqrs"}, []string{"👤"})
	start := "👤 Abcdefghijklmnopqrs"
	if len(start) != 24 {
		t.Fatalf("the start has %d bytes", len(start))
	}
	if known, desc, ok := names.SplitWritten(start + "desc"); !ok || known != 0 || desc != "desc" {
		t.Fatalf("SplitWritten(%q) = %d, %q, %v", start+"desc", known, desc, ok)
	}
	for k := range len(start) {
		b := []byte(start + " desc")
		b[k] ^= 0x01
		text := string(b)
		known, desc, ok := names.SplitWritten(text)
		if !ok {
			continue
		}
		want, wantOK := SplitTypeLine(text[IconLen(text):], names)
		if got := (TypeLine{Known: known, Type: names.list[known], Description: desc}); !wantOK || got != want {
			t.Errorf("SplitWritten(%+q) = %#v; SplitTypeLine gives %#v, %v", text, got, want, wantOK)
		}
	}
}

// TestIconLenCutEmoji checks that an emoji cut short in its third or
// fourth byte, which the lexer reads as U+FFFD, does not take the
// character after it into the icon.
func TestIconLenCutEmoji(t *testing.T) {
	for _, s := range []string{"\xF0\x9F\x8CA", "\xF0\x9FL\x80"} {
		if n := IconLen(s); n > strings.IndexFunc(s, func(r rune) bool { return r < utf8.RuneSelf && r != utf8.RuneError }) {
			t.Errorf("IconLen(%+q) = %d: the icon takes the ASCII letter", s, n)
		}
	}
}

// TestNamesOfOtherLists checks KnownType and SplitWritten with names
// that the digest's list does not have: a name of one letter, and two
// names equal but for case, where the first in the list is taken, and
// neither is the start of a line as written.
func TestNamesOfOtherLists(t *testing.T) {
	if got := KnownType("X y", newNames("X")); got != 0 {
		t.Errorf("KnownType(\"X y\") with the name X = %d, want 0", got)
	}
	if got := KnownType("person x", newNames("Person", "PERSON")); got != 0 {
		t.Errorf("KnownType(\"person x\") with Person and PERSON = %d, want 0", got)
	}
	names := NewTypeNames([]string{"Person", "PERSON"}, []string{"👤", "👥"})
	if known, desc, ok := names.SplitWritten("👤 Person x"); ok {
		t.Errorf("SplitWritten with Person and PERSON = %d, %q, true; want no answer", known, desc)
	}
}
