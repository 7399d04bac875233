package qa

import (
	"context"
	"fmt"
	"path/filepath"
	"runtime"
	"syscall"
	"testing"
	"time"

	"doithoai/assets"
	"doithoai/store"
	"doithoai/store/fold"
	"doithoai/tui/common/commontest"
	"doithoai/tui/i18n"
)

// benchModel is the station at w x h on the demo meeting grown to 10,000
// more delegates (2,000 arrived) and 200 questions with two answers each.
func benchModel(b *testing.B, w, h int) *Model {
	b.Helper()
	ctx := context.Background()
	seed, err := assets.Demo()
	if err != nil {
		b.Fatal(err)
	}
	for _, e := range fold.GenerateNames(10000, 7) {
		seed.Delegates = append(seed.Delegates, store.SeedDelegate{Code: fmt.Sprintf("G%05d", e.ID), FullName: e.Name, Title: e.Title, Unit: e.Unit})
	}
	path := filepath.Join(b.TempDir(), "big.db")
	st, err := store.Open(ctx, path, store.Options{Create: true, NoWatch: true, Actor: store.Actor{Station: commontest.Station, Role: store.RoleAdmin}})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { st.Close() })
	if err := st.LoadSeed(ctx, seed); err != nil {
		b.Fatal(err)
	}
	fixture(b, st)
	ds, _ := st.Delegates(ctx)
	for i := 200; i < 2200; i++ {
		if _, err := st.CheckIn(ctx, ds[i].ID); err != nil {
			b.Fatal(err)
		}
	}
	units, _ := st.Units(ctx)
	for i := 0; i < 200; i++ {
		d := ds[200+i]
		qid, err := st.SaveQuestion(ctx, store.Question{AskedAt: at(8, 0).Add(time.Duration(i) * time.Minute), DelegateID: d.ID, AskerName: d.FullName,
			AskerUnit: d.UnitName, Topic: "Vay vốn, hỗ trợ khởi nghiệp", Text: "Đề nghị hỗ trợ vốn vay ưu đãi cho hộ phụ nữ nghèo phát triển kinh tế gia đình, mở rộng chăn nuôi."})
		if err != nil {
			b.Fatal(err)
		}
		st.SaveAnswer(ctx, store.Answer{QuestionID: qid, Person: "Trần Minh Đức", AgencyID: units[0].ID, Summary: "Thị xã ghi nhận.", Outcome: store.OutcomeSpot})
		st.SaveAnswer(ctx, store.Answer{QuestionID: qid, Person: "Cao Xuân Trường", AgencyID: units[7].ID, Summary: "Phòng sẽ trả lời bằng văn bản.",
			Outcome: store.OutcomeWritten, FollowupAgencyID: units[7].ID, DueDate: "2023-11-02"})
	}
	return open(b, commontest.Wrap(st, i18n.VI, w, h))
}

// threadCPU is the CPU time this OS thread has used. The benchmarks report
// it per op beside the wall time, because on a shared, loaded machine the
// wall time mostly measures waiting for a CPU.
func threadCPU() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(1, &ru) // RUSAGE_THREAD
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// loop runs f b.N times on one locked thread and reports cpu-ns/op.
func loop(b *testing.B, f func()) {
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	b.ReportAllocs()
	b.ResetTimer()
	c0 := threadCPU()
	for i := 0; i < b.N; i++ {
		f()
	}
	b.ReportMetric(float64(threadCPU()-c0)/float64(b.N), "cpu-ns/op")
}

// BenchmarkView draws the log, the question form searching 10,000
// delegates, and the petitions view at 200x60.
func BenchmarkView(b *testing.B) {
	m := benchModel(b, 200, 60)
	b.Run("log", func(b *testing.B) { loop(b, func() { _ = m.View() }) })
	press(b, m, "n", "shift+tab", "shift+tab", "nguyen thi") // from the text up to the asker
	b.Run("asker-form", func(b *testing.B) { loop(b, func() { _ = m.View() }) })
	// one letter and its deletion: two searches over 10,000 delegates
	b.Run("asker-keystroke", func(b *testing.B) { loop(b, func() { press(b, m, "h", "backspace") }) })
	press(b, m, "esc", "esc", "p")
	b.Run("petitions", func(b *testing.B) { loop(b, func() { _ = m.View() }) })
}

// BenchmarkLoad is the reload Cmd when nothing audited changed (a draft
// save by this or another station): one mark query, nothing reread.
func BenchmarkLoad(b *testing.B) {
	m := benchModel(b, 200, 60)
	loop(b, func() {
		if msg := load(m.c, 1, m.d)().(loadedMsg); msg.err != nil || !msg.same {
			b.Fatal(msg.err)
		}
	})
}
