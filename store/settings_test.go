package store_test

import (
	"context"
	"path/filepath"
	"testing"

	"doithoai/store"
)

// TestSettings: every file has a meeting id and a file id of its own; a
// setting is audited when it changes and only then; a takeover's new file
// id forgets the replica target of the copy it came from.
func TestSettings(t *testing.T) {
	ctx := context.Background()
	s, _ := openDemo(t)
	other, _ := openDemo(t)
	mid, _ := s.MeetingID(ctx)
	fid, _ := s.FileID(ctx)
	omid, _ := other.MeetingID(ctx)
	if len(mid) != 32 || len(fid) != 32 || mid == fid || mid == omid {
		t.Fatalf("meeting id %q, file id %q, other meeting's id %q", mid, fid, omid)
	}
	settingRows := func() []store.AuditEntry {
		var out []store.AuditEntry
		h, _ := s.History(ctx, "", 0, 0)
		for _, e := range h {
			if e.Entity == "setting" {
				out = append(out, e)
			}
		}
		return out
	}
	rows := func() int { return len(settingRows()) }
	n := rows()
	if err := s.SetSetting(ctx, store.SettingReplica, "/media/usb/doithoai"); err != nil {
		t.Fatal(err)
	}
	if err := s.SetSetting(ctx, store.SettingReplica, "/media/usb/doithoai"); err != nil {
		t.Fatal(err)
	}
	if v, _ := s.Setting(ctx, store.SettingReplica); v != "/media/usb/doithoai" || rows() != n+1 {
		t.Errorf("replica %q, %d audit rows (want %d)", v, rows(), n+1)
	}
	if err := s.SetSetting(ctx, store.SettingReplica, "E:\\doi\x1b[31mthoai"); err != nil {
		t.Fatal(err)
	}
	if v, _ := s.Setting(ctx, store.SettingReplica); v != "E:\\doithoai" {
		t.Errorf("a setting keeps an escape sequence: %q", v)
	}
	newID, err := s.RenewFileID(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if v, _ := s.Setting(ctx, store.SettingReplica); v != "" || newID == fid {
		t.Errorf("after a new file id %q (was %q) the replica is still %q", newID, fid, v)
	}
	if m2, _ := s.MeetingID(ctx); m2 != mid {
		t.Errorf("the meeting id changed with the file id: %q", m2)
	}
	h := settingRows()
	last := h[len(h)-1]
	if last.Action != "delete" || last.Before == "" || last.After != "" {
		t.Errorf("clearing the replica is audited as %+v", last)
	}
	// a backup keeps both ids: it is the same copy of the same meeting
	b, err := s.Backup(ctx, filepath.Join(t.TempDir(), "b"))
	if err != nil {
		t.Fatal(err)
	}
	bs, err := store.Open(ctx, b, store.Options{NoWatch: true})
	if err != nil {
		t.Fatal(err)
	}
	defer bs.Close()
	if m, _ := bs.MeetingID(ctx); m != mid {
		t.Errorf("backup's meeting id %q", m)
	}
}
