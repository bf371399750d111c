"""The editors' review of each dataset (Nghị định 47/2020/NĐ-CP: at least every six months)."""
from __future__ import annotations

from datetime import date, timedelta

from django.db import models
from django.utils import timezone

from . import conf


class DatasetReview(models.Model):
    slug = models.SlugField("Mã bộ dữ liệu", max_length=100, unique=True, editable=False)
    reviewed_on = models.DateField("Rà soát lần cuối", null=True, blank=True)
    review_by = models.DateField("Hạn rà soát tiếp theo",
                                 help_text="Văn phòng rà soát bộ dữ liệu ít nhất sáu tháng một lần.")
    note = models.TextField("Ghi chú rà soát", blank=True, max_length=2000)

    class Meta:
        ordering = ["review_by"]
        verbose_name = "Rà soát bộ dữ liệu mở"
        verbose_name_plural = "Rà soát dữ liệu mở"

    def __str__(self) -> str:
        from .registry import get

        dataset = get(self.slug)
        return dataset.title if dataset else self.slug

    @property
    def review_due(self) -> bool:
        return self.review_by <= timezone.localdate()


def default_review_date(today: date | None = None) -> date:
    return (today or timezone.localdate()) + timedelta(days=int(conf.get("OPENDATA_REVIEW_DAYS")))


def reviews() -> dict[str, DatasetReview]:
    """One review row per registered dataset (created with a first deadline the first time it is seen)."""
    from .registry import datasets

    found = {review.slug: review for review in DatasetReview.objects.all()}
    for dataset in datasets():
        if dataset.slug not in found:
            found[dataset.slug], _ = DatasetReview.objects.get_or_create(
                slug=dataset.slug, defaults={"review_by": default_review_date()})
    return found


def overdue_reviews() -> list[DatasetReview]:
    return [review for review in reviews().values() if review.review_due]
