package replica

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"

	"doithoai/store"

	"github.com/benbjohnson/litestream"
)

// ErrEmpty says a replica folder holds no copy of the meeting yet.
var ErrEmpty = errors.New("the replica holds no copy of the meeting yet")

// ErrDamaged says the replica's files could not be put together into a
// whole meeting file.
var ErrDamaged = errors.New("the replica is damaged")

// FetchOptions say where a replica is and how to reach it.
type FetchOptions struct {
	Target  Target
	HostKey string   // SFTP: the pinned host key ("" accepts the host's)
	Keys    []string // SFTP: private key files to try
}

// Fetch restores the newest state held by the replica into out (a file
// that must not exist yet) and checks it with integrity_check. It returns
// the replica's identity. An empty, foreign or damaged replica is refused
// with one error and leaves no file behind.
func Fetch(ctx context.Context, o FetchOptions, out string) (Identity, error) {
	rem, err := open(ctx, o.Target, o.HostKey, o.Keys)
	if err != nil {
		return Identity{}, err
	}
	defer rem.close()
	if _, err := rem.root(ctx); err != nil {
		return Identity{}, err
	}
	id, err := readIdentity(ctx, rem)
	if err != nil {
		return id, err
	}
	has, err := hasLTX(ctx, rem)
	if err != nil {
		return id, err
	}
	if !has {
		return id, ErrEmpty
	}
	r := litestream.NewReplicaWithClient(nil, rem)
	opt := litestream.NewRestoreOptions()
	opt.OutputPath = out
	if err := r.Restore(ctx, opt); err != nil {
		os.Remove(out)
		if errors.Is(err, ErrUnreachable) || errors.Is(err, ErrAuth) || errors.Is(err, ErrHostKey) || ctx.Err() != nil {
			return id, err
		}
		return id, fmt.Errorf("%w: %v", ErrDamaged, err)
	}
	// integrity_check, and the file must be a meeting (Litestream's own
	// check would log on the terminal)
	if _, err := store.Check(ctx, out); err != nil {
		os.Remove(out)
		return id, fmt.Errorf("%w: %v", ErrDamaged, err)
	}
	return id, nil
}

// HostKeyOf connects to an SFTP target and returns the key its host shows
// (to pin it on first use) after checking the key is accepted.
func HostKeyOf(ctx context.Context, t Target, keys []string) (string, error) {
	r, err := dialSFTP(ctx, t, "", keys)
	if err != nil {
		return "", err
	}
	defer r.close()
	sc, done, err := r.client(ctx)
	if err != nil {
		return r.HostKey(), err
	}
	done(nil)
	_ = sc
	return r.HostKey(), nil
}

// FetchCompanions copies the companion files kept in the replica (see
// RunOptions.Companions) beside out, except those that already exist there.
// It returns the files written.
func FetchCompanions(ctx context.Context, o FetchOptions, out string, suffixes []string) ([]string, error) {
	rem, err := open(ctx, o.Target, o.HostKey, o.Keys)
	if err != nil {
		return nil, err
	}
	defer rem.close()
	var wrote []string
	for _, suf := range suffixes {
		if _, err := os.Stat(out + suf); err == nil {
			continue
		}
		b, err := rem.readFile(ctx, companionName(suf))
		if errors.Is(err, fs.ErrNotExist) {
			continue
		}
		if err != nil {
			return wrote, err
		}
		if err := store.WriteFileSynced(out+suf, bytes.NewReader(b), 0o600); err != nil {
			return wrote, err
		}
		wrote = append(wrote, out+suf)
	}
	return wrote, nil
}
