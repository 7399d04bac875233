package store

import (
	"context"
	"time"
)

// SaveDraft stores the body of a form being typed under key (for example
// "qa/question"). Drafts are not audited: they are scratch, replaced every
// second while someone types.
func (s *Store) SaveDraft(ctx context.Context, key, body string) error {
	return s.write(ctx, PermDraft, func(t *Tx) error {
		_, err := t.exec(ctx, `INSERT INTO drafts(key, body, updated_at) VALUES (?,?,?)
			ON CONFLICT(key) DO UPDATE SET body=excluded.body, updated_at=excluded.updated_at`, s.draftKey(key), body, ms(t.now))
		return err
	})
}

// Draft returns the saved draft for key, if any.
func (s *Store) Draft(ctx context.Context, key string) (body string, at time.Time, ok bool, err error) {
	var t int64
	err = s.read().QueryRowContext(ctx, `SELECT body, updated_at FROM drafts WHERE key = ?`, s.draftKey(key)).Scan(&body, &t)
	if err != nil {
		if notFound(err) == ErrNotFound {
			return "", time.Time{}, false, nil
		}
		return "", time.Time{}, false, mapErr(err)
	}
	return body, time.UnixMilli(t), true, nil
}

// DeleteDraft drops the draft once its record is saved.
func (s *Store) DeleteDraft(ctx context.Context, key string) error {
	return s.write(ctx, PermDraft, func(t *Tx) error {
		_, err := t.exec(ctx, `DELETE FROM drafts WHERE key = ?`, s.draftKey(key))
		return err
	})
}

// draftKey keeps each station's and user's drafts apart.
func (s *Store) draftKey(key string) string {
	return s.actor.Station + "/" + s.actor.User + "/" + key
}

// DraftEntry is one saved draft: its key as given to SaveDraft.
type DraftEntry struct {
	Key  string
	Body string
	At   time.Time
}

// Drafts lists this station's and user's drafts whose key starts with
// prefix, newest first.
func (s *Store) Drafts(ctx context.Context, prefix string) ([]DraftEntry, error) {
	own := s.draftKey("")
	rows, err := s.read().QueryContext(ctx, `SELECT key, body, updated_at FROM drafts WHERE substr(key, 1, length(?1)) = ?1 ORDER BY updated_at DESC, key`,
		own+prefix)
	if err != nil {
		return nil, mapErr(err)
	}
	defer rows.Close()
	var out []DraftEntry
	for rows.Next() {
		var d DraftEntry
		var at int64
		if err := rows.Scan(&d.Key, &d.Body, &at); err != nil {
			return nil, err
		}
		d.Key, d.At = d.Key[len(own):], time.UnixMilli(at)
		out = append(out, d)
	}
	return out, rows.Err()
}
