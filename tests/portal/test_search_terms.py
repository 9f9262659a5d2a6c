"""A search is checked without making a form, and the check agrees with the form."""

import pytest
from django.http import QueryDict
from hypothesis import given
from hypothesis import strategies as st

from portal.forms import PeopleSearchForm


def form_says(data: QueryDict) -> dict | None:
    form = PeopleSearchForm(data)
    return form.cleaned_data if form.is_valid() else None


@pytest.mark.parametrize(
    "query",
    [
        "",
        "q=",
        "q=+++",
        "q=%27",
        "q=!!!",
        "q=Garc%C3%ADa",
        "q=+1100-002+",
        "q=garcia&first=+Ana+",
        "q=Ana+Garc%C3%ADa",
        "q=" + "x" * 100,
        "q=" + "x" * 101,
        "q=ana&first=" + "y" * 101,
        "q=ab%00cd",
        "first=Ana",
        "q=first&q=second",
        "q=garcia&n=7&other=1",
    ],
)
def test_a_search_is_cleaned_as_the_form_cleans_it(query):
    data = QueryDict(query)
    assert PeopleSearchForm.terms(data) == form_says(data)


@given(q=st.text(max_size=120), first=st.text(max_size=120))
def test_any_typed_search_is_cleaned_as_the_form_cleans_it(q, first):
    data = QueryDict(mutable=True)
    data.update({"q": q, "first": first})
    assert PeopleSearchForm.terms(data) == form_says(data)
