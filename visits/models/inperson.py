"""In-person visiting rules: sessions, closures, visitor list, ID, what to bring."""
