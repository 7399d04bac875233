package store_test

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"doithoai/store"
)

func attachments(t *testing.T, meeting string) []string {
	t.Helper()
	es, err := os.ReadDir(store.AttachmentDir(meeting))
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range es {
		out = append(out, e.Name())
	}
	return out
}

func TestReceiptScannedCopy(t *testing.T) {
	f := newFollowup(t)
	ctx := context.Background()
	pdf := []byte("%PDF-1.4\n% công văn trả lời\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n")
	src := writeFile(t, "Công văn 123.pdf", pdf)
	rc, err := f.s.RecordReceipt(ctx, store.ReceiptInput{Obligation: f.key(1), DocNo: "Số 123/LĐTBXH-VL ngày 20/11/2023", Result: store.ResultSettled, File: src})
	if err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256(pdf)
	if rc.FileSHA256 != hex.EncodeToString(sum[:]) || rc.FileSize != int64(len(pdf)) || rc.FileOrig != "Công văn 123.pdf" || !strings.HasSuffix(rc.File, ".pdf") {
		t.Errorf("receipt file: %+v", rc)
	}
	if got := attachments(t, f.path); len(got) != 1 || got[0] != rc.File {
		t.Errorf("attachments folder: %v", got)
	}
	if filepath.Dir(store.AttachmentDir(f.path)) != filepath.Dir(f.path) {
		t.Error("the attachments are not beside the meeting")
	}
	path, err := f.s.ReceiptFile(ctx, rc.ID)
	if err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(path); string(b) != string(pdf) {
		t.Error("the copy differs")
	}
	// the original may go: the copy stays
	os.Remove(src)
	if _, err := f.s.ReceiptFile(ctx, rc.ID); err != nil {
		t.Errorf("after the original was removed: %v", err)
	}
	// the same scan again is stored once
	src2 := writeFile(t, "scan.pdf", pdf)
	if _, err := f.s.RecordReceipt(ctx, store.ReceiptInput{Obligation: f.key(5), DocNo: "Số 5/YT ngày 20/11/2023", Result: store.ResultSettled, File: src2}); err != nil {
		t.Fatal(err)
	}
	if got := attachments(t, f.path); len(got) != 1 {
		t.Errorf("same scan twice: %v", got)
	}
	// a copy changed behind our back is reported, not opened
	os.WriteFile(path, []byte("%PDF-1.4 forged"), 0o644)
	var fe *store.FileError
	if _, err := f.s.ReceiptFile(ctx, rc.ID); !errors.As(err, &fe) || fe.Reason != "changed" {
		t.Errorf("changed copy: %v", err)
	}
	os.Remove(path)
	if _, err := f.s.ReceiptFile(ctx, rc.ID); !errors.As(err, &fe) || fe.Reason != "missing" {
		t.Errorf("missing copy: %v", err)
	}
	// an image is taken too
	png := writeFile(t, "anh.png", []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"))
	rc3, err := f.s.RecordReceipt(ctx, store.ReceiptInput{Obligation: f.pkey(2), DocNo: "Số 6/LĐTBXH ngày 20/11/2023", Result: store.ResultSettled, File: png})
	if err != nil || !strings.HasSuffix(rc3.File, ".png") {
		t.Errorf("png: %+v %v", rc3, err)
	}
}

// TestScannedCopyRefusals: a missing, unreadable, foreign or oversized
// file is refused before anything is saved, and leaves nothing behind.
func TestScannedCopyRefusals(t *testing.T) {
	f := newFollowup(t)
	ctx := context.Background()
	dir := t.TempDir()
	big := filepath.Join(dir, "big.pdf")
	fh, err := os.Create(big)
	if err != nil {
		t.Fatal(err)
	}
	fh.WriteString("%PDF-1.7\n")
	fh.Truncate(store.MaxAttachment + 1) // sparse: no 50 MB written
	fh.Close()
	exact := filepath.Join(dir, "exact.pdf")
	fh, _ = os.Create(exact)
	fh.WriteString("%PDF-1.7\n")
	fh.Truncate(store.MaxAttachment)
	fh.Close()
	cases := map[string]string{
		filepath.Join(dir, "none.pdf"): "missing",
		dir:                            "not a file",
		big:                            "too large",
		writeFile(t, "virus.exe", []byte("MZ\x90\x00")):         "not a PDF or image",
		writeFile(t, "note.pdf", []byte("chỉ là văn bản")):      "not a PDF or image",
		writeFile(t, "empty.pdf", nil):                          "not a PDF or image",
		writeFile(t, "page.html", []byte("<html>%PDF-</html>")): "not a PDF or image",
	}
	if runtime.GOOS != "windows" && os.Getuid() != 0 {
		locked := writeFile(t, "locked.pdf", []byte("%PDF-1.4"))
		os.Chmod(locked, 0)
		cases[locked] = "unreadable"
	}
	before := auditCount(t, f.s)
	for path, reason := range cases {
		_, err := f.s.RecordReceipt(ctx, store.ReceiptInput{Obligation: f.key(1), DocNo: "Số 1/LĐTBXH ngày 20/11/2023", Result: store.ResultSettled, File: path})
		var fe *store.FileError
		if !errors.As(err, &fe) || fe.Reason != reason || !errors.Is(err, store.ErrFile) {
			t.Errorf("%s: %v, want %s", filepath.Base(path), err, reason)
		}
	}
	if n := auditCount(t, f.s); n != before {
		t.Errorf("refused files wrote %d audit rows", n-before)
	}
	if got := attachments(t, f.path); len(got) != 0 {
		t.Errorf("refused files left %v", got)
	}
	// exactly 50 MB is taken
	if testing.Short() {
		return
	}
	if _, err := f.s.RecordReceipt(ctx, store.ReceiptInput{Obligation: f.key(1), DocNo: "Số 1/LĐTBXH ngày 20/11/2023", Result: store.ResultSettled, File: exact}); err != nil {
		t.Errorf("50 MB: %v", err)
	}
}

// TestCrashLeftovers: a copy a crash left half-written is swept away by
// the next attachment once it is an hour old; a younger one (another
// process copying now) stays.
func TestCrashLeftovers(t *testing.T) {
	f := newFollowup(t)
	dir := store.AttachmentDir(f.path)
	os.MkdirAll(dir, 0o755)
	old, young := filepath.Join(dir, ".nhan-1.part"), filepath.Join(dir, ".nhan-2.part")
	os.WriteFile(old, []byte("%PDF-half"), 0o644)
	os.WriteFile(young, []byte("%PDF-half"), 0o644)
	two := time.Now().Add(-2 * time.Hour)
	os.Chtimes(old, two, two)
	src := writeFile(t, "scan.pdf", []byte("%PDF-1.4 whole"))
	if _, err := f.s.RecordReceipt(context.Background(), store.ReceiptInput{Obligation: f.key(1), DocNo: "Số 1/LĐTBXH ngày 20/11/2023", Result: store.ResultSettled, File: src}); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(old); err == nil {
		t.Error("an old leftover stays")
	}
	if _, err := os.Stat(young); err != nil {
		t.Error("a copy in progress was removed")
	}
}

// TestScannedCopyWithRefusedReceipt: a receipt refused after its file was
// copied (the number is another agency's) leaves no file behind.
func TestScannedCopyWithRefusedReceipt(t *testing.T) {
	f := newFollowup(t)
	ctx := context.Background()
	if _, err := f.s.RecordReceipt(ctx, store.ReceiptInput{Obligation: f.key(1), DocNo: "Số 1/LĐTBXH ngày 20/11/2023", Result: store.ResultSettled}); err != nil {
		t.Fatal(err)
	}
	src := writeFile(t, "scan.jpg", []byte{0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 'J', 'F', 'I', 'F'})
	_, err := f.s.RecordReceipt(ctx, store.ReceiptInput{Obligation: f.key(5), DocNo: "Số 1/LĐTBXH ngày 20/11/2023", Result: store.ResultSettled, File: src})
	if !errors.Is(err, store.ErrDuplicate) {
		t.Fatalf("want the duplicate refused: %v", err)
	}
	if got := attachments(t, f.path); len(got) != 0 {
		t.Errorf("a refused receipt left %v", got)
	}
}
