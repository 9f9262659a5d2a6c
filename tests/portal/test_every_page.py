"""Suite-wide: every listed page answers 200 with a bounded number of queries."""

import pytest

from tests.pages import all_sample_urls

URLS = all_sample_urls()


@pytest.mark.parametrize("url", URLS)
def test_every_sample_page_answers(sample_person, client, url, django_assert_max_num_queries):
    with django_assert_max_num_queries(6):
        response = client.get(url)
    assert response.status_code == 200, url
