package main

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"testing"
)

// TestFmtWriteCopyNotMade checks that fmt -w leaves a file as it is, and
// says why, when it cannot make its copy. The file is named by one of
// the process's descriptors, /proc/self/fd/N: it may be written, but no
// file may be made in that directory, not even by root.
func TestFmtWriteCopyNotMade(t *testing.T) {
	const text = "T\nSUMMARY\nS.\nKEYWORDS\na, b\n"
	dir := inTempDir(t, map[string]string{"a.txt": text})
	f, err := os.Open(filepath.Join(dir, "a.txt"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	// The directory is named as given: through a link, "L/../fd/" is not
	// "fd", and "-/" is not standard input.
	for _, link := range []string{"L", "-"} {
		if err := os.Symlink("/proc/self/task", link); err != nil {
			t.Fatal(err)
		}
	}
	for _, dir := range []string{"/proc/self/fd/", "L/../fd/", "-/../fd/"} {
		name := fmt.Sprintf("%s%d", dir, f.Fd())
		code, stdout, stderr := runDigest("", "fmt", "-w", "--", name)
		if code != 2 || stdout != "" {
			t.Errorf("fmt -w %s: exit status %d, stdout %q; want 2 and nothing", name, code, stdout)
		}
		checkLines(t, stderr, []string{`^digest: ` + regexp.QuoteMeta(name) + `: making a copy of it in ` + regexp.QuoteMeta(dir) + `, before rewriting it: [a-z ]+$`})
	}
	if got, err := os.ReadFile("a.txt"); err != nil || string(got) != text {
		t.Errorf("a.txt holds %q, %v; want it unchanged", got, err)
	}
	checkDir(t, dir, "-", "L", "a.txt")

	// A name without a directory: the current one, ".".
	t.Chdir("/proc/self/fd")
	name := fmt.Sprint(f.Fd())
	if code, _, stderr := runDigest("", "fmt", "-w", name); code != 2 {
		t.Errorf("fmt -w %s in /proc/self/fd: exit status %d; want 2", name, code)
	} else {
		checkLines(t, stderr, []string{`^digest: ` + name + `: making a copy of it in \., before rewriting it: [a-z ]+$`})
	}
}
