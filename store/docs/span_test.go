package docs

import (
	"testing"
	"time"

	"doithoai/store"
)

// TestMeetingSpanOpenWhileRunning: minutes printed mid-meeting must not
// give an end time; once every item has ended (or was skipped) they do.
func TestMeetingSpanOpenWhileRunning(t *testing.T) {
	at := func(h, m int) time.Time { return time.Date(2023, 10, 18, h, m, 0, 0, time.UTC) }
	s := &Snapshot{Agenda: []store.AgendaItem{
		{StartedAt: at(7, 30), EndedAt: at(7, 45)},
		{StartedAt: at(7, 45)},
		{Skipped: true},
	}}
	if start, end := s.meetingSpan(); !start.Equal(at(7, 30)) || !end.IsZero() {
		t.Fatalf("running: start %v end %v", start, end)
	}
	s.Agenda[1].EndedAt = at(10, 50)
	if _, end := s.meetingSpan(); !end.Equal(at(10, 50)) {
		t.Fatalf("ended: end %v", end)
	}
}
