from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    default = True
    name = "portal"
    verbose_name = _("Facilities and people")

    def ready(self):
        # Every process (web, admin, management commands) must tell the page cache
        # when content changes.
        from portal.cache import connect_signals

        connect_signals()


class StaffAdminConfig(admin_apps.AdminConfig):
    """The admin, with the staff site from portal/admin_base.py (freshness page)."""

    default = False
    default_site = "portal.admin_base.StaffAdminSite"
