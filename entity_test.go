package digest

import (
	"errors"
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
