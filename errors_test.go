package digest

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"
)

// TestErrorWithPositionWithoutSource checks that an error with no source
// line, as ErrorList.Add makes, is shown alone, without an empty line and
// a caret in the wrong place.
func TestErrorWithPositionWithoutSource(t *testing.T) {
	var list ErrorList
	list.Add(3, 6, errors.New("custom"))
	if got, want := list[0].ErrorWithPosition(), "3:6: custom"; got != want {
		t.Errorf("ErrorWithPosition = %q, want %q", got, want)
	}
}

// TestErrorCount checks the count that the Error of a list gives: every
// error after the first, those that a list cut at DefaultMaxErrors does
// not hold included.
func TestErrorCount(t *testing.T) {
	t.Run("ErrorList", func(t *testing.T) {
		for _, lines := range []int{1, 2, DefaultMaxErrors, DefaultMaxErrors + 1, 24} {
			// A control character on the title line and on each summary
			// line: lines+1 errors.
			text := "T\x01\nSUMMARY\n" + strings.Repeat("S\x01\n", lines)
			_, err := Parse([]byte(text))
			var all ErrorList
			if _, e := (&Parser{AllErrors: true}).Parse([]byte(text)); !errors.As(e, &all) || len(all) != lines+1 {
				t.Fatalf("%d lines: AllErrors gives %v, want %d errors", lines, e, lines+1)
			}
			want := fmt.Sprintf("1:2: control character U+0001 (and %d more errors)", len(all)-1)
			if len(all) == 2 {
				want = "1:2: control character U+0001 (and 1 more error)"
			}
			if err == nil || err.Error() != want {
				t.Errorf("%d lines: Error() = %v, want %q", lines, err, want)
			}
		}
	})
	t.Run("ErrorList grown and rebuilt", func(t *testing.T) {
		// 21 errors: the list holds 10 and one that counts 11.
		text := "T\x01\nSUMMARY\n" + strings.Repeat("S\x01\n", 20)
		_, err := Parse([]byte(text))
		var list ErrorList
		if !errors.As(err, &list) || len(list) != DefaultMaxErrors+1 {
			t.Fatalf("Parse gives %v", err)
		}
		// An error added after the count entry: one that Sort leaves there.
		grown := append(slices.Clone(list), &ParseError{Line: 100, Column: 1, Err: errors.New("my own check")})
		last := list[len(list)-1]
		rebuilt := ErrorList{list[0], {Line: last.Line, Column: last.Column, Err: fmt.Errorf("context: %w", last.Err)}}
		for _, tt := range []struct {
			name string
			list ErrorList
			more int
		}{
			{"with one more error", grown, 21},
			{"its count wrapped", rebuilt, 11},
		} {
			if want := fmt.Sprintf(" (and %d more errors)", tt.more); !strings.HasSuffix(tt.list.Error(), want) {
				t.Errorf("%s: Error() = %q, want it to end with %q", tt.name, tt.list.Error(), want)
			}
		}
	})
	t.Run("ValidationErrors", func(t *testing.T) {
		for _, keywords := range []int{0, 1, 25} {
			// No title, no summary, and empty keywords: keywords+2 errors.
			err := Validate(&Digest{Keywords: make([]string, keywords)})
			want := fmt.Sprintf(" (and %d more errors)", keywords+1)
			if keywords == 0 {
				want = " (and 1 more error)"
			}
			if err == nil || !strings.HasSuffix(err.Error(), want) {
				t.Errorf("%d empty keywords: Error() = %v, want it to end with %q", keywords, err, want)
			}
		}
	})
}

// TestExcerptInvisible checks that a message's quotation escapes the
// invisible characters that strconv.Quote shows as they are, but not
// U+FE0F, which is part of many emoji, and no others.
func TestExcerptInvisible(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"🏛\uFE0E Organization", `"🏛\ufe0e Organization"`},
		{"🏛\uFE0F Organization", "\"🏛\uFE0F Organization\""},
		{"a\u034Fb", `"a\u034fb"`},                     // COMBINING GRAPHEME JOINER
		{"x\U000E0100y\u180B", `"x\U000e0100y\u180b"`}, // variation selectors
		{"\u3164", `"\u3164"`},                         // HANGUL FILLER
		{"a\u202Eb", `"a\u202eb"`},                     // escaped by strconv.Quote already
		{"\xff\u034F", `"\xff\u034f"`},
		{"e\u0301 ü ك", "\"e\u0301 ü ك\""}, // visible marks and letters stay
		{strings.Repeat("a", 39) + "\uFE0E" + "b", `"` + strings.Repeat("a", 39) + `\ufe0e"…`},
	} {
		if got := excerpt(c.in); got != c.want {
			t.Errorf("excerpt(%+q) = %s, want %s", c.in, got, c.want)
		}
	}
}

// TestErrorWithPositionBidi checks that the source line shows the
// bidirectional controls as U+FFFD: shown as they are, a right-to-left
// override would show the rest of the line reversed.
func TestErrorWithPositionBidi(t *testing.T) {
	_, err := Parse([]byte("T\nMENTIONED ENTITIES\nA\n👤\u202EPerson_Male\u202C d\n"))
	var list ErrorList
	if !errors.As(err, &list) || len(list) != 1 {
		t.Fatalf("Parse = %v, want one error", err)
	}
	want := "4:5: type line without type name: \"👤\\u202ePerson_Male\\u202c d\"\n" +
		"  |\n" +
		"4 | 👤\uFFFDPerson_Male\uFFFD d\n" +
		"  |   ^"
	if got := list[0].ErrorWithPosition(); got != want {
		t.Errorf("ErrorWithPosition:\n%s\nwant:\n%s", got, want)
	}
}
