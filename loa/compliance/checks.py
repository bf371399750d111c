"""Each requirement software can check, as a function returning met or missing, with how to fix it.

The texts: Nghị định 42/2022/NĐ-CP (pages a state portal publishes, in English too), Thông tư
22/2023/TT-BTTTT (EMC monitoring, backup, availability, sitemap), Nghị định 47/2020/NĐ-CP (open
data reviewed at least every six months), and WCAG 2.1 AA (accessibility). `run_checks()` runs
them all; the admin page and `loa check-compliance` show the same list.
"""
from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

from django.urls import NoReverseMatch, reverse
from django.utils import timezone

from . import conf


@dataclass(frozen=True)
class Result:
    key: str
    title: str
    basis: str  # the text that asks for it
    met: bool
    detail: str
    fix_url: str = ""
    fix_label: str = ""


Check = Callable[[], Result]
_checks: list[tuple[str, Check]] = []


def check(title: str) -> Callable[[Check], Check]:
    """Register a check under the title shown when it cannot even run."""
    def add(function: Check) -> Check:
        _checks.append((title, function))
        return function
    return add


def run_checks() -> list[Result]:
    results = []
    for title, function in _checks:
        try:
            results.append(function())
        except Exception as exc:  # noqa: BLE001  one broken check must not hide the others
            results.append(Result(function.__name__, title, "", False, f"Không kiểm tra được ({type(exc).__name__})."))
    return results


def _url(name: str, *args) -> str:
    try:
        return reverse(name, args=args)
    except NoReverseMatch:
        return ""


def _default_site():
    from wagtail.models import Site

    return Site.objects.filter(is_default_site=True).select_related("root_page").first()


def _live_page(slug: str):
    """A live page with this slug in the default site's (Vietnamese) tree."""
    from wagtail.models import Page

    site = _default_site()
    if site is None:
        return None
    return Page.objects.live().public().descendant_of(site.root_page, inclusive=True).filter(slug=slug).first()


@check("Trang giới thiệu bắt buộc")
def required_pages() -> Result:
    required: dict[str, str] = conf.get("COMPLIANCE_REQUIRED_PAGES")
    missing = [title for slug, title in required.items() if _live_page(slug) is None]
    site = _default_site()
    return Result(
        "required_pages", "Trang giới thiệu bắt buộc", "Nghị định 42/2022/NĐ-CP", not missing,
        "Đủ: " + ", ".join(required.values()) if not missing else "Thiếu hoặc chưa xuất bản: " + ", ".join(missing),
        _url("wagtailadmin_explore", site.root_page_id) if site else "", "Mở cây trang",
    )


@check("Trang tiếng Anh")
def english_pages() -> Result:
    from wagtail.models import Locale, Page

    required: dict[str, str] = conf.get("COMPLIANCE_REQUIRED_PAGES")
    english = Locale.objects.filter(language_code="en").first()
    fix = _url("wagtailadmin_explore_root")
    if english is None:
        return Result("english_pages", "Trang tiếng Anh", "Nghị định 42/2022/NĐ-CP", False,
                      "Chưa có ngôn ngữ tiếng Anh (en) và các trang /en/.", fix, "Mở cây trang")
    missing = []
    for slug, title in required.items():
        page = _live_page(slug)
        translation = Page.objects.live().filter(translation_key=page.translation_key, locale=english).first() \
            if page is not None else None
        if translation is None:
            missing.append(title)
    return Result("english_pages", "Trang tiếng Anh", "Nghị định 42/2022/NĐ-CP", not missing,
                  "Đủ bản tiếng Anh của các trang bắt buộc." if not missing
                  else "Chưa có bản tiếng Anh đã xuất bản: " + ", ".join(missing), fix, "Mở cây trang")


def _operator_settings():
    from loa.operator.models import OperatorSettings

    site = _default_site()
    return OperatorSettings.for_site(site) if site else None, _url("wagtailsettings:edit", "operator",
                                                                    "operatorsettings")


@check("Mã giám sát EMC")
def emc_script() -> Result:
    settings, fix = _operator_settings()
    met = bool(settings and settings.emc_script_url)
    return Result("emc_script", "Mã giám sát EMC", "Thông tư 22/2023/TT-BTTTT", met,
                  f"Đã gắn: {settings.emc_script_url}" if met else "Chưa nhập địa chỉ mã giám sát EMC.",
                  fix, "Cài đặt > Thông tin vận hành")


@check("Thông tin liên hệ ở chân trang")
def footer_contacts() -> Result:
    settings, fix = _operator_settings()
    fields = {"agency": "cơ quan chủ quản", "responsible_person": "người chịu trách nhiệm", "address": "địa chỉ",
              "phone": "điện thoại", "email": "thư điện tử"}
    missing = [label for name, label in fields.items() if not (settings and getattr(settings, name))]
    return Result("footer_contacts", "Thông tin liên hệ ở chân trang", "Nghị định 42/2022/NĐ-CP", not missing,
                  "Đủ thông tin liên hệ." if not missing else "Thiếu: " + ", ".join(missing), fix,
                  "Cài đặt > Thông tin vận hành")


@check("Sao lưu gần đây")
def backups_recent() -> Result:
    folder = Path(str(conf.get("COMPLIANCE_BACKUP_DIR")))
    hours = int(conf.get("COMPLIANCE_BACKUP_MAX_AGE_HOURS"))
    archives = [path for path in folder.glob("*.tar*") if path.is_file()] if folder.is_dir() else []
    newest = max(archives, key=lambda path: path.stat().st_mtime, default=None)
    if newest is None:
        return Result("backups_recent", "Sao lưu gần đây", "Thông tư 22/2023/TT-BTTTT", False,
                      f"Không có bản sao lưu nào trong {folder} (lệnh `loa backup`, bộ hẹn giờ loa-backup.timer).")
    age_hours = (time.time() - newest.stat().st_mtime) / 3600
    return Result("backups_recent", "Sao lưu gần đây", "Thông tư 22/2023/TT-BTTTT", age_hours <= hours,
                  f"Bản mới nhất: {newest.name}, cách đây {age_hours:.0f} giờ (tối đa {hours} giờ).")


@check("Tình trạng hoạt động (/healthz)")
def healthz() -> Result:
    from loa.core.health import OK, health

    report = health()
    problems = [f"{key}: {value}" for key, value in report.items() if key not in ("status", "details") and value != OK]
    return Result("healthz", "Tình trạng hoạt động (/healthz)", "Thông tư 22/2023/TT-BTTTT", report["status"] == OK,
                  "Cơ sở dữ liệu, bộ nhớ đệm, tiến trình nền và ổ đĩa đều tốt." if not problems
                  else "; ".join(problems), _url("healthz"), "/healthz")


@check("Sơ đồ trang (sitemap.xml)")
def sitemap() -> Result:
    from django.test import RequestFactory
    from wagtail.contrib.sitemaps.views import sitemap as sitemap_view

    site = _default_site()
    if site is None:
        return Result("sitemap", "Sơ đồ trang (sitemap.xml)", "Thông tư 22/2023/TT-BTTTT", False, "Chưa có trang web.")
    request = RequestFactory(SERVER_NAME=site.hostname, SERVER_PORT=str(site.port)).get("/sitemap.xml")
    response = sitemap_view(request)
    response.render()
    count = response.content.count(b"<loc>")
    return Result("sitemap", "Sơ đồ trang (sitemap.xml)", "Thông tư 22/2023/TT-BTTTT",
                  response.status_code == 200 and count > 1,
                  f"{count} địa chỉ trong sitemap.xml." if count else "sitemap.xml không có trang nào.",
                  _url("sitemap"), "/sitemap.xml")


@check("Rà soát dữ liệu mở")
def open_data_review() -> Result:
    from loa.opendata.models import overdue_reviews

    due = overdue_reviews()
    return Result("open_data_review", "Rà soát dữ liệu mở", "Nghị định 47/2020/NĐ-CP", not due,
                  "Mọi bộ dữ liệu còn hạn rà soát." if not due
                  else "Đến hạn rà soát: " + ", ".join(str(review) for review in due),
                  _url("opendata_reviews:index"), "Cài đặt > Rà soát dữ liệu mở")


@check("Khả năng tiếp cận (axe-core)")
def accessibility() -> Result:
    from .models import AccessibilityRun

    last = AccessibilityRun.objects.first()
    days = int(conf.get("COMPLIANCE_AXE_MAX_AGE_DAYS"))
    basis = "WCAG 2.1 mức AA"
    if last is None:
        return Result("accessibility", "Khả năng tiếp cận (axe-core)", basis, False,
                      "Chưa có lần kiểm tra nào được ghi (lệnh `loa record-axe TỆP.json`).")
    recent = last.ran_at >= timezone.now() - timedelta(days=days)
    detail = f"Lần gần nhất {timezone.localtime(last.ran_at):%d/%m/%Y}: {last.pages} trang, {last.violations} lỗi."
    if not recent:
        detail += f" Đã quá {days} ngày, cần kiểm tra lại."
    return Result("accessibility", "Khả năng tiếp cận (axe-core)", basis, recent and last.violations == 0, detail)
