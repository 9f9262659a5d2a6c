"""A dated rule used only by the tests, to check the generic admin machinery the
way any app's rule model uses it. The app is installed only under pytest and has
no migrations, so `makemigrations` never sees it."""

from django.db import models

from portal.models import DatedRule, Facility


class SampleRule(DatedRule):
    facility = models.ForeignKey(Facility, on_delete=models.CASCADE, help_text="Where.")
    kind = models.CharField(max_length=20, help_text="Which rule.")
    price = models.DecimalField(max_digits=6, decimal_places=2, default=0, help_text="Cost.")
    starts_at = models.TimeField(null=True, blank=True, help_text="Start.")
    ends_at = models.TimeField(null=True, blank=True, help_text="End.")

    overlap_fields = ("facility", "kind")
    ordered_fields = (("starts_at", "ends_at"),)
    usual_hours_fields = ("starts_at", "ends_at")

    def __str__(self):
        return f"{self.kind} at {self.facility_id}"
