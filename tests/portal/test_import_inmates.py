import io

import pytest
from django.core.management import CommandError, call_command

from portal.models import Inmate

HEADER = "doc_id,first_name,middle_name,last_name,facility_code,is_fictional\n"


def run_import(tmp_path, body: str) -> str:
    path = tmp_path / "people.csv"
    path.write_text(HEADER + body, encoding="utf-8")
    out = io.StringIO()
    call_command("import_inmates", str(path), stdout=out)
    return out.getvalue()


def test_import_creates_people(missouri, tmp_path):
    output = run_import(tmp_path, "1001,Ana,,García,ACC,yes\n1002,Sean,P,O'Brien,JCCC,yes\n")
    assert output.strip() == "2 created, 0 updated, 0 moved, 0 unchanged."
    sean = Inmate.objects.get(doc_id="1002")
    assert (sean.full_name, sean.facility.code, sean.is_fictional) == (
        "Sean P O'Brien",
        "JCCC",
        True,
    )


def test_import_counts_updated_moved_and_unchanged(missouri, tmp_path):
    run_import(
        tmp_path, "1001,Ana,,García,ACC,yes\n1002,Sean,,O'Brien,JCCC,yes\n1003,Li,,Wu,BCC,yes\n"
    )
    output = run_import(
        tmp_path,
        "1001,Ana,,García,ACC,yes\n1002,Sean,,O'Brien,PCC,yes\n1003,Li,,Woo,BCC,yes\n1004,Bo,,Li,,yes\n",
    )
    assert output.strip() == "1 created, 1 updated, 1 moved, 1 unchanged."
    assert Inmate.objects.get(doc_id="1002").facility.code == "PCC"
    assert Inmate.objects.get(doc_id="1004").facility is None


def test_a_long_doc_id_is_not_rejected_for_its_length(missouri, tmp_path):
    run_import(tmp_path, "123456789012345678901234,Ana,,García,ACC,no\n")
    assert Inmate.objects.filter(doc_id="123456789012345678901234").exists()


@pytest.mark.parametrize(
    ("bad_line", "reason"),
    [
        ("12A4,Ana,,García,ACC,yes", "Line 3: the DOC ID '12A4' must be digits only."),
        ("1005,,,García,ACC,yes", "Line 3: first and last name are required."),
        ("1005,Ana,,García,XYZ,yes", "Line 3: no facility with code 'XYZ'."),
        ("1001,Ana,,García,ACC,yes", "Line 3: the DOC ID 1001 appears twice in the file."),
        ("1005,Ana,,García,ACC,maybe", "Line 3: is_fictional must be yes or no, not 'maybe'."),
    ],
)
def test_a_bad_line_rejects_the_whole_file_with_its_line_number(
    missouri, tmp_path, bad_line, reason
):
    with pytest.raises(CommandError) as error:
        run_import(tmp_path, f"1001,Ana,,García,ACC,yes\n{bad_line}\n")
    assert str(error.value) == f"{reason} Nothing was changed."
    assert not Inmate.objects.exists()


def test_a_file_without_the_needed_columns_is_rejected(missouri, tmp_path):
    path = tmp_path / "people.csv"
    path.write_text("id,name\n1,Ana\n", encoding="utf-8")
    with pytest.raises(CommandError, match="missing columns"):
        call_command("import_inmates", str(path))
