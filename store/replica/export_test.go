package replica

import "time"

// SetSFTPTimeouts shortens the SFTP client's timeouts for a test.
func SetSFTPTimeouts(dial, op time.Duration) func() {
	d, o := sftpDialTimeout, sftpOpTimeout
	sftpDialTimeout, sftpOpTimeout = dial, op
	return func() { sftpDialTimeout, sftpOpTimeout = d, o }
}

// ParseIdentity reads an identity file's content.
var ParseIdentity = parseIdentity
