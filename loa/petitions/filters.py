"""The petitions' filters, read from plain GET parameters that combine and can be shared.

?trang-thai=da-tra-loi&dia-ban=xa-tan-phu&linh-vuc=giao-thong&co-quan=so-gtvt&ky-hop=ky-hop-thu-25&qua-han=1&q=...
The list, the feeds and the CSV/JSON exports read the same ones (listed in loa/core/cache_params.py).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.db.models import QuerySet
from django.http import HttpRequest

from loa.core.params import query_param
from loa.core.search import containing_every_word

from .lookups import Agency, Locality, PetitionTopic
from .status import OPEN_STATUSES, Status, local_today

PARAMS = ("trang-thai", "dia-ban", "linh-vuc", "co-quan", "ky-hop", "qua-han", "q")


@dataclass
class PetitionFilters:
    status: str = ""
    locality: Locality | None = None
    topic: PetitionTopic | None = None
    agency: Agency | None = None
    session: object | None = None  # a SessionPage
    overdue: bool = False
    query: str = ""
    unknown: list[str] = field(default_factory=list)  # parameters whose value matched nothing

    def params(self) -> dict[str, str]:
        values = {
            "trang-thai": self.status,
            "dia-ban": self.locality.slug if self.locality else "",
            "linh-vuc": self.topic.slug if self.topic else "",
            "co-quan": self.agency.slug if self.agency else "",
            "ky-hop": self.session.slug if self.session else "",
            "qua-han": "1" if self.overdue else "",
            "q": self.query,
        }
        return {k: v for k, v in values.items() if v}

    def querystring(self) -> str:
        return urlencode(self.params())

    @property
    def active(self) -> bool:
        return bool(self.params())

    def describe(self) -> str:
        """The filters in words, for headings and feed titles."""
        parts = []
        if self.status:
            parts.append(f"trạng thái “{Status(self.status).label}”")
        if self.overdue:
            parts.append("quá hạn")
        if self.locality:
            parts.append(self.locality.name)
        if self.topic:
            parts.append(f"lĩnh vực {self.topic.name}")
        if self.agency:
            parts.append(self.agency.name)
        if self.session:
            parts.append(self.session.title)
        if self.query:
            parts.append(f"khớp “{self.query}”")
        return ", ".join(parts)

    def apply(self, petitions: QuerySet) -> QuerySet:
        if self.status:
            petitions = petitions.filter(status=self.status)
        if self.locality:
            petitions = petitions.filter(locality=self.locality)
        if self.topic:
            petitions = petitions.filter(topic=self.topic)
        if self.agency:
            petitions = petitions.filter(agency=self.agency)
        if self.session:
            petitions = petitions.filter(session=self.session)
        if self.overdue:
            petitions = petitions.filter(status__in=OPEN_STATUSES, deadline__lt=local_today())
        # Every word in the folded text (title, số hiệu, content, answer).
        return containing_every_word(petitions, self.query)


def read_filters(request: HttpRequest) -> PetitionFilters:
    from loa.council_sessions.models import SessionPage

    found = PetitionFilters()
    status = query_param(request, "trang-thai", 30)
    if status in Status.values:
        found.status = status
    elif status:
        found.unknown.append("trang-thai")
    for name, attr, model in (("dia-ban", "locality", Locality), ("linh-vuc", "topic", PetitionTopic),
                              ("co-quan", "agency", Agency)):
        slug = query_param(request, name, 100)
        if slug:
            row = model.objects.filter(slug=slug).first()
            setattr(found, attr, row)
            if row is None:
                found.unknown.append(name)
    session_slug = query_param(request, "ky-hop", 100)
    if session_slug:
        found.session = SessionPage.objects.live().filter(slug=session_slug).first()
        if found.session is None:
            found.unknown.append("ky-hop")
    found.overdue = query_param(request, "qua-han", 5) in ("1", "co")
    found.query = query_param(request, "q", 200)
    return found
