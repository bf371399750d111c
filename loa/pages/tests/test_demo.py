import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from wagtail.models import Site, Workflow, WorkflowPage

from loa.ads.models import Advertisement
from loa.pages.demo import content
from loa.pages.demo.loader import load_demo
from loa.pages.editorial import EDITORS, LEADERS, WORKFLOW_NAME
from loa.pages.models import ArticlePage, CategoryPage, HomePage, SiteBranding

pytestmark = pytest.mark.django_db


def test_demo_loader_builds_the_site_once(demo, client):
    # The demo's home page has its English translation (loa.languages): one home per language.
    counts = (HomePage.objects.filter(locale__language_code="vi").count(), CategoryPage.objects.count(), ArticlePage.objects.count(),
              Advertisement.objects.count(), Group.objects.count(), Workflow.objects.count())
    assert counts[:4] == (1, len(content.CATEGORIES), 1 + len(content.NEWS), len(content.ADS))
    assert load_demo() is False
    call_command("load_demo", verbosity=0)
    assert counts == (HomePage.objects.filter(locale__language_code="vi").count(), CategoryPage.objects.count(), ArticlePage.objects.count(),
                      Advertisement.objects.count(), Group.objects.count(), Workflow.objects.count())
    assert Site.objects.get(is_default_site=True).root_page_id == demo.pk
    branding = SiteBranding.for_site(Site.objects.get(is_default_site=True))
    assert branding.banner is not None and branding.banner_alt


def test_seed_article_is_faithful(demo, client):
    seed = ArticlePage.objects.get(title=content.SEED_TITLE)
    html = client.get(seed.url).content.decode()
    start, end = html.index("PHẦN THỨ NHẤT."), html.index("ĐOÀN KẾT - NĂNG ĐỘNG - PHÁT TRIỂN")
    assert start < html.index("PHẦN THỨ HAI.") < end
    assert "53.082 cử tri" in html
    assert "marker-star" in html and "marker-plus nested" in html and "marker-dash" in html
    assert "<b>KHÁI QUÁT TÌNH HÌNH:</b>" in html
    assert "\u00a0" not in seed.plain_text()
    # Every sentence of the source is on the page.
    text = seed.plain_text()
    source = (content.DEMO_DIR / "seed-article.txt").read_text(encoding="utf-8").replace("\u00a0", " ")
    for line in source.splitlines():
        line = " ".join(line.split()).lstrip("-*+ ").strip()
        if line:
            assert line in text, line[:60]


def test_home_shows_banner_stats_box_ads_and_articles(demo, client):
    html = client.get("/").content.decode()
    assert 'class="banner-image"' in html and 'alt="Hội đồng nhân dân tỉnh – Cổng thông tin điện tử"' in html
    assert "THỐNG KÊ TRUY CẬP" in html
    assert html.count('data-ad-id="') >= 3
    assert content.SEED_TITLE in html
    for article in content.NEWS:
        assert article.title in html


def test_editorial_workflow_and_groups(demo):
    workflow = Workflow.objects.get(name=WORKFLOW_NAME)
    assert WorkflowPage.objects.get(page=demo).workflow == workflow
    task = workflow.tasks.get().specific
    assert list(task.groups.values_list("name", flat=True)) == [LEADERS]
    editors, leaders = Group.objects.get(name=EDITORS), Group.objects.get(name=LEADERS)
    editor_perms = set(editors.page_permissions.values_list("permission__codename", flat=True))
    leader_perms = set(leaders.page_permissions.values_list("permission__codename", flat=True))
    assert "publish_page" not in editor_perms and {"add_page", "change_page"} <= editor_perms
    assert "publish_page" in leader_perms
    assert editors.permissions.filter(codename="access_admin").exists()
    # A scheduled page's workflow applies to every article below the home page.
    article = ArticlePage.objects.first()
    assert article.get_workflow() == workflow
