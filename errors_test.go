package digest

import (
	"errors"
	"testing"
)

// TestErrorWithPositionWithoutSource checks that an error with no source
// line, as ErrorList.Add makes, is shown alone, without an empty line and
// a caret in the wrong place.
func TestErrorWithPositionWithoutSource(t *testing.T) {
	var list ErrorList
	list.Add(3, 6, errors.New("custom"))
	if got, want := list[0].ErrorWithPosition(), "3:6: custom"; got != want {
		t.Errorf("ErrorWithPosition = %q, want %q", got, want)
	}
}
