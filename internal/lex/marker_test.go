package lex

import (
	"reflect"
	"testing"
)

// TestCutMarker checks the list markers of FORMAT.md §4.
func TestCutMarker(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"hyphen", "- x", "x"},
		{"nine", "9. x", "x"},
		{"digits with a nine", "19) x", "x"},
		{"star", "* x", "x"},
		{"plus", "+ x", "x"},
		{"en dash", "– x", "x"},
		{"em dash", "— x", "x"},
		{"hyphen glued", "-x", "-x"},
		{"star glued", "*x", "*x"},
		{"plus glued", "+x", "+x"},
		{"en dash glued", "–x", "–x"},
		{"em dash glued", "—x", "—x"},
		{"bullet", "• x", "x"},
		{"bullet glued", "•x", "x"},
		{"middle dot", "· x", "x"},
		{"middle dot glued", "·x", "x"},
		{"triangular bullet", "‣ x", "x"},
		{"triangular bullet glued", "‣x", "x"},
		{"small square", "▪ x", "x"},
		{"small square glued", "▪x", "x"},
		{"white bullet", "◦ x", "x"},
		{"white bullet glued", "◦x", "x"},
		{"digits and period", "12. x", "x"},
		{"digit and parenthesis", "3) x", "x"},
		{"zero", "0. x", "x"},
		{"digits glued", "1.x", "1.x"},
		{"percentage", "12.5%", "12.5%"},
		{"decimal", "3.14 is pi", "3.14 is pi"},
		{"digits alone", "12", "12"},
		{"digits and period alone", "12.", "12."},
		{"digit and parenthesis alone", "3)", "3)"},
		{"digits and colon", "1: x", "1: x"},
		{"digits and space", "2024 was", "2024 was"},
		{"period without digits", ". x", ". x"},
		{"only one marker", "- - x", "- x"},
		{"only one bullet", "• • x", "• x"},
		{"only one numbered marker", "1. 2. x", "2. x"},
		{"hyphen then bullet", "- • x", "• x"},
		{"lone hyphen", "-", "-"},
		{"lone em dash", "—", "—"},
		{"lone bullet", "•", ""},
		{"bullet and space", "• ", ""},
		{"empty", "", ""},
		{"no marker", "x", "x"},
		{"NBSP after marker", "-\u00A0x", "x"},
		{"ideographic space after marker", "-\u3000x", "x"},
		{"tab after marker", "-\tx", "x"},
		{"rest trimmed", "- \u200B\u00A0x", "x"},
		{"format character is not white space", "-\u200Bx", "-\u200Bx"},
		{"bullet, rest trimmed", "•\u200Ex", "x"},
		{"minus sign", "− x", "− x"},
		{"hyphen U+2010", "‐ x", "‐ x"},
		{"black square", "■ x", "■ x"},
		{"marker later in the line", "x - y", "x - y"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := CutMarker(tt.in); got != tt.want {
				t.Errorf("CutMarker(%+q) = %+q, want %+q", tt.in, got, tt.want)
			}
		})
	}
}

// TestCutKeyword checks the keyword separators of FORMAT.md §4 by cutting
// a line into all its pieces.
func TestCutKeyword(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{"comma", "a, b", []string{"a", " b"}},
		{"Arabic comma", "a،b", []string{"a", "b"}},
		{"ideographic comma", "a、b", []string{"a", "b"}},
		{"fullwidth comma", "a，b", []string{"a", "b"}},
		{"semicolon", "a;b", []string{"a", "b"}},
		{"Arabic semicolon", "a؛b", []string{"a", "b"}},
		{"all separators", "a,b،c、d，e;f؛g", []string{"a", "b", "c", "d", "e", "f", "g"}},
		{"no separator", "a b", []string{"a b"}},
		{"empty", "", []string{""}},
		{"empty pieces", ",a,,b,", []string{"", "a", "", "b", ""}},
		{"only a separator", "、", []string{"", ""}},
		{"multi-byte pieces", "été، hiver", []string{"été", " hiver"}},
		{"Arabic", "فلسطين، الجامعة العربية", []string{"فلسطين", " الجامعة العربية"}},
		{"CJK", "東京、大阪", []string{"東京", "大阪"}},
		{"period is no separator", "a.b", []string{"a.b"}},
		{"colon is no separator", "a:b", []string{"a:b"}},
		{"middle dot is no separator", "a·b", []string{"a·b"}},
		{"slash is no separator", "a/b", []string{"a/b"}},
		{"small comma is no separator", "a﹐b", []string{"a﹐b"}},
		{"ideographic full stop is no separator", "a。b", []string{"a。b"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			rest := tt.in
			for more := true; more; {
				var piece string
				piece, rest, more = CutKeyword(rest)
				got = append(got, piece)
				if !more && rest != "" {
					t.Errorf("CutKeyword: rest %+q with ok false", rest)
				}
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("pieces of %+q = %+q, want %+q", tt.in, got, tt.want)
			}
		})
	}
}

// TestCleanKeyword checks FORMAT.md §4: a keyword piece is trimmed and
// loses its leading '#' characters and list markers, repeatedly.
func TestCleanKeyword(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"plain", "tag", "tag"},
		{"trimmed", "  tag\u00A0", "tag"},
		{"format characters trimmed", "\u200Etag\u200B", "tag"},
		{"hash", "#tag", "tag"},
		{"hashes", "###tag", "tag"},
		{"hash and space", "# tag", "tag"},
		{"hash and ZWSP", "#\u200Btag", "tag"},
		{"white space then hash", " #tag", "tag"},
		{"hyphen marker", "- tag", "tag"},
		{"bullet marker", "•tag", "tag"},
		{"numbered marker", "1. tag", "tag"},
		{"marker then hash", "- #tag", "tag"},
		{"hash then marker", "#- tag", "tag"},
		{"repeated", "- #- #tag", "tag"},
		{"repeated markers", "- - • #tag", "tag"},
		{"inner hash kept", "C#", "C#"},
		{"inner marker kept", "e-commerce", "e-commerce"},
		{"hash and digits", "#1", "1"},
		{"glued hyphen kept", "-tag", "-tag"},
		{"empty", "", ""},
		{"white space only", " \t ", ""},
		{"only hashes", "##", ""},
		{"only a bullet", " • ", ""},
		{"lone hyphen is not a marker", " - ", "-"},
		{"inner space kept", " Ligue arabe ", "Ligue arabe"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := CleanKeyword(tt.in); got != tt.want {
				t.Errorf("CleanKeyword(%+q) = %+q, want %+q", tt.in, got, tt.want)
			}
		})
	}
}

// TestEndsSentence checks the sentence-final punctuation of FORMAT.md §4.
func TestEndsSentence(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"Fin.", true},
		{"Fin!", true},
		{"Fin?", true},
		{"Fin…", true},
		{"انتهى؟", true},
		{"終わり。", true},
		{"終わり！", true},
		{"終わり？", true},
		{"Fin...", true},
		{".", true},
		{"Fin", false},
		{"", false},
		{"Fin,", false},
		{"Fin;", false},
		{"Fin:", false},
		{"Fin.»", false},
		{"(Fin.)", false},
		{"\"Fin.\"", false},
		{"Fin. ", false},
		{"Fin‼", false},
		{"Fin⁇", false},
		{"¿Fin", false},
		{"Fin、", false},
		{"Fin．", false},
		{"Fin\xff", false},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := EndsSentence(tt.in); got != tt.want {
				t.Errorf("EndsSentence(%+q) = %v, want %v", tt.in, got, tt.want)
			}
		})
	}
}
