"""Pages and guided-form answers of this guide, for the suite-wide checks."""

SAMPLE_URLS: list[str] = [
    "/money/",
    "/money/?doc_id=7000001",
    "/money/?facility=algoa-correctional-center",
    "/money/checklist/",
    "/money/checklist/?method=online",
    "/money/checklist/?go=1&doc_id=7000001&method=mail",
    "/money/checklist/?go=1&doc_id=7000001&method=phone",
    "/money/checklist/?go=1&doc_id=7000001&method=online",
    "/money/checklist/?go=1&name=Ana+Garc%C3%ADa&facility=algoa-correctional-center&method=mail",
    "/money/checklist/print/?go=1&doc_id=7000001&method=mail",
    "/money/checklist/print/?go=1&doc_id=7000001&method=online",
]
