"""What a voice is, and the six built-in eSpeak NG voices.

Installed voice packs (neural voices) are data: see voicepacks.py; registry.py merges
both into the list of voices.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

Region = Literal["north", "central", "south"]
Gender = Literal["female", "male"]
REGIONS: tuple[Region, ...] = ("north", "central", "south")
GENDERS: tuple[Gender, ...] = ("female", "male")

MIN_SPEED = 0.5
MAX_SPEED = 2.0

VoicesFolder = str | os.PathLike[str] | None


@dataclass(frozen=True)
class Voice:
    """A voice: `region` is also the normalizer's region (how numbers and words are read)."""

    id: str
    name: str
    region: Region
    gender: Gender
    engine: str
    engine_voice: str  # what the engine calls it: eSpeak NG "vi-vn-x-south+m3", a pack's model file
    folder: str = ""  # a voice pack's folder ("" for a built-in voice)
    sha256: str = ""  # of the pack's model file, as installed
    licence: str = ""
    source: str = ""  # where the model came from (catalogue name, URL or file)
    error: str = ""  # why the pack cannot be used ("" when its files look right)
    language: str = "vi"  # what it reads: Vietnamese text is normalized first, other languages are read as written
    # What is known of its terms (weights_licence, data_origin, data_terms, consent, restricted), as pairs.
    terms: tuple[tuple[str, str], ...] = ()

    @property
    def restricted(self) -> str:
        """Why its terms forbid public or commercial use, or are unknown ("" when nothing known forbids it)."""
        return dict(self.terms).get("restricted", "")

    @property
    def builtin(self) -> bool:
        return not self.folder

    @property
    def available(self) -> bool:
        return not self.error

    @property
    def neural(self) -> bool:
        return self.engine != "espeak-ng"


class UnknownVoiceError(LookupError):
    """No voice has the requested id; the message lists the valid ones."""

    def __init__(self, voice_id: str, valid: list[str] | None = None) -> None:
        self.voice_id = voice_id
        listed = ", ".join(valid if valid is not None else [voice.id for voice in VOICES])
        super().__init__(f"không có giọng đọc {voice_id!r}; các giọng hợp lệ: {listed}")

    def __str__(self) -> str:  # LookupError would repr() the message, quotes and all
        return str(self.args[0])


class VoiceUnavailableError(RuntimeError):
    """The voice exists but cannot speak now (missing or corrupt model); the message says why."""

    def __init__(self, voice: Voice, reason: str) -> None:
        self.voice = voice
        self.reason = reason
        super().__init__(f"giọng {voice.id!r} hiện không dùng được: {reason}")


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
# eSpeak NG's English, for the portal's English pages (/en/); kept out of the Vietnamese voices' list.
ENGLISH_VOICES: tuple[Voice, ...] = (
    Voice("en-female", "English (female)", "north", "female", "espeak-ng", "en-us+f2", language="en"),
    Voice("en-male", "English (male)", "north", "male", "espeak-ng", "en-us+m3", language="en"),
)
ENGLISH_VOICE_ID = "en-female"
BUILTIN_IDS = frozenset(voice.id for voice in VOICES)



def voices_dir(folder: VoicesFolder) -> Path | None:
    """The folder of installed voice packs, or None when the caller has none (built-in voices only)."""
    return Path(folder) if folder is not None else None


def check_speed(speed: float) -> float:
    """Return `speed` if it is within 0.5-2.0, else raise ValueError."""
    if not MIN_SPEED <= speed <= MAX_SPEED:
        raise ValueError(f"speed must be between {MIN_SPEED} and {MAX_SPEED}, got {speed}")
    return float(speed)
