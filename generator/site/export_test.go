package site

import (
	"github.com/policygen/policygen/generator/config"
	"github.com/policygen/policygen/generator/history"
)

// SnapshotDecoder is a snapshotDecoder for the tests outside the package,
// which have the large site.
type SnapshotDecoder struct{ d snapshotDecoder }

// Site decodes a version's model snapshot as a build does.
func (d *SnapshotDecoder) Site(v *history.Version) (*config.Site, error) { return d.d.site(v) }

// Shared decodes a snapshot sharing the elements of its lists; ok is false
// when the decoder leaves it to Version.Site.
func (d *SnapshotDecoder) Shared(data []byte) (*config.Site, bool) { return d.d.decode(data) }
