from django.urls import path

from funds import views

app_name = "funds"

urlpatterns = [
    path("", views.index, name="index"),
    path("checklist/", views.checklist, name="checklist"),
    path("checklist/print/", views.print_view, name="print"),
]
