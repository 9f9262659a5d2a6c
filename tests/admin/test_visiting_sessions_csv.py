"""CSV import and export of visiting sessions: readable columns, a preview, per-row
errors, and a file with any bad row saves nothing."""

import csv
import io
from datetime import time

import pytest
import tablib

from tests.admin.test_import_export import confirm, upload
from visits.admin.inperson import VisitingSessionResource
from visits.models import VisitingSession

IMPORT = "/admin/visits/visitingsession/import/"
FRIDAY_AFTERNOON = "missouri-doc-friday-2"
HEADER = (
    "key,agency,facility_code,facility_kind,entry,weekday,date,start,end,who,note,"
    "effective_from,effective_until,source,last_reviewed\n"
)


def exported(queryset=None) -> list[dict]:
    if queryset is None:
        queryset = VisitingSession.objects.order_by("key")
    rows = VisitingSessionResource().export(queryset)
    return list(csv.DictReader(io.StringIO(rows.csv)))


def as_csv(rows: list[dict]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(rows[0]))
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()


def two_fridays():
    keys = ["missouri-doc-friday-1", FRIDAY_AFTERNOON]
    return VisitingSession.objects.filter(key__in=keys).order_by("key")


def snapshot():
    return sorted(VisitingSession.objects.values_list("key", "weekday", "start", "end"))


def test_export_has_readable_columns(missouri):
    rows = {row["key"]: row for row in exported()}
    friday = rows[FRIDAY_AFTERNOON]
    assert friday["agency"] == "missouri-doc"
    assert friday["facility_code"] == ""
    assert friday["weekday"] == "Friday"
    assert (friday["start"], friday["end"]) == ("14:30", "18:30")
    assert friday["source"].startswith("Missouri DOC")


def test_the_admin_export_gives_every_session(editor_client):
    response = editor_client.post(
        "/admin/visits/visitingsession/export/",
        {
            "format": "0",
            **{f"visitingsessionresource_{f}": "on" for f in VisitingSessionResource.Meta.fields},
        },
    )
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert len(rows) == VisitingSession.objects.count()
    assert {"facility_code", "weekday", "start", "end"} <= set(rows[0])


def test_an_import_previews_then_changes_a_time_on_confirm(editor_client, editor):
    rows = exported(VisitingSession.objects.filter(key=FRIDAY_AFTERNOON))
    rows[0]["end"] = "19:00"
    preview = upload(editor_client, IMPORT, as_csv(rows))
    assert preview.status_code == 200
    result = preview.context["result"]
    assert not result.has_errors() and not result.has_validation_errors()
    assert VisitingSession.objects.get(key=FRIDAY_AFTERNOON).end == time(18, 30)  # preview only

    confirm(editor_client, IMPORT, preview)
    session = VisitingSession.objects.get(key=FRIDAY_AFTERNOON)
    assert session.end == time(19, 0)
    assert session.history.latest().history_user == editor


def test_a_new_row_without_a_key_gets_one_from_its_facility_day_and_start(editor_client):
    text = HEADER + "  ,missouri-doc,ACC,,weekly,Monday,,10:00,12:00,everyone,,,,Test,\n"
    preview = upload(editor_client, IMPORT, text)
    assert not preview.context["result"].has_validation_errors()
    confirm(editor_client, IMPORT, preview)
    session = VisitingSession.objects.get(key="acc-weekly-monday-1000")
    assert (session.facility.code, session.weekday, session.start) == ("ACC", 0, time(10))

    # The same line again is the same session, not a second one.
    preview = upload(editor_client, IMPORT, text)
    assert not preview.context["result"].has_validation_errors()
    confirm(editor_client, IMPORT, preview)
    assert VisitingSession.objects.filter(facility__code="ACC", weekday=0).count() == 1


@pytest.mark.parametrize(
    ("bad", "message"),
    [
        ({"end": "09:00"}, "must be after"),
        ({"weekday": "Fryday"}, "Write a day of the week"),
        ({"facility_code": "NOPE"}, "does not exist"),
        ({"start": "half past nine"}, "Value could not be parsed"),
    ],
)
def test_a_bad_row_is_reported_by_line_and_nothing_changes(editor_client, bad, message):
    before = snapshot()
    rows = exported(two_fridays())
    rows[0]["end"] = "13:45"  # a good change on line 1
    rows[1].update(bad)  # a bad one on line 2
    preview = upload(editor_client, IMPORT, as_csv(rows))
    assert preview.status_code == 200
    result = preview.context["result"]
    assert result.has_errors() or result.has_validation_errors()
    assert "confirm_form" not in preview.context
    assert message in preview.content.decode()
    assert snapshot() == before


def test_an_overlapping_new_row_is_refused(editor_client, missouri):
    before = snapshot()
    text = HEADER + "copy,missouri-doc,,,weekly,Friday,,14:30,18:30,everyone,,,,Test,\n"
    result = upload(editor_client, IMPORT, text).context["result"]
    assert result.has_validation_errors()
    assert "These dates overlap" in str(result.invalid_rows[0].error_dict)
    assert snapshot() == before


def test_a_real_run_with_one_bad_row_rolls_everything_back(missouri):
    before = snapshot()
    rows = exported(two_fridays())
    rows[0]["end"] = "13:45"
    rows[1]["end"] = "09:00"
    dataset = tablib.Dataset().load(as_csv(rows), format="csv")
    result = VisitingSessionResource().import_data(dataset, dry_run=False)
    assert result.has_validation_errors()
    assert snapshot() == before
