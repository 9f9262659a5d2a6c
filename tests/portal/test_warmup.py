"""Before gunicorn forks its workers, the site's templates are compiled and its
addresses worked out once (portal/warmup.py), so no worker does it on its first
requests."""

from pathlib import Path
from unittest import mock

from django.conf import settings
from django.template.base import Template
from django.urls.resolvers import URLResolver

from portal.warmup import warm_up
from tests.pages import SAMPLE_DOC_ID

PLANNER = (
    f"/visits/video/plan/?go=1&doc_id={SAMPLE_DOC_ID}&kind=remote&day=2026-12-24"
    "&start_time=10%3A00&blocks=2&q_on_visitor_list=yes&q_attorney_visit=no"
    "&q_child_taking_part=no"
)


def test_warm_up_compiles_every_template_of_the_site_without_the_database():
    # Not marked for the database: any query here fails the test. A connection
    # opened before the fork would be shared by every worker.
    site_templates = [
        path
        for path in (Path(settings.BASE_DIR) / "templates").rglob("*")
        if path.suffix in (".html", ".txt", ".xml")
    ]
    assert warm_up() >= len(site_templates) > 50


def test_after_warm_up_a_page_compiles_no_template_and_works_out_no_address(sample_person, client):
    warm_up()
    with (
        mock.patch.object(
            Template, "compile_nodelist", autospec=True, side_effect=Template.compile_nodelist
        ) as compiled,
        mock.patch.object(
            URLResolver, "_populate", autospec=True, side_effect=URLResolver._populate
        ) as worked_out,
    ):
        for url in ("/", f"/people/{SAMPLE_DOC_ID}/", PLANNER, "/money/checklist/"):
            assert client.get(url).status_code == 200
    assert compiled.call_count == 0
    assert worked_out.call_count == 0


def test_gunicorn_warms_up_only_where_the_workers_are_forked_from_the_loaded_site():
    import runpy

    hooks = runpy.run_path(str(Path(settings.BASE_DIR) / "gunicorn.conf.py"))
    with mock.patch("portal.warmup.warm_up") as warm:
        hooks["when_ready"](mock.Mock(cfg=mock.Mock(preload_app=True)))
        hooks["when_ready"](mock.Mock(cfg=mock.Mock(preload_app=False)))
    assert warm.call_count == 1
