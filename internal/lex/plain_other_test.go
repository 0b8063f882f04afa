//go:build !amd64 || purego

package lex

// plainVariants returns the implementations of plainBlocks: here only the
// portable one, with nothing to switch or restore.
func plainVariants() (variants map[string]func(), restore func()) {
	return map[string]func(){"Go": func() {}}, func() {}
}
