"""Open data: the petitions (with the list's filters) and the meetings, as CSV or JSON.

CSV (UTF-8 with a BOM) or JSON through loa.core.tabular. Nothing about voters exists to export.
"""
from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse

from loa.core.tabular import records_response

from .filters import read_filters


def _iso(value) -> str | None:
    return value.isoformat() if value else None


def petition_record(petition, request: HttpRequest | None = None) -> dict:
    return {
        "id": petition.pk,
        "so_hieu": petition.code,
        "tieu_de": petition.title,
        "noi_dung": petition.content,
        "linh_vuc": petition.topic.name,
        "dia_ban": petition.locality.name,
        "co_quan_tra_loi": petition.agency.name,
        "ky_hop": petition.session.title if petition.session else None,
        "so_y_kien": petition.opinion_count,
        "ngay_tiep_nhan": _iso(petition.received_on),
        "ngay_chuyen": _iso(petition.forwarded_on),
        "han_tra_loi": _iso(petition.deadline),
        "trang_thai": petition.status,
        "trang_thai_ten": petition.status_label,
        "ngay_trang_thai": _iso(petition.status_date),
        "qua_han": petition.overdue,
        "ngay_tra_loi": _iso(petition.answered_on),
        "duong_dan": _url(petition, request),
    }


def _url(page, request: HttpRequest | None) -> str:
    url = page.get_url(request) or ""
    return request.build_absolute_uri(url) if request is not None else url


def meeting_record(meeting, request: HttpRequest | None = None) -> dict:
    return {
        "id": meeting.pk,
        "ngay": _iso(meeting.date),
        "dia_ban": meeting.locality.name,
        "dia_diem": meeting.place,
        "to_dai_bieu": meeting.group.name if meeting.group else None,
        "dai_bieu": [d.title for d in meeting.delegates.all() if d.live],
        "ky_hop": meeting.session.title if meeting.session else None,
        "so_cu_tri": meeting.voters,
        "so_y_kien": meeting.opinions,
    }


def export_petitions(request: HttpRequest, index, fmt: str) -> HttpResponse:
    if fmt not in ("csv", "json"):
        raise Http404("Định dạng không hỗ trợ")
    petitions = read_filters(request).apply(index.petitions())
    return records_response([petition_record(p, request) for p in petitions], fmt, "kien-nghi-cu-tri")


def export_meetings(request: HttpRequest, index, fmt: str) -> HttpResponse:
    from .views import live_meetings

    if fmt not in ("csv", "json"):
        raise Http404("Định dạng không hỗ trợ")
    return records_response([meeting_record(m, request) for m in live_meetings()], fmt, "tiep-xuc-cu-tri")
