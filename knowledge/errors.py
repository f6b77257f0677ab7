"""Errors a threshold document can raise while it is loaded."""

from __future__ import annotations

from pathlib import Path

from pydantic import ValidationError


class DocumentError(ValueError):
    """A threshold document is invalid; the message names the file, the entry and the field."""


class UnknownDocument(LookupError):
    """No threshold document has the requested id."""


def describe(error: ValidationError, path: Path, entry: str | None = None) -> DocumentError:
    """Turn pydantic's error into one that a person editing YAML can act on."""
    lines = []
    for item in error.errors():
        field = ".".join(str(part) for part in item["loc"]) or "(whole entry)"
        lines.append(f"{path}: {entry + ': ' if entry else ''}field {field}: {item['msg']}")
    return DocumentError("\n".join(lines))
