from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from portal.models import Agency, Facility, FacilityAlert, Inmate

admin.site.site_header = _("Staying Connected: staff admin")
admin.site.site_title = _("Staying Connected admin")
admin.site.index_title = _("Rules, facilities and people")


@admin.register(Agency)
class AgencyAdmin(admin.ModelAdmin):
    list_display = ["name", "short_name", "state", "last_reviewed"]
    search_fields = ["name", "short_name"]
    prepopulated_fields = {"slug": ["short_name"]}


class FacilityAlertInline(admin.StackedInline):
    model = FacilityAlert
    extra = 0
    fields = ["agency", "kind", "title", "message", "starts_at", "ends_at"]


@admin.register(Facility)
class FacilityAdmin(admin.ModelAdmin):
    list_display = [
        "name",
        "code",
        "kind",
        "city",
        "onsite_video_visits",
        "remote_video_visits",
        "is_active",
        "last_reviewed",
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
class InmateAdmin(admin.ModelAdmin):
    list_display = ["last_name", "first_name", "doc_id", "facility", "is_fictional"]
    list_filter = ["agency", "is_fictional", "facility"]
    search_fields = ["doc_id", "last_name", "first_name"]
    list_select_related = ["facility"]
    autocomplete_fields = ["facility"]
    list_per_page = 50
    show_full_result_count = False


@admin.register(FacilityAlert)
class FacilityAlertAdmin(admin.ModelAdmin):
    list_display = ["title", "facility", "kind", "starts_at", "ends_at"]
    list_filter = ["kind", "agency", "facility"]
    search_fields = ["title", "message"]
    list_select_related = ["facility"]
    date_hierarchy = "starts_at"
