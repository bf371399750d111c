"""The machine's synthesis slots: a bound every process shares, that a killed holder gives back at once."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import threading
from pathlib import Path

from loa.readaloud.narration import synthesis_slots

ROOT = Path(__file__).resolve().parents[3]


def test_capacity_is_what_is_set_or_one_per_cpu(settings):
    settings.READALOUD_SYNTHESES_PER_MACHINE = 3
    assert synthesis_slots.capacity() == 3
    settings.READALOUD_SYNTHESES_PER_MACHINE = 0
    assert synthesis_slots.capacity() == max(1, os.cpu_count() or 1)


def test_at_most_capacity_slots_are_held_and_a_released_one_is_free_again(settings):
    settings.READALOUD_SYNTHESES_PER_MACHINE = 2
    first, second = synthesis_slots.try_take(), synthesis_slots.try_take()
    assert first is not None and second is not None and {first.number, second.number} == {0, 1}
    assert synthesis_slots.try_take() is None and synthesis_slots.is_full()
    first.release()
    first.release()  # twice is harmless
    assert not first.held and not synthesis_slots.is_full()
    with synthesis_slots.synthesis_slot() as third:
        assert third is not None and synthesis_slots.try_take() is None
    assert not synthesis_slots.is_full()
    second.release()


def test_threads_of_one_process_exclude_each_other(settings):
    settings.READALOUD_SYNTHESES_PER_MACHINE = 1
    held = synthesis_slots.try_take()
    found: list = []
    thread = threading.Thread(target=lambda: found.append(synthesis_slots.try_take()))
    thread.start()
    thread.join()
    assert found == [None]
    held.release()


HOLD = textwrap.dedent("""
    import time, django
    django.setup()
    from loa.readaloud.narration import synthesis_slots
    slot = synthesis_slots.try_take()
    print("held" if slot else "busy", flush=True)
    time.sleep(600)
""")


def test_a_killed_holder_gives_its_slot_back_at_once(settings):
    """A real process holds the only slot and is SIGKILLed: it never releases, the system does."""
    settings.READALOUD_SYNTHESES_PER_MACHINE = 1
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "loa.site.test_settings", "PYTHONPATH": str(ROOT),
           "READALOUD_SYNTHESES_PER_MACHINE": "1"}  # the test's settings: the same data folder, the same slots
    holder = subprocess.Popen([sys.executable, "-c", HOLD], env=env, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "held"
        assert synthesis_slots.try_take() is None
        holder.send_signal(signal.SIGKILL)
        holder.wait(10)
        slot = synthesis_slots.try_take()
        assert slot is not None
        slot.release()
    finally:
        if holder.poll() is None:
            holder.kill()
