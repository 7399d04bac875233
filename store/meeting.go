package store

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"time"
)

func validateMeeting(m *Meeting) error {
	var err error
	if m.Title, err = clean("title", m.Title, true, 500); err != nil {
		return err
	}
	if m.Date != "" {
		if _, err := time.Parse("2006-01-02", m.Date); err != nil {
			return invalid("date", "expected YYYY-MM-DD")
		}
	}
	if m.StartTime = strings.TrimSpace(m.StartTime); m.StartTime != "" {
		hm, ok := normalClock(m.StartTime)
		if !ok {
			return invalid("start_time", "expected HH:MM") // the catalog translates this reason
		}
		m.StartTime = hm
	}
	// the other text fields are bounded too: a stray paste is refused, not stored
	for _, f := range []struct {
		name string
		v    *string
		max  int
	}{{"theme", &m.Theme, 500}, {"venue", &m.Venue, MaxName}, {"organiser", &m.Organiser, MaxName},
		{"place", &m.Place, MaxName}, {"chair", &m.Chair, MaxName}, {"chair_title", &m.ChairTitle, MaxName}} {
		var err error
		if *f.v, err = clean(f.name, *f.v, false, f.max); err != nil {
			return err
		}
	}
	if m.TurnSeconds == 0 {
		m.TurnSeconds = 180
	}
	if m.TurnSeconds < 0 {
		return invalid("turn_seconds", "must be positive")
	}
	return nil
}

// normalClock reads a start time as people type it ("7:05", "07:05",
// "7h05", "7h", "7g30") and writes it HH:MM, so that every document and
// screen shows one form. Minutes take two digits: "7:5" is refused rather
// than guessed.
func normalClock(s string) (string, bool) {
	s = strings.ToLower(s)
	h, mm, found := strings.Cut(s, ":")
	if !found {
		for _, sep := range []string{"h", "g"} {
			if h, mm, found = strings.Cut(s, sep); found {
				break
			}
		}
		if !found {
			return "", false
		}
	} else if mm == "" {
		return "", false // "7:" is cut short, not "7 o'clock"
	}
	if mm == "" {
		mm = "00"
	}
	if len(h) < 1 || len(h) > 2 || len(mm) != 2 {
		return "", false
	}
	hour, err1 := strconv.Atoi(h)
	minute, err2 := strconv.Atoi(mm)
	if err1 != nil || err2 != nil || h[0] == '+' || h[0] == '-' || mm[0] == '+' || mm[0] == '-' ||
		hour < 0 || hour > 23 || minute < 0 || minute > 59 {
		return "", false
	}
	return fmt.Sprintf("%02d:%02d", hour, minute), true
}

// Meeting reads the meeting row.
func (s *Store) Meeting(ctx context.Context) (Meeting, error) {
	var m Meeting
	err := s.read().QueryRowContext(ctx, `SELECT title, theme, venue, organiser, place, date, start_time, chair, chair_title, turn_seconds FROM meeting WHERE id = 1`).
		Scan(&m.Title, &m.Theme, &m.Venue, &m.Organiser, &m.Place, &m.Date, &m.StartTime, &m.Chair, &m.ChairTitle, &m.TurnSeconds)
	if err != nil {
		return m, notFound(err)
	}
	return m, nil
}

// SaveMeeting creates or replaces the meeting row.
func (s *Store) SaveMeeting(ctx context.Context, m Meeting) error {
	if err := validateMeeting(&m); err != nil {
		return err
	}
	return s.write(ctx, PermSetup, func(t *Tx) error { return t.saveMeeting(ctx, m) })
}

func (t *Tx) saveMeeting(ctx context.Context, m Meeting) error {
	var before *Meeting
	var old Meeting
	err := t.queryRow(ctx, `SELECT title, theme, venue, organiser, place, date, start_time, chair, chair_title, turn_seconds FROM meeting WHERE id = 1`).
		Scan(&old.Title, &old.Theme, &old.Venue, &old.Organiser, &old.Place, &old.Date, &old.StartTime, &old.Chair, &old.ChairTitle, &old.TurnSeconds)
	if err == nil {
		before = &old
	}
	_, err = t.exec(ctx, `INSERT INTO meeting(id, title, theme, venue, organiser, place, date, start_time, chair, chair_title, turn_seconds)
		VALUES (1,?,?,?,?,?,?,?,?,?,?)
		ON CONFLICT(id) DO UPDATE SET title=excluded.title, theme=excluded.theme, venue=excluded.venue, organiser=excluded.organiser,
		place=excluded.place, date=excluded.date, start_time=excluded.start_time, chair=excluded.chair, chair_title=excluded.chair_title,
		turn_seconds=excluded.turn_seconds`,
		m.Title, m.Theme, m.Venue, m.Organiser, m.Place, m.Date, m.StartTime, m.Chair, m.ChairTitle, m.TurnSeconds)
	if err != nil {
		return err
	}
	action := "update"
	if before == nil {
		action = "create"
	}
	return t.audit(ctx, action, "meeting", 1, before, m)
}
