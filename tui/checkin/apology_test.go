package checkin

import (
	"context"
	"errors"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"doithoai/store"
	"doithoai/tui/i18n"
)

// ctrl sends a control key.
func ctrl(m *Model, k tea.KeyType) {
	_, cmd := m.Update(tea.KeyMsg{Type: k})
	run(m, cmd)
}

// reload is the root's change notice after a commit.
func reload(m *Model) { run(m, m.reload()) }

// The demo's Phan Văn Lực sent apologies and Nguyễn Hữu Hùng comes
// instead. Searching him shows it; Enter checks in the substitute,
// registered and linked; Ctrl+Z undoes that and the apology keeps the name.
func TestDeskSubstituteCheckInAndUndo(t *testing.T) {
	for _, lang := range []i18n.Lang{i18n.VI, i18n.EN} {
		t.Run(string(lang), func(t *testing.T) {
			m, st := newModel(t, lang, 100, 30)
			loadModel(t, m)
			ctx := context.Background()
			lực := byCode(t, st, "LD12")
			press(m, "phan van luc")
			want := map[i18n.Lang][]string{
				i18n.VI: {"Phan Văn Lực đã báo vắng – cử Nguyễn Hữu Hùng thay (Đi công tác", "Enter: điểm danh người thay", "báo vắng"},
				i18n.EN: {"Phan Văn Lực sent apologies – Nguyễn Hữu Hùng comes instead", "Enter: check the substitute in", "apologised"},
			}[lang]
			screenHas(t, m, want...)
			press(m, tea.KeyEnter)
			a, err := st.Apology(ctx, lực.ID)
			if err != nil || a.SubstituteID == 0 || a.SubArrived.IsZero() {
				t.Fatalf("substitute not checked in: %+v %v", a, err)
			}
			if d, _ := st.Delegate(ctx, lực.ID); d.Arrived() {
				t.Fatal("the principal was checked in instead of his substitute")
			}
			screenHas(t, m, map[i18n.Lang]string{i18n.VI: "đã điểm danh: Nguyễn Hữu Hùng, dự thay Phan Văn Lực",
				i18n.EN: "checked in: Nguyễn Hữu Hùng, for Phan Văn Lực"}[lang])
			reload(m)
			screenHas(t, m, map[i18n.Lang]string{i18n.VI: "dự thay 1 · báo vắng 3", i18n.EN: "substitutes 1 · apologies 3"}[lang])
			// his row now says who stands in, and a second Enter records nothing
			press(m, "phan van luc")
			screenHas(t, m, map[i18n.Lang]string{i18n.VI: "Nguyễn Hữu Hùng dự thay, đã đến", i18n.EN: "Nguyễn Hữu Hùng stands in, here"}[lang])
			press(m, tea.KeyEnter)
			screenHas(t, m, map[i18n.Lang]string{i18n.VI: "(dự thay Phan Văn Lực) ĐÃ ĐẾN", i18n.EN: "(for Phan Văn Lực) is ALREADY HERE"}[lang])
			// the substitute found by her own name is marked as such
			press(m, tea.KeyEsc, "nguyen huu hung")
			screenHas(t, m, map[i18n.Lang]string{i18n.VI: "Nguyễn Hữu Hùng dự thay Phan Văn Lực", i18n.EN: "Nguyễn Hữu Hùng stands in for Phan Văn Lực"}[lang])
			press(m, tea.KeyEsc)
			// Ctrl+Z: this desk's last check-in was the substitute
			ctrl(m, tea.KeyCtrlZ)
			if m.confirm == nil || m.confirm.d.FullName != "Nguyễn Hữu Hùng" {
				t.Fatalf("undo asks about %+v", m.confirm)
			}
			press(m, "y")
			if _, err := st.Delegate(ctx, a.SubstituteID); !errors.Is(err, store.ErrNotFound) {
				t.Errorf("the undone substitute is still on the list: %v", err)
			}
			a, _ = st.Apology(ctx, lực.ID)
			if a.SubstituteID != 0 || a.SubstituteName != "Nguyễn Hữu Hùng" {
				t.Errorf("apology after the undo: %+v", a)
			}
			screenHas(t, m, map[i18n.Lang]string{i18n.VI: "Đã hủy điểm danh người dự thay: Nguyễn Hữu Hùng (thay Phan",
				i18n.EN: "Substitute's check-in undone: Nguyễn Hữu Hùng (for Phan"}[lang])
			reload(m)
			// she comes back: Enter again registers her again
			press(m, "phan van luc", tea.KeyEnter)
			if a, _ = st.Apology(ctx, lực.ID); a.SubstituteID == 0 {
				t.Fatal("second substitute check-in failed")
			}
			reload(m)
			// Ctrl+X on his row offers to undo the substitute's check-in
			press(m, "phan van luc")
			ctrl(m, tea.KeyCtrlX)
			if m.confirm == nil || m.confirm.d.ID != a.SubstituteID {
				t.Fatalf("Ctrl+X on the principal asks about %+v", m.confirm)
			}
			press(m, "n")
		})
	}
}

// A scanned invitation of someone who sent apologies naming a substitute
// is the substitute bringing it: she is checked in, not the principal.
func TestDeskScannedCodeOfApologisedChecksInSubstitute(t *testing.T) {
	m, st := newModel(t, i18n.VI, 100, 30)
	loadModel(t, m)
	m.SetClock(fastClock())
	press(m, "LD12", tea.KeyEnter)
	a, _ := st.Apology(context.Background(), byCode(t, st, "LD12").ID)
	if a.SubArrived.IsZero() {
		t.Fatalf("scan of LD12 did not check in the substitute: %+v", a)
	}
}

// Without a substitute, Enter checks her in herself (she came after all),
// and her row says so.
func TestDeskApologyWithoutSubstitute(t *testing.T) {
	m, st := newModel(t, i18n.VI, 100, 30)
	loadModel(t, m)
	press(m, "bui thi dao")
	screenHas(t, m, "Bùi Thị Đào đã báo vắng (Ốm)", "Enter: vẫn điểm danh chính người này")
	press(m, tea.KeyEnter)
	if d := byCode(t, st, "PN071"); !d.Arrived() {
		t.Fatal("Enter did not check her in")
	}
	reload(m)
	press(m, "bui thi dao")
	screenHas(t, m, "Bùi Thị Đào đã báo vắng (Ốm) nhưng vẫn đến dự")
	// the counts: she is present, no longer absent with apologies
	_, _, tot, _ := st.Tallies(context.Background())
	if tot.Apologised != 2 {
		t.Errorf("apologised %d after she came", tot.Apologised)
	}
}

// Ctrl+B records an apology at the desk (the phone rings at 07:30), for
// the highlighted person; a substitute named there is checked in with the
// next Enter; emptying the form withdraws it.
func TestDeskRecordsApology(t *testing.T) {
	d := startDesk(t)
	d.typeText("ho ngoc dung")
	d.waitText("Hồ Ngọc Dung")
	d.key(tea.KeyCtrlB)
	d.waitText("Báo vắng: Hồ Ngọc Dung", "Lý do")
	d.typeText("Con ốm")
	d.formEnter()
	d.typeText("Lê Thị Thay")
	d.formEnter()
	d.typeText("Hội viên")
	d.formEnter()
	// the search is kept: her row now shows the apology
	d.waitText("Đã ghi báo vắng: Hồ Ngọc Dung", "Hồ Ngọc Dung đã báo vắng – cử Lê Thị Thay thay (Con ốm)")
	ctx := context.Background()
	dung := byCode(d.t, d.st, "PN058")
	a, err := d.st.Apology(ctx, dung.ID)
	if err != nil || a.Reason != "Con ốm" || a.SubstituteName != "Lê Thị Thay" || a.SubstituteTitle != "Hội viên" {
		t.Fatalf("apology recorded at the desk: %+v %v", a, err)
	}
	d.key(tea.KeyEnter)
	d.waitText("đã điểm danh: Lê Thị Thay, dự thay Hồ Ngọc Dung")
	if a, _ := d.st.Apology(ctx, dung.ID); a.SubArrived.IsZero() {
		t.Fatalf("substitute not here: %+v", a)
	}
}

func TestDeskApologyRefusedForArrivedAndWithdrawn(t *testing.T) {
	m, st := newModel(t, i18n.VI, 100, 30)
	loadModel(t, m)
	ctx := context.Background()
	press(m, "tran minh duc", tea.KeyEnter)
	reload(m)
	press(m, "tran minh duc")
	ctrl(m, tea.KeyCtrlB)
	if m.apology != nil || !strings.Contains(m.notice.text, "đã điểm danh lúc") {
		t.Errorf("Ctrl+B on someone here: form %v, notice %q", m.apology != nil, m.notice.text)
	}
	press(m, tea.KeyEsc)
	ctrl(m, tea.KeyCtrlB)
	if m.apology != nil || !strings.Contains(m.notice.text, "Ctrl+B") {
		t.Errorf("Ctrl+B with nobody chosen: %q", m.notice.text)
	}
	// withdrawn from the form: every field emptied. F9 opens it too
	// (under tmux ctrl+b is the prefix)
	press(m, "tran thi kim dao", tea.KeyF9)
	if m.apology == nil || m.apology.reason != "Bận việc gia đình" {
		t.Fatalf("form not prefilled: %+v", m.apology)
	}
	m.apology.reason = ""
	_, cmd := m.Update(apologyDoneMsg{id: m.apology.id, ok: true})
	run(m, cmd)
	if _, err := st.Apology(ctx, byCode(t, st, "PN090").ID); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("apology not withdrawn: %v", err)
	}
	screenHas(t, m, "Đã bỏ báo vắng: Trần Thị Kim Đào")
}
