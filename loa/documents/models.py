"""The document library (thư viện văn bản): its lookup lists, index and document pages, files, text, downloads."""
from __future__ import annotations

from dataclasses import dataclass, replace
from urllib.parse import urlencode

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

from loa.core.params import query_param
from loa.pages.models import paginate, readaloud_voice_field, readaloud_voice_panel
from loa.pages.text import fold

from . import conf
from .numbers import looks_like_number, number_key, number_words, search_words


class LookupBase(models.Model):
    """A short list editors keep (loại văn bản, cơ quan ban hành, lĩnh vực); `slug` is its value in filter URLs."""

    name = models.CharField("Tên", max_length=200, unique=True)
    slug = models.SlugField("Mã trên đường dẫn", max_length=100, unique=True, allow_unicode=False,
                            help_text="Chữ thường không dấu, ví dụ: nghi-quyet. Dùng trong bộ lọc (?loai=nghi-quyet).")
    sort_order = models.PositiveSmallIntegerField("Thứ tự", default=0)

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("sort_order")]
    api_fields = [APIField("name"), APIField("slug")]

    class Meta:
        abstract = True
        ordering = ["sort_order", "name"]

    def __str__(self) -> str:
        return self.name


class DocumentType(LookupBase):
    class Meta(LookupBase.Meta):
        verbose_name = "loại văn bản"
        verbose_name_plural = "loại văn bản"


class IssuingBody(LookupBase):
    class Meta(LookupBase.Meta):
        verbose_name = "cơ quan ban hành"
        verbose_name_plural = "cơ quan ban hành"


class DocumentField(LookupBase):
    class Meta(LookupBase.Meta):
        verbose_name = "lĩnh vực"
        verbose_name_plural = "lĩnh vực"


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


@dataclass(frozen=True)
class MetaRow:
    label: str
    value: SafeString
    block: str = ""  # the read-aloud block id when the row is read

    @property
    def inner_html(self) -> SafeString:
        """The row's content, exactly as the page renders it inside <tr data-readaloud-block>."""
        return format_html('<th scope="row">{}</th><td>{}</td>', self.label, self.value)


@dataclass(frozen=True)
class TextBlockView:
    id: str
    kind: str
    html: SafeString


@dataclass(frozen=True)
class TextSection:
    attachment: DocumentAttachment
    state: str  # ExtractionState value, or "" before the first extraction is scheduled
    extracted: ExtractedText | None
    blocks: list[TextBlockView]


BLOCK_TAGS = {"heading": '<h3 class="doc-heading">{}</h3>', "item": '<p class="doc-clause">{}</p>'}


def block_html(kind: str, text: str) -> SafeString:
    return format_html(BLOCK_TAGS.get(kind, "<p>{}</p>"), text)


class DocumentPage(Page):
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
        self.search_text = self.build_search_text()
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

    def build_search_text(self) -> str:
        parts = [self.title, self.number, number_words(self.number), number_key(self.number), self.summary,
                 self.signer, self.signer_title]
        if self.doc_type_id:
            parts.append(self.doc_type.name)
        if self.issuer_id:
            parts.append(self.issuer.name)
        parts += [f.name for f in self.subjects.all()]
        if self.pk:
            parts += extracted_texts(self)
        return fold(" ".join(p for p in parts if p))

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


# -- the library's filters: ?loai=, ?co_quan=, ?linh_vuc=, ?nam=, ?q=, combinable plain GET parameters --------------

MAX_QUERY_LENGTH = 200
MAX_TEXT_MATCHES = 2000




@dataclass(frozen=True)
class Filters:
    loai: DocumentType | None = None
    co_quan: IssuingBody | None = None
    linh_vuc: DocumentField | None = None
    nam: int | None = None
    q: str = ""

    @property
    def active(self) -> bool:
        return any((self.loai, self.co_quan, self.linh_vuc, self.nam, self.q))

    def params(self) -> dict[str, str]:
        values = {
            "loai": self.loai.slug if self.loai else "",
            "co_quan": self.co_quan.slug if self.co_quan else "",
            "linh_vuc": self.linh_vuc.slug if self.linh_vuc else "",
            "nam": str(self.nam) if self.nam else "",
            "q": self.q,
        }
        return {key: value for key, value in values.items() if value}

    def query(self, **changes) -> str:
        """The query string of these filters with `changes` applied (None removes one)."""
        return urlencode(replace(self, **changes).params())


def parse_filters(request: HttpRequest) -> Filters:
    """Unknown values are ignored rather than giving an error: a stale shared link still lists documents."""
    def lookup(model, name):
        slug = query_param(request, name, 100)
        return model.objects.filter(slug=slug).first() if slug else None

    year = query_param(request, "nam", 4)
    return Filters(
        loai=lookup(DocumentType, "loai"),
        co_quan=lookup(IssuingBody, "co_quan"),
        linh_vuc=lookup(DocumentField, "linh_vuc"),
        nam=int(year) if year.isdigit() and 1900 <= int(year) <= 2999 else None,
        q=query_param(request, "q", MAX_QUERY_LENGTH),
    )


def apply_filters(queryset, filters: Filters):
    if filters.loai:
        queryset = queryset.filter(doc_type=filters.loai)
    if filters.co_quan:
        queryset = queryset.filter(issuer=filters.co_quan)
    if filters.linh_vuc:
        queryset = queryset.filter(subjects=filters.linh_vuc)
    if filters.nam:
        queryset = queryset.filter(issued_date__year=filters.nam)
    if filters.q:
        queryset = match_query(queryset, filters.q)
    return queryset


def match_query(queryset, query: str):
    """Documents whose số ký hiệu starts as typed ("25/2024/NQ-HĐND", "25/2024", "nq hdnd 25" folded), else
    whose text has every word of the query (diacritics and case ignored)."""
    if looks_like_number(query):
        by_number = queryset.filter(number_key__startswith=number_key(query))
        if by_number.exists():
            return by_number
    words = search_words(query)
    if not words:
        return queryset.none()
    matches = DocumentPage.objects.live().search(words, operator="and", order_by_relevance=False)
    ids = [page.pk for page in matches[:MAX_TEXT_MATCHES]]
    return queryset.filter(pk__in=ids)


def options(index: DocumentIndexPage) -> dict:
    """What the filter form offers: only values that some document in this library has."""
    documents = index.documents()
    years = [day.year for day in documents.order_by().dates("issued_date", "year", order="DESC")]
    return {
        "types": DocumentType.objects.filter(pk__in=documents.values("doc_type")),
        "issuers": IssuingBody.objects.filter(pk__in=documents.values("issuer")),
        "fields": DocumentField.objects.filter(pk__in=DocumentPage.subjects.through.objects.filter(
            documentpage__in=documents.values("pk")).values("documentfield")),
        "years": years,
    }


def library_context(index: DocumentIndexPage, request: HttpRequest) -> dict:
    filters = parse_filters(request)
    results = apply_filters(index.documents(), filters).distinct()
    page_obj = paginate(request, results, int(conf.get("DOCUMENTS_PER_PAGE")))
    return {
        "filters": filters,
        "options": options(index),
        "documents": page_obj,
        "extra_query": filters.query(),
        "search_query": "",
    }
