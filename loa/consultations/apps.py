# Imported as a module: a second AppConfig class in this module would stop Django choosing ours.
from loa.participation import appconfig


class ConsultationsConfig(appconfig.SubmissionsAppConfig):
    """Lấy ý kiến dự thảo: draft resolutions open for comments until their deadline."""

    name = "loa.consultations"
    label = "consultations"
    verbose_name = "Góp ý dự thảo"
    submissions = {"draft_comments": "DraftComment"}

    def ready(self) -> None:
        from . import comments

        super().ready()
        comments.connect()
