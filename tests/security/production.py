"""Production settings, read by a fresh Python process given production's environment."""

import json
import os
import subprocess
import sys
import tempfile
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

# 50+ random-looking characters, as `check --deploy` wants; for tests only.
TEST_SECRET_KEY = "test-only-" + "k7Qp2xZ9vL4mN8rT1wY6bH3jD5sF0gC" * 2

PRODUCTION_ENV = {
    "DJANGO_DEBUG": "false",
    "DJANGO_TESTING": "false",
    "DJANGO_SECRET_KEY": TEST_SECRET_KEY,
    "DJANGO_ALLOWED_HOSTS": "staying-connected.example.org",
    # Any SQLite file the checks open goes to the temporary folder, not the project.
    "SQLITE_NAME": str(Path(tempfile.gettempdir()) / "sc-production-check.sqlite3"),
}

# The settings that make the production answers differ from the test suite's.
HARDENING = [
    "SECURE_PROXY_SSL_HEADER",
    "SECURE_SSL_REDIRECT",
    "SECURE_HSTS_SECONDS",
    "SECURE_HSTS_INCLUDE_SUBDOMAINS",
    "SECURE_HSTS_PRELOAD",
    "SESSION_COOKIE_SECURE",
    "CSRF_COOKIE_SECURE",
    "ALLOWED_HOSTS",
    "DEBUG",
    "AXES_ENABLED",
    "AUTHENTICATION_BACKENDS",
    "RATE_LIMIT_ENABLED",
    "SESSION_EXPIRE_AT_BROWSER_CLOSE",
    "SESSION_COOKIE_AGE",
    "PASSWORD_HASHERS",
]


def run_manage(*args: str, env: dict | None = None, drop: tuple[str, ...] = ()):
    """Run manage.py in a fresh process with production's environment (plus `env`)."""
    return run_in_production([sys.executable, "manage.py", *args], env=env, drop=drop)


def run_in_production(command: list[str], env: dict | None = None, drop: tuple[str, ...] = ()):
    """Run a command in the project folder with production's environment (plus `env`)."""
    # Nothing of the test run's own Django environment leaks into "production".
    full_env = {
        k: v for k, v in os.environ.items() if not k.startswith("DJANGO_") and k != "DATABASE_URL"
    }
    full_env.update(PRODUCTION_ENV)
    full_env.update(env or {})
    for name in drop:
        full_env.pop(name, None)
    return subprocess.run(
        command,
        cwd=ROOT,
        env=full_env,
        capture_output=True,
        text=True,
        timeout=120,
    )


@cache
def hardening_settings() -> dict:
    """The hardening settings exactly as production computes them."""
    code = (
        "import json; from django.conf import settings; "
        f"print(json.dumps({{n: getattr(settings, n) for n in {HARDENING!r}}}))"
    )
    result = run_manage("shell", "-c", code)
    assert result.returncode == 0, result.stderr
    values = json.loads(result.stdout.strip().splitlines()[-1])
    values["SECURE_PROXY_SSL_HEADER"] = tuple(values["SECURE_PROXY_SSL_HEADER"])
    return values
