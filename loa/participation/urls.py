from django.urls import path

from .rights_views import personal_data

urlpatterns = [
    path("du-lieu-ca-nhan/", personal_data, name="personal_data"),
]
