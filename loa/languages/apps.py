from django.apps import AppConfig


class LanguagesConfig(AppConfig):
    """The English version (/en/): Wagtail's simple_translation copies pages into the English tree;
    this app adds the language switcher, hreflang alternates, the English sitemap and the demo pages."""

    name = "loa.languages"
    label = "languages"
    verbose_name = "Ngôn ngữ"
