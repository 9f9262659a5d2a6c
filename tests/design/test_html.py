"""Suite-wide, without a browser: every page is valid HTML, labelled and light."""

import gzip
import re
from collections import Counter
from html.parser import HTMLParser

import html5lib
import pytest
from django.contrib.staticfiles import finders

from tests.pages import all_sample_urls

URLS = all_sample_urls()
PAGE_BUDGET_BYTES = 40 * 1024  # HTML + CSS, compressed


class _Inventory(HTMLParser):
    """Collects ids, labels, form fields, images and stylesheet links."""

    def __init__(self):
        super().__init__()
        self.ids: Counter[str] = Counter()
        self.label_for: set[str] = set()
        self.fields: list[dict] = []
        self.images: list[dict] = []
        self.stylesheets: list[str] = []
        self.inline_styles = 0
        self.scripts = 0

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if "id" in attributes:
            self.ids[attributes["id"]] += 1
        if "style" in attributes:
            self.inline_styles += 1
        if tag == "label" and attributes.get("for"):
            self.label_for.add(attributes["for"])
        if tag in {"input", "select", "textarea"} and attributes.get("type") not in {
            "hidden",
            "submit",
            "button",
        }:
            self.fields.append(attributes)
        if tag == "img":
            self.images.append(attributes)
        if tag == "link" and attributes.get("rel") == "stylesheet":
            self.stylesheets.append(attributes["href"])
        if tag in {"script", "style"}:
            self.scripts += 1


def inventory(html: str) -> _Inventory:
    parser = _Inventory()
    parser.feed(html)
    return parser


@pytest.fixture
def fetch(sample_person, client):
    def get(url):
        response = client.get(url)
        assert response.status_code == 200, url
        return response.content.decode()

    return get


@pytest.mark.parametrize("url", URLS)
def test_page_is_well_formed_html(fetch, url):
    parser = html5lib.HTMLParser(strict=True)
    parser.parse(fetch(url))  # raises on any parse error


@pytest.mark.parametrize("url", URLS)
def test_page_has_unique_ids_and_a_label_on_every_field(fetch, url):
    page = inventory(fetch(url))
    duplicates = [i for i, n in page.ids.items() if n > 1]
    assert not duplicates, f"duplicate ids on {url}: {duplicates}"
    unlabelled = [
        f.get("name") or f.get("id")
        for f in page.fields
        if f.get("id") not in page.label_for and not f.get("aria-label")
    ]
    assert not unlabelled, f"fields without a label on {url}: {unlabelled}"
    assert all("alt" in img for img in page.images), f"an image without alt text on {url}"


@pytest.mark.parametrize("url", URLS)
def test_page_has_no_inline_script_or_style(fetch, url):
    page = inventory(fetch(url))
    assert page.inline_styles == 0, f"style= attribute on {url}"
    assert page.scripts == 0, f"<script> or <style> on {url}"


@pytest.mark.parametrize("url", URLS)
def test_page_and_its_stylesheet_weigh_under_40_kb_compressed(fetch, url):
    html = fetch(url)
    weight = len(gzip.compress(html.encode()))
    for href in inventory(html).stylesheets:
        path = finders.find(re.sub(r"^/static/", "", href))
        with open(path, "rb") as handle:
            weight += len(gzip.compress(handle.read()))
    assert weight < PAGE_BUDGET_BYTES, f"{url} weighs {weight} bytes compressed"


@pytest.mark.parametrize("url", URLS)
def test_page_has_one_h1_a_title_and_a_main_landmark(fetch, url):
    html = fetch(url)
    assert html.count("<h1") == 1, url
    assert re.search(r"<title>[^<]+</title>", html), url
    assert '<main id="main"' in html, url
    assert '<html lang="' in html, url


GUIDES = ("/mail/", "/money/", "/phones/", "/visits/")
REVIEWED = re.compile(r"Last reviewed|Your answer shows when its rules were last reviewed")


@pytest.mark.parametrize("url", [u for u in URLS if u != "/"])
def test_deep_pages_have_breadcrumbs_and_guide_pages_a_review_date(fetch, url):
    html = fetch(url)
    if url.startswith(GUIDES):
        footer = html.split("<footer", 1)[1]
        assert REVIEWED.search(footer), f"no review date in the footer of {url}"
    if "print=1" in url or "/print/" in url:
        return  # a print view is a sheet of paper, not a place on the site
    assert 'class="breadcrumbs"' in html, url
    assert 'aria-current="page"' in html.split('class="breadcrumbs"', 1)[1], url
