package digest

// A reference writer of the canonical text form, written from FORMAT.md §7
// and the documentation of Format and AppendFormat alone, not from
// format.go, which TestFormatRef compares with Format. It is slow and
// plain on purpose: each rule is one step, taken whole.
//
// It writes, as the documentation of Format says, the values of a digest
// that Validate rejects as they are, but for an empty value without a
// marker of its own, for which it writes no line, and the subtitle and
// summary, which it splits at "\n", writing no empty line; a type line
// leaves out an empty type or description with its space.

import (
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// refIcons are the icons of the table of FORMAT.md §5, by type name.
var refIcons = map[EntityType]string{
	PersonMale:   "\U0001F464",
	PersonFemale: "\U0001F464",
	Organization: "\U0001F3DB\uFE0F",
	Location:     "\U0001F4CD",
	Event:        "\U0001F4C5",
	Product:      "\U0001F4E6",
	Other:        "\U0001F516",
}

// refIcon returns the icon written before type t: that of FORMAT.md §5's
// table for a known type, that of Other for any other (FORMAT.md §5:
// "Unknown types are written with the Other icon").
func refIcon(t EntityType) string {
	if icon, ok := refIcons[t]; ok {
		return icon
	}
	return refIcons[Other]
}

// refFormat returns the canonical text form of d, as FORMAT.md §7 and the
// documentation of Format give it.
func refFormat(d *Digest) string {
	if d == nil {
		d = &Digest{} // "a nil d as an empty one"
	}
	var b strings.Builder
	// line writes a line: s, then LF.
	line := func(s string) {
		b.WriteString(s)
		b.WriteByte('\n')
	}
	// value writes a value that has no marker of its own on a line of its
	// own: as it is, then LF; an empty one not at all.
	value := func(s string) {
		if s != "" {
			line(s)
		}
	}
	// lines writes each line of a subtitle or summary as value does.
	lines := func(s string) {
		for _, l := range strings.Split(s, "\n") {
			value(l)
		}
	}

	value(d.Title)
	lines(d.Subtitle)
	line("SUMMARY")
	lines(d.Summary)
	line("KEY HIGHLIGHTS")
	for _, h := range d.Highlights {
		line("- " + h)
	}
	line("CORE SUBJECT")
	value(d.CoreSubject.Heading)
	for _, p := range d.CoreSubject.Paragraphs {
		value(p)
	}
	line("KEYWORDS")
	for _, k := range d.Keywords {
		line("- " + k)
	}
	// MENTIONED ENTITIES N, then each entity's name line and its line
	// ICON TYPE DESCRIPTION, separated by single spaces, an empty type or
	// description left out with its space.
	line("MENTIONED ENTITIES " + strconv.Itoa(len(d.Entities)))
	for _, e := range d.Entities {
		value(e.Name)
		fields := []string{refIcon(e.Type)}
		for _, f := range []string{string(e.Type), e.Description} {
			if f != "" {
				fields = append(fields, f)
			}
		}
		line(strings.Join(fields, " "))
	}
	return b.String()
}

// refCopy returns a copy of d that shares no list with it, made without
// the package's own Clone.
func refCopy(d *Digest) *Digest {
	if d == nil {
		return nil
	}
	c := *d
	if d.Highlights != nil {
		c.Highlights = append([]string{}, d.Highlights...)
	}
	if d.CoreSubject.Paragraphs != nil {
		c.CoreSubject.Paragraphs = append([]string{}, d.CoreSubject.Paragraphs...)
	}
	if d.Keywords != nil {
		c.Keywords = append([]string{}, d.Keywords...)
	}
	if d.Entities != nil {
		c.Entities = append([]Entity{}, d.Entities...)
	}
	return &c
}

// checkFormatRef checks that Format writes d as refFormat does, byte for
// byte, that AppendFormat appends the same text, and that neither changes
// d.
func checkFormatRef(t *testing.T, d *Digest) {
	t.Helper()
	before := refCopy(d)
	got := string(Format(d))
	if want := refFormat(d); got != want {
		t.Errorf("Format(%#v):\n%q\nwant (reference):\n%q", d, got, want)
	}
	prefix := []byte("prefix\n")
	if app := string(AppendFormat(prefix, d)); app != string(prefix)+got {
		t.Errorf("AppendFormat(%q, %#v) = %q; want the prefix and Format's text %q", prefix, d, app, got)
	}
	if diff := cmp.Diff(before, d); diff != "" {
		t.Errorf("Format changed the digest (-before +after):\n%s", diff)
	}
}

// refFormatCount is how many generated digests TestFormatRef writes.
const refFormatCount = 20000

// TestFormatRef compares Format with refFormat: on a nil and an empty
// digest, on the digest of each text of testdata and mutations of it, and
// on generated digests, valid and not.
func TestFormatRef(t *testing.T) {
	checkFormatRef(t, nil)
	checkFormatRef(t, &Digest{})
	g := newRefGen(1)
	for _, d := range g.testdataDigests(t, 3) {
		checkFormatRef(t, d)
	}
	for range refFormatCount {
		checkFormatRef(t, g.digest())
	}
}
