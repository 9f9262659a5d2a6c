"""Run by bench/run.py in the benchmark's settings: queries per page and search plans.

Prints one JSON object: {"queries": {url: n}, "plans": {label: {...}}}.
Queries are counted with the page cache off, so they are what a first visit costs.
"""

import json
import sys

import django

django.setup()

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext, override_settings  # noqa: E402

from portal.models import Inmate  # noqa: E402

SEARCHES = {
    "by DOC ID (7000001)": ("7000001", ""),
    "by last name (garcia)": ("garcia", ""),
    "by last and first name (garcia, ana)": ("garcia", "ana"),
    "by full name (Ana Garcia)": ("Ana Garcia", ""),
}


def main() -> None:
    urls = json.loads(sys.argv[1])
    client = Client(headers={"x-forwarded-proto": "https"})
    queries = {}
    with override_settings(PAGE_CACHE_SECONDS=0):
        for url in urls:
            # The first request of a process fills its own caches (templates, URLs).
            client.get(url, SERVER_NAME="127.0.0.1", secure=True)
            with CaptureQueriesContext(connection) as captured:
                client.get(url, SERVER_NAME="127.0.0.1", secure=True)
            queries[url] = len(captured)
    plans = {}
    for label, (query, first) in SEARCHES.items():
        plan = Inmate.objects.search(query, first).explain(analyze=True)
        plans[label] = {
            "plan": plan,
            "uses_index": "Index" in plan and "Seq Scan on portal_inmate" not in plan,
        }
    print(json.dumps({"queries": queries, "plans": plans}))


if __name__ == "__main__":
    main()
