from django.contrib import admin
from django.urls import include, path

from portal import views

portal_patterns = [
    path("", views.home, name="home"),
    path("people/", views.people_search, name="people_search"),
    path("people/<str:doc_id>/", views.person, name="person"),
    path("facilities/", views.facility_list, name="facilities"),
    path("facilities/<slug:slug>/", views.facility_detail, name="facility"),
]

urlpatterns = [
    path("", include((portal_patterns, "portal"))),
    path("mail/", include("mail.urls")),
    path("money/", include("funds.urls")),
    path("phones/", include("phones.urls")),
    path("visits/", include("visits.urls")),
    path("healthz", views.healthz, name="healthz"),
    path("robots.txt", views.robots_txt, name="robots_txt"),
    path("admin/", admin.site.urls),
]

handler500 = "portal.views.server_error"
