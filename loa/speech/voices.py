"""The voices Loa reads with: one per region and gender, all on eSpeak NG."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Region = Literal["north", "central", "south"]
Gender = Literal["female", "male"]

MIN_SPEED = 0.5
MAX_SPEED = 2.0


@dataclass(frozen=True)
class Voice:
    """A voice: `region` is also the normalizer's region (how numbers and words are read)."""

    id: str
    name: str
    region: Region
    gender: Gender
    engine: str
    engine_voice: str  # what the engine calls it, e.g. eSpeak NG "vi-vn-x-south+m3"


class UnknownVoiceError(LookupError):
    """No voice has the requested id; the message lists the valid ones."""

    def __init__(self, voice_id: str) -> None:
        self.voice_id = voice_id
        valid = ", ".join(voice.id for voice in VOICES)
        super().__init__(f"không có giọng đọc {voice_id!r}; các giọng hợp lệ: {valid}")

    def __str__(self) -> str:  # LookupError would repr() the message, quotes and all
        return str(self.args[0])


# eSpeak NG's Vietnamese languages are `vi` (Hanoi), `vi-vn-x-central` (Huế) and
# `vi-vn-x-south` (Saigon); the `+f2`/`+m3` variants set the pitch band (142-220 Hz
# against 80-122 Hz) and formants, so the two genders really sound different.
VOICES: tuple[Voice, ...] = (
    Voice("vi-north-female", "Giọng nữ miền Bắc", "north", "female", "espeak-ng", "vi+f2"),
    Voice("vi-north-male", "Giọng nam miền Bắc", "north", "male", "espeak-ng", "vi+m3"),
    Voice("vi-central-female", "Giọng nữ miền Trung", "central", "female", "espeak-ng", "vi-vn-x-central+f2"),
    Voice("vi-central-male", "Giọng nam miền Trung", "central", "male", "espeak-ng", "vi-vn-x-central+m3"),
    Voice("vi-south-female", "Giọng nữ miền Nam", "south", "female", "espeak-ng", "vi-vn-x-south+f2"),
    Voice("vi-south-male", "Giọng nam miền Nam", "south", "male", "espeak-ng", "vi-vn-x-south+m3"),
)
DEFAULT_VOICE_ID = "vi-south-male"

_BY_ID = {voice.id: voice for voice in VOICES}


def list_voices() -> list[Voice]:
    return list(VOICES)


def get_voice(voice_id: str | None = None) -> Voice:
    """The voice with this id, or the default voice for None."""
    try:
        return _BY_ID[DEFAULT_VOICE_ID if voice_id is None else voice_id]
    except KeyError:
        raise UnknownVoiceError(str(voice_id)) from None


def resolve_voice(voice: Voice | str | None) -> Voice:
    """Accept a Voice, a voice id or None (the default voice)."""
    return voice if isinstance(voice, Voice) else get_voice(voice)


def check_speed(speed: float) -> float:
    """Return `speed` if it is within 0.5-2.0, else raise ValueError."""
    if not MIN_SPEED <= speed <= MAX_SPEED:
        raise ValueError(f"speed must be between {MIN_SPEED} and {MAX_SPEED}, got {speed}")
    return float(speed)
