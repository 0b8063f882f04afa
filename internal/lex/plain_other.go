//go:build !amd64 || purego

package lex

// hasBlocks tells that plainBlocks passes over no byte.
const hasBlocks = false

// plainBlocks passes over no byte, and copies none to dst: plainWords
// reads the whole run (plainRest).
func plainBlocks(dst *byte, s string, i int) (j int, double, eol bool) { return i, false, false }
