from django.apps import AppConfig


class CoreConfig(AppConfig):
    """Shared helpers of the portal: page cache, media serving, client addresses, `loa serve`."""

    name = "loa.core"
    label = "core"
    verbose_name = "Lõi"
