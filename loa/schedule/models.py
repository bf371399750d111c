"""The models of lịch công tác: the weeks and their entries (records.py) and the page (pages.py)."""
from .pages import ScheduleIndexPage  # noqa: F401
from .records import ScheduleEntry, WorkWeek, mark_adjustments, published_entries  # noqa: F401
