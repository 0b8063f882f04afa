//go:build unix

package main

import (
	"os"
	"syscall"
	"testing"
	"time"
)

// TestFmtWriteFIFO checks that fmt -w neither reads nor writes a named
// pipe, and says so with status 2: reading would take what a writer
// sends, which could not be written back, and opening to read waits for
// a writer (this one has none: fmt would hang, which the test reports
// after a while); the pipe must not become a regular file.
func TestFmtWriteFIFO(t *testing.T) {
	inTempDir(t, nil)
	if err := syscall.Mkfifo("pipe.txt", 0o644); err != nil {
		t.Fatal(err)
	}
	var code int
	var stdout, stderr string
	done := make(chan struct{})
	go func() {
		code, stdout, stderr = runDigest("", "fmt", "-w", "pipe.txt")
		close(done)
	}()
	select {
	case <-done:
	case <-time.After(30 * time.Second):
		t.Fatal("fmt -w on a named pipe still runs after 30 s: it waits to read it")
	}
	if code != 2 || stdout != "" {
		t.Errorf("exit status %d, stdout %q; want 2 and nothing", code, stdout)
	}
	checkLines(t, stderr, []string{`^digest: pipe\.txt: not a regular file$`})
	if info, err := os.Lstat("pipe.txt"); err != nil || info.Mode().Type() != os.ModeNamedPipe {
		t.Errorf("pipe.txt after fmt -w: %v, %v; want a named pipe", info, err)
	}
}
