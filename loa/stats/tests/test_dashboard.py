"""The Wagtail dashboard: admin only, chart + table, CSV export."""
from __future__ import annotations

import csv
import io
from datetime import timedelta

import pytest
from django.contrib.auth.models import Group, Permission
from django.urls import reverse

from loa.stats import clock
from loa.stats.models import DailyChoice, DailyListen, DailyPageView, DailyTotal

pytestmark = pytest.mark.django_db


@pytest.fixture
def numbers():
    today = clock.today()
    for back in range(40):
        DailyTotal.objects.create(day=today - timedelta(days=back), visitors=10 + back, visits=20 + back, views=53082 - back, listens=back)
    DailyPageView.objects.create(day=today, path="/tin-tuc/ky-hop-thu-9/", views=500)
    DailyPageView.objects.create(day=today, path="/", views=900)
    DailyListen.objects.create(day=today, page_id=999999, plays=10, listens=8, reached_25=8, reached_50=6, reached_75=5, reached_100=4)
    DailyChoice.objects.create(day=today, kind="voice", value="nu-mien-bac", listens=8)


def test_anonymous_visitors_are_sent_to_the_login(client):
    response = client.get(reverse("stats_dashboard"))
    assert response.status_code == 302 and "/admin/login/" in response["Location"]
    assert client.get(reverse("stats_export")).status_code == 302


def test_editors_without_the_permission_get_no_numbers(client, django_user_model, numbers):
    editor = django_user_model.objects.create_user("bientap", password="x")
    group = Group.objects.create(name="Biên tập thử")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    editor.groups.add(group)
    client.force_login(editor)
    response = client.get(reverse("stats_dashboard"), follow=True)
    assert "53.082" not in response.content.decode()
    assert client.get(reverse("stats_export")).status_code in (302, 403)
    assert reverse("stats_dashboard") not in client.get("/admin/").content.decode()  # no menu item

    group.permissions.add(Permission.objects.get(codename="view_statistics"))
    editor = django_user_model.objects.get(pk=editor.pk)
    client.force_login(editor)
    assert client.get(reverse("stats_dashboard")).status_code == 200


def test_dashboard_shows_chart_table_and_tops(admin_client, numbers):
    assert reverse("stats_dashboard") in admin_client.get("/admin/").content.decode()  # the menu item
    response = admin_client.get(reverse("stats_dashboard"))
    html = response.content.decode()
    assert response.status_code == 200
    assert '<svg class="stats-chart" viewBox=' in html and 'aria-labelledby="stats-chart-title"' in html
    assert html.count("<polyline") == 2 and html.count("<rect") == 30
    assert "53.082" in html and "53.053" in html and "53.052" not in html  # 30 days, not 40
    assert "/tin-tuc/ky-hop-thu-9/" in html and "nu-mien-bac" in html
    assert "Trang #999999" in html and "40 %" in html  # 4 of 10 plays heard to the end


def csv_text(response) -> str:
    assert response.streaming  # streamed row by row, never built in memory
    return b"".join(response.streaming_content).decode("utf-8-sig")


def test_csv_export_has_one_row_per_day(admin_client, numbers):
    response = admin_client.get(reverse("stats_export"))
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(csv_text(response))))
    assert rows[0] == ["ngay", "nguoi_truy_cap", "luot_truy_cap", "luot_xem_trang", "luot_bat_nghe", "luot_nghe"]
    assert len(rows) == 31
    assert rows[-1] == [clock.today().isoformat(), "10", "20", "53082", "0", "0"]
    pages = list(csv.reader(io.StringIO(csv_text(admin_client.get(reverse("stats_export") + "?kind=pages")))))
    assert [clock.today().isoformat(), "/", "900"] in pages


def test_csv_file_name_never_echoes_the_request(admin_client, numbers):
    response = admin_client.get(reverse("stats_export") + '?kind=x.bat"; filename*=UTF-8\'\'evil.bat')
    assert response["Content-Disposition"] == f'attachment; filename="thong-ke-days-{clock.today().isoformat()}.csv"'
