from django.utils.translation import gettext_lazy as _

SITE_NAME = _("Staying Connected")


def site(request):
    """The portal's name and its main sections, for the header and footer."""
    return {
        "site_name": SITE_NAME,
        "nav_sections": [
            ("mail:index", _("Mail")),
            ("funds:index", _("Money")),
            ("phones:index", _("Phone calls")),
            ("visits:index", _("Visits")),
            ("visits:video", _("Video visits")),
        ],
    }
