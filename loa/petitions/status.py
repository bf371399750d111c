"""A petition's status and its dated history (append-only), and "quá hạn" derived from the deadline.

tiếp nhận → đã chuyển → đang giải quyết → đã trả lời → đã giải quyết / chưa giải quyết / giải trình.
A step may skip ahead (an agency that answers at once goes from đã chuyển to đã trả lời), never back,
except that a petition the council judged "chưa giải quyết" can be taken up again (đang giải quyết).
Dates are local dates in Asia/Ho_Chi_Minh (TIME_ZONE), never before the previous step, never in the future.
"""
from __future__ import annotations

from datetime import date

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils import timezone

from loa.core.cache import bump_content_version


class Status(models.TextChoices):
    RECEIVED = "tiep-nhan", "Tiếp nhận"
    FORWARDED = "da-chuyen", "Đã chuyển"
    IN_PROGRESS = "dang-giai-quyet", "Đang giải quyết"
    ANSWERED = "da-tra-loi", "Đã trả lời"
    RESOLVED = "da-giai-quyet", "Đã giải quyết"
    UNRESOLVED = "chua-giai-quyet", "Chưa giải quyết"
    EXPLAINED = "giai-trinh", "Giải trình"


RANK = {Status.RECEIVED: 0, Status.FORWARDED: 1, Status.IN_PROGRESS: 2, Status.ANSWERED: 3,
        Status.RESOLVED: 4, Status.UNRESOLVED: 4, Status.EXPLAINED: 4}
# Waiting for the agency: these can be overdue.
OPEN_STATUSES = (Status.RECEIVED, Status.FORWARDED, Status.IN_PROGRESS)
ANSWERED_STATUSES = (Status.ANSWERED, Status.RESOLVED, Status.UNRESOLVED, Status.EXPLAINED)


def local_today() -> date:
    """Today in the site's time zone (Asia/Ho_Chi_Minh): at 23:30 UTC it is already tomorrow there."""
    return timezone.localdate()


def is_overdue(status: str, deadline: date | None, today: date | None = None) -> bool:
    """Quá hạn: still waiting for the agency's answer after the deadline day has ended (local time)."""
    return deadline is not None and status in OPEN_STATUSES and (today or local_today()) > deadline


def allowed_next(current: str | None) -> list[str]:
    if current is None:
        return [Status.RECEIVED]
    if current == Status.UNRESOLVED:
        return [Status.IN_PROGRESS, Status.ANSWERED, Status.RESOLVED, Status.EXPLAINED]
    return [s for s in Status if RANK[s] > RANK[Status(current)]]


def check_step(current: str | None, last_date: date | None, status: str, on: date,
               today: date | None = None) -> None:
    """Raise ValidationError unless `status` on `on` may follow `current` (set on `last_date`)."""
    errors = {}
    if status not in allowed_next(current):
        labels = ", ".join(Status(s).label for s in allowed_next(current)) or "không có"
        errors["status"] = (f"Không thể chuyển từ “{Status(current).label}” sang “{Status(status).label}”. "
                            f"Trạng thái tiếp theo có thể là: {labels}.") if current else "Trạng thái đầu tiên phải là “Tiếp nhận”."
    if last_date is not None and on < last_date:
        errors["date"] = f"Ngày không thể trước ngày của bước trước ({last_date:%d/%m/%Y})."
    if on > (today or local_today()):
        errors["date"] = "Ngày không thể sau hôm nay."
    if errors:
        raise ValidationError(errors)


class StatusChange(models.Model):
    """One dated step of a petition's history. Never edited nor deleted: a mistake is corrected by a later step."""

    petition = models.ForeignKey("petitions.PetitionPage", verbose_name="Kiến nghị", on_delete=models.CASCADE,
                                 related_name="status_changes")
    status = models.CharField("Trạng thái", max_length=20, choices=Status.choices)
    date = models.DateField("Ngày", help_text="Ngày của bước này (giờ Việt Nam).")
    note = models.TextField("Ghi chú công khai", blank=True, max_length=2000,
                            help_text="Hiện trên trang kiến nghị. Không ghi thông tin cá nhân của cử tri.")
    recorded_at = models.DateTimeField("Ghi lúc", auto_now_add=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="Người ghi", null=True, blank=True,
                                    on_delete=models.SET_NULL, related_name="+", editable=False)

    class Meta:
        ordering = ["petition", "date", "pk"]
        verbose_name = "bước xử lý kiến nghị"
        verbose_name_plural = "lịch sử trạng thái kiến nghị"

    def __str__(self) -> str:
        return f"{self.date:%d/%m/%Y}: {self.get_status_display()}"

    def previous(self) -> StatusChange | None:
        return StatusChange.objects.filter(petition_id=self.petition_id).order_by("-date", "-pk").first()

    def clean(self) -> None:
        if self.pk:
            raise ValidationError("Lịch sử trạng thái không sửa được; hãy ghi một bước mới.")
        if not self.petition_id or not self.status or not self.date:
            return
        last = self.previous()
        check_step(last.status if last else None, last.date if last else None, self.status, self.date)

    def save(self, *args, **kwargs) -> None:
        if self.pk is not None and not kwargs.get("force_insert"):
            raise ValueError("StatusChange is append-only")
        super().save(*args, **kwargs)
        self.petition.sync_status()
        # The lists and the page show the status: bump now, and again once committed (a page rendered
        # in between would otherwise be cached with the old status under the new version).
        bump_content_version()
        transaction.on_commit(bump_content_version)

    def delete(self, *args, **kwargs):
        raise ValueError("StatusChange is append-only")


def record_status(petition, status: str, on: date, note: str = "", user=None) -> StatusChange:
    """Append a step to `petition`'s history after checking it follows the last one."""
    change = StatusChange(petition=petition, status=status, date=on, note=note, recorded_by=user)
    change.full_clean()
    change.save()
    return change


class ReminderDay(models.Model):
    """A local day on which the deadline reminder went out (so it goes once a day, whatever calls it)."""

    day = models.DateField("Ngày", unique=True)
    sent = models.PositiveIntegerField("Số thư đã gửi", default=0)

    class Meta:
        verbose_name = "ngày gửi nhắc hạn"
        verbose_name_plural = "ngày gửi nhắc hạn"
