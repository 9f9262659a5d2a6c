"""Admin for the video visiting rules."""
