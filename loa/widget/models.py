"""What the widget keeps: the registered sites, their pages as Loa last fetched them, the pages' audio,
and each site's visitor counts (exact, cookieless)."""
from __future__ import annotations

import secrets

from django.core.exceptions import ValidationError
from django.db import models

from loa.core.safe_fetch import origin_of
from loa.readaloud.models import NarrationState


def new_key() -> str:
    return secrets.token_urlsafe(12)


def _lines(value: str) -> list[str]:
    return [line.strip() for line in (value or "").splitlines() if line.strip()]


def validate_origins(value: str) -> None:
    bad = [line for line in _lines(value) if origin_of(line) != line.rstrip("/").lower()]
    if bad:
        raise ValidationError(f"Không phải nguồn gốc http(s) hợp lệ (dạng https://ten-mien): {', '.join(bad[:3])}")
    if not _lines(value):
        raise ValidationError("Cần ít nhất một nguồn gốc.")


def validate_selectors(value: str) -> None:
    from cssselect import SelectorError
    from lxml.cssselect import CSSSelector

    for line in _lines(value):
        try:
            CSSSelector(line)
        except (SelectorError, ValueError) as exc:
            raise ValidationError(f"Bộ chọn CSS không hợp lệ: {line}") from exc


class WidgetSite(models.Model):
    """A portal that embeds Loa's player and visitor box with one script tag."""

    name = models.CharField("Tên trang", max_length=200)
    key = models.CharField("Mã trang (công khai)", max_length=32, unique=True, default=new_key, editable=False,
                           help_text="Ghi trong thẻ script của trang; chỉ dùng để nhận ra trang, không phải mật khẩu.")
    origins = models.TextField(
        "Nguồn gốc được phép", validators=[validate_origins],
        help_text="Mỗi dòng một nguồn gốc, ví dụ https://hdnd.example.gov.vn (giao thức, tên miền, cổng nếu có).",
    )
    private_network = models.BooleanField(
        "Máy chủ trong mạng nội bộ", default=False,
        help_text="Chỉ chọn khi cổng thông tin chạy trên địa chỉ nội bộ (mạng LAN, 127.0.0.1); "
                  "nếu không, Loa từ chối tải trang từ địa chỉ nội bộ.",
    )
    article_selector = models.CharField(
        "Bộ chọn CSS của phần bài viết", max_length=300, blank=True, validators=[validate_selectors],
        help_text="Ví dụ .news-detail .content. Để trống: Loa tự tìm phần nội dung chính.",
    )
    skip_selectors = models.TextField(
        "Bộ chọn CSS không đọc", blank=True, validators=[validate_selectors],
        help_text="Mỗi dòng một bộ chọn: menu, chú thích ảnh, “tin liên quan”…",
    )
    default_voice = models.CharField("Giọng mặc định", max_length=64, blank=True,
                                     help_text="Để trống: giọng mặc định của Loa.")
    offered_voices = models.TextField("Giọng cho chọn", blank=True,
                                      help_text="Mã giọng, mỗi dòng một giọng. Để trống: các giọng Loa đang cung cấp.")
    feed_url = models.URLField("RSS/Atom hoặc sitemap", max_length=500, blank=True,
                               help_text="Tùy chọn: Loa tạo sẵn âm thanh cho bài mới trong nguồn tin này.")
    total_offset = models.PositiveBigIntegerField("Số lượt truy cập ban đầu", default=0,
                                                  help_text="Cộng vào “Tất cả” (khi chuyển từ bộ đếm cũ).")
    active = models.BooleanField("Đang hoạt động", default=True)
    created_at = models.DateTimeField(auto_now_add=True)
    last_pregenerated_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        verbose_name = "trang liên kết"
        verbose_name_plural = "trang liên kết"
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        if self.feed_url and origin_of(self.feed_url) not in self.origin_list():
            raise ValidationError({"feed_url": "Nguồn tin phải nằm trên một trong các nguồn gốc được phép."})

    def origin_list(self) -> list[str]:
        return sorted({origin_of(line) for line in _lines(self.origins)} - {""})

    def skip_list(self) -> list[str]:
        return _lines(self.skip_selectors)

    def voice_list(self) -> list[str]:
        return _lines(self.offered_voices.replace(",", "\n"))


class WidgetPage(models.Model):
    """One page of a registered site, as Loa fetched and read it last."""

    site = models.ForeignKey(WidgetSite, on_delete=models.CASCADE, related_name="pages")
    url = models.URLField(max_length=2000)
    url_hash = models.CharField(max_length=64)
    title = models.CharField(max_length=500, blank=True)
    status = models.CharField(max_length=32, default="new")  # ok, or why there is nothing to read
    error = models.CharField(max_length=500, blank=True)
    blocks = models.JSONField(default=list)  # [{"tag": "p", "text": textContent}, ...]
    units = models.JSONField(default=list)  # reading script units, "block" = index into blocks
    text_hash = models.CharField(max_length=64, blank=True)
    lexicon_hash = models.CharField(max_length=64, blank=True)
    chars = models.PositiveIntegerField(default=0)
    truncated = models.BooleanField(default=False)
    fetched_at = models.DateTimeField(null=True, blank=True)
    fetch_count = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = "bài của trang liên kết"
        constraints = [models.UniqueConstraint(fields=["site", "url_hash"], name="widget_one_page_per_url")]

    def __str__(self) -> str:
        return self.url


class WidgetNarration(models.Model):
    """A page of a registered site read by one voice (the same states as an article's narration)."""

    page = models.ForeignKey(WidgetPage, on_delete=models.CASCADE, related_name="narrations")
    voice = models.CharField(max_length=64)
    key = models.CharField(max_length=64)
    state = models.CharField(max_length=16, choices=NarrationState.choices, default=NarrationState.PENDING)
    audio_name = models.CharField(max_length=200, blank=True)
    audio_size = models.PositiveBigIntegerField(default=0)
    duration = models.FloatField(default=0.0)
    sentences = models.JSONField(default=list)
    synthesized_count = models.PositiveIntegerField(default=0)
    attempts = models.PositiveSmallIntegerField(default=0)
    error = models.TextField(blank=True)
    requested_at = models.DateTimeField(null=True, blank=True)
    ready_at = models.DateTimeField(null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["page", "voice"], name="widget_one_narration_per_voice")]

    @property
    def is_ready(self) -> bool:
        return self.state == NarrationState.READY and bool(self.audio_name)


class WidgetDaily(models.Model):
    """One site's day: visits for the visitor box, plays and listens of its articles."""

    site = models.ForeignKey(WidgetSite, on_delete=models.CASCADE, related_name="days")
    day = models.DateField()
    views = models.BigIntegerField(default=0)
    visits = models.BigIntegerField(default=0)
    plays = models.BigIntegerField(default=0)
    listens = models.BigIntegerField(default=0)
    completions = models.BigIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["site", "day"], name="widget_one_row_per_site_day")]


class WidgetVisitor(models.Model):
    """A visitor of a site today: a salted daily hash (as Loa's own statistics), never an address."""

    site = models.ForeignKey(WidgetSite, on_delete=models.CASCADE, related_name="+")
    hash = models.CharField(max_length=32)
    day = models.DateField()
    last_active = models.DateTimeField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["site", "hash"], name="widget_one_visitor_row")]
        indexes = [models.Index(fields=["site", "last_active"], name="widget_visitor_active")]


class WidgetListen(models.Model):
    """Makes plays, listens and completions count once per visitor, page and day."""

    site = models.ForeignKey(WidgetSite, on_delete=models.CASCADE, related_name="+")
    page = models.ForeignKey(WidgetPage, on_delete=models.CASCADE, related_name="+")
    day = models.DateField()
    hash = models.CharField(max_length=32)
    kind = models.CharField(max_length=8)  # play, listen, ended

    class Meta:
        constraints = [models.UniqueConstraint(fields=["page", "day", "hash", "kind"], name="widget_listen_once")]
