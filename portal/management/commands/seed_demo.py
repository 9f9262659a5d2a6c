"""Fictional people for demonstration and testing. None of them is real."""

import random

from django.core.management.base import BaseCommand

from portal.models import Agency, Facility, Inmate

FIRST = [
    "Alex",
    "Jordan",
    "Taylor",
    "Morgan",
    "Casey",
    "Riley",
    "Jamie",
    "Avery",
    "Quinn",
    "José",
    "María",
    "Zoë",
    "Renée",
    "Dmitri",
    "Aaliyah",
    "DeShawn",
    "Mei",
    "Siobhán",
    "Nuño",
    "Chloé",
    "Marcus",
    "Ana",
    "Tomás",
    "Keisha",
    "Bao",
    "Ingrid",
    "Luis",
]
LAST = [
    "O'Brien",
    "García",
    "Núñez",
    "Smith-Jones",
    "Nguyen",
    "Washington",
    "Müller",
    "De La Cruz",
    "D'Angelo",
    "Peña",
    "Johnson",
    "Brown",
    "Okafor",
    "Kowalski",
    "Lefèvre",
    "Martínez",
    "Yazzie",
    "Clark",
    "Hernández",
    "McAllister",
    "Ito",
    "Fischer",
]
FIRST_DOC_ID = 9_000_001  # demo numbers sit in a range of their own


class Command(BaseCommand):
    help = "Create fictional demo people across the facilities (marked fictional). Idempotent."

    def add_arguments(self, parser):
        parser.add_argument("--count", type=int, default=300)

    def handle(self, *args, count: int, **options):
        agency = Agency.objects.filter(slug="missouri-doc").first()
        facilities = list(Facility.objects.filter(agency=agency).order_by("code"))
        if agency is None or not facilities:
            self.stderr.write("Run `manage.py load_missouri` first.")
            return
        rng = random.Random(20261123)  # noqa: S311 - repeatable demo data, not security
        existing = set(
            Inmate.objects.filter(agency=agency, is_fictional=True).values_list("doc_id", flat=True)
        )
        people = []
        for n in range(count):
            doc_id = str(FIRST_DOC_ID + n)
            first, last = rng.choice(FIRST), rng.choice(LAST)
            facility = facilities[n % len(facilities)]
            if doc_id in existing:
                continue
            person = Inmate(
                agency=agency,
                doc_id=doc_id,
                first_name=first,
                last_name=last,
                facility=facility,
                is_fictional=True,
            )
            person.refresh_keys()
            people.append(person)
        Inmate.objects.bulk_create(people, batch_size=1000)
        self.stdout.write(f"Demo people: {len(people)} created, {len(existing)} already there.")
