"""Pages and guided-form answers of this guide, for the suite-wide checks."""

SAMPLE_URLS: list[str] = [
    "/phones/",
    "/phones/?doc_id=7000001",
    "/phones/?facility=algoa-correctional-center",
    "/phones/answer/",
    "/phones/answer/?phone=cell&pay=billed&doc_id=7000001",
    "/phones/answer/?go=1&phone=cell&pay=billed&doc_id=7000001",
    "/phones/answer/?go=1&phone=cell&pay=ahead&doc_id=7000001",
    "/phones/answer/?go=1&phone=landline&pay=billed&facility=algoa-correctional-center",
    "/phones/answer/?go=1&phone=both&pay=billed",
    "/phones/answer/?go=1&phone=both&pay=ahead&doc_id=7000001",
    "/phones/cost/",
    "/phones/cost/?doc_id=7000001",
    "/phones/cost/?go=1&doc_id=7000001&calls=20&minutes=15",
    "/phones/cost/?go=1&facility=algoa-correctional-center&calls=1&minutes=5",
]
