"""Idempotent loading of seed data that never overwrites what staff changed.

Every app's loader calls `Seeder.upsert(Model, lookup, values)`. For each record
the loader remembers, in `SeedRecord`, the values it last wrote. On the next load:

- a field whose current value still equals what the loader last wrote is updated;
- a field staff changed since then is kept as staff left it;
- a record staff deleted is not created again.
"""

import json
from collections import Counter
from datetime import date, datetime, time
from decimal import Decimal

from django.db import models

from portal.models import SeedRecord

CREATED = "created"
UPDATED = "updated"
UNCHANGED = "unchanged"
KEPT = "kept staff edits"
SKIPPED_DELETED = "deleted by staff"


def _plain(value):
    if isinstance(value, models.Model):
        return value.pk
    if isinstance(value, (date, datetime, time, Decimal)):
        return str(value)
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return value


class Seeder:
    def __init__(self):
        self.counts: Counter[str] = Counter()

    def upsert(self, model: type[models.Model], lookup: dict, values: dict) -> models.Model | None:
        label = model._meta.label_lower
        key = json.dumps({k: _plain(v) for k, v in lookup.items()}, sort_keys=True)
        record = SeedRecord.objects.filter(model=label, key=key).first()
        obj = model.objects.filter(**lookup).first()
        plain_values = {field: _plain(v) for field, v in values.items()}

        if obj is None:
            if record is not None:
                self.counts[SKIPPED_DELETED] += 1
                return None
            obj = model(**lookup, **values)
            obj.full_clean()
            obj.save()
            SeedRecord.objects.create(model=label, key=key, values=plain_values)
            self.counts[CREATED] += 1
            return obj

        last_loaded = record.values if record else {}
        changed = kept = False
        for field, new in values.items():
            current = _plain(getattr(obj, field))
            if current == plain_values[field]:
                continue
            if field in last_loaded and current != last_loaded[field]:
                kept = True
                continue
            setattr(obj, field, new)
            changed = True
        if changed:
            obj.full_clean()
            obj.save()
        if record is None:
            SeedRecord.objects.create(model=label, key=key, values=plain_values)
        elif record.values != plain_values:
            record.values = plain_values
            record.save(update_fields=["values", "loaded_at"])
        outcome = KEPT if kept else UPDATED if changed else UNCHANGED
        self.counts[outcome] += 1
        return obj

    def summary(self) -> str:
        order = [CREATED, UPDATED, UNCHANGED, KEPT, SKIPPED_DELETED]
        return ", ".join(f"{self.counts[name]} {name}" for name in order)
