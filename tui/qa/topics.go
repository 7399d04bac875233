package qa

import (
	"strings"

	"github.com/charmbracelet/bubbles/cursor"
	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textarea"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"doithoai/store"
	"doithoai/store/fold"
	"doithoai/tui/common"
)

// The topic editor is the topic list as text, one topic per line: the
// quickest way to add, rename, reorder or drop topics during the day. A
// line changed in place is a rename: the questions and petitions filed
// under the old name follow it.

func (m *Model) openTopics() tea.Cmd {
	s := m.c.Styles
	ta := textarea.New()
	ta.Prompt = ""
	ta.ShowLineNumbers = true
	ta.CharLimit = 20000
	st := textarea.Style{Base: s.Normal, CursorLine: s.Normal, Text: s.Normal, Placeholder: s.Subtle, Prompt: s.Normal,
		EndOfBuffer: s.Subtle, LineNumber: s.Subtle, CursorLineNumber: s.Key}
	ta.FocusedStyle, ta.BlurredStyle = st, st
	ta.Cursor.SetMode(cursor.CursorStatic)
	ta.SetWidth(max(10, m.w-2))
	ta.SetHeight(max(3, m.h-4))
	ta.SetValue(strings.Join(m.d.topics, "\n"))
	m.topics = ta
	m.topicsWas = append([]string(nil), m.d.topics...)
	m.mode = modeTopics
	return m.topics.Focus()
}

func (m *Model) topicsKey(k tea.KeyMsg) tea.Cmd {
	switch {
	case key.Matches(k, m.keys.Save):
		var list []string
		for _, l := range strings.Split(m.topics.Value(), "\n") {
			if l = strings.TrimSpace(l); l != "" {
				list = append(list, l)
			}
		}
		renames := topicRenames(m.topicsWas, list)
		var bare []string // new topics typed without accents
		was := map[string]bool{}
		for _, t := range m.topicsWas {
			was[fold.Fold(t)] = true
		}
		for _, t := range list {
			if !was[fold.Fold(t)] && noAccents(t) {
				bare = append(bare, t)
			}
		}
		m.tReq = m.next()
		st, ctx, req := m.c.Store, m.c.Ctx, m.tReq
		return func() tea.Msg {
			return topicsSavedMsg{req: req, renames: renames, bare: bare, err: st.EditDialogueTopics(ctx, list, renames)}
		}
	case key.Matches(k, m.keys.Cancel):
		m.mode = modeLog
		return nil
	}
	var cmd tea.Cmd
	m.topics, cmd = m.topics.Update(k)
	return cmd
}

// topicsSaved says what the save did: the renames, and new topics typed
// without accents (documents carry them as typed). The status is one line:
// long topic names are cut, not the words saying what happened; several
// renames that still do not fit are counted.
func (m *Model) topicsSaved(msg topicsSavedMsg) string {
	t := m.c.T
	if len(msg.renames) == 0 && len(msg.bare) == 0 {
		return t.T("qa.topics.saved")
	}
	// count: 0 names the renames, 1 counts them, 2 counts them without
	// the note that questions and petitions moved (a warning takes room)
	say := func(cut int, count int) string {
		name := func(s string) string {
			if cut > 0 {
				return common.Trunc(s, cut)
			}
			return s
		}
		// the warning first: it is what the secretary must act on
		s := t.T("qa.topics.saved_short")
		if len(msg.bare) > 0 {
			var ns []string
			for _, b := range msg.bare {
				ns = append(ns, name(b))
			}
			s += ". " + t.F("qa.topic.no_accents", strings.Join(ns, "», «"))
		}
		switch {
		case len(msg.renames) == 0:
		case count == 1:
			s += ". " + t.F("qa.topics.renamed_n", len(msg.renames))
		case count == 2:
			s += ". " + t.F("qa.topics.renamed_nn", len(msg.renames))
		default:
			var rs []string
			for _, r := range msg.renames {
				from, to := r.From, r.To
				if cut > 0 {
					from, to = renameCut(from, to, cut)
				}
				rs = append(rs, t.F("qa.topics.rename", from, to))
			}
			s += ". " + t.F("qa.topics.renamed", strings.Join(rs, ", "))
		}
		return s
	}
	fits := func(s string) bool { return ansi.StringWidth(s) <= m.w }
	longest := 0
	for _, b := range msg.bare {
		longest = max(longest, ansi.StringWidth(b))
	}
	for _, r := range msg.renames {
		longest = max(longest, ansi.StringWidth(r.From), ansi.StringWidth(r.To))
	}
	s := say(0, 0)
	for count := 0; count <= 2; count++ {
		if count > 0 && (len(msg.renames) == 0 || count == 1 && len(msg.renames) == 1 && len(msg.bare) == 0) {
			break // nothing to count: a single rename fits once cut
		}
		s = say(0, count)
		for cut := longest - 1; !fits(s) && cut >= 8; cut-- {
			s = say(cut, count)
		}
		if fits(s) {
			break
		}
	}
	return s
}

// renameCut shortens both names of a rename to w columns around where
// they differ: a cut at the end alone would often show the same words on
// both sides of the arrow ("«Doanh nghiệp, …» → «Doanh nghiệp, …»").
func renameCut(from, to string, w int) (string, string) {
	a, b := []rune(from), []rune(to)
	p := 0
	for p < len(a) && p < len(b) && a[p] == b[p] {
		p++
	}
	// from the start of the word where they part
	for p > 0 && a[p-1] != ' ' {
		p--
	}
	cut := func(s string, r []rune) string {
		if ansi.StringWidth(s) <= w || w < 3 {
			return common.Trunc(s, w)
		}
		if ansi.StringWidth(string(r[:p])) <= w/2 {
			return common.Trunc(s, w) // they part early: the start shows it
		}
		rest := string(r[p:])
		if n := ansi.StringWidth(rest); n < w-1 {
			// the difference is near the end: show the end
			return "…" + strings.TrimLeft(ansi.TruncateLeft(s, ansi.StringWidth(s)-(w-1), ""), " ")
		}
		return "…" + common.Trunc(rest, w-1)
	}
	return cut(from, a), cut(to, b)
}

// topicRenames pairs the lines removed and added at the same place of the
// list (a line edited in place): each pair is a rename. Lines kept as they
// were anchor the places; a line whose accent-free form is unchanged pairs
// first.
func topicRenames(before, after []string) []store.TopicRename {
	n, k := len(before), len(after)
	// longest common subsequence of exact lines
	lcs := make([][]int, n+1)
	for i := range lcs {
		lcs[i] = make([]int, k+1)
	}
	for i := n - 1; i >= 0; i-- {
		for j := k - 1; j >= 0; j-- {
			if before[i] == after[j] {
				lcs[i][j] = lcs[i+1][j+1] + 1
			} else {
				lcs[i][j] = max(lcs[i+1][j], lcs[i][j+1])
			}
		}
	}
	kept := map[string]bool{}
	for _, a := range after {
		kept[a] = true
	}
	var out []store.TopicRename
	var gone, added []string
	flush := func() {
		used := make([]bool, len(added))
		var rest []string
		for _, g := range gone {
			paired := false
			for j, a := range added {
				if !used[j] && fold.Fold(a) == fold.Fold(g) {
					used[j], paired = true, true
					out = append(out, store.TopicRename{From: g, To: a})
					break
				}
			}
			if !paired {
				rest = append(rest, g)
			}
		}
		j := 0
		for _, g := range rest {
			for j < len(added) && used[j] {
				j++
			}
			if j == len(added) {
				break
			}
			used[j] = true
			out = append(out, store.TopicRename{From: g, To: added[j]})
		}
		gone, added = gone[:0], added[:0]
	}
	i, j := 0, 0
	for i < n || j < k {
		switch {
		case i < n && j < k && before[i] == after[j]:
			flush()
			i, j = i+1, j+1
		case j < k && (i == n || lcs[i][j+1] >= lcs[i+1][j]):
			added = append(added, after[j])
			j++
		default:
			if !kept[before[i]] { // moved elsewhere is not gone
				gone = append(gone, before[i])
			}
			i++
		}
	}
	flush()
	return out
}

// noAccents: letters, none of them with a Vietnamese mark ("nuoc sach").
func noAccents(s string) bool {
	letters := false
	for _, r := range s {
		if r > 127 {
			return false
		}
		letters = letters || (r|0x20 >= 'a' && r|0x20 <= 'z')
	}
	return letters
}

func (m *Model) topicsView() string {
	s, t := m.c.Styles, m.c.T
	lines := []string{s.Title.Render(trunc(t.T("qa.topics.title"), m.w)), s.Subtle.Render(trunc(t.T("qa.topics.hint"), m.w)),
		m.topics.View()}
	return strings.Join(lines, "\n") + "\n" + m.statusLine()
}
