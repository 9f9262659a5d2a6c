from django.urls import path

from phones import views

app_name = "phones"

urlpatterns = [
    path("", views.index, name="index"),
    path("answer/", views.answer, name="answer"),
    path("cost/", views.cost, name="cost"),
]
