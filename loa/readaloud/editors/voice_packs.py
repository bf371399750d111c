"""Admin › Cài đặt › Giọng đọc: every voice with its state, licence and source; the site's default
voice and the voices the player offers (kept in the voices folder, beside the packs)."""
from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse

from loa.core.cache import bump_content_version
from loa.speech.packs import catalogue

from ..narration import voices

REGION_NAMES = {"north": "Miền Bắc", "central": "Miền Trung", "south": "Miền Nam"}
GENDER_NAMES = {"female": "Nữ", "male": "Nam"}
ENGINE_NAMES = {"espeak-ng": "eSpeak NG (có sẵn)", "piper": "Piper (nơ-ron)", "kokoro": "Kokoro (nơ-ron)"}
TERM_NAMES = {"weights_licence": "Giấy phép trọng số", "data_origin": "Dữ liệu huấn luyện",
              "data_terms": "Điều khoản dữ liệu", "consent": "Người đọc đồng ý"}


def term_rows(terms: dict[str, str]) -> list[tuple[str, str]]:
    return [(label, terms.get(key) or "không rõ") for key, label in TERM_NAMES.items()]


def catalogue_rows() -> list[dict]:
    """Catalogued voices not installed yet, with their terms: read before installing."""
    installed = {voice.source.split()[0] for voice in voices.all_voices() if voice.source}
    return [
        {"entry": entry, "terms": term_rows(entry.terms.as_dict()), "engine": ENGINE_NAMES.get(entry.engine, entry.engine),
         "region": REGION_NAMES[entry.region], "command": f"loa voices install {entry.key}"
         + (f" --allow-restricted --confirm {entry.key}" if entry.restricted else "")}
        for entry in catalogue().values() if f"catalogue:{entry.key}" not in installed
    ]


def voice_rows() -> list[dict]:
    default = voices.default_voice_id()
    offered = {voice.id for voice in voices.player_voices()}
    rows = []
    for voice in voices.all_voices():
        problem = voice.error or voices.problem(voice)
        rows.append({
            "voice": voice, "problem": problem, "default": voice.id == default, "offered": voice.id in offered,
            "region": REGION_NAMES[voice.region], "gender": GENDER_NAMES[voice.gender],
            "engine": ENGINE_NAMES.get(voice.engine, voice.engine),
            "terms": term_rows(dict(voice.terms)) if voice.terms else [], "restricted": voice.restricted,
        })
    return rows


def voice_settings(request: HttpRequest) -> HttpResponse:
    if not request.user.is_superuser:
        raise PermissionDenied
    rows = voice_rows()
    if request.method == "POST":
        usable = {row["voice"].id for row in rows if not row["problem"]}
        default = request.POST.get("default", "")
        offered = [voice_id for voice_id in request.POST.getlist("offered") if voice_id in usable]
        if default not in usable:
            messages.error(request, "Giọng mặc định phải là một giọng đang dùng được.")
        else:
            if default not in offered:
                offered.append(default)
            voices.save_preferences(default, offered)
            bump_content_version()  # cached article pages list the player's voices
            messages.success(request, "Đã lưu lựa chọn giọng đọc.")
        return redirect(request.path)
    return TemplateResponse(request, "readaloud/admin/voices.html", {
        "rows": rows,
        "catalogue": catalogue_rows(),
        "folder": voices.voices_folder(),
        "header_title": "Giọng đọc",
        "page_title": "Giọng đọc",
        "header_icon": "media",
    })
