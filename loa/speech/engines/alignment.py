"""Where each word is in a neural voice's audio, from the model's own phoneme durations.

A Piper model reads a sentence as one phoneme sequence and (with its alignment
output) says how many samples each phoneme lasts. eSpeak NG's phonemes do not map
one to one onto words: it joins short words ("of the" -> "ʌvðə"), spells symbols out
in several groups and stresses words differently in context. So each word is also
phonemized alone, and the sentence's phonemes are matched against the words'
(difflib, longest matching blocks); a phoneme between matches belongs to the word
at the same relative place. A word's time is then that of its phonemes.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from difflib import SequenceMatcher
from itertools import pairwise

from loa.speech.engines.base import WordSpan

WORD = re.compile(r"[^\W_]+(?:['’\-][^\W_]+)*")
# Not sounds of a word: word and clause separators, stress marks, Piper's sentence markers.
_NOT_SOUNDS = frozenset(" ,.;:!?¡¿—–-…\"'()ˈˌ^$_")


def words_of(text: str) -> list[tuple[int, int]]:
    """[start, end) of every word of `text`."""
    return [(match.start(), match.end()) for match in WORD.finditer(text)]


def _sounds(phonemes: Sequence[str]) -> list[int]:
    return [index for index, phoneme in enumerate(phonemes) if phoneme not in _NOT_SOUNDS and not phoneme.isspace()]


def align_words(
    words: list[tuple[int, int]],
    word_phonemes: list[list[str]],
    phonemes: Sequence[str],
    samples: Sequence[int],
) -> tuple[WordSpan, ...]:
    """Each word's samples, given the sentence's phonemes and their sample counts (same length)."""
    if len(phonemes) != len(samples):
        raise ValueError("one sample count per phoneme expected")
    starts = [0]
    for count in samples:
        starts.append(starts[-1] + int(count))
    heard = _sounds(phonemes)
    target: list[str] = []
    owner: list[int] = []
    for index, alone in enumerate(word_phonemes):
        for position in _sounds(alone):
            target.append(alone[position])
            owner.append(index)
    assigned = _owners([phonemes[i] for i in heard], target, owner)
    first: dict[int, int] = {}
    last: dict[int, int] = {}
    for position, word in zip(heard, assigned, strict=True):
        first.setdefault(word, position)
        last[word] = position
    spans: list[WordSpan] = []
    cursor = 0
    for index, (text_start, text_end) in enumerate(words):
        if index in first:
            start, end = max(starts[first[index]], cursor), starts[last[index] + 1]
        else:  # a word the voice did not say (e.g. a symbol it dropped): no time of its own
            start = end = cursor
        spans.append(WordSpan(text_start, text_end, start, max(end, start)))
        cursor = max(end, start)
    return tuple(spans)


def _owners(heard: list[str], target: list[str], owner: list[int]) -> list[int]:
    """The word each heard phoneme belongs to: matched ones directly, the rest by relative position."""
    if not heard:
        return []
    if not target:
        return [0] * len(heard)
    blocks = SequenceMatcher(None, heard, target, autojunk=False).get_matching_blocks()
    anchors = [(-1, -1)]
    for block in blocks:
        anchors += [(block.a + k, block.b + k) for k in range(block.size)]
    anchors.append((len(heard), len(target)))
    result = [0] * len(heard)
    for (a0, b0), (a1, b1) in pairwise(anchors):
        if 0 <= a0 < len(heard):
            result[a0] = owner[b0]
        for a in range(a0 + 1, a1):
            b = b0 + (a - a0) * (b1 - b0) / (a1 - a0)
            result[a] = owner[min(max(round(b), 0), len(target) - 1)]
    return result
