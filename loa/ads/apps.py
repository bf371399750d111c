from django.apps import AppConfig


class AdsConfig(AppConfig):
    name = "loa.ads"
    label = "ads"
