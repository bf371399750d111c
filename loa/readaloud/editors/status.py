"""What the editor sees of an article's audio: one row per voice."""
from __future__ import annotations

from dataclasses import dataclass

from ..models import Narration, NarrationState, ReadingScript
from ..narration.audio_store import audio_url
from ..narration.keys import default_voice_id
from ..narration.liveness import is_abandoned
from ..narration.narrations import wanted_key
from ..narration.voices import all_voices


@dataclass
class VoiceStatus:
    voice_id: str
    voice_name: str
    is_default: bool
    narration: Narration | None
    current: bool  # made from the article's current text and lexicon

    @property
    def label(self) -> str:
        narration = self.narration
        if narration is None:
            return "Chưa tạo (tạo khi có người nghe)" if not self.is_default else "Chưa tạo"
        if not self.current:
            return "Cũ – sẽ tạo lại khi có người nghe" if not self.is_default else "Cũ – đang chờ tạo lại"
        if narration.state == NarrationState.RUNNING and is_abandoned(narration):
            return "Tiến trình nền đã dừng – sẽ thử lại"
        return NarrationState(narration.state).label

    @property
    def tone(self) -> str:
        """Wagtail status-tag colour."""
        if self.narration is None or not self.current:
            return "secondary"
        return {
            NarrationState.READY: "success",
            NarrationState.FAILED: "critical",
            NarrationState.RETRYING: "warning",
        }.get(NarrationState(self.narration.state), "info")

    @property
    def audio_url(self) -> str | None:
        narration = self.narration
        if narration is not None and self.current and narration.is_ready:
            return audio_url(narration.audio_name)
        return None


def voice_statuses(page) -> list[VoiceStatus]:
    narrations = {n.voice: n for n in Narration.objects.filter(page_id=page.pk)}
    script = ReadingScript.objects.filter(page_id=page.pk).first()
    default = default_voice_id()
    rows = []
    for voice in all_voices():
        narration = narrations.get(voice.id)
        if not voice.available and narration is None:
            continue
        try:
            current = bool(narration and script and voice.available and narration.key == wanted_key(script, voice.id))
        except Exception:  # noqa: BLE001  a pack whose files broke: shown as not current
            current = False
        rows.append(VoiceStatus(voice.id, voice.name, voice.id == default, narration, current))
    rows.sort(key=lambda row: not row.is_default)
    return rows
