"""One place to ask what time it is, so rules can be asked about any moment (`at=`)."""

from datetime import date, datetime

from django.utils import timezone


def now() -> datetime:
    return timezone.now()


def today() -> date:
    return timezone.localdate()


def local_date(at: datetime | None) -> date:
    return timezone.localdate(at or now())
