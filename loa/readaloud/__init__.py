"""Audio for every readable page, in three parts (one Django app, label "readaloud"):

- narration/: the narration service (state, tasks, generation, the machine's synthesis slots, ...);
  other apps reach it only through service.py (and models.py / voice_choice.py for model fields);
- listening/: what listeners use: the player's API, audio files and growing streams, feeds, /nghe/, embed;
- speech_api/: POST /v1/audio/speech, with its gate in front of Django (loa.site.wsgi).

editors/ holds the admin's side. What Django and Wagtail look up by name stays here: apps, models,
migrations, urls, wagtail_hooks, templatetags, management commands.
"""
