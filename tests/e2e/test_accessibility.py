"""axe-core (WCAG 2.1 A and AA) on every public page type, in the normal and the high-contrast mode."""
from __future__ import annotations

import json

from loa.pages.demo.content import SEED_ARTICLE
from loa.readaloud.tests.helpers import run_tasks

from .test_player import axe_violations

PHONE = {"width": 360, "height": 740}


def page_types(demo_site: str) -> dict[str, str]:
    from loa.pages.models import ArticlePage

    seed = ArticlePage.objects.get(slug=SEED_ARTICLE.slug)
    return {
        "home": "/",
        "category": f"/{SEED_ARTICLE.category}/",
        "article (mini-player on screen)": seed.url,
        "listening page with a listen-later list": "/nghe/",
        "search results": "/tim-kiem/?q=hoi+dong+nhan+dan",
        "embedded player": f"/embed/{seed.pk}/",
        "not found": "/khong-co-trang-nay/",
    }


def test_axe_finds_no_wcag21_aa_violation_on_any_page_type_in_both_contrast_modes(new_context, demo_site):
    from loa.pages.models import ArticlePage

    run_tasks()
    seed = ArticlePage.objects.get(slug=SEED_ARTICLE.slug)
    later = json.dumps([{"id": seed.pk, "title": seed.title, "url": seed.url}])
    failures = []
    # The normal mode on a desktop screen, high contrast on a phone (where the mini-player covers more).
    for contrast, viewport in (("normal", {"width": 1280, "height": 900}), ("high", PHONE)):
        context = new_context(viewport=viewport)
        context.add_init_script(f"localStorage.setItem('loa.readaloud.later', {json.dumps(later)});"
                                + ("document.cookie = 'loa_contrast=high; path=/';" if contrast == "high" else ""))
        page = context.new_page()
        for name, path in page_types(demo_site).items():
            page.goto(demo_site + path)
            page.wait_for_load_state("load")
            assert page.evaluate("document.documentElement.dataset.contrast || 'normal'") == contrast
            if path == seed.url:
                page.wait_for_selector("[data-readaloud-player][data-status=ready]")
                page.get_by_role("button", name="Nghe", exact=True).click()
                page.wait_for_function("document.querySelector('[data-readaloud-player] audio').currentTime > 0.2")
                page.evaluate("window.scrollTo(0, 2500)")
                page.wait_for_selector("[data-readaloud-mini]:not([hidden])")
                page.locator("[data-mini=play]").click()  # paused from the mini-player, which stays on screen
                page.wait_for_selector("[data-readaloud-mini]:not([hidden])")
            if path == "/nghe/":
                page.wait_for_selector("[data-listen-later]:not([hidden])")
            count, report = axe_violations(page)
            if count:
                failures.append(f"{name} ({contrast}, {viewport['width']} px):\n{report}")
        context.close()
    assert not failures, "\n\n".join(failures)
