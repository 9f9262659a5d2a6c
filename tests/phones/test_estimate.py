"""The cost estimate: a fee for each call plus a rate per minute, step by step."""

from datetime import date
from decimal import Decimal

import pytest

from phones.models import CallKind
from phones.rules import current_rates, estimate_all, estimate_cost
from phones.templatetags.phones_tags import and_list, usd
from tests.phones.builders import rate


@pytest.mark.parametrize(
    "fee, per_minute, calls, minutes, minutes_cost, per_call, total, rounded",
    [
        ("0.50", "0.1000", 10, 15, "1.50", "2.00", "20.00", "20.00"),
        ("0.00", "0.0525", 3, 10, "0.525", "0.525", "1.575", "1.58"),
        ("1.25", "0", 4, 20, "0", "1.25", "5.00", "5.00"),
        ("0.99", "0.0210", 1, 1, "0.021", "1.011", "1.011", "1.01"),
    ],
)
def test_estimate_is_fee_plus_minutes_times_rate_times_calls(
    fee, per_minute, calls, minutes, minutes_cost, per_call, total, rounded
):
    estimate = estimate_cost(rate(fee, per_minute), calls, minutes)

    assert estimate.minutes_cost == Decimal(minutes_cost)
    assert estimate.per_call == Decimal(per_call)
    assert estimate.total == Decimal(total)
    assert estimate.rounded_total == Decimal(rounded)
    assert estimate.is_rounded is (Decimal(total) != Decimal(rounded))


@pytest.mark.parametrize("calls, minutes", [(0, 10), (10, 0), (-1, 10), (10, -5)])
def test_estimate_refuses_counts_below_one(calls, minutes):
    with pytest.raises(ValueError):
        estimate_cost(rate("0.50", "0.10"), calls, minutes)


def test_one_estimate_per_kind_of_call_using_the_newest_rate():
    old = rate("0.50", "0.10", start=date(2025, 1, 1))
    new = rate("0.40", "0.08", start=date(2026, 1, 1))
    collect = rate("0.00", "0.20", kind=CallKind.COLLECT)

    assert current_rates([old, new, collect]) == [new, collect]
    estimates = estimate_all([old, new, collect], calls=2, minutes=10)
    assert [e.total for e in estimates] == [Decimal("2.40"), Decimal("4.00")]


def test_no_rates_means_no_estimate():
    assert estimate_all([], calls=10, minutes=15) == []


@pytest.mark.parametrize(
    "amount, shown",
    [
        (Decimal("2"), "$2.00"),
        (Decimal("20.00"), "$20.00"),
        (Decimal("0.0525"), "$0.0525"),
        (Decimal("1.575"), "$1.575"),
        (Decimal("1234.5"), "$1,234.50"),
    ],
)
def test_money_keeps_every_digit_of_a_rate(amount, shown):
    assert usd(amount) == shown


def test_word_lists_read_naturally():
    assert and_list([]) == ""
    assert and_list(["cell phone"]) == "cell phone"
    assert and_list(["cell phone", "home landline"]) == "cell phone and home landline"
    assert and_list(["a", "b", "c"]) == "a, b and c"
