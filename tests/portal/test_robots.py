"""What search engines may read: the guides, not the people, not the staff admin."""

import pytest


@pytest.fixture
def robots(client, db):
    return client.get("/robots.txt")


def test_robots_txt_is_plain_text(robots):
    assert robots.status_code == 200
    assert robots["Content-Type"] == "text/plain; charset=utf-8"


@pytest.mark.parametrize("path", ["/people/", "/admin/"])
def test_people_and_the_admin_are_kept_from_search_engines(robots, path):
    assert f"Disallow: {path}\n" in robots.content.decode()


@pytest.mark.parametrize("path", ["/", "/mail/", "/money/", "/phones/", "/visits/"])
def test_the_guides_are_open_to_search_engines(robots, path):
    from urllib.robotparser import RobotFileParser

    parser = RobotFileParser()
    parser.parse(robots.content.decode().splitlines())
    assert parser.can_fetch("*", f"https://example.org{path}")
    assert not parser.can_fetch("*", "https://example.org/people/7000001/")
