"""Admin for the in-person visiting rules."""
