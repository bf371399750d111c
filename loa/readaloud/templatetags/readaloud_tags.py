"""`{% readaloud_player page %}`: the article's player, with a plain <audio> for visitors without JavaScript."""
from __future__ import annotations

from django import template
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext, pgettext

from ..listening.embed import embed_code
from ..listening.next_up import next_candidates
from ..narration.audio_store import audio_url
from ..narration.tasks import request_narration
from ..narration.voices import page_language, page_voice_id, player_voices

register = template.Library()


def speeds() -> tuple[tuple[str, str], ...]:
    return (("0.75", pgettext("speed", "0,75×")), ("1", gettext("1× (bình thường)")),
            ("1.25", pgettext("speed", "1,25×")), ("1.5", pgettext("speed", "1,5×")), ("2", "2×"))


def player_text() -> dict[str, str]:
    """What the player's scripts say, in the page's language; {name} marks what they fill in."""
    return {
        "retrying": gettext("Không tải được âm thanh, đang thử lại…"),
        "making": gettext("Đang tạo âm thanh…"),
        "making_count": gettext("Đang tạo âm thanh: {done}/{total} câu…"),
        "failed": gettext("Chưa tạo được âm thanh. Vui lòng thử lại sau."),
        "press_play": gettext("Bấm “Nghe” để phát."),
        "play": gettext("Nghe"),
        "pause": gettext("Tạm dừng"),
        "position": gettext("Vị trí {time}"),
        "of": gettext("{now} trên {total}"),
        "chosen": gettext("Đã chọn {voice}"),
        "paused_at": gettext("Tạm dừng tại {time}"),
        "finished": gettext("Đã đọc hết bài."),
        "loading": gettext("Đang tải…"),
        "speed": gettext("Tốc độ {speed}"),
        "mini_shown": gettext("Trình phát thu gọn đang ở cạnh màn hình."),
        "later_added": gettext("Đã thêm vào danh sách nghe sau."),
        "later_removed": gettext("Đã bỏ khỏi danh sách nghe sau."),
        "finished_next": gettext("Đã đọc hết bài. {next} Esc để hủy."),
        "next_in": gettext("Bài tiếp theo: {title}. Tự động phát sau {seconds} giây."),
        "next_cancelled": gettext("Đã hủy nghe bài tiếp theo."),
    }


def _optional_url(name: str) -> str:
    try:
        return reverse(name)
    except NoReverseMatch:
        return ""


def _size_label(size: int) -> str:
    return f"{size / 1_000_000:.1f} MB".replace(".", ",")


@register.inclusion_tag("readaloud/player_body.html", takes_context=True)
def readaloud_player(context, page, embed: bool = False) -> dict:
    """The player; `embed=True` for /embed/: no scrolling along, mini-player or listening on (the text is elsewhere)."""
    request = context.get("request")
    previewing = bool(getattr(request, "is_preview", False))
    narration = None
    if page.live and not previewing:
        narration = request_narration(page)
    ready = narration is not None and narration.is_ready and narration.state == "ready"
    default = page_voice_id(page)
    return {
        "page": page,
        "api_url": reverse("readaloud:page-audio", args=[page.pk]),
        "stats_url": _optional_url("stats:listen"),
        "podcast_url": reverse("readaloud:podcast"),
        "voices": [{"id": v.id, "name": v.name, "default": v.id == default, "restricted": bool(v.restricted)}
                   for v in player_voices(page_language(page), include=default)],
        "default_voice": default,
        "speeds": speeds(),
        "player_text": player_text(),
        "ready": ready,
        "audio_url": audio_url(narration.audio_name) if ready else "",
        "audio_size": _size_label(narration.audio_size) if ready else "",
        "duration": narration.duration if ready else 0,
        "filename": f"{page.slug}.mp3",
        "site_name": _site_name(context),
        "embed": embed,
        # a page that links player.css in its <head> says so: a stylesheet met in the body lays the page out again
        "player_css_in_head": bool(context.get("player_css_in_head")),
        "page_url": page.get_url(request=request) or "",
        "listen_url": reverse("readaloud:listen"),
        "next_articles": [] if embed else next_candidates(page, request),
    }


@register.inclusion_tag("readaloud/feed_links.html", takes_context=True)
def podcast_links(context) -> dict:
    """<link rel="alternate"> for the site's podcast and, on a chuyên mục or one of its pages, that category's."""
    category = podcast_category(context.get("page"))
    feeds = [(f"{_site_name(context)} – Nghe tin bài (podcast)", reverse("readaloud:podcast"))]
    if category is not None:
        feeds.append((f"{category.title} – Nghe tin bài (podcast)",
                      reverse("readaloud:category-podcast", kwargs={"slug": category.slug})))
    return {"feeds": feeds}


def podcast_category(page):
    """The CategoryPage a page is or belongs to (its parent), else None."""
    from loa.pages.models import CategoryPage

    if page is None or not getattr(page, "pk", None):
        return None
    if isinstance(page, CategoryPage):
        return page
    parent = page.get_parent()
    return parent.specific if parent is not None and parent.specific_class is CategoryPage else None


@register.simple_tag(takes_context=True)
def readaloud_embed_code(context, page) -> str:
    request = context.get("request")
    return embed_code(request, page) if request is not None and page.live else ""


def _site_name(context) -> str:
    try:
        return str(template.Variable("settings.pages.SiteBranding.site_name").resolve(context))
    except Exception:  # noqa: BLE001  the portal's setting; the player only uses it for lock-screen metadata
        return ""


@register.filter
def clock(seconds: float) -> str:
    """1111.2 -> "18:31"; an hour or more -> "1:02:03"."""
    total = int(seconds or 0)
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"
