"""What is read, and where it is on the page: units with offsets into each block's textContent."""
from __future__ import annotations

import pytest

from loa.readaloud.narration.html_text import readable_pieces, text_content
from loa.readaloud.narration.script import ScriptMap, Unit, article_units, script_text, units_hash

from .helpers import heading, paragraph, publish_article, republish


def test_pieces_split_at_block_elements_and_keep_textcontent_offsets():
    markup = "<ul><li><p><b>Về kinh tế:</b> tăng &amp; giảm</p></li><li><p>Ý hai</p></li></ul>\n"
    pieces = readable_pieces(markup)
    content = text_content(markup)
    assert [p.text for p in pieces] == ["Về kinh tế: tăng & giảm", "Ý hai"]
    for piece in pieces:
        assert content[piece.offset:piece.offset + len(piece.text)] == piece.text


def test_code_tables_and_hidden_elements_are_not_read_but_still_counted():
    markup = ("<p>Trước <code>x = 1</code> sau.</p><table><tr><td>53.082</td></tr></table>"
              "<p aria-hidden=\"true\">ẩn</p><p>Cuối<br>dòng mới</p>")
    pieces = readable_pieces(markup)
    content = text_content(markup)
    assert [p.text for p in pieces] == ["Trước", "sau.", "Cuối", "dòng mới"]
    for piece in pieces:
        assert content[piece.offset:piece.offset + len(piece.text)] == piece.text


def test_offsets_count_utf16_units_like_the_dom():
    markup = "<p>😀 Xin chào. Tạm biệt.</p>"
    (piece,) = readable_pieces(markup)
    assert piece.offset == 0 and piece.text.startswith("😀")
    script_map = ScriptMap([Unit("b", piece.offset, piece.text)])
    start = piece.text.index("Xin")
    assert script_map.locate(start, start + 3) == ("b", start + 1, start + 4)  # the emoji is 2 UTF-16 units


@pytest.mark.django_db
def test_article_reads_title_summary_then_body_skipping_marked_blocks(category):
    page = publish_article(category)
    units = article_units(page)
    blocks = [unit.block for unit in units]
    assert blocks[:2] == ["title", "summary"]
    texts = [unit.text for unit in units]
    assert texts[0] == page.title and texts[1] == page.summary
    assert "PHẦN THỨ NHẤT." in texts
    assert "Về kinh tế: tăng trưởng 7,5%." in texts and "Về xã hội: giảm nghèo bền vững." in texts  # items apart
    assert not any("không được đọc" in text for text in texts)
    assert "Đoàn kết - Năng động - Phát triển." in texts
    # every unit is exactly where the page shows it
    by_id = {child.id: text_content(str(child.render())) for child in page.body}
    for unit in units[2:]:
        assert by_id[unit.block][unit.offset:unit.offset + len(unit.text)] == unit.text


@pytest.mark.django_db
def test_hash_changes_with_the_text_and_only_with_it(category):
    page = publish_article(category)
    first = units_hash(article_units(page))
    assert units_hash(article_units(page)) == first
    changed = republish(page, title="Tiêu đề mới của tin bài")
    assert units_hash(article_units(changed)) != first


@pytest.mark.django_db
def test_headings_and_paragraphs_become_separate_lines(category):
    page = publish_article(category, body=[heading("MỤC MỘT"), paragraph("<p>Câu một. Câu hai.</p>")])
    text = script_text(article_units(page))
    assert text.split("\n")[2:] == ["MỤC MỘT", "Câu một. Câu hai."]
