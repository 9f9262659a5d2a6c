from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    default = True
    name = "portal"
    verbose_name = _("Facilities and people")


class StaffAdminConfig(admin_apps.AdminConfig):
    """The admin, with the staff site from portal/admin_base.py (freshness page)."""

    default = False
    default_site = "portal.admin_base.StaffAdminSite"
