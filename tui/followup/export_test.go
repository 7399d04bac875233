package followup

// SetOpener replaces the system viewer (tests never start one) and says
// whether the session is remote.
func (m *Model) SetOpener(open func(string) error, remote bool) { m.openFile, m.remote = open, remote }
