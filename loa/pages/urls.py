from django.urls import path

from . import feeds, views

app_name = "pages"

urlpatterns = [
    path("tim-kiem/", views.search, name="search"),
    path("rss/", feeds.LatestArticlesFeed(), name="rss"),
    path("favicon.ico", views.favicon, name="favicon"),
]
