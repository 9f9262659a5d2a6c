"""Pages and guided-form answers of this guide, for the suite-wide checks."""

SAMPLE_URLS: list[str] = [
    "/visits/",
    "/visits/list/",
    "/visits/list/?go=1&on_other_list=yes&family_of_both=no&supervised=yes&married=no",
    "/visits/plan/",
    "/visits/plan/?doc_id=7000001",
    "/visits/plan/?facility=fulton-reception-and-diagnostic-center",
    "/visits/plan/?go=1&doc_id=7000001&date=2027-01-08&age_1=40&age_2=15&baby=on",
    "/visits/plan/?go=1&doc_id=7000001&date=2027-01-08&age_1=40&print=1",
    "/visits/plan/?go=1&doc_id=7000001&date=2027-01-11&age_1=15",
    "/visits/carry-all/",
    "/visits/carry-all/?go=1&qty_missouri_doc_diapers=7&qty_missouri_doc_blanket=1",
]
