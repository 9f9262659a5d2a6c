"""Facts not reviewed for REVIEW_AFTER_DAYS are listed; "mark reviewed" clears them."""

from datetime import timedelta

from portal import clock
from portal.models import Facility


def age(code, days):
    facility = Facility.objects.get(code=code)
    facility.last_reviewed = None if days is None else clock.today() - timedelta(days=days)
    facility.save()
    return facility


def test_the_review_page_lists_what_is_overdue_or_never_reviewed(editor_client):
    Facility.objects.update(last_reviewed=clock.today())
    overdue, never, fresh = age("ACC", 181), age("JCCC", None), age("WERDCC", 179)
    page = editor_client.get("/admin/freshness/").content.decode()
    assert overdue.name in page
    assert never.name in page
    assert fresh.name not in page
    assert "/admin/portal/facility/?review=due" in page


def test_the_number_of_days_is_a_setting(editor_client, settings):
    Facility.objects.update(last_reviewed=clock.today())
    facility = age("ACC", 40)
    assert facility.name not in editor_client.get("/admin/freshness/").content.decode()
    settings.REVIEW_AFTER_DAYS = 30
    assert facility.name in editor_client.get("/admin/freshness/").content.decode()


def test_all_clear_when_everything_is_fresh(editor_client):
    from django.apps import apps

    from portal.models import Sourced

    for model in apps.get_models():
        if issubclass(model, Sourced):
            model.objects.update(last_reviewed=clock.today())
    page = editor_client.get("/admin/freshness/").content.decode()
    assert "Everything has been reviewed recently." in page


def test_mark_reviewed_sets_today_and_records_who(editor_client, editor):
    facility = age("ACC", 400)
    response = editor_client.post(
        "/admin/portal/facility/",
        {"action": "mark_reviewed", "_selected_action": [facility.pk]},
        follow=True,
    )
    assert response.status_code == 200
    facility.refresh_from_db()
    assert facility.last_reviewed == clock.today()
    assert facility.history.latest().history_user == editor
    due = editor_client.get("/admin/portal/facility/?review=due").context["cl"].result_list
    assert facility not in list(due)


def test_a_viewer_cannot_mark_reviewed(client, viewer, missouri):
    client.force_login(viewer)
    facility = age("ACC", 400)
    client.post(
        "/admin/portal/facility/", {"action": "mark_reviewed", "_selected_action": [facility.pk]}
    )
    facility.refresh_from_db()
    assert facility.last_reviewed != clock.today()


def test_every_sourced_model_offers_mark_reviewed(sample_rules, admin_client, missouri):
    sample_rules.objects.create(facility=Facility.objects.get(code="ACC"), kind="a")
    for url in (
        "/admin/portal/facility/",
        "/admin/portal/agency/",
        "/admin/admin_tests/samplerule/",
    ):
        assert "mark_reviewed" in admin_client.get(url).content.decode(), url


def test_public_facility_pages_show_when_they_were_last_reviewed(client, missouri):
    facility = Facility.objects.get(code="ACC")
    page = client.get(facility.get_absolute_url()).content.decode()
    assert "Last reviewed" in page


def test_a_rule_that_has_ended_is_not_listed_for_review(sample_rules, editor_client, admin_client):
    from datetime import date

    acc = Facility.objects.get(code="ACC")
    sample_rules.objects.create(facility=acc, kind="old-rule", effective_until=date(2020, 1, 1))
    sample_rules.objects.create(facility=acc, kind="live-rule")
    page = admin_client.get("/admin/freshness/").content.decode()
    assert "live-rule" in page
    assert "old-rule" not in page
