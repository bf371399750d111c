"""The WSGI application (`gunicorn loa.site.wsgi:application`): Django behind the stats fast path."""
import os

from django.core.wsgi import get_wsgi_application

from loa.core.datadir import prepare

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "loa.site.settings")
prepare()

from loa.stats.wsgi import with_stats_fast_path  # noqa: E402  (needs the settings module set)

# The stats beacons are answered before Django builds a request: they are the hot path.
application = with_stats_fast_path(get_wsgi_application())
