"""The Django/Wagtail project: settings, URLs and the WSGI application."""
