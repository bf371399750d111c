"""Paged listings: every list of pages, documents or questions is cut the same way."""
from __future__ import annotations

from django.core.paginator import Page as PaginatorPage
from django.core.paginator import Paginator
from django.http import HttpRequest

PER_PAGE = 10


def paginate(request: HttpRequest, queryset, per_page: int = PER_PAGE) -> PaginatorPage:
    """The requested page (`?page=N`) of `queryset`; out-of-range or junk numbers give the nearest valid page."""
    return Paginator(queryset, per_page).get_page(request.GET.get("page"))
