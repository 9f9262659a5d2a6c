from django.urls import path

from visits import video_views

urlpatterns = [
    path("video/", video_views.index, name="video"),
    path("video/plan/", video_views.plan, name="video_plan"),
    path("video/plan/print/", video_views.plan_print, name="video_plan_print"),
    path("video/plan/video-visit.ics", video_views.plan_ics, name="video_plan_ics"),
]
