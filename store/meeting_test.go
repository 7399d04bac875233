package store

import (
	"context"
	"errors"
	"path/filepath"
	"testing"
)

func TestNormalClock(t *testing.T) {
	for _, c := range []struct {
		in, want string
		ok       bool
	}{
		{"07:05", "07:05", true},
		{"7:05", "07:05", true},
		{"7:30", "07:30", true},
		{"7h05", "07:05", true},
		{"7H05", "07:05", true},
		{"7h", "07:00", true},
		{"14h", "14:00", true},
		{"7g30", "07:30", true},
		{"0:00", "00:00", true},
		{"23:59", "23:59", true},
		{"7:5", "", false},
		{"7:", "", false},
		{"24:00", "", false},
		{"7:60", "", false},
		{"107:00", "", false},
		{"h30", "", false},
		{"-1:30", "", false},
		{"7:+5", "", false},
		{"bảy giờ", "", false},
		{"7", "", false},
	} {
		got, ok := normalClock(c.in)
		if got != c.want || ok != c.ok {
			t.Errorf("normalClock(%q) = %q, %v; want %q, %v", c.in, got, ok, c.want, c.ok)
		}
	}
}

// The meeting's start time is stored HH:MM whichever way it was typed, and
// a form it cannot read is refused naming the field and the form.
func TestSaveMeetingStartTime(t *testing.T) {
	ctx := context.Background()
	s, err := Open(ctx, filepath.Join(t.TempDir(), "m.db"), Options{Create: true, NoWatch: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	for in, want := range map[string]string{"7:05": "07:05", " 7h ": "07:00", "07:30": "07:30", "": ""} {
		if err := s.SaveMeeting(ctx, Meeting{Title: "Hội nghị", StartTime: in}); err != nil {
			t.Fatalf("SaveMeeting(%q): %v", in, err)
		}
		m, err := s.Meeting(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if m.StartTime != want {
			t.Errorf("start %q stored as %q, want %q", in, m.StartTime, want)
		}
	}
	err = s.SaveMeeting(ctx, Meeting{Title: "Hội nghị", StartTime: "7:5"})
	var fe *FieldError
	if !errors.As(err, &fe) || fe.Field != "start_time" || fe.Reason != "expected HH:MM" {
		t.Fatalf("7:5: %v, want a start_time field error expecting HH:MM", err)
	}
}

// The signer, secretary and office are stored cleaned; KT./TL. needs a
// name; the assessment is written only by SaveAssessment (a setup form
// holding an older copy does not undo it), and both are audited.
func TestMeetingSignerAndAssessment(t *testing.T) {
	ctx := context.Background()
	s, err := Open(ctx, filepath.Join(t.TempDir(), "m.db"), Options{Create: true, NoWatch: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	m := Meeting{Title: "Hội nghị", Secretary: "  Nguyễn Thị Thư ", SecretaryTitle: "Chuyên viên", SignAs: "tl.",
		Signer: "Lê Văn Phòng", SignerTitle: "Chánh Văn phòng", Office: "Phòng Nội vụ", OfficeCode: "NV"}
	if err := s.SaveMeeting(ctx, m); err != nil {
		t.Fatal(err)
	}
	got, err := s.Meeting(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if got.Secretary != "Nguyễn Thị Thư" || got.SignAs != SignTL || got.Signer != "Lê Văn Phòng" || got.OfficeCode != "NV" {
		t.Errorf("stored %+v", got)
	}
	var fe *FieldError
	if err := s.SaveMeeting(ctx, Meeting{Title: "Hội nghị", SignAs: SignKT}); !errors.As(err, &fe) || fe.Field != "signer" {
		t.Errorf("KT. without a signer: %v, want a signer field error", err)
	}
	if err := s.SaveMeeting(ctx, Meeting{Title: "Hội nghị", SignAs: "TM"}); !errors.As(err, &fe) || fe.Field != "sign_as" {
		t.Errorf("TM: %v, want a sign_as field error", err)
	}
	if err := s.SaveAssessment(ctx, " Chương trình thành công tốt đẹp.\n"); err != nil {
		t.Fatal(err)
	}
	if err := s.SaveMeeting(ctx, got); err != nil { // the setup form's older copy
		t.Fatal(err)
	}
	if got, _ = s.Meeting(ctx); got.Assessment != "Chương trình thành công tốt đẹp." {
		t.Errorf("assessment %q after a setup save", got.Assessment)
	}
	var n int
	if err := s.read().QueryRowContext(ctx, `SELECT count(*) FROM audit WHERE entity = 'meeting' AND after LIKE '%thành công%' AND before NOT LIKE '%thành công%'`).Scan(&n); err != nil || n != 1 {
		t.Errorf("assessment audited %d times (%v), want 1", n, err)
	}
}
