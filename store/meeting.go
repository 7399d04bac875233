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
		{"place", &m.Place, MaxName}, {"chair", &m.Chair, MaxName}, {"chair_title", &m.ChairTitle, MaxName},
		{"secretary", &m.Secretary, MaxName}, {"secretary_title", &m.SecretaryTitle, MaxName},
		{"signer", &m.Signer, MaxName}, {"signer_title", &m.SignerTitle, MaxName},
		{"office", &m.Office, MaxName}, {"office_code", &m.OfficeCode, 20}} {
		var err error
		if *f.v, err = clean(f.name, *f.v, false, f.max); err != nil {
			return err
		}
	}
	switch m.SignAs = SignAs(strings.ToUpper(strings.Trim(strings.TrimSpace(string(m.SignAs)), "."))); m.SignAs {
	case SignChair:
	case SignKT, SignTL:
		if m.Signer == "" {
			return invalid("signer", "required")
		}
	default:
		return invalid("sign_as", "expected KT or TL")
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

// meetingCols are the meeting's columns as Meeting scans them.
const meetingCols = `title, theme, venue, organiser, place, date, start_time, chair, chair_title, turn_seconds,
	secretary, secretary_title, sign_as, signer, signer_title, office, office_code, assessment`

func (m *Meeting) fields() []any {
	return []any{&m.Title, &m.Theme, &m.Venue, &m.Organiser, &m.Place, &m.Date, &m.StartTime, &m.Chair, &m.ChairTitle, &m.TurnSeconds,
		&m.Secretary, &m.SecretaryTitle, &m.SignAs, &m.Signer, &m.SignerTitle, &m.Office, &m.OfficeCode, &m.Assessment}
}

// Meeting reads the meeting row.
func (s *Store) Meeting(ctx context.Context) (Meeting, error) {
	var m Meeting
	if err := s.read().QueryRowContext(ctx, `SELECT `+meetingCols+` FROM meeting WHERE id = 1`).Scan(m.fields()...); err != nil {
		return m, notFound(err)
	}
	return m, nil
}

// SaveMeeting creates or replaces the meeting row. The assessment is kept
// as stored: the setup form's copy may be older than the reports
// station's (SaveAssessment writes it).
func (s *Store) SaveMeeting(ctx context.Context, m Meeting) error {
	if err := validateMeeting(&m); err != nil {
		return err
	}
	return s.write(ctx, PermSetup, func(t *Tx) error { return t.saveMeeting(ctx, m) })
}

func (t *Tx) saveMeeting(ctx context.Context, m Meeting) error {
	var before *Meeting
	var old Meeting
	err := t.queryRow(ctx, `SELECT `+meetingCols+` FROM meeting WHERE id = 1`).Scan(old.fields()...)
	if err == nil {
		before = &old
	}
	m.Assessment = old.Assessment
	_, err = t.exec(ctx, `INSERT INTO meeting(id, title, theme, venue, organiser, place, date, start_time, chair, chair_title, turn_seconds,
		secretary, secretary_title, sign_as, signer, signer_title, office, office_code)
		VALUES (1,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)
		ON CONFLICT(id) DO UPDATE SET title=excluded.title, theme=excluded.theme, venue=excluded.venue, organiser=excluded.organiser,
		place=excluded.place, date=excluded.date, start_time=excluded.start_time, chair=excluded.chair, chair_title=excluded.chair_title,
		turn_seconds=excluded.turn_seconds, secretary=excluded.secretary, secretary_title=excluded.secretary_title, sign_as=excluded.sign_as,
		signer=excluded.signer, signer_title=excluded.signer_title, office=excluded.office, office_code=excluded.office_code`,
		m.Title, m.Theme, m.Venue, m.Organiser, m.Place, m.Date, m.StartTime, m.Chair, m.ChairTitle, m.TurnSeconds,
		m.Secretary, m.SecretaryTitle, m.SignAs, m.Signer, m.SignerTitle, m.Office, m.OfficeCode)
	if err != nil {
		return err
	}
	action := "update"
	if before == nil {
		action = "create"
	}
	return t.audit(ctx, action, "meeting", 1, before, m)
}

// SaveAssessment stores the conclusion notice's "Đánh giá chung"
// paragraph (empty leaves the notice's placeholder), audited.
func (s *Store) SaveAssessment(ctx context.Context, text string) error {
	text, err := clean("assessment", text, false, MaxText)
	if err != nil {
		return err
	}
	return s.write(ctx, PermSetup, func(t *Tx) error {
		var old string
		if err := t.queryRow(ctx, `SELECT assessment FROM meeting WHERE id = 1`).Scan(&old); err != nil {
			return notFound(err)
		}
		if old == text {
			return nil
		}
		if _, err := t.exec(ctx, `UPDATE meeting SET assessment = ? WHERE id = 1`, text); err != nil {
			return err
		}
		type assessment struct {
			Assessment string `json:"assessment"`
		}
		return t.audit(ctx, "update", "meeting", 1, assessment{old}, assessment{text})
	})
}
