from datetime import date, datetime, timedelta
from types import SimpleNamespace
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import ValidationError

from portal.models import DatedRule, Facility, FacilityAlert, Inmate, full_name
from portal.text import is_doc_id, search_key

CHICAGO = ZoneInfo("America/Chicago")


@pytest.mark.parametrize(
    ("raw", "key"),
    [
        ("José", "jose"),
        ("O'Brien", "obrien"),
        ("O’Brien", "obrien"),
        ("GARCÍA", "garcia"),
        ("De La Cruz", "delacruz"),
        ("Smith-Jones", "smithjones"),
        ("Zoë", "zoe"),
        ("  ", ""),
    ],
)
def test_search_key_ignores_case_accents_and_punctuation(raw, key):
    assert search_key(raw) == key


def test_person_full_name_skips_an_empty_middle_name():
    assert Inmate(first_name="Ana", last_name="Núñez").full_name == "Ana Núñez"
    assert Inmate(first_name="Ana", middle_name="B", last_name="Núñez").full_name == "Ana B Núñez"


@pytest.mark.parametrize(
    ("first", "middle", "last", "shown"),
    [
        ("Ana", "", "Núñez", "Ana Núñez"),
        ("Ana", "B", "Núñez", "Ana B Núñez"),
        ("", "", "Núñez", "Núñez"),
        ("", "B", "Núñez", "B Núñez"),
        ("Ana", "", "", "Ana"),
        ("Ana", "B", "", "Ana B"),
        ("", "", "", ""),
    ],
)
def test_a_name_shows_only_the_parts_a_person_has(first, middle, last, shown):
    assert full_name(first, middle, last) == shown


def test_person_keys_follow_the_name():
    person = Inmate(first_name="José", last_name="O'Brien")
    person.refresh_keys()
    assert (person.first_key, person.last_key) == ("jose", "obrien")


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("7000001", True),
        ("0", True),
        ("", False),
        (None, False),
        ("12a4", False),
        (" 12", False),
        ("12\n", False),
        ("-1", False),
        ("²", False),
        ("١٢٣", False),
        ("１２", False),
    ],
)
def test_a_doc_id_is_ascii_digits_only(value, expected):
    assert is_doc_id(value) is expected


@pytest.mark.parametrize("doc_id", ["1", "12345678901234567890", "0001234"])
def test_a_doc_id_of_any_length_is_accepted(doc_id):
    field = Inmate._meta.get_field("doc_id")
    field.run_validators(doc_id)


@pytest.mark.parametrize("doc_id", ["12a4", "12 34", "-1", "١٢٣"])
def test_a_doc_id_with_anything_but_digits_is_refused(doc_id):
    with pytest.raises(ValidationError):
        Inmate._meta.get_field("doc_id").run_validators(doc_id)


@pytest.mark.parametrize(
    ("zip_code", "ok"), [("65101", True), ("33622-5678", True), ("6510", False), ("ABCDE", False)]
)
def test_facility_zip_code_must_be_a_zip(zip_code, ok):
    field = Facility._meta.get_field("zip_code")
    if ok:
        field.run_validators(zip_code)
    else:
        with pytest.raises(ValidationError):
            field.run_validators(zip_code)


def test_facility_address_lines_and_phone_link():
    facility = Facility(
        name="Algoa Correctional Center",
        street="8501 No More Victims Road",
        city="Jefferson City",
        state="MO",
        zip_code="65101",
        phone="(573) 751-3911",
    )
    assert facility.address_lines == [
        "Algoa Correctional Center",
        "8501 No More Victims Road",
        "Jefferson City, MO 65101",
    ]
    assert facility.phone_href == "tel:+15737513911"


@pytest.mark.parametrize(
    ("onsite", "remote", "offers"),
    [(True, True, True), (True, False, True), (False, True, True), (False, False, False)],
)
def test_facility_offers_video_visits_when_either_kind_is_offered(onsite, remote, offers):
    facility = Facility(onsite_video_visits=onsite, remote_video_visits=remote)
    assert facility.offers_video_visits is offers


def test_alert_is_current_between_start_and_end():
    start = datetime(2026, 11, 20, 8, 0, tzinfo=CHICAGO)
    alert = FacilityAlert(starts_at=start, ends_at=start + timedelta(hours=4))
    assert not alert.is_current(start - timedelta(seconds=1))
    assert alert.is_current(start)
    assert alert.is_current(start + timedelta(hours=3, minutes=59))
    assert not alert.is_current(start + timedelta(hours=4))


def test_alert_without_end_stays_current():
    start = datetime(2026, 11, 20, 8, 0, tzinfo=CHICAGO)
    assert FacilityAlert(starts_at=start).is_current(start + timedelta(days=400))


def test_alert_that_ends_before_it_starts_is_refused():
    start = datetime(2026, 11, 20, 8, 0, tzinfo=CHICAGO)
    alert = FacilityAlert(starts_at=start, ends_at=start - timedelta(hours=1))
    with pytest.raises(ValidationError) as error:
        alert.clean()
    assert "ends_at" in error.value.message_dict


def test_dated_rule_in_force_on_its_first_and_last_day():
    rule = SimpleNamespace(effective_from=date(2022, 7, 1), effective_until=date(2023, 9, 24))
    assert not DatedRule.in_force_on(rule, date(2022, 6, 30))
    assert DatedRule.in_force_on(rule, date(2022, 7, 1))
    assert DatedRule.in_force_on(rule, date(2023, 9, 24))
    assert not DatedRule.in_force_on(rule, date(2023, 9, 25))


def test_dated_rule_without_dates_is_always_in_force():
    rule = SimpleNamespace(effective_from=None, effective_until=None)
    assert DatedRule.in_force_on(rule, date(1990, 1, 1))
