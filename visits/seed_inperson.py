"""Missouri's inperson visiting rules (see visits/seed.py)."""

from portal.models import Agency
from portal.seeding import Seeder


def load(seeder: Seeder, agency: Agency) -> None:
    """Upsert the rules through `seeder` (see portal.seeding)."""
