package store_test

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"doithoai/store"
)

// The multi-process tests re-run this test binary as child processes: the
// environment tells a child which file to open and what to do, and the
// child reports on a line of its stdout starting with mpPrefix.
const (
	mpEnvPath  = "DOITHOAI_MP_PATH"
	mpEnvIndex = "DOITHOAI_MP_INDEX"
	mpEnvN     = "DOITHOAI_MP_N"
	mpPrefix   = "MPRESULT "
)

// mpCommits is how many commits each writer process makes. The issue asks
// for 1,000; DOITHOAI_MP_COMMITS overrides it for a quick local run.
func mpCommits() int {
	if v, err := strconv.Atoi(os.Getenv("DOITHOAI_MP_COMMITS")); err == nil && v > 0 {
		return v
	}
	return 1000
}

type mpResult struct {
	Commits int      `json:"commits"`
	Errors  int      `json:"errors"`
	Busy    int      `json:"busy"`
	First   string   `json:"first_error,omitempty"`
	P50     float64  `json:"p50_ms"`
	P99     float64  `json:"p99_ms"`
	Max     float64  `json:"max_ms"`
	MaxAt   int      `json:"max_at"`           // which commit was slowest
	Stamps  []int64  `json:"stamps,omitempty"` // unix ns after each commit (watch test)
	Notes   []string `json:"notes,omitempty"`
}

func mpChild(t *testing.T) (path string, index, n int, ok bool) {
	path = os.Getenv(mpEnvPath)
	if path == "" {
		return "", 0, 0, false
	}
	index, _ = strconv.Atoi(os.Getenv(mpEnvIndex))
	n, _ = strconv.Atoi(os.Getenv(mpEnvN))
	return path, index, n, true
}

func mpReport(r mpResult) {
	b, _ := json.Marshal(r)
	fmt.Println(mpPrefix + string(b))
}

func mpParse(out []byte) (mpResult, error) {
	var r mpResult
	for _, line := range strings.Split(string(out), "\n") {
		if rest, ok := strings.CutPrefix(line, mpPrefix); ok {
			return r, json.Unmarshal([]byte(rest), &r)
		}
	}
	return r, fmt.Errorf("no result line in child output:\n%s", out)
}

func mpCmd(name, path string, index, n int) *exec.Cmd {
	cmd := exec.Command(os.Args[0], "-test.run=^"+name+"$", "-test.count=1")
	cmd.Env = append(os.Environ(), mpEnvPath+"="+path, mpEnvIndex+"="+strconv.Itoa(index), mpEnvN+"="+strconv.Itoa(n))
	return cmd
}

func pct(d []time.Duration, p float64) float64 {
	if len(d) == 0 {
		return 0
	}
	i := int(float64(len(d)-1) * p)
	return float64(d[i].Microseconds()) / 1000
}

// TestMultiProcessWriters runs three processes that each make mpCommits()
// audited commits (alternating CheckIn and UndoCheckIn of their own
// delegate) on one file at the same time. None may see an error: the
// IMMEDIATE transactions queue on the busy timeout instead of failing with
// "database is locked".
func TestMultiProcessWriters(t *testing.T) {
	if path, index, n, ok := mpChild(t); ok {
		mpWriterChild(path, index, n)
		return
	}
	const procs = 3
	n := mpCommits()
	base, path := openDemo(t)
	ctx := context.Background()
	before := auditCount(t, base)
	ds, _ := base.Delegates(ctx)
	base.Close() // the children do all the writing

	start := time.Now()
	var wg sync.WaitGroup
	outs := make([][]byte, procs)
	errs := make([]error, procs)
	for i := range procs {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			// each writer checks its own delegate in and out
			outs[i], errs[i] = mpCmd("TestMultiProcessWriters", path, int(ds[i].ID), n).CombinedOutput()
		}(i)
	}
	wg.Wait()
	elapsed := time.Since(start)

	for i := range procs {
		if errs[i] != nil {
			t.Fatalf("writer %d: %v\n%s", i, errs[i], outs[i])
		}
		r, err := mpParse(outs[i])
		if err != nil {
			t.Fatal(err)
		}
		t.Logf("writer %d: %d commits, %d errors (%d busy), commit p50 %.2f ms p99 %.2f ms max %.2f ms (commit #%d)",
			i, r.Commits, r.Errors, r.Busy, r.P50, r.P99, r.Max, r.MaxAt)
		if r.Errors != 0 || r.Commits != n {
			t.Errorf("writer %d: %d of %d commits, %d errors (%d busy), first: %s", i, r.Commits, n, r.Errors, r.Busy, r.First)
		}
	}
	t.Logf("%d processes x %d commits in %v (%.0f commits/s)", procs, n, elapsed.Round(time.Millisecond),
		float64(procs*n)/elapsed.Seconds())

	// Every commit left its audit row, naming the writing process.
	s, err := store.Open(ctx, path, store.Options{NoWatch: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	h, err := s.History(ctx, "", 0, 0)
	if err != nil {
		t.Fatal(err)
	}
	if got := len(h) - before; got != procs*n {
		t.Errorf("audit rows: %d new, want %d", got, procs*n)
	}
	per := map[string]int{}
	for _, e := range h[before:] {
		per[e.Station+" "+e.User]++
	}
	for i := range procs {
		k := fmt.Sprintf("proc%d user%d", ds[i].ID, ds[i].ID)
		if per[k] != n {
			t.Errorf("audit rows of %s: %d, want %d (%v)", k, per[k], n, per)
		}
	}
}

func mpWriterChild(path string, id, n int) {
	ctx := context.Background()
	var r mpResult
	s, err := store.Open(ctx, path, store.Options{NoWatch: true})
	if err != nil {
		r.Errors, r.First = 1, err.Error()
		mpReport(r)
		return
	}
	defer s.Close()
	st := s.As(store.Actor{Station: fmt.Sprintf("proc%d", id), User: fmt.Sprintf("user%d", id), Role: store.RoleCheckin})
	lat := make([]time.Duration, 0, n)
	for i := range n {
		t0 := time.Now()
		if i%2 == 0 {
			_, err = st.CheckIn(ctx, int64(id))
		} else {
			err = st.UndoCheckIn(ctx, int64(id))
		}
		lat = append(lat, time.Since(t0))
		if lat[i] > lat[r.MaxAt] {
			r.MaxAt = i
		}
		if err != nil {
			r.Errors++
			if errors.Is(err, store.ErrBusy) || strings.Contains(err.Error(), "locked") {
				r.Busy++
			}
			if r.First == "" {
				r.First = err.Error()
			}
			continue
		}
		r.Commits++
	}
	sort.Slice(lat, func(i, j int) bool { return lat[i] < lat[j] })
	r.P50, r.P99, r.Max = pct(lat, 0.5), pct(lat, 0.99), pct(lat, 1)
	mpReport(r)
}

// TestMultiProcessWatch: a commit made by another process reaches this
// process's Subscribe channel within the design's 500 ms. The child
// stamps the wall clock right after each commit returns; this process
// stamps the wake-up, and the difference is the latency a station sees
// (less the reload itself).
func TestMultiProcessWatch(t *testing.T) {
	if path, id, n, ok := mpChild(t); ok {
		mpWatchChild(path, id, n)
		return
	}
	base, path := openDemo(t)
	ctx := context.Background()
	ds, _ := base.Delegates(ctx)
	base.Close()

	// default PollEvery: what a station really runs with
	a, err := store.Open(ctx, path, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	ch, cancel := a.Subscribe()
	defer cancel()

	const commits = 8
	cmd := mpCmd("TestMultiProcessWatch", path, int(ds[0].ID), commits)
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	cmd.Stderr = os.Stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	// Collect wake-ups while the child runs; its result line carries the
	// commit stamps.
	var wakes []int64
	done := make(chan struct{})
	var out strings.Builder
	go func() {
		sc := bufio.NewScanner(stdout)
		sc.Buffer(make([]byte, 1<<20), 1<<20)
		for sc.Scan() {
			out.WriteString(sc.Text() + "\n")
		}
		close(done)
	}()
	timeout := time.After(30 * time.Second)
wait:
	for {
		select {
		case <-ch:
			wakes = append(wakes, time.Now().UnixNano())
		case <-done:
			break wait
		case <-timeout:
			t.Fatal("child did not finish")
		}
	}
	if err := cmd.Wait(); err != nil {
		t.Fatalf("child: %v\n%s", err, out.String())
	}
	// late wake-ups for the last commit
	deadline := time.After(2 * time.Second)
late:
	for {
		select {
		case <-ch:
			wakes = append(wakes, time.Now().UnixNano())
		case <-deadline:
			break late
		}
	}
	r, err := mpParse([]byte(out.String()))
	if err != nil {
		t.Fatal(err)
	}
	if r.Errors != 0 || len(r.Stamps) != commits {
		t.Fatalf("child: %d errors, %d commits: %s", r.Errors, len(r.Stamps), r.First)
	}
	// For each commit, the first wake-up after it.
	var lats []time.Duration
	for _, c := range r.Stamps {
		i := sort.Search(len(wakes), func(i int) bool { return wakes[i] >= c })
		if i == len(wakes) {
			t.Fatalf("no wake-up after the commit at %d (wakes %v)", c, wakes)
		}
		lats = append(lats, time.Duration(wakes[i]-c))
	}
	sort.Slice(lats, func(i, j int) bool { return lats[i] < lats[j] })
	t.Logf("another process's commit seen after: min %v median %v max %v (%d commits, poll every 100ms)",
		lats[0].Round(time.Millisecond), lats[len(lats)/2].Round(time.Millisecond), lats[len(lats)-1].Round(time.Millisecond), len(lats))
	// The design target is 500 ms; allow slack for a loaded CI machine.
	if max := lats[len(lats)-1]; max > 1500*time.Millisecond {
		t.Errorf("slowest change took %v to be seen (target 500ms)", max)
	}
}

func mpWatchChild(path string, id, n int) {
	ctx := context.Background()
	var r mpResult
	s, err := store.Open(ctx, path, store.Options{NoWatch: true})
	if err != nil {
		r.Errors, r.First = 1, err.Error()
		mpReport(r)
		return
	}
	defer s.Close()
	st := s.As(store.Actor{Station: "checkin", User: "other-process", Role: store.RoleCheckin})
	for i := range n {
		// spaced out so that each commit gets a wake-up of its own
		time.Sleep(250 * time.Millisecond)
		if i%2 == 0 {
			_, err = st.CheckIn(ctx, int64(id))
		} else {
			err = st.UndoCheckIn(ctx, int64(id))
		}
		if err != nil {
			r.Errors++
			r.First = err.Error()
			continue
		}
		r.Stamps = append(r.Stamps, time.Now().UnixNano())
	}
	mpReport(r)
}
