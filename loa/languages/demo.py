"""The demo's English version: the home page's translation at /en/ and the pages Nghị định 42/2022/NĐ-CP
asks for in English (introduction, functions and duties, structure, leadership, contacts)."""
from __future__ import annotations

from wagtail.models import Locale, Page

from loa.pages.demo.convert import text_to_blocks

HOME_INTRO = ("<p>Official portal of the Provincial People's Council. This English section presents the Council, "
              "its functions and duties, structure, leadership and contact details. Every page can be read aloud.</p>")
INTRODUCTION = ("Introduction", "The Provincial People's Council: functions and duties, structure, leadership and contacts.",
                "The Provincial People's Council is the local organ of state power, elected by the people of the "
                "province. This section gives an overview of its work in English.")
PAGES = {
    "chuc-nang-nhiem-vu": ("Functions and duties",
                           "The Council represents the will and aspirations of the people of the province.",
                           """DUTIES AND POWERS

Under the Law on the Organisation of Local Government, the Provincial People's Council:

- issues resolutions on matters within its duties and powers;
- decides the provincial budget estimates and their allocation;
- decides the medium-term and annual public investment plans of the province;
- supervises compliance with the Constitution, the law and its own resolutions;
- elects and dismisses its Chair, Vice-Chairs and the heads of its committees."""),
    "co-cau-to-chuc": ("Organisational structure",
                       "The Standing Committee, four committees and the delegation groups.",
                       """STANDING COMMITTEE

The Chair, the Vice-Chairs and the heads of the committees.

COMMITTEES

- Legal Affairs Committee;
- Economy and Budget Committee;
- Culture and Society Committee;
- Ethnic Affairs Committee.

The Council is assisted by the Office of the National Assembly Delegation and the Provincial People's Council."""),
    "lanh-dao": ("Leadership", "The Standing Committee of the Provincial People's Council, 2021-2026 term.",
                 """- Chair of the Provincial People's Council: Mr Tran Quoc Hung;
- Vice-Chair: Ms Le Thi Minh Ha;
- Standing member: Mr Nguyen Hoang Phuc."""),
    "lien-he": ("Contact", "How to contact the Office of the Provincial People's Council.",
                """ADDRESS

No. 1, Central Street, Ward 1, Provincial City.

TELEPHONE AND E-MAIL

- Telephone: +84 272 3 000 000;
- E-mail: vanphong@hdnd.example.vn.

CITIZEN RECEPTION

The Standing Committee receives citizens on the 15th of every month at the provincial citizen reception office."""),
}


def english_locale() -> Locale:
    return Locale.objects.get_or_create(language_code="en")[0]


def translate(page: Page, locale: Locale, **fields) -> Page:
    """The page's English version (created the way the admin's "Translate" does), filled in and published."""
    page = page.specific
    english = page.get_translation_or_none(locale)
    if english is None:
        english = page.copy_for_translation(locale, copy_parents=True)
    english = english.specific
    for name, value in fields.items():
        setattr(english, name, value)
    english.save_revision().publish()
    return english


def load_english_demo(home: Page) -> None:
    from loa.infopages.demo import INDEX_SLUG
    from loa.infopages.models import InfoPage

    locale = english_locale()
    translate(home, locale, title="Home", slug="home-en", intro=HOME_INTRO)
    about = InfoPage.objects.child_of(home).filter(slug=INDEX_SLUG).first()
    if about is None:
        return
    title, summary, text = INTRODUCTION
    translate(about, locale, title=title, summary=summary, body=text_to_blocks(text))
    for page in InfoPage.objects.child_of(about):
        if page.slug in PAGES:
            title, summary, text = PAGES[page.slug]
            translate(page, locale, title=title, summary=summary, body=text_to_blocks(text))
