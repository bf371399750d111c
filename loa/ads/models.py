"""Advertisement slots and advertisements, managed as Wagtail snippets."""
from __future__ import annotations

from datetime import datetime

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.search import index

http_url_validator = URLValidator(schemes=["http", "https"], message="Chỉ chấp nhận địa chỉ http:// hoặc https://.")


class AdSlot(models.Model):
    key = models.SlugField(
        "Mã vị trí", max_length=50, unique=True,
        help_text="Mã dùng trong giao diện: sidebar (cột bên), below-article (dưới tin bài), footer (chân trang).",
    )
    name = models.CharField("Tên vị trí", max_length=100)
    description = models.CharField("Mô tả", max_length=255, blank=True)

    panels = [FieldPanel("name"), FieldPanel("key"), FieldPanel("description")]

    class Meta:
        verbose_name = "Vị trí quảng cáo"
        verbose_name_plural = "Vị trí quảng cáo"
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class AdvertisementQuerySet(models.QuerySet):
    def showing(self, now: datetime | None = None) -> AdvertisementQuerySet:
        """Active ads whose date window contains `now` (open-ended when a bound is empty)."""
        now = now or timezone.now()
        return self.filter(
            Q(is_active=True),
            Q(start_at__isnull=True) | Q(start_at__lte=now),
            Q(end_at__isnull=True) | Q(end_at__gt=now),
        )


class Advertisement(index.Indexed, models.Model):
    title = models.CharField("Tên quảng cáo", max_length=200, help_text="Tên để quản lý, không hiển thị cho người xem.")
    slot = models.ForeignKey(AdSlot, verbose_name="Vị trí", on_delete=models.PROTECT, related_name="ads")
    image = models.ForeignKey(
        "wagtailimages.Image", verbose_name="Ảnh quảng cáo", on_delete=models.PROTECT, related_name="+",
    )
    alt_text = models.CharField(
        "Văn bản thay thế (alt)", max_length=250,
        help_text="Mô tả nội dung ảnh cho người khiếm thị, ví dụ: “Cổng Dịch vụ công quốc gia”.",
    )
    target_url = models.URLField(
        "Địa chỉ liên kết", max_length=500, validators=[http_url_validator],
        help_text="Địa chỉ đầy đủ bắt đầu bằng http:// hoặc https://.",
    )
    start_at = models.DateTimeField("Bắt đầu hiển thị", null=True, blank=True, help_text="Để trống: hiển thị ngay.")
    end_at = models.DateTimeField("Kết thúc hiển thị", null=True, blank=True, help_text="Để trống: không hết hạn.")
    is_active = models.BooleanField("Đang hoạt động", default=True)
    sort_order = models.PositiveIntegerField("Thứ tự", default=0, help_text="Số nhỏ hiển thị trước.")
    clicks = models.PositiveBigIntegerField("Lượt nhấp", default=0)
    impressions = models.PositiveBigIntegerField("Lượt hiển thị", default=0)
    created_at = models.DateTimeField("Ngày tạo", auto_now_add=True)

    objects = AdvertisementQuerySet.as_manager()

    panels = [
        FieldPanel("title"),
        FieldPanel("slot"),
        FieldPanel("image"),
        FieldPanel("alt_text"),
        FieldPanel("target_url"),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("start_at"), FieldPanel("end_at")]), FieldPanel("is_active"), FieldPanel("sort_order")],
            heading="Thời gian và thứ tự hiển thị",
        ),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("impressions", read_only=True), FieldPanel("clicks", read_only=True)])],
            heading="Thống kê",
        ),
    ]

    search_fields = [index.SearchField("title"), index.SearchField("alt_text"), index.AutocompleteField("title")]

    class Meta:
        verbose_name = "Quảng cáo"
        verbose_name_plural = "Quảng cáo"
        ordering = ["slot", "sort_order", "id"]
        indexes = [models.Index(fields=["slot", "is_active", "sort_order"], name="ads_showing_idx")]

    def __str__(self) -> str:
        return self.title

    def clean(self) -> None:
        super().clean()
        if self.start_at and self.end_at and self.end_at <= self.start_at:
            raise ValidationError({"end_at": "Thời điểm kết thúc phải sau thời điểm bắt đầu."})

    def save(self, *args, **kwargs) -> None:
        # The click view redirects to this URL, so never store anything but http(s),
        # whatever path the data takes (admin form, shell, fixtures).
        try:
            http_url_validator(self.target_url)
        except ValidationError as exc:
            raise ValidationError({"target_url": exc.messages}) from None
        super().save(*args, **kwargs)

    def is_showing(self, now: datetime | None = None) -> bool:
        now = now or timezone.now()
        return (
            self.is_active
            and (self.start_at is None or self.start_at <= now)
            and (self.end_at is None or self.end_at > now)
        )

    @property
    def click_ratio(self) -> str:
        if not self.impressions:
            return "–"
        return f"{100 * self.clicks / self.impressions:.2f} %"
