"""Load test: the production configuration under gunicorn, hit by wrk on loopback.

    .venv/bin/python bench/load.py                 # 64 connections for 60 seconds
    DATABASE_URL=postgres://... .venv/bin/python bench/load.py --duration 60

It prepares a database (PostgreSQL from DATABASE_URL, or a throwaway SQLite file),
loads Missouri's data and the demo people, collects static files, starts gunicorn
with gunicorn.conf.py and production settings, and sends the home, a facility and
a person page in turn. It prints throughput, latency, every status seen, errors,
and each worker's memory before, during and after. It exits 1 on any error or any
answer other than 200 (wrk's timeout is 10 s, like a patient phone on a slow
network; its default of 2 s would count a slow answer as an error). Not part of
the test suite: it needs wrk (`apt-get install wrk`) and takes a minute.

All requests come from one address, so the people rate limit is raised for the run:
it would otherwise (rightly) answer 429 to what looks like one very busy client.
"""

import argparse
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
GUNICORN = str(Path(sys.executable).with_name("gunicorn"))
PAGES = ["/", "/facilities/algoa-correctional-center/", "/people/9000001/"]

LUA = """
local paths = {%(paths)s}
local threads = {}
function setup(thread) table.insert(threads, thread) end
function init(args) counter = 0; statuses = {} end
function request()
  counter = counter + 1
  return wrk.format("GET", paths[(counter %% #paths) + 1])
end
function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end
function done(summary, latency, requests)
  local total = {}
  for _, t in ipairs(threads) do
    for code, n in pairs(t:get("statuses")) do total[code] = (total[code] or 0) + n end
  end
  for code, n in pairs(total) do io.write(string.format("STATUS %%d %%d\\n", code, n)) end
  io.write(string.format("ERRORS %%d %%d %%d %%d %%d\\n", summary.errors.connect,
    summary.errors.read, summary.errors.write, summary.errors.status, summary.errors.timeout))
end
"""


def spare_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def production_env(workdir: Path) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    env.update(
        DJANGO_DEBUG="false",
        DJANGO_TESTING="false",
        DJANGO_SECRET_KEY=secrets.token_urlsafe(64),
        DJANGO_ALLOWED_HOSTS="127.0.0.1",
        RATE_LIMIT_PEOPLE_PER_MINUTE="100000000",
        RATE_LIMIT_PEOPLE_PER_HOUR="100000000",
    )
    if not env.get("DATABASE_URL"):
        env["SQLITE_NAME"] = str(workdir / "bench.sqlite3")
    return env


def manage(env: dict, *args: str):
    subprocess.run([PYTHON, "manage.py", *args], cwd=ROOT, env=env, check=True,
                   stdout=subprocess.DEVNULL)  # fmt: skip


def create_postgres_database(url: str):
    """CREATE DATABASE for a PostgreSQL URL whose database does not exist yet."""
    import dj_database_url
    import psycopg2

    config = dj_database_url.parse(url)
    try:
        psycopg2.connect(
            dbname=config["NAME"], user=config["USER"], password=config["PASSWORD"],
            host=config["HOST"], port=config["PORT"] or 5432,
        ).close()  # fmt: skip
        return
    except psycopg2.OperationalError:
        pass
    admin = psycopg2.connect(
        dbname="postgres", user=config["USER"], password=config["PASSWORD"],
        host=config["HOST"], port=config["PORT"] or 5432,
    )  # fmt: skip
    admin.autocommit = True
    with admin.cursor() as cursor:
        cursor.execute(f'CREATE DATABASE "{config["NAME"]}"')
    admin.close()


def worker_pids(master: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == master:
                found.append(int(entry.name))
    return sorted(found)


def rss_mb(pid: int) -> float:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def wait_healthy(base: str, timeout: float = 30):
    deadline = time.time() + timeout
    while time.time() < deadline:
        try:
            with urllib.request.urlopen(f"{base}/healthz", timeout=2) as response:  # noqa: S310
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    raise SystemExit("gunicorn did not become healthy")


def run_wrk(base: str, script: Path, seconds: int, connections: int, threads: int) -> str:
    result = subprocess.run(
        ["wrk", f"-t{threads}", f"-c{connections}", f"-d{seconds}s", "--latency",
         "--timeout", "10s", "-H", "X-Forwarded-Proto: https", "-s", str(script), base],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    return result.stdout


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--duration", type=int, default=60, help="seconds (default 60)")
    parser.add_argument("--connections", type=int, default=64)
    parser.add_argument("--threads", type=int, default=4, help="wrk threads")
    args = parser.parse_args()
    if not shutil.which("wrk"):
        raise SystemExit("wrk is missing: apt-get install wrk")

    workdir = Path(tempfile.mkdtemp(prefix="sc-bench-"))
    env = production_env(workdir)
    if env.get("DATABASE_URL", "").startswith("postgres"):
        create_postgres_database(env["DATABASE_URL"])
    print("Preparing: migrate, load_missouri, seed_demo, collectstatic ...", flush=True)
    manage(env, "migrate", "--no-input")
    manage(env, "load_missouri")
    manage(env, "seed_demo")
    manage(env, "collectstatic", "--no-input")

    port = spare_port()
    env["GUNICORN_BIND"] = f"127.0.0.1:{port}"
    base = f"http://127.0.0.1:{port}"
    server = subprocess.Popen([GUNICORN, "-c", "gunicorn.conf.py"], cwd=ROOT, env=env)
    try:
        wait_healthy(base)
        script = workdir / "pages.lua"
        script.write_text(LUA % {"paths": ", ".join(f'"{p}"' for p in PAGES)})

        print("Warming up for 5 s ...", flush=True)
        run_wrk(base, script, 5, args.connections, args.threads)
        workers = worker_pids(server.pid)
        before = {pid: rss_mb(pid) for pid in workers}
        peak = dict(before)

        stop = threading.Event()

        def sample():
            while not stop.wait(2):
                for pid in workers:
                    peak[pid] = max(peak[pid], rss_mb(pid))

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        print(
            f"Load: {args.connections} connections, {args.threads} wrk threads, "
            f"{args.duration} s, pages {', '.join(PAGES)}",
            flush=True,
        )
        output = run_wrk(base, script, args.duration, args.connections, args.threads)
        stop.set()
        sampler.join()
        after = {pid: rss_mb(pid) for pid in workers}
        alive = worker_pids(server.pid)
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=60)
        shutil.rmtree(workdir, ignore_errors=True)

    print(re.sub(r"^(STATUS|ERRORS).*\n", "", output, flags=re.MULTILINE))
    statuses = {
        int(code): int(n) for code, n in re.findall(r"^STATUS (\d+) (\d+)$", output, re.MULTILINE)
    }
    connect, read, write, status, timeout = map(
        int, re.search(r"^ERRORS (.+)$", output, re.MULTILINE).group(1).split()
    )
    socket_errors = connect + read + write + timeout
    not_ok = sum(n for code, n in statuses.items() if code != 200)
    print("Statuses:", ", ".join(f"{code}: {n}" for code, n in sorted(statuses.items())))
    print(f"Socket errors: connect {connect}, read {read}, write {write}, timeout {timeout}")
    print("Worker memory (RSS, MB): after warm-up -> peak -> end")
    for pid in workers:
        growth = after[pid] - before[pid]
        print(f"  worker {pid}: {before[pid]:.1f} -> {peak[pid]:.1f} -> {after[pid]:.1f}"
              f" ({growth:+.1f})")  # fmt: skip
    print(f"Workers alive at the end: {len(alive)} of {len(workers)} (same processes: "
          f"{'yes' if alive == workers else 'no'})")  # fmt: skip
    if socket_errors or not_ok:
        print(f"FAILED: {socket_errors} socket errors, {not_ok} answers other than 200")
        raise SystemExit(1)
    print("OK: no errors")


if __name__ == "__main__":
    main()
