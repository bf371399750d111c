from django.apps import AppConfig


class PetitionsConfig(AppConfig):
    """Kiến nghị cử tri: meetings with voters, the petitions they raise, the agencies' answers and their follow-up."""

    name = "loa.petitions"
    label = "petitions"
    verbose_name = "Kiến nghị cử tri"
    default_auto_field = "django.db.models.BigAutoField"
