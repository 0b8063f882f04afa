package digest

import (
	"errors"
	"fmt"

	"digest/internal/lex"
)

// EntityType is the kind of a mentioned entity, written in its canonical
// spelling: "Person_Male", "Organization", and so on.
//
// The constants below are the known types. A digest read from text keeps
// an unknown type as written, so that nothing is lost: json.Marshal writes
// it, and json.Unmarshal reads it back. [EntityType.Known] tells the two
// apart; [Validate] rejects unknown types, and so does [ValidateJSON], as
// the schema does. The zero value, "", is the type of an entity whose type
// line is missing or has no type name.
type EntityType string

// The known entity types.
const (
	PersonMale   EntityType = "Person_Male"
	PersonFemale EntityType = "Person_Female"
	Organization EntityType = "Organization"
	Location     EntityType = "Location"
	Event        EntityType = "Event"
	Product      EntityType = "Product"
	Other        EntityType = "Other"
)

// ErrUnknownEntityType is the error wrapped by [ParseEntityType] for a name
// that is not a known type, and reported by [Validate] for an unknown type.
var ErrUnknownEntityType = errors.New("unknown entity type")

// entityTypes is the table of known types and the icons written before them.
// Unknown types are written with Other's icon.
var entityTypes = [...]struct {
	typ  EntityType
	icon string
}{
	{PersonMale, "\U0001F464"},         // 👤
	{PersonFemale, "\U0001F464"},       // 👤
	{Organization, "\U0001F3DB\uFE0F"}, // 🏛️
	{Location, "\U0001F4CD"},           // 📍
	{Event, "\U0001F4C5"},              // 📅
	{Product, "\U0001F4E6"},            // 📦
	{Other, "\U0001F516"},              // 🔖
}

// maxIconLen is the length of the longest icon of entityTypes.
const maxIconLen = len("\U0001F3DB\uFE0F")

// EntityTypes returns the known entity types, in the order of FORMAT.md,
// in a new slice at each call, which the caller may change.
func EntityTypes() []EntityType {
	types := make([]EntityType, len(entityTypes))
	for i, e := range entityTypes {
		types[i] = e.typ
	}
	return types
}

// ParseEntityType returns the known type whose name is s, compared without
// regard to ASCII case, as [Parse] reads a type line: "person_male" gives
// [PersonMale], while "Perſon_Male", with U+017F LONG S, is unknown. Any
// other name gives an error that wraps [ErrUnknownEntityType].
func ParseEntityType(s string) (EntityType, error) {
	if i := lex.KnownType(s, typeNames); i >= 0 && len(s) == len(entityTypes[i].typ) {
		return entityTypes[i].typ, nil
	}
	return "", fmt.Errorf("%w %q", ErrUnknownEntityType, s)
}

// String returns the type's name: "Person_Male" for [PersonMale].
func (t EntityType) String() string { return string(t) }

// Known reports whether t is one of the known types.
func (t EntityType) Known() bool {
	for _, e := range entityTypes {
		if t == e.typ {
			return true
		}
	}
	return false
}

// Icon returns the icon written before the type in the canonical text form:
// "👤" for [PersonMale]. Unknown types have the icon of [Other].
func (t EntityType) Icon() string {
	for _, e := range entityTypes {
		if t == e.typ {
			return e.icon
		}
	}
	return entityTypes[len(entityTypes)-1].icon
}

// MarshalText returns the type's name as written, known or not, so that an
// unknown type survives a JSON round trip.
func (t EntityType) MarshalText() ([]byte, error) { return []byte(t), nil }

// UnmarshalText sets t to the type named by text. A known name must be
// spelled canonically; any other text is kept verbatim as an unknown type
// (see [EntityType.Known]), so that decoding never loses what the document
// said. Use [ParseEntityType] to accept known types only.
func (t *EntityType) UnmarshalText(text []byte) error {
	for _, e := range entityTypes {
		if string(text) == string(e.typ) {
			*t = e.typ // no allocation for the common case
			return nil
		}
	}
	*t = EntityType(text)
	return nil
}
