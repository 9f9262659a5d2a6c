"""In-person visiting decisions as plain functions of plain inputs and rule objects.

Nothing here touches the database: views fetch the rules and pass them in, so
every decision can be tested on unsaved model instances.
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from visits.models import (
    CarryAllItem,
    EntryKind,
    IdRule,
    VisitingSession,
    VisitorListPolicy,
    Weekday,
)

# How far ahead the planner looks for the next dates with visiting.
SEARCH_DAYS = 92


# ---------- hours ----------


@dataclass
class Calendar:
    """The rows that decide one facility's hours on one day."""

    weekly: list[VisitingSession]
    dated: list[VisitingSession]
    ask: VisitingSession | None = None

    @property
    def call_to_confirm(self) -> bool:
        return self.ask is not None


def _in_scope(row: VisitingSession, facility) -> str | None:
    """ "facility", "kind" or "agency" when the row can apply to `facility`."""
    if row.agency_id != facility.agency_id:
        return None
    if row.facility_id:
        return "facility" if row.facility_id == facility.pk else None
    if row.facility_kind:
        return "kind" if row.facility_kind == facility.kind else None
    return "agency"


def calendar_for(facility, rows: Iterable[VisitingSession], day: date) -> Calendar:
    """Pick the rows for `facility` in force on `day`.

    The most specific scope with weekly or "call" rows wins: the facility's own,
    then its kind's, then the agency's. Extra and closed dates of every scope apply.
    """
    scoped: dict[str, list[VisitingSession]] = {"facility": [], "kind": [], "agency": []}
    dated = []
    for row in rows:
        scope = _in_scope(row, facility)
        if scope is None or not row.in_force_on(day):
            continue
        if row.entry in (EntryKind.EXTRA, EntryKind.CLOSED):
            dated.append(row)
        else:
            scoped[scope].append(row)
    for scope in ("facility", "kind", "agency"):
        if scoped[scope]:
            ask = next((r for r in scoped[scope] if r.entry == EntryKind.ASK), None)
            weekly = [r for r in scoped[scope] if r.entry == EntryKind.WEEKLY]
            return Calendar(weekly=_by_start(weekly), dated=dated, ask=ask)
    return Calendar(weekly=[], dated=dated)


def _by_start(rows: Iterable[VisitingSession]) -> list[VisitingSession]:
    return sorted(rows, key=lambda r: (r.start or time.min, r.end or time.min))


OPEN = "open"
CLOSED = "closed"
NO_VISITING = "none"
CALL = "call"


@dataclass
class DayAnswer:
    day: date
    status: str  # OPEN, CLOSED, NO_VISITING or CALL
    sessions: list[VisitingSession] = field(default_factory=list)
    closure: VisitingSession | None = None
    ask: VisitingSession | None = None

    @property
    def is_open(self) -> bool:
        return self.status == OPEN

    @property
    def arrive_at(self) -> time | None:
        """Not before the first session begins (families may not wait on the grounds)."""
        return self.sessions[0].start if self.sessions else None


def day_answer(facility, rows: Sequence[VisitingSession], day: date) -> DayAnswer:
    """Whether `facility` has visiting on `day`, and the sessions if so."""
    cal = calendar_for(facility, rows, day)
    todays = [r for r in cal.dated if r.date == day]
    closure = next((r for r in todays if r.entry == EntryKind.CLOSED), None)
    if closure:
        return DayAnswer(day, CLOSED, closure=closure)
    extra = [r for r in todays if r.entry == EntryKind.EXTRA]
    if extra:
        return DayAnswer(day, OPEN, sessions=_by_start(extra))
    if cal.call_to_confirm:
        return DayAnswer(day, CALL, ask=cal.ask)
    sessions = [r for r in cal.weekly if r.weekday == day.weekday()]
    if sessions:
        return DayAnswer(day, OPEN, sessions=sessions)
    return DayAnswer(day, NO_VISITING)


def next_open_days(
    facility, rows: Sequence[VisitingSession], after: date, count: int = 3
) -> list[DayAnswer]:
    """The next `count` days after `after` with visiting, within SEARCH_DAYS."""
    found = []
    for offset in range(1, SEARCH_DAYS + 1):
        answer = day_answer(facility, rows, after + timedelta(days=offset))
        if answer.status == CALL:
            return []
        if answer.is_open:
            found.append(answer)
            if len(found) == count:
                break
    return found


@dataclass
class WeekRow:
    weekday: int
    label: str
    sessions: list[VisitingSession]


@dataclass
class WeeklyHours:
    rows: list[WeekRow]
    ask: VisitingSession | None = None
    upcoming: list[VisitingSession] = field(default_factory=list)

    @property
    def call_to_confirm(self) -> bool:
        return self.ask is not None

    @property
    def signature(self) -> tuple:
        """Equal for facilities whose weekly tables read the same."""
        if self.ask:
            return ("ask", self.ask.pk, self.ask.note)
        return tuple(
            (r.weekday, tuple((s.start, s.end, s.who) for s in r.sessions)) for r in self.rows
        )


def weekly_hours(facility, rows: Sequence[VisitingSession], today: date) -> WeeklyHours:
    """A Monday-to-Sunday table of `facility`'s usual sessions, and its coming changes."""
    cal = calendar_for(facility, rows, today)
    upcoming = sorted(
        (r for r in cal.dated if r.date >= today), key=lambda r: (r.date, r.start or time.min)
    )
    week = [
        WeekRow(day.value, day.label, [s for s in cal.weekly if s.weekday == day.value])
        for day in Weekday
    ]
    return WeeklyHours(rows=week, ask=cal.ask, upcoming=upcoming)


def session_moments(day: date, session: VisitingSession, tz: ZoneInfo) -> tuple[datetime, datetime]:
    """The session's start and end as aware datetimes in the facility's time zone."""
    return (
        datetime.combine(day, session.start, tzinfo=tz),
        datetime.combine(day, session.end, tzinfo=tz),
    )


# ---------- planner date ----------

TOO_EARLY = "past"
TOO_LATE = "far"


def date_problem(day: date, today: date, max_days_ahead: int) -> str | None:
    if day < today:
        return TOO_EARLY
    if day > today + timedelta(days=max_days_ahead):
        return TOO_LATE
    return None


# ---------- visitors and ID ----------


@dataclass
class VisitorAnswer:
    number: int
    age: int
    married: bool
    rule: IdRule | None
    needs_adult: bool  # this visitor must come with an approved adult
    stopped: bool = False  # a minor with no approved adult in the group

    @property
    def is_adult_escort(self) -> bool:
        return not self.needs_adult and self.rule is not None


def id_rule_for(age: int, rules: Iterable[IdRule]) -> IdRule | None:
    return next((r for r in sorted(rules, key=lambda r: r.min_age) if r.covers(age)), None)


def check_visitors(
    visitors: Sequence[tuple[int, bool]], rules: Sequence[IdRule]
) -> list[VisitorAnswer]:
    """Per visitor (age, married to the person): the ID to bring, and any clear stop.

    A visitor whose rule says "with an approved adult" is stopped when nobody
    else in the group is an adult visitor, unless they are married to the person.
    """
    answers = []
    for number, (age, married) in enumerate(visitors, start=1):
        rule = id_rule_for(age, rules)
        needs_adult = bool(rule and rule.needs_approved_adult and not married)
        answers.append(VisitorAnswer(number, age, married, rule, needs_adult))
    has_adult = any(a.rule and not a.rule.needs_approved_adult for a in answers)
    for answer in answers:
        answer.stopped = answer.needs_adult and not has_adult
    return answers


# ---------- infant carry-all ----------


@dataclass
class ItemVerdict:
    item: CarryAllItem
    quantity: int

    @property
    def ok(self) -> bool:
        return self.quantity <= self.item.max_quantity

    @property
    def over_by(self) -> int:
        return max(0, self.quantity - self.item.max_quantity)


def carry_all_verdicts(
    quantities: dict[str, int], items: Sequence[CarryAllItem]
) -> list[ItemVerdict]:
    """One verdict per item the family filled in (keys are item keys)."""
    return [ItemVerdict(item, quantities[item.key]) for item in items if item.key in quantities]


# ---------- visitor-list eligibility ----------

YES = "yes"
WARN = "warn"
NO = "no"


@dataclass
class Finding:
    code: str  # names the template sentence; the view has no wording of its own
    level: str


@dataclass
class Eligibility:
    level: str
    findings: list[Finding]


def list_eligibility(
    *,
    on_other_list: bool,
    family_of_both: bool,
    supervised: bool,
    married: bool,
    policy: VisitorListPolicy | None,
) -> Eligibility:
    """What applies to one would-be visitor, worst first."""
    findings: list[Finding] = []
    one_list = policy.one_list_only if policy else True
    need_officer = policy.supervised_need_officer_approval if policy else True
    if on_other_list and one_list:
        if family_of_both:
            findings.append(Finding("family_of_both", WARN))
        else:
            findings.append(Finding("one_list", NO))
    if supervised:
        findings.append(Finding("officer" if need_officer else "supervised", WARN))
    if married:
        findings.append(Finding("marriage_license", WARN))
    order = {NO: 0, WARN: 1, YES: 2}
    findings.sort(key=lambda f: order[f.level])
    level = findings[0].level if findings else YES
    return Eligibility(level, findings)
