"""Demo delegates: khóa X (2021–2026) in four tổ, a few of khóa IX. The names are invented."""
from __future__ import annotations

TERMS = [(10, 2021, 2026), (9, 2016, 2021)]
GROUPS = [(1, "thành phố Tỉnh Lỵ"), (2, "huyện Bình Sơn"), (3, "huyện Phú Hòa"), (4, "thị xã An Lạc")]

# (họ tên, chức vụ, đơn vị công tác, tổ, thứ tự trong tổ, khóa, tin bài liên quan (slug))
DELEGATES = [
    ("Trần Quốc Hưng", "Chủ tịch HĐND tỉnh", "Thường trực Hội đồng nhân dân tỉnh", 1, 1, 10,
     ["ky-hop-thu-25-hdnd-tinh-thong-qua-18-nghi-quyet", "phien-giai-trinh-ve-giai-quyet-kien-nghi-cu-tri"]),
    ("Nguyễn Thị Thu Trang", "Ủy viên Ban Văn hóa - Xã hội HĐND tỉnh", "Sở Giáo dục và Đào tạo", 1, 2, 10, []),
    ("Lâm Văn Đức", "Đại biểu HĐND tỉnh", "Công ty cổ phần Cấp nước tỉnh", 1, 3, 10, []),
    ("Hồ Thị Kim Ngân", "Đại biểu HĐND tỉnh", "Bệnh viện Đa khoa tỉnh", 1, 4, 10, []),
    ("Đặng Minh Khoa", "Đại biểu HĐND tỉnh", "Liên đoàn Lao động tỉnh", 1, 5, 10, []),
    ("Phan Thị Bích Liên", "Đại biểu HĐND tỉnh", "Trường Trung học phổ thông chuyên tỉnh", 1, 6, 10, []),
    ("Lê Thị Minh Hà", "Phó Chủ tịch HĐND tỉnh", "Thường trực Hội đồng nhân dân tỉnh", 2, 1, 10,
     ["dai-bieu-hdnd-tinh-tiep-xuc-cu-tri-truoc-ky-hop"]),
    ("Bùi Văn Lộc", "Trưởng Ban Kinh tế - Ngân sách HĐND tỉnh", "Ban Kinh tế - Ngân sách HĐND tỉnh", 2, 2, 10, []),
    ("Trịnh Thị Hồng Nhung", "Đại biểu HĐND tỉnh", "Hội Liên hiệp Phụ nữ tỉnh", 2, 3, 10, []),
    ("Mai Xuân Trường", "Đại biểu HĐND tỉnh", "Ủy ban nhân dân huyện Bình Sơn", 2, 4, 10, []),
    ("Cao Thị Thanh Tâm", "Đại biểu HĐND tỉnh", "Trung tâm Y tế huyện Bình Sơn", 2, 5, 10, []),
    ("Huỳnh Tấn Phát", "Đại biểu HĐND tỉnh", "Hợp tác xã Nông nghiệp Bình Sơn", 2, 6, 10, []),
    ("Võ Thanh Tùng", "Trưởng Ban Pháp chế HĐND tỉnh", "Ban Pháp chế HĐND tỉnh", 3, 1, 10,
     ["doan-giam-sat-lam-viec-ve-chuyen-doi-so"]),
    ("Dương Thị Mỹ Duyên", "Phó Trưởng Ban Pháp chế HĐND tỉnh", "Ban Pháp chế HĐND tỉnh", 3, 2, 10, []),
    ("Tạ Quang Vinh", "Đại biểu HĐND tỉnh", "Công an tỉnh", 3, 3, 10, []),
    ("Ngô Thị Hạnh", "Đại biểu HĐND tỉnh", "Ủy ban nhân dân huyện Phú Hòa", 3, 4, 10, []),
    ("Lý Văn Sang", "Đại biểu HĐND tỉnh", "Ủy ban Mặt trận Tổ quốc huyện Phú Hòa", 3, 5, 10, []),
    ("Châu Ngọc Yến", "Đại biểu HĐND tỉnh", "Tỉnh đoàn", 3, 6, 10, []),
    ("Nguyễn Hoàng Phúc", "Ủy viên Thường trực HĐND tỉnh", "Văn phòng Đoàn ĐBQH và HĐND tỉnh", 4, 1, 10,
     ["ban-tron-chinh-sach-ve-nong-thon-moi"]),
    ("Kiều Thị Lan Anh", "Trưởng Ban Văn hóa - Xã hội HĐND tỉnh", "Ban Văn hóa - Xã hội HĐND tỉnh", 4, 2, 10, []),
    ("Đoàn Văn Hiếu", "Đại biểu HĐND tỉnh", "Bộ Chỉ huy Quân sự tỉnh", 4, 3, 10, []),
    ("Lưu Thị Phương", "Đại biểu HĐND tỉnh", "Ủy ban nhân dân thị xã An Lạc", 4, 4, 10, []),
    ("Thái Minh Nhật", "Đại biểu HĐND tỉnh", "Hội Nông dân tỉnh", 4, 5, 10, []),
    ("Quách Thị Diễm", "Đại biểu HĐND tỉnh", "Trường Cao đẳng Y tế tỉnh", 4, 6, 10, []),
    ("Phạm Đình Toàn", "Chủ tịch HĐND tỉnh (khóa IX)", "Thường trực Hội đồng nhân dân tỉnh", 1, 1, 9, []),
    ("Vương Thị Ngọc Mai", "Phó Chủ tịch HĐND tỉnh (khóa IX)", "Thường trực Hội đồng nhân dân tỉnh", 2, 1, 9, []),
    ("Tôn Thất Bảo", "Đại biểu HĐND tỉnh (khóa IX)", "Sở Tài chính", 3, 1, 9, []),
    ("Hà Văn Thuận", "Đại biểu HĐND tỉnh (khóa IX)", "Ủy ban nhân dân thị xã An Lạc", 4, 1, 9, []),
]
