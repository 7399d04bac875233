package qa

import (
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"os"
	"strconv"
	"strings"
	"sync"

	tea "github.com/charmbracelet/bubbletea"

	"doithoai/tui/common"
)

// Drafts are keyed by what they are a draft of and by the station
// instance that typed them ("qa/answer/q12/new/3f9a…"), under the store's
// station and user: two terminals of one user never write the same draft,
// and a restart offers every draft whose terminal is gone.

const draftPrefix = "qa/"

// live holds the nonces of the station instances of this process that are
// running, so a second SSH session of the same user does not take over a
// form the first is typing.
var live sync.Map

var hostname = func() string { h, _ := os.Hostname(); return h }()

func newNonce() string {
	b := make([]byte, 4)
	rand.Read(b)
	return hex.EncodeToString(b)
}

// owner names this station instance in a draft's body.
func (m *Model) owner() string {
	return hostname + "|" + strconv.Itoa(os.Getpid()) + "|" + m.nonce
}

// ownerLive reports whether the instance that wrote a draft still runs:
// a draft of a running terminal is not offered to another one.
func ownerLive(owner string) bool {
	p := strings.Split(owner, "|")
	if len(p) != 3 || p[0] != hostname {
		return false
	}
	pid, err := strconv.Atoi(p[1])
	if err != nil {
		return false
	}
	if pid == os.Getpid() {
		_, ok := live.Load(p[2])
		return ok
	}
	return processAlive(pid)
}

// keyOf is the draft key of form f.
func (m *Model) keyOf(f *form) string {
	if f.draftKey != "" {
		return f.draftKey
	}
	var what string
	switch {
	case f.kind == formQuestion && f.id == 0:
		what = "question/new"
	case f.kind == formQuestion:
		what = fmt.Sprintf("question/%d", f.id)
	case f.id == 0:
		what = fmt.Sprintf("answer/q%d/new", f.questionID)
	default:
		what = fmt.Sprintf("answer/%d", f.id)
	}
	f.draftKey = draftPrefix + what + "/" + m.nonce
	return f.draftKey
}

// flushDraft saves the form being typed if it changed since the last tick.
func (m *Model) flushDraft() tea.Cmd {
	if m.form == nil || !m.dirty || m.form.kind == formFilter {
		return nil
	}
	m.dirty = false
	return m.dw.Save(m.c, m.keyOf(m.form), m.form.body(m.owner()), m.form.gen)
}

// loadDraft lists the drafts a restart may offer: this user's, of
// terminals no longer running, newest first.
func loadDraft(c *common.Common, req int) tea.Cmd {
	st, ctx := c.Store, c.Ctx
	return func() tea.Msg {
		all, err := st.Drafts(ctx, draftPrefix)
		if err != nil {
			return draftMsg{req: req, err: err}
		}
		msg := draftMsg{req: req}
		for _, d := range all {
			b, ok := parseDraft(d.Body)
			if !ok || ownerLive(b.Owner) {
				continue
			}
			msg.list = append(msg.list, offered{key: d.Key, body: b, at: d.At})
		}
		return msg
	}
}

// restoreDraft reopens the form of the newest draft offered, with a
// notice; the others are offered in turn once it is saved or cancelled.
func (m *Model) restoreDraft(msg draftMsg) tea.Cmd {
	if msg.err != nil {
		m.setStatus(m.c.ErrText(msg.err), true)
		return nil
	}
	if len(msg.list) == 0 || m.mode == modeForm {
		return nil
	}
	o := msg.list[0]
	d := o.body
	var f *form
	if d.Kind == formAnswer {
		f = m.newAnswerForm()
	} else {
		f = m.newQuestionForm()
	}
	m.startForm(f)
	f.draftKey = o.key
	cmd := f.restore(d)
	m.afterRestore(f)
	m.moreDrafts = len(msg.list) - 1
	f.notice = m.c.T.F("qa.draft.restored", o.at.Format("15:04:05"))
	if m.moreDrafts > 0 {
		f.notice += " " + m.c.T.F("qa.draft.more", m.moreDrafts)
	}
	// claim it at once: another terminal starting now must see it as
	// this one's, not as a dead terminal's
	m.dirty = true
	return tea.Batch(cmd, m.flushDraft())
}

// nextDraft offers the next draft once a restored form is closed.
func (m *Model) nextDraft() tea.Cmd {
	if m.moreDrafts == 0 {
		return nil
	}
	m.moreDrafts = 0
	m.draftReq = m.next()
	return loadDraft(m.c, m.draftReq)
}
