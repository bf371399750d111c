"""The lists petitions are filed under: cơ quan trả lời, địa bàn (xã/phường), lĩnh vực; and meetings with voters."""
from __future__ import annotations

from django.db import models
from modelcluster.fields import ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel

from loa.core.text import fold


class NamedLookup(models.Model):
    name = models.CharField("Tên", max_length=200, unique=True)
    slug = models.SlugField("Đường dẫn", max_length=100, unique=True,
                            help_text="Dùng trong bộ lọc và đường dẫn chia sẻ, ví dụ: xa-tan-phu.")
    sort_order = models.PositiveIntegerField("Thứ tự", default=0)

    class Meta:
        abstract = True
        ordering = ["sort_order", "name"]

    def __str__(self) -> str:
        return self.name

    @classmethod
    def by_folded_name(cls) -> dict[str, NamedLookup]:
        """Every row by its folded name and slug: how an imported table's cells find them."""
        found: dict[str, NamedLookup] = {}
        for row in cls.objects.all():
            found[fold(row.name)] = row
            found[row.slug] = row
        return found


class Agency(NamedLookup):
    """A cơ quan that answers petitions (a department, a district's People's Committee, a utility...)."""

    short_name = models.CharField("Tên viết tắt", max_length=60, blank=True, help_text="Dùng trong biểu đồ.")

    class Meta(NamedLookup.Meta):
        verbose_name = "cơ quan trả lời"
        verbose_name_plural = "cơ quan trả lời"

    @property
    def label(self) -> str:
        return self.short_name or self.name


class Locality(NamedLookup):
    """A xã / phường (or larger area) where petitions come from."""

    class Meta(NamedLookup.Meta):
        verbose_name = "địa bàn"
        verbose_name_plural = "địa bàn (xã, phường)"


class PetitionTopic(NamedLookup):
    class Meta(NamedLookup.Meta):
        verbose_name = "lĩnh vực kiến nghị"
        verbose_name_plural = "lĩnh vực kiến nghị"


class VoterMeeting(ClusterableModel):
    """A tiếp xúc cử tri: delegates meeting the voters of one place before (or after) a session."""

    date = models.DateField("Ngày tiếp xúc")
    locality = models.ForeignKey(Locality, verbose_name="Địa bàn", on_delete=models.PROTECT, related_name="meetings")
    place = models.CharField("Địa điểm", max_length=300, help_text="Ví dụ: Hội trường UBND xã Tân Phú.")
    group = models.ForeignKey("delegates.DelegationGroup", verbose_name="Tổ đại biểu", null=True, blank=True,
                              on_delete=models.SET_NULL, related_name="voter_meetings")
    delegates = ParentalManyToManyField("delegates.DelegatePage", verbose_name="Đại biểu tham dự", blank=True,
                                        related_name="voter_meetings")
    session = models.ForeignKey("kyhop.SessionPage", verbose_name="Chuẩn bị cho kỳ họp", null=True, blank=True,
                                on_delete=models.SET_NULL, related_name="voter_meetings")
    voters = models.PositiveIntegerField("Số cử tri tham dự", default=0)
    opinions = models.PositiveIntegerField("Số ý kiến", default=0)
    notes = models.TextField("Ghi chú", blank=True, max_length=2000)

    panels = [
        FieldRowPanel([FieldPanel("date"), FieldPanel("locality")]),
        FieldPanel("place"),
        MultiFieldPanel([FieldPanel("group"), FieldPanel("delegates")], heading="Đại biểu"),
        FieldPanel("session"),
        FieldRowPanel([FieldPanel("voters"), FieldPanel("opinions")]),
        FieldPanel("notes"),
    ]

    class Meta:
        ordering = ["-date", "pk"]
        verbose_name = "cuộc tiếp xúc cử tri"
        verbose_name_plural = "tiếp xúc cử tri"

    def __str__(self) -> str:
        return f"{self.date:%d/%m/%Y} – {self.locality.name}"
