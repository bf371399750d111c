from django.urls import path

from . import views

app_name = "widget"

urlpatterns = [
    path("widget/v1.js", views.player_script, name="player-script"),
    path("widget/v1/stats.js", views.stats_script, name="stats-script"),
    path("api/widget/v1/site", views.site_settings, name="site"),
    path("api/widget/v1/narration", views.narration, name="narration"),
    path("api/widget/v1/hit", views.hit, name="hit"),
    path("api/widget/v1/summary", views.summary, name="summary"),
    path("api/widget/v1/listen", views.listen, name="listen"),
]
