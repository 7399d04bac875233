package replica_test

import (
	"context"
	"path/filepath"
	"testing"

	"doithoai/store"
	"doithoai/store/fold"
)

// newMeeting creates a meeting file with n generated delegates in a folder
// of its own and returns the open store and its path.
func newMeeting(t testing.TB, n int) (*store.Store, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "hoinghi.db")
	s, err := store.Open(context.Background(), path, store.Options{Create: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	sd := store.Seed{Meeting: store.Meeting{Title: "Đối thoại thử bản sao", Date: "2023-10-18", StartTime: "07:30", TurnSeconds: 180}}
	for _, e := range fold.GenerateNames(n, 1) {
		sd.Delegates = append(sd.Delegates, store.SeedDelegate{Code: e.Code, FullName: e.Name, Title: e.Title, Unit: e.Unit})
	}
	sd.Agenda = []store.SeedItem{{Kind: store.ItemDialogue, Title: "Đối thoại", PlannedMinutes: 90}}
	if err := s.LoadSeed(context.Background(), sd); err != nil {
		t.Fatal(err)
	}
	return s, path
}
