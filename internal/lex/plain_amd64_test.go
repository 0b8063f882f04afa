//go:build amd64 && !purego

package lex

import "golang.org/x/sys/cpu"

// plainVariants returns the implementations of plainBlocks that this
// processor runs, each with a function that makes it the current one, and
// a function that restores the current one.
func plainVariants() (variants map[string]func(), restore func()) {
	saved := useAVX2
	variants = map[string]func(){"SSE2": func() { useAVX2 = false }}
	if cpu.X86.HasAVX2 {
		variants["AVX2"] = func() { useAVX2 = true }
	}
	return variants, func() { useAVX2 = saved }
}
