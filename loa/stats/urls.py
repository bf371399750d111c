from django.urls import path

from . import views

app_name = "stats"

urlpatterns = [
    path("api/stats/hit", views.hit, name="hit"),
    path("api/stats/hit.gif", views.hit_image, name="hit-image"),
    path("api/stats/listen", views.listen, name="listen"),
    path("api/stats/summary", views.summary, name="summary"),
]
