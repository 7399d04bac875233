package components

import "testing"

func TestHasAccents(t *testing.T) {
	for s, want := range map[string]bool{"Lê Văn Tâm": true, "le van tam": false, "Đinh Ly": true, "Nguyen Thi Hoa": false, "": false} {
		if got := HasAccents(s); got != want {
			t.Errorf("HasAccents(%q) = %v", s, got)
		}
	}
}
