# Imported as a module: a second AppConfig class in this module would stop Django choosing ours.
from loa.participation import appconfig


class QuestionsConfig(appconfig.SubmissionsAppConfig):
    """Hỏi đáp: citizens' questions to the council, their moderation and the published answers."""

    name = "loa.questions"
    label = "questions"
    verbose_name = "Hỏi đáp"
    submissions = {"questions": "Question"}

    def ready(self) -> None:
        from . import signals

        super().ready()
        signals.connect()
