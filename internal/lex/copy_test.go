package lex

import (
	"bytes"
	"reflect"
	"strings"
	"testing"
)

// checkCopy checks that a Lexer made with InitCopy reads data as one made
// with Init reads the same bytes as a string, with each implementation of
// plainBlocks: the same lines and the same problems. At the end of input
// its copy is whole, and what it returned does not change when data does.
// Each check runs twice: with the buffer InitCopy allocates, and with one
// that holds the complement of each byte to copy, so that a byte left
// uncopied cannot read as the right one by chance.
func checkCopy(t *testing.T, data []byte) {
	t.Helper()
	src := string(data)
	want, wantProblems := lines(src)
	variants, restore := plainVariants()
	defer restore()
	for name, use := range variants {
		use()
		for _, poisoned := range []bool{false, true} {
			l := new(Lexer)
			if poisoned {
				buf := bytes.Repeat([]byte{0x5A}, len(data)+blockSize)
				for i, c := range []byte(strings.TrimPrefix(src, "\uFEFF")) {
					buf[i] = ^c
				}
				l.initCopy(data, buf)
			} else {
				l.InitCopy(data)
			}
			got, gotProblems := lexLines(l)
			if !reflect.DeepEqual(got, want) || !reflect.DeepEqual(gotProblems, wantProblems) {
				t.Fatalf("InitCopy(%+q) with %s, poisoned %v, read\n%#v\n%#v\nInit read\n%#v\n%#v", src, name, poisoned, got, gotProblems, want, wantProblems)
			}
			if copied, out := strings.TrimPrefix(src, "\uFEFF"), l.str(0, len(l.Input())); out != copied {
				t.Fatalf("InitCopy(%+q) with %s, poisoned %v: the copy at the end is %+q", src, name, poisoned, out)
			}
			for i := range data {
				data[i] ^= 0xFF
			}
			same := reflect.DeepEqual(got, want) && reflect.DeepEqual(gotProblems, wantProblems)
			copy(data, src)
			if !same {
				t.Fatalf("InitCopy(%+q) with %s, poisoned %v: the lines read changed with data:\n%#v\n%#v", src, name, poisoned, got, gotProblems)
			}
		}
	}
}

// TestInitCopy checks InitCopy on lines of every length around a block's,
// and with a character that plainBlocks passes over, or stops at, at every
// offset around a block's end: such a character may end past the block
// plainBlocks copied.
func TestInitCopy(t *testing.T) {
	inputs := []string{"", "\n", "\uFEFF", "\uFEFFa\n", "a", "\r\n\r\n", "a\rb\u0085c\u2028d\n"}
	for n := range 2*blockSize + 2 {
		for _, c := range []string{"", "é", "’", "👤", "\uFE0F", "\xff", "\x01", "\t", "  ", "\r\n", "\u0301", "\u00A0"} {
			line := strings.Repeat("a", n) + c + "bc"
			inputs = append(inputs,
				line,
				line+"\n"+line+"\n",
				strings.Repeat("é", n)+c+"\n\n"+line,
			)
		}
	}
	for _, s := range inputs {
		checkCopy(t, []byte(s))
		// With room after data, which plainBlocks may read.
		b := append(bytes.Repeat([]byte{'x'}, 2*blockSize), s...)
		checkCopy(t, b[2*blockSize:][:len(s):len(s)])
	}
}

// TestUninitialized checks that uninitialized returns n bytes that can be
// written and read back.
func TestUninitialized(t *testing.T) {
	for _, n := range []int{2, blockSize, 4096, 1 << 20} {
		b := uninitialized(n)
		if len(b) != n {
			t.Fatalf("uninitialized(%d) has length %d", n, len(b))
		}
		for i := range b {
			b[i] = byte(i)
		}
		for i, c := range b {
			if c != byte(i) {
				t.Fatalf("uninitialized(%d): byte %d reads %d after %d was written", n, i, c, byte(i))
			}
		}
	}
}
