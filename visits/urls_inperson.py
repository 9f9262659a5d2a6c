from django.urls import path

from visits import views

urlpatterns = [
    path("", views.index, name="index"),
    path("list/", views.visitor_list, name="list"),
    path("plan/", views.plan, name="plan"),
    path("plan/visit.ics", views.plan_ics, name="plan_ics"),
    path("carry-all/", views.carry_all, name="carry_all"),
]
