package site_test

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/policygen/policygen/generator/config"
	"github.com/policygen/policygen/generator/history"
	"github.com/policygen/policygen/generator/site"
)

// releasedModels reads the model snapshots of a history folder, oldest
// first, each followed by its copy compacted onto one line.
func releasedModels(t testing.TB, historyDir string) (models [][]byte) {
	t.Helper()
	names, err := filepath.Glob(filepath.Join(historyDir, "*", history.ModelFile))
	if err != nil || len(names) < 2 {
		t.Fatalf("%d model snapshots in %s: %v", len(names), historyDir, err)
	}
	for _, n := range names {
		data, err := os.ReadFile(n)
		if err != nil {
			t.Fatal(err)
		}
		var compact bytes.Buffer
		if err := json.Compact(&compact, data); err != nil {
			t.Fatal(err)
		}
		models = append(models, data, compact.Bytes())
	}
	return models
}

// decodesAsUnmarshal decodes the models with one decoder, which shares
// elements between them, and checks each against json.Unmarshal, and that
// the released ones encode again to the bytes released.
func decodesAsUnmarshal(t *testing.T, models [][]byte) {
	t.Helper()
	var d site.SnapshotDecoder
	for i, data := range models {
		var want config.Site
		if err := json.Unmarshal(data, &want); err != nil {
			t.Fatal(err)
		}
		got, ok := d.Shared(data)
		if !ok {
			t.Fatalf("snapshot %d is left to the plain decoder", i)
		}
		if !reflect.DeepEqual(got, &want) {
			t.Fatalf("snapshot %d decodes to\n%+v\nwant\n%+v", i, got, &want)
		}
		if again, err := history.EncodeModel(got); i%2 == 0 && (err != nil || !bytes.Equal(again, data)) {
			t.Errorf("snapshot %d encodes again to other bytes than released (%v)", i, err)
		}
	}
}

func TestSnapshotDecoderDecodesTheExampleAsUnmarshalDoes(t *testing.T) {
	decodesAsUnmarshal(t, releasedModels(t, filepath.Join("..", "..", "history")))
}

func TestSnapshotDecoderDecodesTheLargeSiteAsUnmarshalDoes(t *testing.T) {
	decodesAsUnmarshal(t, releasedModels(t, filepath.Join(largeSite(t, 6), "history")))
}

// TestSnapshotDecoderSharesAnElementWrittenTheSame decodes two snapshots
// whose first tracker is written the same: the second reuses the first's,
// down to the map of its texts.
func TestSnapshotDecoderSharesAnElementWrittenTheSame(t *testing.T) {
	const tracker = `{"name": "_ga", "provider": "google", "category": "statistics", "kind": "cookie", "expiry": "2y", "purpose": {"en": "Counts visits"}}`
	var d site.SnapshotDecoder
	a, okA := d.Shared([]byte(`{"trackers": [` + tracker + `]}`))
	b, okB := d.Shared([]byte(`{"trackers": [` + tracker + `, {"name": "other"}], "changes": []}`))
	if !okA || !okB || len(a.Trackers) != 1 || len(b.Trackers) != 2 {
		t.Fatalf("decoded %+v (%v) and %+v (%v)", a, okA, b, okB)
	}
	if reflect.ValueOf(a.Trackers[0].Purpose.ByLang).Pointer() != reflect.ValueOf(b.Trackers[0].Purpose.ByLang).Pointer() {
		t.Error("the tracker written the same was decoded twice")
	}
}

// snapshotSeeds are the forms of a snapshot where sharing could go wrong:
// lists that are null, empty, missing, repeated or spelled in another
// case, elements that are null or do not decode.
var snapshotSeeds = []string{
	`{"activities": [{"id": "a"}, {"id": "b"}], "dpo": null}`,
	`{"activities": null, "processors": [], "trackers": [null]}`,
	`{"activities": [{"id": "a", "title": "x"}], "activities": [{"id": "b"}]}`,
	`{"Activities": [{"id": "a"}], "activities": [{"title": "t"}]}`,
	`{"retention": [{"id": "r", "period": "30d"}, {"id": "r", "period": "30d"}]}`,
	`{"retention": [{"id": "r", "period": "thirty days"}]}`,
	`{"changes": [{"date": "2025-03-01T00:00:00Z", "note": {"en": "First"}}], "site": {"languages": ["en"]}}`,
	`{"trackers": [1]}`, `{"trackers": {}}`, `[]`, `null`, `{}`,
}

// FuzzSnapshotDecoder checks that a build's decoding of a snapshot gives
// what Version.Site gives, model and error, the first time and when every
// element comes from what the decoder kept.
func FuzzSnapshotDecoder(f *testing.F) {
	for _, s := range snapshotSeeds {
		f.Add([]byte(s))
	}
	for _, data := range releasedModels(f, filepath.Join("..", "..", "history"))[:2] {
		f.Add(data)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		v := &history.Version{Dir: "history/2025-03-01", Model: data}
		want, wantErr := v.Site()
		var d site.SnapshotDecoder
		for range 2 {
			got, err := d.Site(v)
			if (err == nil) != (wantErr == nil) || err != nil && err.Error() != wantErr.Error() {
				t.Fatalf("%s: error %v, want %v", data, err, wantErr)
			}
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("%s: decoded\n%+v\nwant\n%+v", data, got, want)
			}
		}
	})
}

// BenchmarkSnapshotDecoding decodes the snapshots of the large site with
// 100 versions, as a build does, with Version.Site alone and with one
// snapshotDecoder: the figure in the snapshotDecoder's comment.
func BenchmarkSnapshotDecoding(b *testing.B) {
	names, err := filepath.Glob(filepath.Join(largeSite(b, 100), "history", "*", history.ModelFile))
	if err != nil || len(names) != 100 {
		b.Fatalf("%d snapshots: %v", len(names), err)
	}
	var versions []*history.Version
	for _, n := range names {
		data, err := os.ReadFile(n)
		if err != nil {
			b.Fatal(err)
		}
		versions = append(versions, &history.Version{Dir: filepath.Dir(n), Model: data})
	}
	b.Run("plain", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			for _, v := range versions {
				if _, err := v.Site(); err != nil {
					b.Fatal(err)
				}
			}
		}
	})
	b.Run("shared", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			var d site.SnapshotDecoder
			for _, v := range versions {
				if _, err := d.Site(v); err != nil {
					b.Fatal(err)
				}
			}
		}
	})
}
