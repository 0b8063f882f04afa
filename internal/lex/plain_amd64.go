//go:build amd64 && !purego

package lex

// blockSize is how many bytes plainBlocks reads at a time.
const blockSize = 32

// plainBlocks is Plain 32 bytes at a time, with SSE2, which every amd64
// processor has. It stops at the first byte that Plain stops at, or when
// less than a block is left; Plain reads on from there. It is written in
// plain_amd64.s.
//
//go:noescape
func plainBlocks(s string, i int) (j int, double bool)
