"""Every public page, for the suite-wide checks (HTML validity, screenshots, axe).

Each app lists its pages and a few guided-form answers (GET addresses) in
`tests/<app>/sample_urls*.py` as `SAMPLE_URLS`. They may use the fictional person
from the `sample_person` fixture (DOC ID 7000001, at Algoa Correctional Center).
"""

from importlib import import_module
from pathlib import Path

SAMPLE_DOC_ID = "7000001"

PORTAL_URLS = [
    "/",
    "/people/?q=garcia",
    f"/people/?q={SAMPLE_DOC_ID}",
    "/people/?q=zzzz",
    f"/people/{SAMPLE_DOC_ID}/",
    "/facilities/",
    "/facilities/?video=any",
    "/facilities/algoa-correctional-center/",
    "/facilities/maryville-treatment-center/",
]


def all_sample_urls() -> list[str]:
    urls = list(PORTAL_URLS)
    here = Path(__file__).parent
    for path in sorted(here.glob("*/sample_urls*.py")):
        module = import_module(f"tests.{path.parent.name}.{path.stem}")
        urls += [u for u in module.SAMPLE_URLS if u not in urls]
    return urls
