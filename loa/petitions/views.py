"""/kien-nghi/ (list with filters and search), /kien-nghi/tong-hop/ (summary) and /kien-nghi/tiep-xuc-cu-tri/."""
from __future__ import annotations

from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse

from loa.core.pagination import paginate

from .chart import bar_chart
from .figures import by_agency, by_session, totals
from .filters import PARAMS, read_filters
from .lookups import Agency, Locality, PetitionTopic, VoterMeeting
from .status import Status


def petition_list(request: HttpRequest, index) -> HttpResponse:
    filters = read_filters(request)
    if any(name in request.GET and not request.GET[name].strip() for name in PARAMS):
        # The form sends every field; the link to share names only the filters chosen (same path: no open redirect).
        query = filters.querystring()
        page_number = request.GET.get("page", "")
        if page_number.isdigit():
            query = f"{query}&page={page_number}" if query else f"page={page_number}"
        return HttpResponseRedirect(f"{request.path}?{query}" if query else request.path)
    petitions = filters.apply(index.petitions())
    from loa.council_sessions.models import SessionPage

    query = filters.querystring()
    return TemplateResponse(request, "petitions/petition_index_page.html", {
        "page": index, "self": index,
        "filters": filters,
        "petitions": paginate(request, petitions),
        "statuses": Status.choices,
        "localities": Locality.objects.all(),
        "topics": PetitionTopic.objects.all(),
        "agencies": Agency.objects.all(),
        "sessions": SessionPage.objects.live().filter(petitions__isnull=False).distinct().order_by("-start_date"),
        "extra_query": query,
        "query_suffix": f"?{query}" if query else "",
    })


def summary(request: HttpRequest, index) -> HttpResponse:
    petitions = list(index.petitions())
    agencies = by_agency(petitions)
    sessions = by_session(petitions)
    return TemplateResponse(request, "petitions/summary.html", {
        "page": index, "self": index,
        "total": totals(petitions),
        "agencies": agencies,
        "sessions": sessions,
        "agency_chart": bar_chart(agencies, "chart-agency-title", "chart-agency-desc"),
        "session_chart": bar_chart(sessions, "chart-session-title", "chart-session-desc"),
    })


def live_meetings():
    return (VoterMeeting.objects.select_related("locality", "group", "session")
            .prefetch_related("delegates").order_by("-date", "pk"))


def meeting_list(request: HttpRequest, index) -> HttpResponse:
    meetings = live_meetings()
    return TemplateResponse(request, "petitions/meeting_list.html", {
        "page": index, "self": index, "meetings": paginate(request, meetings),
    })
