"""`loa reading-audit`: the site's guessed readings by frequency, with an example sentence."""
from __future__ import annotations

import subprocess
import sys
from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone
from wagtail.models import Page

from loa.readaloud.models import PronunciationEntry

from .helpers import paragraph, publish_article

pytestmark = pytest.mark.django_db


def run(*args: str) -> str:
    out = StringIO()
    call_command("reading_audit", *args, stdout=out)
    return out.getvalue()


@pytest.fixture
def site_pages(category):
    first = publish_article(category, title="Hệ thống QWZX ra mắt", body=[
        paragraph("<p>Tỉnh dùng QWZX và smartgrid. Người dân khen QWZX.</p>"),
    ])
    second = publish_article(category, title="Họp về lưới điện", body=[
        paragraph("<p>Đề án smartgrid được duyệt. QWZX chạy ổn.</p>"),
    ])
    return first, second


def test_guessed_words_by_frequency_with_an_example(site_pages):
    first, _ = site_pages
    lines = run().splitlines()
    assert lines[0] == "2 từ đọc theo phỏng đoán (số lần, số trang, từ → cách đọc, lý do):"
    assert lines[1].split() == ["4", "2", "QWZX", "→", "quy", "vê", "kép", "dét", "ích", "xì", "(chữ", "viết", "tắt",
                                "chưa", "có", "trong", "bảng,", "đánh", "vần)"]
    assert lines[2].strip() == f"ví dụ: Hệ thống QWZX ra mắt  — Hệ thống QWZX ra mắt (trang {first.pk})"
    assert lines[3].split()[:5] == ["2", "2", "smartgrid", "→", "xờ"] and "(đoán theo chữ viết)" in lines[3]


def test_tsv_and_limit(site_pages):
    lines = run("--tsv", "--limit", "1").splitlines()
    assert lines[0] == "count\tpages\twritten\tspoken\tkind\tpage\tsentence"
    assert lines[1].split("\t")[:5] == ["4", "2", "QWZX", "quy vê kép dét ích xì", "unknown"] and len(lines) == 2


def test_a_lexicon_entry_settles_a_word(site_pages):
    PronunciationEntry.objects.create(written="QWZX", spoken="quýt")
    words = [line.split("\t")[2] for line in run("--tsv").splitlines()[1:]]
    assert words == ["smartgrid"]


def test_since_keeps_the_pages_published_from_that_day(site_pages):
    first, second = site_pages
    Page.objects.filter(pk=first.pk).update(last_published_at=timezone.now() - timedelta(days=40))
    recent = (timezone.now() - timedelta(days=10)).date().isoformat()
    lines = run("--tsv", "--since", recent).splitlines()[1:]
    assert sorted((line.split("\t")[2], line.split("\t")[0]) for line in lines) == [("QWZX", "1"), ("smartgrid", "1")]
    assert run("--since", "2999-01-01").strip() == "Không có từ nào phải đọc theo phỏng đoán."


def test_bad_arguments_say_what_is_wrong(site_pages):
    with pytest.raises(CommandError, match="YYYY-MM-DD"):
        run("--since", "31/12/2025")
    with pytest.raises(CommandError, match="không có trang nào"):
        run("--site", "khong-co.example")


def test_reachable_through_the_loa_command():
    done = subprocess.run([sys.executable, "-m", "loa.cli", "reading-audit", "--help"], capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == 0 and "--since" in done.stdout and "--site" in done.stdout
