"""Missouri's agency and its 19 institutions, from portal/data/missouri_facilities.csv."""

import csv
from datetime import date
from decimal import Decimal
from pathlib import Path

from django.utils.text import slugify

from portal.models import Agency, Facility
from portal.seeding import Seeder

DATA = Path(__file__).resolve().parent / "data" / "missouri_facilities.csv"
FACILITY_SOURCE = "Missouri DOC public facility table (read 2025-09-28)"
VIDEO_SOURCE = "Missouri DOC, Video Visits guidelines"
REVIEWED = date(2025, 9, 28)


def load_agency(seeder: Seeder) -> Agency:
    return seeder.upsert(
        Agency,
        {"slug": "missouri-doc"},
        {
            "name": "Missouri Department of Corrections",
            "short_name": "Missouri DOC",
            "state": "MO",
            "website": "https://doc.mo.gov/",
            "offender_search_url": "https://web.mo.gov/doc/offSearchWeb/",
            "time_zone": "America/Chicago",
            "source": "Missouri DOC website",
            "last_reviewed": REVIEWED,
        },
    )


def load(seeder: Seeder, agency: Agency) -> None:
    with DATA.open(newline="", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            video = row["video_visits"].strip().lower() == "yes"
            seeder.upsert(
                Facility,
                {"agency": agency, "code": row["code"]},
                {
                    "slug": slugify(row["name"]),
                    "name": row["name"],
                    "kind": row["kind"],
                    "street": row["street"],
                    "city": row["city"],
                    "state": row["state"],
                    "zip_code": row["zip"],
                    "phone": row["phone"],
                    "latitude": Decimal(row["latitude"]).quantize(Decimal("0.000001")),
                    "longitude": Decimal(row["longitude"]).quantize(Decimal("0.000001")),
                    "onsite_video_visits": video,
                    "remote_video_visits": video,
                    "source": f"{FACILITY_SOURCE}; video visits: {VIDEO_SOURCE}",
                    "last_reviewed": REVIEWED,
                },
            )
