//go:build !unix

package main

import "testing"

// stopFileGrowth would set the file size limit of the process to 0; this
// system has none. The test that calls it fails here, as do the others
// that run a child under a file size limit (underFileLimit, which needs
// bash's ulimit -f).
func stopFileGrowth(t *testing.T) {
	t.Fatal("no file size limit on this system")
}
