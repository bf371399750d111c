"""Drafts open for comments until their deadline (Asia/Ho_Chi_Minh), moderated comments, the summary."""
from __future__ import annotations

import csv
import io
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from django.contrib.auth.models import Permission
from django.core.management import call_command
from django.utils import timezone

from loa.consultations.comments import FORM_NAME
from loa.consultations.models import DraftComment, DraftPage
from loa.participation.tests.helpers import CONTACT, post_form

HCM = ZoneInfo("Asia/Ho_Chi_Minh")


def comment(client, draft, **changes):
    return post_form(client, draft.url, {"section": "Điều 2", "content": "Đề nghị nâng mức hỗ trợ.", **changes},
                     FORM_NAME)


def test_the_deadline_is_local_time_and_exclusive(make_draft):
    deadline = datetime(2026, 12, 10, 17, 0, tzinfo=HCM)  # 17:00 in Việt Nam = 10:00 UTC
    draft = make_draft(opens_at=deadline - timedelta(days=10), closes_at=deadline)
    stored = DraftPage.objects.get(pk=draft.pk).closes_at
    assert stored == datetime(2026, 12, 10, 10, 0, tzinfo=ZoneInfo("UTC"))
    assert draft.is_open(datetime(2026, 12, 10, 16, 59, 59, tzinfo=HCM))
    assert not draft.is_open(datetime(2026, 12, 10, 17, 0, tzinfo=HCM))
    assert not draft.is_open(datetime(2026, 12, 10, 10, 0, 1, tzinfo=ZoneInfo("UTC")))
    assert draft.state(deadline - timedelta(days=11)) == "upcoming"


def test_an_open_draft_takes_comments_and_a_closed_one_shows_that_it_has_ended(client, make_draft):
    open_draft = make_draft(title="Dự thảo đang mở")
    page = client.get(open_draft.url)
    html = page.content.decode()
    assert page.status_code == 200 and 'id="comment-form"' in html and "no-store" in page["Cache-Control"]
    assert 'data-readaloud-block="summary"><p>Tóm tắt dự thảo.</p></div>' in html
    response = comment(client, open_draft)
    assert response.status_code == 200 and "Cảm ơn bạn, góp ý đã được nhận" in response.content.decode()
    stored = DraftComment.objects.get()
    assert stored.reference.startswith("GY-") and stored.email == CONTACT["email"] and stored.status == "received"

    closed = make_draft(title="Dự thảo đã đóng", opens_in=-10, closes_in=-1)
    html = client.get(closed.url).content.decode()
    assert "Đã hết hạn góp ý" in html and 'id="comment-form"' not in html
    late = comment(client, closed)
    assert late.status_code == 403 and "gửi sau thời hạn" in late.content.decode()
    assert DraftComment.objects.count() == 1


def test_a_draft_closes_at_its_deadline(client, make_draft, settings, monkeypatch):
    settings.LOA_PAGE_CACHE_SECONDS = 3600
    deadline = timezone.now() + timedelta(hours=1)
    draft = make_draft(closes_at=deadline)
    assert 'id="comment-form"' in client.get(draft.url).content.decode()
    real_now = timezone.now
    monkeypatch.setattr(timezone, "now", lambda: deadline - timedelta(seconds=1))
    assert 'id="comment-form"' in client.get(draft.url).content.decode()
    index = client.get("/gop-y-du-thao/")
    assert "Đang lấy ý kiến" in index.content.decode()
    monkeypatch.setattr(timezone, "now", lambda: deadline)
    after = client.get(draft.url)
    assert 'id="comment-form"' not in after.content.decode() and "Đã hết hạn góp ý" in after.content.decode()
    assert comment(client, draft).status_code == 403
    monkeypatch.setattr(timezone, "now", real_now)
    assert DraftComment.objects.count() == 0


def test_comments_are_shown_only_when_approved_and_the_draft_shows_them(client, make_draft, django_user_model):
    draft = make_draft()
    comment(client, draft, content="Góp ý số một cần duyệt.")
    assert "Góp ý số một" not in client.get(draft.url).content.decode()
    DraftComment.objects.update(status="approved")
    comment_obj = DraftComment.objects.get()
    comment_obj.save()
    html = client.get(draft.url).content.decode()
    assert "Góp ý số một cần duyệt." in html and CONTACT["name"] not in html and CONTACT["email"] not in html
    DraftPage.objects.filter(pk=draft.pk).update(comment_display="hidden")
    assert "Góp ý số một" not in client.get(draft.url).content.decode()


def test_summary_and_csv_per_draft_respect_the_personal_data_permission(client, make_draft, django_user_model):
    draft = make_draft()
    comment(client, draft, content="=cmd|' /C calc'!A0")
    comment(client, draft, section="", content="Góp ý chung.")
    user = django_user_model.objects.create_user("tonghop", password="x")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"),
                              Permission.objects.get(codename="change_draftcomment"))
    client.force_login(user)
    summary = client.get(f"/admin/draft_summary/{draft.pk}/").content.decode()
    assert "Tổng số góp ý: <strong>2</strong>" in summary and "Điều 2" in summary and "(góp ý chung)" in summary
    body = b"".join(client.get(f"/admin/draft_summary/{draft.pk}/csv/").streaming_content).decode()
    rows = list(csv.reader(io.StringIO(body.lstrip("\ufeff"))))
    assert len(rows) == 3 and "Họ và tên" not in rows[0] and CONTACT["email"] not in body
    assert "'=cmd" in body
    user.user_permissions.add(Permission.objects.get(codename="view_personal_data", content_type__app_label="consultations"))
    user = django_user_model.objects.get(pk=user.pk)
    client.force_login(user)
    body = b"".join(client.get(f"/admin/draft_summary/{draft.pk}/csv/").streaming_content).decode()
    assert CONTACT["email"] in body and "Họ và tên" in body
    anonymous_like = django_user_model.objects.create_user("khac", password="x")
    anonymous_like.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(anonymous_like)
    assert client.get(f"/admin/draft_summary/{draft.pk}/csv/").status_code in (302, 403)


def test_comment_contacts_are_erased_after_the_deadline_plus_retention(client, make_draft, settings):
    settings.PARTICIPATION_CONTACT_RETENTION_DAYS = 30
    draft = make_draft()
    comment(client, draft)
    call_command("participation_upkeep", stdout=io.StringIO())
    assert DraftComment.objects.get().email == CONTACT["email"]
    DraftPage.objects.filter(pk=draft.pk).update(closes_at=timezone.now() - timedelta(days=31))
    out = io.StringIO()
    call_command("participation_upkeep", stdout=out)
    erased = DraftComment.objects.get()
    assert (erased.name, erased.email, erased.phone, erased.address) == ("", "", "", "")
    assert "draft_comments: 1" in out.getvalue() and erased.content == "Đề nghị nâng mức hỗ trợ."


def test_a_commenter_withdraws_consent_with_the_code_from_the_thank_you_page(client, make_draft):
    import re

    draft = make_draft()
    thanks = comment(client, draft).content.decode()
    code = re.search(r"Mã riêng: <span class=\"access-code\">([0-9A-Z-]{11})</span>", thanks).group(1)
    sent = DraftComment.objects.get()
    page = client.post("/du-lieu-ca-nhan/", {"step": "open", "reference": sent.reference, "code": code}).content.decode()
    assert "Đề nghị nâng mức hỗ trợ." in page and draft.title in page
    token = re.search(r'name="token" value="([^"]+)"', page).group(1)
    client.post("/du-lieu-ca-nhan/", {"step": "withdraw", "token": token})
    kept = DraftComment.objects.get()
    assert kept.email == "" and kept.consent_withdrawn_at is not None and kept.content == "Đề nghị nâng mức hỗ trợ."
