"""Which languages the public site has, and a page's versions in each of them."""
from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.utils import translation
from wagtail.models import Locale, Page, Site

DEFAULT = "vi"
NAMES = {"vi": "Tiếng Việt", "en": "English"}


@dataclass(frozen=True)
class Version:
    code: str
    name: str
    url: str  # absolute, for hreflang
    link: str  # as the site links it (relative on a one-site portal), for the switcher
    current: bool


def public_languages() -> list[str]:
    return [code for code, _ in settings.LANGUAGES]


def current_language() -> str:
    code = (translation.get_language() or DEFAULT).split("-")[0]
    return code if code in public_languages() else DEFAULT


def site_root(request) -> Page | None:
    site = Site.find_for_request(request) if request is not None else None
    return site.root_page if site else None


def home_in(root: Page, code: str) -> Page | None:
    locale = Locale.objects.filter(language_code=code).first()
    if locale is None:
        return None
    home = root.get_translation_or_none(locale)
    return home if home is not None and home.live else None


def versions(page: Page | None, request) -> list[Version]:
    """The page in each language where a live translation exists (the page itself included)."""
    if page is None or not isinstance(page, Page):
        return []
    found = []
    for code in public_languages():
        locale = Locale.objects.filter(language_code=code).first()
        other = page if page.locale_id == getattr(locale, "pk", None) else (
            page.get_translation_or_none(locale) if locale else None)
        if other is not None and other.live:
            found.append(Version(code, NAMES.get(code, code), other.get_full_url(request), other.get_url(request),
                                 other.pk == page.pk))
    return found


def switch_targets(page: Page | None, request) -> list[Version]:
    """For the switcher: each other language, linked to this page's translation or else that language's home."""
    current = current_language()
    root = site_root(request)
    by_code = {version.code: version for version in versions(page, request)}
    targets = []
    for code in public_languages():
        if code == current:
            continue
        if code in by_code:
            targets.append(by_code[code])
        elif root is not None and (home := home_in(root, code)) is not None:
            targets.append(Version(code, NAMES.get(code, code), home.get_full_url(request), home.get_url(request),
                                   False))
    return targets
