"""funds rules as data."""
