package i18n

// The replica's state in the header of every station.
func init() {
	register(map[string][2]string{
		"replica.ok":          {"Bản sao: %s · trễ %s", "Replica: %s · %s behind"},
		"replica.late":        {"! Bản sao: %s · trễ %s", "! Replica: %s · %s behind"},
		"replica.starting":    {"Bản sao: %s · đang khởi động", "Replica: %s · starting"},
		"replica.problem":     {"! Bản sao: %s · %s", "! Replica: %s · %s"},
		"replica.problem_lag": {"! Bản sao: %s · %s · trễ %s", "! Replica: %s · %s · %s behind"},
		"replica.gone":        {"không thấy thư mục (USB bị rút?)", "folder not found (USB pulled?)"},
		"replica.unreachable": {"không kết nối được máy kia", "host unreachable"},
		"replica.auth":        {"máy kia không nhận khóa SSH", "host refused the SSH key"},
		"replica.hostkey":     {"khóa của máy kia đã đổi", "host key changed"},
		"replica.refused":     {"thư mục của cuộc họp khác", "folder holds another meeting"},
		"replica.failed":      {"lỗi: %s", "error: %s"},
		"replica.stopped":     {"không tiến trình nào đang sao", "no process replicating"},
		// durations: Vietnamese writes a decimal comma
		"replica.secs":  {"%s s", "%s s"},
		"replica.mins":  {"%d phút", "%d min"},
		"replica.hours": {"%d giờ", "%d h"},
	})
}
