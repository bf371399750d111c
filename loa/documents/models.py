"""The document library (thư viện văn bản): its index and document pages, files, extracted text, downloads."""
from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.http import HttpRequest
from django.utils.html import escape, format_html
from django.utils.safestring import SafeString
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index

from loa.core.search import FoldedSearchText
from loa.readaloud.voice_choice import readaloud_voice_field, readaloud_voice_panel

from .display import MetaRow, TextBlockView, TextSection, block_html
from .lookups import DocumentField, DocumentType, IssuingBody
from .numbers import number_key, number_words


class EffectStatus(models.TextChoices):
    IN_FORCE = "con-hieu-luc", "Còn hiệu lực"
    AMENDED = "sua-doi-bo-sung", "Được sửa đổi, bổ sung"
    PARTLY_EXPIRED = "het-hieu-luc-mot-phan", "Hết hiệu lực một phần"
    EXPIRED = "het-hieu-luc", "Hết hiệu lực"
    NOT_YET = "chua-co-hieu-luc", "Chưa có hiệu lực"


# Statuses that another document brings about: the page links to that document.
CHANGED_STATUSES = {EffectStatus.AMENDED, EffectStatus.PARTLY_EXPIRED, EffectStatus.EXPIRED}


class DocumentIndexPage(RoutablePageMixin, Page):
    """/van-ban/: the documents newest first, with filters (?loai, ?co_quan, ?linh_vuc, ?nam, ?q) and an RSS feed."""

    intro = RichTextField("Giới thiệu", blank=True, features=["bold", "italic", "link"])
    readaloud_voice = readaloud_voice_field()

    content_panels = Page.content_panels + [FieldPanel("intro"), readaloud_voice_panel()]
    parent_page_types = ["pages.HomePage"]
    subpage_types = ["documents.DocumentPage"]
    api_fields = [APIField("intro")]

    class Meta:
        verbose_name = "Thư viện văn bản"
        verbose_name_plural = "Thư viện văn bản"

    def documents(self):
        return live_documents().descendant_of(self)

    @path("")
    def library(self, request: HttpRequest, *args, **kwargs):
        from .filters import library_context

        return self.render(request, context_overrides=library_context(self, request))

    @path("rss/", name="rss")
    def rss(self, request: HttpRequest):
        from .feeds import LatestDocumentsFeed

        return LatestDocumentsFeed(self)(request)


def live_documents():
    return (
        DocumentPage.objects.live().public()
        .select_related("doc_type", "issuer")
        .order_by("-issued_date", "-pk")
    )


class DocumentPage(FoldedSearchText, Page):
    """One document: its official metadata, its files, and the text of its files shown and read aloud."""

    readaloud = True  # loa.readaloud reads readaloud_pieces(): title, metadata, trích yếu, the files' text

    number = models.CharField("Số ký hiệu", max_length=100, help_text="Đúng như trên văn bản, ví dụ: 25/2024/NQ-HĐND.")
    doc_type = models.ForeignKey(DocumentType, verbose_name="Loại văn bản", on_delete=models.PROTECT, related_name="+")
    issuer = models.ForeignKey(IssuingBody, verbose_name="Cơ quan ban hành", on_delete=models.PROTECT, related_name="+")
    signer = models.CharField("Người ký", max_length=200, blank=True)
    signer_title = models.CharField("Chức vụ người ký", max_length=200, blank=True, help_text="Ví dụ: Chủ tịch.")
    issued_date = models.DateField("Ngày ban hành")
    effective_date = models.DateField("Ngày hiệu lực", null=True, blank=True)
    effect_status = models.CharField("Tình trạng hiệu lực", max_length=32, choices=EffectStatus.choices,
                                     default=EffectStatus.IN_FORCE)
    changed_by = models.ForeignKey(
        "self", verbose_name="Văn bản sửa đổi, bổ sung hoặc thay thế", null=True, blank=True,
        on_delete=models.SET_NULL, related_name="changes",
        help_text="Bắt buộc khi văn bản được sửa đổi, bổ sung; nên chọn khi hết hiệu lực do văn bản khác.",
    )
    subjects = ParentalManyToManyField(DocumentField, verbose_name="Lĩnh vực", blank=True, related_name="+")
    summary = models.TextField("Trích yếu", max_length=2000, help_text="Nội dung tóm tắt của văn bản (bắt buộc).")
    number_key = models.CharField(max_length=100, editable=False, db_index=True, default="")
    # Title, number, metadata and the files' text without diacritics, lower case (as ArticlePage.search_text).
    search_text = models.TextField("Văn bản tìm kiếm (không dấu)", blank=True, editable=False)

    content_panels = Page.content_panels + [
        MultiFieldPanel([
            FieldRowPanel([FieldPanel("number"), FieldPanel("doc_type")]),
            FieldPanel("issuer"),
            FieldRowPanel([FieldPanel("signer"), FieldPanel("signer_title")]),
            FieldRowPanel([FieldPanel("issued_date"), FieldPanel("effective_date")]),
            FieldRowPanel([FieldPanel("effect_status"), FieldPanel("changed_by")]),
            FieldPanel("subjects"),
        ], heading="Thông tin văn bản"),
        FieldPanel("summary"),
        InlinePanel("attachments", label="Tệp đính kèm", heading="Tệp đính kèm (PDF, DOCX)"),
    ]

    search_fields = Page.search_fields + [
        index.SearchField("search_text"),
        index.SearchField("summary"),
        index.FilterField("issued_date"),
        index.FilterField("number_key"),
    ]

    api_fields = [
        APIField("number"),
        APIField("doc_type"),
        APIField("issuer"),
        APIField("signer"),
        APIField("signer_title"),
        APIField("issued_date"),
        APIField("effective_date"),
        APIField("effect_status"),
        APIField("changed_by"),
        APIField("subjects"),
        APIField("summary"),
        APIField("attachments"),
    ]

    parent_page_types = ["documents.DocumentIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = "Văn bản"
        verbose_name_plural = "Văn bản"
        indexes = [models.Index(fields=["issued_date"], name="documents_issued_idx")]

    def clean(self) -> None:
        super().clean()
        if self.effect_status == EffectStatus.AMENDED and not self.changed_by_id:
            raise ValidationError({"changed_by": "Chọn văn bản sửa đổi, bổ sung văn bản này."})
        if self.changed_by_id and self.pk and self.changed_by_id == self.pk:
            raise ValidationError({"changed_by": "Văn bản không thể tự sửa đổi chính nó."})
        if self.effective_date and self.issued_date and self.effective_date < self.issued_date:
            raise ValidationError({"effective_date": "Ngày hiệu lực không thể trước ngày ban hành."})

    def save(self, *args, **kwargs):
        self.number = " ".join(self.number.split())
        self.number_key = number_key(self.number)
        return super().save(*args, **kwargs)

    # -- what the page shows -------------------------------------------------------------

    @property
    def year(self) -> int:
        return self.issued_date.year

    @property
    def changes_this(self) -> bool:
        return self.effect_status in CHANGED_STATUSES and self.changed_by is not None

    def field_list(self) -> list[DocumentField]:
        return list(self.subjects.all())

    def metadata_rows(self) -> list[MetaRow]:
        """The metadata table; the rows with a block id are read aloud, in this order."""
        rows = [
            MetaRow("Số ký hiệu", escape(self.number), "meta-number"),
            MetaRow("Loại văn bản", escape(self.doc_type.name)),
            MetaRow("Cơ quan ban hành", escape(self.issuer.name), "meta-issuer"),
            MetaRow("Người ký", escape(", ".join(p for p in (self.signer_title, self.signer) if p)) or "–"),
            MetaRow("Ngày ban hành", escape(self.issued_date.strftime("%d/%m/%Y")), "meta-issued"),
            MetaRow("Ngày hiệu lực", escape(self.effective_date.strftime("%d/%m/%Y")) if self.effective_date else "–"),
            MetaRow("Tình trạng hiệu lực", self._status_html()),
            MetaRow("Lĩnh vực", escape(", ".join(f.name for f in self.field_list())) or "–"),
            MetaRow("Trích yếu", escape(self.summary), "meta-summary"),
        ]
        return rows

    def _status_html(self) -> SafeString:
        label = self.get_effect_status_display()
        changer = self.changed_by if self.changed_by_id else None
        if changer is not None and changer.live:
            return format_html('{} – bởi <a href="{}">{} {}</a>', label, changer.url, changer.doc_type.name, changer.number)
        return escape(label)

    def text_sections(self) -> list[TextSection]:
        """Per attached file that is read: its extraction state and its text blocks."""
        attachments = [a for a in self.attachments.all().select_related("document") if a.read_aloud]
        extracted = {
            t.document_id: t for t in ExtractedText.objects.filter(document_id__in=[a.document_id for a in attachments])
        }
        sections = []
        for attachment in attachments:
            text = extracted.get(attachment.document_id)
            current = text is not None and text.file_hash == (attachment.document.file_hash or text.file_hash)
            state = text.state if current else ExtractionState.PENDING
            blocks = []
            if current and state == ExtractionState.READY:
                blocks = [
                    TextBlockView(f"d{attachment.document_id}-{n}", kind, block_html(kind, value))
                    for n, (kind, value) in enumerate(text.blocks)
                ]
            sections.append(TextSection(attachment, state, text if current else None, blocks))
        return sections

    def readaloud_pieces(self) -> list[tuple[str, str]]:
        """(block id, HTML) in reading order, each exactly as rendered in its data-readaloud-block element."""
        pieces = [("title", escape(self.title))]
        pieces += [(row.block, row.inner_html) for row in self.metadata_rows() if row.block]
        for section in self.text_sections():
            pieces += [(block.id, block.html) for block in section.blocks]
        return pieces

    def search_parts(self) -> list[str]:
        parts = [self.title, self.number, number_words(self.number), number_key(self.number), self.summary,
                 self.signer, self.signer_title]
        if self.doc_type_id:
            parts.append(self.doc_type.name)
        if self.issuer_id:
            parts.append(self.issuer.name)
        parts += [f.name for f in self.subjects.all()]
        if self.pk:
            parts += extracted_texts(self)
        return parts

    def get_context(self, request: HttpRequest, *args, **kwargs) -> dict:
        context = super().get_context(request, *args, **kwargs)
        context["sections"] = self.text_sections()
        context["changed_documents"] = list(live_documents().filter(changed_by=self))
        context["download_counts"] = download_totals([s.attachment.document_id for s in context["sections"]]
                                                     + [a.document_id for a in self.attachments.all()])
        return context


def extracted_texts(page: DocumentPage) -> list[str]:
    """The text of the page's read files, block by block (for the search index)."""
    ids = [a.document_id for a in page.attachments.all() if a.read_aloud]
    texts = ExtractedText.objects.filter(document_id__in=ids, state=ExtractionState.READY)
    return [value for text in texts for _, value in text.blocks]


class DocumentAttachment(Orderable):
    page = ParentalKey(DocumentPage, on_delete=models.CASCADE, related_name="attachments")
    document = models.ForeignKey("wagtaildocs.Document", verbose_name="Tệp", on_delete=models.CASCADE, related_name="+")
    label = models.CharField("Nhãn", max_length=100, blank=True, help_text="Ví dụ: Toàn văn, Phụ lục I.")
    read_aloud = models.BooleanField(
        "Hiển thị và đọc nội dung", default=True,
        help_text="Trích chữ của tệp PDF/DOCX để hiển thị trên trang và đọc thành tiếng.",
    )

    panels = [FieldPanel("document"), FieldRowPanel([FieldPanel("label"), FieldPanel("read_aloud")])]
    api_fields = [APIField("document"), APIField("label")]

    class Meta(Orderable.Meta):
        verbose_name = "tệp đính kèm"
        verbose_name_plural = "tệp đính kèm"

    def __str__(self) -> str:
        return self.label or self.document.title

    @property
    def display_label(self) -> str:
        return self.label or ("Toàn văn" if self.sort_order in (None, 0) else self.document.title)


class ExtractionState(models.TextChoices):
    PENDING = "pending", "Đang chờ trích xuất"
    RUNNING = "running", "Đang trích xuất"
    READY = "ready", "Đã trích xuất"
    SCANNED = "scanned", "Bản quét, không có lớp chữ"
    FAILED = "failed", "Lỗi trích xuất"
    UNSUPPORTED = "unsupported", "Không đọc loại tệp này"


class ExtractedText(models.Model):
    """The text of one Wagtail document file, for the file version `file_hash` and the limits `limits_key`."""

    document = models.OneToOneField("wagtaildocs.Document", on_delete=models.CASCADE, related_name="extracted_text")
    file_hash = models.CharField(max_length=40, blank=True)
    limits_key = models.CharField(max_length=100, blank=True)
    state = models.CharField("Trạng thái", max_length=16, choices=ExtractionState.choices, default=ExtractionState.PENDING)
    blocks = models.JSONField(default=list)  # [[kind, text], ...]
    page_count = models.PositiveIntegerField("Số trang", default=0)
    pages_read = models.PositiveIntegerField("Số trang đã đọc", default=0)
    truncated = models.BooleanField("Bị cắt do giới hạn", default=False)
    char_count = models.PositiveIntegerField("Số ký tự", default=0)
    error = models.TextField("Lỗi", blank=True)
    peak_memory_kb = models.PositiveIntegerField(default=0)
    seconds = models.FloatField(default=0.0)
    task_id = models.CharField(max_length=64, blank=True)
    updated_at = models.DateTimeField("Cập nhật", auto_now=True)

    class Meta:
        verbose_name = "nội dung trích xuất"
        verbose_name_plural = "nội dung trích xuất"

    def __str__(self) -> str:
        return f"{self.document_id}: {self.state}"

    @property
    def is_final(self) -> bool:
        return self.state not in (ExtractionState.PENDING, ExtractionState.RUNNING)


class DailyDownload(models.Model):
    """Downloads of one file on one day (Asia/Ho_Chi_Minh), one per visitor and file per window."""

    document = models.ForeignKey("wagtaildocs.Document", on_delete=models.CASCADE, related_name="daily_downloads")
    day = models.DateField()
    count = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = "lượt tải tệp"
        verbose_name_plural = "lượt tải tệp"
        constraints = [models.UniqueConstraint(fields=["document", "day"], name="documents_one_download_row_per_day")]
        indexes = [models.Index(fields=["day"], name="documents_download_day_idx")]



def download_totals(document_ids: list[int]) -> dict[int, int]:
    """All-time downloads per Wagtail document id."""
    rows = (DailyDownload.objects.filter(document_id__in=set(document_ids)).values("document_id")
            .annotate(n=models.Sum("count")))
    return {row["document_id"]: row["n"] for row in rows}
