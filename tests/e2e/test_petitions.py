"""Kiến nghị cử tri in headless Chromium: a commune's overdue petitions as a shareable URL, a petition's answer
played with highlighting, the summary chart matching its table, 360 px; axe-core finds no WCAG 2.1 AA violation."""
from __future__ import annotations

import json
from datetime import timedelta

from loa.readaloud.tests.helpers import run_tasks

from .test_council import assert_accessible, assert_fits_360, query_of
from .test_csp import violations, watched  # noqa: F401  the fixture, used below

HIGHLIGHTED = "(() => { const h = CSS.highlights.get('loa-readaloud'); return h ? [...h][0].toString() : null; })()"


def test_filter_to_a_communes_overdue_petitions_gives_a_shareable_url(page, demo_site):
    from loa.petitions.models import PetitionPage

    page.goto(demo_site + "/")
    page.get_by_role("link", name="Kiến nghị cử tri").first.click()
    page.wait_for_selector("h1:has-text('Kiến nghị cử tri')")
    assert_accessible(page)
    page.select_option("#kn-locality", label="Xã Tân Phú")
    page.check("#kn-overdue")
    page.get_by_role("button", name="Lọc").click()
    page.wait_for_url("**/kien-nghi/?*")
    assert query_of(page.url)["dia-ban"] == ["tan-phu"] and query_of(page.url)["qua-han"] == ["1"]
    assert page.url.endswith("/kien-nghi/?dia-ban=tan-phu&qua-han=1")  # empty fields left out: a clean link
    shown = sorted(page.locator(".petition-item h2 a").all_inner_texts())
    expected = sorted(p.title for p in PetitionPage.objects.live().filter(locality__slug="tan-phu") if p.overdue)
    assert shown == expected and shown
    assert page.locator(".petition-overdue-tag").count() == len(shown)
    assert page.locator("#kn-overdue").is_checked() and page.locator("#kn-locality").input_value() == "tan-phu"
    assert_accessible(page)
    other = page.context.new_page()
    other.goto(page.url)  # the shared link gives the same list
    assert sorted(other.locator(".petition-item h2 a").all_inner_texts()) == shown
    # Its feed follows the same filter.
    atom = page.get_by_role("link", name="Atom").get_attribute("href")
    assert query_of(atom) == query_of(page.url)
    feed = other.request.get(demo_site + atom).text()
    assert all(title in feed for title in shown)
    page.set_viewport_size({"width": 360, "height": 740})
    assert_fits_360(page)
    page.locator(".petition-item h2 a").first.click()
    page.wait_for_selector(".petition-timeline")
    assert "Hết hạn trả lời" in page.inner_text(".petition-timeline")
    assert_fits_360(page)
    assert_accessible(page)


def test_summary_chart_matches_its_table(page, demo_site, watched):  # noqa: F811
    page.goto(demo_site + "/kien-nghi/tong-hop/")
    for section in ("#theo-co-quan", "#theo-ky-hop"):
        bars = page.evaluate(f"""() => [...document.querySelectorAll('{section} svg g.chart-row')].map(g =>
            [g.dataset.label, g.dataset.total, g.dataset.resolved, g.dataset.overdue,
             g.querySelector('rect').getBoundingClientRect().width])""")
        rows = page.evaluate(f"""() => [...document.querySelectorAll('{section} tbody tr')].map(tr =>
            [tr.querySelector('th').textContent.trim(), ...[...tr.querySelectorAll('td')].map(td => td.textContent.trim())])""")
        assert len(bars) == len(rows) > 1
        for bar, row in zip(bars, rows, strict=True):
            assert [bar[0], bar[1], bar[2], bar[3]] == [row[0], row[1], row[3], row[5]]
        # Bar lengths are proportional to the totals.
        widest = max(bars, key=lambda b: int(b[1]))
        for bar in bars:
            assert abs(bar[4] / widest[4] - int(bar[1]) / int(widest[1])) < 0.02
    assert page.locator("#theo-co-quan svg[role=img][aria-labelledby=chart-agency-title]").count() == 1
    assert_accessible(page)
    # High contrast (white and yellow on black): the chart's text follows the page's colour.
    page.context.add_cookies([{"name": "loa_contrast", "value": "high", "url": demo_site}])
    page.reload()
    assert page.evaluate("document.documentElement.dataset.contrast") == "high"
    colours = page.evaluate("""() => [getComputedStyle(document.querySelector('#theo-co-quan svg text')).fill,
                                      getComputedStyle(document.body).color]""")
    assert colours[0] == colours[1]
    assert_accessible(page)
    page.context.clear_cookies()
    page.reload()
    # Under the real Content-Security-Policy: no inline script or style anywhere in the new pages.
    strict = watched()
    for path in ("/kien-nghi/?dia-ban=tan-phu&qua-han=1", "/kien-nghi/tong-hop/", "/chat-van/",
                 "/kien-nghi/tiep-xuc-cu-tri/"):
        strict.goto(demo_site + path)
        strict.wait_for_load_state("networkidle")
        assert violations(strict) == [], path
    page.set_viewport_size({"width": 360, "height": 740})
    assert_fits_360(page)
    assert_accessible(page)
    # The other new pages, on a phone: meetings, interpellations by session, one interpellation, a delegate.
    page.goto(demo_site + "/kien-nghi/tiep-xuc-cu-tri/")
    assert_fits_360(page)
    assert_accessible(page)
    page.goto(demo_site + "/chat-van/")
    assert page.locator("text=Theo dõi cam kết từ kỳ họp trước").count() == 1
    assert_fits_360(page)
    assert_accessible(page)
    page.get_by_role("link", name="Tiến độ nâng cấp đường tỉnh 826 và 830").first.click()
    page.wait_for_selector("[data-readaloud-block=answer]")
    assert_fits_360(page)
    assert_accessible(page)
    page.get_by_role("link", name="Bùi Văn Lộc").click()
    page.wait_for_selector("#delegate-interpellations")
    assert "Tiến độ nâng cấp đường tỉnh 826 và 830" in page.inner_text("section[aria-labelledby=delegate-interpellations]")
    assert "ý kiến" in page.inner_text("section[aria-labelledby=delegate-meetings]")  # a meeting, not the empty note
    assert_fits_360(page)
    assert_accessible(page)


def test_a_petitions_answer_plays_with_highlighting(page, site_url):
    from loa.pages.demo.loader import ensure_roots
    from loa.pages.tests.factories import make_home
    from loa.petitions.models import Agency, Locality, PetitionIndexPage, PetitionPage, PetitionTopic
    from loa.petitions.status import Status, local_today, record_status

    ensure_roots()
    home = make_home()
    index = PetitionIndexPage(title="Kiến nghị cử tri", slug="kien-nghi")
    home.add_child(instance=index)
    index.save_revision().publish()
    today = local_today()
    petition = PetitionPage(
        title="Thiếu thuốc ở trạm y tế xã", slug="thieu-thuoc", content="Trạm y tế xã thiếu thuốc huyết áp.",
        topic=PetitionTopic.objects.create(name="Y tế", slug="y-te"),
        locality=Locality.objects.create(name="Xã Tân Phú", slug="tan-phu"),
        agency=Agency.objects.create(name="Sở Y tế", slug="yte"), received_on=today - timedelta(days=40),
        deadline=today - timedelta(days=5),
        answer="<p>Sở Y tế đã bổ sung ba mươi hai loại thuốc. Trạm y tế được điều chuyển thuốc khi thiếu.</p>",
    )
    index.add_child(instance=petition)
    petition.save_revision().publish()
    record_status(petition, Status.ANSWERED, today - timedelta(days=10))
    run_tasks()
    page.goto(site_url + petition.url)
    page.wait_for_selector("[data-readaloud-player][data-status=ready]")
    spoken = page.evaluate("async () => (await (await fetch(document.querySelector('[data-readaloud-player]').dataset.api)).json()).sentences")
    assert {s["block"] for s in spoken} == {"title", "content", "answer"}
    answer_sentences = [s["text"] for s in spoken if s["block"] == "answer"]
    assert answer_sentences[0] == "Sở Y tế đã bổ sung ba mươi hai loại thuốc."
    page.locator("[data-readaloud-block=answer] p").click()  # clicking the answer plays it from there
    page.wait_for_function(f"{json.dumps(answer_sentences)}.includes({HIGHLIGHTED})", timeout=15_000)
    page.wait_for_function("document.querySelector('[data-readaloud-player] audio').currentTime > 0.1", timeout=15_000)
    assert_accessible(page)
    page.set_viewport_size({"width": 360, "height": 740})
    assert_fits_360(page)
