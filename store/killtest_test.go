package store_test

import (
	"bufio"
	"context"
	"database/sql"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"os/exec"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"doithoai/store"
)

// The kill test re-runs this test binary as child processes that write to
// one meeting file while the parent kills them with SIGKILL at random
// moments. A child prints an acknowledgement line only after the store
// call returned nil; afterwards every acknowledged write must be in the
// file, nothing may be doubled, and integrity_check must pass.
const (
	killEnvPath  = "DOITHOAI_KILL_PATH"
	killEnvChild = "DOITHOAI_KILL_CHILD"
	killEnvSeed  = "DOITHOAI_KILL_SEED"
	killPool     = 20_000 // delegates in the file
)

// TestKillChild is the child's body; it does nothing in a normal run.
func TestKillChild(t *testing.T) {
	path := os.Getenv(killEnvPath)
	if path == "" {
		t.Skip("child of TestKill only")
	}
	child := os.Getenv(killEnvChild)
	seed, _ := strconv.ParseUint(os.Getenv(killEnvSeed), 10, 64)
	rng := rand.New(rand.NewPCG(seed, 7))
	ctx := context.Background()
	// never outlive a parent that died without killing us
	go func() { time.Sleep(20 * time.Second); os.Exit(3) }()
	t0 := time.Now()
	s, err := store.Open(ctx, path, store.Options{NoWatch: true, NoCheck: true, BusyTimeout: 20 * time.Second,
		Actor: store.Actor{Station: "kill-" + child, Role: store.RoleAdmin}})
	if err != nil {
		fmt.Printf("ERR open %v\n", err)
		os.Exit(2)
	}
	out := os.Stdout // unbuffered: one write per line, after the commit
	fmt.Fprintf(out, "READY %d\n", time.Since(t0).Milliseconds())
	for seq := 0; ; seq++ {
		if rng.IntN(10) < 7 {
			id := rng.Int64N(killPool) + 1
			if _, err := s.CheckIn(ctx, id); err != nil {
				fmt.Fprintf(out, "ERR checkin %d %v\n", id, err)
				continue
			}
			fmt.Fprintf(out, "ACK %d\n", id)
			continue
		}
		token := fmt.Sprintf("k%s-%d-%d", child, seed, seq)
		qid, err := s.SaveQuestion(ctx, store.Question{AskerName: "Nguyễn Thị Hoa", Text: "Câu hỏi " + token,
			DelegateID: rng.Int64N(killPool) + 1})
		if err != nil {
			fmt.Fprintf(out, "ERR question %v\n", err)
			continue
		}
		fmt.Fprintf(out, "Q %d %s\n", qid, token)
		for i := 0; i <= rng.IntN(2); i++ {
			aid, err := s.SaveAnswer(ctx, store.Answer{QuestionID: qid, Person: "Chủ tịch UBND", Summary: "Trả lời " + token,
				Outcome: store.OutcomeSpot})
			if err != nil {
				fmt.Fprintf(out, "ERR answer %v\n", err)
				continue
			}
			fmt.Fprintf(out, "A %d %d\n", aid, qid)
		}
	}
}

// killAcks is what the children acknowledged.
type killAcks struct {
	mu        sync.Mutex
	checkins  map[int64]bool
	questions map[int64]string // id -> token
	answers   map[int64]int64  // id -> question id
	errs      []string
	openMS    []int // how long each child's store.Open took
}

func (k *killAcks) line(l string, ready chan struct{}) {
	k.mu.Lock()
	defer k.mu.Unlock()
	f := strings.Fields(l)
	switch {
	case len(f) == 2 && f[0] == "ACK":
		id, _ := strconv.ParseInt(f[1], 10, 64)
		k.checkins[id] = true
	case len(f) == 3 && f[0] == "Q":
		id, _ := strconv.ParseInt(f[1], 10, 64)
		k.questions[id] = f[2]
	case len(f) == 3 && f[0] == "A":
		id, _ := strconv.ParseInt(f[1], 10, 64)
		q, _ := strconv.ParseInt(f[2], 10, 64)
		k.answers[id] = q
	case len(f) == 2 && f[0] == "READY":
		ms, _ := strconv.Atoi(f[1])
		k.openMS = append(k.openMS, ms)
		close(ready)
	case len(f) > 0 && f[0] == "ERR":
		k.errs = append(k.errs, l)
	}
}

// readLines feeds complete lines of r to k: a line cut off by the kill
// has no newline and was never an acknowledgement.
func (k *killAcks) readLines(r io.Reader, ready chan struct{}) {
	br := bufio.NewReader(r)
	for {
		l, err := br.ReadString('\n')
		if err != nil {
			return
		}
		k.line(strings.TrimSuffix(l, "\n"), ready)
	}
}

func TestKill(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("uses SIGKILL semantics of Process.Kill on unix")
	}
	if testing.Short() {
		t.Skip("spawns processes")
	}
	rounds, procs := 40, 3
	if longRun() {
		rounds = 400
	}
	s, path := newMeeting(t, killPool, store.Options{NoWatch: true})
	s.Close()

	acks := &killAcks{checkins: map[int64]bool{}, questions: map[int64]string{}, answers: map[int64]int64{}}
	rng := rand.New(rand.NewPCG(uint64(time.Now().UnixNano()), 1))
	killedBusy := 0 // children still running (not crashed, not finished) when killed
	start := time.Now()
	// Each of the procs slots runs rounds children one after another, so
	// three processes write at once all the time; a slot starts its next
	// child as soon as the last one died.
	var wg sync.WaitGroup
	var mu sync.Mutex
	var failed error
	for p := 0; p < procs; p++ {
		seed := rng.Uint64()
		wg.Add(1)
		go func() {
			defer wg.Done()
			rng := rand.New(rand.NewPCG(seed, uint64(p)))
			for round := 0; round < rounds; round++ {
				cmd := exec.Command(os.Args[0], "-test.run=^TestKillChild$", "-test.count=1")
				cmd.Env = append(os.Environ(), killEnvPath+"="+path, killEnvChild+"="+strconv.Itoa(p),
					killEnvSeed+"="+strconv.FormatUint(rng.Uint64(), 10))
				stdout, err := cmd.StdoutPipe()
				if err == nil {
					err = cmd.Start()
				}
				if err != nil {
					mu.Lock()
					failed = err
					mu.Unlock()
					return
				}
				// most kills land while the child writes (100-300 ms after
				// its store opened); one in ten while it is still opening
				after := time.Duration(100+rng.IntN(200)) * time.Millisecond
				early := rng.IntN(10) == 0
				if early {
					after = time.Duration(rng.IntN(150)) * time.Millisecond
				}
				done, ready := make(chan struct{}), make(chan struct{})
				go func() { acks.readLines(stdout, ready); close(done) }()
				if !early {
					select {
					case <-ready:
					case <-done:
					case <-time.After(10 * time.Second):
					}
				}
				time.Sleep(after)
				cmd.Process.Kill() // SIGKILL
				<-done
				err = cmd.Wait()
				if ee, ok := err.(*exec.ExitError); ok && !ee.Exited() {
					mu.Lock()
					killedBusy++
					mu.Unlock()
				}
			}
		}()
	}
	wg.Wait()
	if failed != nil {
		t.Fatal(failed)
	}
	elapsed := time.Since(start)

	db, err := sql.Open("sqlite", path+"?_pragma=busy_timeout(5000)")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var res string
	if err := db.QueryRow("PRAGMA integrity_check").Scan(&res); err != nil || res != "ok" {
		t.Fatalf("integrity_check: %q %v", res, err)
	}
	for _, e := range acks.errs {
		t.Errorf("child reported %s", e)
	}
	if killedBusy < rounds*procs*9/10 {
		t.Errorf("only %d of %d children were killed while running", killedBusy, rounds*procs)
	}
	if len(acks.checkins) < rounds || len(acks.questions) < rounds/4 || len(acks.answers) < rounds/4 {
		t.Fatalf("too little work acknowledged to prove anything: %d check-ins, %d questions, %d answers",
			len(acks.checkins), len(acks.questions), len(acks.answers))
	}

	// check-ins: every acknowledged one present, none doubled, each with
	// exactly one audit row (mutation and audit commit together)
	present := map[int64]bool{}
	rows, err := db.Query("SELECT delegate_id FROM checkins")
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var id int64
		rows.Scan(&id)
		present[id] = true
	}
	rows.Close()
	for id := range acks.checkins {
		if !present[id] {
			t.Errorf("acknowledged check-in of delegate %d lost", id)
		}
	}
	var n, distinct, audited int
	db.QueryRow("SELECT count(*), count(DISTINCT delegate_id) FROM checkins").Scan(&n, &distinct)
	db.QueryRow("SELECT count(*) FROM audit WHERE entity = 'checkin' AND action = 'create'").Scan(&audited)
	if n != distinct || n != audited {
		t.Errorf("checkins: %d rows, %d delegates, %d audit rows", n, distinct, audited)
	}

	// questions and answers: every acknowledged one present with its text,
	// answers attached to their question, no text stored twice
	for id, token := range acks.questions {
		var text string
		if err := db.QueryRow("SELECT text FROM questions WHERE id = ?", id).Scan(&text); err != nil || !strings.HasSuffix(text, token) {
			t.Errorf("acknowledged question %d (%s) lost: %q %v", id, token, text, err)
		}
	}
	for id, q := range acks.answers {
		var got int64
		if err := db.QueryRow("SELECT question_id FROM answers WHERE id = ?", id).Scan(&got); err != nil || got != q {
			t.Errorf("acknowledged answer %d to question %d lost: %d %v", id, q, got, err)
		}
	}
	var qn, qd, an, ad, qa, aa int
	db.QueryRow("SELECT count(*), count(DISTINCT text) FROM questions").Scan(&qn, &qd)
	db.QueryRow("SELECT count(*), count(DISTINCT question_id || '/' || position) FROM answers").Scan(&an, &ad)
	db.QueryRow("SELECT (SELECT count(*) FROM audit WHERE entity = 'question'), (SELECT count(*) FROM audit WHERE entity = 'answer')").Scan(&qa, &aa)
	if qn != qd || an != ad || qn != qa || an != aa {
		t.Errorf("questions %d (distinct %d, audited %d), answers %d (distinct positions %d, audited %d)", qn, qd, qa, an, ad, aa)
	}
	slices.Sort(acks.openMS)
	t.Logf("store.Open in a child (20,000 delegates, %d processes at once): median %d ms", procs, acks.openMS[len(acks.openMS)/2])
	t.Logf("%d rounds x %d processes in %v: %d killed while running; acknowledged %d check-ins (%d in file), %d questions (%d), %d answers (%d); integrity ok",
		rounds, procs, elapsed.Round(time.Millisecond), killedBusy, len(acks.checkins), n, len(acks.questions), qn, len(acks.answers), an)
}
