"""The WSGI application (`gunicorn loa.site.wsgi:application`): Django behind two fast paths."""
import os

from django.core.wsgi import get_wsgi_application

from loa.core.datadir import prepare

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "loa.site.settings")
prepare()
django_application = get_wsgi_application()

from loa.readaloud.speech_api.gate import with_speech_gate  # noqa: E402  (needs the apps loaded)
from loa.stats.wsgi import with_stats_fast_path  # noqa: E402

# The stats beacons are answered before Django builds a request (they are the hot path), and so are
# speech requests whose refusal is already known (a flood must cost little).
application = with_speech_gate(with_stats_fast_path(django_application))
