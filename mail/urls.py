from django.urls import path

from mail import views

app_name = "mail"

urlpatterns = [
    path("", views.index, name="index"),
    path("answer/", views.answer, name="answer"),
    path("photo-size/", views.photo_size, name="photo_size"),
    path("envelope/", views.envelope, name="envelope"),
]
