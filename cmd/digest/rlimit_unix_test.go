//go:build unix

package main

import (
	"syscall"
	"testing"
)

// stopFileGrowth sets the file size limit of the process (RLIMIT_FSIZE)
// to 0: from then on, a write that would make a file longer fails.
func stopFileGrowth(t *testing.T) {
	var lim syscall.Rlimit
	if err := syscall.Getrlimit(syscall.RLIMIT_FSIZE, &lim); err != nil {
		t.Fatal(err)
	}
	lim.Cur = 0
	if err := syscall.Setrlimit(syscall.RLIMIT_FSIZE, &lim); err != nil {
		t.Fatal(err)
	}
}
