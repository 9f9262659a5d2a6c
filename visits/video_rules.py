"""Decisions for video visits, as plain functions of plain inputs and rule objects.

All time arithmetic is done in real (elapsed) time: "72 hours ahead" is 72 hours
on the clock of the world, so across a change of clocks the wall time of a
deadline moves by an hour. Python adds and compares two datetimes of the same
time zone by their wall times, so every sum and comparison here is done in UTC
(`_utc`) and only the results are shown in the agency's time zone.
"""

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

from visits.models.video import (
    VideoAnswer,
    VideoEligibilityRule,
    VideoKind,
    VideoVisitRules,
)

# Why a wanted start cannot even be planned (the form shows these as errors).
PAST = "past"
TOO_FAR = "too_far"
NO_SUCH_TIME = "no_such_time"  # skipped when clocks move forward
TWICE = "twice"  # happens twice when clocks move back

# The planner's verdicts, most serious first.
NOT_OFFERED = "not_offered"
REFUSED = "refused"
TOO_SOON = "too_soon"
CHECK_FIRST = "check_first"
YES = "yes"

# How an eligibility answer counts.
STOPS = "stops"
CHECK = "check"
OK = "ok"
SKIPPED = "skipped"


def money(amount: Decimal) -> str:
    """An amount of dollars with cents, without the sign: 7.95, 1,234.00."""
    return f"{amount:,.2f}"


def _utc(moment: datetime) -> datetime:
    return moment.astimezone(UTC)


def _local(moment: datetime, tz: ZoneInfo) -> datetime:
    return moment.astimezone(tz)


def offers(facility, kind: str) -> bool:
    """Whether `facility` offers this kind of video visit."""
    if facility is None:
        return False
    if kind == VideoKind.REMOTE:
        return bool(facility.remote_video_visits)
    return bool(facility.onsite_video_visits)


def local_start(day: date, clock_time: time, tz: ZoneInfo) -> tuple[datetime | None, str | None]:
    """The moment the visitor means by a date and a wall-clock time in `tz`.

    Returns (moment, None), or (None, NO_SUCH_TIME) for a time the clocks skip,
    or (None, TWICE) for a time that happens twice when the clocks go back.
    """
    wall = datetime.combine(day, clock_time.replace(second=0, microsecond=0))
    first = wall.replace(tzinfo=tz, fold=0)
    second = wall.replace(tzinfo=tz, fold=1)
    round_trip = first.astimezone(UTC).astimezone(tz)
    if round_trip.replace(tzinfo=None) != wall:
        return None, NO_SUCH_TIME
    if first.utcoffset() != second.utcoffset():
        return None, TWICE
    return first, None


def start_problem(start: datetime, now: datetime, horizon_days: int) -> str | None:
    """Why `start` is not a time anyone could plan for, or None."""
    start, now = _utc(start), _utc(now)
    if start <= now:
        return PAST
    if start > now + timedelta(days=horizon_days):
        return TOO_FAR
    return None


def _ceil_minute(moment: datetime) -> datetime:
    whole = moment.replace(second=0, microsecond=0)
    return whole if whole == moment else whole + timedelta(minutes=1)


def earliest_bookable(now: datetime, rules: VideoVisitRules, tz: ZoneInfo) -> datetime:
    """The first whole minute that is at least the lead time away from `now`."""
    return _local(_ceil_minute(_utc(now) + timedelta(hours=rules.booking_lead_hours)), tz)


def first_bookable_at_same_time(
    wanted: datetime, now: datetime, rules: VideoVisitRules, tz: ZoneInfo
) -> datetime:
    """The first day on which the wanted wall-clock time can still be booked."""
    earliest = earliest_bookable(now, rules, tz)
    wall_time = wanted.astimezone(tz).time()
    day = earliest.date()
    for _ in range(7):  # a skipped or doubled time can only push it a day or two
        candidate, problem = local_start(day, wall_time, tz)
        if candidate is not None and _utc(candidate) >= _utc(earliest):
            return candidate
        day += timedelta(days=1)
    return earliest


@dataclass(frozen=True)
class Cost:
    blocks: int
    block_minutes: int
    price_per_block: Decimal
    total: Decimal

    @property
    def minutes(self) -> int:
        return self.blocks * self.block_minutes

    @property
    def is_free(self) -> bool:
        return self.total == 0


def cost(rules: VideoVisitRules, kind: str, blocks: int) -> Cost:
    """What the visit costs: blocks x price per block. On-site is always one block."""
    if kind != VideoKind.REMOTE:
        blocks = 1
    price = rules.price_per_block(kind)
    return Cost(
        blocks=blocks,
        block_minutes=rules.block_minutes(kind),
        price_per_block=price,
        total=(price * blocks).quantize(Decimal("0.01")),
    )


@dataclass(frozen=True)
class VideoVisitPlan:
    kind: str
    start: datetime
    end: datetime
    cost: Cost
    book_by: datetime
    bookable: bool
    earliest: datetime
    same_time_later: datetime | None
    cancel_by: datetime | None
    visitor_login: datetime
    person_login: datetime
    now: datetime

    @property
    def time_left(self) -> timedelta:
        """Real time from now until the start."""
        return _utc(self.start) - _utc(self.now)

    @property
    def hours_left(self) -> int:
        return int(self.time_left.total_seconds() // 3600)

    @property
    def minutes_left_over(self) -> int:
        return int(self.time_left.total_seconds() // 60) % 60

    @property
    def cancel_deadline_passed(self) -> bool:
        return self.cancel_by is not None and _utc(self.cancel_by) <= _utc(self.now)


def plan_visit(
    rules: VideoVisitRules,
    kind: str,
    start: datetime,
    blocks: int,
    now: datetime,
    tz: ZoneInfo,
) -> VideoVisitPlan:
    """Every time and sum a visitor needs for one video visit starting at `start`."""
    start_utc, now_utc = _utc(start), _utc(now)
    price = cost(rules, kind, blocks)
    book_by = start_utc - timedelta(hours=rules.booking_lead_hours)
    bookable = now_utc <= book_by
    return VideoVisitPlan(
        kind=kind,
        start=_local(start_utc, tz),
        end=_local(start_utc + timedelta(minutes=price.minutes), tz),
        cost=price,
        book_by=_local(book_by, tz),
        bookable=bookable,
        earliest=earliest_bookable(now, rules, tz),
        same_time_later=None if bookable else first_bookable_at_same_time(start, now, rules, tz),
        # A credit only matters for a visit that costs money.
        cancel_by=(
            None
            if price.is_free
            else _local(start_utc - timedelta(hours=rules.cancel_credit_hours), tz)
        ),
        visitor_login=_local(start_utc - timedelta(minutes=rules.visitor_early_login_minutes), tz),
        person_login=_local(start_utc - timedelta(minutes=rules.person_early_login_minutes), tz),
        now=_local(now_utc, tz),
    )


@dataclass(frozen=True)
class Finding:
    rule: VideoEligibilityRule
    answer: str
    outcome: str  # STOPS, CHECK, OK or SKIPPED


def check_eligibility(
    rules: list[VideoEligibilityRule], answers: dict[str, str], kind: str
) -> list[Finding]:
    """How each answer counts. A follow-up question counts only when the question
    it follows is answered Yes (or Not sure, to be safe)."""
    findings = []
    for rule in rules:
        answer = answers.get(rule.key, "")
        if not rule.applies(kind):
            continue
        # Load rules with select_related("only_if"): this reads no database.
        gate = rule.only_if
        if gate is not None and answers.get(gate.key, "") not in (
            VideoAnswer.YES,
            VideoAnswer.NOT_SURE,
        ):
            findings.append(Finding(rule, answer, SKIPPED))
            continue
        if not rule.stops_when:
            outcome = OK
        elif answer == rule.stops_when:
            outcome = STOPS
        elif answer in (VideoAnswer.NOT_SURE, ""):
            outcome = CHECK
        else:
            outcome = OK
        findings.append(Finding(rule, answer, outcome))
    return findings


def verdict(offered: bool, findings: list[Finding], plan: VideoVisitPlan | None) -> str:
    """The one answer the page leads with, the most serious problem first."""
    if not offered:
        return NOT_OFFERED
    if any(f.outcome == STOPS for f in findings):
        return REFUSED
    if plan is not None and not plan.bookable:
        return TOO_SOON
    if any(f.outcome == CHECK for f in findings):
        return CHECK_FIRST
    return YES


def current_rules(queryset, at: datetime | None = None) -> VideoVisitRules | None:
    """The agency's rules in force at `at` (the latest start wins when two overlap)."""
    return queryset.in_force(at).select_related("agency").first()
