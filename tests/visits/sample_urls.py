"""Pages and guided-form answers of this guide, for the suite-wide checks."""

from datetime import date, timedelta

# Dates relative to today, so that the answers stay valid whenever the suite runs:
# a Friday (a visiting day) at least two weeks away, and the Monday after it.
_SOON = date.today() + timedelta(days=14)
_FRIDAY = (_SOON + timedelta(days=(4 - _SOON.weekday()) % 7)).isoformat()
_MONDAY = (_SOON + timedelta(days=(4 - _SOON.weekday()) % 7 + 3)).isoformat()

SAMPLE_URLS: list[str] = [
    "/visits/",
    "/visits/list/",
    "/visits/list/?go=1&on_other_list=yes&family_of_both=no&supervised=yes&married=no",
    "/visits/plan/",
    "/visits/plan/?doc_id=7000001",
    "/visits/plan/?facility=fulton-reception-and-diagnostic-center",
    f"/visits/plan/?go=1&doc_id=7000001&date={_FRIDAY}&age_1=40&age_2=15&baby=on",
    f"/visits/plan/?go=1&doc_id=7000001&date={_FRIDAY}&age_1=40&print=1",
    f"/visits/plan/?go=1&doc_id=7000001&date={_MONDAY}&age_1=15",
    "/visits/carry-all/",
    "/visits/carry-all/?go=1&qty_missouri_doc_diapers=7&qty_missouri_doc_blanket=1",
]
