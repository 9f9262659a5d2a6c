"""Random and hostile input at every public page: never a 500, never echoed unescaped.

For each sample page (tests/pages.py) the test reads the page, collects the names of
its form fields, and sends those names plus the usual query parameters with huge
strings, NUL bytes, invalid UTF-8, SQL and HTML fragments, odd numbers and impossible
dates. Path parts that vary (DOC IDs, facility slugs) get the same treatment.
"""

from html.parser import HTMLParser
from urllib.parse import parse_qsl, quote, quote_from_bytes, urlsplit

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.pages import all_sample_urls

URLS = all_sample_urls()

# Parameters the guides read from links and forms, whether or not a page shows them.
KNOWN_PARAMS = [
    "q",
    "first",
    "doc_id",
    "name",
    "facility",
    "go",
    "video",
    "kind",
    "date",
    "day",
    "time",
    "amount",
    "page",
    "what",
    "kind_of_mail",
    "method",
]

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
    "25:61",
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
dates = st.tuples(st.integers(-10, 10000), st.integers(-1, 14), st.integers(-1, 40)).map(
    lambda ymd: f"{ymd[0]:04d}-{ymd[1]:02d}-{ymd[2]:02d}"
)
values = st.one_of(
    st.sampled_from(HOSTILE),
    text,
    numbers,
    dates,
    st.tuples(text, st.sampled_from(XSS), text).map("".join),
    st.tuples(st.binary(max_size=10), invalid_utf8, st.binary(max_size=10)).map(b"".join),
)

FUZZ = settings(
    max_examples=12,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


class FormFields(HTMLParser):
    """Collect each form's method, action and field names."""

    def __init__(self):
        super().__init__()
        self.forms = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            method = (attrs.get("method") or "get").lower()
            self.forms.append({"method": method, "action": attrs.get("action"), "fields": set()})
        elif tag in {"input", "select", "textarea", "button"} and attrs.get("name") and self.forms:
            self.forms[-1]["fields"].add(attrs["name"])


def forms_on(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    parser = FormFields()
    parser.feed(response.content.decode())
    return parser.forms


def encode(value) -> str:
    if isinstance(value, bytes):
        return quote_from_bytes(value, safe="")
    return quote(value.encode("utf-8", "surrogatepass"), safe="")


def query_string(params: dict) -> str:
    return "&".join(f"{encode(k)}={encode(v)}" for k, v in params.items())


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
        # A lone quote is in every page's own markup; only a value long enough to be
        # told apart from the page, or one that opens a tag, says anything.
        distinctive = len(value) >= 4 if isinstance(value, str) else False
        if distinctive and any(ch in value for ch in "<>\"'"):
            assert value not in body or value.strip() == "", f"{where}: echoed {value!r}"


# One test per kind of input, looping over the pages: the data loads once, not once
# per page. A failure names the page.


def test_hostile_query_parameters_never_break_or_leak(sample_person, client):
    for url in URLS:
        fuzz_query(client, url)


def fuzz_query(client, url):
    path, _, query = url.partition("?")
    base = dict(parse_qsl(query, keep_blank_values=True))
    forms = forms_on(client, url)
    names = sorted(set(KNOWN_PARAMS) | set(base) | {f for form in forms for f in form["fields"]})

    @FUZZ
    @given(
        drawn=st.dictionaries(st.sampled_from(names), values, min_size=1, max_size=5),
        submitted=st.booleans(),
    )
    def fuzz(drawn, submitted):
        params = {**base, **drawn}
        if submitted:
            params.setdefault("go", "1")
        target = f"{path}?{query_string(params)}"
        assert_safe(client.get(target), list(params.values()), target)

    fuzz()


def test_hostile_form_posts_never_break_or_leak(sample_person, client):
    for url in URLS:
        for form in forms_on(client, url):
            if form["method"] == "post":
                fuzz_post(client, form["action"] or urlsplit(url).path, form["fields"])


def fuzz_post(client, action, fields):
    names = sorted(fields | {"doc_id", "name", "facility"})

    @FUZZ
    @given(drawn=st.dictionaries(st.sampled_from(names), values, max_size=6))
    def fuzz(drawn):
        body = query_string(drawn)
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


def test_the_checker_catches_a_raw_echo():
    from django.http import HttpResponse

    payload = XSS[1]
    with pytest.raises(AssertionError):
        assert_safe(HttpResponse(f"<p>{payload}</p>"), [payload], "a page")
    assert_safe(HttpResponse("<p>&quot;&gt;&lt;img src=x</p>"), [payload], "a page")
