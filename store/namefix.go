package store

import (
	"context"
	"sort"
	"unicode"
)

// Names typed free without accents. The desk and the moderator type names
// fast and often without marks ("Nguyen Van Khach"); the minutes and the
// notice print them as typed. The secretary's log and the reports station
// show them before anything is exported, and CorrectName puts the marks
// in everywhere that name was typed.

// UnaccentedName is a name typed free (a speaker in a queue, or the asker
// of a question, not from the delegate list) with letters and no
// Vietnamese mark, and how often it was used.
type UnaccentedName struct {
	Name      string `json:"name"`
	Speakers  int    `json:"speakers"`
	Questions int    `json:"questions"`
}

// Unaccented reports a name with letters, none of them marked: every
// letter is ASCII.
func Unaccented(s string) bool {
	letters := false
	for _, r := range s {
		if r > unicode.MaxASCII {
			return false
		}
		letters = letters || unicode.IsLetter(r)
	}
	return letters
}

// UnaccentedIn lists the free-typed names without accents among speakers
// (those whose turn started, or still waiting) and questions, by name.
func UnaccentedIn(speakers []Speaker, questions []Question) []UnaccentedName {
	by := map[string]*UnaccentedName{}
	get := func(name string) *UnaccentedName {
		n, ok := by[name]
		if !ok {
			n = &UnaccentedName{Name: name}
			by[name] = n
		}
		return n
	}
	for _, sp := range speakers {
		if sp.DelegateID == 0 && !sp.Removed && Unaccented(sp.Name) {
			get(sp.Name).Speakers++
		}
	}
	for _, q := range questions {
		if q.DelegateID == 0 && Unaccented(q.AskerName) {
			get(q.AskerName).Questions++
		}
	}
	out := make([]UnaccentedName, 0, len(by))
	for _, n := range by {
		out = append(out, *n)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}

// UnaccentedNames reads the free-typed names without accents.
func (s *Store) UnaccentedNames(ctx context.Context) ([]UnaccentedName, error) {
	sps, err := s.Speakers(ctx, 0)
	if err != nil {
		return nil, err
	}
	qs, err := queryAll(ctx, s.read(), scanQuestion, `SELECT `+questionCols+` FROM questions WHERE delegate_id IS NULL`)
	if err != nil {
		return nil, err
	}
	return UnaccentedIn(sps, qs), nil
}

// CorrectName writes to for every speaker and asker typed free as from
// (exactly), each change audited, and says how many it changed. The
// secretary (qa) and the office (reports) may; a name from the delegate
// list is corrected in setup instead.
func (s *Store) CorrectName(ctx context.Context, from, to string) (int, error) {
	to, err := clean("name", to, true, MaxName)
	if err != nil {
		return 0, err
	}
	perm := PermQA
	if s.actor.Role.Allows(PermSetup) {
		perm = PermSetup
	}
	n := 0
	err = s.write(ctx, perm, func(t *Tx) error {
		n = 0
		if to == from {
			return nil
		}
		sps, err := queryAll(ctx, t.tx, scanSpeaker, `SELECT `+speakerCols+` FROM speakers WHERE delegate_id IS NULL AND name = ?`, from)
		if err != nil {
			return err
		}
		for _, sp := range sps {
			nw := sp
			nw.Name = to
			if _, err := t.exec(ctx, `UPDATE speakers SET name = ? WHERE id = ?`, to, sp.ID); err != nil {
				return err
			}
			if err := t.audit(ctx, "update", "speaker", sp.ID, sp, nw); err != nil {
				return err
			}
			n++
		}
		qs, err := queryAll(ctx, t.tx, scanQuestion, `SELECT `+questionCols+` FROM questions WHERE delegate_id IS NULL AND asker_name = ?`, from)
		if err != nil {
			return err
		}
		for _, q := range qs {
			nw := q
			nw.AskerName = to
			if _, err := t.exec(ctx, `UPDATE questions SET asker_name = ? WHERE id = ?`, to, q.ID); err != nil {
				return err
			}
			if err := t.audit(ctx, "update", "question", q.ID, q, nw); err != nil {
				return err
			}
			n++
		}
		return nil
	})
	return n, err
}
