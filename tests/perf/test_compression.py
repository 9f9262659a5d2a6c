"""Pages travel gzip-compressed to browsers that accept it: a kept page is compressed
once, when it is kept, and every other page as it leaves. Each reads, once
unpacked, exactly as the page sent to a browser that does not accept gzip."""

import gzip

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from isal import isal_zlib

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
    plain = client.get(url + "&method=mail").content
    assert body == plain.decode()
    assert page.content == quick(plain)  # filled in for this family: made quickly


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


def quick(plain: bytes) -> bytes:
    return isal_zlib.compress(plain, 1, 16 + isal_zlib.MAX_WBITS)


def thorough(plain: bytes) -> bytes:
    return gzip.compress(plain, compresslevel=6, mtime=0)


@pytest.mark.parametrize(
    ("url", "compress"),
    [
        (f"/people/{SAMPLE_DOC_ID}/", quick),
        ("/people/?q=garcia", quick),
        ("/visits/", thorough),
    ],
)
def test_pages_mostly_asked_once_are_compressed_quickly(sample_person, client, url, compress):
    # A person's page or a search is filled in for each request: it is compressed
    # as it leaves, with ISA-L's level 1. A guide page, kept and asked by everyone,
    # is compressed once, at GZipMiddleware's level 6.
    plain = client.get(url).content
    sent = client.get(url, **GZIP)
    assert sent.content == compress(plain)
    assert gzip.decompress(sent.content) == plain
    assert sent["ETag"].startswith('W/"')  # the same page in another encoding


@pytest.mark.parametrize("url", [f"/people/{SAMPLE_DOC_ID}/", "/people/?q=garcia"])
def test_quick_compression_is_no_larger_than_zlibs_quickest(sample_person, client, url):
    plain = client.get(url).content
    sent = client.get(url, **GZIP)
    assert len(sent.content) <= len(gzip.compress(plain, compresslevel=1, mtime=0))
