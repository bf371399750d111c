"""Demo: agencies, communes, lĩnh vực, meetings with voters before sessions 25 and 27, and about 40 petitions
in every status (some overdue), each with a dated history. Dates of the current batch follow today, so some
petitions are always just due, and some always overdue."""
from __future__ import annotations

from datetime import date, timedelta

from django.utils.text import slugify

from loa.core.text import fold

from .lookups import Agency, Locality, PetitionTopic, VoterMeeting
from .pages import PetitionIndexPage, PetitionPage, unique_slug
from .status import Status, local_today, record_status

AGENCIES = [  # (key, name, short name)
    ("gtvt", "Sở Giao thông vận tải", "Sở GTVT"),
    ("tnmt", "Sở Tài nguyên và Môi trường", "Sở TN&MT"),
    ("yte", "Sở Y tế", "Sở Y tế"),
    ("gddt", "Sở Giáo dục và Đào tạo", "Sở GD&ĐT"),
    ("nnptnt", "Sở Nông nghiệp và Phát triển nông thôn", "Sở NN&PTNT"),
    ("dienluc", "Công ty Điện lực tỉnh", "Điện lực"),
    ("capnuoc", "Công ty cổ phần Cấp nước tỉnh", "Cấp nước"),
    ("binhson", "Ủy ban nhân dân huyện Bình Sơn", "UBND Bình Sơn"),
]
LOCALITIES = [  # (key, name, tổ đại biểu)
    ("tan-phu", "Xã Tân Phú", 2), ("binh-minh", "Xã Bình Minh", 2), ("phuong-1", "Phường 1", 1),
    ("phu-hoa-dong", "Xã Phú Hòa Đông", 3), ("an-lac", "Phường An Lạc", 4), ("long-hung", "Xã Long Hưng", 3),
]
TOPICS = ["Giao thông", "Đất đai", "Y tế", "Giáo dục", "Môi trường", "Nông nghiệp", "Điện, nước",
          "Chính sách xã hội"]
# (lĩnh vực, agency, title, content, answer)
SUBJECTS = [
    ("Giao thông", "gtvt", "Nâng cấp tuyến đường tỉnh 826 đoạn qua {place}",
     "Cử tri {place} phản ánh tuyến đường tỉnh 826 đoạn qua địa phương xuống cấp nghiêm trọng, nhiều ổ gà, "
     "mùa mưa ngập sâu, gây mất an toàn giao thông. Đề nghị sớm đầu tư nâng cấp, mở rộng.",
     "Sở Giao thông vận tải đã đưa tuyến đường tỉnh 826 vào kế hoạch duy tu năm 2026 với kinh phí 12,5 tỷ đồng. "
     "Trước mắt, đơn vị quản lý đường bộ đã vá các ổ gà và đặt biển cảnh báo tại những đoạn ngập."),
    ("Giao thông", "gtvt", "Lắp đèn tín hiệu giao thông tại ngã tư chợ {place}",
     "Ngã tư chợ {place} đông người qua lại vào buổi sáng, thường xảy ra va chạm. Cử tri đề nghị lắp đèn tín hiệu "
     "và vạch sơn cho người đi bộ.",
     "Sở đã khảo sát lưu lượng xe tại ngã tư và thống nhất lắp đèn tín hiệu ba màu cùng vạch sơn cho người đi bộ; "
     "công trình hoàn thành trong quý I năm 2026."),
    ("Đất đai", "tnmt", "Chậm cấp giấy chứng nhận quyền sử dụng đất tại {place}",
     "Nhiều hộ dân {place} đã nộp hồ sơ cấp giấy chứng nhận quyền sử dụng đất lần đầu quá thời hạn nhưng chưa "
     "nhận được kết quả. Đề nghị kiểm tra, giải quyết dứt điểm.",
     "Sở Tài nguyên và Môi trường đã rà soát 46 hồ sơ tồn đọng; 38 hồ sơ đã được cấp giấy, 8 hồ sơ còn tranh chấp "
     "ranh giới đang được hòa giải tại cơ sở. Chi nhánh Văn phòng đăng ký đất đai sẽ thông báo tiến độ cho từng hộ."),
    ("Đất đai", "binhson", "Bồi thường, hỗ trợ tái định cư dự án khu dân cư {place}",
     "Cử tri có đất bị thu hồi cho dự án khu dân cư tại {place} cho rằng đơn giá bồi thường thấp hơn giá thị trường, "
     "đề nghị xem xét lại và sớm bố trí đất tái định cư.",
     "Ủy ban nhân dân huyện đã đề nghị điều chỉnh hệ số giá đất bồi thường; khu tái định cư đã hoàn thành hạ tầng, "
     "dự kiến bốc thăm giao nền trong tháng tới. Những trường hợp chưa đồng ý được tiếp tục đối thoại."),
    ("Y tế", "yte", "Thiếu thuốc bảo hiểm y tế tại trạm y tế {place}",
     "Cử tri {place} phản ánh trạm y tế thường thiếu thuốc điều trị bệnh mạn tính theo bảo hiểm y tế, người bệnh "
     "phải tự mua ngoài. Đề nghị bảo đảm đủ thuốc.",
     "Sở Y tế đã hoàn tất đấu thầu tập trung thuốc năm 2026, bổ sung 32 loại thuốc điều trị tăng huyết áp, đái "
     "tháo đường cho tuyến xã; trạm y tế được điều chuyển thuốc từ trung tâm y tế huyện khi thiếu."),
    ("Giáo dục", "gddt", "Xây thêm phòng học cho trường tiểu học {place}",
     "Trường tiểu học {place} thiếu phòng học, một số lớp phải học ghép, không đủ phòng cho học sinh học hai buổi "
     "mỗi ngày. Cử tri đề nghị đầu tư thêm phòng học.",
     "Sở Giáo dục và Đào tạo phối hợp Ủy ban nhân dân huyện đưa công trình 6 phòng học vào kế hoạch đầu tư công "
     "năm 2026; năm học này nhà trường được mượn phòng của trường trung học cơ sở bên cạnh."),
    ("Môi trường", "tnmt", "Ô nhiễm mùi từ cơ sở chăn nuôi tại {place}",
     "Cơ sở chăn nuôi heo tại {place} xả nước thải, gây mùi hôi ảnh hưởng đời sống người dân xung quanh. Đề nghị "
     "kiểm tra, xử lý.",
     "Đoàn kiểm tra liên ngành đã lập biên bản, xử phạt cơ sở 85 triệu đồng và yêu cầu hoàn thiện hệ thống xử lý "
     "nước thải trong 90 ngày; Sở sẽ quan trắc lại sau thời hạn này."),
    ("Nông nghiệp", "nnptnt", "Nạo vét kênh thủy lợi phục vụ sản xuất tại {place}",
     "Kênh thủy lợi nội đồng tại {place} bị bồi lắng, không đủ nước tưới cho vụ đông xuân. Cử tri đề nghị nạo vét.",
     "Sở Nông nghiệp và Phát triển nông thôn đã bố trí kinh phí nạo vét 4,2 km kênh; công trình thi công xong "
     "trước vụ đông xuân."),
    ("Điện, nước", "dienluc", "Điện chập chờn, sụt áp vào giờ cao điểm tại {place}",
     "Cử tri {place} phản ánh điện thường sụt áp vào buổi tối, thiết bị điện hư hỏng. Đề nghị nâng cấp đường dây "
     "và trạm biến áp.",
     "Công ty Điện lực đã lắp thêm một trạm biến áp 250 kVA và cải tạo 1,8 km đường dây hạ thế; điện áp cuối "
     "nguồn đã bảo đảm theo quy định."),
    ("Điện, nước", "capnuoc", "Mở rộng mạng lưới nước sạch đến {place}",
     "Nhiều hộ dân {place} chưa được dùng nước sạch, phải dùng nước giếng nhiễm phèn. Đề nghị kéo đường ống cấp nước.",
     "Công ty cổ phần Cấp nước tỉnh sẽ kéo tuyến ống chính đến địa phương trong năm 2026; các hộ đăng ký lắp đặt "
     "tại Ủy ban nhân dân xã."),
    ("Chính sách xã hội", "binhson", "Chậm chi trả trợ cấp cho người cao tuổi tại {place}",
     "Cử tri {place} phản ánh trợ cấp xã hội hằng tháng cho người cao tuổi chi trả chậm, có tháng gộp hai kỳ. Đề "
     "nghị chi trả đúng hạn.",
     "Ủy ban nhân dân huyện đã chuyển việc chi trả qua tài khoản và bưu điện theo lịch cố định ngày 10 hằng tháng; "
     "các khoản chậm đã được chi trả đủ."),
]
ASSESSMENTS = {
    Status.RESOLVED: "Thường trực Hội đồng nhân dân đánh giá kiến nghị đã được giải quyết dứt điểm.",
    Status.UNRESOLVED: "Trả lời chưa đáp ứng kiến nghị của cử tri; đề nghị cơ quan tiếp tục giải quyết và báo cáo "
                       "tại kỳ họp sau.",
    Status.EXPLAINED: "Cơ quan đã giải trình rõ lý do và lộ trình thực hiện; Thường trực Hội đồng nhân dân tiếp tục "
                      "giám sát.",
}
# Per petition of a finished session: where it ended.
OLD_ENDINGS = [Status.RESOLVED, Status.RESOLVED, Status.EXPLAINED, Status.UNRESOLVED, Status.ANSWERED,
               Status.RESOLVED, Status.IN_PROGRESS, Status.RESOLVED, Status.EXPLAINED, Status.RESOLVED,
               Status.UNRESOLVED, Status.IN_PROGRESS, Status.RESOLVED, Status.ANSWERED]
CURRENT_ENDINGS = [Status.RECEIVED, Status.FORWARDED, Status.IN_PROGRESS, Status.FORWARDED, Status.IN_PROGRESS,
                   Status.ANSWERED, Status.RECEIVED, Status.IN_PROGRESS, Status.FORWARDED, Status.IN_PROGRESS,
                   Status.ANSWERED, Status.FORWARDED]
ORDER = [Status.RECEIVED, Status.FORWARDED, Status.IN_PROGRESS, Status.ANSWERED]


def load_lookups() -> tuple[dict, dict, dict]:
    agencies = {key: Agency.objects.get_or_create(slug=key,
                                                  defaults={"name": name, "short_name": short, "sort_order": i})[0]
                for i, (key, name, short) in enumerate(AGENCIES)}
    localities = {key: Locality.objects.get_or_create(slug=key, defaults={"name": name, "sort_order": i})[0]
                  for i, (key, name, _) in enumerate(LOCALITIES)}
    topics = {name: PetitionTopic.objects.get_or_create(slug=slugify(fold(name)),
                                                        defaults={"name": name, "sort_order": i})[0]
              for i, name in enumerate(TOPICS)}
    return agencies, localities, topics


def load_meetings(localities: dict) -> dict:
    """Two rounds of meetings: before session 25 (June 2025) and before session 27 (November 2025)."""
    from loa.council_sessions.models import SessionPage
    from loa.delegates.models import DelegatePage, DelegationGroup

    sessions = {s.number: s for s in SessionPage.objects.filter(term__number=10)}
    meetings: dict[tuple[int, str], VoterMeeting] = {}
    for number, first_day in ((25, date(2025, 6, 16)), (27, date(2025, 11, 17))):
        for i, (key, name, group_number) in enumerate(LOCALITIES):
            group = DelegationGroup.objects.filter(number=group_number).first()
            meeting = VoterMeeting.objects.create(
                date=first_day + timedelta(days=i), locality=localities[key], group=group,
                place=f"Hội trường Ủy ban nhân dân {name.lower()}", session=sessions.get(number),
                voters=80 + 17 * i + (number - 25) * 9, opinions=9 + 3 * i,
            )
            if group is not None:
                meeting.delegates.set(DelegatePage.objects.filter(group=group, term__number=10)
                                      .order_by("list_order")[:3])
                meeting.save()  # a ParentalManyToManyField is written with its model
            meetings[(number, key)] = meeting
    return meetings


def load_petitions_demo(home) -> PetitionIndexPage:
    from loa.council_sessions.models import SessionPage

    agencies, localities, topics = load_lookups()
    meetings = load_meetings(localities)
    sessions = {s.number: s for s in SessionPage.objects.filter(term__number=10)}
    index = PetitionIndexPage(
        title="Kiến nghị cử tri", slug="kien-nghi", show_in_menus=True,
        intro="<p>Kiến nghị của cử tri tại các buổi tiếp xúc cử tri của đại biểu Hội đồng nhân dân tỉnh, cơ quan "
              "chịu trách nhiệm trả lời, thời hạn và kết quả giải quyết. Không công bố thông tin cá nhân của cử tri.</p>",
    )
    home.add_child(instance=index)
    index.save_revision().publish()
    today = local_today()
    rounds = [(25, date(2025, 6, 25), OLD_ENDINGS), (27, date(2025, 11, 26), OLD_ENDINGS), (None, None, CURRENT_ENDINGS)]
    n = 0
    for number, received, endings in rounds:
        for i, ending in enumerate(endings):
            topic, agency, title, content, answer = SUBJECTS[(n * 7 + i) % len(SUBJECTS)]
            key, name, _ = LOCALITIES[(n + i) % len(LOCALITIES)]
            place = name[0].lower() + name[1:]  # "xã Tân Phú" inside a sentence
            n += 1
            if received is None:  # the current round: received 20-70 days ago, deadlines around today
                got = today - timedelta(days=70 - 4 * i)
                deadline = today + timedelta(days=(-9, 5, -3, 12, 25, 30, 3, -15, 9, 20, 40, 1)[i % 12])
            else:
                got = received + timedelta(days=i % 4)
                deadline = got + timedelta(days=60)
            page = PetitionPage(
                title=title.format(place=place), code=f"KN-{got:%y}-{n:03d}",
                content=content.format(place=place), topic=topics[topic], locality=localities[key],
                agency=agencies[agency], session=sessions.get(number) if number else None,
                opinion_count=1 + (n * 5) % 9, received_on=got, forwarded_on=got + timedelta(days=5),
                deadline=deadline,
            )
            page.slug = unique_slug(index, page.code)
            if ending in (Status.ANSWERED, *ASSESSMENTS):
                page.answer = f"<p>{answer}</p>"
                page.assessment = ASSESSMENTS.get(ending, "")
            index.add_child(instance=page)
            if number and (number, key) in meetings:
                page.meetings.set([meetings[(number, key)]])
            page.save_revision().publish()
            _history(page, ending, got, deadline, today)
    return index


def _history(page: PetitionPage, ending: str, received: date, deadline: date, today: date) -> None:
    """The steps up to `ending`, a few days apart, the answer on or near the deadline."""
    steps = ORDER[1:ORDER.index(ending) + 1] if ending in ORDER else ORDER[1:] + [ending]
    day = prev = received
    for k, status in enumerate(steps):
        if status == Status.FORWARDED:
            day = received + timedelta(days=5)
        elif status == Status.IN_PROGRESS:
            day = day + timedelta(days=12)
        elif status == Status.ANSWERED:
            day = deadline + timedelta(days=(-10, 6, -20)[k % 3] if page.pk % 2 else -5)
        else:
            day = day + timedelta(days=20)
        day = prev = min(max(day, prev), today)
        record_status(page, status, day, _note(status, page))


def _note(status: str, page: PetitionPage) -> str:
    return {
        Status.FORWARDED: f"Thường trực Hội đồng nhân dân chuyển {page.agency.name} giải quyết.",
        Status.IN_PROGRESS: f"{page.agency.name} đang kiểm tra, xử lý.",
        Status.ANSWERED: f"{page.agency.name} có văn bản trả lời.",
        Status.RESOLVED: "Kết quả giám sát: đã giải quyết.",
        Status.UNRESOLVED: "Kết quả giám sát: chưa giải quyết; tiếp tục theo dõi.",
        Status.EXPLAINED: "Cơ quan giải trình tại phiên họp Thường trực.",
    }.get(status, "")
