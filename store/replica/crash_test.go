package replica_test

import (
	"bufio"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"doithoai/store"
	"doithoai/store/replica"
)

// The crash test: three writer processes acknowledge check-ins, questions
// and answers on one meeting file while a fourth replicates it to a folder;
// then the machine is "lost" — every process killed with SIGKILL at once
// and the meeting file deleted with its WAL — and the file is taken back
// from the replica. Every commit acknowledged more than a second before the
// loss must be there, none twice, and integrity_check must pass. The next
// round carries on from the taken-over file (a new file id, a new replica
// folder), as the standby laptop does.
const (
	crashEnvPath  = "DOITHOAI_CRASH_PATH"
	crashEnvChild = "DOITHOAI_CRASH_CHILD"
	crashEnvSeed  = "DOITHOAI_CRASH_SEED"
	replEnvPath   = "DOITHOAI_REPLICA_PATH"
	crashPool     = 3000 // delegates
)

// TestCrashChild is a writer's body; it does nothing in a normal run. It
// prints each acknowledgement with the time the store call returned.
func TestCrashChild(t *testing.T) {
	path := os.Getenv(crashEnvPath)
	if path == "" {
		t.Skip("child of TestTakeoverAfterCrash only")
	}
	child, _ := strconv.Atoi(os.Getenv(crashEnvChild))
	seed, _ := strconv.ParseUint(os.Getenv(crashEnvSeed), 10, 64)
	rng := rand.New(rand.NewPCG(seed, 11))
	ctx := context.Background()
	go func() { time.Sleep(30 * time.Second); os.Exit(3) }() // never outlive a lost parent
	s, err := store.Open(ctx, path, store.Options{NoWatch: true, NoCheck: true, BusyTimeout: 20 * time.Second,
		Actor: store.Actor{Station: fmt.Sprintf("crash-%d", child), Role: store.RoleAdmin}})
	if err != nil {
		fmt.Printf("ERR open %v\n", err)
		os.Exit(2)
	}
	if child == 0 {
		// what the periodic backup does, from another process than the
		// replicator: a checked snapshot, then a PASSIVE checkpoint
		go func() {
			for i := 0; ; i++ {
				time.Sleep(150 * time.Millisecond)
				if i%4 == 0 {
					if _, err := s.Backup(ctx, filepath.Join(filepath.Dir(path), "backups")); err != nil {
						fmt.Printf("ERR backup %v\n", err)
					}
				}
				if err := s.Checkpoint(ctx); err != nil {
					fmt.Printf("ERR checkpoint %v\n", err)
				}
			}
		}()
	}
	out := os.Stdout // unbuffered: one write per line, after the commit
	fmt.Fprintln(out, "READY")
	for seq := 0; ; seq++ {
		// three busy desks, far above a hall's real pace (the lag
		// benchmark measures full speed)
		time.Sleep(time.Duration(5+rng.IntN(30)) * time.Millisecond)
		if rng.IntN(10) < 7 {
			id := rng.Int64N(crashPool) + 1
			if _, err := s.CheckIn(ctx, id); err != nil {
				if !strings.Contains(err.Error(), "already") {
					fmt.Fprintf(out, "ERR checkin %d %v\n", id, err)
				}
				continue
			}
			fmt.Fprintf(out, "ACK %d %d\n", id, time.Now().UnixNano())
			continue
		}
		token := fmt.Sprintf("c%d-%d-%d", child, seed, seq)
		qid, err := s.SaveQuestion(ctx, store.Question{AskerName: "Nguyễn Thị Hoa", Text: "Câu hỏi " + token})
		if err != nil {
			fmt.Fprintf(out, "ERR question %v\n", err)
			continue
		}
		fmt.Fprintf(out, "Q %d %s %d\n", qid, token, time.Now().UnixNano())
		aid, err := s.SaveAnswer(ctx, store.Answer{QuestionID: qid, Person: "Chủ tịch UBND", Summary: "Trả lời " + token, Outcome: store.OutcomeSpot})
		if err != nil {
			fmt.Fprintf(out, "ERR answer %v\n", err)
			continue
		}
		fmt.Fprintf(out, "A %d %d %d\n", aid, qid, time.Now().UnixNano())
	}
}

// TestReplicatorChild is the replicating process's body (what `doithoai
// replicate` runs); it does nothing in a normal run.
func TestReplicatorChild(t *testing.T) {
	path := os.Getenv(replEnvPath)
	if path == "" {
		t.Skip("child of the replica tests only")
	}
	err := replica.Run(context.Background(), replica.RunOptions{Path: path, DataDir: filepath.Dir(path), Parent: os.Stdin})
	if errors.Is(err, replica.ErrRestart) {
		os.Exit(replica.ExitRestart)
	}
	if err != nil {
		fmt.Println("ERR", err)
		os.Exit(3)
	}
}

// startReplicator starts a replicating process on path; closing its stdin
// ends it (after a last sync), Kill ends it at once.
func startReplicator(t testing.TB, path string) (*exec.Cmd, io.WriteCloser) {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^TestReplicatorChild$", "-test.count=1")
	cmd.Env = append(os.Environ(), replEnvPath+"="+path)
	stdin, err := cmd.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	cmd.Stdout, cmd.Stderr = os.Stderr, os.Stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { cmd.Process.Kill(); cmd.Wait() })
	return cmd, stdin
}

type ack struct {
	at    time.Time
	token string // questions
	q     int64  // answers: the question
}

type crashAcks struct {
	mu        sync.Mutex
	checkins  map[int64]ack
	questions map[int64]ack
	answers   map[int64]ack
	errs      []string
}

func (k *crashAcks) readLines(r io.Reader, ready chan struct{}) {
	br := bufio.NewReader(r)
	for {
		l, err := br.ReadString('\n')
		if err != nil {
			return
		}
		f := strings.Fields(strings.TrimSuffix(l, "\n"))
		k.mu.Lock()
		switch {
		case len(f) == 1 && f[0] == "READY":
			close(ready)
		case len(f) == 3 && f[0] == "ACK":
			id, _ := strconv.ParseInt(f[1], 10, 64)
			ns, _ := strconv.ParseInt(f[2], 10, 64)
			k.checkins[id] = ack{at: time.Unix(0, ns)}
		case len(f) == 4 && f[0] == "Q":
			id, _ := strconv.ParseInt(f[1], 10, 64)
			ns, _ := strconv.ParseInt(f[3], 10, 64)
			k.questions[id] = ack{at: time.Unix(0, ns), token: f[2]}
		case len(f) == 4 && f[0] == "A":
			id, _ := strconv.ParseInt(f[1], 10, 64)
			q, _ := strconv.ParseInt(f[2], 10, 64)
			ns, _ := strconv.ParseInt(f[3], 10, 64)
			k.answers[id] = ack{at: time.Unix(0, ns), q: q}
		case len(f) > 0 && f[0] == "ERR":
			k.errs = append(k.errs, strings.Join(f, " "))
		}
		k.mu.Unlock()
	}
}

func TestTakeoverAfterCrash(t *testing.T) {
	t.Parallel()
	if runtime.GOOS == "windows" {
		t.Skip("uses SIGKILL semantics of Process.Kill on unix")
	}
	if testing.Short() {
		t.Skip("spawns processes")
	}
	rounds := 3
	if os.Getenv("DOITHOAI_LONG") == "1" {
		rounds = 40
	}
	ctx := context.Background()
	s, path := newMeeting(t, crashPool)
	dataDir := t.TempDir()
	var totalAcked, totalLate, totalMissing int
	var worstAge time.Duration
	for round := 0; round < rounds; round++ {
		// a replica folder of its own for each copy of the meeting
		target, _ := replica.ParseTarget(filepath.Join(t.TempDir(), fmt.Sprintf("usb-%d", round)))
		if _, err := replica.Setup(ctx, s, target, dataDir); err != nil {
			t.Fatal(err)
		}
		s.Close()

		repl, _ := startReplicator(t, path)
		acks := &crashAcks{checkins: map[int64]ack{}, questions: map[int64]ack{}, answers: map[int64]ack{}}
		var writers []*exec.Cmd
		var readers sync.WaitGroup
		for c := 0; c < 3; c++ {
			cmd := exec.Command(os.Args[0], "-test.run=^TestCrashChild$", "-test.count=1")
			cmd.Env = append(os.Environ(), crashEnvPath+"="+path, crashEnvChild+"="+strconv.Itoa(c),
				crashEnvSeed+"="+strconv.Itoa(round*10+c))
			stdout, err := cmd.StdoutPipe()
			if err != nil {
				t.Fatal(err)
			}
			cmd.Stderr = os.Stderr
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			writers = append(writers, cmd)
			ready := make(chan struct{})
			readers.Add(1)
			go func() { defer readers.Done(); acks.readLines(stdout, ready) }()
			select {
			case <-ready:
			case <-time.After(10 * time.Second):
				t.Fatal("writer did not start")
			}
		}
		time.Sleep(time.Duration(1200+rand.IntN(800)) * time.Millisecond)

		// the machine is lost: every process at once, then its disk
		lost := time.Now()
		for _, w := range writers {
			w.Process.Kill()
		}
		repl.Process.Kill()
		for _, w := range writers {
			w.Wait()
		}
		repl.Wait()
		readers.Wait()
		for _, suffix := range []string{"", "-wal", "-shm"} {
			if err := os.Remove(path + suffix); err != nil && suffix == "" {
				t.Fatal(err)
			}
		}

		// the standby laptop takes over
		next := filepath.Join(t.TempDir(), "tiep-quan.db")
		if _, err := replica.Fetch(ctx, replica.FetchOptions{Target: target}, next); err != nil {
			t.Fatalf("round %d: takeover: %v", round, err)
		}
		db, err := sql.Open("sqlite", next+"?_pragma=query_only(1)")
		if err != nil {
			t.Fatal(err)
		}
		acked, late, missing, age := checkTakeover(t, db, acks, lost)
		db.Close()
		for _, e := range acks.errs {
			t.Errorf("round %d: writer reported %s", round, e)
		}
		totalAcked += acked
		totalLate += late
		totalMissing += missing
		worstAge = max(worstAge, age)
		if acked < 10 {
			t.Fatalf("round %d: only %d commits acknowledged: nothing proven", round, acked)
		}

		// carry on from the taken-over file
		path = next
		s, err = store.Open(ctx, path, store.Options{})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := s.RenewFileID(ctx); err != nil {
			t.Fatal(err)
		}
	}
	s.Close()
	t.Logf("%d rounds: %d commits acknowledged; %d in the last second before the loss, of which %d missing after the takeover; none missing from before; the oldest missing one acknowledged %v before the loss; 0 duplicates; integrity ok",
		rounds, totalAcked, totalLate, totalMissing, worstAge.Round(time.Millisecond))
}

// checkTakeover compares the taken-over file with the acknowledgements:
// everything acknowledged before lost-1s present, nothing doubled. It
// returns how many commits were acknowledged, how many in the last second,
// how many of those are missing, and the oldest of the missing ones' age
// at the loss.
func checkTakeover(t *testing.T, db *sql.DB, k *crashAcks, lost time.Time) (acked, late, missing int, oldest time.Duration) {
	t.Helper()
	cut := lost.Add(-time.Second)
	miss := func(what string, id int64, a ack) {
		if a.at.Before(cut) {
			t.Errorf("%s %d acknowledged %v before the loss is missing", what, id, lost.Sub(a.at).Round(time.Millisecond))
			return
		}
		missing++
		oldest = max(oldest, lost.Sub(a.at))
	}
	count := func(a ack) {
		acked++
		if !a.at.Before(cut) {
			late++
		}
	}
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
	for id, a := range k.checkins {
		count(a)
		if !present[id] {
			miss("check-in of delegate", id, a)
		}
	}
	for id, a := range k.questions {
		count(a)
		var text string
		if err := db.QueryRow("SELECT text FROM questions WHERE id = ?", id).Scan(&text); err != nil || !strings.HasSuffix(text, a.token) {
			miss("question", id, a)
		}
	}
	for id, a := range k.answers {
		count(a)
		var q int64
		if err := db.QueryRow("SELECT question_id FROM answers WHERE id = ?", id).Scan(&q); err != nil || q != a.q {
			miss("answer", id, a)
		}
	}
	var n, distinct, audited, qn, qd, qa int
	db.QueryRow("SELECT count(*), count(DISTINCT delegate_id) FROM checkins").Scan(&n, &distinct)
	db.QueryRow("SELECT count(*) FROM audit WHERE entity = 'checkin' AND action = 'create'").Scan(&audited)
	db.QueryRow("SELECT count(*), count(DISTINCT text), (SELECT count(*) FROM audit WHERE entity = 'question') FROM questions").Scan(&qn, &qd, &qa)
	if n != distinct || n != audited || qn != qd || qn != qa {
		t.Errorf("duplicates: check-ins %d (%d delegates, %d audited), questions %d (%d texts, %d audited)", n, distinct, audited, qn, qd, qa)
	}
	var res string
	if err := db.QueryRow("PRAGMA integrity_check").Scan(&res); err != nil || res != "ok" {
		t.Errorf("integrity_check: %q %v", res, err)
	}
	return acked, late, missing, oldest
}
