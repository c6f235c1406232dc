package locale

import "testing"

func TestDictPairsKeysWithValuesAndRefusesOddOrNonStringKeys(t *testing.T) {
	m, err := Dict("From", "1 March", "Count", 2)
	if err != nil || len(m) != 2 || m["From"] != "1 March" || m["Count"] != 2 {
		t.Errorf("Dict = %v, %v", m, err)
	}
	if _, err := Dict("From"); err == nil {
		t.Error("a key without a value is accepted")
	}
	if _, err := Dict(1, "x"); err == nil {
		t.Error("a key that is not a string is accepted")
	}
}
