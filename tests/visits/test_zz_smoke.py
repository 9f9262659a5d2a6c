import pytest
from tests.visits.sample_urls import SAMPLE_URLS

@pytest.mark.parametrize("url", SAMPLE_URLS)
def test_smoke(sample_person, client, url, django_assert_max_num_queries):
    with django_assert_max_num_queries(6):
        r = client.get(url)
    print(url, r.status_code)
    assert r.status_code == 200, r.content.decode()[:3000]
