package digest

import (
	"bytes"
	"testing"

	"digest/internal/race"
)

// TestAppendFormat checks that AppendFormat appends to a buffer what
// Format returns, leaves the bytes before it as they were, and allocates
// nothing when the buffer has room.
func TestAppendFormat(t *testing.T) {
	_, seed, _ := seedForms(t)
	// Values that Validate rejects too: formatSize bounds their text.
	odd := &Digest{
		Title: "A\nB", Subtitle: "\n\nC\n", Highlights: []string{"", "x\ny"},
		Keywords: []string{""}, CoreSubject: CoreSubject{Paragraphs: []string{"", ""}},
		Entities: []Entity{{}, {Type: "Politician"}, {Name: "N", Type: Other, Description: "d\ne"}},
	}
	for name, d := range map[string]*Digest{"seed": seed, "sample": sampleDigest(), "empty": {}, "nil": nil, "large": largeValidDigest(), "odd": odd} {
		// Format is AppendFormat to nil, whose text the golden tests
		// check: the cases below append to other buffers.
		want := Format(d)
		// A prefix, in a buffer that is full and in one with room.
		for _, room := range []int{0, formatSize(nilDigest(d), false)} {
			prefix := append(make([]byte, 0, len("before\n")+room), "before\n"...)
			got := AppendFormat(prefix, d)
			if !bytes.HasPrefix(got, []byte("before\n")) || !bytes.Equal(got[len(prefix):], want) {
				t.Errorf("%s: AppendFormat(prefix, d) with room for %d = %q..., want the prefix and then Format(d)", name, room, got[:min(len(got), 40)])
			}
			if room > 0 && &got[0] != &prefix[0] {
				t.Errorf("%s: AppendFormat(prefix, d) moved a buffer that had room", name)
			}
		}
		// Room for the text, as formatSize bounds it: no allocation, and
		// the same array.
		buf := make([]byte, 0, formatSize(nilDigest(d), false))
		allocs := testing.AllocsPerRun(10, func() {
			out := AppendFormat(buf, d)
			if &out[0] != &buf[:1][0] {
				t.Fatalf("%s: AppendFormat moved a buffer that had room", name)
			}
		})
		if allocs != 0 {
			t.Errorf("%s: AppendFormat allocated %v times with room in the buffer", name, allocs)
		}
	}
}

// nilDigest returns d, or an empty digest for nil, as Format reads it.
func nilDigest(d *Digest) *Digest {
	if d == nil {
		return &Digest{}
	}
	return d
}

// TestFormatOneAllocation checks that Format allocates once: it sizes its
// buffer from a bound of the text's length, which the text never passes.
func TestFormatOneAllocation(t *testing.T) {
	if race.Enabled {
		// Built for the race detector, slices.Grow allocates the
		// extension that it appends, and then the grown slice.
		t.Skip("the race detector's build of slices.Grow allocates twice")
	}
	_, seed, _ := seedForms(t)
	for name, d := range map[string]*Digest{"seed": seed, "empty": {}, "large": largeValidDigest()} {
		if n := testing.AllocsPerRun(5, func() { Format(d) }); n != 1 {
			t.Errorf("%s: Format allocated %v times, want 1", name, n)
		}
	}
}

// TestFormatAsIs checks that Format writes the values of a digest that
// Validate rejects as they are: white space at the ends of a subtitle or
// summary line is kept, and a title or heading is written whole, line
// breaks and all; only the empty lines of a subtitle or summary are left
// out (TestFormatNoBlankLine).
func TestFormatAsIs(t *testing.T) {
	d := &Digest{Title: "A\n\nB", Subtitle: " C ", Summary: "D\t\n\nE", CoreSubject: CoreSubject{Heading: "H\n\nI"}}
	want := "A\n\nB\n C \nSUMMARY\nD\t\nE\nKEY HIGHLIGHTS\nCORE SUBJECT\nH\n\nI\nKEYWORDS\nMENTIONED ENTITIES 0\n"
	if got := Format(d); string(got) != want {
		t.Errorf("Format = %q, want %q", got, want)
	}
}

// TestFormatNoBlankLine checks that Format writes no blank line for an
// empty line of a subtitle or summary: reading would drop it anyway.
func TestFormatNoBlankLine(t *testing.T) {
	got := Format(&Digest{Title: "T", Subtitle: "A\n\nB", Summary: "\nC\n\n\nD\n"})
	if want := "T\nA\nB\nSUMMARY\nC\nD\nKEY HIGHLIGHTS\n"; !bytes.HasPrefix(got, []byte(want)) {
		t.Errorf("Format = %q, want it to start with %q", got, want)
	}
}
