"""Pages and guided-form answers of the video visits guide, for the suite-wide checks."""

from datetime import date, timedelta
from urllib.parse import urlencode

# Dates relative to today, so that the answers stay valid whenever the suite runs.
_LATER = (date.today() + timedelta(days=30)).isoformat()
_TOO_SOON = (date.today() + timedelta(days=1)).isoformat()
_ANSWERS = {
    "go": "1",
    "doc_id": "7000001",
    "kind": "remote",
    "day": _LATER,
    "start_time": "10:00",
    "blocks": "2",
    "q_on_visitor_list": "yes",
    "q_attorney_visit": "no",
    "q_child_taking_part": "no",
}


def _answer(path: str = "/visits/video/plan/", **changes) -> str:
    query = {**_ANSWERS, **changes}
    return f"{path}?{urlencode({k: v for k, v in query.items() if v is not None})}"


SAMPLE_URLS: list[str] = [
    "/visits/video/",
    "/visits/video/plan/",
    "/visits/video/plan/?doc_id=7000001",
    "/visits/video/plan/?facility=algoa-correctional-center",
    _answer(),  # yes, from home
    _answer(kind="onsite", blocks=None),  # yes, at the facility
    _answer(doc_id=None, facility="boonville-correctional-center"),  # yes, by facility
    _answer(day=_TOO_SOON),  # too soon
    _answer(q_on_visitor_list="not_sure"),  # check first
    _answer(q_attorney_visit="yes"),  # refused
    _answer(doc_id=None, facility="chillicothe-correctional-center"),  # not offered
    _answer("/visits/video/plan/print/"),  # print view
]
