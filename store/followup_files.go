package store

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// MaxAttachment is the largest scanned copy a receipt takes (50 MB).
const MaxAttachment = 50 << 20

// ErrFile: a scanned copy cannot be attached or opened. FileError says why.
var ErrFile = errors.New("scanned file refused")

// FileError is a refused or damaged scanned copy. Reason is one of
// "missing", "unreadable", "not a file", "too large", "not a PDF or image",
// "changed" (the copy beside the meeting no longer has its SHA-256).
type FileError struct {
	Path   string
	Reason string
	Err    error
}

func (e *FileError) Error() string {
	s := fmt.Sprintf("%s: %s", e.Path, e.Reason)
	if e.Err != nil {
		s += " (" + e.Err.Error() + ")"
	}
	return s
}
func (e *FileError) Unwrap() error { return ErrFile }

// AttachmentDir is the folder beside the meeting file that keeps the
// scanned copies: "hoinghi.db" keeps them in "hoinghi-van-ban".
func AttachmentDir(meetingPath string) string {
	base := filepath.Base(meetingPath)
	base = strings.TrimSuffix(base, filepath.Ext(base))
	return filepath.Join(filepath.Dir(meetingPath), base+"-van-ban")
}

type attachment struct {
	name, sha, orig string
	size            int64
	created         bool // this call put the file there
}

// stageAttachment checks a scanned copy and copies it into the
// attachments folder under its SHA-256, synced to disk, before any row
// names it: a crash before the commit leaves at worst a file no row names,
// never a row without its file.
func (s *Store) stageAttachment(src string) (attachment, error) {
	fail := func(reason string, err error) (attachment, error) {
		return attachment{}, &FileError{Path: src, Reason: reason, Err: err}
	}
	st, err := os.Stat(src)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return fail("missing", nil)
	case err != nil:
		return fail("unreadable", err)
	case !st.Mode().IsRegular():
		return fail("not a file", nil)
	case st.Size() > MaxAttachment:
		return fail("too large", nil)
	case st.Size() == 0:
		return fail("not a PDF or image", nil)
	}
	in, err := os.Open(src)
	if err != nil {
		return fail("unreadable", err)
	}
	defer in.Close()
	var head [16]byte
	n, err := io.ReadFull(in, head[:])
	if err != nil && !errors.Is(err, io.ErrUnexpectedEOF) {
		return fail("unreadable", err)
	}
	ext := scanKind(head[:n])
	if ext == "" {
		return fail("not a PDF or image", nil)
	}
	dir := AttachmentDir(s.path)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return attachment{}, err
	}
	sweepParts(dir)
	tmp, err := os.CreateTemp(dir, ".nhan-*.part")
	if err != nil {
		return attachment{}, err
	}
	defer os.Remove(tmp.Name()) // gone after the rename; removed on failure
	h := sha256.New()
	w := io.MultiWriter(tmp, h)
	if _, err := w.Write(head[:n]); err != nil {
		tmp.Close()
		return attachment{}, err
	}
	// the file may grow while it is copied: stop one byte past the limit
	copied, err := io.Copy(w, io.LimitReader(in, MaxAttachment+1-int64(n)))
	if err != nil {
		tmp.Close()
		return fail("unreadable", err)
	}
	size := copied + int64(n)
	if size > MaxAttachment {
		tmp.Close()
		return fail("too large", nil)
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return attachment{}, err
	}
	if err := tmp.Close(); err != nil {
		return attachment{}, err
	}
	sum := hex.EncodeToString(h.Sum(nil))
	name := sum + ext
	final := filepath.Join(dir, name)
	created := false
	if got, err := fileSHA(final); err != nil || got != sum {
		// absent, or damaged: put this copy in its place
		if err := os.Rename(tmp.Name(), final); err != nil {
			return attachment{}, err
		}
		syncDir(dir)
		created = true
	}
	return attachment{name: name, sha: sum, size: size, orig: filepath.Base(src), created: created}, nil
}

// dropAttachment removes a file this call staged for a receipt that was
// then refused, unless a receipt names it after all.
func (s *Store) dropAttachment(ctx context.Context, a attachment) {
	if !a.created {
		return
	}
	var n int
	if err := s.read().QueryRowContext(ctx, `SELECT count(*) FROM receipts WHERE file_name = ?`, a.name).Scan(&n); err == nil && n == 0 {
		os.Remove(filepath.Join(AttachmentDir(s.path), a.name))
	}
}

// sweepParts removes the copies a crash left half-written (an hour old:
// another process may be copying one now).
func sweepParts(dir string) {
	parts, _ := filepath.Glob(filepath.Join(dir, ".nhan-*.part"))
	for _, p := range parts {
		if st, err := os.Stat(p); err == nil && time.Since(st.ModTime()) > time.Hour {
			os.Remove(p)
		}
	}
}

// scanKind recognises a PDF or an image by its first bytes and returns
// the extension it is kept under ("" for anything else).
func scanKind(b []byte) string {
	switch {
	case bytes.HasPrefix(b, []byte("%PDF-")):
		return ".pdf"
	case bytes.HasPrefix(b, []byte("\x89PNG\r\n\x1a\n")):
		return ".png"
	case bytes.HasPrefix(b, []byte{0xff, 0xd8, 0xff}):
		return ".jpg"
	case bytes.HasPrefix(b, []byte("II*\x00")), bytes.HasPrefix(b, []byte("MM\x00*")):
		return ".tif"
	case bytes.HasPrefix(b, []byte("GIF87a")), bytes.HasPrefix(b, []byte("GIF89a")):
		return ".gif"
	case len(b) >= 12 && string(b[:4]) == "RIFF" && string(b[8:12]) == "WEBP":
		return ".webp"
	case bytes.HasPrefix(b, []byte("BM")) && len(b) >= 14:
		return ".bmp"
	case len(b) >= 12 && string(b[4:8]) == "ftyp" && strings.Contains("heic heix mif1 heif", string(b[8:12])):
		return ".heic"
	}
	return ""
}

func fileSHA(path string) (string, error) {
	f, err := os.Open(path)
	if err != nil {
		return "", err
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return "", err
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// ReceiptFile returns the path of a receipt's scanned copy after checking
// it is there with the SHA-256 it was recorded with (a *FileError
// "missing" or "changed" otherwise). The caller opens it (tui/sysopen).
func (s *Store) ReceiptFile(ctx context.Context, id int64) (string, error) {
	rc, err := scanReceipt(s.read().QueryRowContext(ctx, `SELECT `+receiptCols+` FROM receipts WHERE id = ?`, id))
	if err != nil {
		return "", notFound(err)
	}
	if rc.File == "" {
		return "", fmt.Errorf("%w: receipt %d has no scanned copy", ErrNotFound, id)
	}
	path := filepath.Join(AttachmentDir(s.path), filepath.Base(rc.File))
	got, err := fileSHA(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return "", &FileError{Path: path, Reason: "missing"}
	case err != nil:
		return "", &FileError{Path: path, Reason: "unreadable", Err: err}
	case got != rc.FileSHA256:
		return "", &FileError{Path: path, Reason: "changed"}
	}
	return path, nil
}
