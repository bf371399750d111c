"""The demo sessions at /ky-hop/, linked to the demo documents, delegates and news."""
from __future__ import annotations

from wagtail.models import Page
from wagtail.search import index as search_index

from loa.delegates.models import DelegatePage
from loa.delegates.terms import Term
from loa.documents.models import DocumentPage
from loa.pages.models import ArticlePage

from ..models import SessionAgendaItem, SessionIndexPage, SessionMaterial, SessionNews, SessionPage, SessionResolution
from . import content

INDEX_SLUG = "ky-hop"


def load_sessions(home: Page) -> SessionIndexPage:
    existing = SessionIndexPage.objects.child_of(home).first()
    if existing is not None:
        return existing
    index = SessionIndexPage(
        title="Kỳ họp", slug=INDEX_SLUG, show_in_menus=True,
        intro="<p>Các kỳ họp của Hội đồng nhân dân tỉnh: chương trình, tài liệu, nghị quyết được thông qua.</p>",
    )
    home.add_child(instance=index)
    index.save_revision().publish()
    terms = {t.number: t for t in Term.objects.all()}
    documents = {d.slug: d for d in DocumentPage.objects.all()}
    articles = {a.slug: a for a in ArticlePage.objects.all()}
    delegates = {d.title: d for d in DelegatePage.objects.all()}
    for session in sorted(content.SESSIONS, key=lambda s: s.start):
        page = SessionPage(
            title=session.title, slug=session.slug, term=terms[session.term], number=session.number,
            kind=session.kind, start_date=session.start, end_date=session.end, place=content.PLACE,
            summary=session.summary, livestream_url=content.LIVESTREAM if session.livestream else "",
        )
        page.agenda_items = [
            SessionAgendaItem(day=day, start_time=at, title=title,
                              presenter="" if who in delegates else who, delegate=delegates.get(who))
            for day, at, title, who in session.agenda
        ]
        page.materials = [SessionMaterial(document=documents[slug]) for slug in session.materials if slug in documents]
        page.resolutions = [SessionResolution(document=documents[slug]) for slug in session.resolutions
                            if slug in documents]
        page.news_links = [SessionNews(article=articles[slug]) for slug in session.news if slug in articles]
        index.add_child(instance=page)
        page.save_revision().publish()
        search_index.insert_or_update_object(page)
    return index
