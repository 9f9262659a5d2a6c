"""Whole-page caching for public pages that stays exact when staff edit or time passes.

A cached page is reused only when all of these are the same as when it was drawn:

- its address, the language and the host;
- the content version: a token replaced whenever any model is saved or deleted
  (model signals, and again when the transaction commits), so a staff edit shows
  on the very next request;
- the time window: the page is only reused until the next moment its content could
  change on its own, such as a facility alert starting or ending, or local midnight
  (when dated rules come into force or expire);
- for pages that depend on the time of day (`@cached_page(per_minute=True)`), the
  minute.

The first and the last name the cache key. The version and the window name the
page's ETag, which is kept with the page: a kept page whose ETag is not the one
of this moment is drawn again and replaces it. So the version and the page can be
read together: with Redis, one round trip for a kept page, not two. A page this
process has read or drawn is also held in its memory (_remembered): then only the
version is read.

Never kept: a staff preview of another day, a name the family typed
(`TYPED_PARAMS`), a person's page or a search as it was asked (see
page_with_stand_ins), and any answer other than 200.

A page asked with a typed name is still quick: it is rendered (or reused) with a
stand-in word where the name goes, and the name is put in place of the stand-in
as the page leaves. The cache holds only the stand-in's page. A name the form
would change or refuse (extra spaces, too long, control characters) skips this:
its page is rendered as asked, and not kept.

The version is shared by every server process (in Redis when REDIS_URL is set,
otherwise in the small file CONTENT_VERSION_FILE), so an edit saved through one
process is seen by all of them on their next request.

Browsers get an ETag and `Cache-Control: no-cache`: they keep the page but ask
each time, and an unchanged page costs a 304 with no body.

A page is kept with its gzip-compressed form, made once as it is kept, and that
form is sent to every browser that accepts it.

Writes that skip model signals (QuerySet.update(), bulk_create(), COPY) must call
`bump_content_version()` themselves.
"""

import copy
import gzip
import hashlib
import html
import os
import re
import tempfile
import uuid
from collections.abc import Callable
from datetime import datetime, timedelta
from functools import lru_cache, wraps
from urllib.parse import quote_plus, unquote
from zoneinfo import ZoneInfo

from django.conf import settings
from django.core.cache import DEFAULT_CACHE_ALIAS, caches
from django.core.cache.backends.redis import RedisSerializer
from django.db import transaction
from django.db.models import Subquery
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpResponse
from django.utils import timezone
from django.utils.cache import get_conditional_response, patch_cache_control, patch_vary_headers
from django.utils.safestring import SafeData
from django.utils.translation import get_language
from isal import isal_zlib

from portal import clock

VERSION_KEY = "content-version"
# Part of every page's key: a release that keeps pages in another shape never reads
# those of the release before it (Redis outlives a deploy).
ENTRY_FORMAT = "5"

# Saving these never changes what a public page shows.
IGNORED_MODELS = {"sessions.session", "admin.logentry", "portal.seedrecord"}

# Form fields where a family types a name: pages asked with one are never stored.
TYPED_PARAMS = ("name",)


# What a page is rendered with in place of each typed value: letters only, so that
# HTML escaping and URL encoding leave it as it is, and unlike any real name.
def stand_in(field: str) -> str:
    """The word a page is drawn with in place of this field's value ("ZqDocIdStandInQz")."""
    return "Zq" + "".join(part.capitalize() for part in field.split("_")) + "StandInQz"


# Shorter than every form's limit for these fields (the shortest cuts at 100).
STAND_IN_MAX_LENGTH = 100

# Each returns the first moment after `now` at which some content changes by itself.
_boundaries: list[Callable[[datetime], datetime | None]] = []
_windows: dict[str, tuple[datetime, datetime]] = {}


def register_time_boundary(func: Callable[[datetime], datetime | None]):
    """Tell the page cache about content that changes with time (used as a decorator)."""
    _boundaries.append(func)
    return func


def _pages():
    return caches[settings.PAGE_CACHE]


def bump_content_version() -> None:
    """Make every cached page stale: the next request renders it again."""
    _remembered.clear()  # drawn under the old version: never answered again, so freed
    token = uuid.uuid4().hex
    path = settings.CONTENT_VERSION_FILE
    if not path:
        _pages().set(VERSION_KEY, token, None)
        return
    # Written aside, then renamed: a reader sees the old token or the new, never half.
    folder = os.path.dirname(path)
    os.makedirs(folder, exist_ok=True)
    fd, temporary = tempfile.mkstemp(dir=folder, prefix=".content-version-")
    with os.fdopen(fd, "w") as handle:
        handle.write(token)
    os.replace(temporary, path)


def _read_token() -> str | None:
    path = settings.CONTENT_VERSION_FILE
    if not path:
        return _pages().get(VERSION_KEY)
    # os.read, not open(): a tenth of the time, and this runs on every request.
    try:
        fd = os.open(path, os.O_RDONLY)
    except FileNotFoundError:
        return None
    try:
        return os.read(fd, 256).decode().strip() or None
    finally:
        os.close(fd)


def shared_version_key(request) -> str | None:
    """The content version's key as the default cache writes it to its server, where
    the version is kept there (Redis) and this request has not read it yet: so that
    a caller asking that server anyway can read it in the same round trip
    (note_content_token). None otherwise."""
    if settings.CONTENT_VERSION_FILE or settings.PAGE_CACHE != DEFAULT_CACHE_ALIAS:
        return None
    return None if _version_known(request) else _pages().make_and_validate_key(VERSION_KEY)


def _version_known(request) -> bool:
    """Whether this request has read the content version already."""
    return "_content_token" in request.__dict__ or "_page_version" in request.__dict__


def note_content_token(request, raw: bytes | None) -> None:
    """The content version as read from Redis (shared_version_key), kept for this
    request's pages. Missing, it is read (and made) as usual. Decoded as Django's
    Redis cache decodes what it wrote (a string is pickled)."""
    if raw is not None:
        request.__dict__["_content_token"] = RedisSerializer().loads(raw)


def content_token() -> str:
    """The current content version, read on every request (a few microseconds)."""
    token = _read_token()
    if token is None:
        bump_content_version()
        token = _read_token()
    return token


def request_token(request) -> str:
    """The content version as this request sees it: read once, then the same for
    every page and value the request asks for."""
    token = request.__dict__.get("_content_token")
    if token is None:
        token = request.__dict__["_content_token"] = content_token()
    return token


class PerVersion:
    """A value read from the database once per content version in each process,
    such as every facility's name: read again by the first request after any edit,
    and on every request where pages are not kept (_skips_cache).

    The version is read before the value, so the value kept is never older than
    the version it is kept under.
    """

    def __init__(self, build: Callable[[], object]):
        self._build = build
        self._kept: tuple[str | None, object] = (None, None)

    def get(self, request):
        if _skips_cache(request):  # caching is off, or a preview: read as it stands
            return self._build()
        token = request_token(request)
        kept_token, value = self._kept
        if kept_token != token:
            value = self._build()
            self._kept = (token, value)
        return value


def _midnight_after(now: datetime, name: str) -> datetime | None:
    try:
        tz = ZoneInfo(name)
    except (ValueError, KeyError, OSError):
        return None
    local = timezone.localtime(now, tz)
    return datetime.combine(local.date() + timedelta(days=1), datetime.min.time(), tzinfo=tz)


def _built_in_moments(now: datetime) -> list[datetime]:
    """Local midnight in every agency's time zone and the next alert change, in one query.

    One query, not one each: it is paid by the first page after every edit, and a
    page may make at most six.
    """
    from portal.models import Agency, FacilityAlert

    def first_after(field):
        later = FacilityAlert.objects.filter(**{f"{field}__gt": now}).order_by(field)
        return Subquery(later.values(field)[:1])

    rows = list(
        Agency.objects.annotate(
            next_start=first_after("starts_at"), next_end=first_after("ends_at")
        ).values_list("time_zone", "next_start", "next_end")
    )
    zones = {settings.TIME_ZONE} | {zone for zone, _start, _end in rows}
    moments = [m for name in zones if (m := _midnight_after(now, name)) is not None]
    if rows:
        # Every alert belongs to an agency: with no agency there is no alert.
        moments += [m for m in rows[0][1:] if m is not None and m > now]
    return moments


def time_window(token: str, now: datetime | None = None) -> tuple[datetime, datetime]:
    """The span around `now` in which no content changes by itself (for this version).

    Kept in this process only: for one token the data, and so the window, is the same
    in every process, and a request then needs one shared read (the token), not two.
    """
    now = now or clock.now()
    window = _windows.get(token)
    if window is not None and window[0] <= now < window[1]:
        return window
    moments = _built_in_moments(now)
    moments += [m for func in _boundaries if (m := func(now)) is not None and m > now]
    window = (now, min(moments))
    _windows.clear()  # only the current token's window is ever needed
    _windows[token] = window
    return window


def _validators(request, page: str, per_minute: bool = False) -> tuple[str, datetime, bool]:
    """The ETag of this request's page as it stands now, until when, and whether a
    page rendered now may be stored. `page` is what its key is made from (_page_name).

    The ETag names the page, the content version and the time window. A page is kept
    with the ETag it was drawn under, and a kept page whose ETag is not this
    request's is stale. The key leaves the version out so that one read of the cache
    can bring both the version and the page (_kept).

    `per_minute`: the page also depends on the time of day to the minute (such as
    "72 hours from now"). It is then kept for the current minute only. Answers that
    compare whole minutes with "now" are the same for every moment strictly inside a
    minute, but not at its first instant: a page whose minute starts exactly now is
    rendered and not stored.
    """
    moment, _names = _request_names(request)
    until, version = _request_version(request)
    storable = True
    if per_minute:
        minute = moment.replace(second=0, microsecond=0)
        until = min(until, minute + timedelta(minutes=1))
        storable = moment != minute
    etag = hashlib.blake2b(f"{version}|{page}".encode(), digest_size=16).hexdigest()
    return f'"{etag}"', until, storable


def _page_name(request, per_minute: bool, basis: str | None) -> tuple[str, str]:
    """The cache key of this request's page, and what it is made from: the address
    (or `basis`, what the page is kept under instead), the method, the language, the
    host, and for a page kept a minute at a time, the minute."""
    moment, names = _request_names(request)
    address = request.get_full_path() if basis is None else basis
    parts = [names, address, request.method]
    if per_minute:
        parts.append(moment.replace(second=0, microsecond=0).isoformat())
    page = "|".join(parts)
    return "page:" + hashlib.blake2b(page.encode(), digest_size=16).hexdigest(), page


# Worked out once per request: a person's page asks for two keys (its address, and
# the page it is drawn from), and reading the version, the language and the host
# again cost as much as the rest of a key.


def _request_names(request) -> tuple[datetime, str]:
    """The moment of this request, and the start of every page's name (the entry
    format, the language, and the host: a page may print its own web address)."""
    found = request.__dict__.get("_page_names")
    if found is None:
        names = "|".join([ENTRY_FORMAT, get_language() or "", request.get_host()])
        found = request.__dict__["_page_names"] = clock.now(), names
    return found


def _request_version(request) -> tuple[datetime, str]:
    """The end of this request's time window, and the part of every ETag that names
    the content version and the window."""
    found = request.__dict__.get("_page_version")
    if found is None:
        moment, _names = _request_names(request)
        token = request_token(request)
        _start, until = time_window(token, moment)
        found = request.__dict__["_page_version"] = until, f"{token}|{until.isoformat()}"
    return found


def _kept(request, key: str) -> tuple | None:
    """The entry kept under `key`, whatever version it was drawn under.

    Where the content version is kept in the cache too (Redis), and this request has
    not read it yet, both come in one round trip: with Redis, a kept page costs one
    request to the server instead of two.
    """
    if settings.CONTENT_VERSION_FILE or _version_known(request):
        return _pages().get(key)
    found = _pages().get_many([VERSION_KEY, key])
    if (token := found.get(VERSION_KEY)) is not None:
        request.__dict__["_content_token"] = token
    return found.get(key)


def _skips_cache(request) -> bool:
    """Requests whose page is rendered each time and never kept."""
    if not settings.PAGE_CACHE_SECONDS or request.method not in ("GET", "HEAD"):
        return True
    # A member of staff previewing another day: their page must never reach anyone.
    return bool(getattr(request, "preview_date", None) or clock.preview_day() is not None)


def _typed(request) -> tuple[dict[str, str], str] | None:
    """The values typed into TYPED_PARAMS, by field, and the query string with a
    stand-in in place of each ({} and the query as it is where none is typed).

    Read from the raw query string, not request.GET: only the typed fields are
    decoded, as QueryDict decodes them, and the view then parses the stand-in's query
    once. Parsing, copying and encoding the whole query again took longer than
    serving the kept page.

    None where the page is drawn as asked and not kept: a typed field given twice,
    or a query string that is not plain ASCII (browsers encode every other
    character; QueryDict reads such a string in ways not repeated here).
    """
    query = request.META.get("QUERY_STRING", "")
    if not query.isascii():
        return None
    typed: dict[str, str] = {}
    seen: set[str] = set()
    pieces = query.split("&")
    for i, piece in enumerate(pieces):
        field, _equals, value = piece.partition("=")
        if "%" in field or "+" in field:
            field = unquote(field.replace("+", " "), errors="replace")
        if field not in TYPED_PARAMS:
            continue
        if field in seen:
            return None
        seen.add(field)
        value = unquote(value.replace("+", " "), errors="replace")
        if value.strip():
            typed[field] = value
            pieces[i] = f"{field}={stand_in(field)}"
    return typed, "&".join(pieces) if typed else query


def _fills_exactly(value: str) -> bool:
    """Whether the page for this value is the stand-in's page with the value put in.

    True when every form takes the value as it is: no spaces to tidy, no character
    a form refuses or a page could show otherwise, and within every length limit.
    """
    return (
        value == " ".join(value.split())
        and len(value) <= STAND_IN_MAX_LENGTH
        and value.isprintable()
        and "StandInQz" not in value
    )


def _with_stand_ins(request, query: str):
    """A copy of the request asking with this query string, and no validators.

    No validators: an ETag a browser kept must never match the stand-in's page.
    """
    copied = copy.copy(request)
    meta = {
        k: v
        for k, v in request.META.items()
        if k not in ("HTTP_IF_NONE_MATCH", "HTTP_IF_MODIFIED_SINCE")
    }
    meta["QUERY_STRING"] = query
    copied.environ = copied.META = meta
    copied.__dict__.pop("GET", None)  # parsed from the new query when the view asks
    return copied


# Every stand-in: a literal start, so a page is scanned quickly.
_STAND_IN_WORD = re.compile(r"Zq[A-Za-z]+StandInQz")


def _parts(page: str, fields) -> tuple:
    """The page cut at each stand-in of these fields: text, then (field, whether the
    stand-in is in an address), then text, and so on.

    Made once, as the stand-in's page is kept: each family's page is then a join,
    not a search through the whole page. The text is kept encoded (_encoded), so
    only the values are encoded for each family, not the whole page.

    A stand-in right after "field=" is in an address (links are built with
    urlencode); anywhere else it is HTML text or an attribute value.
    """
    by_word = {stand_in(field): field for field in fields}
    parts: list = []
    done = 0
    for match in _STAND_IN_WORD.finditer(page):
        field = by_word.get(match.group(0))
        if field is None:
            continue
        before = page[max(match.start() - len(field) - 2, 0) : match.start()]
        in_address = before.endswith(field + "=") and not before[:1].isalnum() and before[:1] != "_"
        parts += [page[done : match.start()], (field, in_address)]
        done = match.end()
    parts.append(page[done:])
    return tuple(parts)


def _encoded(parts: tuple, charset: str) -> tuple:
    """The parts with their text encoded as the page is sent."""
    return tuple(part.encode(charset) if isinstance(part, str) else part for part in parts)


def _forms(values: dict[str, str], charset: str) -> dict[str, tuple[bytes, bytes]]:
    """Each value as it goes in a page, encoded: in HTML, and in an address (as
    urlencode writes a value, quote_plus).

    Made once per request: a page may show a name ten times, and its ETag is made
    from the same bytes (_filled_etag). A value that is already HTML (marked safe,
    such as the search's result lines) is the same in both places, and is encoded
    once: twenty result lines are the longest value, and the slowest to encode.
    """
    forms = {}
    for field, value in values.items():
        if isinstance(value, SafeData):
            data = value.encode(charset)
            forms[field] = (data, data)
        else:
            # The standard library's html.escape, which Django's escape calls after
            # checking each argument for lazy text: these values are plain text.
            forms[field] = (html.escape(value).encode(charset), quote_plus(value).encode(charset))
    return forms


def _fill(response, values: dict[str, str], forms: dict[str, tuple[bytes, bytes]] | None = None):
    """Put each field's value in place of its stand-in (`forms`: the values as
    _forms makes them, where the caller has them already).

    A value that is already HTML (marked safe, such as the search's result lines)
    goes in as it is.
    """
    if response.streaming:
        return response
    charset = response.charset
    parts = getattr(response, "stand_in_parts", None)
    if parts is None:  # a page that was not kept
        parts = _encoded(_parts(response.content.decode(charset), values), charset)
    if forms is None:
        forms = _forms(values, charset)
    page = []
    for part in parts:
        if isinstance(part, bytes):
            page.append(part)
        else:
            field, in_address = part
            page.append(
                forms[field][in_address] if field in forms else stand_in(field).encode(charset)
            )
    response.content = b"".join(page)
    # The page is now one family's: the kept page's validator does not fit it, and
    # no shared cache (a proxy) may keep it.
    response.headers.pop("ETag", None)
    _patch_cache_control(response, private=True)
    return response


def _serve(
    request,
    render: Callable[[], HttpResponse],
    per_minute=False,
    basis=None,
    fills=None,
):
    """The page from the cache, or rendered now and kept if it may be.

    `fills`: the fields a caller puts values in for afterwards (see _fill). Their
    page is kept cut at their stand-ins, and never gzip-compressed here. It is never
    answered 304 here either: a browser only ever has a filled page's ETag, which
    the caller works out (page_with_stand_ins).
    """
    key, page = _page_name(request, per_minute, basis)
    remembered = _remembered.get(key)
    stored = remembered if remembered is not None else _kept(request, key)
    etag, until, storable = _validators(request, page, per_minute)
    if fills is None and (not_modified := _not_modified(request, etag)) is not None:
        return not_modified
    if remembered is not None and remembered[0] != etag:
        # Drawn here before an edit or the end of a window: another process may have
        # drawn it again since.
        stored = _pages().get(key)
    if stored is not None and stored[0] == etag:  # drawn under this version and window
        if stored is not remembered:
            _remember(key, stored)
        return _answer(request, stored, fills)
    response = render()
    if response.status_code != 200 or response.cookies or response.streaming:
        return response
    if hasattr(response, "render") and callable(response.render):
        response.render()
    _patch_cache_control(response, no_cache=True)
    if not storable:
        return response  # no ETag either: the rest of the minute may read otherwise
    response["ETag"] = etag
    if clock.now() >= until:
        return response  # rendered as the window closed: it may show the next one
    # Stored as plain values: much quicker to load than a pickled response.
    content = response.content
    charset = response.charset
    if fills is None:
        extra = _gzipped(content)
    else:
        extra = _encoded(_parts(content.decode(charset), fills), charset)
    stored = (etag, response.status_code, dict(response.items()), content, extra)
    _pages().set(key, stored, settings.PAGE_CACHE_SECONDS)
    _remember(key, stored)
    return _answer(request, stored, fills, rendered=response)


def _not_modified(request, etag: str, **directives):
    """A 304 (or 412) where the request's conditions ask for one with this ETag, with
    `Cache-Control: no-cache` and `directives`; otherwise None.

    Only a request with a condition can be answered so: reading the four headers
    took Django as long as finding the page in memory.
    """
    if CONDITIONAL_HEADERS.isdisjoint(request.META):
        return None
    answer = get_conditional_response(request, etag=etag)
    if answer is not None:
        _patch_cache_control(answer, no_cache=True, **directives)
    return answer


# The request headers that make a request conditional (RFC 9110, section 13.1).
CONDITIONAL_HEADERS = frozenset(
    ("HTTP_IF_MATCH", "HTTP_IF_NONE_MATCH", "HTTP_IF_MODIFIED_SINCE", "HTTP_IF_UNMODIFIED_SINCE")
)


def _patch_cache_control(response, **directives) -> None:
    """Django's patch_cache_control, worked out once for each header it is given.

    A page's header is one of a handful ("no-cache", "no-cache, private"), and
    parsing and writing it again took as long as filling in a family's page.
    """
    value = response.get("Cache-Control")
    response["Cache-Control"] = _patched_cache_control(value, tuple(directives.items()))


@lru_cache(maxsize=64)
def _patched_cache_control(value: str | None, directives: tuple) -> str:
    scratch = HttpResponse()
    if value is not None:
        scratch["Cache-Control"] = value
    patch_cache_control(scratch, **dict(directives))
    return scratch["Cache-Control"]


# The pages most asked for are also held in this process's memory: read from
# there, not unpickled from the cache each time. With Redis, a request then asks
# the server only for the content version (a few bytes), not for the page as well
# (16 KB for some guides, parsed by the client in Python). Every person's page and
# search reads the page around the person (one per facility, or per number of
# people found) this way.
# An entry is answered only while its ETag names this moment's content version and
# window, as a kept page is (_serve); one drawn before another server's edit is
# read again from the cache, and drawn again if that is stale too. The memory is
# emptied when the content changes here or it holds too many.
_remembered: dict[str, tuple] = {}
PAGES_IN_MEMORY = 256


def _remember(key: str, stored: tuple) -> None:
    if len(_remembered) >= PAGES_IN_MEMORY:
        _remembered.clear()
    _remembered[key] = stored


# Compressed once, when a page is kept, not on every request: compressing a page
# took longer than serving it from the cache. The pages kept hold nothing secret (no
# CSRF token, no session: see cached_page), so compressing them reveals nothing
# (the BREACH attack needs a secret on the page). Every other page is compressed
# by Django's GZipMiddleware.
_ACCEPTS_GZIP = re.compile(r"\bgzip\b")
# zlib's window bits for a gzip stream (16 + 15), as isal_zlib takes them too.
GZIP_WBITS = 16 + isal_zlib.MAX_WBITS


def _gzipped(content: bytes) -> bytes | None:
    """The page compressed at GZipMiddleware's level 6, or None where that saves
    nothing."""
    if len(content) < 200:
        return None
    packed = gzip.compress(content, compresslevel=6, mtime=0)
    return packed if len(packed) < len(content) else None


def _accepts_gzip(request) -> bool:
    return bool(_ACCEPTS_GZIP.search(request.META.get("HTTP_ACCEPT_ENCODING", "")))


def _answer(request, stored: tuple, fills, rendered: HttpResponse | None = None):
    """A kept page: compressed when the browser accepts it, or, for a caller that
    fills it in, with the parts it is cut into."""
    _etag, status, headers, content, extra = stored
    if fills is not None:
        if rendered is None:
            rendered = HttpResponse(content, status=status, headers=headers)
        rendered.stand_in_parts = extra
        return rendered
    packed = extra
    if packed is None or not _accepts_gzip(request):
        if rendered is not None:
            return rendered
        return HttpResponse(content, status=status, headers=headers)
    if rendered is not None:  # the page just drawn: sent compressed, not made again
        rendered.content = packed
        response = _marked_gzipped(rendered)
    else:
        response = _marked_gzipped(HttpResponse(packed, status=status, headers=headers))
    # Weak, as GZipMiddleware makes it: the same page in another encoding.
    response["ETag"] = "W/" + response["ETag"]
    return response


def _gzip_now(request, response):
    """A page filled in for one request, compressed for a browser that accepts gzip.

    Made for every request, so made quickly: with ISA-L (python-isal) at its level
    1, not zlib at GZipMiddleware's 6. For a person's page or a search that is about
    a third of the work of zlib's quickest level, and the page comes out a little
    smaller than zlib's level 1 makes it (a twentieth larger than level 6). Like the
    kept pages, it holds nothing secret, only what this family typed.
    """
    if not _accepts_gzip(request) or response.streaming or response.has_header("Content-Encoding"):
        return response
    content = response.content
    if len(content) < 200:
        return response
    response.content = isal_zlib.compress(content, 1, GZIP_WBITS)
    if (etag := response.get("ETag", "")).startswith('"'):
        response["ETag"] = "W/" + etag  # as GZipMiddleware marks it
    return _marked_gzipped(response)


def _marked_gzipped(response):
    response["Content-Encoding"] = "gzip"
    patch_vary_headers(response, ("Accept-Encoding",))
    return response


def cached_page(view=None, *, per_minute: bool = False):
    """Cache a public GET page whole; only 200 answers are kept.

    Use it only for pages whose content depends on nothing but the address, the
    models (any save invalidates) and the moments registered with
    `register_time_boundary` (and local midnight), or also the time to the minute
    with `@cached_page(per_minute=True)`. Never for a page that depends on the user,
    the session, a CSRF token or the exact second of the request.

    Not for a page most of whose addresses are asked once, such as a person's page:
    keeping each costs more than it saves. Draw those with page_with_stand_ins.
    """
    if view is None:
        return lambda view: cached_page(view, per_minute=per_minute)

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if _skips_cache(request):
            return view(request, *args, **kwargs)
        found = _typed(request)
        if found is None or not all(_fills_exactly(value) for value in found[0].values()):
            return view(request, *args, **kwargs)
        typed, query = found
        asked = _with_stand_ins(request, query) if typed else request
        response = _serve(
            asked,
            lambda: view(asked, *args, **kwargs),
            per_minute,
            fills=tuple(typed) or None,
        )
        return _gzip_now(request, _fill(response, typed)) if typed else response

    return wrapper


def fragment_key(request) -> str:
    """A `{% cache %}` key for part of a page that depends on its address and the
    content, but not on the time of day ("" where nothing may be kept).

    For pages kept a minute at a time: their slow part (a long form) is then drawn
    once per content version, not once a minute.
    """
    if _skips_cache(request):
        return ""
    _until, version = _request_version(request)
    _moment, names = _request_names(request)
    return "|".join([version, names, request.get_full_path()])


def page_with_stand_ins(request, basis: str, values: dict[str, str], draw) -> HttpResponse:
    """A page that differs from its kind only in a few values, such as a person's page.

    `draw(shown)` renders the page with `shown` in place of `values` (same keys);
    `basis` names everything else the page depends on (such as the facility). The
    page is drawn once per basis with stand-ins, kept, and each request's own values
    are put in as it leaves. Values a page could show otherwise are drawn as they are.
    A value marked safe is HTML the view drew itself; it goes in unchanged.

    The filled page itself is never kept: most are asked once (each family asks
    about their own person), and what a family typed stays out of the cache. Its
    ETag names the kept page's and the values, so a browser that asks again gets a
    304 while neither has changed.
    """
    typed = [v for v in values.values() if v and not isinstance(v, SafeData)]
    if _skips_cache(request) or not all(_fills_exactly(v) for v in typed):
        return draw(values)
    shown = {field: stand_in(field) if value else "" for field, value in values.items()}
    basis += "|" + ",".join(field for field, value in values.items() if value)
    filled = {field: value for field, value in values.items() if value}
    response = _serve(request, lambda: draw(shown), basis=basis, fills=tuple(filled))
    kept_etag = response.get("ETag")
    if kept_etag is None:  # drawn now and not kept (see _serve): nothing to validate
        return _gzip_now(request, _fill(response, filled))
    forms = _forms(filled, response.charset)
    etag = _filled_etag(kept_etag, forms)
    if (not_modified := _not_modified(request, etag, private=True)) is not None:
        return not_modified
    response = _fill(response, filled, forms)
    response["ETag"] = etag
    return _gzip_now(request, response)


def _filled_etag(kept_etag: str, forms: dict[str, tuple[bytes, bytes]]) -> str:
    """The ETag of a kept page with these values put in (as _forms makes them): a
    hash of both, each value after its length, so no two pages' values run together
    the same way. A value's HTML form names it: escaping changes no two values into
    the same text."""
    digest = hashlib.blake2b(kept_etag.encode(), digest_size=16)
    for field, (data, _in_address) in forms.items():
        digest.update(f"|{field}|{len(data)}|".encode())
        digest.update(data)
    return f'"{digest.hexdigest()}"'


def _on_change(sender, using=None, **kwargs):
    if sender._meta.label_lower in IGNORED_MODELS:
        return
    bump_content_version()
    connection = transaction.get_connection(using)
    if connection.in_atomic_block and not any(
        func is bump_content_version for _sids, func, _robust in connection.run_on_commit
    ):
        # Again once committed (once per transaction): another process may have
        # rendered the old data between the save and the commit, and cached it
        # under the token set just now.
        transaction.on_commit(bump_content_version, using=using, robust=True)


def connect_signals() -> None:
    for signal in (post_save, post_delete, m2m_changed):
        signal.connect(_on_change, dispatch_uid=f"portal.cache.{signal!r}")
