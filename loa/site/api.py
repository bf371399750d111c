"""Read-only Wagtail API v2 (GET only): /api/v2/pages/ and /api/v2/images/.

`?search=` takes words only (quotes and operators are stripped, so no search backend sees
its own syntax from a visitor), and a database error while searching answers an empty
listing instead of a 500.
"""
from __future__ import annotations

import logging

from django.db import DatabaseError, transaction
from rest_framework.response import Response
from wagtail.api.v2.filters import SearchFilter
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet

from loa.core.text import search_words

logger = logging.getLogger(__name__)


class WordsSearchFilter(SearchFilter):
    def filter_queryset(self, request, queryset, view):
        if "search" not in request.GET:
            return queryset
        words = search_words(request.GET["search"])
        if not words:
            return queryset.none()
        query = request._request.GET.copy()
        query["search"] = words
        request._request.GET = query  # what Wagtail's filter (and the rest of this request) reads
        return super().filter_queryset(request, queryset, view)


def words_only(filter_backends: list) -> list:
    return [WordsSearchFilter if backend is SearchFilter else backend for backend in filter_backends]


class SafeSearchMixin:
    def listing_view(self, request):
        if "search" not in request.GET:
            return super().listing_view(request)
        try:
            with transaction.atomic():  # a savepoint: the connection stays usable after a failed search
                return super().listing_view(request)
        except DatabaseError:
            logger.exception("API search failed")
            return Response({"meta": {"total_count": 0}, "items": []})


class LoaPagesAPIViewSet(SafeSearchMixin, PagesAPIViewSet):
    filter_backends = words_only(PagesAPIViewSet.filter_backends)


class LoaImagesAPIViewSet(SafeSearchMixin, ImagesAPIViewSet):
    filter_backends = words_only(ImagesAPIViewSet.filter_backends)


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", LoaPagesAPIViewSet)
api_router.register_endpoint("images", LoaImagesAPIViewSet)
