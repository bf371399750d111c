"""The library's filters: ?loai=, ?co_quan=, ?linh_vuc=, ?nam=, ?q=, combinable plain GET parameters,
and the context of the filtered list (/van-ban/)."""
from __future__ import annotations

from dataclasses import dataclass, replace
from urllib.parse import urlencode

from django.http import HttpRequest

from loa.core.pagination import paginate
from loa.core.params import query_param
from loa.core.text import search_words

from . import conf
from .lookups import DocumentField, DocumentType, IssuingBody
from .numbers import looks_like_number, number_key

MAX_QUERY_LENGTH = 200
MAX_TEXT_MATCHES = 2000


@dataclass(frozen=True)
class Filters:
    loai: DocumentType | None = None
    co_quan: IssuingBody | None = None
    linh_vuc: DocumentField | None = None
    nam: int | None = None
    q: str = ""

    @property
    def active(self) -> bool:
        return any((self.loai, self.co_quan, self.linh_vuc, self.nam, self.q))

    def params(self) -> dict[str, str]:
        values = {
            "loai": self.loai.slug if self.loai else "",
            "co_quan": self.co_quan.slug if self.co_quan else "",
            "linh_vuc": self.linh_vuc.slug if self.linh_vuc else "",
            "nam": str(self.nam) if self.nam else "",
            "q": self.q,
        }
        return {key: value for key, value in values.items() if value}

    def query(self, **changes) -> str:
        """The query string of these filters with `changes` applied (None removes one)."""
        return urlencode(replace(self, **changes).params())


def parse_filters(request: HttpRequest) -> Filters:
    """Unknown values are ignored rather than giving an error: a stale shared link still lists documents."""
    def lookup(model, name):
        slug = query_param(request, name, 100)
        return model.objects.filter(slug=slug).first() if slug else None

    year = query_param(request, "nam", 4)
    return Filters(
        loai=lookup(DocumentType, "loai"),
        co_quan=lookup(IssuingBody, "co_quan"),
        linh_vuc=lookup(DocumentField, "linh_vuc"),
        nam=int(year) if year.isdigit() and 1900 <= int(year) <= 2999 else None,
        q=query_param(request, "q", MAX_QUERY_LENGTH),
    )


def apply_filters(queryset, filters: Filters):
    if filters.loai:
        queryset = queryset.filter(doc_type=filters.loai)
    if filters.co_quan:
        queryset = queryset.filter(issuer=filters.co_quan)
    if filters.linh_vuc:
        queryset = queryset.filter(subjects=filters.linh_vuc)
    if filters.nam:
        queryset = queryset.filter(issued_date__year=filters.nam)
    if filters.q:
        queryset = match_query(queryset, filters.q)
    return queryset


def match_query(queryset, query: str):
    """Documents whose số ký hiệu starts as typed ("25/2024/NQ-HĐND", "25/2024", "nq hdnd 25" folded), else
    whose text has every word of the query (diacritics and case ignored)."""
    if looks_like_number(query):
        by_number = queryset.filter(number_key__startswith=number_key(query))
        if by_number.exists():
            return by_number
    words = search_words(query, folded=True)
    if not words:
        return queryset.none()
    matches = queryset.model.objects.live().search(words, operator="and", order_by_relevance=False)
    ids = [page.pk for page in matches[:MAX_TEXT_MATCHES]]
    return queryset.filter(pk__in=ids)


def options(index) -> dict:
    """What the filter form offers: only values that some document in this library has."""
    documents = index.documents()
    years = [day.year for day in documents.order_by().dates("issued_date", "year", order="DESC")]
    return {
        "types": DocumentType.objects.filter(pk__in=documents.values("doc_type")),
        "issuers": IssuingBody.objects.filter(pk__in=documents.values("issuer")),
        "fields": DocumentField.objects.filter(pk__in=documents.model.subjects.through.objects.filter(
            documentpage__in=documents.values("pk")).values("documentfield")),
        "years": years,
    }


def library_context(index, request: HttpRequest) -> dict:
    filters = parse_filters(request)
    results = apply_filters(index.documents(), filters).distinct()
    page_obj = paginate(request, results, int(conf.get("DOCUMENTS_PER_PAGE")))
    return {
        "filters": filters,
        "options": options(index),
        "documents": page_obj,
        "extra_query": filters.query(),
        "search_query": "",
    }
