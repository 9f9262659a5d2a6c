"""One place to ask what time it is, so rules can be asked about any moment (`at=`).

Staff can preview the site as it will look on another day (see portal/preview.py):
while a preview is on, `now()` answers that day at the present time of day.
"""

from contextlib import contextmanager
from contextvars import ContextVar
from datetime import date, datetime

from django.utils import timezone

# The day a member of staff is previewing, for this request only.
_preview_day: ContextVar[date | None] = ContextVar("preview_day", default=None)


def now() -> datetime:
    moment = timezone.now()
    day = _preview_day.get()
    if day is None:
        return moment
    local = timezone.localtime(moment)
    return local.replace(year=day.year, month=day.month, day=day.day)


def today() -> date:
    return timezone.localdate(now())


def local_date(at: datetime | None) -> date:
    return timezone.localdate(at or now())


def localtime(at: datetime) -> datetime:
    return timezone.localtime(at)


def preview_day() -> date | None:
    return _preview_day.get()


@contextmanager
def previewing(day: date | None):
    """Answer `now()` as on `day` inside the block (no change when day is None)."""
    token = _preview_day.set(day)
    try:
        yield
    finally:
        _preview_day.reset(token)
