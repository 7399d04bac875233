package replica_test

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/benbjohnson/litestream"
	"github.com/benbjohnson/litestream/file"
	"github.com/superfly/ltx"

	"doithoai/store/replica"
)

// BenchmarkReplicaLag commits 1,000 check-ins (DOITHOAI_LAG_N to change it)
// to a replicated meeting — its replicating process a separate process, as
// on the day — and measures when each reached the replica:
//
//   - an observer in this process lists the replica folder's LTX files
//     every 2 ms and notes when each transaction id first appears there;
//   - after the run every one of those transaction ids is restored from
//     the replica (Litestream's point-in-time restore), and the restored
//     file's check-ins say which commits it holds;
//   - a commit's lag is the time its transaction first appeared minus the
//     time its CheckIn call returned.
//
// Every check-in on the replicated file alternates with one on an
// unreplicated file in the same folder (as CheckInVsBare does), so the
// local latencies with replication on and off come from the same run on
// the same disk. The replica folder is on that disk too: a USB stick or a
// network would take the replica's writes off it.
//
// desk: one check-in every 100 ms (ten desks at once, far beyond a hall's
// door); full: back to back.
func BenchmarkReplicaLag(b *testing.B) {
	n := 1000
	if v, err := strconv.Atoi(os.Getenv("DOITHOAI_LAG_N")); err == nil && v > 0 {
		n = v
	}
	for _, pace := range []struct {
		name  string
		every time.Duration
	}{{"desk", 100 * time.Millisecond}, {"full", 0}} {
		b.Run(pace.name, func(b *testing.B) {
			for range b.N {
				lagRun(b, n, pace.every)
			}
		})
	}
}

func lagRun(b *testing.B, n int, every time.Duration) {
	ctx := context.Background()
	on, onPath := newMeeting(b, n)
	off, _ := newMeeting(b, n)
	dir := filepath.Join(b.TempDir(), "usb")
	tg, _ := replica.ParseTarget(dir)
	if _, err := replica.Setup(ctx, on, tg, b.TempDir()); err != nil {
		b.Fatal(err)
	}
	startReplicator(b, onPath)
	waitReady(b, onPath)

	obs := &observer{dir: filepath.Join(dir, "ltx", "0"), seen: map[ltx.TXID]time.Time{}, stop: make(chan struct{})}
	go obs.run()

	acked := make([]time.Time, n)
	var tOn, tOff []time.Duration
	b.ResetTimer()
	next := time.Now()
	for i := range n {
		if every > 0 {
			time.Sleep(time.Until(next))
			next = next.Add(every)
		}
		// which goes first alternates: the first commit after a pause
		// is the slower one, whichever file it is on
		first, second := on, off
		if i%2 == 1 {
			first, second = off, on
		}
		t0 := time.Now()
		if _, err := first.CheckIn(ctx, int64(i+1)); err != nil {
			b.Fatal(err)
		}
		t1 := time.Now()
		if _, err := second.CheckIn(ctx, int64(i+1)); err != nil {
			b.Fatal(err)
		}
		t2 := time.Now()
		if first == on {
			acked[i] = t1
			tOn, tOff = append(tOn, t1.Sub(t0)), append(tOff, t2.Sub(t1))
		} else {
			acked[i] = t2
			tOn, tOff = append(tOn, t2.Sub(t1)), append(tOff, t1.Sub(t0))
		}
	}
	b.StopTimer()
	// until the replica holds the last one
	r := litestream.NewReplicaWithClient(nil, file.NewReplicaClient(dir))
	for deadline := time.Now().Add(30 * time.Second); ; time.Sleep(50 * time.Millisecond) {
		if ids := obs.txids(); len(ids) > 0 && restoredCheckIns(b, r, ids[len(ids)-1]) == n {
			break
		}
		if time.Now().After(deadline) {
			b.Fatal("the last check-in never reached the replica")
		}
	}
	close(obs.stop)
	obs.wg.Wait()

	// which commits each transaction holds
	txids := obs.txids()
	lags := make([]time.Duration, n)
	got := 0
	for _, tx := range txids {
		if got == n {
			break
		}
		c := restoredCheckIns(b, r, tx)
		for ; got < c && got < n; got++ {
			lags[got] = obs.seen[tx].Sub(acked[got])
		}
	}
	if got < n {
		b.Fatalf("the replica holds %d of %d check-ins", got, n)
	}
	slices.Sort(lags)
	ms := func(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }
	b.ReportMetric(ms(lags[n/2]), "lag-p50-ms")
	b.ReportMetric(ms(lags[n*99/100]), "lag-p99-ms")
	b.ReportMetric(ms(lags[n-1]), "lag-max-ms")
	mean := func(ds []time.Duration) time.Duration {
		var s time.Duration
		for _, d := range ds {
			s += d
		}
		return s / time.Duration(len(ds))
	}
	b.ReportMetric(ms(mean(tOn)), "on-ms")
	b.ReportMetric(ms(mean(tOff)), "off-ms")
	b.ReportMetric(float64(mean(tOn))/float64(mean(tOff)), "on/off")
	// the means hide how: the unreplicated file checkpoints in the commit
	// that fills its WAL (autocheckpoint), the replicated one leaves that
	// to Litestream in its own process
	slices.Sort(tOn)
	slices.Sort(tOff)
	b.ReportMetric(ms(tOn[n/2]), "on-p50-ms")
	b.ReportMetric(ms(tOff[n/2]), "off-p50-ms")
	b.ReportMetric(ms(tOn[n*99/100]), "on-p99-ms")
	b.ReportMetric(ms(tOff[n*99/100]), "off-p99-ms")
	b.ReportMetric(float64(len(txids)), "txids")
	if fi, err := os.Stat(onPath + "-wal"); err == nil {
		b.ReportMetric(float64(fi.Size())/(1<<20), "wal-MB")
	}
}

// waitReady waits for the replicator's first full sync.
func waitReady(b *testing.B, path string) {
	waitStatus(b, path, 10*time.Second, func(st replica.Status) bool { return st.State == replica.StateOK && st.PendingSince.IsZero() })
}

// observer notes when each L0 transaction id first appears in the replica.
type observer struct {
	dir  string
	mu   sync.Mutex
	seen map[ltx.TXID]time.Time
	stop chan struct{}
	wg   sync.WaitGroup
}

func (o *observer) run() {
	o.wg.Add(1)
	defer o.wg.Done()
	for {
		ents, _ := os.ReadDir(o.dir)
		now := time.Now()
		o.mu.Lock()
		for _, e := range ents {
			if _, max, err := ltx.ParseFilename(e.Name()); err == nil {
				if _, ok := o.seen[max]; !ok {
					o.seen[max] = now
				}
			}
		}
		o.mu.Unlock()
		select {
		case <-o.stop:
			return
		case <-time.After(2 * time.Millisecond):
		}
	}
}

func (o *observer) txids() []ltx.TXID {
	o.mu.Lock()
	defer o.mu.Unlock()
	var ids []ltx.TXID
	for id := range o.seen {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	return ids
}

// restoredCheckIns restores the replica as of transaction tx and counts
// its check-ins.
func restoredCheckIns(b *testing.B, r *litestream.Replica, tx ltx.TXID) int {
	out := filepath.Join(b.TempDir(), fmt.Sprintf("at-%d.db", tx))
	opt := litestream.NewRestoreOptions()
	opt.OutputPath, opt.TXID = out, tx
	if err := r.Restore(context.Background(), opt); err != nil {
		b.Fatalf("restore at %d: %v", tx, err)
	}
	db, err := sql.Open("sqlite", out+"?_pragma=query_only(1)")
	if err != nil {
		b.Fatal(err)
	}
	defer func() { db.Close(); os.Remove(out) }()
	var c int
	if err := db.QueryRow("SELECT count(*) FROM checkins").Scan(&c); err != nil {
		b.Fatal(err)
	}
	return c
}
