package components

import (
	"errors"
	"strings"
	"time"

	"github.com/charmbracelet/huh"

	"doithoai/store"
	"doithoai/tui/i18n"
)

// AskMeeting asks for a new meeting's details in the terminal (doithoai
// init without flags). Fields already set in m are offered as defaults.
func AskMeeting(t i18n.Catalog, m *store.Meeting) error {
	required := Required(t, store.MaxName*2)
	day := ShowDate(m.Date)
	date := func(s string) error {
		if _, ok := ParseDate(s); !ok {
			return errors.New(t.T("form.bad_date"))
		}
		return nil
	}
	clock := func(s string) error {
		if _, err := time.Parse("15:04", strings.TrimSpace(s)); err != nil {
			return errors.New(t.T("form.bad_time"))
		}
		return nil
	}
	f := huh.NewForm(huh.NewGroup(
		Limit(t, huh.NewInput().Title(t.T("meeting.title")).Value(&m.Title).Validate(required), 500),
		Limit(t, huh.NewInput().Title(t.T("meeting.theme")).Value(&m.Theme), 500),
		huh.NewInput().Title(t.T("meeting.date")).Placeholder("18/10/2023").Value(&day).Validate(date).CharLimit(20),
		huh.NewInput().Title(t.T("meeting.start")).Placeholder("07:30").Value(&m.StartTime).Validate(clock).CharLimit(20),
		Limit(t, huh.NewInput().Title(t.T("meeting.venue")).Value(&m.Venue), store.MaxName),
		Limit(t, huh.NewInput().Title(t.T("meeting.chair")).Value(&m.Chair), store.MaxName),
	))
	if err := f.Run(); err != nil {
		return err
	}
	m.Date, _ = ParseDate(day) // the store keeps YYYY-MM-DD
	return nil
}
