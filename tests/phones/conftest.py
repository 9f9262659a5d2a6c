"""Fixtures for the phone guide's tests: unsaved Missouri rules."""

import pytest

from portal.models import Facility
from tests.phones.builders import missouri_call_types, missouri_rules, securus


@pytest.fixture
def call_types():
    return missouri_call_types()


@pytest.fixture
def rules():
    return missouri_rules()


@pytest.fixture
def provider():
    return securus()


@pytest.fixture
def jefferson_city():
    return Facility(id=1, code="ACC", name="Algoa Correctional Center", city="Jefferson City")
