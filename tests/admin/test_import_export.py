"""CSV import and export for facilities and people: preview, per-row errors, all or nothing."""

import csv
import io

from django.core.files.uploadedfile import SimpleUploadedFile

from portal.admin import FacilityResource, InmateResource
from portal.models import Facility, Inmate


def upload(client, url, text):
    return client.post(
        url,
        {"import_file": SimpleUploadedFile("rows.csv", text.encode()), "format": "0"},
    )


def confirm(client, url, preview):
    form = preview.context["confirm_form"]
    return client.post(url.replace("/import/", "/process_import/"), form.initial, follow=True)


def facility_csv(**changes):
    rows = FacilityResource().export(Facility.objects.filter(code__in=["ACC", "JCCC"]))
    text = rows.csv
    reader = list(csv.DictReader(io.StringIO(text)))
    for row in reader:
        row.update(changes.get(row["code"], {}))
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(reader[0]))
    writer.writeheader()
    writer.writerows(reader)
    return out.getvalue()


FACILITY_IMPORT = "/admin/portal/facility/import/"


def test_export_gives_every_facility_as_csv(editor_client):
    response = editor_client.post(
        "/admin/portal/facility/export/",
        {"format": "0", **{f"facilityresource_{f}": "on" for f in FacilityResource.Meta.fields}},
    )
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert len(rows) == Facility.objects.count()
    assert {"code", "zip_code", "phone", "last_reviewed"} <= set(rows[0])


def test_an_import_shows_a_preview_then_changes_on_confirm(editor_client, editor):
    text = facility_csv(ACC={"phone": "(573) 555-0101"})
    preview = upload(editor_client, FACILITY_IMPORT, text)
    assert preview.status_code == 200
    result = preview.context["result"]
    assert not result.has_errors() and not result.has_validation_errors()
    assert Facility.objects.get(code="ACC").phone != "(573) 555-0101"  # preview only

    done = confirm(editor_client, FACILITY_IMPORT, preview)
    assert done.status_code == 200
    acc = Facility.objects.get(code="ACC")
    assert acc.phone == "(573) 555-0101"
    assert acc.history.latest().history_user == editor


def test_a_bad_row_is_reported_by_line_and_nothing_changes(editor_client):
    before = {f.code: (f.phone, f.zip_code) for f in Facility.objects.all()}
    text = facility_csv(ACC={"phone": "(573) 555-0101"}, JCCC={"zip_code": "ABCDE"})
    preview = upload(editor_client, FACILITY_IMPORT, text)
    result = preview.context["result"]
    assert result.has_validation_errors()
    invalid = result.invalid_rows
    assert [row.number for row in invalid] == [2]
    assert "Enter a ZIP code as 5 digits" in str(invalid[0].error_dict)
    assert "confirm_form" not in preview.context
    assert "Enter a ZIP code as 5 digits" in preview.content.decode()
    assert {f.code: (f.phone, f.zip_code) for f in Facility.objects.all()} == before


def test_a_real_run_with_one_bad_row_rolls_everything_back(missouri):
    text = facility_csv(ACC={"phone": "(573) 555-0101"}, JCCC={"zip_code": "ABCDE"})
    import tablib

    dataset = tablib.Dataset().load(text, format="csv")
    result = FacilityResource().import_data(dataset, dry_run=False)
    assert result.has_validation_errors()
    assert Facility.objects.get(code="ACC").phone != "(573) 555-0101"


def test_people_import_and_export_by_doc_id(editor_client, sample_person):
    text = (
        "agency,doc_id,first_name,middle_name,last_name,facility_code,is_fictional\n"
        "missouri-doc,7000001,Ana,,García,JCCC,1\n"
        "missouri-doc,7000002,Ben,,Ortiz,ACC,1\n"
    )
    url = "/admin/portal/inmate/import/"
    preview = upload(editor_client, url, text)
    assert not preview.context["result"].has_validation_errors()
    confirm(editor_client, url, preview)
    assert Inmate.objects.get(doc_id="7000001").facility.code == "JCCC"
    assert Inmate.objects.get(doc_id="7000002").last_key == "ortiz"

    rows = InmateResource().export(Inmate.objects.order_by("doc_id")).csv
    assert "7000002,Ben,,Ortiz,ACC" in rows


def test_an_unknown_facility_code_is_a_row_error(editor_client, sample_person):
    text = (
        "agency,doc_id,first_name,middle_name,last_name,facility_code,is_fictional\n"
        "missouri-doc,7000003,Cy,,Lee,NOPE,1\n"
    )
    preview = upload(editor_client, "/admin/portal/inmate/import/", text)
    result = preview.context["result"]
    assert result.has_errors() or result.has_validation_errors()
    assert not Inmate.objects.filter(doc_id="7000003").exists()


def test_any_rule_model_gets_csv_with_every_column(sample_rules, admin_client, missouri):
    sample_rules.objects.create(facility=Facility.objects.get(code="ACC"), kind="a")
    page = admin_client.get("/admin/admin_tests/samplerule/")
    assert "/admin/admin_tests/samplerule/import/" in page.content.decode()
    assert admin_client.get("/admin/admin_tests/samplerule/import/").status_code == 200
