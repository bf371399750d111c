from django.urls import path

from . import views

app_name = "opendata"
urlpatterns = [
    path("du-lieu-mo/", views.catalogue, name="catalogue"),
    path("du-lieu-mo/catalog.jsonld", views.catalogue_jsonld, name="catalogue_jsonld"),
    path("du-lieu-mo/<slug:slug>.<str:fmt>", views.download, name="download"),
]
