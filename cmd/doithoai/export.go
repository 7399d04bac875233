package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"doithoai/store"
	"doithoai/store/docs"
)

func init() {
	register(command{name: "export", summary: "write a document: attendance, signin, minutes, followup, conclusion, invitations, briefing, script, reminders, register, results, report", run: runExport})
}

const exportUsage = `Usage: doithoai export KIND [--format FMT] [-o OUT] [--db MEETING] [--with-contacts]

Writes a document of the meeting:
  attendance    attendance list by group and unit, arrival times (xlsx, csv, docx)
  signin        the numbered sign-in sheet to print before the day; its row
                numbers are what the check-in desk accepts as #N (xlsx, csv, docx)
  minutes       every turn of the dialogue, and each petition sent beforehand with its answer (docx, md)
  followup      written answers and referrals by agency, with due dates (xlsx, docx)
  conclusion    draft conclusion notice, Decree 30/2020 layout (docx)
  invitations   invitation cards with each delegate's QR code (docx)
  briefing      the Chairman's briefing before the day: the meeting's facts, each
                petition by topic with the answer its agency prepared (missing
                ones marked), the agencies' contact people (docx)
  script        the MC's script: every agenda item with its planned time,
                presenter and the MC's words; the introductions list the
                officials invited before anyone arrives, then those present
                with "vắng" for the rest (--roll invited|present to choose) (docx)
  reminders     after the day: a reminder letter (công văn đôn đốc) to every
                agency with an overdue written answer, one file per agency
                (docx); -o names the folder
  reminders --prepared
                before the day: the same letter to every agency still
                missing a prepared answer
  register      the follow-up register (sổ theo dõi): every promise with its
                status, answers received, extensions (xlsx, csv); --db may be
                given several times to merge meetings, each read unchanged
  results       notice to the delegates of the answers received, by topic (docx)
  report        report to the Chairman and the province: counts by agency,
                topic and result, on-time rate, what is overdue (docx)

Without -o the file goes to the "exports" folder beside the meeting file.
Phone numbers are left out unless --with-contacts is given.`

func kindNames() string {
	var n []string
	for _, k := range docs.Kinds {
		n = append(n, string(k))
	}
	return strings.Join(n, ", ")
}

func formatNames(k docs.Kind) string {
	var n []string
	for _, f := range docs.Formats(k) {
		n = append(n, string(f))
	}
	return strings.Join(n, ", ")
}

func runExport(ctx context.Context, args []string) error {
	fs := newFlags("export", exportUsage)
	format := fs.String("format", "", "file format (default: the kind's first format)")
	out := fs.String("o", "", "output `FILE` (default: exports/NAME beside the meeting file)")
	var dbs dbList
	fs.Var(&dbs, "db", "meeting `FILE` (the register: several, merged)")
	contacts := fs.Bool("with-contacts", false, "include phone numbers")
	prepared := fs.Bool("prepared", false, "reminders: to the agencies missing prepared answers before the day")
	roll := fs.String("roll", "", "script: introduce the officials `invited` or `present` (default: present once anyone has arrived)")
	// KIND may come before the flags (doithoai export minutes --db m.db):
	// the flag package stops at the first non-flag argument.
	var kindArg string
	if len(args) > 0 && !strings.HasPrefix(args[0], "-") {
		kindArg, args = args[0], args[1:]
	}
	if err := parse(fs, args); err != nil {
		return err
	}
	rest := fs.Args()
	if kindArg == "" && len(rest) > 0 {
		kindArg, rest = rest[0], rest[1:]
	}
	if len(rest) > 0 {
		return usagef("export: unexpected argument %q", rest[0])
	}
	if kindArg == "" {
		return usagef("export needs a KIND: %s", kindNames())
	}
	if kindArg == string(docs.Register) {
		return exportRegister(ctx, dbs, *out, *format)
	}
	db, err := dbs.one(kindArg)
	if err != nil {
		return err
	}
	if kindArg == "reminders" {
		return exportReminders(ctx, db, *out, *prepared)
	}
	kind, ok := docs.ParseKind(kindArg)
	if !ok {
		return usagef("unknown document %q; choose one of %s", kindArg, kindNames())
	}
	f := docs.Format(strings.ToLower(strings.TrimPrefix(*format, ".")))
	if f == "" && *out != "" {
		// -o report.docx says the format.
		if ext := docs.Format(strings.ToLower(strings.TrimPrefix(filepath.Ext(*out), "."))); docs.Supports(kind, ext) {
			f = ext
		}
	}
	if f == "" {
		f = docs.Formats(kind)[0]
	}
	if !docs.Supports(kind, f) {
		return usagef("%s cannot be written as %q; choose one of %s", kind, string(f), formatNames(kind))
	}
	st, path, err := openMeeting(ctx, db, store.Options{NoWatch: true, Actor: store.Actor{Station: "export", Role: store.RoleAdmin}})
	if err != nil {
		return err
	}
	defer st.Close()
	m, err := st.Meeting(ctx)
	if err != nil {
		return err
	}
	dest := *out
	if dest == "" {
		dest = filepath.Join(docs.ExportDir(path), docs.FileName(kind, f, m))
	}
	r := docs.Roll(strings.ToLower(*roll))
	if r != docs.RollAuto && r != docs.RollInvited && r != docs.RollPresent {
		return usagef("--roll %q: use invited or present", *roll)
	}
	if err := docs.Export(ctx, st, kind, f, dest, docs.Options{WithContacts: *contacts, Roll: r}); err != nil {
		return err
	}
	fmt.Fprintln(os.Stdout, dest)
	return nil
}
