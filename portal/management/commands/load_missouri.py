from importlib import import_module

from django.core.management.base import BaseCommand
from django.db import transaction

from portal import seed as portal_seed
from portal.seeding import Seeder

# Each app keeps its Missouri rules in <app>/seed.py; the order matters only in
# that facilities come first.
APP_SEEDS = ["mail.seed", "funds.seed", "phones.seed", "visits.seed"]


class Command(BaseCommand):
    help = (
        "Load Missouri's agency, 19 facilities and every rule. Safe to run again: "
        "it never overwrites a field staff changed, nor brings back what staff deleted."
    )

    def handle(self, *args, **options):
        with transaction.atomic():
            seeder = Seeder()
            agency = portal_seed.load_agency(seeder)
            if agency is None:
                self.stderr.write("The Missouri agency was deleted by staff; nothing loaded.")
                return
            portal_seed.load(seeder, agency)
            for module in APP_SEEDS:
                import_module(module).load(seeder, agency)
        self.stdout.write(f"Missouri data: {seeder.summary()}.")
