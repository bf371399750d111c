"""English text is read by eSpeak NG's English as written: the Vietnamese normalizer never touches it."""
from __future__ import annotations

from loa.speech import SpeechVoice
from loa.speech.packs import ENGLISH_VOICE_ID, get_voice, list_voices
from loa.speech.track import spoken_sentences

TEXT = "The Council has 4 committees. Its budget grew 25% in 2025."


def test_english_text_is_read_as_written_and_vietnamese_is_normalized():
    english = [item.spoken for item in spoken_sentences(TEXT, "north", language="en")]
    assert english == ["The Council has 4 committees.", "Its budget grew 25% in 2025."]
    vietnamese = [item.spoken for item in spoken_sentences(TEXT, "north")]
    assert vietnamese != english and "phần trăm" in vietnamese[1]


def test_the_english_voice_speaks_with_word_timings_on_the_source():
    voice = get_voice(ENGLISH_VOICE_ID)
    assert voice.language == "en" and voice not in list_voices()  # not among the Vietnamese voices
    track = SpeechVoice.load(voice).speak(TEXT)
    assert track.duration > 2.0 and len(track.sentences) == 2
    words = [TEXT[word.char_start:word.char_end] for sentence in track.sentences for word in sentence.words]
    assert "committees" in " ".join(words) and "Council" in words
