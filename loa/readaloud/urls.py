from django.urls import path, re_path

from .listening import api, embed, listen_page, streaming
from .listening.feeds import CategoryPodcastFeed, PodcastFeed
from .speech_api import views as speech_views

app_name = "readaloud"

urlpatterns = [
    path("api/readaloud/voices", api.voices, name="voices"),
    path("api/readaloud/pages/<int:page_id>", api.page_audio, name="page-audio"),
    path("v1/audio/speech", speech_views.speech, name="speech"),
    path("podcast.xml", PodcastFeed(), name="podcast"),
    path("podcast/<str:slug>.xml", CategoryPodcastFeed(), name="category-podcast"),
    path("embed/<int:page_id>/", embed.embed_player, name="embed"),
    path("nghe/", listen_page.listen_page, name="listen"),
    # Normally answered by AudioFileMiddleware before URL resolution; this is the same code without it.
    re_path(r"^readaloud/audio/(?P<name>[0-9a-f]{32}\.mp3)$", api.audio_file, name="audio-file"),
    re_path(r"^readaloud/stream/(?P<key>[0-9a-f]{64})\.mp3$", streaming.growing_audio, name="stream"),
]
