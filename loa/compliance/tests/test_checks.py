"""Each compliance item is missing on a bare portal and turns met once the office fixes it; the admin page
and `loa check-compliance` (exit 1 while anything is missing) show the same list."""
from __future__ import annotations

import io
import json
import os
import time

import pytest
from django.core.management import call_command

from loa.compliance.checks import run_checks
from loa.pages.demo.loader import ensure_roots
from loa.pages.tests.factories import make_home


def status() -> dict[str, bool]:
    return {result.key: result.met for result in run_checks()}


@pytest.fixture
def home(db, settings, tmp_path):
    settings.COMPLIANCE_BACKUP_DIR = str(tmp_path / "backups")
    ensure_roots()
    return make_home()


def fix_required_pages(home) -> None:
    from loa.infopages.demo import load_info_pages

    load_info_pages(home)


def fix_english_pages(home) -> None:
    from wagtail.models import Locale, Page

    english = Locale.objects.get_or_create(language_code="en")[0]
    for slug in ("gioi-thieu", "chuc-nang-nhiem-vu", "co-cau-to-chuc", "lien-he", "lanh-dao"):
        page = Page.objects.get(slug=slug, locale__language_code="vi").specific
        if page.get_translation_or_none(english) is None:
            page.copy_for_translation(english, copy_parents=True).save_revision().publish()
    for page in Page.objects.filter(locale=english, live=False):
        page.specific.save_revision().publish()


def fix_operator(home, **fields) -> None:
    from wagtail.models import Site

    from loa.operator.models import OperatorSettings

    settings = OperatorSettings.for_site(Site.objects.get(is_default_site=True))
    for name, value in fields.items():
        setattr(settings, name, value)
    settings.save()


def fix_backup(settings, age_hours: float = 1) -> None:
    folder = settings.COMPLIANCE_BACKUP_DIR
    os.makedirs(folder, exist_ok=True)
    path = os.path.join(folder, "loa-20261207-0300.tar.gz")
    with open(path, "wb") as archive:
        archive.write(b"x")
    stamp = time.time() - age_hours * 3600
    os.utime(path, (stamp, stamp))


def fix_health() -> None:
    from loa.core import heartbeat

    heartbeat.beat("compliance-test:1")


def record_axe(tmp_path, violations: list) -> None:
    path = tmp_path / "axe.json"
    path.write_text(json.dumps([{"url": "http://localhost/", "violations": violations},
                                {"url": "http://localhost/en/", "violations": []}]), encoding="utf-8")
    call_command("record_axe", str(path), stdout=io.StringIO())


def test_each_item_turns_from_missing_to_met_when_fixed(home, settings, tmp_path):
    from loa.opendata.models import DatasetReview, reviews

    before = status()
    assert not any(before[key] for key in ("required_pages", "english_pages", "emc_script", "footer_contacts",
                                           "backups_recent", "accessibility")), before
    fix_required_pages(home)
    assert status()["required_pages"] and not status()["english_pages"]
    fix_english_pages(home)
    assert status()["english_pages"]
    fix_operator(home, emc_script_url="https://emc.example.vn/emc.js")
    assert status()["emc_script"] and not status()["footer_contacts"]
    fix_operator(home, agency="Văn phòng HĐND tỉnh", responsible_person="Chánh Văn phòng",
                 address="Số 1 đường Trung tâm", phone="0272 3 000 000", email="vanphong@hdnd.example.vn")
    assert status()["footer_contacts"]
    fix_backup(settings, age_hours=50)
    assert not status()["backups_recent"]  # too old
    fix_backup(settings, age_hours=1)
    assert status()["backups_recent"]
    fix_health()
    assert status()["healthz"]
    assert status()["sitemap"]
    reviews()
    DatasetReview.objects.filter(slug="van-ban").update(review_by="2020-01-01")
    assert not status()["open_data_review"]
    DatasetReview.objects.filter(slug="van-ban").update(review_by="2099-01-01")
    assert status()["open_data_review"]
    record_axe(tmp_path, [{"id": "color-contrast", "impact": "serious", "nodes": [{}, {}]}])
    assert not status()["accessibility"]
    record_axe(tmp_path, [])
    assert all(status().values()), status()


def test_the_command_exits_1_while_something_is_missing_and_0_when_all_is_met(home, settings, tmp_path):
    out = io.StringIO()
    with pytest.raises(SystemExit) as exit_:
        call_command("check_compliance", stdout=out, stderr=io.StringIO())
    assert exit_.value.code == 1 and "THIẾU" in out.getvalue()
    fix_required_pages(home)
    fix_english_pages(home)
    fix_operator(home, emc_script_url="https://emc.example.vn/emc.js", agency="VP", responsible_person="CVP",
                 address="Số 1", phone="0272 3 000 000", email="vanphong@hdnd.example.vn")
    fix_backup(settings)
    fix_health()
    record_axe(tmp_path, [])
    out = io.StringIO()
    call_command("check_compliance", "--json", stdout=out)
    assert all(item["met"] for item in json.loads(out.getvalue()))


def test_the_admin_page_lists_each_item_with_a_link_to_fix_it(admin_client, home, client, django_user_model):
    html = admin_client.get("/admin/kiem-tra-tuan-thu/").content.decode()
    assert 'data-check="emc_script" data-met="no"' in html and "Cài đặt &gt; Thông tin vận hành" in html
    assert "/admin/kiem-tra-tuan-thu/" in admin_client.get("/admin/").content.decode()  # the settings menu
    editor = django_user_model.objects.create_user("bientap", password="x")
    from django.contrib.auth.models import Permission

    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(editor)
    assert client.get("/admin/kiem-tra-tuan-thu/").status_code in (302, 403)


def test_a_file_that_is_not_axe_output_is_refused(db, tmp_path):
    from django.core.management.base import CommandError

    path = tmp_path / "other.json"
    path.write_text('{"hello": 1}', encoding="utf-8")
    with pytest.raises(CommandError, match="axe-core"):
        call_command("record_axe", str(path))
