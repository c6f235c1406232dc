package config

import "testing"

func TestVocabulariesCannotBeChangedByTheirCallers(t *testing.T) {
	for name, get := range map[string]func() []string{"LegalBases": LegalBases, "Categories": Categories, "BuiltinData": BuiltinData} {
		get()[0] = "changed"
		if got := get()[0]; got == "changed" {
			t.Errorf("%s()[0] is %q after a caller wrote to it", name, got)
		}
	}
	if LegalBasis("consent").Point() != "a" || !IsBuiltinData("name") {
		t.Error("the vocabularies changed")
	}
}
