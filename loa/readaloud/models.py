"""What the read-aloud feature keeps: each article's reading script, its audio per voice, the lexicon."""
from __future__ import annotations

from django.db import models
from wagtail.search import index


class ReadingScript(models.Model):
    """The text an article is read from: its units (title, summary, body pieces) with their DOM offsets.

    Rebuilt whenever the article is published; `text_hash` changes exactly when
    what is read changes, `lexicon_hash` when a lexicon entry it contains changes.
    """

    page = models.OneToOneField("wagtailcore.Page", on_delete=models.CASCADE, related_name="reading_script")
    units = models.JSONField(default=list)  # [{"block": id, "offset": int, "text": str}, ...]
    text = models.TextField(blank=True)  # the units joined by newlines: what is spoken, searched by the lexicon
    text_hash = models.CharField(max_length=64)
    lexicon_hash = models.CharField(max_length=64, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "Văn bản đọc"
        verbose_name_plural = "Văn bản đọc"

    def __str__(self) -> str:
        return f"Văn bản đọc của trang {self.page_id}"


class NarrationState(models.TextChoices):
    PENDING = "pending", "Đang chờ tạo"
    RUNNING = "running", "Đang tạo"
    RETRYING = "retrying", "Lỗi, sẽ thử lại"
    READY = "ready", "Sẵn sàng"
    FAILED = "failed", "Lỗi"


class Narration(models.Model):
    """One article read by one voice. The audio fields describe `key` only when the state is ready."""

    page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="narrations")
    voice = models.CharField("Giọng đọc", max_length=64)
    key = models.CharField(max_length=64, help_text="Hash of everything the wanted audio depends on.")
    state = models.CharField("Trạng thái", max_length=16, choices=NarrationState.choices, default=NarrationState.PENDING)

    audio_name = models.CharField(max_length=200, blank=True)  # relative to MEDIA_ROOT, content-addressed
    audio_size = models.PositiveBigIntegerField(default=0)
    duration = models.FloatField(default=0.0)
    sentences = models.JSONField(default=list)
    sentence_count = models.PositiveIntegerField(default=0)
    synthesized_count = models.PositiveIntegerField(default=0, help_text="Sentences not found in the cache last time.")

    attempts = models.PositiveSmallIntegerField(default=0)
    error = models.TextField("Lỗi gần nhất", blank=True)
    task_id = models.CharField(max_length=64, blank=True)
    worker = models.CharField(max_length=200, blank=True)  # "host:pid" of the process generating it
    requested_at = models.DateTimeField(null=True, blank=True)
    heartbeat_at = models.DateTimeField(null=True, blank=True)
    retry_at = models.DateTimeField(null=True, blank=True)
    ready_at = models.DateTimeField(null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "Âm thanh tin bài"
        verbose_name_plural = "Âm thanh tin bài"
        constraints = [models.UniqueConstraint(fields=["page", "voice"], name="readaloud_one_narration_per_voice")]
        indexes = [models.Index(fields=["state"], name="readaloud_narration_state")]

    def __str__(self) -> str:
        return f"{self.page_id}/{self.voice}: {self.state}"

    @property
    def is_ready(self) -> bool:
        return self.state == NarrationState.READY and bool(self.audio_name)


class PronunciationEntry(index.Indexed, models.Model):
    """A lexicon entry ("Từ điển phát âm"): how a written form is read, before the built-in rules."""

    written = models.CharField(
        "Dạng viết", max_length=200, unique=True,
        help_text="Đúng như trong bài, phân biệt chữ hoa/thường; khớp nguyên từ. Ví dụ: eCabinet",
    )
    spoken = models.CharField(
        "Cách đọc", max_length=500,
        help_text="Viết như khi đọc thành tiếng. Ví dụ: i ca bi nét. Để giữ nguyên, ghi lại đúng dạng viết.",
    )
    note = models.CharField("Ghi chú", max_length=300, blank=True)
    updated_at = models.DateTimeField("Cập nhật", auto_now=True)

    search_fields = [index.SearchField("written"), index.SearchField("spoken"), index.AutocompleteField("written")]

    class Meta:
        verbose_name = "mục từ phát âm"
        verbose_name_plural = "từ điển phát âm"
        ordering = ["written"]

    def __str__(self) -> str:
        return f"{self.written} → {self.spoken}"
