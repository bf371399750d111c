"""Invalidate cached pages whenever what visitors see may have changed."""
from __future__ import annotations

from django.db.models.signals import post_delete, post_save
from wagtail.images import get_image_model
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished, post_page_move

from loa.core.cache import bump_content_version

from .models import SiteBranding


def _page_deleted(sender, instance, **kwargs) -> None:
    if isinstance(instance, Page):
        bump_content_version()


def _branding_saved(sender, instance, created: bool, **kwargs) -> None:
    # The first page view creates the (empty) setting row; that changes nothing visible.
    if not created:
        bump_content_version()


def connect() -> None:
    page_published.connect(bump_content_version, dispatch_uid="loa-cache-published")
    page_unpublished.connect(bump_content_version, dispatch_uid="loa-cache-unpublished")
    post_page_move.connect(bump_content_version, dispatch_uid="loa-cache-moved")
    post_delete.connect(_page_deleted, dispatch_uid="loa-cache-page-deleted")
    post_save.connect(_branding_saved, sender=SiteBranding, dispatch_uid="loa-cache-branding")
    post_save.connect(bump_content_version, sender=get_image_model(), dispatch_uid="loa-cache-image")
