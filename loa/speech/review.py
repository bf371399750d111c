"""The readings an editor should hear before publishing: the guesses of the normalizer.

A guess is a span whose reading was reached by a weak rule (Span.how in GUESSES): a Latin
word transliterated, an abbreviation in no table spelled out, letters spelled. Each comes
with the sentence it stands in, normalized exactly as the voice will read it (sentence by
sentence), which is what a reviewer plays.
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from loa.speech.normalize import GUESSES, defined_abbreviations, normalize
from loa.speech.segment import split_sentences


@dataclass(frozen=True)
class Guess:
    written: str  # as written in the text
    spoken: str  # what the voice will say for it
    how: str  # "guess" (transliterated), "spelled" (letters) or "unknown" (an abbreviation in no table)
    start: int
    end: int  # [start, end) in the text
    context: str  # the sentence it stands in


def find_guesses(text: str, region: str = "north", lexicon: Mapping[str, str] | None = None) -> list[Guess]:
    """The guessed readings of text, in order, one per written form and place."""
    found: list[Guess] = []
    defined = defined_abbreviations(text)
    for sentence in split_sentences(text):
        result = normalize(sentence.text, region=region, lexicon=lexicon, defined=defined)
        for span in result.spans:
            if span.how not in GUESSES:
                continue
            spoken = result.text[span.out_start:span.out_end]
            start, end = sentence.start + span.src_start, sentence.start + span.src_end
            last = found[-1] if found else None
            if last and (last.start, last.end) == (start, end):
                found[-1] = Guess(last.written, f"{last.spoken} {spoken}", last.how, start, end, last.context)
            else:
                found.append(Guess(text[start:end], spoken, span.how, start, end, sentence.text))
    return found
