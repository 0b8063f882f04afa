//go:build linux

package lex

import (
	"os"
	"strings"
	"syscall"
	"testing"
	"unsafe"
)

// TestPlainPageEnd runs Plain, and a Lexer made with InitCopy, on
// strings that end where a page ends, with the next page unmapped: they
// must not read past the end of the string there, or the test dies of a
// fault.
func TestPlainPageEnd(t *testing.T) {
	page := os.Getpagesize()
	mem, err := syscall.Mmap(-1, 0, 2*page, syscall.PROT_READ|syscall.PROT_WRITE, syscall.MAP_ANON|syscall.MAP_PRIVATE)
	if err != nil {
		t.Fatal(err)
	}
	defer syscall.Munmap(mem)
	if err := syscall.Mprotect(mem[page:], syscall.PROT_NONE); err != nil {
		t.Fatal(err)
	}
	texts := []string{"", "a", " ", "  ", "é", "\xc3", "\xe2\x80", "’", "👤", "\xf0\x9f\x91"}
	for n := range 70 {
		texts = append(texts, strings.Repeat("a", n), strings.Repeat("é ", n/2), strings.Repeat("a", n)+"👤",
			strings.Repeat("a", n)+"\nb", strings.Repeat("a", n)+"é\n\n")
	}
	for _, s := range texts {
		// s ends at the end of the page; so does each string below,
		// which starts up to 40 bytes before s.
		for pad := range 40 {
			start := page - len(s) - pad
			copy(mem[start:], strings.Repeat("b", pad)+s)
			checkPlain(t, unsafe.String(&mem[start], page-start))
			checkCopy(t, mem[start:page])
		}
	}
}
