//go:build !amd64 || purego

package lex

// hasBlocks tells that plainBlocks passes over no byte.
const hasBlocks = false

// plainBlocks passes over no byte: plainWords reads the whole run
// (plainRest).
func plainBlocks(s string, i int) (j int, double bool) { return i, false }
