from django.urls import path

from visits import video_views

urlpatterns = [
    path("video/", video_views.index, name="video"),
    path("video/plan/", video_views.plan, name="video_plan"),
]
