from pathlib import Path

from loa.pages.demo.convert import text_to_blocks

SEED = (Path(__file__).resolve().parents[1] / "demo" / "seed-article.txt").read_text(encoding="utf-8")


def _items(blocks, kind):
    return [b for b in blocks if b["type"] == kind]


def test_seed_headings_become_headings():
    headings = [b["value"]["text"] for b in _items(text_to_blocks(SEED), "heading")]
    assert headings[0] == "PHẦN THỨ NHẤT."
    assert "PHẦN THỨ HAI." in headings
    assert "VỀ THÀNH TỰU." in headings
    assert "PHƯƠNG HƯỚNG, NHIỆM VỤ NHIỆM KỲ 2025-2030." in headings
    levels = {b["value"]["text"]: b["value"]["level"] for b in _items(text_to_blocks(SEED), "heading")}
    assert levels["PHẦN THỨ HAI."] == "h2" and levels["VỀ THÀNH TỰU."] == "h3"


def test_seed_list_markers_become_lists():
    lists = _items(text_to_blocks(SEED), "list")
    markers = {b["value"]["marker"] for b in lists}
    assert markers == {"dash", "star", "plus"}
    plus = [b for b in lists if b["value"]["marker"] == "plus"][0]
    assert plus["value"]["nested"] is True
    assert len(plus["value"]["items"]) == 2
    # "-\u00a0Hằng năm": items introduced by a non-breaking space are list items too.
    texts = [i["value"] for b in lists for i in b["value"]["items"]]
    assert any(t.startswith("<p>Hằng năm, có 100% đảng viên, cán bộ") for t in texts)
    total = sum(len(b["value"]["items"]) for b in lists)
    source_items = sum(1 for line in SEED.splitlines() if line[:1] in "-*+" and line[1:2] in (" ", "\u00a0"))
    assert total == source_items


def test_seed_text_is_complete_and_nbsp_free():
    blocks = text_to_blocks(SEED)
    joined = " ".join(
        b["value"].get("text", "") + " ".join(i["value"] for i in b["value"].get("items", [])) for b in blocks
    )
    assert "\u00a0" not in joined
    assert "53.082 cử tri" in joined
    assert blocks[-1]["value"]["text"].endswith("quyết tâm phấn đấu hoàn thành xuất sắc mục tiêu, chỉ tiêu, nhiệm vụ của Nghị quyết Đại hội đề ra.</p>")
    assert "“ĐOÀN KẾT - NĂNG ĐỘNG - PHÁT TRIỂN”" in blocks[-1]["value"]["text"]


def test_lead_labels_are_bold_and_text_escaped():
    blocks = text_to_blocks("KHÁI QUÁT: nội dung\n\n- Về A & B: chi tiết <x>\n")
    assert blocks[0]["value"]["text"] == "<p><b>KHÁI QUÁT:</b> nội dung</p>"
    assert blocks[1]["value"]["items"][0]["value"] == "<p><b>Về A &amp; B:</b> chi tiết &lt;x&gt;</p>"
