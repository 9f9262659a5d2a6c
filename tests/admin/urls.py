"""The site's URLs with a staff site that also has the test-only SampleRule."""

from django.contrib import admin
from django.urls import path

from portal.admin_base import RuleAdmin, StaffAdminSite
from portal.urls import urlpatterns as site_urlpatterns
from tests.admin.testapp.models import SampleRule

site = StaffAdminSite()
for model, model_admin in admin.site._registry.items():
    site.register(model, type(model_admin))


@admin.register(SampleRule, site=site)
class SampleRuleAdmin(RuleAdmin):
    list_display = ["kind", "facility", "price"]


urlpatterns = [p for p in site_urlpatterns if str(p.pattern) != "admin/"] + [
    path("admin/", site.urls)
]
