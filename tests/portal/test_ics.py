from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from portal.ics import Event, Reminder, calendar

CHICAGO = ZoneInfo("America/Chicago")


def test_calendar_has_one_event_in_utc_with_its_reminders():
    start = datetime(2026, 12, 5, 9, 30, tzinfo=CHICAGO)
    text = calendar(
        [
            Event(
                uid="visit-1@stayingconnected",
                start=start,
                end=start + timedelta(hours=4),
                summary="Visit, Algoa Correctional Center",
                description="Bring photo ID; coins in a clear bag.",
                location="8501 No More Victims Road, Jefferson City, MO 65101",
                reminders=[
                    Reminder("Leave soon", before=timedelta(hours=2)),
                    Reminder("Last day to cancel", at=start - timedelta(hours=48)),
                ],
            )
        ],
        stamp=datetime(2026, 11, 23, 12, 0, tzinfo=CHICAGO),
    )
    lines = text.split("\r\n")
    assert lines[0] == "BEGIN:VCALENDAR"
    assert "DTSTART:20261205T153000Z" in lines
    assert "DTEND:20261205T193000Z" in lines
    assert "DESCRIPTION:Bring photo ID\\; coins in a clear bag." in lines
    assert "TRIGGER:-PT120M" in lines
    assert "TRIGGER;VALUE=DATE-TIME:20261203T153000Z" in lines
    assert text.endswith("END:VCALENDAR\r\n")


def test_long_lines_are_folded_at_75_octets():
    start = datetime(2026, 12, 5, 9, 30, tzinfo=CHICAGO)
    text = calendar(
        [Event(uid="x", start=start, end=start, summary="é" * 100)],
        stamp=start,
    )
    assert all(len(line.encode()) <= 75 for line in text.split("\r\n"))
    unfolded = text.replace("\r\n ", "")
    assert "SUMMARY:" + "é" * 100 in unfolded
