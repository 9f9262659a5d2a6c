"""Pages travel gzip-compressed to browsers that accept it: a kept page is compressed
once, when it is kept, and every other page as it leaves. Each reads, once
unpacked, exactly as the page sent to a browser that does not accept gzip."""

import gzip

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.pages import SAMPLE_DOC_ID

GZIP = {"HTTP_ACCEPT_ENCODING": "gzip, deflate, br"}
PAGES = [
    "/",
    "/visits/",
    "/money/",
    "/facilities/algoa-correctional-center/",
    f"/people/{SAMPLE_DOC_ID}/",
    "/people/?q=garcia",
    f"/visits/plan/?doc_id={SAMPLE_DOC_ID}",
]

pytestmark = pytest.mark.usefixtures("page_caching")


def unpacked(response) -> bytes:
    assert response["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in response["Vary"]
    return gzip.decompress(response.content)


@pytest.mark.parametrize("url", PAGES)
def test_a_kept_page_is_compressed_and_reads_the_same(sample_person, client, url):
    plain = client.get(url)
    assert plain.status_code == 200
    assert "Content-Encoding" not in plain
    first = client.get(url, **GZIP)  # kept before: compressed when it was kept
    assert unpacked(first) == plain.content
    assert len(first.content) < len(plain.content) / 2


@pytest.mark.parametrize("url", [url for url in PAGES if not url.startswith("/people/")])
def test_a_page_compressed_when_first_drawn_is_kept_and_served_compressed(
    sample_person, client, url
):
    first = client.get(url, **GZIP)
    with CaptureQueriesContext(connection) as queries:
        again = client.get(url, **GZIP)
    assert again.content == first.content
    assert len(queries) == 0
    assert unpacked(again) == client.get(url).content


def test_a_browser_keeps_a_compressed_page_and_asks_again_with_its_etag(missouri, client):
    page = client.get("/visits/", **GZIP)
    etag = page["ETag"]
    assert etag.startswith('W/"')  # the same page in another encoding
    again = client.get("/visits/", HTTP_IF_NONE_MATCH=etag, **GZIP)
    assert again.status_code == 304
    assert again.content == b""


def test_a_page_with_a_typed_name_is_compressed_as_it_leaves(missouri, client):
    url = "/money/checklist/?go=1&name=Ana+Garc%C3%ADa&facility=algoa-correctional-center"
    page = client.get(url + "&method=mail", **GZIP)
    body = unpacked(page).decode()
    assert "Ana García" in body
    assert "StandIn" not in body
    assert body == client.get(url + "&method=mail").content.decode()


def test_a_new_persons_page_is_compressed_with_their_own_name(sample_person, client, make_person):
    client.get(f"/people/{SAMPLE_DOC_ID}/", **GZIP)  # the facility's page, kept
    person = make_person("Zed", "Newcomer")
    body = unpacked(client.get(f"/people/{person.doc_id}/", **GZIP)).decode()
    assert "Zed Newcomer" in body
    assert person.doc_id in body
    assert "StandIn" not in body


def test_a_page_never_kept_is_compressed_too(missouri, client):
    page = client.get("/people/?q=%20%20", **GZIP)  # an error: answered, never kept
    assert page.status_code == 400
    assert b"There is a problem" in unpacked(page)


@pytest.mark.parametrize(
    ("url", "level"),
    [(f"/people/{SAMPLE_DOC_ID}/", 1), ("/people/?q=garcia", 1), ("/visits/", 6)],
)
def test_pages_mostly_asked_once_are_compressed_quickly(sample_person, client, url, level):
    # A person's page or a search is mostly asked once: it is compressed as it
    # leaves, at the quickest level. A guide page, kept and asked by everyone, once
    # at GZipMiddleware's level 6.
    plain = client.get(url).content
    sent = client.get(url, **GZIP)
    assert sent.content == gzip.compress(plain, compresslevel=level, mtime=0)
    assert sent["ETag"].startswith('W/"')  # the same page in another encoding
