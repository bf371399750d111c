"""When a listen counts: what one player report tells, as bits counted once per visitor, article and day."""
from __future__ import annotations

from .events import ListenReport

PLAY = 1
LISTEN = 2
REACHED_25 = 4
REACHED_50 = 8
REACHED_75 = 16
REACHED_100 = 32
ALL_BITS = (PLAY, LISTEN, REACHED_25, REACHED_50, REACHED_75, REACHED_100)

LISTEN_SECONDS = 30.0
LISTEN_FRACTION = 0.25
END_TOLERANCE = 1.0  # seconds short of the end that still count as "heard to the end"


def bits_for(report: ListenReport) -> int:
    """Everything this report shows to have happened (play pressed, 30 s or 25 % passed, milestones)."""
    bits = PLAY if report.event == "play" else 0
    fraction = report.position / report.duration if report.duration > 0 else 0.0
    ended = report.event == "ended" or (report.duration > 0 and report.position >= report.duration - END_TOLERANCE)
    if ended and report.duration > 0:
        fraction = 1.0
    if report.position >= LISTEN_SECONDS or fraction >= LISTEN_FRACTION:
        bits |= LISTEN
    for threshold, bit in ((0.25, REACHED_25), (0.5, REACHED_50), (0.75, REACHED_75), (1.0, REACHED_100)):
        if fraction >= threshold:
            bits |= bit
    return bits


def speed_label(speed: float) -> str:
    return f"{round(speed * 4) / 4:g}x"
