package history

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"testing"
)

// exampleModels are the model snapshots of the example's released
// versions, by file name.
func exampleModels(t testing.TB) map[string][]byte {
	names, err := filepath.Glob(filepath.Join("..", "..", "history", "*", ModelFile))
	if err != nil || len(names) == 0 {
		t.Fatalf("no model snapshots in the example's history: %v", err)
	}
	out := map[string][]byte{}
	for _, n := range names {
		data, err := os.ReadFile(n)
		if err != nil {
			t.Fatal(err)
		}
		out[n] = data
	}
	return out
}

// TestReleasedModelsEncodeToTheirOwnBytes decodes each model.json of the
// example and encodes it again: the bytes must be those released, since
// the manifests hash them.
func TestReleasedModelsEncodeToTheirOwnBytes(t *testing.T) {
	for name, data := range exampleModels(t) {
		s, err := DecodeModel(data)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		again, err := EncodeModel(s)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if !bytes.Equal(again, data) {
			t.Errorf("%s: encoding the decoded model gives other bytes than the released file", name)
		}
	}
}

// TestDecodeModelReadsAnyLayoutOfJSON decodes each snapshot of the example
// compacted onto one line: the layout release writes is not required.
func TestDecodeModelReadsAnyLayoutOfJSON(t *testing.T) {
	for name, data := range exampleModels(t) {
		want, err := DecodeModel(data)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		var compact bytes.Buffer
		if err := json.Compact(&compact, data); err != nil {
			t.Fatal(err)
		}
		got, err := DecodeModel(compact.Bytes())
		if err != nil {
			t.Fatalf("%s compacted: %v", name, err)
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s: the compacted snapshot decodes to another model", name)
		}
	}
}

func TestDecodeModelNamesWhatIsWrong(t *testing.T) {
	v := &Version{Dir: "history/2025-03-01", Model: []byte(`{"activities": [{"basis": "whim"}]}`)}
	_, err := v.Site()
	const want = `history/2025-03-01/model.json: unknown legal basis "whim"`
	if err == nil || err.Error() != want {
		t.Errorf("got %v, want %s", err, want)
	}
}
