"""What a document page shows besides its fields: the metadata table's rows and the files' text blocks."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.utils.html import format_html
from django.utils.safestring import SafeString


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
    attachment: Any  # DocumentAttachment
    state: str  # ExtractionState value, or "" before the first extraction is scheduled
    extracted: Any  # its ExtractedText, None before the first extraction
    blocks: list[TextBlockView]


BLOCK_TAGS = {"heading": '<h3 class="doc-heading">{}</h3>', "item": '<p class="doc-clause">{}</p>'}


def block_html(kind: str, text: str) -> SafeString:
    return format_html(BLOCK_TAGS.get(kind, "<p>{}</p>"), text)
