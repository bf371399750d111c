"""Chất vấn: by session, commitments followed up at a later session, video time links, read aloud, exports."""
from __future__ import annotations

import csv
import io
from datetime import date

import lxml.html
import pytest
from django.core.exceptions import ValidationError

from loa.council_sessions.models import SessionIndexPage, SessionPage
from loa.delegates.models import DelegateIndexPage, DelegatePage, DelegationGroup, Term
from loa.documents.tests.conftest import home, media  # noqa: F401  shared fixtures
from loa.documents.tests.test_document_pages import readaloud_elements, utf16_slice
from loa.interpellations.models import (
    Commitment,
    CommitmentStatus,
    InterpellationIndexPage,
    InterpellationPage,
    video_at,
)
from loa.readaloud.tests.helpers import run_tasks

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(home):  # noqa: F811
    term = Term.objects.create(number=10, start_year=2021, end_year=2026)
    sessions_index = SessionIndexPage(title="Kỳ họp", slug="ky-hop")
    home.add_child(instance=sessions_index)
    sessions = {}
    for number, start in ((25, date(2025, 7, 10)), (27, date(2025, 12, 9))):
        page = SessionPage(title=f"Kỳ họp thứ {number}", slug=f"ky-hop-thu-{number}", term=term, number=number,
                           start_date=start, end_date=start, livestream_url="https://www.youtube.com/watch?v=abc")
        sessions_index.add_child(instance=page)
        page.save_revision().publish()
        sessions[number] = page
    people = DelegateIndexPage(title="Đại biểu", slug="dai-bieu")
    home.add_child(instance=people)
    people.save_revision().publish()
    delegate = DelegatePage(title="Bùi Văn Lộc", slug="bui-van-loc", position="Đại biểu",
                            group=DelegationGroup.objects.create(number=2, area="huyện Bình Sơn"), term=term)
    people.add_child(instance=delegate)
    delegate.save_revision().publish()
    index = InterpellationIndexPage(title="Chất vấn", slug="chat-van")
    home.add_child(instance=index)
    index.save_revision().publish()
    asked = InterpellationPage(
        title="Tiến độ nâng cấp đường tỉnh 826", slug="duong-tinh-826", session=sessions[25], delegate=delegate,
        official_name="Nguyễn Văn Thành", official_title="Giám đốc Sở Giao thông vận tải",
        question="Vì sao đường tỉnh 826 chậm nâng cấp? Khi nào hoàn thành?",
        answer_summary="Do vướng giải phóng mặt bằng. Sở khởi công trong quý IV năm 2025.",
        video_url="https://www.youtube.com/watch?v=abc", video_start=5130,
    )
    asked.commitments = [Commitment(text="Khởi công đường tỉnh 826 trong quý IV năm 2025.", due_date=date(2025, 12, 31),
                                    status=CommitmentStatus.DONE, follow_up_session=sessions[27],
                                    follow_up_note="Đã khởi công ngày 20/11/2025."),
                         Commitment(text="Sửa các ổ gà trước mùa mưa.", due_date=date(2025, 5, 1),
                                    status=CommitmentStatus.PENDING)]
    index.add_child(instance=asked)
    asked.save_revision().publish()
    return index, sessions, delegate, asked


def test_by_session_with_commitments_followed_up_at_the_later_session(client, world):
    index, sessions, _, asked = world
    html = client.get(index.url).content.decode()
    tree = lxml.html.fromstring(html)
    headings = [h.text_content() for h in tree.xpath("//section[@class='interpellation-session']/h2")]
    assert headings == ["Kỳ họp thứ 27", "Kỳ họp thứ 25"]  # newest first; 27 holds only the follow-up
    later = tree.xpath("//section[@class='interpellation-session']")[0].text_content()
    assert "Theo dõi cam kết từ kỳ họp trước" in later and "Đã khởi công ngày 20/11/2025." in later
    assert tree.xpath("//section[@class='interpellation-session']")[0].xpath(f".//a[@href='{asked.url}']")
    assert "Quá hạn" in html  # the pending commitment due 1/5/2025
    only = client.get(f"{index.url}?ky-hop=ky-hop-thu-25").content.decode()
    assert "Theo dõi cam kết từ kỳ họp trước" not in only and asked.title in only


def test_video_link_points_at_the_moment():
    assert video_at("https://www.youtube.com/watch?v=abc", 5130) == "https://www.youtube.com/watch?v=abc&t=5130s"
    assert video_at("https://video.example.vn/ky-hop-25.mp4", 90) == "https://video.example.vn/ky-hop-25.mp4#t=90"
    assert video_at("https://video.example.vn/a.mp4", None) == "https://video.example.vn/a.mp4"


def test_page_is_read_aloud_and_links_the_video(client, world, media):  # noqa: F811
    _, _, delegate, asked = world
    run_tasks()
    html = client.get(asked.url).content.decode()
    assert 'href="https://www.youtube.com/watch?v=abc&amp;t=5130s"' in html and "(từ 1:25:30)" in html
    assert f'<a href="{delegate.url}">Bùi Văn Lộc</a>' in html
    answer = client.get(f"/api/readaloud/pages/{asked.pk}").json()
    elements = readaloud_elements(html)
    assert {s["block"] for s in answer["sentences"]} == {"title", "question", "answer"}
    for sentence in answer["sentences"]:
        assert utf16_slice(elements[sentence["block"]], sentence["char_start"], sentence["char_end"]) == sentence["text"]


def test_the_delegates_page_lists_their_interpellations(client, world):
    _, _, delegate, asked = world
    html = client.get(delegate.url).content.decode()
    assert f'<a href="{asked.url}">{asked.title}</a>' in html


def test_an_asker_is_required():
    page = InterpellationPage(title="x", official_name="a", official_title="b", question="c")
    with pytest.raises(ValidationError):
        page.clean()


def test_exports(client, world):
    index, _, _, _ = world
    data = client.get(f"{index.url}xuat/json/?ky-hop=ky-hop-thu-25").json()
    assert data["count"] == 1 and data["items"][0]["nguoi_chat_van"] == "Bùi Văn Lộc"
    assert data["items"][0]["cam_ket"][0] == "Khởi công đường tỉnh 826 trong quý IV năm 2025. (hạn 31/12/2025: Đã thực hiện)"
    rows = list(csv.DictReader(io.StringIO(client.get(f"{index.url}xuat/csv/").content.decode()[1:])))
    assert rows[0]["video"] == "https://www.youtube.com/watch?v=abc&t=5130s"
    assert client.get("/api/v2/pages/?type=interpellations.InterpellationPage&fields=asker,video_link").json()[
        "items"][0]["asker"] == "Bùi Văn Lộc"
