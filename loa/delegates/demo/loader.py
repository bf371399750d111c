"""The demo delegates at /dai-bieu/: terms, tổ, delegates with placeholder portraits."""
from __future__ import annotations

import io

from django.core.files.images import ImageFile
from django.utils import timezone
from wagtail.images import get_image_model
from wagtail.models import Page

from loa.core.text import fold
from loa.documents.demo.loader import grant_lookup_permissions
from loa.pages.models import ArticlePage

from ..models import DelegateIndexPage, DelegateNews, DelegatePage
from ..terms import DelegationGroup, Term
from . import content
from .photos import portrait_png

INDEX_SLUG = "dai-bieu"


def slug_of(name: str) -> str:
    return fold(name).replace(" ", "-")


def portrait(name: str):
    Image = get_image_model()
    image = Image(title=f"Ảnh đại biểu {name}", description=f"Ảnh chân dung (minh họa) của đại biểu {name}",
                  file=ImageFile(io.BytesIO(portrait_png(name)), name=f"dai-bieu-{slug_of(name)}.png"))
    image.save()
    return image


def load_delegates(home: Page) -> DelegateIndexPage:
    existing = DelegateIndexPage.objects.child_of(home).first()
    if existing is not None:
        return existing
    grant_lookup_permissions([Term, DelegationGroup])
    terms = {n: Term.objects.get_or_create(number=n, defaults={"start_year": a, "end_year": b})[0]
             for n, a, b in content.TERMS}
    groups = {n: DelegationGroup.objects.get_or_create(number=n, defaults={"area": area})[0]
              for n, area in content.GROUPS}
    index = DelegateIndexPage(
        title="Đại biểu", slug=INDEX_SLUG, show_in_menus=True,
        intro="<p>Đại biểu Hội đồng nhân dân tỉnh theo tổ đại biểu. Ảnh trong trang là ảnh minh họa.</p>",
    )
    home.add_child(instance=index)
    index.save_revision().publish()
    articles = {a.slug: a for a in ArticlePage.objects.all()}
    for name, position, workplace, group, order, term, news in content.DELEGATES:
        page = DelegatePage(
            title=name, slug=slug_of(name), photo=portrait(name), position=position, workplace=workplace,
            constituency=f"Đơn vị bầu cử số {group} – {groups[group].area}", group=groups[group],
            term=terms[term], list_order=order,
        )
        page.news_links = [DelegateNews(article=articles[slug]) for slug in news if slug in articles]
        # Created live in one save (no revision, no publish signal: nothing is made from a delegate page);
        # the admin makes the first revision when an editor first saves it. The task worker indexes them.
        index.add_child(instance=page)
    now = timezone.now()
    DelegatePage.objects.descendant_of(index).update(first_published_at=now, last_published_at=now)
    return index
