// Package jsonscan finds where a JSON document goes wrong, in the same
// words whichever implementation encoding/json is built with:
// GOEXPERIMENT=jsonv2 builds encoding/json on v2, which words its syntax
// errors otherwise than v1, and names a character other than as v1 does.
package jsonscan

import (
	"bytes"
	"fmt"
)

// Check reads data, after a UTF-8 byte order mark, as a JSON document. It
// returns the offset in data of the first byte at which data stops being
// the start of a document, and where in the document that byte was read,
// in the words of encoding/json v1's scanner ("looking for beginning of
// value", "in string literal"). When no byte is at fault, it returns -1
// and "", and whole tells whether data is a whole document, not one cut
// short. Unlike encoding/json, it sets no limit to how deep arrays and
// objects nest.
func Check(data []byte) (fault int, context string, whole bool) {
	const (
		value      = iota // a value is due
		valueOrEnd        // after '[': a value or ']'
		key               // after ',' in an object: a key
		keyOrEnd          // after '{': a key or '}'
		after             // after a value
		inString          // after '"' and what followed it
		escape            // after '\' in a string
		hex               // in the 4 hex digits of a \u escape
		minus             // after a number's '-'
		zero              // after a number's leading 0
		digits            // in a number's integer part, which starts with 1 to 9
		dot               // after a number's '.'
		fraction          // in a number's digits after its '.'
		exponent          // after a number's 'e' or 'E'
		expSign           // after the sign of a number's exponent
		expDigits         // in the digits of a number's exponent
		literal           // in true, false or null
	)
	// In an object, the member being read: after its key (a ':' is due)
	// or after its value (',' or '}'); or an element of an array.
	const (
		objectKey = iota
		objectValue
		arrayValue
	)
	var (
		state   = value
		open    []byte // the containers open, innermost last
		lit     string // the literal being read, true, false or null
		litAt   int    // and the index in it of the byte due
		hexLeft int    // the hex digits still due in a \u escape
	)
	start := 0
	if bytes.HasPrefix(data, []byte("\uFEFF")) {
		start = len("\uFEFF")
	}
	for i := start; i < len(data); i++ {
		c := data[i]
		space := c == ' ' || c == '\t' || c == '\r' || c == '\n'
		switch state {
		case value, valueOrEnd:
			switch {
			case space:
			case c == ']' && state == valueOrEnd:
				open = open[:len(open)-1]
				state = after
			case c == '{':
				open = append(open, objectKey)
				state = keyOrEnd
			case c == '[':
				open = append(open, arrayValue)
				state = valueOrEnd
			case c == '"':
				state = inString
			case c == '-':
				state = minus
			case c == '0':
				state = zero
			case '1' <= c && c <= '9':
				state = digits
			case c == 't':
				lit, litAt, state = "true", 1, literal
			case c == 'f':
				lit, litAt, state = "false", 1, literal
			case c == 'n':
				lit, litAt, state = "null", 1, literal
			default:
				return i, "looking for beginning of value", false
			}
		case key, keyOrEnd:
			switch {
			case space:
			case c == '}' && state == keyOrEnd:
				open = open[:len(open)-1]
				state = after
			case c == '"':
				state = inString
			default:
				return i, "looking for beginning of object key string", false
			}
		case after:
			top := len(open) - 1
			switch {
			case space:
			case top < 0:
				return i, "after top-level value", false
			case open[top] == objectKey:
				if c != ':' {
					return i, "after object key", false
				}
				open[top], state = objectValue, value
			case open[top] == objectValue && c == ',':
				open[top], state = objectKey, key
			case open[top] == objectValue && c == '}':
				open = open[:top]
			case open[top] == objectValue:
				return i, "after object key:value pair", false
			case c == ',':
				state = value
			case c == ']':
				open = open[:top]
			default:
				return i, "after array element", false
			}
		case inString:
			switch {
			case c == '"':
				state = after
			case c == '\\':
				state = escape
			case c < 0x20:
				return i, "in string literal", false
			}
		case escape:
			switch c {
			case 'b', 'f', 'n', 'r', 't', '\\', '/', '"':
				state = inString
			case 'u':
				state, hexLeft = hex, 4
			default:
				return i, "in string escape code", false
			}
		case hex:
			if !isDigit(c) && !('a' <= c && c <= 'f') && !('A' <= c && c <= 'F') {
				return i, `in \u hexadecimal character escape`, false
			}
			if hexLeft--; hexLeft == 0 {
				state = inString
			}
		case minus:
			switch {
			case c == '0':
				state = zero
			case '1' <= c && c <= '9':
				state = digits
			default:
				return i, "in numeric literal", false
			}
		case zero, digits, fraction, expDigits:
			switch {
			case isDigit(c) && state != zero:
			case c == '.' && (state == zero || state == digits):
				state = dot
			case (c == 'e' || c == 'E') && state != expDigits:
				state = exponent
			default:
				// The number ended before c, which is read again as the
				// byte after a value.
				state = after
				i--
			}
		case dot:
			if !isDigit(c) {
				return i, "after decimal point in numeric literal", false
			}
			state = fraction
		case exponent, expSign:
			switch {
			case isDigit(c):
				state = expDigits
			case state == exponent && (c == '+' || c == '-'):
				state = expSign
			default:
				return i, "in exponent of numeric literal", false
			}
		case literal:
			if c != lit[litAt] {
				return i, fmt.Sprintf("in literal %s (expecting %q)", lit, lit[litAt]), false
			}
			if litAt++; litAt == len(lit) {
				state = after
			}
		}
	}
	// The value read last is complete, and so is the document when it is
	// the top-level one: a number may end at the end of data.
	ended := state == after || state == zero || state == digits || state == fraction || state == expDigits
	return -1, "", ended && len(open) == 0
}

// isDigit reports whether c is an ASCII digit.
func isDigit(c byte) bool { return '0' <= c && c <= '9' }
