"""Scheduled changes show as "takes effect on ..."; staff can preview a later day."""

from datetime import UTC, date, datetime, timedelta

import pytest
import time_machine

from portal import clock
from portal.models import Facility, FacilityAlert

NOW = datetime(2026, 11, 23, 18, 0, tzinfo=UTC)


@pytest.fixture
def frozen():
    with time_machine.travel(NOW, tick=False):
        yield


def test_a_future_rule_is_listed_as_taking_effect_on_its_day(
    sample_rules, missouri, admin_client, frozen
):
    facility = Facility.objects.get(code="ACC")
    sample_rules.objects.create(facility=facility, kind="a", effective_from=date(2027, 1, 4))
    sample_rules.objects.create(facility=facility, kind="b")
    sample_rules.objects.create(facility=facility, kind="c", effective_until=date(2026, 1, 1))
    page = admin_client.get("/admin/admin_tests/samplerule/").content.decode()
    assert "Takes effect on January 4, 2027" in page
    assert "In force" in page
    assert "Ended on January 1, 2026" in page

    future = admin_client.get("/admin/admin_tests/samplerule/?schedule=future")
    assert [r.kind for r in future.context["cl"].result_list] == ["a"]


def test_saving_a_future_rule_says_when_it_takes_effect(sample_rules, missouri, admin_client):
    facility = Facility.objects.get(code="ACC")
    day = clock.today() + timedelta(days=30)
    response = admin_client.post(
        "/admin/admin_tests/samplerule/add/",
        {"facility": facility.pk, "kind": "a", "price": "1", "effective_from": day.isoformat()},
        follow=True,
    )
    assert any("This takes effect on" in str(m) for m in response.context["messages"])


@pytest.fixture
def future_alert(missouri):
    return FacilityAlert.objects.create(
        agency=missouri,
        facility=Facility.objects.get(code="ACC"),
        kind="visiting_cancelled",
        title="Visiting cancelled for the holiday",
        message="No visits on this day.",
        starts_at=datetime(2026, 12, 25, 6, 0, tzinfo=UTC),
        ends_at=datetime(2026, 12, 26, 6, 0, tzinfo=UTC),
    )


FACILITY = "/facilities/algoa-correctional-center/"


def test_staff_preview_a_page_as_on_a_later_day(admin_client, future_alert, frozen):
    today = admin_client.get(FACILITY).content.decode()
    assert "Visiting cancelled for the holiday" not in today

    preview = admin_client.get(FACILITY + "?preview_date=2026-12-25").content.decode()
    assert "Visiting cancelled for the holiday" in preview
    assert "Preview of December 25, 2026" in preview

    # The day stays while staff click around, until they end it.
    assert "Visiting cancelled" in admin_client.get(FACILITY).content.decode()
    ended = admin_client.get(FACILITY + "?preview_date=off").content.decode()
    assert "Preview of" not in ended
    assert "Visiting cancelled for the holiday" not in ended


@pytest.mark.parametrize("value", ["2026-02-30", "tomorrow", "\x00", "9" * 5000])
def test_a_bad_preview_date_is_ignored(admin_client, future_alert, frozen, value):
    response = admin_client.get(FACILITY, {"preview_date": value})
    assert response.status_code == 200
    assert "Preview of" not in response.content.decode()


def test_the_public_can_never_preview(client, future_alert, frozen):
    response = client.get(FACILITY + "?preview_date=2026-12-25")
    assert "Visiting cancelled for the holiday" not in response.content.decode()
    assert "Preview of" not in response.content.decode()


def test_a_logged_in_non_staff_user_cannot_preview(client, future_alert, frozen, django_user_model):
    client.force_login(django_user_model.objects.create_user("someone", password="x" * 20))
    response = client.get(FACILITY + "?preview_date=2026-12-25")
    assert "Visiting cancelled for the holiday" not in response.content.decode()


def test_the_clock_answers_the_preview_day_at_the_present_time(frozen):
    with clock.previewing(date(2027, 3, 1)):
        assert clock.today() == date(2027, 3, 1)
        assert clock.localtime(clock.now()).hour == clock.localtime(NOW).hour
    assert clock.now() == NOW


def test_the_admin_index_offers_the_preview_and_the_review_page(editor_client):
    page = editor_client.get("/admin/").content.decode()
    assert 'name="preview_date"' in page
    assert "/admin/freshness/" in page


def test_a_preview_page_is_never_cached(admin_client, future_alert, frozen):
    response = admin_client.get(FACILITY + "?preview_date=2026-12-25")
    assert "no-store" in response["Cache-Control"]
    assert "private" in response["Cache-Control"]
