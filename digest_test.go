package digest

import (
	"bytes"
	"encoding/json"
	"testing"
)

// TestMarshalJSONForm checks what MarshalJSON's doc says: '<', '>' and
// '&' left as they are, for the caller's encoder to decide, and no line
// break after the document.
func TestMarshalJSONForm(t *testing.T) {
	b, err := Digest{Title: "a<b>&c"}.MarshalJSON()
	if err != nil {
		t.Fatal(err)
	}
	want := `{"title":"a<b>&c","subtitle":"","summary":"","highlights":[],"core_subject":{"heading":"","paragraphs":[]},"keywords":[],"entities":[]}`
	if string(b) != want {
		t.Errorf("MarshalJSON = %s\nwant %s", b, want)
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(Digest{Title: "a<b>&c"}); err != nil || buf.String() != want+"\n" {
		t.Errorf("an Encoder without HTML escapes writes %q, %v", buf.String(), err)
	}
}
