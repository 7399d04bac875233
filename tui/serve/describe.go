package serve

import (
	"fmt"
	"io"
	"net"
	"os"
	"path/filepath"
	"strings"

	gossh "golang.org/x/crypto/ssh"

	"doithoai/store"
	"doithoai/tui/i18n"
)

// Hosts are the addresses other devices use to reach a server listening on
// addr: the address itself, or for 0.0.0.0 / :: every non-loopback IPv4
// address of this computer's interfaces that are up.
func Hosts(addr net.Addr) []string {
	tcp, ok := addr.(*net.TCPAddr)
	if !ok {
		return nil
	}
	if !tcp.IP.IsUnspecified() && tcp.IP != nil {
		return []string{tcp.IP.String()}
	}
	ifaces, err := net.Interfaces()
	if err != nil {
		return nil
	}
	var out []string
	for _, ifc := range ifaces {
		if ifc.Flags&net.FlagUp == 0 || ifc.Flags&net.FlagLoopback != 0 {
			continue
		}
		addrs, err := ifc.Addrs()
		if err != nil {
			continue
		}
		for _, a := range addrs {
			if n, ok := a.(*net.IPNet); ok {
				if ip4 := n.IP.To4(); ip4 != nil && !ip4.IsLoopback() && !ip4.IsLinkLocalUnicast() {
					out = append(out, ip4.String())
				}
			}
		}
	}
	return out
}

// Describe prints where the server listens and how each station connects,
// and which roles are refused for want of credentials.
func (s *Server) Describe(w io.Writer) {
	t := i18n.New(s.o.Lang)
	addr := s.Addr()
	tcp, _ := addr.(*net.TCPAddr)
	port := "2323"
	if tcp != nil {
		port = fmt.Sprint(tcp.Port)
	}
	shown := addr.String()
	if tcp != nil && tcp.IP.IsUnspecified() {
		shown = s.o.Listen // "0.0.0.0:2323" as asked, not "[::]:2323"
	}
	fmt.Fprintln(w, t.F("serve.listening", shown))
	hosts := Hosts(addr)
	if tcp != nil && tcp.IP.IsLoopback() {
		fmt.Fprintln(w, t.F("serve.loopback_only", port))
	} else if len(hosts) == 0 {
		fmt.Fprintln(w, t.T("serve.no_network"))
	}
	fmt.Fprintln(w, t.F("serve.file", abs(s.o.Path)))
	fmt.Fprintln(w, t.F("serve.access", abs(AccessPath(s.o.Path))))
	fmt.Fprintln(w, t.F("serve.hostkey", abs(s.o.HostKeyPath)))
	fp := hostKeyFingerprint(s.o.HostKeyPath)
	if fp != "" {
		fmt.Fprintln(w, t.F("serve.fingerprint", fp))
	}
	fmt.Fprintln(w)
	open := s.Access().Open()
	if len(open) == 0 {
		fmt.Fprintln(w, t.T("serve.none_open"))
	} else {
		fmt.Fprintln(w, t.T("serve.connect"))
		// by address, each with the fingerprint a device checks on its
		// first connection to it (ssh shows it as it asks)
		for _, h := range hosts {
			if len(hosts) > 1 || fp != "" {
				fmt.Fprintln(w, "  "+t.F("sec.serve.host", h, fp))
			}
			for _, r := range store.Roles {
				how, ok := open[r]
				if !ok {
					continue
				}
				var hw []string
				if how.Passcode {
					hw = append(hw, t.T("serve.by_passcode"))
				}
				if how.Keys > 0 {
					hw = append(hw, t.F("serve.by_keys", how.Keys))
				}
				fmt.Fprintf(w, "    %-8s %-11s ssh -p %s %s@%s   (%s)\n", r, t.T("station."+string(r)), port, r, h, strings.Join(hw, ", "))
			}
		}
	}
	if weak := s.Access().Weak(); len(weak) > 0 {
		var names []string
		for _, r := range weak {
			names = append(names, string(r))
		}
		fmt.Fprintln(w, t.F("sec.serve.weak", strings.Join(names, ", "), MinPasscode))
		fmt.Fprintln(w, t.F("sec.serve.weak_hint", weak[0]))
	}
	if closed := s.Access().Closed(); len(closed) > 0 {
		var names []string
		for _, r := range closed {
			names = append(names, string(r))
		}
		fmt.Fprintln(w, t.F("serve.closed", strings.Join(names, ", ")))
		fmt.Fprintln(w, t.F("serve.closed_hint", closed[0], closed[0]))
	}
	fmt.Fprintln(w, t.T("serve.lang_hint"))
	fmt.Fprintln(w, t.T("serve.stop"))
}

func abs(p string) string {
	if a, err := filepath.Abs(p); err == nil {
		return a
	}
	return p
}

func hostKeyFingerprint(path string) string {
	b, err := os.ReadFile(path)
	if err != nil {
		return ""
	}
	k, err := gossh.ParsePrivateKey(b)
	if err != nil {
		return ""
	}
	// as OpenSSH prints it: "ED25519 key fingerprint is SHA256:…"
	kind := strings.ToUpper(strings.TrimPrefix(k.PublicKey().Type(), "ssh-"))
	return kind + " " + gossh.FingerprintSHA256(k.PublicKey())
}
