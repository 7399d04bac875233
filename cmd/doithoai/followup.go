package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"doithoai/assets"
	"doithoai/store"
	"doithoai/store/docs"
	"doithoai/tui/components"
)

// dbList is a --db flag that may be given several times.
type dbList []string

func (d *dbList) String() string     { return strings.Join(*d, ", ") }
func (d *dbList) Set(v string) error { *d = append(*d, v); return nil }

// one is the single meeting file of a command that reads one ("" for the
// default file); several are refused.
func (d dbList) one(kind string) (string, error) {
	switch len(d) {
	case 0:
		return "", nil
	case 1:
		return d[0], nil
	}
	return "", usagef("%s reads one meeting: give --db once (only the register merges several)", kind)
}

// exportRegister writes the follow-up register of one or several meeting
// files, read without changing them, as xlsx or csv.
func exportRegister(ctx context.Context, dbs dbList, out, format string) error {
	f := docs.Format(strings.ToLower(strings.TrimPrefix(format, ".")))
	if ext := docs.Format(strings.ToLower(strings.TrimPrefix(filepath.Ext(out), "."))); f == "" && docs.Supports(docs.Register, ext) {
		f = ext // -o so.csv says the format
	}
	if f == "" {
		f = docs.XLSX
	}
	if !docs.Supports(docs.Register, f) {
		return usagef("register cannot be written as %q; choose one of %s", string(f), formatNames(docs.Register))
	}
	if len(dbs) == 0 {
		path, err := store.DefaultPath()
		if err != nil {
			return err
		}
		dbs = dbList{path}
	}
	var regs []*store.Register
	for _, db := range dbs {
		r, err := store.OpenRegister(ctx, db, "")
		if err != nil {
			return withRestoreHint(err)
		}
		regs = append(regs, r)
	}
	reg := regs[0]
	merged := len(regs) > 1
	if merged {
		reg = store.MergeRegisters(regs...)
	}
	if out == "" {
		name := docs.FileName(docs.Register, f, reg.Meeting)
		if merged {
			name = "so-theo-doi-tong-hop-" + reg.Today + "." + string(f)
		}
		out = filepath.Join(docs.ExportDir(dbs[0]), name)
	}
	if err := docs.ExportRegister(out, reg, f, merged, docs.Options{}); err != nil {
		return err
	}
	fmt.Fprintln(os.Stdout, out)
	return nil
}

// initDemoHeld writes the held demo: the meeting as it stands a month
// after a day (held, DD/MM/YYYY; default: 30 days ago in Vietnam).
func initDemoHeld(ctx context.Context, path, held string) error {
	if _, err := os.Stat(path); err == nil {
		return usagef("%s already exists; choose a new file name", path)
	}
	day := time.Now().In(time.FixedZone("ICT", 7*3600)).AddDate(0, 0, -store.HeldDays).Format("2006-01-02")
	if held != "" {
		iso, ok := components.ParseDate(held)
		if !ok {
			return usagef("--held-on %q: give the day as DD/MM/YYYY, e.g. 18/10/2023", held)
		}
		day = iso
	}
	seed, err := assets.Demo()
	if err != nil {
		return err
	}
	h, err := assets.DemoHeld()
	if err != nil {
		return err
	}
	if err := store.CreateHeldDemo(ctx, path, seed, h, day); err != nil {
		removeMeeting(path)
		return err
	}
	fmt.Printf("created the demo meeting as it stands %d days after the day (held on %s) in %s\n", store.HeldDays, components.ShowDate(day), path)
	return nil
}

// initCarry starts a meeting from the previous one: its details (flags
// given override them), units, groups, topics and every open obligation.
func initCarry(ctx context.Context, from, path string, flags store.Meeting, set map[string]bool) error {
	if _, err := os.Stat(path); err == nil {
		return usagef("%s already exists; choose a new file name", path)
	}
	c, err := store.ReadCarry(ctx, from)
	if err != nil {
		return withRestoreHint(fmt.Errorf("--carry-from %s: %w", from, err))
	}
	overrideMeeting(&c.Meeting, flags, set)
	st, err := store.Open(ctx, path, store.Options{Create: true, NoWatch: true, Actor: store.Actor{Station: "init", Role: store.RoleAdmin}})
	if err != nil {
		return err
	}
	err = st.LoadCarry(ctx, c)
	st.Close()
	if err != nil {
		removeMeeting(path)
		return usagef("%v", err)
	}
	fmt.Printf("created %s from %s: %d units, %d groups, %d open items carried (từ kỳ trước)\n", path, from, len(c.Units), len(c.Groups), len(c.Items))
	return nil
}

// overrideMeeting copies into m the fields given on the command line.
func overrideMeeting(m *store.Meeting, f store.Meeting, set map[string]bool) {
	for name, pair := range map[string][2]*string{
		"title": {&m.Title, &f.Title}, "theme": {&m.Theme, &f.Theme}, "date": {&m.Date, &f.Date}, "start": {&m.StartTime, &f.StartTime},
		"venue": {&m.Venue, &f.Venue}, "chair": {&m.Chair, &f.Chair}, "chair-title": {&m.ChairTitle, &f.ChairTitle},
		"organiser": {&m.Organiser, &f.Organiser}, "place": {&m.Place, &f.Place}, "secretary": {&m.Secretary, &f.Secretary},
		"secretary-title": {&m.SecretaryTitle, &f.SecretaryTitle}, "signer": {&m.Signer, &f.Signer}, "signer-title": {&m.SignerTitle, &f.SignerTitle},
		"office": {&m.Office, &f.Office}, "office-code": {&m.OfficeCode, &f.OfficeCode},
	} {
		if set[name] {
			*pair[0] = *pair[1]
		}
	}
	if set["sign-as"] {
		m.SignAs = f.SignAs
	}
}

// removeMeeting deletes a meeting file that failed half-way, with its WAL.
func removeMeeting(path string) {
	for _, s := range []string{"", "-wal", "-shm"} {
		os.Remove(path + s)
	}
}
