//go:build !unix

package main

import "testing"

// stopFileGrowth would set the file size limit of the process to 0; this
// system has none, and the tests that need it run on Unix only.
func stopFileGrowth(t *testing.T) {
	t.Fatal("no file size limit on this system")
}
