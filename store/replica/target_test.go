package replica_test

import (
	"errors"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"unicode/utf8"

	"doithoai/store/replica"
)

func TestParseTarget(t *testing.T) {
	cases := []struct {
		in, str, label, path string
		kind                 replica.Kind
	}{
		{"sftp://thuky@192.168.1.20/doithoai", "sftp://thuky@192.168.1.20:22/doithoai", "192.168.1.20", "doithoai", replica.SFTP},
		{"sftp://thuky@may-du-phong:2222/~/ban-sao/hn", "sftp://thuky@may-du-phong:2222/ban-sao/hn", "may-du-phong", "ban-sao/hn", replica.SFTP},
		{"sftp://thuky@host//srv/doithoai/", "sftp://thuky@host:22//srv/doithoai", "host", "/srv/doithoai", replica.SFTP},
		{"SFTP://thuky@host/D:/doithoai", "sftp://thuky@host:22/D:/doithoai", "host", "D:/doithoai", replica.SFTP},
		{"sftp://thuky@[fe80::1]:22/x", "sftp://thuky@[fe80::1]:22/x", "fe80::1", "x", replica.SFTP},
	}
	for _, c := range cases {
		tg, err := replica.ParseTarget(c.in)
		if err != nil {
			t.Errorf("%s: %v", c.in, err)
			continue
		}
		if tg.String() != c.str || tg.Label() != c.label || tg.Path != c.path || tg.Kind != c.kind {
			t.Errorf("%s: %q %q %q %s", c.in, tg.String(), tg.Label(), tg.Path, tg.Kind)
		}
		again, err := replica.ParseTarget(tg.String())
		if err != nil || again != tg {
			t.Errorf("%s: stored as %q, read back as %+v (%v)", c.in, tg.String(), again, err)
		}
	}
	for _, bad := range []string{"", "  ", "sftp://host/x", "sftp://u:secret@host/x", "sftp://u@/x", "sftp://u@host", "sftp://u@host/", "sftp://u@host//", "s3://bucket/x", "http://x/y"} {
		if _, err := replica.ParseTarget(bad); err == nil {
			t.Errorf("%q accepted", bad)
		}
	}
	if _, err := replica.ParseTarget("sftp://u:secret@host/x"); err == nil || strings.Contains(err.Error(), "secret") {
		t.Errorf("a password in the address is repeated in the error: %v", err)
	}
	// folders: made absolute, named by their stick
	tg, err := replica.ParseTarget("ban-sao")
	if err != nil || !filepath.IsAbs(tg.Path) || tg.Kind != replica.Folder || tg.Label() != "ban-sao" {
		t.Errorf("relative folder: %+v %v", tg, err)
	}
	if runtime.GOOS != "windows" {
		for in, label := range map[string]string{
			"/media/thuky/KINGSTON/doithoai":     "KINGSTON/doithoai",
			"/media/thuky/KINGSTON":              "KINGSTON",
			"/run/media/thuky/USB DISK/a/b":      "USB DISK/b",
			"/Volumes/TOSHIBA/doithoai":          "TOSHIBA/doithoai",
			"/home/thuky/ban-sao":                "ban-sao",
			"file:///media/thuky/KINGSTON/hn-23": "KINGSTON/hn-23",
		} {
			if tg, err := replica.ParseTarget(in); err != nil || tg.Label() != label {
				t.Errorf("%s: label %q (%v), want %q", in, tg.Label(), err, label)
			}
		}
	}
}

// FuzzParseTarget: whatever is typed after --replicate-to is refused or
// read into a target whose stored form reads back the same, with a label
// of valid text.
func FuzzParseTarget(f *testing.F) {
	for _, s := range []string{"sftp://thuky@192.168.1.20/doithoai", "sftp://a@b:1//c", "sftp://a@b/C:/x", "E:\\doithoai", "/media/u/K/d", "file:///x", "sftp://a@[::1]/x", "sftp://%zz@h/x", "sftp://a@h/\x1b[31m"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		tg, err := replica.ParseTarget(s)
		if err != nil {
			return
		}
		if !utf8.ValidString(tg.Label()) && utf8.ValidString(s) {
			t.Errorf("%q: label %q", s, tg.Label())
		}
		if tg.Kind == replica.SFTP {
			again, err := replica.ParseTarget(tg.String())
			if err != nil || again != tg {
				t.Errorf("%q: stored as %q, read back as %+v (%v)", s, tg.String(), again, err)
			}
		}
	})
}

// FuzzIdentity: an identity file found on a stick is read or refused as
// not a replica, never taken for one with an empty meeting id.
func FuzzIdentity(f *testing.F) {
	f.Add([]byte(`{"doithoai_replica":1,"meeting_id":"6283cd5bf324e8fe","file_id":"5e2c","title":"Đối thoại","file":"hoinghi.db","since":"2023-10-18T07:00:00Z"}`))
	f.Add([]byte(`{"doithoai_replica":2,"meeting_id":"x"}`))
	f.Add([]byte(`{"doithoai_replica":1,"meeting_id":""}`))
	f.Add([]byte("\xff\xfe{"))
	f.Fuzz(func(t *testing.T, b []byte) {
		id, err := replica.ParseIdentity(b)
		if err == nil && (id.MeetingID == "" || id.Format != 1) {
			t.Errorf("%q read as %+v", b, id)
		}
		if err != nil && !errors.Is(err, replica.ErrNotReplica) {
			t.Errorf("%q: %v", b, err)
		}
	})
}
