"""phones rules as data."""
