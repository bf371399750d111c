"""The weekly work schedule of the council's leadership, edited week by week.

Each `WorkWeek` holds its entries; visitors see a week once it is published ("Công bố").
An entry created or changed after its week was published carries `adjusted_at` and is
marked "điều chỉnh" on the page and in the calendar feeds (with a higher SEQUENCE).
"""
from __future__ import annotations

from datetime import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel
from wagtail.models import Orderable

from .weeks import IsoWeek

COMPARED_FIELDS = ("day", "start", "end", "content", "leader", "participants", "place", "preparing_unit", "postponed")


class WorkWeek(ClusterableModel):
    year = models.PositiveSmallIntegerField("Năm", help_text="Năm theo tuần ISO (tuần 1 chứa ngày Thứ Năm đầu tiên của năm).")
    week = models.PositiveSmallIntegerField("Tuần", help_text="Số tuần ISO, 1 đến 53.")
    note = models.TextField("Ghi chú", blank=True, max_length=2000)
    published = models.BooleanField("Công bố", default=False,
                                    help_text="Chỉ lịch đã công bố mới hiện trên cổng thông tin. Thay đổi sau khi công bố "
                                              "được đánh dấu “điều chỉnh”.")
    published_at = models.DateTimeField("Công bố lần đầu", null=True, blank=True, editable=False)
    updated_at = models.DateTimeField("Cập nhật", auto_now=True)

    panels = [
        FieldRowPanel([FieldPanel("year"), FieldPanel("week")], heading="Tuần"),
        FieldPanel("note"),
        FieldPanel("published"),
        InlinePanel("entries", heading="Các hoạt động", label="Hoạt động"),
    ]

    class Meta:
        ordering = ["-year", "-week"]
        verbose_name = "Lịch công tác tuần"
        verbose_name_plural = "Lịch công tác"
        constraints = [models.UniqueConstraint(fields=["year", "week"], name="schedule_one_week_each")]

    def __str__(self) -> str:
        try:
            return self.iso_week.label()
        except ValueError:
            return f"Tuần {self.week}/{self.year}"

    @property
    def iso_week(self) -> IsoWeek:
        return IsoWeek.parse(f"{self.year}-W{self.week:02d}")

    def clean(self) -> None:
        super().clean()
        try:
            self.iso_week  # noqa: B018
        except (ValueError, TypeError):
            raise ValidationError({"week": f"Năm {self.year} không có tuần {self.week}."}) from None

    def save(self, *args, **kwargs):
        now = timezone.now()
        was_published = bool(self.pk) and WorkWeek.objects.filter(pk=self.pk, published_at__isnull=False).exists()
        if self.published and self.published_at is None:
            self.published_at = now
        if was_published:
            mark_adjustments(self, now)
        return super().save(*args, **kwargs)


def mark_adjustments(week: WorkWeek, now: datetime) -> None:
    """Stamp the week's (in-memory, about to be saved) entries that are new or differ from the stored ones."""
    stored = {entry.pk: entry for entry in ScheduleEntry.objects.filter(week_id=week.pk)}
    for entry in week.entries.all():
        before = stored.get(entry.pk)
        if before is None or any(getattr(entry, f) != getattr(before, f) for f in COMPARED_FIELDS):
            entry.adjusted_at = now
            entry.sequence = (before.sequence if before else 0) + 1


class ScheduleEntry(Orderable):
    week = ParentalKey(WorkWeek, related_name="entries", on_delete=models.CASCADE)
    day = models.DateField("Ngày")
    start = models.TimeField("Giờ bắt đầu")
    end = models.TimeField("Giờ kết thúc", null=True, blank=True)
    content = models.TextField("Nội dung", max_length=1000)
    leader = models.CharField("Lãnh đạo chủ trì", max_length=200, blank=True,
                              help_text="Ví dụ: Chủ tịch HĐND tỉnh.")
    participants = models.TextField("Thành phần", max_length=1000, blank=True)
    place = models.CharField("Địa điểm", max_length=300, blank=True)
    preparing_unit = models.CharField("Đơn vị chuẩn bị", max_length=200, blank=True)
    postponed = models.BooleanField("Hoãn", default=False)
    adjusted_at = models.DateTimeField("Điều chỉnh lúc", null=True, blank=True, editable=False)
    sequence = models.PositiveIntegerField("Số lần điều chỉnh", default=0, editable=False)

    panels = [
        FieldRowPanel([FieldPanel("day"), FieldPanel("start"), FieldPanel("end")]),
        FieldPanel("content"),
        FieldPanel("leader"),
        FieldPanel("participants"),
        FieldRowPanel([FieldPanel("place"), FieldPanel("preparing_unit")]),
        FieldPanel("postponed"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = "Hoạt động"
        verbose_name_plural = "Hoạt động"

    def __str__(self) -> str:
        return f"{self.day:%d/%m/%Y} {self.start:%H:%M} {self.content[:60]}"

    @property
    def adjusted(self) -> bool:
        return self.adjusted_at is not None

    def starts_at(self) -> datetime:
        return timezone.make_aware(datetime.combine(self.day, self.start))

    def ends_at(self) -> datetime | None:
        if self.end is None or self.end <= self.start:
            return None
        return timezone.make_aware(datetime.combine(self.day, self.end))


def published_entries(first: IsoWeek, last: IsoWeek):
    """Entries of published weeks from `first` to `last` (inclusive), by time."""
    return (ScheduleEntry.objects.filter(week__published=True, day__gte=first.monday, day__lte=last.sunday)
            .select_related("week").order_by("day", "start", "sort_order", "pk"))
