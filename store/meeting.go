package store

import (
	"context"
	"strings"
	"time"
)

func validateMeeting(m *Meeting) error {
	m.Title = strings.TrimSpace(m.Title)
	if m.Title == "" {
		return invalid("title", "required")
	}
	if len([]rune(m.Title)) > 500 {
		return invalid("title", "too long")
	}
	if m.Date != "" {
		if _, err := time.Parse("2006-01-02", m.Date); err != nil {
			return invalid("date", "expected YYYY-MM-DD")
		}
	}
	if m.StartTime != "" {
		if _, err := time.Parse("15:04", m.StartTime); err != nil {
			return invalid("start_time", "expected HH:MM")
		}
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
