"""Demo work schedule: the schedule page and this week and next, published."""
from __future__ import annotations

from datetime import time

from .models import ScheduleEntry, ScheduleIndexPage, WorkWeek
from .weeks import IsoWeek

ENTRIES = [
    (0, time(7, 30), time(11, 30), "Họp Thường trực HĐND tỉnh cho ý kiến các nội dung trình kỳ họp",
     "Chủ tịch HĐND tỉnh", "Thường trực HĐND tỉnh, lãnh đạo các ban HĐND tỉnh", "Phòng họp số 1, trụ sở HĐND tỉnh",
     "Văn phòng Đoàn ĐBQH và HĐND tỉnh"),
    (1, time(14, 0), time(17, 0), "Giám sát việc thực hiện chính sách bảo hiểm y tế học sinh",
     "Phó Chủ tịch HĐND tỉnh", "Đoàn giám sát theo Quyết định số 15/QĐ-HĐND", "Sở Giáo dục và Đào tạo",
     "Ban Văn hóa - Xã hội HĐND tỉnh"),
    (2, time(8, 0), None, "Tiếp công dân định kỳ", "Chủ tịch HĐND tỉnh", "Đại diện các ban HĐND tỉnh",
     "Trụ sở Tiếp công dân tỉnh", "Văn phòng Đoàn ĐBQH và HĐND tỉnh"),
    (4, time(8, 0), time(11, 0), "Thẩm tra các dự thảo nghị quyết về ngân sách",
     "Trưởng Ban Kinh tế - Ngân sách", "Thành viên Ban Kinh tế - Ngân sách", "Phòng họp số 2",
     "Ban Kinh tế - Ngân sách HĐND tỉnh"),
]


def load_schedule_demo(home) -> ScheduleIndexPage:
    page = ScheduleIndexPage(title="Lịch công tác", slug="lich-cong-tac", show_in_menus=True,
                             intro="<p>Lịch công tác tuần của Thường trực Hội đồng nhân dân tỉnh.</p>")
    home.add_child(instance=page)
    page.save_revision().publish()
    for iso in (IsoWeek.current(), IsoWeek.current().shifted(1)):
        week = WorkWeek.objects.create(year=iso.year, week=iso.week, published=True)
        for order, (offset, start, end, content, leader, participants, place, unit) in enumerate(ENTRIES):
            ScheduleEntry.objects.create(week=week, sort_order=order, day=iso.days()[offset], start=start, end=end,
                                         content=content, leader=leader, participants=participants, place=place,
                                         preparing_unit=unit)
    return page
