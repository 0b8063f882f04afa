//go:build amd64 && !purego

package lex

import "golang.org/x/sys/cpu"

// useAVX2 tells plainBlocks to read its blocks with AVX2 rather than SSE2.
var useAVX2 = cpu.X86.HasAVX2

// hasBlocks tells that plainBlocks reads blocks.
const hasBlocks = true

// plainBlocks is Plain 32 bytes at a time, with AVX2 where the processor
// has it (useAVX2), and otherwise with SSE2, which every amd64 processor
// has. It stops at the first byte that Plain stops at. Where less than a
// block is left, it reads the last bytes as one block, with the bytes past
// the end of s masked, when those 32 bytes lie in one page: memory is
// mapped page by page, so the read cannot fault. Otherwise it stops early,
// and Plain reads on from there (plainRest): when those 32 bytes would
// cross a page, and in the last block, one character at a time, where
// fewer than 4 bytes are left, even when they hold a whole character. So
// every stop that is not a byte Plain stops at has j+blockSize > len(s),
// which Plain and Lexer.NextText test to tell the two apart. It is
// written in plain_amd64.s.
//
// Unless dst is nil, plainBlocks also copies each block it reads to the
// same offset of dst, and each character it passes over after a stop, as
// it may end past the block. On return, s[i:j] has been copied, and so
// has s[j] when j+blockSize <= len(s): plainBlocks then stopped at s[j]
// in a block it read whole. dst must have room for len(s)+blockSize-1
// bytes, as the last block may run past the end of s.
//
// eol reports that plainBlocks stopped at a '\n' in a block it read whole,
// with no two spaces in a row before it: s[i:j] is then plain text up to
// a '\n', a whole line when i starts one, and s[i:j+1] has been copied
// unless dst is nil.
//
//go:noescape
func plainBlocks(dst *byte, s string, i int) (j int, double, eol bool)
