"""Admin: "Tạo lại âm thanh" for one article; "Sửa cách đọc" for a guessed word (a lexicon entry)."""
from __future__ import annotations

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail.models import Page

from ..models import PronunciationEntry
from ..narration.tasks import regenerate_page
from .status import voice_statuses


def regenerate(request: HttpRequest, page_id: int) -> HttpResponse:
    page = get_object_or_404(Page, pk=page_id).specific
    if not page.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    next_url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    if not page.live:
        messages.error(request, "Tin bài chưa được xuất bản nên chưa có âm thanh để tạo lại.")
        return redirect(next_url)
    if request.method == "POST":
        regenerate_page(page)
        messages.success(request, f"Đã yêu cầu tạo lại âm thanh cho “{page.title}”.")
        return redirect(next_url)
    return TemplateResponse(request, "readaloud/admin/confirm_regenerate.html", {
        "page": page,
        "rows": voice_statuses(page),
        "action_url": request.path,
        "next_url": next_url,
        "header_title": "Tạo lại âm thanh",
        "page_title": "Tạo lại âm thanh",
        "page_subtitle": page.get_admin_display_title(),
        "header_icon": "media",
    })


class ReadingForm(forms.ModelForm):
    class Meta:
        model = PronunciationEntry
        fields = ["written", "spoken", "note"]


def fix_reading(request: HttpRequest) -> HttpResponse:
    """"Sửa cách đọc": add (or change) the lexicon entry of a guessed word, then back to the page's editor.

    Saving the entry regenerates the published articles that contain the word (signals.py);
    a draft is read with it from the next preview on.
    """
    written = request.GET.get("written", "")[:200]
    existing = PronunciationEntry.objects.filter(written=written).first() if written else None
    needed = "readaloud.change_pronunciationentry" if existing else "readaloud.add_pronunciationentry"
    if not request.user.has_perm(needed):
        raise PermissionDenied
    page = _editable_page(request, request.GET.get("page", ""))
    back_url = reverse("wagtailadmin_pages:edit", args=[page.pk]) if page else reverse(
        "wagtailsnippets_readaloud_pronunciationentry:list")
    if request.method == "POST":
        form = ReadingForm(request.POST, instance=existing)
        if form.is_valid():
            entry = form.save()
            messages.success(request, _("Saved how “%(written)s” is read: %(spoken)s. Articles that have it are read again.")
                             % {"written": entry.written, "spoken": entry.spoken})
            return redirect(back_url)
    else:
        initial = {"written": written, "spoken": request.GET.get("spoken", "")[:500]}
        form = ReadingForm(instance=existing, initial=None if existing else initial)
    title = _("Fix reading")
    return TemplateResponse(request, "readaloud/admin/fix_reading.html", {
        "form": form,
        "existing": existing,
        "action_url": request.get_full_path(),
        "back_url": back_url,
        "header_title": title,
        "page_title": title,
        "page_subtitle": written,
        "header_icon": "openquote",
    })


def _editable_page(request: HttpRequest, page_id: str):
    """The page the editor came from, if it is a number, exists and the user may edit it."""
    if not page_id.isdigit() or not 0 < int(page_id) < 2**63:
        return None
    page = Page.objects.filter(pk=int(page_id)).first()
    if page is None or not page.permissions_for_user(request.user).can_edit():
        return None
    return page
