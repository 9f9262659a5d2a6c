"""Run by bench/run.py in the benchmark's settings: queries per page and search plans.

Prints one JSON object: {"queries": {url: n}, "plans": {label: {...}}}.
Queries are counted with the page cache off, so they are what a first visit costs.
The plans are those the site runs: a DOC ID or a surname alone as a prepared
statement planned once for every value (its plan shows $1, $2 where the values go),
other name searches planned with their values (portal/compiled.py).
"""

import json
import sys

import django

django.setup()

from django.conf import settings  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext, override_settings  # noqa: E402

from portal.models import search_plan  # noqa: E402
from portal.views import PERSON_BY_DOC_ID, SEARCH_RESULTS  # noqa: E402

SEARCHES = {
    "people search by DOC ID (7000001)": ("7000001", ""),
    "people search by last name (garcia)": ("garcia", ""),
    "people search by last and first name (garcia, ana)": ("garcia", "ana"),
    "people search by full name (Ana Garcia)": ("Ana Garcia", ""),
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
    explained = {"a person's page (7000001)": PERSON_BY_DOC_ID.explain("7000001")}
    for label, (query, first) in SEARCHES.items():
        shape, values = search_plan(query, first)
        limit = settings.PEOPLE_SEARCH_LIMIT
        explained[label] = SEARCH_RESULTS.explain(*values, shape=shape, limit=limit)
    plans = {
        label: {
            "plan": plan,
            "uses_index": "Index" in plan and "Seq Scan on portal_inmate" not in plan,
        }
        for label, plan in explained.items()
    }
    print(json.dumps({"queries": queries, "plans": plans}))


if __name__ == "__main__":
    main()
