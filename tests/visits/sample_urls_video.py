"""Pages and guided-form answers of the video visits guide, for the suite-wide checks."""

SAMPLE_URLS: list[str] = []
