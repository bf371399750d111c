from django.apps import AppConfig


class ConsultationsConfig(AppConfig):
    """Lấy ý kiến dự thảo: draft resolutions open for comments until their deadline."""

    name = "loa.consultations"
    label = "consultations"
    verbose_name = "Góp ý dự thảo"

    def ready(self) -> None:
        from loa.participation import retention

        from . import comments

        retention.register("draft_comments", comments.erase_contacts_closed_before)
        comments.connect()
