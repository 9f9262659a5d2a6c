"""Upsert people from a CSV file, all or nothing.

Columns: doc_id, first_name, middle_name (optional), last_name, facility_code
(empty when released or unknown), is_fictional (optional: yes/no).
"""

import csv
from collections import Counter
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from portal.models import Agency, Facility, Inmate
from portal.text import is_doc_id

REQUIRED = {"doc_id", "first_name", "last_name", "facility_code"}
YES = {"yes", "true", "1", "y"}
NO = {"no", "false", "0", "n", ""}


class Command(BaseCommand):
    help = "Create or update people from a CSV file; a bad line rejects the whole file."

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)
        parser.add_argument("--agency", default="missouri-doc", help="The agency's slug.")

    def handle(self, *args, file: Path, agency: str, **options):
        try:
            agency_obj = Agency.objects.get(slug=agency)
        except Agency.DoesNotExist:
            raise CommandError(
                f"No agency with slug {agency!r}. Run load_missouri first."
            ) from None
        facilities = {f.code: f for f in Facility.objects.filter(agency=agency_obj)}
        try:
            with file.open(newline="", encoding="utf-8-sig") as handle:
                rows = list(csv.DictReader(handle))
                header = set(rows[0].keys()) if rows else set()
        except FileNotFoundError:
            raise CommandError(f"No such file: {file}") from None
        except UnicodeDecodeError:
            raise CommandError("The file is not UTF-8 text.") from None
        missing = REQUIRED - header
        if not rows:
            raise CommandError("The file has no rows.")
        if missing:
            raise CommandError(f"Line 1: missing columns: {', '.join(sorted(missing))}.")

        counts: Counter[str] = Counter()
        existing = {p.doc_id: p for p in Inmate.objects.filter(agency=agency_obj)}
        seen: set[str] = set()
        try:
            with transaction.atomic():
                for line, row in enumerate(rows, start=2):
                    self._apply(row, line, agency_obj, facilities, existing, seen, counts)
        except ValidationError as error:
            raise CommandError(error.messages[0]) from None
        self.stdout.write(
            f"{counts['created']} created, {counts['updated']} updated, "
            f"{counts['moved']} moved, {counts['unchanged']} unchanged."
        )

    def _apply(self, row, line, agency, facilities, existing, seen, counts):
        def fail(reason: str):
            raise ValidationError(f"Line {line}: {reason} Nothing was changed.")

        doc_id = (row.get("doc_id") or "").strip()
        if not is_doc_id(doc_id):
            fail(f"the DOC ID {doc_id!r} must be digits only.")
        if doc_id in seen:
            fail(f"the DOC ID {doc_id} appears twice in the file.")
        seen.add(doc_id)
        first = (row.get("first_name") or "").strip()
        last = (row.get("last_name") or "").strip()
        if not first or not last:
            fail("first and last name are required.")
        code = (row.get("facility_code") or "").strip().upper()
        if code and code not in facilities:
            fail(f"no facility with code {code!r}.")
        fictional_raw = (row.get("is_fictional") or "").strip().lower()
        if fictional_raw not in YES | NO:
            fail(f"is_fictional must be yes or no, not {fictional_raw!r}.")
        values = {
            "first_name": first,
            "middle_name": (row.get("middle_name") or "").strip(),
            "last_name": last,
            "facility": facilities.get(code),
            "is_fictional": fictional_raw in YES,
        }
        person = existing.get(doc_id)
        if person is None:
            person = Inmate(agency=agency, doc_id=doc_id, **values)
            self._save(person, fail)
            counts["created"] += 1
            return
        moved = person.facility_id != (values["facility"].pk if values["facility"] else None)
        changed = any(getattr(person, k) != v for k, v in values.items())
        if not changed:
            counts["unchanged"] += 1
            return
        for k, v in values.items():
            setattr(person, k, v)
        self._save(person, fail)
        counts["moved" if moved else "updated"] += 1

    @staticmethod
    def _save(person, fail):
        try:
            person.full_clean(validate_unique=False)
        except ValidationError as error:
            fail("; ".join(f"{k}: {' '.join(v)}" for k, v in error.message_dict.items()))
        person.save()
