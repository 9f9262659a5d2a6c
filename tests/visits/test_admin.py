"""Staff can list and open every in-person rule in the admin."""

import pytest

from visits.models import CarryAllItem, IdRule, VisitingSession, VisitorListPolicy, VisitRule

MODELS = [VisitingSession, VisitorListPolicy, IdRule, CarryAllItem, VisitRule]


@pytest.mark.parametrize("model", MODELS)
def test_admin_lists_and_opens_each_rule(missouri, admin_client, model):
    name = model._meta.model_name
    assert admin_client.get(f"/admin/visits/{name}/").status_code == 200
    obj = model.objects.first()
    assert admin_client.get(f"/admin/visits/{name}/{obj.pk}/change/").status_code == 200
    assert admin_client.get(f"/admin/visits/{name}/add/").status_code == 200
