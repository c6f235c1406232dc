package history

import (
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/policygen/policygen/generator/config"
)

// exampleModels are the model snapshots of the example's released versions.
func exampleModels(t testing.TB) [][]byte {
	names, err := filepath.Glob(filepath.Join("..", "..", "history", "*", ModelFile))
	if err != nil || len(names) == 0 {
		t.Fatalf("no model snapshots in the example's history: %v", err)
	}
	var out [][]byte
	for _, n := range names {
		data, err := os.ReadFile(n)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, data)
	}
	return out
}

// TestModelDecoderDecodesAsSiteDoes decodes every snapshot of the example
// with one decoder, which shares elements between them, and with
// Version.Site: the models must be the same.
func TestModelDecoderDecodesAsSiteDoes(t *testing.T) {
	var d ModelDecoder
	for _, data := range exampleModels(t) {
		v := &Version{Model: data}
		want, err := v.Site()
		if err != nil {
			t.Fatal(err)
		}
		got, ok := d.decode(data)
		if !ok {
			t.Fatal("the decoder does not read a snapshot that release wrote")
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("decoded\n%+v\nwant\n%+v", got, want)
		}
	}
	if n := countElems(&d); n == 0 {
		t.Error("the decoder kept no element")
	}
}

func countElems(d *ModelDecoder) int { return len(d.elems) }

func FuzzModelDecoder(f *testing.F) {
	for _, data := range exampleModels(f) {
		f.Add(data)
	}
	f.Add([]byte("{\n  \"activities\": [\n    {\n      \"id\": \"a\"\n    },\n    {\n      \"id\": \"b\"\n    }\n  ],\n  \"dpo\": null\n}\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		if !json.Valid(data) {
			return // release writes valid JSON, and the manifest's hash keeps it so
		}
		var d ModelDecoder
		got, ok := d.decode(data)
		if !ok {
			return
		}
		var want config.Site
		if err := json.Unmarshal(data, &want); err != nil {
			t.Fatalf("decoded a snapshot that encoding/json refuses: %v", err)
		}
		if !reflect.DeepEqual(got, &want) {
			t.Fatalf("decoded\n%+v\nwant\n%+v", got, &want)
		}
	})
}
