"""A small portal with one of each thing the catalogue publishes, and a citizen's question with contacts."""
from __future__ import annotations

from datetime import date, time

from loa.documents.tests.conftest import make_document
from loa.participation.tests.helpers import CONTACT


def build(home, library, lookups) -> dict:
    from django.utils import timezone
    from django.utils.text import slugify

    from loa.council_sessions.models import SessionAgendaItem, SessionIndexPage, SessionPage
    from loa.delegates.models import DelegateIndexPage, DelegatePage, DelegationGroup, Term
    from loa.petitions.models import Agency, Locality, PetitionIndexPage, PetitionPage, PetitionTopic
    from loa.questions import moderation
    from loa.questions.models import Question, QuestionIndexPage, Topic
    from loa.schedule.records import ScheduleEntry, WorkWeek
    from loa.schedule.weeks import IsoWeek
    from loa.stats.models import DailyTotal

    make_document(library, lookups)
    make_document(library, lookups, number="3/2025/NQ-HĐND", title="Nghị quyết về y tế", subjects=("y-te",),
                  issued=date(2025, 7, 1))
    term = Term.objects.create(number=10, start_year=2021, end_year=2026)
    group = DelegationGroup.objects.create(number=1, area="thành phố Tỉnh Lỵ")
    delegates = DelegateIndexPage(title="Đại biểu", slug="dai-bieu")
    home.add_child(instance=delegates)
    delegate = DelegatePage(title="Trần Quốc Hưng", slug="tran-quoc-hung", position="Chủ tịch HĐND tỉnh", group=group,
                            term=term, email="hung.congvu@hdnd.example.vn", phone="0203 111 222")
    delegates.add_child(instance=delegate)
    delegate.save_revision().publish()
    sessions = SessionIndexPage(title="Kỳ họp", slug="ky-hop")
    home.add_child(instance=sessions)
    session = SessionPage(title="Kỳ họp thứ 20", slug="ky-hop-20", term=term, number=20, start_date=date(2025, 7, 8),
                          end_date=date(2025, 7, 10), place="Hội trường tỉnh")
    session.agenda_items = [SessionAgendaItem(title="Khai mạc kỳ họp", start_time=time(8), presenter="Chủ tọa")]
    sessions.add_child(instance=session)
    session.save_revision().publish()
    this_week = IsoWeek.current()
    week = WorkWeek.objects.create(year=this_week.year, week=this_week.week, published=True)
    ScheduleEntry.objects.create(week=week, day=this_week.monday, start=time(8), content="Họp Thường trực",
                                 leader="Chủ tịch HĐND tỉnh")
    qa = QuestionIndexPage(title="Hỏi đáp", slug="hoi-dap")
    home.add_child(instance=qa)
    land = Topic.objects.create(name="Đất đai", slug="dat-dai")
    health = Topic.objects.create(name="Y tế", slug="y-te")
    for topic, title in ((land, "Thời hạn cấp sổ đỏ"), (health, "Bảo hiểm y tế người cao tuổi")):
        question = Question.objects.create(**CONTACT, reference=f"HD-2026-{topic.slug[:2].upper()}0000",
                                           title=title, content="Xin hỏi?", topic=topic, consent_at=timezone.now())
        question.answer = "<p>Trả lời của Văn phòng.</p>"
        moderation.apply(question, "answer")
        moderation.apply(question, "publish")
    petitions = PetitionIndexPage(title="Kiến nghị cử tri", slug="kien-nghi")
    home.add_child(instance=petitions)
    petitions.save_revision().publish()
    road = PetitionTopic.objects.create(name="Giao thông", slug="giao-thong")
    for title, topic in (("Nâng cấp đường tỉnh 826", road), ("Bổ sung bác sĩ trạm y tế xã", None)):
        petition = PetitionPage(title=title, slug=slugify(title), content=f"Cử tri đề nghị: {title}.",
                                agency=Agency.objects.get_or_create(name="Sở Giao thông vận tải", slug="gtvt")[0],
                                locality=Locality.objects.get_or_create(name="Xã Tân Phú", slug="tan-phu")[0],
                                topic=topic or PetitionTopic.objects.create(name="Y tế", slug="y-te-kn"),
                                received_on=date(2025, 6, 20), deadline=date(2025, 8, 20))
        petitions.add_child(instance=petition)
        petition.save_revision().publish()
    DailyTotal.objects.create(day=date(2025, 11, 3), views=120, visits=40, visitors=30, plays=9, listens=5)
    DailyTotal.objects.create(day=date(2025, 11, 4), views=80, visits=20, visitors=15, plays=3, listens=1)
    DailyTotal.objects.create(day=date(2026, 1, 2), views=10, visits=5, visitors=5, plays=1, listens=0)
    return {"delegate": delegate, "week": this_week}
