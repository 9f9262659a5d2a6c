"""Pages and guided-form answers of this guide, for the suite-wide checks."""

SAMPLE_URLS: list[str] = [
    "/mail/",
    "/mail/?doc_id=7000001",
    "/mail/?facility=algoa-correctional-center",
    "/mail/answer/",
    "/mail/answer/?go=1&doc_id=7000001&items=letter&items=photo&items=legal&items=publication"
    "&items=stamps_paper",
    "/mail/answer/?go=1&name=Ana+Garc%C3%ADa&facility=algoa-correctional-center"
    "&items=card&items=certified&items=visitor_application&items=government&items=other_items",
    "/mail/photo-size/",
    "/mail/photo-size/?go=1&width=4&height=6",
    "/mail/photo-size/?go=1&width=5&height=7",
    "/mail/envelope/",
    "/mail/envelope/?go=1&doc_id=7000001&item=letter",
    "/mail/envelope/?go=1&doc_id=7000001&item=legal",
    "/mail/envelope/?go=1&doc_id=7000001&item=publication",
]
