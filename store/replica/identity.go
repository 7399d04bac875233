package replica

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"time"
)

// IdentityFile names the meeting a replica folder belongs to. It is
// written when the folder becomes a replica and checked before every
// start, so two meetings (or two live copies of one) never mix.
const IdentityFile = "doithoai-replica.json"

// Identity is the content of IdentityFile.
type Identity struct {
	Format    int       `json:"doithoai_replica"`
	MeetingID string    `json:"meeting_id"`
	FileID    string    `json:"file_id"`
	Title     string    `json:"title"`
	File      string    `json:"file"` // the meeting file's name, for people
	Since     time.Time `json:"since"`
}

// ErrOtherMeeting says the folder holds another meeting's replica.
type ErrOtherMeeting struct{ Title string }

func (e *ErrOtherMeeting) Error() string {
	return fmt.Sprintf("the folder holds the replica of another meeting (%q)", e.Title)
}

// ErrOtherCopy says the folder holds the replica of another copy of this
// meeting: the one a takeover started from.
var ErrOtherCopy = errors.New("the folder holds the replica of another copy of this meeting (the one taken over from); choose an empty folder")

// ErrForeign says the folder holds replica files without doithoai's
// identity file.
var ErrForeign = errors.New("the folder holds replica files that are not a doithoai meeting's")

// ErrNotReplica says a folder is not a doithoai replica at all.
var ErrNotReplica = errors.New("not a doithoai replica (no " + IdentityFile + ")")

// claim makes sure the target holds this meeting's replica: a new or
// empty folder becomes one (only with create for a missing folder), a
// folder of another meeting or copy is refused. fresh reports a replica
// that starts now (its Litestream files must start from a snapshot).
func claim(ctx context.Context, r remote, id Identity, create bool) (fresh bool, err error) {
	empty, err := r.root(ctx)
	if errors.Is(err, ErrGone) && create {
		if err := r.mkdirRoot(ctx); err != nil {
			return false, err
		}
		empty, err = true, nil
	}
	if err != nil {
		return false, err
	}
	got, err := readIdentity(ctx, r)
	switch {
	case errors.Is(err, ErrNotReplica):
		if !empty {
			has, err := hasLTX(ctx, r)
			if err != nil {
				return false, err
			}
			if has {
				return false, ErrForeign
			}
		}
		id.Format = 1
		b, _ := json.MarshalIndent(id, "", "  ")
		return true, r.writeFile(ctx, IdentityFile, append(b, '\n'))
	case err != nil:
		return false, err
	case got.MeetingID != id.MeetingID:
		return false, &ErrOtherMeeting{Title: got.Title}
	case got.FileID != id.FileID:
		return false, ErrOtherCopy
	}
	return false, nil
}

func hasLTX(ctx context.Context, r remote) (bool, error) {
	for lvl := 0; lvl <= 9; lvl++ {
		it, err := r.LTXFiles(ctx, lvl, 0, false)
		if err != nil {
			return false, err
		}
		n := it.Next()
		it.Close()
		if n {
			return true, nil
		}
	}
	return false, nil
}

// readIdentity reads the target's identity file.
func readIdentity(ctx context.Context, r remote) (Identity, error) {
	b, err := r.readFile(ctx, IdentityFile)
	if errors.Is(err, fs.ErrNotExist) {
		return Identity{}, ErrNotReplica
	}
	if err != nil {
		return Identity{}, err
	}
	return parseIdentity(b)
}

func parseIdentity(b []byte) (Identity, error) {
	var id Identity
	if err := json.Unmarshal(b, &id); err != nil || id.Format != 1 || id.MeetingID == "" {
		return id, fmt.Errorf("%w: %s is damaged", ErrNotReplica, IdentityFile)
	}
	return id, nil
}
