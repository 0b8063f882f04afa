package lex

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// CutMarker returns s, a trimmed line, without one leading list marker
// (FORMAT.md §4), trimmed again. The markers are '-', '*', '+', '–', '—' and
// digits followed by '.' or ')', each only when white space follows, and
// '•', '·', '‣', '▪', '◦' with or without white space after. A line without
// a marker is returned as it is.
func CutMarker(s string) string {
	if s == "" {
		return s
	}
	n := 0 // length of the marker
	switch c := s[0]; {
	case c == '-' || c == '*' || c == '+':
		n = 1
	case '0' <= c && c <= '9':
		n = 1
		for n < len(s) && '0' <= s[n] && s[n] <= '9' {
			n++
		}
		if n == len(s) || s[n] != '.' && s[n] != ')' {
			return s
		}
		n++
	case c >= utf8.RuneSelf:
		r, size := utf8.DecodeRuneInString(s)
		switch r {
		case '–', '—':
			n = size
		case '•', '·', '‣', '▪', '◦':
			return TrimLeft(s[size:])
		default:
			return s
		}
	default:
		return s
	}
	rest := s[n:]
	if r, _ := utf8.DecodeRuneInString(rest); rest == "" || !unicode.IsSpace(r) {
		return s // not a marker without white space after it
	}
	return TrimLeft(rest)
}

// CutKeyword returns the first keyword piece of s and the rest of s after
// the separator that ends it (',', '،', '、', '，', ';', '؛'); ok is false
// when s holds no separator. The piece is returned as written: see
// CleanKeyword.
func CutKeyword(s string) (piece, rest string, ok bool) {
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == ',' || c == ';':
			return s[:i], s[i+1:], true
		case c >= utf8.RuneSelf:
			r, size := utf8.DecodeRuneInString(s[i:])
			switch r {
			case '،', '、', '，', '؛':
				return s[:i], s[i+size:], true
			}
			i += size - 1
		}
	}
	return s, "", false
}

// CleanKeyword trims a keyword piece and takes off its leading '#'
// characters and list markers, repeatedly, trimming each time.
func CleanKeyword(s string) string {
	for {
		t := CutMarker(trim(strings.TrimLeft(trim(s), "#")))
		if t == s {
			return s
		}
		s = t
	}
}

// EndsSentence reports whether s ends with sentence-final punctuation:
// '.', '!', '?', '…', '؟', '。', '！', '？'.
func EndsSentence(s string) bool {
	r, _ := utf8.DecodeLastRuneInString(s)
	switch r {
	case '.', '!', '?', '…', '؟', '。', '！', '？':
		return true
	}
	return false
}
