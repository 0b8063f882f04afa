//go:build unix

package main

import (
	"os"
	"syscall"
	"testing"
)

// TestFmtWriteFIFO checks that fmt -w reads a named pipe but does not
// write it: opening it to write would wait for a reader, and the pipe
// must not become a regular file.
func TestFmtWriteFIFO(t *testing.T) {
	seed := readSeed(t)
	inTempDir(t, nil)
	if err := syscall.Mkfifo("pipe.txt", 0o644); err != nil {
		t.Fatal(err)
	}
	go func() {
		// Opening to write waits for fmt to open the pipe to read.
		f, err := os.OpenFile("pipe.txt", os.O_WRONLY, 0)
		if err != nil {
			return // fmt then waits for a writer: the test times out
		}
		f.Write(seed)
		f.Close()
	}()
	code, stdout, stderr := runDigest("", "fmt", "-w", "pipe.txt")
	if code != 2 || stdout != "" {
		t.Errorf("exit status %d, stdout %q; want 2 and nothing", code, stdout)
	}
	checkLines(t, stderr, []string{`^digest: pipe\.txt: not a regular file$`})
	if info, err := os.Lstat("pipe.txt"); err != nil || info.Mode().Type() != os.ModeNamedPipe {
		t.Errorf("pipe.txt after fmt -w: %v, %v; want a named pipe", info, err)
	}
}
