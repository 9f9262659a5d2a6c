from django.urls import path

from visits import views

app_name = "visits"

urlpatterns = [
    path("", views.index, name="index"),
    path("list/", views.visitor_list, name="list"),
    path("plan/", views.plan, name="plan"),
    path("video/", views.video_index, name="video"),
    path("video/plan/", views.video_plan, name="video_plan"),
]
