"""/du-lieu-mo/: the catalogue page, each dataset as CSV or JSON (with the pages' filters), and the
DCAT-style JSON-LD catalogue national portals harvest."""
from __future__ import annotations

import json
import math
from itertools import islice

from django.http import Http404, HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone

from loa.core.ratelimit import client_over_limit

from . import conf
from .formats import csv_lines, json_document
from .models import reviews
from .registry import Dataset, datasets, get

CATALOGUE_CONTEXT = {
    "dcat": "http://www.w3.org/ns/dcat#", "dct": "http://purl.org/dc/terms/",
    "foaf": "http://xmlns.com/foaf/0.1/", "xsd": "http://www.w3.org/2001/XMLSchema#",
}


def licence(dataset: Dataset) -> tuple[str, str]:
    return dataset.licence or str(conf.get("OPENDATA_LICENCE_NAME")), str(conf.get("OPENDATA_LICENCE_URL"))


def _entries(request: HttpRequest) -> list[dict]:
    review_rows = reviews()
    return [{"dataset": dataset, "modified": dataset.last_modified(), "licence": licence(dataset),
             "review": review_rows.get(dataset.slug),
             "csv": reverse("opendata:download", args=[dataset.slug, "csv"]),
             "json": reverse("opendata:download", args=[dataset.slug, "json"])} for dataset in datasets()]


def catalogue(request: HttpRequest) -> HttpResponse:
    return render(request, "opendata/catalogue.html", {
        "entries": _entries(request), "catalogue_url": reverse("opendata:catalogue_jsonld"),
    })


def _limited(request: HttpRequest) -> HttpResponse | None:
    retry = client_over_limit(request, "opendata", int(conf.get("OPENDATA_RATE_LIMIT")),
                              int(conf.get("OPENDATA_RATE_WINDOW")))
    if retry is None:
        return None
    response = HttpResponse(f"Quá nhiều lượt tải trong thời gian ngắn; vui lòng thử lại sau khoảng "
                            f"{max(1, math.ceil(retry / 60))} phút.\n", status=429,
                            content_type="text/plain; charset=utf-8")
    response["Retry-After"] = str(retry)
    return response


def download(request: HttpRequest, slug: str, fmt: str) -> HttpResponse:
    dataset = get(slug)
    if dataset is None or fmt not in ("csv", "json"):
        raise Http404("Không có bộ dữ liệu này.")
    refused = _limited(request)
    if refused is not None:
        return refused
    rows = islice(dataset.rows(request), int(conf.get("OPENDATA_MAX_ROWS")))
    filename = f"{slug}-{timezone.localdate():%Y%m%d}.{fmt}"
    if fmt == "csv":
        response: HttpResponse = StreamingHttpResponse(csv_lines(dataset, rows), content_type="text/csv; charset=utf-8")
    else:
        modified = dataset.last_modified()
        meta = {"dataset": dataset.slug, "title": dataset.title, "licence": licence(dataset)[1],
                "modified": modified.isoformat() if modified else None,
                "filters": {name: request.GET[name] for name, _ in dataset.filters if request.GET.get(name)}}
        response = HttpResponse(json_document(dataset, rows, meta), content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Access-Control-Allow-Origin"] = "*"  # open data: any site may read it
    return response


def _distribution(request: HttpRequest, dataset: Dataset, fmt: str, media_type: str) -> dict:
    return {"@type": "dcat:Distribution", "dct:format": fmt.upper(), "dcat:mediaType": media_type,
            "dcat:downloadURL": request.build_absolute_uri(reverse("opendata:download", args=[dataset.slug, fmt])),
            "dct:license": licence(dataset)[1]}


def catalogue_jsonld(request: HttpRequest) -> HttpResponse:
    from loa.pages.models import SiteBranding

    publisher = SiteBranding.for_request(request).site_name
    items = []
    for entry in _entries(request):
        dataset, modified = entry["dataset"], entry["modified"]
        items.append({
            "@type": "dcat:Dataset", "@id": request.build_absolute_uri(f"{reverse('opendata:catalogue')}#{dataset.slug}"),
            "dct:identifier": dataset.slug, "dct:title": dataset.title, "dct:description": dataset.description,
            "dct:language": "vi", "dct:publisher": {"@type": "foaf:Organization", "foaf:name": publisher},
            "dct:license": entry["licence"][1], "dct:accrualPeriodicity": dataset.frequency,
            **({"dct:modified": {"@value": modified.isoformat(), "@type": "xsd:dateTime"}} if modified else {}),
            "dcat:keyword": list(dataset.keywords),
            "dcat:landingPage": request.build_absolute_uri(reverse("opendata:catalogue")),
            "dcat:distribution": [_distribution(request, dataset, "csv", "text/csv"),
                                  _distribution(request, dataset, "json", "application/json")],
        })
    document = {
        "@context": CATALOGUE_CONTEXT, "@type": "dcat:Catalog",
        "@id": request.build_absolute_uri(reverse("opendata:catalogue_jsonld")),
        "dct:title": f"Dữ liệu mở – {publisher}", "dct:language": "vi",
        "dct:publisher": {"@type": "foaf:Organization", "foaf:name": publisher},
        "dcat:dataset": items,
    }
    response = HttpResponse(json.dumps(document, ensure_ascii=False, indent=1),
                            content_type="application/ld+json; charset=utf-8")
    response["Access-Control-Allow-Origin"] = "*"
    return response
