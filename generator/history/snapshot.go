package history

import (
	"encoding/json"

	"github.com/policygen/policygen/generator/config"
)

// EncodeModel is the model.json release writes for a site. Its bytes are
// hashed into the version's manifest, so they must never change for the
// same site.
func EncodeModel(site *config.Site) ([]byte, error) {
	model, err := json.MarshalIndent(site, "", "  ")
	if err != nil {
		return nil, err
	}
	return append(model, '\n'), nil
}

// DecodeModel decodes a model.json, in whatever layout of JSON it is.
func DecodeModel(data []byte) (*config.Site, error) {
	var s config.Site
	if err := json.Unmarshal(data, &s); err != nil {
		return nil, err
	}
	return &s, nil
}
