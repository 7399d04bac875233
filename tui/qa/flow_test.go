package qa

import (
	"bytes"
	"context"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/exp/teatest"

	"doithoai/store"
	"doithoai/tui/common"
	"doithoai/tui/common/commontest"
	"doithoai/tui/i18n"
)

// host runs the station as the root would: it hands it the window size and
// quits on ctrl+c.
type host struct{ m *Model }

func (h host) Init() tea.Cmd { return h.m.Init() }
func (h host) View() string  { return h.m.View() }
func (h host) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		h.m.SetSize(msg.Width, msg.Height)
		return h, nil
	case tea.KeyMsg:
		if msg.Type == tea.KeyCtrlC {
			return h, tea.Quit
		}
	}
	_, cmd := h.m.Update(msg)
	return h, cmd
}

func send(tm *teatest.TestModel, keys ...string) {
	for _, k := range keys {
		for _, msg := range keyMsgs(k) {
			tm.Send(msg)
		}
	}
}

func waitFor(t *testing.T, tm *teatest.TestModel, s string) {
	t.Helper()
	teatest.WaitFor(t, tm.Output(), func(b []byte) bool { return bytes.Contains(b, []byte(s)) },
		teatest.WithDuration(20*time.Second), teatest.WithCheckInterval(10*time.Millisecond))
}

// TestFlowQuestionWithTwoAnswers records, in a running program, a question
// asked by the current speaker and two answers from two agencies: the
// chairman on the spot, then a department head who owes a written answer.
func TestFlowQuestionWithTwoAnswers(t *testing.T) {
	c, st := commontest.NewLang(t, i18n.VI, 100, 30)
	fixture(t, st)
	ctx := context.Background()
	sp, _, _ := st.CurrentSpeaker(ctx)
	m := New(c).(*Model)
	tm := teatest.NewTestModel(t, host{m}, teatest.WithInitialTermSize(100, 30))
	waitFor(t, tm, "Đang phát biểu")

	send(tm, "n")
	waitFor(t, tm, "Ghi ý kiến mới")
	text := "Đề nghị tăng mức vay vốn giải quyết việc làm cho hội viên phụ nữ nuôi trồng thủy sản."
	send(tm, "shift+tab", "vay von", "enter", text, "enter", "enter")
	waitFor(t, tm, "Đã lưu ý kiến")

	send(tm, "a")
	waitFor(t, tm, "Trả lời ý kiến #5")
	send(tm, "enter", "enter", "Thị xã sẽ ưu tiên nguồn vốn ủy thác năm 2024.", "enter", "tai cho", "enter")
	waitFor(t, tm, "Đã lưu trả lời")

	tm.Send(common.ChangedMsg{}) // as the root does after a commit
	send(tm, "a")
	waitFor(t, tm, "Trả lời ý kiến #5")
	send(tm, "cao xuan", "enter")
	waitFor(t, tm, "Phòng Lao động - Thương binh và Xã hội")
	send(tm, "enter", "Phòng sẽ khảo sát nhu cầu và trả lời bằng văn bản.", "enter", "van ban", "enter", "enter", "15/11/2023", "enter")
	waitFor(t, tm, "hạn 15/11/2023")

	send(tm, "ctrl+c")
	tm.WaitFinished(t, teatest.WithFinalTimeout(5*time.Second))

	qs, _ := st.Questions(ctx, 0)
	q := qs[len(qs)-1]
	if q.Text != text || q.Topic != "Vay vốn, hỗ trợ khởi nghiệp" || q.SpeakerID != sp.ID || q.AskerName != sp.Name {
		t.Fatalf("question %+v", q)
	}
	if len(q.Answers) != 2 {
		t.Fatalf("%d answers", len(q.Answers))
	}
	a1, a2 := q.Answers[0], q.Answers[1]
	if a1.Person != "Trần Minh Đức" || a1.Outcome != store.OutcomeSpot || a1.AgencyName != "UBND thị xã" {
		t.Errorf("first answer %+v", a1)
	}
	if a2.Person != "Cao Xuân Trường" || a2.Outcome != store.OutcomeWritten || a2.AgencyID == a1.AgencyID ||
		a2.FollowupAgencyID != a2.AgencyID || a2.DueDate != "2023-11-15" || !strings.Contains(a2.AgencyName, "Lao động") {
		t.Errorf("second answer %+v", a2)
	}
}
