package store_test

import (
	"context"
	"errors"
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"

	"doithoai/assets"
	"doithoai/store"
)

// mutation is one mutating API method, called with plausible arguments on
// the demo meeting, and the roles that may call it. The roles are written
// out here, not derived from Perm, so this table is the policy a reviewer
// reads: the check-in desk cannot record answers or touch the agenda, the
// projector writes nothing.
type mutation struct {
	name  string
	roles []store.Role // besides admin, which may do everything
	call  func(ctx context.Context, s *store.Store, f *fixture) error
}

type fixture struct {
	delegates []store.Delegate
	units     []store.Unit
	items     []store.AgendaItem
	seed      store.Seed
}

var (
	desk    = []store.Role{store.RoleCheckin}
	agenda  = []store.Role{store.RoleAgenda}
	qa      = []store.Role{store.RoleQA}
	setup   = []store.Role{store.RoleReports}
	drafter = []store.Role{store.RoleCheckin, store.RoleAgenda, store.RoleQA, store.RoleReports, store.RoleFollowup}
	office  = []store.Role{store.RoleFollowup}
)

func ignore2[T any](_ T, err error) error { return err }

var mutations = []mutation{
	{"CheckIn", desk, func(ctx context.Context, s *store.Store, f *fixture) error {
		return ignore2(s.CheckIn(ctx, f.delegates[0].ID))
	}},
	{"UndoCheckIn", desk, func(ctx context.Context, s *store.Store, f *fixture) error {
		return s.UndoCheckIn(ctx, f.delegates[0].ID)
	}},
	{"RegisterWalkIn", desk, func(ctx context.Context, s *store.Store, f *fixture) error {
		return ignore2(s.RegisterWalkIn(ctx, store.WalkIn{FullName: "Phan Thị Mới", UnitName: "Hội Phụ nữ phường Quảng Long"}))
	}},
	// apologies come by phone to the desk on the day as well as to the office
	{"SaveApology", desk, func(ctx context.Context, s *store.Store, f *fixture) error {
		return s.SaveApology(ctx, store.Apology{DelegateID: f.delegates[6].ID, Reason: "ốm"})
	}},
	{"WithdrawApology", desk, func(ctx context.Context, s *store.Store, f *fixture) error {
		return s.WithdrawApology(ctx, f.delegates[6].ID)
	}},
	{"SaveApology", desk, func(ctx context.Context, s *store.Store, f *fixture) error {
		return s.SaveApology(ctx, store.Apology{DelegateID: f.delegates[7].ID, Reason: "đi công tác", SubstituteName: "Lê Thị Thay"})
	}},
	{"CheckInSubstitute", desk, func(ctx context.Context, s *store.Store, f *fixture) error {
		return ignore2(s.CheckInSubstitute(ctx, f.delegates[7].ID))
	}},

	{"SaveItem", agenda, func(ctx context.Context, s *store.Store, f *fixture) error {
		return ignore2(s.SaveItem(ctx, store.AgendaItem{Kind: store.ItemOther, Title: "Chụp ảnh lưu niệm", PlannedMinutes: 5}))
	}},
	{"SetItemWords", agenda, func(ctx context.Context, s *store.Store, f *fixture) error {
		return s.SetItemWords(ctx, f.items[1].ID, "Kính thưa các vị đại biểu")
	}},
	{"MoveItem", agenda, func(ctx context.Context, s *store.Store, f *fixture) error {
		return s.MoveItem(ctx, f.items[1].ID, 1)
	}},
	{"SetSkipped", agenda, func(ctx context.Context, s *store.Store, f *fixture) error {
		return s.SetSkipped(ctx, f.items[len(f.items)-1].ID, true)
	}},
	{"DeleteItem", agenda, func(ctx context.Context, s *store.Store, f *fixture) error {
		return s.DeleteItem(ctx, f.items[len(f.items)-2].ID)
	}},
	{"Advance", agenda, func(ctx context.Context, s *store.Store, f *fixture) error { return ignore2(s.Advance(ctx)) }},
	{"Back", agenda, func(ctx context.Context, s *store.Store, f *fixture) error { return ignore2(s.Back(ctx)) }},
	{"AddSpeaker", agenda, func(ctx context.Context, s *store.Store, f *fixture) error {
		return ignore2(s.AddSpeaker(ctx, store.Speaker{ItemID: f.items[0].ID, DelegateID: f.delegates[2].ID}))
	}},
	{"CallNext", agenda, func(ctx context.Context, s *store.Store, f *fixture) error {
		return ignore2(s.CallNext(ctx, f.items[0].ID))
	}},
	{"CallSpeaker", agenda, func(ctx context.Context, s *store.Store, f *fixture) error {
		return ignore2(s.CallSpeaker(ctx, 1))
	}},
	{"ExtendTurn", agenda, func(ctx context.Context, s *store.Store, f *fixture) error { return s.ExtendTurn(ctx, 1, 60) }},
	{"EndTurn", agenda, func(ctx context.Context, s *store.Store, f *fixture) error { return s.EndTurn(ctx) }},
	{"MoveSpeaker", agenda, func(ctx context.Context, s *store.Store, f *fixture) error { return s.MoveSpeaker(ctx, 1, 1) }},
	{"RemoveSpeaker", agenda, func(ctx context.Context, s *store.Store, f *fixture) error { return s.RemoveSpeaker(ctx, 1) }},

	{"SaveQuestion", qa, func(ctx context.Context, s *store.Store, f *fixture) error {
		return ignore2(s.SaveQuestion(ctx, store.Question{AskerName: "Nguyễn Thị Hoa", Text: "Xin hỏi về vốn vay"}))
	}},
	{"SaveQuestionResult", qa, func(ctx context.Context, s *store.Store, f *fixture) error {
		return ignore2(s.SaveQuestionResult(ctx, store.Question{AskerName: "Nguyễn Thị Hoa", Text: "Xin hỏi về vốn vay"}))
	}},
	{"SaveAnswer", qa, func(ctx context.Context, s *store.Store, f *fixture) error {
		return ignore2(s.SaveAnswer(ctx, store.Answer{QuestionID: 1, Person: "Trần Minh Đức", Outcome: store.OutcomeSpot}))
	}},
	{"SetDialogueTopics", []store.Role{store.RoleQA, store.RoleReports}, func(ctx context.Context, s *store.Store, f *fixture) error {
		return s.SetDialogueTopics(ctx, []string{"Việc làm", "Y tế", "Vốn vay"})
	}},
	{"EditDialogueTopics", []store.Role{store.RoleQA, store.RoleReports}, func(ctx context.Context, s *store.Store, f *fixture) error {
		return s.EditDialogueTopics(ctx, []string{"Việc làm", "Y tế nhà trường"}, []store.TopicRename{{From: "Y tế", To: "Y tế nhà trường"}})
	}},

	// the file's settings (where it is replicated): no station role, only
	// the laptop's own terminals
	{"SetSetting", nil, func(ctx context.Context, s *store.Store, f *fixture) error {
		return s.SetSetting(ctx, store.SettingReplica, "/media/usb/doithoai")
	}},
	{"RenewFileID", nil, func(ctx context.Context, s *store.Store, f *fixture) error { return ignore2(s.RenewFileID(ctx)) }},

	{"SaveMeeting", setup, func(ctx context.Context, s *store.Store, f *fixture) error {
		m, err := s.Meeting(ctx)
		if err != nil {
			return err
		}
		m.Venue = "Hội trường B"
		return s.SaveMeeting(ctx, m)
	}},
	{"CorrectName", []store.Role{store.RoleQA, store.RoleReports}, func(ctx context.Context, s *store.Store, f *fixture) error {
		return ignore2(s.CorrectName(ctx, "Nguyen Van Khach", "Nguyễn Văn Khách"))
	}},
	{"SaveAssessment", setup, func(ctx context.Context, s *store.Store, f *fixture) error {
		return s.SaveAssessment(ctx, "Chương trình thành công tốt đẹp.")
	}},
	{"SaveUnit", setup, func(ctx context.Context, s *store.Store, f *fixture) error {
		return ignore2(s.SaveUnit(ctx, store.Unit{Name: "Phòng Kinh tế", Kind: store.UnitAgency}))
	}},
	{"DeleteUnit", setup, func(ctx context.Context, s *store.Store, f *fixture) error { return s.DeleteUnit(ctx, f.units[0].ID) }},
	{"SaveGroup", setup, func(ctx context.Context, s *store.Store, f *fixture) error {
		return ignore2(s.SaveGroup(ctx, store.Group{Name: "Khách mời đặc biệt", Quota: 5}))
	}},
	{"SetTopics", setup, func(ctx context.Context, s *store.Store, f *fixture) error {
		return s.SetTopics(ctx, []string{"Việc làm", "Y tế"})
	}},
	{"RenameTopic", setup, func(ctx context.Context, s *store.Store, f *fixture) error {
		return s.RenameTopic(ctx, "Y tế", "Y tế cơ sở")
	}},
	{"SaveDelegate", setup, func(ctx context.Context, s *store.Store, f *fixture) error {
		d := f.delegates[1]
		d.Title = "Chủ tịch"
		return ignore2(s.SaveDelegate(ctx, d))
	}},
	{"RemoveUnit", setup, func(ctx context.Context, s *store.Store, f *fixture) error {
		return s.RemoveUnit(ctx, f.units[len(f.units)-1].ID)
	}},
	{"RemoveGroup", setup, func(ctx context.Context, s *store.Store, f *fixture) error { return s.RemoveGroup(ctx, 1) }},
	{"RemoveDelegate", setup, func(ctx context.Context, s *store.Store, f *fixture) error {
		return s.RemoveDelegate(ctx, f.delegates[len(f.delegates)-1].ID)
	}},
	{"AssignSheetNumbers", setup, func(ctx context.Context, s *store.Store, f *fixture) error {
		return ignore2(s.AssignSheetNumbers(ctx))
	}},
	{"SavePetition", setup, func(ctx context.Context, s *store.Store, f *fixture) error {
		return ignore2(s.SavePetition(ctx, store.Petition{Topic: "Y tế", Text: "Khám sức khỏe định kỳ"}))
	}},
	{"MarkAsked", setup, func(ctx context.Context, s *store.Store, f *fixture) error {
		return ignore2(s.MarkAsked(ctx, 0, "2023-09-25", "2023-10-09"))
	}},
	{"Import", setup, func(ctx context.Context, s *store.Store, f *fixture) error {
		// a dry run of an empty table: refused, or rolled back with a report
		return ignore2(s.Import(ctx, store.ImportDelegates, "dai-bieu.csv", nil, true))
	}},
	{"ImportWith", setup, func(ctx context.Context, s *store.Store, f *fixture) error {
		return ignore2(s.ImportWith(ctx, store.ImportDelegates, "dai-bieu.csv", nil, store.ImportOptions{DryRun: true, KeepCase: true}))
	}},
	{"LoadSeed", setup, func(ctx context.Context, s *store.Store, f *fixture) error { return s.LoadSeed(ctx, f.seed) }},

	{"RecordReceipt", office, func(ctx context.Context, s *store.Store, f *fixture) error {
		return ignore2(s.RecordReceipt(ctx, store.ReceiptInput{Obligation: "p1", DocNo: "Số 12/LĐTBXH-VL ngày 20/11/2023", Result: store.ResultSettled}))
	}},
	{"UpdateReceipt", office, func(ctx context.Context, s *store.Store, f *fixture) error {
		return s.UpdateReceipt(ctx, 1, store.ReceiptInput{DocNo: "Số 12/LĐTBXH-VL ngày 21/11/2023", Result: store.ResultAnswered})
	}},
	{"VoidReceipt", office, func(ctx context.Context, s *store.Store, f *fixture) error { return s.VoidReceipt(ctx, 1, true) }},
	{"Extend", office, func(ctx context.Context, s *store.Store, f *fixture) error {
		return ignore2(s.Extend(ctx, "p2", "2023-12-31", "Chờ ý kiến của Sở"))
	}},
	{"VoidExtension", office, func(ctx context.Context, s *store.Store, f *fixture) error { return s.VoidExtension(ctx, 1, true) }},
	{"UndoFollowupChange", office, func(ctx context.Context, s *store.Store, f *fixture) error {
		return s.UndoFollowupChange(ctx, store.FollowupChange{Entity: "receipt", ID: 1})
	}},
	{"AcceptDrift", office, func(ctx context.Context, s *store.Store, f *fixture) error { return s.AcceptDrift(ctx, "p2") }},
	{"LinkCarried", qa, func(ctx context.Context, s *store.Store, f *fixture) error { return s.LinkCarried(ctx, 1, 1) }},
	{"SetZone", setup, func(ctx context.Context, s *store.Store, f *fixture) error { return s.SetZone(ctx, 420) }},
	{"LoadCarry", setup, func(ctx context.Context, s *store.Store, f *fixture) error {
		return s.LoadCarry(ctx, store.Carry{Meeting: f.seed.Meeting})
	}},

	{"SaveDraft", drafter, func(ctx context.Context, s *store.Store, f *fixture) error {
		return s.SaveDraft(ctx, "qa/question", "Xin hỏi")
	}},
	{"DeleteDraft", drafter, func(ctx context.Context, s *store.Store, f *fixture) error {
		return s.DeleteDraft(ctx, "qa/question")
	}},
	// the SSH server's lockouts: no station may write (or forge) one
	{"RecordSecurity", nil, func(ctx context.Context, s *store.Store, f *fixture) error {
		return s.RecordSecurity(ctx, "lockout", map[string]string{"address": "10.0.0.66"})
	}},
}

func (m mutation) allows(r store.Role) bool {
	if r == store.RoleAdmin {
		return true
	}
	for _, x := range m.roles {
		if x == r {
			return true
		}
	}
	return false
}

// TestRoleMatrix calls every mutating method as every role on a fresh demo
// meeting. A refused call returns ErrForbidden and leaves no trace (no
// audit row, no change); an allowed call is never refused for its role
// (it may still fail on the data, e.g. nobody to call), and every audit
// row it writes names the station and the SSH user.
func TestRoleMatrix(t *testing.T) {
	ctx := context.Background()
	roles := append([]store.Role{store.RoleAdmin}, store.Roles...)
	if !slices.Contains(roles, store.RoleFollowup) {
		roles = append(roles, store.RoleFollowup)
	}
	seed, err := assets.Demo()
	if err != nil {
		t.Fatal(err)
	}
	for _, role := range roles {
		t.Run(string(role), func(t *testing.T) {
			base, _ := openDemo(t)
			f := &fixture{seed: seed}
			f.delegates, _ = base.Delegates(ctx)
			f.units, _ = base.Units(ctx)
			f.items, _ = base.Agenda(ctx)
			if len(f.delegates) < 4 || len(f.items) < 3 || len(f.units) < 1 {
				t.Fatal("demo meeting too small for this test")
			}
			// one running turn and a waiting speaker, so the turn methods
			// have something to act on
			admin := base.As(store.Actor{Station: "setup", Role: store.RoleAdmin})
			if _, err := admin.AddSpeaker(ctx, store.Speaker{ItemID: f.items[0].ID, DelegateID: f.delegates[1].ID}); err != nil {
				t.Fatal(err)
			}
			if _, err := admin.SaveQuestion(ctx, store.Question{AskerName: "Lê Thị Hà", Text: "Câu hỏi"}); err != nil {
				t.Fatal(err)
			}
			user := string(role) + "@192.168.1.20"
			s := base.As(store.Actor{Station: string(role), User: user, Role: role})
			for _, m := range mutations {
				before := auditCount(t, base)
				err := m.call(ctx, s, f)
				after, _ := base.History(ctx, "", 0, 0)
				added := after[before:]
				if m.allows(role) {
					if errors.Is(err, store.ErrForbidden) {
						t.Errorf("%s refused to %s: %v", m.name, role, err)
					}
					for _, e := range added {
						if e.Station != string(role) || e.User != user {
							t.Errorf("%s as %s: audit row names %q / %q", m.name, role, e.Station, e.User)
						}
					}
					continue
				}
				if !errors.Is(err, store.ErrForbidden) {
					t.Errorf("%s allowed to %s (err %v)", m.name, role, err)
				}
				if len(added) != 0 {
					t.Errorf("%s refused to %s but wrote %d audit rows", m.name, role, len(added))
				}
			}
		})
	}
}

// TestRoleMatrixCoversEveryMutation: every exported Store method that
// writes (calls s.write) is in the table above, so a new mutation cannot
// skip the role review.
func TestRoleMatrixCoversEveryMutation(t *testing.T) {
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	var writers []string
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range f.Decls {
			fn, ok := d.(*ast.FuncDecl)
			if !ok || fn.Recv == nil || fn.Body == nil || !fn.Name.IsExported() {
				continue
			}
			writes := false
			ast.Inspect(fn.Body, func(n ast.Node) bool {
				if call, ok := n.(*ast.CallExpr); ok {
					if sel, ok := call.Fun.(*ast.SelectorExpr); ok && sel.Sel.Name == "write" {
						writes = true
					}
				}
				return !writes
			})
			if writes {
				writers = append(writers, fn.Name.Name)
			}
		}
	}
	sort.Strings(writers)
	known := map[string]bool{}
	for _, m := range mutations {
		known[m.name] = true
	}
	for _, w := range writers {
		if !known[w] {
			t.Errorf("Store.%s writes but is not in the role table of roles_test.go: decide which roles may call it", w)
		}
	}
	if len(writers) < 20 {
		t.Errorf("found only %d writing methods (%v): is the scan broken?", len(writers), writers)
	}
}

// TestRoleRefusalNamesRole: the refusal says which role and what, for logs.
func TestRoleRefusalNamesRole(t *testing.T) {
	base, _ := openDemo(t)
	ctx := context.Background()
	ds, _ := base.Delegates(ctx)
	qaStation := base.As(store.Actor{Station: "qa", User: "qa@10.0.0.7", Role: store.RoleQA})
	_, err := qaStation.CheckIn(ctx, ds[0].ID)
	if !errors.Is(err, store.ErrForbidden) || !strings.Contains(err.Error(), "qa") {
		t.Errorf("qa check-in: %v", err)
	}
	if d, _ := base.Delegate(ctx, ds[0].ID); d.Arrived() {
		t.Error("a refused check-in was recorded")
	}
	if store.Role("admin ").Valid() || store.Role("").Valid() || store.Role("setup").Valid() {
		t.Error("Valid accepts a name that is not a role")
	}
}

// TestCheckInNamesStationAndUser: the check-in row itself, not only its
// audit row, carries the desk and the SSH user.
func TestCheckInNamesStationAndUser(t *testing.T) {
	base, _ := openDemo(t)
	ctx := context.Background()
	ds, _ := base.Delegates(ctx)
	desk := base.As(store.Actor{Station: "checkin", User: "checkin@192.168.1.21", Role: store.RoleCheckin})
	res, err := desk.CheckIn(ctx, ds[5].ID)
	if err != nil {
		t.Fatal(err)
	}
	if res.CheckIn.Station != "checkin" {
		t.Errorf("check-in station %q", res.CheckIn.Station)
	}
	h, _ := base.History(ctx, "checkin", ds[5].ID, 0)
	if len(h) != 1 || h[0].Station != "checkin" || h[0].User != "checkin@192.168.1.21" {
		t.Errorf("audit of the check-in: %+v", h)
	}
}
