from django.apps import AppConfig


class ReadaloudConfig(AppConfig):
    name = "loa.readaloud"
    label = "readaloud"
