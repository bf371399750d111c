"""Daily rollups (kept), per-visitor working state and salts (deleted after two days)."""
from __future__ import annotations

from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting


class Salt(models.Model):
    """The random key of one local day's visitor hashes; only today's and yesterday's exist."""

    day = models.DateField(primary_key=True)
    key = models.BinaryField(max_length=32)


class VisitorState(models.Model):
    """What the embedded backend must share between processes about one (pseudonymous) visitor.

    `sessions` holds recent visits as [start, end, referrer host] (Unix seconds) so that
    batches flushed out of order by different processes still give exact visit counts;
    `listens` maps page id -> bit set of what was already counted today.
    """

    hash = models.CharField(max_length=32, primary_key=True)
    day = models.DateField(db_index=True)
    last_active = models.DateTimeField(null=True, db_index=True)
    viewed = models.BooleanField(default=False)
    sessions = models.JSONField(default=list)
    listens = models.JSONField(default=dict)


class DailyTotal(models.Model):
    day = models.DateField(primary_key=True)
    views = models.BigIntegerField(default=0)
    visits = models.BigIntegerField(default=0)
    visitors = models.BigIntegerField(default=0)
    plays = models.BigIntegerField(default=0)
    listens = models.BigIntegerField(default=0)

    class Meta:
        verbose_name = "Thống kê theo ngày"
        verbose_name_plural = "Thống kê theo ngày"
        permissions = [("view_statistics", "Xem thống kê truy cập")]


class DailyPageView(models.Model):
    day = models.DateField()
    path = models.CharField(max_length=512)
    views = models.BigIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["day", "path"], name="stats_pageview_day_path")]


class DailyListen(models.Model):
    day = models.DateField()
    page_id = models.BigIntegerField()
    plays = models.BigIntegerField(default=0)
    listens = models.BigIntegerField(default=0)
    reached_25 = models.BigIntegerField(default=0)
    reached_50 = models.BigIntegerField(default=0)
    reached_75 = models.BigIntegerField(default=0)
    reached_100 = models.BigIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["day", "page_id"], name="stats_listen_day_page")]


class DailyChoice(models.Model):
    """Listens by player choice: kind "voice" or "speed"."""

    day = models.DateField()
    kind = models.CharField(max_length=16)
    value = models.CharField(max_length=64)
    listens = models.BigIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["day", "kind", "value"], name="stats_choice_day_kind_value")]


class DailyReferrer(models.Model):
    day = models.DateField()
    host = models.CharField(max_length=255)
    visits = models.BigIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["day", "host"], name="stats_referrer_day_host")]


class AppliedBatch(models.Model):
    """A Redis batch already added to the rollups, so a retried roll-up never adds it twice."""

    id = models.CharField(max_length=80, primary_key=True)
    applied_at = models.DateTimeField(auto_now_add=True)


class FlushLock(models.Model):
    """One row; each embedded-backend flush updates it first, which serialises flushes on any database."""

    id = models.PositiveSmallIntegerField(primary_key=True)
    flushes = models.BigIntegerField(default=0)


@register_setting(icon="view")
class StatsSettings(BaseGenericSetting):
    total_offset = models.PositiveBigIntegerField(
        "Số lượt truy cập ban đầu",
        default=0,
        help_text="Cộng vào «Tất cả», ví dụ tổng số lượt của bộ đếm cũ khi chuyển sang Loa.",
    )

    panels = [FieldPanel("total_offset")]

    class Meta:
        verbose_name = "Thống kê truy cập"
