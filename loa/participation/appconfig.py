"""The AppConfig of an app that holds citizens' submissions (kept apart from the models: apps load first)."""
from __future__ import annotations

from django.apps import AppConfig


class SubmissionsAppConfig(AppConfig):
    """`submissions` maps each kind's name to its model's name in the app; ready() registers them."""

    submissions: dict[str, str] = {}

    def ready(self) -> None:
        from .submissions import register

        for kind, model_name in self.submissions.items():
            register(kind, self.get_model(model_name))
