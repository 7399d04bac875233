package replica

import (
	"crypto/ed25519"
	"crypto/rand"
	"encoding/pem"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"golang.org/x/crypto/ssh"
)

// KeyFile is doithoai's own SSH key for SFTP replicas, kept in the data
// folder (beside the default meeting file); the standby laptop lists its
// public half in the user's authorized_keys.
func KeyFile(dataDir string) string { return filepath.Join(dataDir, "replica_ed25519") }

// Keys lists the private keys tried, in order: doithoai's own, then the
// user's usual ones (~/.ssh/id_ed25519, id_ecdsa, id_rsa). Keys with a
// passphrase are skipped.
func Keys(dataDir string) []string {
	ks := []string{KeyFile(dataDir)}
	if home, err := os.UserHomeDir(); err == nil {
		for _, n := range []string{"id_ed25519", "id_ecdsa", "id_rsa"} {
			ks = append(ks, filepath.Join(home, ".ssh", n))
		}
	}
	return ks
}

// EnsureKey creates doithoai's key at path if it does not exist and
// returns its public half as an authorized_keys line.
func EnsureKey(path string) (string, error) {
	if _, err := os.Stat(path); errors.Is(err, fs.ErrNotExist) {
		_, priv, err := ed25519.GenerateKey(rand.Reader)
		if err != nil {
			return "", err
		}
		blk, err := ssh.MarshalPrivateKey(priv, "doithoai replica")
		if err != nil {
			return "", err
		}
		if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
			return "", err
		}
		if err := os.WriteFile(path, pem.EncodeToMemory(blk), 0o600); err != nil {
			return "", err
		}
	}
	s, err := loadSigner(path)
	if err != nil {
		return "", err
	}
	return strings.TrimSpace(string(ssh.MarshalAuthorizedKey(s.PublicKey()))) + " doithoai", nil
}

func loadSigner(path string) (ssh.Signer, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	return ssh.ParsePrivateKey(b)
}

// Fingerprint is the SHA256 fingerprint of an authorized_keys line.
func Fingerprint(line string) string {
	k, _, _, _, err := ssh.ParseAuthorizedKey([]byte(line))
	if err != nil {
		return "?"
	}
	return ssh.FingerprintSHA256(k)
}
