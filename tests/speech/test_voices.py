import dataclasses
import math

import pytest

from loa.speech.normalize import normalize
from loa.speech.packs.registry import get_voice, list_voices, resolve_voice
from loa.speech.voices import DEFAULT_VOICE_ID, UnknownVoiceError, Voice, check_speed

EXPECTED = {
    "vi-north-female": "Giọng nữ miền Bắc",
    "vi-north-male": "Giọng nam miền Bắc",
    "vi-central-female": "Giọng nữ miền Trung",
    "vi-central-male": "Giọng nam miền Trung",
    "vi-south-female": "Giọng nữ miền Nam",
    "vi-south-male": "Giọng nam miền Nam",
}


def test_six_voices_with_their_vietnamese_names():
    assert {voice.id: voice.name for voice in list_voices()} == EXPECTED


def test_ids_say_region_and_gender():
    for voice in list_voices():
        assert voice.id == f"vi-{voice.region}-{voice.gender}"
        assert voice.engine == "espeak-ng"


def test_every_region_is_one_the_normalizer_accepts():
    for voice in list_voices():
        normalize("Năm 2025.", region=voice.region)


def test_default_is_southern_male():
    assert DEFAULT_VOICE_ID == "vi-south-male"
    assert get_voice(None) == get_voice() == get_voice("vi-south-male")


def test_engine_voices_differ_between_voices():
    assert len({voice.engine_voice for voice in list_voices()}) == 6


def test_unknown_voice_names_every_valid_id():
    with pytest.raises(UnknownVoiceError) as caught:
        get_voice("vi-hue-female")
    message = str(caught.value)
    assert "vi-hue-female" in message
    assert all(voice_id in message for voice_id in EXPECTED)
    assert "\n" not in message


def test_unknown_voice_is_a_lookup_error():
    with pytest.raises(LookupError):
        get_voice("")


def test_resolve_voice_takes_a_voice_an_id_or_none():
    voice = get_voice("vi-north-male")
    assert resolve_voice(voice) is voice
    assert resolve_voice("vi-north-male") == voice
    assert resolve_voice(None).id == DEFAULT_VOICE_ID


def test_voice_is_frozen():
    with pytest.raises(dataclasses.FrozenInstanceError):
        get_voice().id = "other"  # type: ignore[misc]
    assert isinstance(get_voice(), Voice)


@pytest.mark.parametrize("speed", [0.5, 1.0, 1.25, 2.0])
def test_speed_within_range(speed):
    assert check_speed(speed) == speed


@pytest.mark.parametrize("speed", [0.49, 2.01, 0.0, -1.0, math.nan, math.inf])
def test_speed_out_of_range(speed):
    with pytest.raises(ValueError, match="speed"):
        check_speed(speed)
