"""mail rules as data."""
