"""Missouri's phones rules, loaded by `manage.py load_missouri`."""

from portal.models import Agency
from portal.seeding import Seeder


def load(seeder: Seeder, agency: Agency) -> None:
    """Upsert this app's Missouri rules through `seeder` (see portal.seeding)."""
