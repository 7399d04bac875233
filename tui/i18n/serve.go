package i18n

// Text that `doithoai serve` prints when it starts.
func init() {
	register(map[string][2]string{
		"serve.listening": {"Đang phục vụ các vị trí qua SSH tại %s.", "Serving the stations over SSH on %s."},
		"serve.loopback_only": {"Chỉ máy này kết nối được. Để máy khác trong hội trường kết nối: --listen ĐỊA-CHỈ-MÁY-NÀY:%[1]s (địa chỉ của máy trên mạng hội trường; 0.0.0.0:%[1]s mở trên mọi mạng)",
			"Only this computer can connect. To let other devices in the hall connect: --listen THIS-LAPTOP'S-ADDRESS:%[1]s (its address on the hall network; 0.0.0.0:%[1]s opens every network)"},
		"serve.no_network":  {"Không tìm thấy địa chỉ mạng nào (chưa nối mạng nội bộ?).", "No network address found (not on the hall network?)."},
		"serve.file":        {"Tệp hội nghị: %s", "Meeting file: %s"},
		"serve.hostkey":     {"Khóa máy chủ: %s", "Host key: %s"},
		"serve.fingerprint": {"  Vân tay (kiểm tra khi kết nối lần đầu): %s", "  Fingerprint (check it on the first connection): %s"},
		"serve.access":      {"Quyền truy cập: %s", "Access file: %s"},
		"serve.connect":     {"Cách kết nối từng vị trí:", "How each station connects:"},
		"serve.by_passcode": {"mật mã", "passcode"},
		"serve.by_keys":     {"%d khóa", "%d key(s)"},
		"serve.closed":      {"Bị từ chối (chưa có mật mã hay khóa): %s", "Refused (no passcode or key yet): %s"},
		"serve.closed_hint": {"  Đặt mật mã: doithoai serve --passcode %s=MẬT-MÃ  (hoặc --authorized-keys %s=KHÓA.pub)", "  Set one: doithoai serve --passcode %s=CODE  (or --authorized-keys %s=KEY.pub)"},
		"serve.none_open":   {"Chưa vị trí nào kết nối được.", "No station can connect yet."},
		"serve.lang_hint":   {"Giao diện tiếng Anh cho một vị trí: ssh -o SetEnv=DOITHOAI_LANG=en …", "Vietnamese or English per station: ssh -o SetEnv=DOITHOAI_LANG=vi …"},
		"serve.stop":        {"Nhấn Ctrl+C để dừng.", "Press Ctrl+C to stop."},
		"serve.stopping":    {"Đang dừng: đóng các phiên…", "Stopping: closing the sessions…"},
	})
}
