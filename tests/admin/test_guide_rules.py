"""The guides' rules in the staff admin: safe saves, warnings, history and roles.

Every rule of the mail, money, phones and visits guides gets what the portal's
own models have: overlapping versions of the same rule are refused, a price or
limit below zero is refused, a session that ends before it starts is refused,
odd hours are saved with a warning, and every change can be seen and reverted.
"""

from datetime import date, time
from decimal import Decimal

import pytest
from django.apps import apps
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.urls import reverse

from funds.models import Channel, DepositMethod, Speed
from mail.models import MailItem, MailItemRule, SendTo
from phones.models import CallRate, PhoneProvider
from tests.admin.conftest import form_data
from visits.models import EntryKind, VideoVisitRules, VisitingSession, Weekday

GUIDE_APPS = ("mail", "funds", "phones", "visits")
FRIDAY_AFTERNOON = "missouri-doc-friday-2"


def change_url(obj):
    opts = obj._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk])


def add_url(model):
    opts = model._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_add")


# ---------- overlapping versions of the same rule ----------


def new_letter_rule(agency, **dates):
    return MailItemRule(
        agency=agency,
        key="letter-2027",
        item=MailItem.LETTER,
        allowed=True,
        send_to=SendTo.PERSONAL,
        reason="Letters go to the mail center.",
        **dates,
    )


def new_online_method(agency, **dates):
    return DepositMethod(
        agency=agency,
        key="online-2027",
        channel=Channel.ONLINE,
        speed=Speed.FASTEST,
        provider_name="A new provider",
        provider_website="https://example.org/",
        **dates,
    )


def a_call_rate(agency):
    """No rate is on record for Missouri yet: staff add them. One for ACC."""
    return CallRate.objects.create(
        facility=agency.facilities.get(code="ACC"),
        call_type=agency.call_types.order_by("sort_order").first(),
        fee_per_call=Decimal("0"),
        per_minute=Decimal("0.0500"),
    )


def new_call_rate(agency, **dates):
    rate = a_call_rate(agency)
    return CallRate(
        facility=rate.facility,
        call_type=rate.call_type,
        fee_per_call=Decimal("0"),
        per_minute=Decimal("0.0400"),
        **dates,
    )


def new_phone_provider(agency, **dates):
    return PhoneProvider(
        agency=agency,
        key="new-provider",
        name="New provider",
        phone="1-800-555-0100",
        website="https://example.org/",
        account_name="New account",
        **dates,
    )


def new_friday_session(agency, **dates):
    return VisitingSession(
        agency=agency,
        key="friday-afternoon-2027",
        entry=EntryKind.WEEKLY,
        weekday=Weekday.FRIDAY,
        start=time(14, 30),
        end=time(17, 0),
        **dates,
    )


def new_video_rules(agency, **dates):
    current = VideoVisitRules.objects.get(agency=agency)
    current.pk = None
    current.key = "video-visits-2027"
    for name, value in dates.items():
        setattr(current, name, value)
    return current


NEW_VERSIONS = {
    "mail": new_letter_rule,
    "funds": new_online_method,
    "phones rate": new_call_rate,
    "phones provider": new_phone_provider,
    "visits session": new_friday_session,
    "visits video": new_video_rules,
}


@pytest.mark.parametrize("make", NEW_VERSIONS.values(), ids=NEW_VERSIONS.keys())
def test_a_second_version_in_force_on_the_same_days_is_refused(missouri, make):
    with pytest.raises(ValidationError, match="These dates overlap"):
        make(missouri, effective_from=date(2027, 1, 1)).full_clean()


@pytest.mark.parametrize("make", NEW_VERSIONS.values(), ids=NEW_VERSIONS.keys())
def test_a_new_version_may_start_the_day_after_the_old_one_ends(missouri, make):
    new = make(missouri, effective_from=date(2027, 1, 1))
    old = type(new).objects.get(pk=validation_clash(new).pk)
    old.effective_until = date(2026, 12, 31)
    old.full_clean()
    old.save()
    new.full_clean()


def validation_clash(rule):
    from portal.validation import overlapping

    return overlapping(rule).get()


def test_a_session_at_another_time_on_the_same_day_is_a_different_rule(missouri):
    evening = new_friday_session(missouri)
    evening.start, evening.end = time(19, 0), time(20, 0)
    evening.full_clean()


def test_the_admin_refuses_an_overlapping_session_with_the_message(admin_client, missouri):
    response = admin_client.post(
        add_url(VisitingSession),
        {
            "key": "friday-afternoon-copy",
            "agency": missouri.pk,
            "entry": "weekly",
            "weekday": "4",
            "start": "14:30",
            "end": "18:30",
            "who": "everyone",
        },
    )
    assert response.status_code == 200
    assert "These dates overlap" in response.content.decode()
    assert not VisitingSession.objects.filter(key="friday-afternoon-copy").exists()


# ---------- numbers below zero, ends before starts ----------


@pytest.mark.parametrize(
    ("model", "field", "value"),
    [
        (VideoVisitRules, "remote_price_per_block", Decimal("-7.95")),
        (VideoVisitRules, "onsite_price_per_block", Decimal("-0.01")),
        (CallRate, "per_minute", Decimal("-0.0001")),
        (CallRate, "fee_per_call", Decimal("-1.00")),
    ],
)
def test_a_price_or_rate_below_zero_is_refused_with_one_clear_message(
    missouri, model, field, value
):
    rule = model.objects.first() or a_call_rate(missouri)
    setattr(rule, field, value)
    with pytest.raises(ValidationError) as error:
        rule.full_clean()
    assert error.value.message_dict[field] == [
        f"“{model._meta.get_field(field).verbose_name}” cannot be below zero."
    ]


def test_the_admin_refuses_a_negative_remote_video_price(admin_client, missouri):
    rules = VideoVisitRules.objects.get(agency=missouri)
    url = change_url(rules)
    data = form_data(admin_client.get(url))
    data["remote_price_per_block"] = "-7.95"
    response = admin_client.post(url, data)
    assert response.status_code == 200
    assert "cannot be below zero" in response.content.decode()
    rules.refresh_from_db()
    assert rules.remote_price_per_block == Decimal("7.95")


def test_a_session_that_ends_before_it_starts_is_refused(missouri):
    session = VisitingSession.objects.get(key=FRIDAY_AFTERNOON)
    session.end = time(13, 0)
    with pytest.raises(ValidationError) as error:
        session.full_clean()
    assert error.value.message_dict["end"] == ["“ends” must be after “starts”."]


def test_the_admin_refuses_a_session_that_ends_before_it_starts(admin_client, missouri):
    session = VisitingSession.objects.get(key=FRIDAY_AFTERNOON)
    url = change_url(session)
    data = form_data(admin_client.get(url))
    data["end"] = "13:00"
    response = admin_client.post(url, data)
    assert response.status_code == 200
    assert "must be after" in response.content.decode()
    session.refresh_from_db()
    assert session.end == time(18, 30)


# ---------- warnings ----------


@pytest.mark.parametrize(
    ("start", "end", "warned"),
    [(time(9, 30), time(13, 30), 0), (time(5, 0), time(8, 0), 1), (time(21, 0), time(23, 0), 1)],
)
def test_session_hours_outside_6_to_22_are_warned_about(missouri, start, end, warned):
    session = VisitingSession.objects.get(key=FRIDAY_AFTERNOON)
    session.start, session.end = start, end
    warnings = [w for w in session.admin_warnings() if "usual 6 a.m." in w]
    assert len(warnings) == warned


def test_the_admin_saves_an_early_session_and_shows_the_warning(admin_client, missouri):
    response = admin_client.post(
        add_url(VisitingSession),
        {
            "key": "acc-monday-early",
            "agency": missouri.pk,
            "facility": missouri.facilities.get(code="ACC").pk,
            "entry": "weekly",
            "weekday": "0",
            "start": "05:00",
            "end": "07:00",
            "who": "everyone",
        },
        follow=True,
    )
    assert response.status_code == 200
    assert VisitingSession.objects.filter(key="acc-monday-early").exists()
    messages = [str(m) for m in response.context["messages"]]
    assert any("outside the usual 6 a.m. to 10 p.m." in m for m in messages)


# ---------- history and revert, one rule of each guide ----------


def _a_call_rate():
    from portal.models import Agency

    return a_call_rate(Agency.objects.get(slug="missouri-doc"))


EDITS = {
    "mail": (lambda: MailItemRule.objects.get(key="letter"), "reason", "Letters are scanned."),
    "funds": (lambda: DepositMethod.objects.get(key="online"), "fee", "$1.00 per deposit"),
    "phones": (_a_call_rate, "per_minute", "0.0600"),
    "visits": (lambda: VisitingSession.objects.get(key=FRIDAY_AFTERNOON), "end", "19:15"),
    "video": (lambda: VideoVisitRules.objects.get(), "remote_price_per_block", "8.50"),
}


@pytest.mark.parametrize(("get", "field", "value"), EDITS.values(), ids=EDITS.keys())
def test_each_guides_change_is_recorded_and_can_be_reverted(
    editor_client, editor, get, field, value
):
    rule = get()
    old = getattr(rule, field)
    url = change_url(rule)
    data = form_data(editor_client.get(url))
    data[field] = value
    saved = editor_client.post(url, data)
    assert saved.status_code == 302, saved.context["adminform"].form.errors

    rule.refresh_from_db()
    assert str(getattr(rule, field)).startswith(value)
    latest = rule.history.latest()
    assert latest.history_user == editor
    assert [c.field for c in latest.diff_against(latest.prev_record).changes] == [field]
    assert editor_client.get(url.replace("/change/", "/history/")).status_code == 200

    before = latest.prev_record
    revert_url = url.replace("/change/", f"/history/{before.history_id}/")
    form = editor_client.get(revert_url)
    assert form.status_code == 200
    reverted = editor_client.post(revert_url, form_data(form))
    assert reverted.status_code == 302
    rule.refresh_from_db()
    assert getattr(rule, field) == old


# ---------- roles ----------


def codenames(name):
    return set(Group.objects.get(name=name).permissions.values_list("codename", flat=True))


@pytest.mark.parametrize("label", GUIDE_APPS)
def test_the_roles_cover_every_rule_of_each_guide(roles, label):
    editor, viewer = codenames("Content editor"), codenames("Viewer")
    models = [
        m
        for m in apps.get_app_config(label).get_models()
        if not m._meta.model_name.startswith("historical")
    ]
    assert models
    for model in models:
        name = model._meta.model_name
        assert {f"add_{name}", f"change_{name}", f"delete_{name}", f"view_{name}"} <= editor
        assert f"view_{name}" in viewer
        assert f"change_{name}" not in viewer
        assert f"change_historical{name}" not in editor


def test_an_editor_opens_every_guide_rule_list_and_its_import(editor_client):
    for label in GUIDE_APPS:
        for model in apps.get_app_config(label).get_models():
            opts = model._meta
            if opts.model_name.startswith("historical"):
                continue
            base = f"admin:{opts.app_label}_{opts.model_name}"
            assert editor_client.get(reverse(f"{base}_changelist")).status_code == 200
            assert editor_client.get(reverse(f"{base}_import")).status_code == 200


def test_the_guide_lists_show_when_each_rule_takes_effect(admin_client, missouri):
    VisitingSession.objects.filter(key=FRIDAY_AFTERNOON).update(effective_until=date(2099, 1, 6))
    new_friday_session(missouri, effective_from=date(2099, 1, 7)).save()
    page = admin_client.get(reverse("admin:visits_visitingsession_changelist"))
    assert "Takes effect on January 7, 2099" in page.content.decode()
    future = admin_client.get(
        reverse("admin:visits_visitingsession_changelist"), {"schedule": "future"}
    )
    assert [s.key for s in future.context["cl"].result_list] == ["friday-afternoon-2027"]


def test_a_guide_rule_can_be_marked_reviewed_today(admin_client, missouri):
    session = VisitingSession.objects.get(key=FRIDAY_AFTERNOON)
    response = admin_client.post(
        reverse("admin:visits_visitingsession_changelist"),
        {"action": "mark_reviewed", "_selected_action": [session.pk]},
        follow=True,
    )
    assert response.status_code == 200
    session.refresh_from_db()
    from portal import clock

    assert session.last_reviewed == clock.today()
    due = admin_client.get(reverse("admin:mail_mailitemrule_changelist"), {"review": "due"})
    assert due.status_code == 200


def test_times_on_a_closed_date_are_saved_with_a_warning(missouri):
    closed = VisitingSession(
        agency=missouri, key="closed", entry=EntryKind.CLOSED, date=date(2026, 12, 25)
    )
    assert closed.admin_warnings() == []
    closed.start, closed.end = time(9, 30), time(13, 30)
    assert any("do not see the times" in str(w) for w in closed.admin_warnings())


def test_address_lines_unused_with_the_facility_address_are_warned_about(missouri):
    from mail.models import MailDestination

    own = MailDestination.objects.get(purpose=SendTo.FACILITY)
    assert own.uses_facility_address
    assert own.admin_warnings() == []
    own.po_box = "PO Box 1"
    assert any("do not see" in str(w) for w in own.admin_warnings())
