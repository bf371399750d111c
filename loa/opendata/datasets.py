"""The datasets built from what the portal already publishes (only public, live content; no citizen's
name, contact or address, no IP: tests/test_no_personal_data.py checks every registered dataset)."""
from __future__ import annotations

import re
from datetime import datetime

from django.db.models import Max, Sum
from django.db.models.functions import TruncMonth
from django.http import HttpRequest

from loa.core.params import query_param
from loa.core.text import fold, html_to_text

from .registry import Column, Dataset, register


def _int_param(request: HttpRequest, name: str, digits: int = 4) -> int | None:
    value = query_param(request, name, digits)
    return int(value) if value.isdigit() else None


def _latest(queryset, field: str = "last_published_at") -> datetime | None:
    return queryset.aggregate(latest=Max(field))["latest"]


# -- văn bản ------------------------------------------------------------------------------------------

def _documents():
    from loa.documents.models import DocumentPage

    return DocumentPage.objects.live().public()


def document_rows(request: HttpRequest):
    from loa.documents.filters import apply_filters, parse_filters

    pages = apply_filters(_documents(), parse_filters(request)).distinct()
    for page in pages.select_related("doc_type", "issuer").prefetch_related("subjects").order_by("-issued_date", "pk"):
        yield {
            "so_ky_hieu": page.number, "loai": page.doc_type.name, "co_quan_ban_hanh": page.issuer.name,
            "ngay_ban_hanh": page.issued_date, "ngay_hieu_luc": page.effective_date,
            "tinh_trang_hieu_luc": page.get_effect_status_display(),
            "linh_vuc": "; ".join(subject.name for subject in page.subjects.all()),
            "trich_yeu": page.summary, "nguoi_ky": page.signer, "chuc_vu_nguoi_ky": page.signer_title,
            "duong_dan": page.full_url,
        }


# -- kỳ họp và chương trình ------------------------------------------------------------------------------

def _sessions(request: HttpRequest):
    from loa.council_sessions.models import SessionPage

    sessions = SessionPage.objects.live().public().select_related("term")
    term = _int_param(request, "khoa")
    return sessions.filter(term__number=term) if term else sessions


def session_rows(request: HttpRequest):
    for session in _sessions(request).order_by("-start_date", "pk"):
        yield {
            "khoa": session.term.number, "ky_hop_thu": session.number, "loai": session.get_kind_display(),
            "ten": session.title, "ngay_khai_mac": session.start_date, "ngay_be_mac": session.end_date,
            "dia_diem": session.place, "tom_tat": session.summary, "duong_dan": session.full_url,
        }


def agenda_rows(request: HttpRequest):
    for session in _sessions(request).order_by("-start_date", "pk").prefetch_related("agenda_items"):
        for item in session.agenda_items.all():
            yield {
                "khoa": session.term.number, "ky_hop": session.title, "ngay": item.day or session.start_date,
                "gio_bat_dau": item.start_time, "noi_dung": item.title, "trinh_bay_chu_tri": item.presenter,
            }


# -- đại biểu ---------------------------------------------------------------------------------------------

def delegate_rows(request: HttpRequest):
    from loa.delegates.models import DelegatePage

    delegates = DelegatePage.objects.live().public().select_related("group", "term")
    term, group = _int_param(request, "khoa"), _int_param(request, "to")
    if term:
        delegates = delegates.filter(term__number=term)
    if group:
        delegates = delegates.filter(group__number=group)
    # Public fields only: the official e-mail and phone stay on the delegate's page, out of bulk data.
    for delegate in delegates.order_by("-term__number", "group__number", "list_order", "title"):
        yield {
            "ho_ten": delegate.title, "chuc_vu": delegate.position, "don_vi_cong_tac": delegate.workplace,
            "don_vi_bau_cu": delegate.constituency, "to_dai_bieu": delegate.group.number,
            "dia_ban_to": delegate.group.area, "khoa": delegate.term.number, "duong_dan": delegate.full_url,
        }


# -- lịch công tác --------------------------------------------------------------------------------------------

def schedule_rows(request: HttpRequest):
    from loa.schedule.records import ScheduleEntry
    from loa.schedule.weeks import IsoWeek

    entries = ScheduleEntry.objects.filter(week__published=True)
    asked = query_param(request, "tuan", 10)
    if asked:
        try:
            week = IsoWeek.parse(asked)
        except ValueError:
            return
        entries = entries.filter(day__gte=week.monday, day__lte=week.sunday)
    for entry in entries.order_by("day", "start", "sort_order", "pk"):
        yield {
            "ngay": entry.day, "gio_bat_dau": entry.start, "gio_ket_thuc": entry.end, "noi_dung": entry.content,
            "lanh_dao_chu_tri": entry.leader, "thanh_phan": entry.participants, "dia_diem": entry.place,
            "don_vi_chuan_bi": entry.preparing_unit, "hoan": entry.postponed,
        }


def schedule_updated() -> datetime | None:
    from loa.schedule.records import WorkWeek

    return _latest(WorkWeek.objects.filter(published=True), "updated_at")


# -- hỏi đáp ------------------------------------------------------------------------------------------------

REFERENCE_RE = re.compile(r"^[A-Z]{2}-\d{4}-[0-9A-Z]{6}$", re.IGNORECASE)


def _questions():
    from loa.questions.pages import QuestionPage

    return QuestionPage.objects.live().public()


def question_rows(request: HttpRequest):
    questions = _questions().select_related("topic")
    topic = query_param(request, "linh-vuc", 100)
    if topic:
        questions = questions.filter(topic__slug=topic)
    query = query_param(request, "q", 200)
    if REFERENCE_RE.match(query):
        questions = questions.filter(reference__iexact=query)
    elif query and fold(query):
        ids = [page.pk for page in _questions().search(fold(query), operator="and", order_by_relevance=False)[:2000]]
        questions = questions.filter(pk__in=ids)
    # The page holds what the office published (personal details removed by moderation), never the sender.
    for page in questions.order_by("-answered_on", "-pk"):
        yield {
            "ma_so": page.reference, "linh_vuc": page.topic.name if page.topic else "", "tieu_de": page.title,
            "cau_hoi": page.question_text, "tra_loi": html_to_text(page.answer), "don_vi_tra_loi": page.committee_name,
            "ngay_hoi": page.asked_on, "ngay_tra_loi": page.answered_on, "duong_dan": page.full_url,
        }


# -- thống kê truy cập và lượt nghe theo tháng ------------------------------------------------------------------

def _monthly(request: HttpRequest):
    from loa.stats.models import DailyTotal

    days = DailyTotal.objects.all()
    year = _int_param(request, "nam")
    if year:
        days = days.filter(day__year=year)
    return (days.annotate(month=TruncMonth("day")).values("month").order_by("month")
            .annotate(views=Sum("views"), visits=Sum("visits"), visitors=Sum("visitors"), plays=Sum("plays"),
                      listens=Sum("listens")))


def stats_rows(request: HttpRequest):
    for month in _monthly(request):
        yield {"thang": month["month"].strftime("%Y-%m"), "luot_xem_trang": month["views"],
               "luot_truy_cap": month["visits"], "khach_truy_cap_theo_ngay": month["visitors"],
               "luot_bam_nghe": month["plays"], "luot_nghe_het_bai": month["listens"]}


def stats_updated() -> datetime | None:
    from django.utils import timezone

    from loa.stats.models import DailyTotal

    day = DailyTotal.objects.aggregate(latest=Max("day"))["latest"]
    return timezone.make_aware(datetime.combine(day, datetime.min.time())) if day else None


# -- kiến nghị cử tri --------------------------------------------------------------------------------------

def _petitions():
    from loa.petitions.pages import PetitionPage

    return PetitionPage.objects.live().public()


def petition_rows(request: HttpRequest):
    from loa.petitions.exports import petition_record
    from loa.petitions.filters import read_filters

    petitions = read_filters(request).apply(_petitions()).select_related("agency", "locality", "topic", "session")
    for petition in petitions.order_by("-received_on", "-pk"):
        yield petition_record(petition, request)


# ------------------------------------------------------------------------------------------------------------

def C(key: str, title: str, description: str = "") -> Column:
    return Column(key, title, description)


def register_builtin() -> None:
    register(Dataset(
        slug="van-ban", title="Văn bản", frequency="Khi có văn bản mới",
        description="Văn bản do Hội đồng nhân dân tỉnh và các cơ quan ban hành đăng trên cổng: số ký hiệu, loại, "
                    "cơ quan ban hành, ngày ban hành, hiệu lực, lĩnh vực, trích yếu, người ký.",
        columns=(C("so_ky_hieu", "Số ký hiệu"), C("loai", "Loại văn bản"), C("co_quan_ban_hanh", "Cơ quan ban hành"),
                 C("ngay_ban_hanh", "Ngày ban hành"), C("ngay_hieu_luc", "Ngày hiệu lực"),
                 C("tinh_trang_hieu_luc", "Tình trạng hiệu lực"), C("linh_vuc", "Lĩnh vực"), C("trich_yeu", "Trích yếu"),
                 C("nguoi_ky", "Người ký"), C("chuc_vu_nguoi_ky", "Chức vụ người ký"), C("duong_dan", "Đường dẫn")),
        rows=document_rows, last_modified=lambda: _latest(_documents()),
        filters=(("loai", "loại văn bản (mã trên đường dẫn)"), ("co_quan", "cơ quan ban hành"),
                 ("linh_vuc", "lĩnh vực"), ("nam", "năm ban hành"), ("q", "số ký hiệu hoặc từ trong văn bản")),
        keywords=("văn bản", "nghị quyết", "pháp luật"),
    ))
    register(Dataset(
        slug="ky-hop", title="Kỳ họp", frequency="Khi có kỳ họp mới",
        description="Các kỳ họp của Hội đồng nhân dân tỉnh: khóa, kỳ họp thứ, loại, thời gian, địa điểm, tóm tắt.",
        columns=(C("khoa", "Khóa"), C("ky_hop_thu", "Kỳ họp thứ"), C("loai", "Loại kỳ họp"), C("ten", "Tên"),
                 C("ngay_khai_mac", "Ngày khai mạc"), C("ngay_be_mac", "Ngày bế mạc"), C("dia_diem", "Địa điểm"),
                 C("tom_tat", "Tóm tắt"), C("duong_dan", "Đường dẫn")),
        rows=session_rows, last_modified=lambda: _latest(_sessions_all()),
        filters=(("khoa", "khóa thứ (số)"),), keywords=("kỳ họp", "hội đồng nhân dân"),
    ))
    register(Dataset(
        slug="chuong-trinh-ky-hop", title="Chương trình kỳ họp", frequency="Khi có kỳ họp mới",
        description="Chương trình từng kỳ họp: ngày, giờ, nội dung, người trình bày hoặc chủ trì.",
        columns=(C("khoa", "Khóa"), C("ky_hop", "Kỳ họp"), C("ngay", "Ngày"), C("gio_bat_dau", "Giờ bắt đầu"),
                 C("noi_dung", "Nội dung"), C("trinh_bay_chu_tri", "Người trình bày / chủ trì")),
        rows=agenda_rows, last_modified=lambda: _latest(_sessions_all()),
        filters=(("khoa", "khóa thứ (số)"),), keywords=("kỳ họp", "chương trình"),
    ))
    register(Dataset(
        slug="dai-bieu", title="Đại biểu Hội đồng nhân dân", frequency="Khi có thay đổi",
        description="Thông tin công khai của đại biểu: họ tên, chức vụ, đơn vị công tác, đơn vị bầu cử, tổ đại biểu, "
                    "khóa (không gồm thư điện tử, điện thoại).",
        columns=(C("ho_ten", "Họ và tên"), C("chuc_vu", "Chức vụ"), C("don_vi_cong_tac", "Đơn vị công tác"),
                 C("don_vi_bau_cu", "Đơn vị bầu cử"), C("to_dai_bieu", "Tổ đại biểu"), C("dia_ban_to", "Địa bàn tổ"),
                 C("khoa", "Khóa"), C("duong_dan", "Đường dẫn")),
        rows=delegate_rows, last_modified=_delegates_updated,
        filters=(("khoa", "khóa thứ (số)"), ("to", "số tổ đại biểu")), keywords=("đại biểu",),
    ))
    register(Dataset(
        slug="lich-cong-tac", title="Lịch công tác", frequency="Hằng tuần",
        description="Lịch công tác đã công bố của Thường trực Hội đồng nhân dân tỉnh, từng buổi.",
        columns=(C("ngay", "Ngày"), C("gio_bat_dau", "Giờ bắt đầu"), C("gio_ket_thuc", "Giờ kết thúc"),
                 C("noi_dung", "Nội dung"), C("lanh_dao_chu_tri", "Lãnh đạo chủ trì"), C("thanh_phan", "Thành phần"),
                 C("dia_diem", "Địa điểm"), C("don_vi_chuan_bi", "Đơn vị chuẩn bị"), C("hoan", "Hoãn")),
        rows=schedule_rows, last_modified=schedule_updated,
        filters=(("tuan", "một tuần ISO, ví dụ 2026-W49"),), keywords=("lịch công tác",),
    ))
    register(Dataset(
        slug="hoi-dap", title="Hỏi đáp đã công bố", frequency="Khi có trả lời mới",
        description="Câu hỏi của người dân và trả lời đã công bố (không gồm tên, liên hệ của người hỏi).",
        columns=(C("ma_so", "Mã số"), C("linh_vuc", "Lĩnh vực"), C("tieu_de", "Tiêu đề"), C("cau_hoi", "Câu hỏi"),
                 C("tra_loi", "Trả lời"), C("don_vi_tra_loi", "Đơn vị trả lời"), C("ngay_hoi", "Ngày hỏi"),
                 C("ngay_tra_loi", "Ngày trả lời"), C("duong_dan", "Đường dẫn")),
        rows=question_rows, last_modified=lambda: _latest(_questions()),
        filters=(("linh-vuc", "lĩnh vực (mã trên đường dẫn)"), ("q", "mã số hoặc từ trong câu hỏi")),
        keywords=("hỏi đáp", "ý kiến người dân"),
    ))
    register(Dataset(
        slug="kien-nghi-cu-tri", title="Kiến nghị cử tri", frequency="Khi có kiến nghị hoặc trả lời mới",
        description="Kiến nghị của cử tri gửi đến kỳ họp và việc giải quyết: số hiệu, nội dung, lĩnh vực, địa bàn, "
                    "cơ quan trả lời, hạn trả lời, trạng thái (quá hạn tính theo giờ Việt Nam). Không có tên, "
                    "liên hệ của cử tri.",
        columns=(C("id", "Mã"), C("so_hieu", "Số hiệu"), C("tieu_de", "Tiêu đề"), C("noi_dung", "Nội dung"),
                 C("linh_vuc", "Lĩnh vực"), C("dia_ban", "Địa bàn"), C("co_quan_tra_loi", "Cơ quan trả lời"),
                 C("ky_hop", "Kỳ họp"), C("so_y_kien", "Số ý kiến"), C("ngay_tiep_nhan", "Ngày tiếp nhận"),
                 C("ngay_chuyen", "Ngày chuyển"), C("han_tra_loi", "Hạn trả lời"), C("trang_thai", "Trạng thái (mã)"),
                 C("trang_thai_ten", "Trạng thái"), C("ngay_trang_thai", "Ngày trạng thái"), C("qua_han", "Quá hạn"),
                 C("ngay_tra_loi", "Ngày trả lời"), C("duong_dan", "Đường dẫn")),
        rows=petition_rows, last_modified=lambda: _latest(_petitions()),
        filters=(("trang-thai", "trạng thái (mã)"), ("dia-ban", "địa bàn (mã trên đường dẫn)"),
                 ("linh-vuc", "lĩnh vực (mã trên đường dẫn)"), ("co-quan", "cơ quan trả lời (mã trên đường dẫn)"),
                 ("ky-hop", "kỳ họp (mã trên đường dẫn)"), ("qua-han", "1: chỉ kiến nghị quá hạn"),
                 ("q", "số hiệu hoặc từ trong kiến nghị")),
        keywords=("kiến nghị cử tri", "tiếp xúc cử tri", "giám sát"),
    ))
    register(Dataset(
        slug="thong-ke-truy-cap", title="Thống kê truy cập và lượt nghe theo tháng", frequency="Hằng ngày",
        description="Tổng số lượt xem trang, lượt truy cập, khách truy cập (đếm theo ngày), lượt bấm nghe và lượt "
                    "nghe hết bài của cổng, theo tháng. Chỉ số tổng hợp, không có dữ liệu từng người.",
        columns=(C("thang", "Tháng"), C("luot_xem_trang", "Lượt xem trang"), C("luot_truy_cap", "Lượt truy cập"),
                 C("khach_truy_cap_theo_ngay", "Khách truy cập (cộng theo ngày)"), C("luot_bam_nghe", "Lượt bấm nghe"),
                 C("luot_nghe_het_bai", "Lượt nghe hết bài")),
        rows=stats_rows, last_modified=stats_updated,
        filters=(("nam", "năm"),), keywords=("thống kê", "truy cập", "nghe"),
    ))


def _sessions_all():
    from loa.council_sessions.models import SessionPage

    return SessionPage.objects.live().public()


def _delegates_updated() -> datetime | None:
    from loa.delegates.models import DelegatePage

    return _latest(DelegatePage.objects.live().public())
