package docs

import (
	"fmt"
	"slices"
	"strings"

	"doithoai/store"
	"doithoai/store/fold"
)

// The turns of the dialogue as the speaker queue ran them, so that the
// minutes show everyone who spoke, also those whose words the secretary
// did not record as a question.

// unitText is how the minutes write a unit typed as text (a free-typed
// speaker's or asker's unit): the unit's full name when it folds to a
// known unit's name or short name ("Xa Quang Tan" -> "Xã Quảng Tân"),
// else the text as typed.
func (s *Snapshot) unitText(name string) string {
	name = strings.TrimSpace(name)
	if name == "" {
		return ""
	}
	f := fold.Fold(name)
	for _, u := range s.Units {
		if fold.Fold(u.Name) == f {
			return u.Name
		}
	}
	for _, u := range s.Units {
		if u.Short != "" && fold.Fold(u.Short) == f {
			return u.Name
		}
	}
	return name
}

// turn is one speaker's turn that started, with the questions recorded
// for it (numbered as in section III.2).
type turn struct {
	Sp        store.Speaker
	Questions []int
}

// turns are the turns that started, in the order they ran.
func (s *Snapshot) turns() []turn {
	qs := map[int64][]int{}
	for i, q := range s.Questions {
		if q.SpeakerID != 0 {
			qs[q.SpeakerID] = append(qs[q.SpeakerID], i+1)
		}
	}
	var ts []turn
	for _, sp := range s.Speakers {
		if sp.StartedAt.IsZero() {
			continue // still waiting, or never called
		}
		ts = append(ts, turn{Sp: sp, Questions: qs[sp.ID]})
	}
	slices.SortStableFunc(ts, func(a, b turn) int { return a.Sp.StartedAt.Compare(b.Sp.StartedAt) })
	return ts
}

// turnsIntro is the sentence above the list of turns.
func turnsIntro(ts []turn) string {
	with := 0
	for _, tn := range ts {
		if len(tn.Questions) > 0 {
			with++
		}
	}
	return fmt.Sprintf("Các lượt phát biểu: %d lượt, trong đó %d lượt có ý kiến được ghi nhận dưới đây.", len(ts), with)
}

// turnLine is "Nguyễn Văn Khách (Xã Quảng Tân), 09:10–09:13: Ý kiến 1, 2"
// or "…: không ghi nhận ý kiến".
func (s *Snapshot) turnLine(tn turn, o Options, day string) string {
	line := nameUnit(tn.Sp.Name, s.unitText(tn.Sp.UnitName))
	from, to := hhmm(tn.Sp.StartedAt, o, day), hhmm(tn.Sp.EndedAt, o, day)
	switch {
	case to != "":
		line += ", " + from + "–" + to
	default:
		line += ", từ " + from
	}
	if len(tn.Questions) == 0 {
		return line + ": không ghi nhận ý kiến."
	}
	ns := make([]string, len(tn.Questions))
	for i, n := range tn.Questions {
		ns[i] = fmt.Sprint(n)
	}
	return line + ": Ý kiến " + strings.Join(ns, ", ") + "."
}

// turnsMD and turnsDOCX write the list; nothing when no turn started.
func (s *Snapshot) turnsMD(b *strings.Builder, o Options, day string) {
	ts := s.turns()
	if len(ts) == 0 {
		return
	}
	b.WriteString(turnsIntro(ts) + "\n\n")
	for _, tn := range ts {
		fmt.Fprintf(b, "- %s\n", s.turnLine(tn, o, day))
	}
	b.WriteString("\n")
}

func (s *Snapshot) turnsDOCX(d *docx, body para, o Options, day string) {
	ts := s.turns()
	if len(ts) == 0 {
		return
	}
	d.P(body, it(turnsIntro(ts)))
	for _, tn := range ts {
		d.P(body, t("- "+s.turnLine(tn, o, day)))
	}
}
