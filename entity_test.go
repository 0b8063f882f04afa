package digest

import (
	"encoding/json"
	"errors"
	"slices"
	"strconv"
	"testing"
)

// TestParseEntityType checks ParseEntityType, and that it knows a type
// name exactly when Parse reads it as that known type on a type line.
func TestParseEntityType(t *testing.T) {
	tests := []struct {
		name string
		want EntityType // "" for an unknown name
	}{
		{"Person_Male", PersonMale},
		{"person_female", PersonFemale},
		{"ORGANIZATION", Organization},
		{"lOcAtIoN", Location},
		{"Event", Event},
		{"product", Product},
		{"OTHER", Other},
		{"Perſon_Male", ""},  // U+017F LONG S folds to 's' in Unicode, not in ASCII
		{"Person_Mal", ""},   // a prefix
		{"Person_Males", ""}, // longer
		{"Person", ""},
		{"Person\x7fMale", ""}, // DEL is '_' with the bit of case set: no letter
		{"Organisation", ""},
		{"", ""},
	}
	for _, tt := range tests {
		got, err := ParseEntityType(tt.name)
		if got != tt.want {
			t.Errorf("ParseEntityType(%q) = %q, want %q", tt.name, got, tt.want)
		}
		if (err != nil) != (tt.want == "") || err != nil && !errors.Is(err, ErrUnknownEntityType) {
			t.Errorf("ParseEntityType(%q) error = %v", tt.name, err)
		}
		if tt.name == "" {
			continue
		}
		// Parse reads the longest known name that starts the line, and
		// the rest as the description: a name alone is the type exactly
		// when no description is left.
		d, _ := Parse([]byte("T\nMENTIONED ENTITIES 1\nN\n\U0001F516 " + tt.name + "\n"))
		e := d.Entities[0]
		var read EntityType
		if e.Type.Known() && e.Description == "" {
			read = e.Type
		}
		if read != tt.want {
			t.Errorf("Parse reads the type line %q as %q, %q; ParseEntityType gives %q", tt.name, e.Type, e.Description, got)
		}
	}
}

// TestEntityTypeText checks that UnmarshalText takes a known name only in
// its canonical spelling, without allocating, keeps any other text as it
// is, and that MarshalText gives the text back.
func TestEntityTypeText(t *testing.T) {
	for _, tt := range []struct {
		text  string
		known bool
	}{
		{"Person_Male", true},
		{"Organization", true},
		{"Other", true},
		{"person_Male", false}, // known names are matched with their case
		{"PERSON_MALE", false},
		{"Person_male", false},
		{"Politician", false},
		{"Person_Male ", false},
		{"", false},
	} {
		var typ EntityType
		if err := typ.UnmarshalText([]byte(tt.text)); err != nil {
			t.Fatalf("UnmarshalText(%q): %v", tt.text, err)
		}
		if string(typ) != tt.text || typ.Known() != tt.known {
			t.Errorf("UnmarshalText(%q) = %q, known %v; want the text, known %v", tt.text, typ, typ.Known(), tt.known)
		}
		if b, err := typ.MarshalText(); err != nil || string(b) != tt.text {
			t.Errorf("MarshalText of %q = %q, %v", typ, b, err)
		}
		var e Entity
		if err := json.Unmarshal([]byte(`{"type":`+strconv.Quote(tt.text)+`}`), &e); err != nil || e.Type != typ {
			t.Errorf("json.Unmarshal of the type %q = %q, %v", tt.text, e.Type, err)
		}
	}
	text := []byte("Organization")
	var typ EntityType
	if n := testing.AllocsPerRun(10, func() { typ.UnmarshalText(text) }); n != 0 {
		t.Errorf("UnmarshalText of a known name allocated %v times, want 0", n)
	}
}

// TestEntityTypesNew checks that EntityTypes returns the types of
// FORMAT.md §5, in its order, in a slice that the caller may change
// without changing what the next call returns.
func TestEntityTypesNew(t *testing.T) {
	want := []EntityType{PersonMale, PersonFemale, Organization, Location, Event, Product, Other}
	types := EntityTypes()
	if !slices.Equal(types, want) {
		t.Fatalf("EntityTypes() = %q, want %q", types, want)
	}
	types[0] = "Changed"
	if got := EntityTypes(); !slices.Equal(got, want) {
		t.Errorf("after a change of its result, EntityTypes() = %q, want %q", got, want)
	}
}
