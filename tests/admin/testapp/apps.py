from django.apps import AppConfig


class AdminTestsConfig(AppConfig):
    """A rule model used only by the tests, installed only when testing."""

    name = "tests.admin.testapp"
    label = "admin_tests"
