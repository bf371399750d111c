"""Status rules: the history is append-only, steps go forward with dates in order, quá hạn in Asia/Ho_Chi_Minh."""
from __future__ import annotations

from datetime import UTC, date, datetime
from unittest import mock

import pytest
from django.core.exceptions import ValidationError

from loa.petitions.figures import by_agency
from loa.petitions.models import PetitionPage, StatusChange
from loa.petitions.status import Status, allowed_next, is_overdue, local_today, record_status

from .conftest import add_petition

pytestmark = pytest.mark.django_db


def test_a_new_petition_starts_received_on_its_received_date(index, lookups):
    page = add_petition(index, lookups)
    assert [(s.status, s.date) for s in page.history()] == [(Status.RECEIVED, date(2025, 6, 20))]
    assert page.status == Status.RECEIVED and page.status_date == date(2025, 6, 20)


def test_steps_go_forward_and_skip_ahead_but_never_back(index, lookups):
    page = add_petition(index, lookups)
    record_status(page, Status.FORWARDED, date(2025, 6, 25))
    record_status(page, Status.ANSWERED, date(2025, 7, 30), "Sở có văn bản trả lời.")
    with pytest.raises(ValidationError) as error:
        record_status(page, Status.IN_PROGRESS, date(2025, 8, 1))
    assert "Không thể chuyển từ “Đã trả lời” sang “Đang giải quyết”" in str(error.value)
    record_status(page, Status.UNRESOLVED, date(2025, 8, 5))
    record_status(page, Status.IN_PROGRESS, date(2025, 9, 1))  # taken up again after "chưa giải quyết"
    page.refresh_from_db()
    assert page.status == Status.IN_PROGRESS and page.answered_on == date(2025, 7, 30)
    assert [s.status for s in page.history()] == ["tiep-nhan", "da-chuyen", "da-tra-loi", "chua-giai-quyet",
                                                  "dang-giai-quyet"]


def test_a_step_cannot_be_dated_before_the_previous_one_nor_in_the_future(index, lookups):
    page = add_petition(index, lookups)
    record_status(page, Status.FORWARDED, date(2025, 6, 25))
    with pytest.raises(ValidationError, match="trước ngày của bước trước"):
        record_status(page, Status.IN_PROGRESS, date(2025, 6, 24))
    with pytest.raises(ValidationError, match="sau hôm nay"):
        record_status(page, Status.IN_PROGRESS, date(2999, 1, 1))
    assert page.status_changes.count() == 2


def test_history_is_append_only(index, lookups):
    page = add_petition(index, lookups)
    step = page.status_changes.get()
    step.status = Status.RESOLVED
    with pytest.raises(ValueError, match="append-only"):
        step.save()
    with pytest.raises(ValueError, match="append-only"):
        step.delete()
    with pytest.raises(ValidationError):
        step.full_clean()
    assert StatusChange.objects.get(pk=step.pk).status == Status.RECEIVED


def test_publishing_an_old_revision_keeps_the_status_from_the_history(index, lookups):
    page = add_petition(index, lookups)
    old_revision = page.latest_revision
    record_status(page, Status.FORWARDED, date(2025, 6, 25))
    old_revision.publish()  # its JSON still says "tiếp nhận"
    assert PetitionPage.objects.get(pk=page.pk).status == Status.FORWARDED


def test_allowed_next():
    assert allowed_next(None) == [Status.RECEIVED]
    assert allowed_next(Status.ANSWERED) == [Status.RESOLVED, Status.UNRESOLVED, Status.EXPLAINED]
    assert allowed_next(Status.RESOLVED) == []


def test_overdue_counts_only_unanswered_petitions_after_the_deadline_day():
    deadline = date(2025, 8, 20)
    assert not is_overdue(Status.FORWARDED, deadline, date(2025, 8, 20))  # the deadline day itself is in time
    assert is_overdue(Status.FORWARDED, deadline, date(2025, 8, 21))
    assert not is_overdue(Status.ANSWERED, deadline, date(2025, 9, 30))
    assert not is_overdue(Status.IN_PROGRESS, None, date(2030, 1, 1))


def test_overdue_follows_the_date_in_ho_chi_minh_city_not_utc(index, lookups):
    page = add_petition(index, lookups, received=date(2025, 6, 20), deadline=date(2025, 8, 20))
    # 20/8 17:30 UTC is 21/8 00:30 in Việt Nam: the deadline has passed there.
    with mock.patch("django.utils.timezone.now", return_value=datetime(2025, 8, 20, 17, 30, tzinfo=UTC)):
        assert local_today() == date(2025, 8, 21)
        assert page.overdue
        assert list(PetitionPage.objects.filter(pk=page.pk, status__in=["tiep-nhan"], deadline__lt=local_today())) == [page]
    with mock.patch("django.utils.timezone.now", return_value=datetime(2025, 8, 20, 16, 30, tzinfo=UTC)):
        assert local_today() == date(2025, 8, 20)
        assert not page.overdue


def test_counts_per_agency_equal_the_rows(index, lookups):
    for i in range(5):
        add_petition(index, lookups, title=f"Đường {i}", agency="gtvt")
    for i in range(3):
        add_petition(index, lookups, title=f"Thuốc {i}", agency="yte", topic="y-te", locality="binh-minh")
    resolved = add_petition(index, lookups, title="Đèn tín hiệu", agency="gtvt")
    record_status(resolved, Status.ANSWERED, date(2025, 7, 10))
    record_status(resolved, Status.RESOLVED, date(2025, 7, 20))
    petitions = list(index.petitions())
    rows = by_agency(petitions, today=date(2025, 9, 1))
    assert sum(row.total for row in rows) == len(petitions) == 9
    for row in rows:
        assert row.total == PetitionPage.objects.filter(agency__slug=row.slug).count()
        assert row.overdue == sum(p.is_overdue_on(date(2025, 9, 1)) for p in petitions if p.agency.slug == row.slug)
    gtvt = next(row for row in rows if row.slug == "gtvt")
    assert (gtvt.total, gtvt.resolved, gtvt.overdue, gtvt.median_days) == (6, 1, 5, 20)
