"""The guide addresses that look up a DOC ID, with answers valid on the day NOW."""

from urllib.parse import urlencode

NOW = "2026-03-02 10:00:00 +0000"  # a Monday
KNOWN = "7000001"
UNKNOWN = "9999999"

_VIDEO = {
    "kind": "remote",
    "day": "2026-04-01",
    "start_time": "10:00",
    "blocks": "2",
    "q_on_visitor_list": "yes",
    "q_attorney_visit": "no",
    "q_child_taking_part": "no",
}
_VISIT = {"date": "2026-03-06", "age_1": "40"}  # a Friday

# Each guide address that binds a "who is it for" form, with answers that are valid
# once the DOC ID is known.
GUIDE_FORMS = {
    "mail answer": ("/mail/answer/", {"items": "letter"}),
    "mail envelope": ("/mail/envelope/", {"item": "letter"}),
    "money checklist": ("/money/checklist/", {"method": "mail"}),
    "money print": ("/money/checklist/print/", {"method": "mail"}),
    "phones answer": ("/phones/answer/", {"phone": "cell", "pay": "billed"}),
    "phones cost": ("/phones/cost/", {"calls": "20", "minutes": "15"}),
    "visit plan": ("/visits/plan/", _VISIT),
    "visit print": ("/visits/plan/", {**_VISIT, "print": "1"}),
    "visit calendar": ("/visits/plan/visit.ics", {**_VISIT, "session": "1"}),
    "video plan": ("/visits/video/plan/", _VIDEO),
    "video print": ("/visits/video/plan/print/", _VIDEO),
    "video calendar": ("/visits/video/plan/video-visit.ics", _VIDEO),
}


def answer_url(form: str, doc_id: str = KNOWN) -> str:
    path, answers = GUIDE_FORMS[form]
    return f"{path}?{urlencode({'go': '1', 'doc_id': doc_id, **answers})}"
