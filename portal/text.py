"""Text keys for search: case, accents, spaces and punctuation never stop a match."""

import re
import unicodedata

_NOT_ALNUM = re.compile(r"[^a-z0-9]+")


def search_key(value: str) -> str:
    """Lower-case, accent-free form of a name with only letters and digits.

    "José" -> "jose", "O'Brien" -> "obrien", "De La Cruz" -> "delacruz".
    """
    decomposed = unicodedata.normalize("NFKD", value or "")
    ascii_only = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _NOT_ALNUM.sub("", ascii_only.casefold())


_DOC_ID_NOISE = str.maketrans("", "", " -#\t")


def normalize_doc_id(raw: str) -> str:
    """Drop what people type around a DOC ID: spaces, dashes, '#'."""
    return (raw or "").strip().translate(_DOC_ID_NOISE)


def is_doc_id(value: str) -> bool:
    """ASCII digits only (str.isdigit() alone would also accept "²" and "١").

    Two string methods, not a regular expression: a search asks this of each of its
    twenty result lines, and the pattern took more than twice as long.
    """
    return bool(value) and value.isascii() and value.isdigit()


def looks_like_doc_id(query: str) -> bool:
    return is_doc_id(normalize_doc_id(query))
