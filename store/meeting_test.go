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
