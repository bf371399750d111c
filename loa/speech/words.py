"""Word timings in the listener's terms: seconds in the joined audio, offsets in the source text."""
from __future__ import annotations

from dataclasses import dataclass

from loa.speech.encoders import ChunkWord
from loa.speech.normalize import Normalized


@dataclass(frozen=True)
class WordTiming:
    """One word: its time in the audio and its offsets in the source text."""

    start: float
    end: float
    char_start: int
    char_end: int


def source_words(
    chunk_words: tuple[ChunkWord, ...],
    normalized: Normalized | None,
    char_offset: int,
    chunk_at: float,
    bounds: tuple[float, float],
) -> tuple[WordTiming, ...]:
    """A sentence's words, from its chunk's (seconds in the chunk, spoken offsets) to the source.

    `chunk_at` is where the chunk's PCM starts in the joined audio (the encoder's delay
    included); `bounds` is the sentence's (start, end). Spoken words that come from the
    same written word ("53.082" read as six words) become one word.
    """
    words: list[WordTiming] = []
    low, high = bounds
    for start, end, out_start, out_end in chunk_words:
        if normalized is not None:
            src_start, src_end = normalized.source_range(out_start, out_end)
        else:
            src_start, src_end = out_start, out_end
        if src_end <= src_start:
            continue
        begin = min(max(chunk_at + start, low), high)
        finish = min(max(chunk_at + end, begin), high)
        char_start, char_end = src_start + char_offset, src_end + char_offset
        if words and char_start < words[-1].char_end:  # same written word: widen it
            last = words[-1]
            words[-1] = WordTiming(last.start, max(last.end, finish), last.char_start, max(last.char_end, char_end))
            continue
        if words and begin < words[-1].end:
            begin = words[-1].end
            finish = max(finish, begin)
        words.append(WordTiming(begin, finish, char_start, char_end))
    return tuple(words)
