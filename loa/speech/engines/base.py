"""The engine interface: sentences of spoken text in, one PCM chunk per sentence out."""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Protocol, runtime_checkable

import numpy as np

from loa.speech.voices import Voice


class SynthesisError(RuntimeError):
    """The engine failed; no audio is returned for the failed text."""


@runtime_checkable
class Engine(Protocol):
    name: str  # matches Voice.engine
    version: str  # changes whenever the same text could sound different (cache keys use it)
    sample_rate: int

    def synthesize(self, texts: Iterable[str], voice: Voice, speed: float = 1.0) -> Iterator[np.ndarray]:
        """Yield one mono int16 array per text, in order; blank text gives an empty array."""
        ...


def synthesize_one(engine: Engine, text: str, voice: Voice, speed: float = 1.0) -> np.ndarray:
    return next(iter(engine.synthesize([text], voice, speed)))
