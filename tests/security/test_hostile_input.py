"""Random and hostile input at every public page: never a 500, never echoed unescaped.

The test reads each sample page (tests/pages.py and every guide's
tests/<app>/sample_urls*.py) and learns from it:

- every address to try: the sample addresses, the addresses their GET forms send
  to, and the pages they link to with a query (the print views and the calendar
  files of the planners);
- every field of every form, with its kind (text, number, date, time, radios,
  checkboxes, menu) and the values the page offers for it.

Then, for each address, it starts from one of its sample answers and changes a few
fields at a time: a valid choice of a radio or checkbox (so the answer goes on to
use the other values), or huge strings, NUL bytes, invalid UTF-8, SQL and HTML
fragments, odd numbers, impossible dates and times. Path parts that vary (DOC IDs,
facility slugs) get the same treatment.
"""

import os
from dataclasses import dataclass, field
from datetime import date, timedelta
from html.parser import HTMLParser
from urllib.parse import parse_qsl, quote, quote_from_bytes, urlsplit

import pytest
from django import forms as django_forms
from django.urls import get_resolver, reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.pages import SAMPLE_DOC_ID, all_sample_urls

URLS = all_sample_urls()

GUIDES = ("mail", "funds", "phones", "visits")
FORM_MODULES = ("portal.forms", "mail.forms", "funds.forms", "phones.forms", "visits.forms")

# Parameters the pages read from links, whether or not a form shows them.
KNOWN_PARAMS = ["q", "first", "doc_id", "name", "facility", "go", "print", "session", "page"]

# Unique markers make a reflected payload easy to spot without false alarms.
XSS = [
    "<script>fz9()</script>",
    '"><img src=x onerror=fz9()>',
    "'><svg/onload=fz9()>",
    "</textarea><b>fz9</b>",
    '" autofocus onfocus="fz9()',
    "' onmouseover='fz9()",
]
# Raw fragments of these must never reach the page unescaped.
UNSAFE_MARKERS = ["<script>fz9", "<img src=x", "<svg/onload", "<b>fz9", '" autofocus', "' onmouse"]
# Shorter values (such as "'" or "<a") are on every page anyway: only longer ones
# tell an echo from the page's own markup.
ECHO_MIN_LENGTH = 6

HOSTILE = [
    "",
    " ",
    "   \t  ",
    "\x00",
    "7000001\x00",
    "a" * 5000,
    "9" * 5000,
    "' OR 1=1 --",
    "'; DROP TABLE portal_inmate; --",
    '" OR ""="',
    "1 UNION SELECT password FROM auth_user",
    "%",
    "_",
    "\\",
    "-1",
    "-999999999999999999999999",
    "99999999999999999999999999999",
    "1e309",
    "NaN",
    "inf",
    "0x10",
    "1.5",
    "2026-02-30",
    "2026-13-01",
    "0000-00-00",
    "9999-12-31",
    "-0001-01-01",
    "02/30/2027",
    "25:61",
    "24:00",
    "13:00 pm",
    "../../etc/passwd",
    "{{ 7|add:7 }}",
    "{% debug %}",
    "${7*7}",
    "\u202egnp.exe",
    "١٢٣",
    "²",
    "José García",
    "\r\nSet-Cookie: x=1",
    "javascript:fz9()",
    *XSS,
]

invalid_utf8 = st.sampled_from([b"\xff", b"\xc3\x28", b"\xed\xa0\x80", b"\xf8\x88\x80\x80\x80"])
text = st.text(max_size=40)
numbers = st.integers(min_value=-(10**30), max_value=10**30).map(str)
small_numbers = st.integers(min_value=-3, max_value=1001).map(str)
dates = st.tuples(st.integers(-10, 10000), st.integers(-1, 14), st.integers(-1, 40)).map(
    lambda ymd: f"{ymd[0]:04d}-{ymd[1]:02d}-{ymd[2]:02d}"
)
# Real days around the planners' windows (past, too soon, bookable, too far ahead).
near_dates = st.integers(-3, 400).map(lambda n: date.today() + timedelta(days=n))
near_days = st.one_of(
    near_dates.map(date.isoformat), near_dates.map(lambda d: d.strftime("%m/%d/%Y"))
)
times = st.one_of(
    st.tuples(st.integers(-1, 25), st.integers(-1, 61)).map(lambda hm: f"{hm[0]:02d}:{hm[1]:02d}"),
    st.sampled_from(["2:30 pm", "12 am", "9am", "11:59 PM"]),
)
values = st.one_of(
    st.sampled_from(HOSTILE),
    text,
    numbers,
    dates,
    st.tuples(text, st.sampled_from(XSS), text).map("".join),
    st.tuples(st.binary(max_size=10), invalid_utf8, st.binary(max_size=10)).map(b"".join),
)

# A modest number per address keeps the suite quick; FUZZ_EXAMPLES=500 digs deeper.
FUZZ = settings(
    max_examples=int(os.environ.get("FUZZ_EXAMPLES", "20")),
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@dataclass
class FormField:
    kind: str = "text"
    options: set = field(default_factory=set)


@dataclass
class PageForm:
    method: str
    action: str | None
    fields: dict = field(default_factory=dict)


class PageParser(HTMLParser):
    """Collect each form (method, action, fields with kind and options) and each link."""

    def __init__(self):
        super().__init__()
        self.forms: list[PageForm] = []
        self.links: list[str] = []
        self._select = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "a" and attrs.get("href"):
            self.links.append(attrs["href"])
        elif tag == "form":
            method = (attrs.get("method") or "get").lower()
            self.forms.append(PageForm(method, attrs.get("action")))
        elif tag in {"input", "select", "textarea", "button"} and attrs.get("name") and self.forms:
            kind = tag if tag != "input" else (attrs.get("type") or "text").lower()
            if attrs.get("inputmode") == "numeric":
                kind = "number"
            found = self.forms[-1].fields.setdefault(attrs["name"], FormField(kind))
            if kind in {"radio", "checkbox", "hidden"} and attrs.get("value") is not None:
                found.options.add(attrs["value"])
            self._select = found if tag == "select" else None
        elif tag == "option" and self._select is not None and attrs.get("value"):
            self._select.options.add(attrs["value"])

    def handle_endtag(self, tag):
        if tag == "select":
            self._select = None


def read_page(client, url) -> PageParser:
    response = client.get(url)
    assert response.status_code == 200, url
    parser = PageParser()
    parser.feed(response.content.decode())
    return parser


@dataclass
class Target:
    """One address: its sample queries, and the fields that can be sent to it."""

    bases: list = field(default_factory=list)
    names: set = field(default_factory=set)


def collect(client):
    """Every address to fuzz, every field seen (by name), and the POST forms."""
    targets: dict[str, Target] = {}
    fields: dict[str, FormField] = {}
    posts = []
    linked = []
    for url in URLS:
        path, _, query = url.partition("?")
        targets.setdefault(path, Target()).bases.append(parse_qsl(query, keep_blank_values=True))
        page = read_page(client, url)
        for form in page.forms:
            action = urlsplit(form.action or "").path or path
            for name, seen in form.fields.items():
                known = fields.setdefault(name, FormField(seen.kind))
                known.options |= seen.options
            if form.method == "post":
                posts.append((action, set(form.fields)))
            else:
                targets.setdefault(action, Target()).names |= set(form.fields)
        linked += page.links
    for link in linked:
        parts = urlsplit(link)
        # Pages reached only through a link, such as a planner's calendar file.
        if parts.scheme or parts.netloc or not parts.query or parts.path in targets:
            continue
        if parts.path.startswith("/"):
            bases = [parse_qsl(parts.query, keep_blank_values=True)]
            targets.setdefault(parts.path, Target(bases=bases))
    for target in targets.values():
        target.bases = target.bases or [[]]
        target.names |= set(KNOWN_PARAMS) | {k for base in target.bases for k, _v in base}
    return targets, fields, posts


def strategy_for(name: str, seen: FormField | None):
    """Valid choices and values of the field's kind, mixed with hostile ones."""
    seen = seen or FormField()
    parts = []
    if seen.options:
        parts.append(st.sampled_from(sorted(seen.options)))
    if name == "doc_id":
        parts.append(st.sampled_from([SAMPLE_DOC_ID, "9999999", f" #{SAMPLE_DOC_ID} "]))
    if seen.kind == "number":
        parts += [small_numbers, numbers]
    elif seen.kind == "date":
        parts += [near_days, dates]
    elif seen.kind == "time":
        parts.append(times)
    parts.append(values)
    one = st.one_of(parts)
    if seen.kind == "checkbox" and len(seen.options) > 1:
        return st.lists(one, min_size=1, max_size=3)
    return one.map(lambda value: [value])


def encode(value) -> str:
    if isinstance(value, bytes):
        return quote_from_bytes(value, safe="")
    return quote(value.encode("utf-8", "surrogatepass"), safe="")


def query_string(pairs) -> str:
    return "&".join(f"{encode(k)}={encode(v)}" for k, v in pairs)


def assert_safe(response, sent: list, where: str):
    assert response.status_code < 500, where
    if response.status_code in (301, 302, 303, 307, 308):
        assert "\n" not in response["Location"] and "\r" not in response["Location"], where
        return
    body = response.content.decode("utf-8", "replace")
    for marker in UNSAFE_MARKERS:
        assert marker not in body, f"{where}: unescaped {marker!r}"
    assert 'href="javascript:' not in body.lower(), where
    for value in sent:
        if not isinstance(value, str) or len(value.strip()) < ECHO_MIN_LENGTH:
            continue
        if any(ch in value for ch in "<>\"'"):
            assert value not in body, f"{where}: echoed {value!r}"


# One test per kind of input, looping over the addresses: the data loads once, not
# once per address. A failure names the address.


def test_hostile_query_parameters_never_break_or_leak(sample_person, client):
    targets, fields, _posts = collect(client)
    for path, target in sorted(targets.items()):
        fuzz_query(client, path, target, fields)


def fuzz_query(client, path, target, fields):
    names = sorted(target.names)
    strategies = {name: strategy_for(name, fields.get(name)) for name in names}

    @FUZZ
    @given(
        base=st.sampled_from(target.bases),
        changed=st.lists(st.sampled_from(names), min_size=1, max_size=4, unique=True),
        submitted=st.booleans(),
        data=st.data(),
    )
    def fuzz(base, changed, submitted, data):
        pairs = [(k, v) for k, v in base if k not in changed]
        for name in changed:
            pairs += [(name, value) for value in data.draw(strategies[name], label=name)]
        if submitted and "go" not in changed:
            pairs.append(("go", "1"))
        target_url = f"{path}?{query_string(pairs)}"
        assert_safe(client.get(target_url), [v for _k, v in pairs], target_url)

    fuzz()


def test_hostile_form_posts_never_break_or_leak(sample_person, client):
    _targets, _fields, posts = collect(client)
    for action, names in posts:
        fuzz_post(client, action, names)


def fuzz_post(client, action, fields):
    names = sorted(fields | {"doc_id", "name", "facility"})

    @FUZZ
    @given(drawn=st.dictionaries(st.sampled_from(names), values, max_size=6))
    def fuzz(drawn):
        body = query_string(drawn.items())
        response = client.post(action, body, content_type="application/x-www-form-urlencoded")
        assert_safe(response, list(drawn.values()), f"POST {action}")

    fuzz()


def path_templates() -> list[str]:
    """Each sample address with one varying part (a DOC ID, a slug) made a slot."""
    templates = {"/people/{}/", "/facilities/{}/"}
    for url in URLS:
        parts = urlsplit(url).path.split("/")
        for i, part in enumerate(parts):
            if part and (any(ch.isdigit() for ch in part) or "-" in part):
                templates.add("/".join([*parts[:i], "{}", *parts[i + 1 :]]))
    return sorted(templates)


def test_hostile_path_parts_never_break_or_leak(sample_person, client):
    for template in path_templates():
        fuzz_path(client, template)


def fuzz_path(client, template):
    @FUZZ
    @given(part=values)
    def fuzz(part):
        target = template.format(encode(part) or "%20")
        assert_safe(client.get(target), [part], target)

    fuzz()


# What the fuzzing must reach: checked, so that a new page or field is not missed.


def guide_paths() -> list[str]:
    resolver = get_resolver()
    paths = []
    for namespace in GUIDES:
        _prefix, guide = resolver.namespace_dict[namespace]
        paths += [reverse(f"{namespace}:{pattern.name}") for pattern in guide.url_patterns]
    return paths


def form_classes() -> list[type]:
    found, todo = [], [django_forms.Form]
    while todo:
        cls = todo.pop()
        todo += cls.__subclasses__()
        if cls.__module__ in FORM_MODULES:
            found.append(cls)
    return found


def test_the_fuzzing_reaches_every_guide_address_and_every_field(sample_person, client):
    from importlib import import_module

    for module in FORM_MODULES:
        import_module(module)
    targets, fields, _posts = collect(client)
    assert set(guide_paths()) <= set(targets)
    assert {"/visits/plan/visit.ics", "/visits/video/plan/video-visit.ics"} <= set(targets)
    fuzzed = set().union(*(target.names for target in targets.values()))
    for form in form_classes():
        assert set(form.base_fields) <= fuzzed, form
    # Fields made per rule (visitor ages, carry-all items, video questions), by kind.
    for name in ("age_1", "married_5", "qty_missouri_doc_diapers", "q_attorney_visit"):
        assert name in fuzzed, name
    assert fields["date"].kind == fields["day"].kind == "date"
    assert fields["start_time"].kind == "time"
    assert fields["items"].kind == "checkbox" and len(fields["items"].options) > 1
    assert fields["method"].kind == "radio" and fields["method"].options
    assert fields["facility"].kind == "select" and len(fields["facility"].options) > 10
    assert fields["age_1"].kind == fields["calls"].kind == fields["blocks"].kind == "number"


def test_the_checker_catches_a_raw_echo():
    from django.http import HttpResponse

    payload = XSS[1]
    with pytest.raises(AssertionError):
        assert_safe(HttpResponse(f"<p>{payload}</p>"), [payload], "a page")
    assert_safe(HttpResponse("<p>&quot;&gt;&lt;img src=x</p>"), [payload], "a page")
    with pytest.raises(AssertionError):
        assert_safe(HttpResponse("<p>x</p>", status=500), [], "a page")
