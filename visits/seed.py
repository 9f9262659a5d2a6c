"""Missouri's visiting rules, loaded by `manage.py load_missouri`."""

from portal.models import Agency
from portal.seeding import Seeder
from visits import seed_inperson, seed_video


def load(seeder: Seeder, agency: Agency) -> None:
    seed_inperson.load(seeder, agency)
    seed_video.load(seeder, agency)
