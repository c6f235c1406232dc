package config

import (
	"maps"
	"slices"
)

// builtinData are the ids of the built-in data categories; their labels
// are messages data.ID in the locale files.
var builtinData = []string{
	"name", "email", "phone", "address", "date_of_birth", "gender", "company", "account",
	"payment", "invoice", "ip_address", "device", "usage", "location", "communication",
	"preferences", "identity_document",
}

// BuiltinData returns the ids of the built-in data categories, in a new
// slice each time.
func BuiltinData() []string { return slices.Clone(builtinData) }

// IsBuiltinData reports whether id is a built-in data category.
func IsBuiltinData(id string) bool { return slices.Contains(builtinData, id) }

// DataIDs returns the ids of all data categories of the site: built-in and
// custom.
func (s *Site) DataIDs() []string {
	ids := slices.Clone(builtinData)
	return append(ids, slices.Sorted(maps.Keys(s.Data))...)
}
