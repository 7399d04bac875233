// Package replica keeps a live copy of a meeting file elsewhere — a folder
// such as a USB stick, or another laptop over SFTP — with Litestream, and
// takes it back (takeover) when the hall laptop is lost. Exactly one
// process per meeting file replicates; the others read its status.
package replica

import (
	"fmt"
	"net"
	"net/url"
	"path"
	"path/filepath"
	"strings"
)

// Kind of replica target.
type Kind string

const (
	Folder Kind = "folder"
	SFTP   Kind = "sftp"
)

// Target is where a meeting is replicated.
type Target struct {
	Kind Kind
	// Path is the folder (absolute) or, for SFTP, the folder on the host:
	// relative to the user's home unless it starts with / (written // or
	// /C:/… in the URL).
	Path string
	User string // SFTP
	Host string // SFTP, host:port
}

// ParseTarget reads what --replicate-to was given: a folder, or
// sftp://user@host[:port]/path.
func ParseTarget(s string) (Target, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return Target{}, fmt.Errorf("replica: no target given")
	}
	low := strings.ToLower(s)
	switch {
	case strings.HasPrefix(low, "sftp://"):
		return parseSFTP(s)
	case strings.HasPrefix(low, "file://"):
		u, err := url.Parse(s)
		if err != nil || u.Path == "" {
			return Target{}, fmt.Errorf("replica: %q is not a folder", s)
		}
		s = filepath.FromSlash(u.Path)
	case strings.Contains(s, "://"):
		return Target{}, fmt.Errorf("replica: %q: only a folder or sftp://user@host/path can hold a replica", s)
	}
	abs, err := filepath.Abs(s)
	if err != nil {
		return Target{}, err
	}
	return Target{Kind: Folder, Path: abs}, nil
}

func parseSFTP(s string) (Target, error) {
	u, err := url.Parse(s)
	if err != nil {
		return Target{}, fmt.Errorf("replica: %q is not an sftp:// address: %v", s, err)
	}
	if u.User == nil || u.User.Username() == "" {
		return Target{}, fmt.Errorf("replica: %s: the user is missing (sftp://USER@host/path)", s)
	}
	if _, has := u.User.Password(); has {
		return Target{}, fmt.Errorf("replica: %s: no password in the address (it would be stored in the meeting file); the laptop's SSH key is used", u.Redacted())
	}
	if u.Hostname() == "" {
		return Target{}, fmt.Errorf("replica: %s: the host is missing", s)
	}
	port := u.Port()
	if port == "" {
		port = "22"
	}
	p, err := hostPath(u.Path)
	if err != nil {
		return Target{}, fmt.Errorf("replica: %s: %v", s, err)
	}
	return Target{Kind: SFTP, User: u.User.Username(), Host: net.JoinHostPort(u.Hostname(), port), Path: p}, nil
}

// hostPath reads the URL's path: "/doithoai" (or "/~/doithoai") is in the
// user's home folder, "//srv/doithoai" is absolute, "/C:/doithoai" is a
// drive of a Windows host.
func hostPath(p string) (string, error) {
	switch {
	case strings.HasPrefix(p, "//"):
		p = path.Clean(p[1:])
	case len(p) >= 3 && p[0] == '/' && p[2] == ':':
		p = p[1:2] + ":" + path.Clean("/"+p[3:])
	default:
		p = strings.TrimPrefix(path.Clean("/"+strings.TrimPrefix(p, "/~/")), "/")
	}
	if p == "" || p == "/" || strings.HasSuffix(p, ":/") {
		return "", fmt.Errorf("give a folder on the host (sftp://user@host/doithoai)")
	}
	return p, nil
}

// String is the target as stored in the settings and given back to
// ParseTarget.
func (t Target) String() string {
	if t.Kind == Folder {
		return t.Path
	}
	p := "/" + t.Path // home-relative and C:/x both take one slash, /srv/x becomes //srv/x
	return "sftp://" + t.User + "@" + t.Host + p
}

// Label is the short name the header shows: the USB stick's (or the
// folder's) name, or the SFTP host.
func (t Target) Label() string {
	if t.Kind == SFTP {
		h, _, err := net.SplitHostPort(t.Host)
		if err != nil {
			return t.Host
		}
		return h
	}
	return folderLabel(t.Path)
}

// folderLabel names a folder by its volume: "E:\doithoai" on Windows,
// "KINGSTON/doithoai" for a stick mounted under /media, /run/media or
// /Volumes, else the folder's own name.
func folderLabel(p string) string {
	if vol := filepath.VolumeName(p); vol != "" {
		rest := strings.Trim(p[len(vol):], `\/`)
		if rest == "" {
			return vol + `\`
		}
		if len(rest) > 20 {
			rest = "…" + string(filepath.Separator) + filepath.Base(p)
		}
		return vol + `\` + rest
	}
	parts := strings.Split(filepath.ToSlash(p), "/")
	for _, mount := range [][]string{{"media", "*"}, {"run", "media", "*"}, {"Volumes"}, {"mnt"}} {
		if len(parts) > len(mount)+1 && parts[0] == "" && match(parts[1:1+len(mount)], mount) {
			vol := parts[1+len(mount)]
			if 1+len(mount)+1 >= len(parts) {
				return vol
			}
			return vol + "/" + parts[len(parts)-1]
		}
	}
	return filepath.Base(p)
}

func match(parts, pattern []string) bool {
	for i, q := range pattern {
		if q != "*" && parts[i] != q {
			return false
		}
	}
	return true
}
