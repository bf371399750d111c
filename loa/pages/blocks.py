"""StreamField blocks of an article body.

Every block carries a `skip_reading` flag ("Không đọc"): the read-aloud
feature leaves such blocks out of the audio (e.g. tables of figures, credits).
"""
from __future__ import annotations

from collections.abc import Iterator

from wagtail import blocks
from wagtail.images.blocks import ImageChooserBlock
from wagtail.rich_text import RichText

from loa.core.sanitize import sanitize_html
from loa.core.text import html_to_text

INLINE_FEATURES = ["bold", "italic", "link", "superscript", "subscript"]


def sanitize_body(body) -> None:
    """Sanitize every rich-text value of a StreamField body in place."""
    for child in body:
        if child.block_type == "paragraph":
            child.value["text"] = RichText(sanitize_html(child.value["text"].source))
        elif child.block_type == "list":
            items = child.value["items"]
            for index, item in enumerate(items):
                items[index] = RichText(sanitize_html(item.source))


def skip_reading_block() -> blocks.BooleanBlock:
    return blocks.BooleanBlock(
        required=False,
        default=False,
        label="Không đọc",
        help_text="Đánh dấu nếu không muốn đoạn này được đọc thành tiếng.",
    )


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label="Tiêu đề", max_length=300)
    level = blocks.ChoiceBlock(
        label="Cấp tiêu đề",
        choices=[("h2", "Cấp 2 (phần lớn)"), ("h3", "Cấp 3 (mục)"), ("h4", "Cấp 4 (tiểu mục)")],
        default="h2",
    )
    skip_reading = skip_reading_block()

    class Meta:
        label = "Tiêu đề"
        icon = "title"
        template = "pages/blocks/heading.html"


class ParagraphBlock(blocks.StructBlock):
    text = blocks.RichTextBlock(label="Nội dung", features=INLINE_FEATURES)
    skip_reading = skip_reading_block()

    class Meta:
        label = "Đoạn văn"
        icon = "pilcrow"
        template = "pages/blocks/paragraph.html"


class ListBlock(blocks.StructBlock):
    marker = blocks.ChoiceBlock(
        label="Ký hiệu đầu dòng",
        choices=[
            ("dash", "Gạch đầu dòng (-)"),
            ("star", "Dấu sao (*)"),
            ("plus", "Dấu cộng (+)"),
            ("disc", "Chấm tròn (•)"),
            ("number", "Số thứ tự (1, 2, 3)"),
        ],
        default="dash",
    )
    nested = blocks.BooleanBlock(
        label="Danh sách cấp con", required=False, default=False,
        help_text="Thụt lề như các ý con của mục phía trên.",
    )
    items = blocks.ListBlock(
        blocks.RichTextBlock(label="Ý", features=INLINE_FEATURES),
        label="Các ý",
        min_num=1,
    )
    skip_reading = skip_reading_block()

    class Meta:
        label = "Danh sách"
        icon = "list-ul"
        template = "pages/blocks/list.html"


class CaptionedImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label="Ảnh")
    alt_text = blocks.CharBlock(
        label="Văn bản thay thế (alt)",
        required=False,
        max_length=250,
        help_text="Mô tả ngắn nội dung ảnh cho người khiếm thị; để trống sẽ dùng mô tả của ảnh.",
    )
    caption = blocks.CharBlock(label="Chú thích ảnh", required=False, max_length=500)
    skip_reading = skip_reading_block()

    class Meta:
        label = "Ảnh có chú thích"
        icon = "image"
        template = "pages/blocks/image.html"


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label="Trích dẫn")
    attribution = blocks.CharBlock(label="Người/nguồn trích dẫn", required=False, max_length=250)
    skip_reading = skip_reading_block()

    class Meta:
        label = "Trích dẫn"
        icon = "openquote"
        template = "pages/blocks/quote.html"


class ArticleBodyBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = ParagraphBlock()
    list = ListBlock()
    image = CaptionedImageBlock()
    quote = QuoteBlock()

    class Meta:
        block_counts = {}


def block_texts(body, include_skipped: bool = True) -> Iterator[tuple[str, str, str]]:
    """Yield (block id, block type, plain text) for each block of an article body.

    The read-aloud feature uses this with include_skipped=False.
    """
    for child in body:
        value = child.value
        if not include_skipped and value.get("skip_reading"):
            continue
        kind = child.block_type
        if kind == "heading":
            text = value["text"]
        elif kind == "paragraph":
            text = html_to_text(value["text"].source)
        elif kind == "list":
            text = "\n".join(html_to_text(item.source) for item in value["items"])
        elif kind == "image":
            text = value.get("caption") or ""
        elif kind == "quote":
            text = value["text"]
            if value.get("attribution"):
                text += f"\n{value['attribution']}"
        else:  # pragma: no cover - future block types
            text = ""
        if text:
            yield child.id, kind, text


class SummaryAndBody:
    """A page with a plain-text `summary` and a `body` of the article's blocks (ArticlePage, InfoPage,
    DraftPage): the body is sanitized on every save, and the two are the page's plain text. The model
    declares both fields (their labels and help differ)."""

    summary: str

    def plain_text(self, include_skipped: bool = True) -> str:
        """Summary and body as plain text, one block per paragraph."""
        parts = [self.summary] if self.summary else []
        parts += [text for _, _, text in block_texts(self.body, include_skipped=include_skipped)]
        return "\n\n".join(parts)

    def save(self, *args, **kwargs):
        sanitize_body(self.body)
        return super().save(*args, **kwargs)
