//go:build !amd64 || purego

package lex

// hasBlocks tells that plainBlocks passes over no byte.
const hasBlocks = false

// blockSize is how many bytes plainBlocks reads at a time: none.
const blockSize = 1 << 62

// plainBlocks passes over no byte: plainWords reads the whole run.
func plainBlocks(s string, i int) (j int, double bool) { return i, false }
