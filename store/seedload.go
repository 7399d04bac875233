package store

import (
	"context"
	"fmt"
)

// LoadSeed writes a whole meeting into an empty file in one transaction.
func (s *Store) LoadSeed(ctx context.Context, sd Seed) error {
	return s.write(ctx, PermSetup, func(t *Tx) error {
		var n int
		if err := t.queryRow(ctx, `SELECT (SELECT count(*) FROM meeting) + (SELECT count(*) FROM delegates)`).Scan(&n); err != nil {
			return mapErr(err)
		}
		if n > 0 {
			return fmt.Errorf("%w: the meeting file is not empty", ErrDuplicate)
		}
		m := sd.Meeting
		if err := validateMeeting(&m); err != nil {
			return err
		}
		if err := t.saveMeeting(ctx, m); err != nil {
			return err
		}
		if len(sd.Topics) > 0 {
			if err := t.setTopics(ctx, sd.Topics); err != nil {
				return err
			}
		}
		for _, u := range sd.Units {
			if _, err := t.saveUnit(ctx, Unit{Name: u.Name, Short: u.Short, Kind: u.Kind, Contact: u.Contact, Phone: u.Phone, Addressing: u.Addressing}); err != nil {
				return fmt.Errorf("unit %q: %w", u.Name, err)
			}
		}
		for i, g := range sd.Groups {
			if _, err := t.saveGroup(ctx, Group{Name: g.Name, Quota: g.Quota, Position: i + 1}); err != nil {
				return fmt.Errorf("group %q: %w", g.Name, err)
			}
		}
		codes := map[string]int64{}
		for _, d := range sd.Delegates {
			unitID, err := t.ensureUnit(ctx, d.Unit, UnitOther)
			if err != nil {
				return err
			}
			groupID, err := t.ensureGroup(ctx, d.Group)
			if err != nil {
				return err
			}
			id, err := t.saveDelegate(ctx, Delegate{Code: d.Code, FullName: d.FullName, Title: d.Title, UnitID: unitID, GroupID: groupID,
				Phone: d.Phone, Protocol: d.Protocol, Honorific: d.Honorific})
			if err != nil {
				return fmt.Errorf("delegate %q: %w", d.FullName, err)
			}
			codes[d.Code] = id
		}
		for _, a := range sd.Agenda {
			if _, err := t.saveItem(ctx, AgendaItem{Kind: a.Kind, Title: a.Title, Presenter: a.Presenter, PlannedMinutes: a.PlannedMinutes}); err != nil {
				return fmt.Errorf("agenda item %q: %w", a.Title, err)
			}
		}
		for _, p := range sd.Petitions {
			agency, err := t.ensureUnit(ctx, p.Agency, UnitAgency)
			if err != nil {
				return err
			}
			src, err := t.ensureUnit(ctx, p.SourceUnit, UnitOther)
			if err != nil {
				return err
			}
			if _, err := t.savePetition(ctx, Petition{Topic: p.Topic, Text: p.Text, DelegateID: codes[p.SourceCode], SourceUnitID: src,
				AgencyID: agency, PreparedAnswer: p.PreparedAnswer, AskedOn: p.AskedOn, DueOn: p.DueOn, ReceivedOn: p.ReceivedOn}); err != nil {
				return fmt.Errorf("petition %q: %w", p.Text, err)
			}
		}
		for _, a := range sd.Apologies {
			if err := t.saveApology(ctx, Apology{DelegateID: codes[a.Code], Reason: a.Reason, SubstituteName: a.Substitute,
				SubstituteTitle: a.SubstituteTitle, SubstituteID: codes[a.SubstituteCode]}); err != nil {
				return fmt.Errorf("apology of %q: %w", a.Code, err)
			}
		}
		// numbered from the start, so the desk accepts #N even before the
		// sign-in sheet is printed (printing keeps the numbers)
		_, err := t.assignSheetNumbers(ctx)
		return err
	})
}
