from django.apps import AppConfig


class QuestionsConfig(AppConfig):
    """Hỏi đáp: citizens' questions to the council, their moderation and the published answers."""

    name = "loa.questions"
    label = "questions"
    verbose_name = "Hỏi đáp"

    def ready(self) -> None:
        from loa.participation import retention

        from . import moderation, signals

        retention.register("questions", moderation.erase_contacts_closed_before)
        signals.connect()
