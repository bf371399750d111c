"""/chat-van/: interpellations by session with their commitments; the same as CSV or JSON."""
from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.template.response import TemplateResponse

from loa.core.params import query_param
from loa.core.tabular import records_response


def _filtered(request: HttpRequest, index):
    from loa.council_sessions.models import SessionPage

    items = index.interpellations()
    slug = query_param(request, "ky-hop", 100)
    session = SessionPage.objects.live().filter(slug=slug).first() if slug else None
    if session is not None:
        items = items.filter(session=session)
    return items, session, bool(slug) and session is None


def interpellation_list(request: HttpRequest, index) -> HttpResponse:
    from loa.council_sessions.models import SessionPage

    items, session, unknown = _filtered(request, index)
    groups = index.grouped(items, session)
    return TemplateResponse(request, "interpellations/interpellation_index_page.html", {
        "page": index, "self": index, "groups": groups, "session": session, "unknown_session": unknown,
        "sessions": SessionPage.objects.live().filter(interpellations__isnull=False).distinct()
        .order_by("-start_date"),
        "query_suffix": f"?ky-hop={session.slug}" if session else "",
    })


def record(item, request: HttpRequest) -> dict:
    return {
        "id": item.pk,
        "ky_hop": item.session.title,
        "nguoi_chat_van": item.asker,
        "nguoi_tra_loi": item.official_name,
        "chuc_vu": item.official_title,
        "noi_dung": item.question,
        "tom_tat_tra_loi": item.answer_summary,
        "video": item.video_link or None,
        "cam_ket": [f"{c.text} (hạn {c.due_date:%d/%m/%Y}: {c.get_status_display()})" if c.due_date
                    else f"{c.text} ({c.get_status_display()})" for c in item.commitments.all()],
        "duong_dan": request.build_absolute_uri(item.get_url(request) or "/"),
    }


def export(request: HttpRequest, index, fmt: str) -> HttpResponse:
    if fmt not in ("csv", "json"):
        raise Http404("Định dạng không hỗ trợ")
    items, _, _ = _filtered(request, index)
    return records_response([record(item, request) for item in items], fmt, "chat-van")
