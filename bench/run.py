"""The benchmark: every public page against the framework's own floor.

    make bench                      # 1,000,000 fictional people (loaded once, then reused)
    BENCH_PEOPLE=10000 make bench   # a quick run

It runs the production configuration (DEBUG off, gunicorn, whitenoise, PostgreSQL
on 127.0.0.1) on loopback, in a database of its own (BENCH_DATABASE_URL, by
default postgres://postgres@127.0.0.1:5432/sc_bench), and drives it with wrk from
a second process. For each page it prints requests per second, the ratio to the
floor (a minimal view through the same middleware), p50 and p99 latency, non-2xx
answers, database queries per request and the bytes sent (HTML and CSS, as
compressed on the wire). It also prints the query plans of the people search and
Lighthouse scores for five pages, and writes everything to bench/results/.

Settings (environment): BENCH_PEOPLE, BENCH_DURATION (seconds per page, 10),
BENCH_FLOOR_EVERY (pages between floor runs, 10), BENCH_CONNECTIONS (32),
BENCH_THREADS (wrk threads, 2), BENCH_WORKERS and BENCH_WORKER_THREADS (gunicorn
processes and threads; otherwise gunicorn.conf.py's own: one process per core for
a database on this machine, and 1 thread),
BENCH_RELOAD=1 (load the people again), BENCH_LIGHTHOUSE=0 (skip Lighthouse),
REDIS_URL (use Redis as the cache, as in production with several servers).
"""

import csv
import gzip
import io
import json
import os
import random
import re
import runpy
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results"
LIGHTHOUSE_DIR = Path.home() / ".cache" / "staying-connected-bench" / "lighthouse"
CHROME = os.environ.get("CHROME_PATH", "/usr/bin/chromium")

PEOPLE = int(os.environ.get("BENCH_PEOPLE", "1000000"))
DURATION = int(os.environ.get("BENCH_DURATION", "10"))
CONNECTIONS = int(os.environ.get("BENCH_CONNECTIONS", "32"))
THREADS = int(os.environ.get("BENCH_THREADS", "2"))
FLOOR_EVERY = int(os.environ.get("BENCH_FLOOR_EVERY", "10"))  # pages between floor runs
DATABASE_URL = os.environ.get("BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/sc_bench")
# As gunicorn.conf.py sets them for this database (one process per core for one on
# this machine, one request at a time each), unless set.
_GUNICORN = runpy.run_path(str(ROOT / "gunicorn.conf.py"))
_DEFAULT_WORKERS = _GUNICORN["default_workers"](DATABASE_URL, os.cpu_count())
WORKERS = int(os.environ.get("BENCH_WORKERS", _DEFAULT_WORKERS))
WORKER_THREADS = int(os.environ.get("BENCH_WORKER_THREADS", _GUNICORN["threads"]))
SECRET_KEY = "bench-only-secret-key-" + "x" * 40  # noqa: S105 - a throwaway local server
# Sent with every request: a site behind a TLS proxy that redirects plain HTTP
# then answers as it would behind that proxy.
HEADERS = {"Accept-Encoding": "gzip, br", "X-Forwarded-Proto": "https"}
# Each request a new address, so the page cache never holds the page: the person
# is looked up or the search runs every time (the page around it may be reused).
VARIED_LABELS = {
    "person": "/people/<random DOC ID>/ (cache missed)",
    "doc": "/people/?q=<random DOC ID> (cache missed)",
    "search": "/people/?q=<surname>&n=<unique> (cache missed)",
}
LIGHTHOUSE_PAGES = [
    "/",
    "/people/?q=garcia",
    "/people/7000001/",
    "/facilities/",
    "/facilities/algoa-correctional-center/",
]

FIRST = ["Ana", "José", "Maria", "James", "Mary", "Robert", "Linda", "Michael", "Aaliyah"]
FIRST += ["David", "Sarah", "Luis", "Keisha", "Thomas", "Nguyen", "Chloé", "Andre", "Emily"]
FIRST += ["Daniel", "Jasmine", "Tyrone", "Olivia", "Ethan", "Sofia", "Marcus", "Hannah"]
LAST = ["García", "Smith", "Johnson", "Williams", "Brown", "Jones", "Miller", "Davis"]
LAST += ["Martínez", "Wilson", "Anderson", "Taylor", "Thomas", "Moore", "Jackson", "White"]
LAST += ["Harris", "Clark", "Lewis", "Robinson", "Walker", "Young", "Allen", "King", "Wright"]
LAST += ["O'Brien", "De La Cruz", "Nguyen", "Hernández", "Lopez", "Hill", "Scott", "Green"]
LAST += ["Adams", "Baker", "Nelson", "Carter", "Mitchell", "Pérez", "Roberts", "Turner"]
# Many more rare surnames, so a prefix search is selective as in a real register.
LAST += [
    f"{stem}{suffix}"
    for stem in ("Kal", "Mor", "Tess", "Vand", "Wil", "Zel", "Brak")
    for suffix in ("ander", "berg", "ley", "ton", "ski", "ova", "ez", "ino", "sen", "ard")
]


def say(message: str) -> None:
    print(message, flush=True)


def run(cmd: list[str], env: dict | None = None, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run(cmd, env=env, check=True, cwd=ROOT, **kwargs)


def python() -> str:
    return str(ROOT / ".venv" / "bin" / "python")


def django_env(static_root: str) -> dict:
    env = dict(os.environ)
    env.update(
        DJANGO_SETTINGS_MODULE="bench.settings",
        DJANGO_DEBUG="false",
        DJANGO_TESTING="false",
        DJANGO_SECRET_KEY=SECRET_KEY,
        DATABASE_URL=DATABASE_URL,
        BENCH_STATIC_ROOT=static_root,
        DJANGO_ALLOWED_HOSTS="127.0.0.1,localhost",
        DJANGO_LOG_LEVEL="ERROR",
        # wrk is one client asking thousands of times a second; the limits are for one
        # family. Kept on (their cost is measured), but too high to answer 429.
        RATE_LIMIT_PEOPLE_PER_MINUTE=str(10**9),
        RATE_LIMIT_PEOPLE_PER_HOUR=str(10**9),
    )
    return env


# ---------- set-up ----------


def ensure_wrk() -> None:
    if shutil.which("wrk"):
        return
    say("Installing wrk (Debian package)...")
    run(["apt-get", "update", "-qq"])
    run(["apt-get", "install", "-y", "-qq", "wrk"], stdout=subprocess.DEVNULL)


def ensure_database() -> None:
    """Create the benchmark's own database if it is missing."""
    import psycopg2
    from psycopg2 import sql

    name = DATABASE_URL.rsplit("/", 1)[1]
    admin = psycopg2.connect(DATABASE_URL.rsplit("/", 1)[0] + "/postgres")
    admin.autocommit = True
    with admin.cursor() as cur:
        cur.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
        if cur.fetchone() is None:
            cur.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    admin.close()


def load_people(env: dict) -> dict:
    """Bulk-load the fictional people with COPY, unless the same number is there."""
    import psycopg2

    conn = psycopg2.connect(DATABASE_URL)
    with conn, conn.cursor() as cur:
        cur.execute("SELECT id FROM portal_agency WHERE slug = 'missouri-doc'")
        agency_id = cur.fetchone()[0]
        cur.execute("SELECT code, id FROM portal_facility WHERE agency_id = %s", [agency_id])
        facilities = dict(cur.fetchall())
        cur.execute("SELECT count(*) FROM portal_inmate")
        present = cur.fetchone()[0]
    if present == PEOPLE and os.environ.get("BENCH_RELOAD") != "1":
        say(f"People: {present:,} already loaded (BENCH_RELOAD=1 loads them again).")
        conn.close()
        return {"people": present, "load_seconds": None, "reused": True}

    sys.path.insert(0, str(ROOT))
    from portal.text import search_key

    say(f"Loading {PEOPLE:,} fictional people with COPY...")
    started = time.perf_counter()
    rng = random.Random(1_000_000)  # noqa: S311 - repeatable fictional data
    codes = sorted(facilities)
    keys = {name: search_key(name) for name in FIRST + LAST}
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    # The sample person every page list refers to (tests/pages.py).
    writer.writerow(
        [agency_id, "7000001", "Ana", "", "García", facilities["ACC"], "t", "ana", "garcia"]
    )
    for n in range(PEOPLE - 1):
        first, last = rng.choice(FIRST), rng.choice(LAST)
        facility = facilities[codes[n % len(codes)]]
        writer.writerow(
            [agency_id, str(1_000_001 + n), first, "", last, facility, "t", keys[first], keys[last]]
        )
    buffer.seek(0)
    generated = time.perf_counter()
    with conn, conn.cursor() as cur:
        # Indexes built once after the COPY are much quicker than kept up row by row.
        # The primary key and the unique constraint stay: they are constraints.
        cur.execute(
            "SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'portal_inmate'"
            " AND indexname NOT IN (SELECT conname FROM pg_constraint)"
        )
        indexes = cur.fetchall()
        # Foreign keys are checked row by row, not at commit, which CREATE INDEX needs.
        cur.execute("SET CONSTRAINTS ALL IMMEDIATE")
        for name, _definition in indexes:
            cur.execute(f'DROP INDEX "{name}"')
        cur.execute("TRUNCATE portal_inmate")
        cur.copy_expert(
            "COPY portal_inmate (agency_id, doc_id, first_name, middle_name, last_name,"
            " facility_id, is_fictional, first_key, last_key)"
            " FROM STDIN WITH (FORMAT csv, FORCE_NOT_NULL (middle_name))",
            buffer,
        )
        cur.execute("SET LOCAL maintenance_work_mem = '256MB'")
        for _name, definition in indexes:
            cur.execute(definition)
    copied = time.perf_counter()
    conn.autocommit = True
    with conn.cursor() as cur:
        cur.execute("VACUUM ANALYZE portal_inmate")
        # Write the loaded pages out now, not while the pages are being measured.
        cur.execute("CHECKPOINT")
    conn.close()
    done = time.perf_counter()
    say(
        f"Loaded {PEOPLE:,} people in {done - started:.1f} s (generate "
        f"{generated - started:.1f} s, COPY and indexes {copied - generated:.1f} s, "
        f"VACUUM ANALYZE {done - copied:.1f} s)."
    )
    return {"people": PEOPLE, "load_seconds": round(done - started, 1), "reused": False}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_gunicorn(env: dict, port: int) -> subprocess.Popen:
    """The production server settings (gunicorn.conf.py), on a free loopback port."""
    env = dict(env, GUNICORN_BIND=f"127.0.0.1:{port}", GUNICORN_LOG_LEVEL="warning")
    env.update(WEB_CONCURRENCY=str(WORKERS), GUNICORN_THREADS=str(WORKER_THREADS))
    cmd = [str(ROOT / ".venv" / "bin" / "gunicorn"), "-c", str(ROOT / "gunicorn.conf.py")]
    # DJANGO_SETTINGS_MODULE is bench.settings: the site's settings plus the floor.
    cmd += ["portal.wsgi:application"]
    server = subprocess.Popen(cmd, env=env, cwd=ROOT, start_new_session=True)
    for _ in range(100):
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=5):  # noqa: S310
                return server
        except OSError:  # refused, reset or timed out while workers start
            time.sleep(0.2)
    stop(server)
    raise SystemExit("gunicorn did not answer on /healthz")


def stop(server: subprocess.Popen) -> None:
    try:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=20)
    except (ProcessLookupError, subprocess.TimeoutExpired):
        os.killpg(server.pid, signal.SIGKILL)


# ---------- measuring ----------


def fetch(base: str, path: str) -> tuple[int, int, bytes, dict]:
    """Status, bytes on the wire, the decoded body, and headers, as a browser gets them."""
    request = urllib.request.Request(base + path, headers=HEADERS)  # noqa: S310
    try:
        with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310
            raw, status, headers = response.read(), response.status, dict(response.headers)
    except urllib.error.HTTPError as error:
        raw, status, headers = error.read(), error.code, dict(error.headers)
    body = gzip.decompress(raw) if headers.get("Content-Encoding") == "gzip" else raw
    return status, len(raw), body, headers


def page_weight(base: str, path: str, assets: dict) -> dict:
    """Bytes of the page and of the CSS (and any script) it links, as sent."""
    status, html_wire, body, headers = fetch(base, path)
    links = re.findall(rb'(?:href|src)="(/static/[^"]+\.(?:css|js))"', body)
    css = 0
    for link in links:
        link = link.decode()
        if link not in assets:
            assets[link] = fetch(base, link)[1]
        css += assets[link]
    return {
        "status": status,
        "html_bytes": html_wire,
        "html_gzip_bytes": len(gzip.compress(body, 9)),
        "css_js_bytes": css,
        "total_bytes": html_wire + css,
        "etag": headers.get("ETag", ""),
    }


def wrk(url: str, duration: int, varied: str = "") -> dict:
    cmd = ["wrk", f"-t{THREADS}", f"-c{CONNECTIONS}", f"-d{duration}s", "--latency"]
    env = None
    if varied:
        cmd += ["-s", str(ROOT / "bench" / "varied.lua")]
        env = dict(os.environ, BENCH_VARIED=varied, BENCH_PEOPLE=str(PEOPLE))
    for name, value in HEADERS.items():
        cmd += ["-H", f"{name}: {value}"]
    out = subprocess.run(cmd + [url], capture_output=True, text=True, check=True, env=env).stdout

    def latency(label: str) -> float | None:
        match = re.search(rf"^\s+{label}%\s+([\d.]+)(us|ms|s)\s*$", out, re.M)
        if not match:
            return None
        value, unit = float(match[1]), match[2]
        return round(value / 1000 if unit == "us" else value * 1000 if unit == "s" else value, 2)

    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out)[1])
    total = int(re.search(r"(\d+) requests in", out)[1])
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    sockets = re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out
    )
    return {
        "rps": round(rps, 1),
        "requests": total,
        "p50_ms": latency("50"),
        "p99_ms": latency("99"),
        "non_2xx": int(errors[1]) if errors else 0,
        "socket_errors": sum(int(n) for n in sockets.groups()) if sockets else 0,
    }


def django_measurements(env: dict, urls: list[str]) -> dict:
    """Queries per request (cold page cache) and the search plans, from a Django process."""
    out = subprocess.run(
        [python(), "-m", "bench.inspect", json.dumps(urls)],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return json.loads(out)


def lighthouse(base: str) -> dict:
    """Scores at mobile settings; a failure is printed and the run goes on."""
    if os.environ.get("BENCH_LIGHTHOUSE", "1") == "0":
        return {"skipped": "BENCH_LIGHTHOUSE=0"}
    binary = LIGHTHOUSE_DIR / "node_modules" / ".bin" / "lighthouse"
    try:
        if not binary.exists():
            say(f"Installing Lighthouse from the npm registry into {LIGHTHOUSE_DIR}...")
            LIGHTHOUSE_DIR.mkdir(parents=True, exist_ok=True)
            subprocess.run(
                ["npm", "install", "--no-audit", "--no-fund", "--silent", "lighthouse@12"],
                cwd=LIGHTHOUSE_DIR,
                check=True,
                capture_output=True,
                text=True,
                timeout=600,
            )
    except (OSError, subprocess.SubprocessError) as error:
        detail = getattr(error, "stderr", "") or error
        say(f"Lighthouse skipped: it could not be installed ({str(detail).strip()[:300]}).")
        return {"error": f"install failed: {str(detail)[:300]}"}
    scores = {}
    env = dict(os.environ, CHROME_PATH=CHROME)
    for path in LIGHTHOUSE_PAGES:
        # Three times at most: now and then Chromium fails to record the page load's
        # trace ("NO_NAVSTART"), which says nothing about the page.
        for attempt in (1, 2, 3):
            try:
                data = lighthouse_report(binary, base + path, env)
                break
            except (OSError, subprocess.SubprocessError, ValueError) as error:
                detail = (getattr(error, "stderr", "") or str(error)).strip()
                say(f"Lighthouse failed on {path} (attempt {attempt}): {detail[-300:]}")
        else:
            scores[path] = {"error": detail[-300:]}
            continue
        scores[path] = {
            name: round(category["score"] * 100) if category["score"] is not None else None
            for name, category in data["categories"].items()
        }
        scores[path]["short_of_100"] = audits_short_of_100(data)
    return scores


def lighthouse_report(binary: Path, url: str, env: dict) -> dict:
    """One Lighthouse run at mobile settings: its JSON report."""
    with tempfile.NamedTemporaryFile(suffix=".json") as report:
        subprocess.run(
            [
                str(binary),
                url,
                "--quiet",
                "--output=json",
                f"--output-path={report.name}",
                "--form-factor=mobile",
                "--only-categories=performance,accessibility,best-practices,seo",
                "--chrome-flags=--headless --no-sandbox",
                # As behind the TLS proxy: without it every page redirects to https.
                "--extra-headers=" + json.dumps({"X-Forwarded-Proto": "https"}),
            ],
            env=env,
            check=True,
            capture_output=True,
            text=True,
            timeout=180,
        )
        return json.loads(Path(report.name).read_text())


def audits_short_of_100(report: dict) -> list[str]:
    """The scored audits that kept a category below 100, or left it without a score
    (Lighthouse gives a category no score when one of its audits fails to run)."""
    found = []
    for name, category in report["categories"].items():
        for ref in category["auditRefs"]:
            audit = report["audits"][ref["id"]]
            if ref.get("weight", 0) == 0:
                continue
            if audit.get("scoreDisplayMode") == "error":
                found.append(f"{name}: {ref['id']} could not run ({audit.get('errorMessage')})")
            elif audit.get("score") is not None and audit["score"] < 1:
                found.append(f"{name}: {ref['id']} scored {round(audit['score'] * 100)}")
    return found


# ---------- output ----------


def local_floors(rows: list[dict], floor_rps: float) -> None:
    """Give each row the floor of its moment: the mean of the floor runs around it."""
    positions = [i for i, row in enumerate(rows) if row["kind"] == "floor"]
    for i, row in enumerate(rows):
        before = [p for p in positions if p <= i][-1:]
        after = [p for p in positions if p >= i][:1]
        around = [rows[p]["rps"] for p in before + after] or [floor_rps]
        row["floor_rps"] = round(sum(around) / len(around), 1)
        row["floor_ratio"] = round(row["rps"] / row["floor_rps"], 3)


def print_table(rows: list[dict], floor_rps: float) -> None:
    header = (
        f"{'page':<58} {'req/s':>8} {'floor':>6} {'p50 ms':>7} {'p99 ms':>7} "
        f"{'errors':>6} {'queries':>7} {'bytes':>7}"
    )
    say("")
    say(header)
    say("-" * len(header))
    for row in rows:
        queries = "" if row.get("queries") is None else str(row["queries"])
        size = "" if row.get("total_bytes") is None else str(row["total_bytes"])
        say(
            f"{row['page'][:58]:<58} {row['rps']:>8.0f} {row['floor_ratio']:>6.2f} "
            f"{row['p50_ms'] or 0:>7.2f} {row['p99_ms'] or 0:>7.2f} "
            f"{row['non_2xx'] + row['socket_errors']:>6} {queries:>7} {size:>7}"
        )


def check_targets(rows: list[dict], floor_rps: float) -> list[str]:
    misses = []
    for row in rows:
        if row["kind"] not in ("page", "varied"):
            continue
        page = row["page"]
        if row["floor_ratio"] < 0.5:
            misses.append(f"{page}: {row['floor_ratio']:.2f} of the floor (target 0.5)")
        if (row["p99_ms"] or 0) >= 100:
            misses.append(f"{page}: p99 {row['p99_ms']} ms (target < 100)")
        if row["non_2xx"] or row["socket_errors"]:
            misses.append(f"{page}: {row['non_2xx'] + row['socket_errors']} errors (target 0)")
        if (row.get("queries") or 0) > 6:
            misses.append(f"{page}: {row['queries']} queries (target <= 6)")
        if (row.get("total_bytes") or 0) >= 40_000:
            misses.append(f"{page}: {row['total_bytes']} bytes (target < 40 KB)")
    return misses


def main() -> None:
    ensure_wrk()
    started_at = datetime.now(UTC)
    load_before = os.getloadavg()
    static_root = tempfile.mkdtemp(prefix="sc-bench-static-")
    env = django_env(static_root)
    say(f"Database: {DATABASE_URL}")
    ensure_database()
    run([python(), "manage.py", "migrate", "--no-input", "-v", "0"], env=env)
    run([python(), "manage.py", "load_missouri"], env=env, stdout=subprocess.DEVNULL)
    load = load_people(env)
    run([python(), "manage.py", "collectstatic", "--no-input", "-v", "0"], env=env)

    sys.path.insert(0, str(ROOT))
    from tests.pages import all_sample_urls

    urls = all_sample_urls()
    say(f"Pages: {len(urls)} from tests/pages.py all_sample_urls().")
    inspected = django_measurements(env, urls)
    for label, plan in inspected["plans"].items():
        say(f"\nEXPLAIN ANALYZE, {label}:\n{plan['plan']}")
        say(f"-> uses an index: {'yes' if plan['uses_index'] else 'NO'}")

    port = free_port()
    base = f"http://127.0.0.1:{port}"
    server = start_gunicorn(env, port)
    rows: list[dict] = []
    try:
        manifest = json.loads((Path(static_root) / "staticfiles.json").read_text())
        static_path = "/static/" + manifest["paths"]["css/site.css"]
        # A reference beside the floor: the floor with the one query a person's page
        # makes. Its ratio is what the database's round trip alone leaves of the
        # floor, before a page does anything else.
        targets = [("floor", "/bench/floor"), ("static", static_path)]
        targets += [("reference", "/bench/floor-query")]
        # The floor again every few pages and after them: each page's ratio uses the
        # floor runs just before and after it, so a machine whose load drifts during
        # the run (other work on it) compares each page with the floor of its moment.
        for start in range(0, len(urls), FLOOR_EVERY):
            targets += [("page", url) for url in urls[start : start + FLOOR_EVERY]]
            targets += [("floor", "/bench/floor")]
        # Last, as they load the server most: pages the cache cannot answer, every
        # request a different person or search. The floor once more after them, so
        # they too are compared with the floor runs before and after them, not with
        # the one before alone (one floor run can differ from the next by a tenth or more).
        targets += [("varied", kind) for kind in VARIED_LABELS]
        targets += [("floor", "/bench/floor")]
        say("Warming up every page (workers, connections, caches)...")
        for kind, path in targets:
            # The varied kinds too: each worker draws a person's page once per
            # facility, and the database reads the people's rows into its memory.
            if kind == "varied":
                wrk(base + "/", 1, varied=path)
            else:
                wrk(base + path, 1)
        assets: dict = {}
        for kind, path in targets:
            weight = page_weight(base, path, assets) if kind == "page" else {}
            if kind == "varied":
                result = wrk(base + "/", DURATION, varied=path)
                status = 200
                path = VARIED_LABELS[path]
            else:
                status = weight.get("status") or fetch(base, path)[0]
                result = wrk(base + path, DURATION)
            if not 200 <= status < 300:
                result["non_2xx"] = max(result["non_2xx"], result["requests"])
            row = {"kind": kind, "page": path, "status": status, **result, **weight}
            row["queries"] = inspected["queries"].get(path)
            rows.append(row)
            say(
                f"  {path}: {result['rps']:.0f} req/s, p50 {result['p50_ms']} ms, "
                f"p99 {result['p99_ms']} ms, status {status}"
            )
        scores = lighthouse(base)
    finally:
        stop(server)
        shutil.rmtree(static_root, ignore_errors=True)

    floors = [row["rps"] for row in rows if row["kind"] == "floor"]
    floor_rps = sum(floors) / len(floors)
    local_floors(rows, floor_rps)
    print_table(rows, floor_rps)
    say(
        f"\ngunicorn.conf.py: {WORKERS} workers x {WORKER_THREADS} threads; "
        f"wrk {THREADS} threads x {CONNECTIONS} connections x "
        f"{DURATION} s per page, {os.cpu_count()} cores, {load['people']:,} people, "
        f"cache: {'Redis' if os.environ.get('REDIS_URL') else 'local memory'}."
    )
    load_after = os.getloadavg()
    say(
        f"Machine load average (1 min) before/after: {load_before[0]:.1f} / "
        f"{load_after[0]:.1f} on {os.cpu_count()} cores: other work on the machine "
        "lowers every figure, the floor included."
    )
    if load["load_seconds"] is not None:
        say(f"Load time: {load['load_seconds']} s for {load['people']:,} people.")
    say(f"Floor: {floor_rps:.0f} req/s (mean of {len(floors)} runs: {floors}).")
    say(
        "errors: non-2xx answers and socket errors; queries: per request with the page "
        "cache empty; bytes: HTML + CSS as sent (gzip where the server compresses)."
    )
    if scores:
        say("\nLighthouse (mobile): performance / accessibility / best practices / SEO")
        for path, score in scores.items():
            if isinstance(score, dict) and "error" not in score:
                values = [score.get(k) for k in ("performance", "accessibility")]
                values += [score.get("best-practices"), score.get("seo")]
                say(f"  {path:<45} " + " / ".join(str(v) for v in values))
                for audit in score.get("short_of_100", []):
                    say(f"      {audit}")
            else:
                say(f"  {path:<45} {score}")
    misses = check_targets(rows, floor_rps)
    say("\nTargets: " + ("all met." if not misses else f"{len(misses)} missed:"))
    for miss in misses:
        say(f"  - {miss}")

    RESULTS.mkdir(parents=True, exist_ok=True)
    out = RESULTS / f"bench-{started_at:%Y%m%d-%H%M%S}.json"
    out.write_text(
        json.dumps(
            {
                "started_at": started_at.isoformat(),
                "config": {
                    "people": load["people"],
                    "load_seconds": load["load_seconds"],
                    "workers": WORKERS,
                    "worker_threads": WORKER_THREADS,
                    "threads": THREADS,
                    "connections": CONNECTIONS,
                    "duration_s": DURATION,
                    "cores": os.cpu_count(),
                    "cache": "redis" if os.environ.get("REDIS_URL") else "locmem",
                    "load_average_before_after": [load_before[0], load_after[0]],
                },
                "floor_rps": floor_rps,
                "floor_runs_rps": floors,
                "rows": rows,
                "plans": inspected["plans"],
                "lighthouse": scores,
                "targets_missed": misses,
            },
            indent=2,
        )
    )
    say(f"\nWritten to {out.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
