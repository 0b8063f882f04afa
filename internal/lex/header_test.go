package lex

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// TestParseHeader checks FORMAT.md §2 on lines that are headers.
func TestParseHeader(t *testing.T) {
	tests := []struct {
		name string
		text string
		want Header
	}{
		// Every name, English and French, in several cases.
		{"SUMMARY", "SUMMARY", Header{Section: Summary}},
		{"Summary", "Summary", Header{Section: Summary}},
		{"summary", "summary", Header{Section: Summary}},
		{"sUmMaRy", "sUmMaRy", Header{Section: Summary}},
		{"RÉSUMÉ", "RÉSUMÉ", Header{Section: Summary}},
		{"Résumé", "Résumé", Header{Section: Summary}},
		{"résumé", "résumé", Header{Section: Summary}},
		{"resume", "resume", Header{Section: Summary}},
		{"RESUME", "RESUME", Header{Section: Summary}},
		// Lenient beyond FORMAT.md §2, as a reader expects (see ParseHeader).
		{"space before colon", "Résumé :", Header{Section: Summary}},
		{"emphasis then colon", "**Summary**:", Header{Section: Summary}},
		{"emphasis then space and colon", "**Mots clés** :", Header{Section: Keywords}},
		{"count then colon", "Mentioned entities (6):", Header{Section: Entities, Count: "6"}},
		{"emphasis then count", "**Mentioned Entities** (2)", Header{Section: Entities, Count: "2"}},
		{"emphasis, colon, count", "**Mentioned Entities**: 2", Header{Section: Entities, Count: "2"}},
		{"underscores, colon inside, count", "__Entités mentionnées:__ 12", Header{Section: Entities, Count: "12"}},
		{"Résumé in NFD", "Re\u0301sume\u0301", Header{Section: Summary}},
		{"KEY HIGHLIGHTS", "KEY HIGHLIGHTS", Header{Section: Highlights}},
		{"Key highlights", "Key highlights", Header{Section: Highlights}},
		{"Key Highlights", "Key Highlights", Header{Section: Highlights}},
		{"POINTS CLÉS", "POINTS CLÉS", Header{Section: Highlights}},
		{"Points clés", "Points clés", Header{Section: Highlights}},
		{"points cles", "points cles", Header{Section: Highlights}},
		{"CORE SUBJECT", "CORE SUBJECT", Header{Section: CoreSubject}},
		{"Core subject", "Core subject", Header{Section: CoreSubject}},
		{"SUJET PRINCIPAL", "SUJET PRINCIPAL", Header{Section: CoreSubject}},
		{"Sujet principal", "Sujet principal", Header{Section: CoreSubject}},
		{"KEYWORDS", "KEYWORDS", Header{Section: Keywords}},
		{"Keywords", "Keywords", Header{Section: Keywords}},
		{"MOTS CLÉS", "MOTS CLÉS", Header{Section: Keywords}},
		{"Mots clés", "Mots clés", Header{Section: Keywords}},
		{"mots cles", "mots cles", Header{Section: Keywords}},
		{"MENTIONED ENTITIES", "MENTIONED ENTITIES", Header{Section: Entities}},
		{"Mentioned entities", "Mentioned entities", Header{Section: Entities}},
		{"ENTITÉS MENTIONNÉES", "ENTITÉS MENTIONNÉES", Header{Section: Entities}},
		{"Entités mentionnées", "Entités mentionnées", Header{Section: Entities}},
		{"entites mentionnees", "entites mentionnees", Header{Section: Entities}},

		// Prefixes, emphasis and a trailing colon.
		{"# prefix", "# Summary", Header{Section: Summary}},
		{"## prefix", "## Summary", Header{Section: Summary}},
		{"### prefix without space", "###Summary", Header{Section: Summary}},
		{"bold", "**Summary**", Header{Section: Summary}},
		{"underscores", "__Summary__", Header{Section: Summary}},
		{"bold with inner spaces", "** Summary **", Header{Section: Summary}},
		{"bold with colon inside", "**Summary:**", Header{Section: Summary}},
		{"bold RÉSUMÉ", "**RÉSUMÉ**", Header{Section: Summary}},
		{"# and bold", "## **Key highlights**", Header{Section: Highlights}},
		{"trailing colon", "Summary:", Header{Section: Summary}},
		{"# and colon", "# KEYWORDS:", Header{Section: Keywords}},

		// '-' and '_' read as spaces; runs of spaces read as one.
		{"Key-Highlights", "Key-Highlights", Header{Section: Highlights}},
		{"KEY_HIGHLIGHTS", "KEY_HIGHLIGHTS", Header{Section: Highlights}},
		{"Mots-clés", "Mots-clés", Header{Section: Keywords}},
		{"POINTS-CLÉS", "POINTS-CLÉS", Header{Section: Highlights}},
		{"sujet_principal", "sujet_principal", Header{Section: CoreSubject}},
		{"Core - Subject", "Core - Subject", Header{Section: CoreSubject}},
		{"two spaces", "KEY  HIGHLIGHTS", Header{Section: Highlights}},
		{"hyphen and underscore", "KEY-_HIGHLIGHTS", Header{Section: Highlights}},
		{"long run of hyphens", "KEY" + strings.Repeat("-", 100000) + "HIGHLIGHTS", Header{Section: Highlights}},

		// Case folding beyond ASCII: characters whose decomposition or
		// case fold is an ASCII letter.
		{"KELVIN SIGN", "\u212AEY HIGHLIGHTS", Header{Section: Highlights}},
		{"long s", "\u017Fummary", Header{Section: Summary}},
		{"accent on the first letter", "\u0154\u00E9sum\u00E9", Header{Section: Summary}},             // Ŕésumé
		{"accent on the first letter, bold", "**\u015Aummary**", Header{Section: Summary}},            // Śummary
		{"accent on the first letter, two words", "\u1E30ey highlights", Header{Section: Highlights}}, // Ḱey
		{"two accents on the first letter", "\u1E68UMMARY", Header{Section: Summary}},                 // Ṩ: S, dot below, dot above
		{"long s with a dot", "\u1E9Bummary", Header{Section: Summary}},                               // ẛ: U+017F, dot above
		{"accent on the first letter, count", "\u1E3Eentioned entities 2", Header{Section: Entities, Count: "2"}},

		// The entity count.
		{"count after space", "MENTIONED ENTITIES 6", Header{Section: Entities, Count: "6"}},
		{"count glued", "MENTIONED ENTITIES6", Header{Section: Entities, Count: "6"}},
		{"count in parentheses", "Mentioned entities (6)", Header{Section: Entities, Count: "6"}},
		{"count after colon", "MENTIONED ENTITIES: 6", Header{Section: Entities, Count: "6"}},
		{"count glued to colon", "MENTIONED ENTITIES:6", Header{Section: Entities, Count: "6"}},
		{"two digits", "ENTITÉS MENTIONNÉES 12", Header{Section: Entities, Count: "12"}},
		{"leading zero kept as written", "MENTIONED ENTITIES 06", Header{Section: Entities, Count: "06"}},
		{"zero", "MENTIONED ENTITIES 0", Header{Section: Entities, Count: "0"}},
		{"many digits", "MENTIONED ENTITIES 123456789012345678901234567890", Header{Section: Entities, Count: "123456789012345678901234567890"}},
		{"count and #", "## MENTIONED ENTITIES 6", Header{Section: Entities, Count: "6"}},
		{"count inside bold", "**MENTIONED ENTITIES 6**", Header{Section: Entities, Count: "6"}},
		{"count in parentheses after colon", "Mentioned entities: (6)", Header{Section: Entities, Count: "6"}},
		{"count after NBSP", "MENTIONED ENTITIES\u00A06", Header{Section: Entities, Count: "6"}},
		{"Mentioned-Entities", "Mentioned-Entities 3", Header{Section: Entities, Count: "3"}},
		{"no count with colon", "MENTIONED ENTITIES:", Header{Section: Entities}},
		{"# and tab", "#\tSummary", Header{Section: Summary}},
		{"# and vertical tab", "#\vSummary", Header{Section: Summary}},
		{"em space inside", "Core\u2003subject", Header{Section: CoreSubject}},
		{"ideographic space inside", "Mots\u3000clés", Header{Section: Keywords}},
		// s̀ has no precomposed form: NFC keeps the mark, whose UTF-8
		// ends in 0x80.
		{"combining mark last", "Keywords\u0300", Header{Section: Keywords}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := ParseHeader(tt.text)
			if !ok || got != tt.want {
				t.Errorf("ParseHeader(%+q) = %+v, %v; want %+v, true", tt.text, got, ok, tt.want)
			}
		})
	}
}

// TestParseHeaderNot checks FORMAT.md §2 on lines that are not headers.
func TestParseHeaderNot(t *testing.T) {
	tests := []struct {
		name string
		text string
	}{
		{"empty", ""},
		{"only #", "##"},
		{"only stars", "****"},
		{"underscores, then one", "__Summary _"},
		{"three stars after # and NBSP", trim("#\u00a0***")},
		{"three stars", "***"},
		{"a lead byte of Latin-1 last", "Sum\xc3"},
		{"a lead byte of Latin-1 before an ASCII byte", "R\xc3)sum\xc3)"},
		// After a NBSP, the first letter is compared too.
		{"first letter of another name, after # and NBSP", "#\u00a0Cummary"},
		{"first letter of another name, after emphasis and NBSP", "**\u00a0Peywords**"},
		{"text", "Une réunion consultative"},
		{"list marker", "- SUMMARY"},
		{"bullet", "• SUMMARY"},
		{"period", "SUMMARY."},
		{"two colons", "SUMMARY::"},
		{"letter after", "SUMMARYX"},
		{"letter before", "XSUMMARY"},
		{"word after", "SUMMARY of the day"},
		{"split word", "SUM MARY"},
		{"twice", "SUMMARY SUMMARY"},
		{"trailing hyphen", "SUMMARY-"},
		{"leading underscore", "_SUMMARY"},
		{"unmatched emphasis", "**Summary__"},
		{"single star", "*Summary*"},
		{"# after emphasis", "**# Summary**"},
		{"# after #", "# # Summary"},
		{"reversed", "ENTITIES MENTIONED"},
		{"en dash is no space", "Key–Highlights"},
		{"singular", "KEYWORD"},
		{"Cyrillic Es", "\u0421UMMARY"},
		{"Cyrillic es inside", "SUMMAR\u0423"},
		{"Greek Kappa", "\u039AEY HIGHLIGHTS"},
		{"Greek Alpha", "SUMM\u0391RY"},
		{"Greek Omicron", "C\u039FRE SUBJECT"},
		{"fullwidth", "ＳＵＭＭＡＲＹ"},
		{"fullwidth letter", "SUMMARＹ"},
		{"spacing mark is not Mn", "SUMMARY\u0903"},
		{"ZWJ inside", "SUM\u200DMARY"},

		// The count belongs to the entities header only, in ASCII digits.
		{"count on KEYWORDS", "KEYWORDS 6"},
		{"count on SUMMARY", "SUMMARY 1"},
		{"count on Résumé", "Résumé (2)"},
		{"count after emphasis on SUMMARY", "**Summary** (2)"},
		{"count after half the emphasis", "**Mentioned entities (2)"},
		{"count on KEY HIGHLIGHTS", "KEY HIGHLIGHTS: 3"},
		{"Arabic-Indic digit", "MENTIONED ENTITIES ٦"},
		{"fullwidth digit", "MENTIONED ENTITIES ６"},
		{"word count", "MENTIONED ENTITIES six"},
		{"negative", "MENTIONED ENTITIES -6"},
		{"two counts", "MENTIONED ENTITIES 6 7"},
		{"open parenthesis only", "MENTIONED ENTITIES (6"},
		{"close parenthesis only", "MENTIONED ENTITIES 6)"},
		{"empty parentheses", "MENTIONED ENTITIES ()"},
		{"count before name", "6 MENTIONED ENTITIES"},
		{"only digits", "6"},

		{"very long", strings.Repeat("SUMMARY ", 100000)},
		{"very long run of hyphens", "SUMMARY" + strings.Repeat("-", 100000)},
		{"very long run of hyphens inside", "KEY" + strings.Repeat("-", 100000) + "HIGHLIGHTSX"},
		{"very long count", "KEYWORDS " + strings.Repeat("9", 100000)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got, ok := ParseHeader(tt.text); ok {
				t.Errorf("ParseHeader(%+.40q) = %+v, true; want not a header", tt.text, got)
			}
		})
	}
}

// TestEmojiStartNoHeader checks what mayBeHeader assumes: no character from
// U+1F000 to U+1FAFF is trimmed, folds to nothing, or may start a name.
func TestEmojiStartNoHeader(t *testing.T) {
	for r := rune(0x1F000); r <= 0x1FAFF; r++ {
		s := string(r) + "Summary"
		if isTrimmed(r) || unicode.Is(unicode.Mn, r) || mayStartName(s) {
			t.Errorf("%U may start a header", r)
		}
		if mayBeHeader(s) {
			t.Errorf("mayBeHeader(%+q) = true", s)
		}
	}
}

// TestLatin1Base checks fold's table of Latin-1 letters against their
// canonical decompositions.
func TestLatin1Base(t *testing.T) {
	for r := rune(0xC0); r <= 0xFF; r++ {
		var want byte
		if d := norm.NFD.PropertiesString(string(r)).Decomposition(); d != nil {
			if base, _ := utf8.DecodeRune(d); base < utf8.RuneSelf {
				want = foldASCII(byte(base))
			}
		}
		if got := latin1Base[r-0xC0]; got != want {
			t.Errorf("latin1Base[%U %c] = %q, want %q", r, r, got, want)
		}
	}
}

// TestStartsAName checks that startsAName refuses a line whose first
// words start as a section name does but go on otherwise, such as an
// entity's name, so that ParseHeader does not fold it; and takes a line
// whose first words may still be a section name's.
func TestStartsAName(t *testing.T) {
	for text, want := range map[string]bool{
		"Entity number 12": false,
		"Entity 12":        false,
		"Keynote":          false,
		"Resume":           true,
		"Summa y":          false, // the space parts from "summary"
		// Past the longest name: no name is longer.
		"Entités mentionnées x": false,
		"RESUMES":               false,
		"Entité numéro 12":      false,
		"Mots  cachés":          false,
		"Entreprise publique":   false,
		"Summaryx":              false,
		"Keynote speaker":       false,
		"Coretta Scott King":    false,
		"Points de vue":         false,
		"Summary":               true,
		"SUMMARY :":             true,
		"Entités mentionnées":   true,
		"Points clés":           true,
		"Mots - clés":           true,
		"Points_clés":           true,
		"Key-highlights":        true,
		"MOTS CLÉS":             true,
	} {
		if got := startsAName(text); got != want {
			t.Errorf("startsAName(%q) = %v, want %v", text, got, want)
		}
	}
}

// TestIsDigits checks IsDigits, which takes one or more ASCII digits.
func TestIsDigits(t *testing.T) {
	for s, want := range map[string]bool{"0": true, "0123456789": true, "": false, "1a": false, "a1": false, "٦": false, " 1": false, "/": false, ":": false} {
		if got := IsDigits(s); got != want {
			t.Errorf("IsDigits(%q) = %v, want %v", s, got, want)
		}
	}
}
