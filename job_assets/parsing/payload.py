"""Typed reads from an untrusted ATS payload.

Every parser reads through these helpers so a posting whose shape has drifted (a title that is
a dict, a location list that is a string) fails with a `PostingError` naming the field, which the
dispatcher turns into a per-posting problem instead of failing the whole company.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any


class PostingError(ValueError):
    """One posting cannot be parsed; the message says which field and why."""


def _type_name(value: object) -> str:
    return {dict: "object", list: "array", str: "string", bool: "boolean"}.get(
        type(value), type(value).__name__
    )


def opt_str(obj: Mapping[str, Any], key: str, where: str = "") -> str | None:
    """A string field, stripped; None when absent, null or blank."""
    value = obj.get(key)
    if value is None:
        return None
    if not isinstance(value, str):
        raise PostingError(f"{where}{key}: expected string, got {_type_name(value)}")
    value = value.strip()
    return value or None


def req_str(obj: Mapping[str, Any], key: str, where: str = "") -> str:
    value = opt_str(obj, key, where)
    if value is None:
        raise PostingError(f"missing {where}{key}")
    return value


def req_id(obj: Mapping[str, Any], key: str = "id") -> str:
    """An id that the ATS gives as a string or an integer (Greenhouse), as a string."""
    value = obj.get(key)
    if value is None or value == "":
        raise PostingError(f"missing {key}")
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        raise PostingError(f"{key}: expected string or integer, got {_type_name(value)}")
    text = str(value).strip()
    if not text:
        raise PostingError(f"missing {key}")
    return text


def opt_dict(obj: Mapping[str, Any], key: str, where: str = "") -> dict[str, Any]:
    """An object field; {} when absent or null so callers can chain `.get`."""
    value = obj.get(key)
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise PostingError(f"{where}{key}: expected object, got {_type_name(value)}")
    return value


def opt_list(obj: Mapping[str, Any], key: str, where: str = "") -> list[Any]:
    value = obj.get(key)
    if value is None:
        return []
    if not isinstance(value, list):
        raise PostingError(f"{where}{key}: expected array, got {_type_name(value)}")
    return value


def dict_items(obj: Mapping[str, Any], key: str, where: str = "") -> list[dict[str, Any]]:
    """An array of objects (offices, lists, compensation components)."""
    items = opt_list(obj, key, where)
    for i, item in enumerate(items):
        if not isinstance(item, dict):
            raise PostingError(f"{where}{key}[{i}]: expected object, got {_type_name(item)}")
    return items


def str_items(obj: Mapping[str, Any], key: str, where: str = "") -> list[str]:
    """An array of strings (Lever allLocations); nulls and blanks dropped."""
    out: list[str] = []
    for i, item in enumerate(opt_list(obj, key, where)):
        if item is None:
            continue
        if not isinstance(item, str):
            raise PostingError(f"{where}{key}[{i}]: expected string, got {_type_name(item)}")
        if item.strip():
            out.append(item.strip())
    return out


def opt_number(obj: Mapping[str, Any], key: str, where: str = "") -> float | None:
    """A number the ATS may send as a JSON number or a numeric string."""
    value = obj.get(key)
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        raise PostingError(f"{where}{key}: expected number, got boolean")
    if isinstance(value, (int, float)):
        return float(value)
    if isinstance(value, str):
        try:
            return float(value.replace(",", "").strip())
        except ValueError:
            raise PostingError(f"{where}{key}: expected number, got {value!r}") from None
    raise PostingError(f"{where}{key}: expected number, got {_type_name(value)}")


def opt_bool(obj: Mapping[str, Any], key: str, where: str = "") -> bool | None:
    value = obj.get(key)
    if value is None:
        return None
    if not isinstance(value, bool):
        raise PostingError(f"{where}{key}: expected boolean, got {_type_name(value)}")
    return value
