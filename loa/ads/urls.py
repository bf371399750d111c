from django.urls import path

from . import views

app_name = "ads"

urlpatterns = [
    path("<int:ad_id>/click", views.click, name="click"),
    path("impressions", views.impressions, name="impressions"),
]
