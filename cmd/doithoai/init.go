package main

import (
	"context"
	"flag"
	"fmt"
	"os"

	"github.com/mattn/go-isatty"

	"doithoai/store"
	"doithoai/tui/components"
	"doithoai/tui/i18n"
)

func init() {
	register(command{name: "init", summary: "create a meeting file (empty, --demo, --demo-held, or --carry-from the last one)", run: runInit})
}

const initUsage = `Usage: doithoai init [--demo | --demo-held | --carry-from LAST.db] [--title T --date DD/MM/YYYY --start HH:MM …] FILE

Creates a new meeting file. With --demo it holds the demo meeting (fictional
people); with --demo-held, the demo as it stands a month after the day (the
agenda run, answers given, written answers received, one overdue): try the
reports and the follow-up register without running the day. --carry-from
starts the next meeting from the last one: its details (the year moved on;
flags override them), units, groups, topics and every obligation still open,
shown "từ kỳ trước". Without --title, in a terminal, a form asks for the details.
The documents' signers: --secretary signs the minutes; the conclusion notice
is signed by the chair, or with --sign-as KT|TL --signer NAME --signer-title
TITLE ("TL. CHỦ TỊCH / CHÁNH VĂN PHÒNG").`

func runInit(ctx context.Context, args []string) error {
	fs := newFlags("init", initUsage)
	demo := fs.Bool("demo", false, "create the demo meeting")
	held := fs.Bool("demo-held", false, "create the demo meeting as it stands a month after the day")
	heldOn := fs.String("held-on", "", "with --demo-held: the day it was held, DD/MM/YYYY (default: 30 days ago)")
	carry := fs.String("carry-from", "", "start from the previous meeting `FILE`: units, groups, open obligations")
	var m store.Meeting
	fs.StringVar(&m.Title, "title", "", "meeting title")
	fs.StringVar(&m.Theme, "theme", "", "theme")
	fs.StringVar(&m.Date, "date", "", "date, DD/MM/YYYY (or YYYY-MM-DD)")
	fs.StringVar(&m.StartTime, "start", "", "start time, HH:MM")
	fs.StringVar(&m.Venue, "venue", "", "venue")
	fs.StringVar(&m.Chair, "chair", "", "who chairs")
	fs.StringVar(&m.ChairTitle, "chair-title", "", "the chair's title")
	fs.StringVar(&m.Organiser, "organiser", "", "issuing body, e.g. Ủy ban nhân dân thị xã Ba Đồn")
	fs.StringVar(&m.Place, "place", "", "place name for the date line")
	fs.StringVar(&m.Secretary, "secretary", "", "who keeps the minutes (signs them as THƯ KÝ)")
	fs.StringVar(&m.SecretaryTitle, "secretary-title", "", "the secretary's title")
	signAs := fs.String("sign-as", "", "how the conclusion notice is signed: empty (the chair), KT or TL")
	fs.StringVar(&m.Signer, "signer", "", "name of the KT./TL. signer")
	fs.StringVar(&m.SignerTitle, "signer-title", "", "the KT./TL. signer's title, e.g. Chánh Văn phòng")
	fs.StringVar(&m.Office, "office", "", "office that drafts the notice and follows it up, e.g. Phòng Nội vụ")
	fs.StringVar(&m.OfficeCode, "office-code", "", "its initials in 'Lưu: VT, NV.'")
	lang := fs.String("lang", "vi", "language of the form: vi or en")
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return usagef("init needs exactly one FILE (see doithoai init --help)")
	}
	m.SignAs = store.SignAs(*signAs)
	if m.Date != "" {
		iso, ok := components.ParseDate(m.Date)
		if !ok {
			return usagef("--date %q: give the day as DD/MM/YYYY, e.g. 18/10/2023", m.Date)
		}
		m.Date = iso
	}
	path := fs.Arg(0)
	if _, err := os.Stat(path); err == nil {
		return usagef("%s already exists; choose a new file name", path)
	}
	if *held {
		return initDemoHeld(ctx, path, *heldOn)
	}
	if *carry != "" {
		set := map[string]bool{}
		fs.Visit(func(f *flag.Flag) { set[f.Name] = true })
		return initCarry(ctx, *carry, path, m, set)
	}
	if *demo {
		if err := createDemo(ctx, path); err != nil {
			return err
		}
		fmt.Println("created the demo meeting in", path)
		return nil
	}
	if m.Title == "" {
		if !isatty.IsTerminal(os.Stdin.Fd()) {
			return usagef("--title is required when not run in a terminal")
		}
		l, _ := i18n.Parse(*lang)
		if err := components.AskMeeting(i18n.New(l), &m); err != nil {
			return usagef("cancelled")
		}
	}
	st, err := store.Open(ctx, path, store.Options{Create: true, NoWatch: true, Actor: store.Actor{Station: "init", Role: store.RoleAdmin}})
	if err != nil {
		return err
	}
	defer st.Close()
	if err := st.SaveMeeting(ctx, m); err != nil {
		os.Remove(path)
		os.Remove(path + "-wal")
		os.Remove(path + "-shm")
		return usagef("%v", err)
	}
	fmt.Println("created", path)
	return nil
}
