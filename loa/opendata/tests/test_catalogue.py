"""The open-data catalogue: every dataset downloads as CSV (UTF-8 with BOM) and JSON with the same rows,
filters apply as on the pages, the DCAT catalogue lists them all, reviews fall due, downloads are limited."""
from __future__ import annotations

import csv
import io
import json
from datetime import timedelta

import pytest
from django.utils import timezone

from loa.opendata.models import DatasetReview
from loa.opendata.registry import datasets

from .portal import build

EXPECTED = {"van-ban", "ky-hop", "chuong-trinh-ky-hop", "dai-bieu", "lich-cong-tac", "hoi-dap", "thong-ke-truy-cap",
            "kien-nghi-cu-tri"}


@pytest.fixture
def portal(home, library, lookups, settings):
    settings.OPENDATA_RATE_LIMIT = 1000
    return build(home, library, lookups)


def download(client, slug: str, fmt: str, **params):
    response = client.get(f"/du-lieu-mo/{slug}.{fmt}", params)
    assert response.status_code == 200, (slug, fmt, response.status_code)
    body = b"".join(response.streaming_content) if response.streaming else response.content
    return response, body


def as_csv(body: bytes) -> list[list[str]]:
    assert body.startswith("\ufeff".encode()), "no BOM: Excel would garble the Vietnamese"
    return list(csv.reader(io.StringIO(body.decode("utf-8-sig"))))


def test_every_dataset_parses_as_csv_and_json_with_the_same_rows(client, portal):
    assert EXPECTED <= {dataset.slug for dataset in datasets()}
    for dataset in datasets():
        _, csv_body = download(client, dataset.slug, "csv")
        table = as_csv(csv_body)
        assert table[0] == [column.title for column in dataset.columns]
        response, json_body = download(client, dataset.slug, "json")
        document = json.loads(json_body)
        assert response["Content-Type"].startswith("application/json")
        assert document["count"] == len(document["records"]) == len(table) - 1 >= 1, dataset.slug
        assert list(document["records"][0]) == dataset.keys


def test_filters_apply_as_on_the_pages(client, portal):
    def records(slug, **params):
        return json.loads(download(client, slug, "json", **params)[1])["records"]

    assert [r["so_ky_hieu"] for r in records("van-ban", nam="2025")] == ["3/2025/NQ-HĐND"]
    assert [r["so_ky_hieu"] for r in records("van-ban", linh_vuc="y-te")] == ["3/2025/NQ-HĐND"]
    assert [r["tieu_de"] for r in records("hoi-dap", **{"linh-vuc": "y-te"})] == ["Bảo hiểm y tế người cao tuổi"]
    assert [r["thang"] for r in records("thong-ke-truy-cap", nam="2025")] == ["2025-11"]
    assert records("thong-ke-truy-cap", nam="2025")[0]["luot_xem_trang"] == 200
    assert len(records("lich-cong-tac", tuan=str(portal["week"]))) == 1
    assert records("lich-cong-tac", tuan=str(portal["week"].shifted(-5))) == []
    assert [r["tieu_de"] for r in records("kien-nghi-cu-tri", **{"linh-vuc": "giao-thong"})] == ["Nâng cấp đường tỉnh 826"]
    assert len(records("kien-nghi-cu-tri", **{"qua-han": "1"})) == 2  # open, deadline 2025-08-20 passed
    assert [r["tieu_de"] for r in records("kien-nghi-cu-tri", q="bác sĩ")] == ["Bổ sung bác sĩ trạm y tế xã"]
    assert records("dai-bieu", khoa="9") == [] and len(records("dai-bieu", khoa="10")) == 1
    csv_rows = as_csv(download(client, "van-ban", "csv", nam="2024")[1])
    assert [row[0] for row in csv_rows[1:]] == ["25/2024/NQ-HĐND"]


def test_the_catalogue_page_and_the_dcat_catalogue_list_every_dataset(client, portal):
    page = client.get("/du-lieu-mo/").content.decode()
    catalogue = json.loads(client.get("/du-lieu-mo/catalog.jsonld").content)
    assert catalogue["@type"] == "dcat:Catalog" and "dcat" in catalogue["@context"]
    listed = {item["dct:identifier"]: item for item in catalogue["dcat:dataset"]}
    for dataset in datasets():
        assert dataset.title in page and f"/du-lieu-mo/{dataset.slug}.csv" in page
        item = listed[dataset.slug]
        assert item["dct:license"].startswith("https://") and item["dct:accrualPeriodicity"]
        for distribution in item["dcat:distribution"]:
            path = distribution["dcat:downloadURL"].split("://", 1)[1].split("/", 1)[1]
            assert client.get("/" + path).status_code == 200
    assert "dct:modified" in listed["van-ban"]


def test_the_admin_shows_when_a_review_is_due(admin_client, portal):
    listing = admin_client.get("/admin/opendata_reviews/").content.decode()
    assert "Văn bản" in listing and "Đến hạn rà soát" not in listing
    DatasetReview.objects.filter(slug="van-ban").update(review_by=timezone.localdate() - timedelta(days=1))
    assert "Đến hạn rà soát" in admin_client.get("/admin/opendata_reviews/").content.decode()
    assert "đến hạn rà soát: Văn bản" in admin_client.get("/admin/").content.decode()


def test_downloads_are_rate_limited(client, portal, settings):
    from django.core.cache import caches

    caches["limits"].clear()
    settings.OPENDATA_RATE_LIMIT = 2
    assert [client.get("/du-lieu-mo/hoi-dap.json").status_code for _ in range(3)] == [200, 200, 429]
    assert client.get("/du-lieu-mo/khong-co.csv").status_code == 404
