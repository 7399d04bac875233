package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"time"

	"doithoai/store"
	"doithoai/tui/common"
	"doithoai/tui/components"
	"doithoai/tui/i18n"
)

func init() {
	register(command{name: "petitions", summary: "where the agencies' prepared answers stand: asked, received, missing, late", run: func(ctx context.Context, args []string) error {
		return petitionsCmd(ctx, args, os.Stdout)
	}})
}

const petitionsUsage = `Usage: doithoai petitions [--db MEETING] [--on DD/MM/YYYY] [--lang vi|en] [--json]

Sums, per agency, the petitions it was asked to answer before the day:
how many, how many answers have arrived, how many are still missing, and
how many are late (arrived after the deadline, or still missing past it),
then lists every petition still missing its answer. The reminder letters
to those agencies: doithoai export reminders --prepared.`

func petitionsCmd(ctx context.Context, args []string, stdout io.Writer) error {
	fs := newFlags("petitions", petitionsUsage)
	db := fs.String("db", "", "meeting `FILE`")
	on := fs.String("on", "", "count as of this `DAY` (default: today)")
	lang := fs.String("lang", "vi", "language: vi or en")
	asJSON := fs.Bool("json", false, "print the summary as JSON")
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usagef("petitions: unexpected argument %q", fs.Arg(0))
	}
	l, ok := i18n.Parse(*lang)
	if !ok {
		return usagef("unknown language %q: use vi or en", *lang)
	}
	today := time.Now().Format("2006-01-02")
	if *on != "" {
		d, ok := components.ParseDate(*on)
		if !ok {
			return usagef("--on %q: give the day as DD/MM/YYYY", *on)
		}
		today = d
	}
	st, _, err := openMeeting(ctx, *db, store.Options{NoWatch: true, Actor: store.Actor{Station: "petitions", Role: store.RoleScreen}})
	if err != nil {
		return err
	}
	defer st.Close()
	ps, err := st.Petitions(ctx)
	if err != nil {
		return err
	}
	units, err := st.Units(ctx)
	if err != nil {
		return err
	}
	rows, tot := store.PreparedByAgency(ps, units, today)
	if *asJSON {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(struct {
			On       string                `json:"on"`
			Agencies []store.AgencyAnswers `json:"agencies"`
			Total    store.PreparedTotals  `json:"total"`
		}{today, rows, tot})
	}
	printPrepared(stdout, i18n.New(l), rows, tot, today)
	return nil
}

// printPrepared writes the table per agency and the petitions missing
// their answer, for a person at a terminal.
func printPrepared(w io.Writer, t i18n.Catalog, rows []store.AgencyAnswers, tot store.PreparedTotals, today string) {
	fmt.Fprintln(w, t.F("prep.cli.head", tot.Asked+tot.Unassigned, components.ShowDate(today)))
	cols := []string{t.T("prep.col.asked"), t.T("prep.col.received"), t.T("prep.col.missing"), t.T("prep.col.late")}
	nameW := len([]rune(t.T("prep.col.agency")))
	for _, r := range rows {
		nameW = max(nameW, len([]rune(r.Agency)))
	}
	nameW = min(nameW, 44)
	line := func(name string, n ...string) {
		s := common.Pad(name, nameW)
		for i, v := range n {
			s += "  " + fmt.Sprintf("%*s", max(len([]rune(cols[i])), 4), v)
		}
		fmt.Fprintln(w, strings.TrimRight(s, " "))
	}
	line(t.T("prep.col.agency"), cols...)
	for _, r := range rows {
		line(r.Agency, strconv.Itoa(r.Asked), strconv.Itoa(r.Received), strconv.Itoa(r.Missing), strconv.Itoa(r.Late))
	}
	line(t.T("prep.total"), strconv.Itoa(tot.Asked), strconv.Itoa(tot.Received), strconv.Itoa(tot.Missing), strconv.Itoa(tot.Late))
	if tot.Unassigned > 0 {
		fmt.Fprintln(w, t.F("prep.unassigned", tot.Unassigned))
	}
	if tot.Missing == 0 {
		fmt.Fprintln(w, t.T("prep.none_missing"))
		return
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w, t.T("prep.cli.missing"))
	for _, r := range rows {
		for _, p := range r.Owed {
			due := ""
			if p.DueOn != "" {
				due = t.F("prep.due", components.ShowDate(p.DueOn))
				if p.Late(today) {
					due += " " + t.T("prep.overdue")
				}
			}
			fmt.Fprintf(w, "  %s %-3d %s · %s · %s\n", t.T("prep.petition_no"), p.No, r.Agency, due, excerpt(p.Text, 60))
		}
	}
}

// excerpt is the start of a text on one line, cut at about n characters.
func excerpt(s string, n int) string {
	return common.Trunc(strings.Join(strings.Fields(s), " "), n)
}
