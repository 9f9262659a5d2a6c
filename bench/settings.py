"""The production settings, plus what only the benchmark needs.

- The floor: a minimal view at /bench/floor (bench/urls.py), never in the site's own URLs.
- STATIC_ROOT in a temporary folder, so the benchmark's collectstatic leaves the
  project folder alone.
- /robots.txt answered over plain HTTP: Lighthouse fetches it without the proxy's
  X-Forwarded-Proto header it sends with the page, and would otherwise get the
  redirect to HTTPS and no file (its SEO audit then has no score at all).
"""

import os

from portal.settings import *  # noqa: F403

ROOT_URLCONF = "bench.urls"
STATIC_ROOT = os.environ["BENCH_STATIC_ROOT"]
SECURE_REDIRECT_EXEMPT = [*SECURE_REDIRECT_EXEMPT, r"^robots\.txt$"]  # noqa: F405
