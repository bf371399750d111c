from django.apps import AppConfig


class ScheduleConfig(AppConfig):
    """Lịch công tác: the leadership's weekly work schedule, its pages and iCalendar feeds."""

    name = "loa.schedule"
    label = "schedule"
    verbose_name = "Lịch công tác"

    def ready(self) -> None:
        from . import signals

        signals.connect()
