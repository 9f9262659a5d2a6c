"""A small iCalendar (RFC 5545) writer for one visit with its reminders.

Visits need one event and a few alarms; this is short enough that a library
would add more than it saves.
"""

from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from django.http import HttpResponse


@dataclass(frozen=True)
class Reminder:
    """An alarm `before` the event starts (or at an absolute moment `at`)."""

    description: str
    before: timedelta | None = None
    at: datetime | None = None


@dataclass(frozen=True)
class Event:
    uid: str
    start: datetime
    end: datetime
    summary: str
    description: str = ""
    location: str = ""
    reminders: list[Reminder] = field(default_factory=list)


def _escape(text: str) -> str:
    return (
        text.replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
    )


def _fold(line: str) -> str:
    """Lines longer than 75 octets continue on the next line after a space."""
    out, current = [], b""
    for char in line:
        encoded = char.encode("utf-8")
        if len(current) + len(encoded) > 75:
            out.append(current.decode("utf-8"))
            current = b" "
        current += encoded
    out.append(current.decode("utf-8"))
    return "\r\n".join(out)


def _utc(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def _duration(delta: timedelta) -> str:
    minutes = int(delta.total_seconds() // 60)
    return f"-PT{minutes}M"


def calendar(events: list[Event], stamp: datetime) -> str:
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Staying Connected//Visit planner//EN",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
    ]
    for event in events:
        lines += [
            "BEGIN:VEVENT",
            f"UID:{event.uid}",
            f"DTSTAMP:{_utc(stamp)}",
            f"DTSTART:{_utc(event.start)}",
            f"DTEND:{_utc(event.end)}",
            f"SUMMARY:{_escape(event.summary)}",
        ]
        if event.description:
            lines.append(f"DESCRIPTION:{_escape(event.description)}")
        if event.location:
            lines.append(f"LOCATION:{_escape(event.location)}")
        for reminder in event.reminders:
            trigger = (
                f"TRIGGER;VALUE=DATE-TIME:{_utc(reminder.at)}"
                if reminder.at
                else f"TRIGGER:{_duration(reminder.before or timedelta())}"
            )
            lines += [
                "BEGIN:VALARM",
                "ACTION:DISPLAY",
                f"DESCRIPTION:{_escape(reminder.description)}",
                trigger,
                "END:VALARM",
            ]
        lines.append("END:VEVENT")
    lines.append("END:VCALENDAR")
    return "\r\n".join(_fold(line) for line in lines) + "\r\n"


def ics_response(events: list[Event], stamp: datetime, filename: str) -> HttpResponse:
    response = HttpResponse(calendar(events, stamp), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
