from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    name = "portal"
    verbose_name = _("Facilities and people")

    def ready(self):
        # Every process (web, admin, management commands) must tell the page cache
        # when content changes.
        from portal.cache import connect_signals

        connect_signals()
