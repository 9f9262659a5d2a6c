"""Pages and guided-form answers of this guide, for the suite-wide checks."""

SAMPLE_URLS: list[str] = []
