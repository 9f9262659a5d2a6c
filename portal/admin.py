from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from import_export import fields, widgets

from portal import clock
from portal.admin_base import RuleAdmin, RuleResource
from portal.models import Agency, Facility, FacilityAlert, Inmate

# ---------- CSV columns ----------


class FacilityResource(RuleResource):
    agency = fields.Field(
        attribute="agency", column_name="agency", widget=widgets.ForeignKeyWidget(Agency, "slug")
    )

    class Meta(RuleResource.Meta):
        model = Facility
        import_id_fields = ["agency", "code"]
        fields = [
            "agency",
            "code",
            "slug",
            "name",
            "kind",
            "street",
            "city",
            "state",
            "zip_code",
            "phone",
            "latitude",
            "longitude",
            "onsite_video_visits",
            "remote_video_visits",
            "is_active",
            "source",
            "last_reviewed",
        ]


class InmateResource(RuleResource):
    agency = fields.Field(
        attribute="agency", column_name="agency", widget=widgets.ForeignKeyWidget(Agency, "slug")
    )
    facility = fields.Field(
        attribute="facility",
        column_name="facility_code",
        widget=widgets.ForeignKeyWidget(Facility, "code"),
    )

    class Meta(RuleResource.Meta):
        model = Inmate
        import_id_fields = ["agency", "doc_id"]
        fields = [
            "agency",
            "doc_id",
            "first_name",
            "middle_name",
            "last_name",
            "facility",
            "is_fictional",
        ]


# ---------- admins ----------


@admin.register(Agency)
class AgencyAdmin(RuleAdmin):
    list_display = ["name", "short_name", "state"]
    search_fields = ["name", "short_name"]
    prepopulated_fields = {"slug": ["short_name"]}
    fieldsets = [
        (None, {"fields": ["name", "short_name", "slug", "state", "time_zone"]}),
        (_("Web addresses"), {"fields": ["website", "offender_search_url"]}),
        (_("Source and review"), {"fields": ["source", "last_reviewed"]}),
    ]


class FacilityAlertInline(admin.StackedInline):
    model = FacilityAlert
    extra = 0
    fields = ["agency", "kind", "title", "message", "starts_at", "ends_at"]


@admin.register(Facility)
class FacilityAdmin(RuleAdmin):
    resource_classes = [FacilityResource]
    list_display = [
        "name",
        "code",
        "kind",
        "city",
        "phone",
        "onsite_video_visits",
        "remote_video_visits",
        "is_active",
    ]
    list_filter = ["agency", "kind", "onsite_video_visits", "remote_video_visits", "is_active"]
    search_fields = ["name", "code", "city"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [FacilityAlertInline]
    fieldsets = [
        (None, {"fields": ["agency", "name", "code", "slug", "kind", "is_active"]}),
        (_("Address and phone"), {"fields": ["street", "city", "state", "zip_code", "phone"]}),
        (_("Map position"), {"fields": ["latitude", "longitude"], "classes": ["collapse"]}),
        (_("Video visits"), {"fields": ["onsite_video_visits", "remote_video_visits"]}),
        (_("Source and review"), {"fields": ["source", "last_reviewed", "staff_notes"]}),
    ]


@admin.register(Inmate)
class InmateAdmin(RuleAdmin):
    resource_classes = [InmateResource]
    list_display = ["last_name", "first_name", "doc_id", "facility", "is_fictional"]
    list_filter = ["agency", "is_fictional", "facility"]
    search_fields = ["doc_id", "last_name", "first_name"]
    list_select_related = ["facility"]
    autocomplete_fields = ["facility"]
    list_per_page = 50
    show_full_result_count = False
    fieldsets = [
        (None, {"fields": ["agency", "doc_id", "facility", "is_fictional"]}),
        (_("Name"), {"fields": ["first_name", "middle_name", "last_name"]}),
    ]


@admin.register(FacilityAlert)
class FacilityAlertAdmin(RuleAdmin):
    """One form: pick the facility, say what happened, and when it ends."""

    list_display = ["title", "facility", "kind", "starts_at", "ends_at", "showing_now"]
    list_filter = ["kind", "agency", "facility"]
    search_fields = ["title", "message"]
    list_select_related = ["facility"]
    date_hierarchy = "starts_at"
    fieldsets = [
        (None, {"fields": ["agency", "facility", "kind", "title", "message"]}),
        (_("When families see it"), {"fields": ["starts_at", "ends_at"]}),
    ]

    def get_changeform_initial_data(self, request):
        initial = super().get_changeform_initial_data(request)
        # Most alerts are about one agency and start now.
        agencies = list(Agency.objects.all()[:2])
        if len(agencies) == 1:
            initial.setdefault("agency", agencies[0].pk)
        initial.setdefault("starts_at", clock.now())
        return initial

    @admin.display(boolean=True, description=_("showing now"))
    def showing_now(self, obj):
        return obj.is_current()
