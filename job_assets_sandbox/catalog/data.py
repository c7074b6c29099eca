"""The sample catalogue's content, read from the YAML files next to this module.

`companies/*.yaml` (one company profile with its openings each), `roles/*.yaml` (role archetypes) and
`places.yaml`; `index.yaml` gives the order companies and role files are read in (board order depends on it).
Every value is checked against the dataclasses in `model.py` (field names, literals, nesting), and an error
names the file and the field.
"""

from __future__ import annotations

import dataclasses
import types
from collections.abc import Mapping
from functools import cache
from pathlib import Path
from typing import Any, Literal, TypeVar, Union, get_args, get_origin, get_type_hints

import yaml

from job_assets_sandbox.catalog import model
from job_assets_sandbox.catalog.model import CompanyProfile, Place, Role

DATA_DIR = Path(__file__).resolve().parent
T = TypeVar("T")


def _convert(hint: Any, value: Any, where: str) -> Any:
    """`value` from YAML -> the type `hint` names (tuples, mappings, literals, nested dataclasses)."""
    origin, args = get_origin(hint), get_args(hint)
    if origin in (Union, types.UnionType):
        if value is None and type(None) in args:
            return None
        (inner,) = [a for a in args if a is not type(None)]
        return _convert(inner, value, where)
    if origin is Literal:
        if value not in args:
            raise ValueError(f"{where}: {value!r} is not one of {list(args)}")
        return value
    if origin is tuple:
        if not isinstance(value, list):
            raise ValueError(f"{where}: expected a list, got {value!r}")
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple(_convert(args[0], v, f"{where}[{i}]") for i, v in enumerate(value))
        if len(args) != len(value):
            raise ValueError(f"{where}: expected {len(args)} items, got {value!r}")
        return tuple(
            _convert(a, v, f"{where}[{i}]") for i, (a, v) in enumerate(zip(args, value, strict=True))
        )
    if origin in (Mapping, dict):
        if not isinstance(value, dict):
            raise ValueError(f"{where}: expected a mapping, got {value!r}")
        return {_convert(args[0], k, where): _convert(args[1], v, f"{where}.{k}") for k, v in value.items()}
    if dataclasses.is_dataclass(hint):
        return build(hint, value, where)
    if hint in (str, int, float, bool) and not isinstance(value, hint):
        raise ValueError(f"{where}: expected {hint.__name__}, got {value!r}")
    return value


def build(cls: type[T], data: Any, where: str) -> T:
    """One dataclass from a YAML mapping; unknown or missing fields are errors naming `where`."""
    if not isinstance(data, dict):
        raise ValueError(f"{where}: expected a mapping, got {data!r}")
    hints = get_type_hints(cls, vars(model))
    fields = {f.name: f for f in dataclasses.fields(cls)}  # type: ignore[arg-type]
    unknown = sorted(set(data) - set(fields))
    if unknown:
        raise ValueError(f"{where}: unknown field(s) {unknown} for {cls.__name__}")
    missing = [
        n
        for n, f in fields.items()
        if n not in data and f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING
    ]
    if missing:
        raise ValueError(f"{where}: missing field(s) {missing} for {cls.__name__}")
    return cls(**{k: _convert(hints[k], v, f"{where}.{k}") for k, v in data.items()})


def _read(path: Path) -> Any:
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as error:
        raise ValueError(f"{path}: not valid YAML: {error}") from error


def _indexed(folder: Path, names: list[str]) -> list[Path]:
    """The files `index.yaml` lists, in its order; a file it does not list is an error (not silently left out)."""
    on_disk = {p.stem for p in folder.glob("*.yaml")}
    if set(names) != on_disk:
        raise ValueError(
            f"{DATA_DIR / 'index.yaml'} and {folder} disagree: listed but missing {sorted(set(names) - on_disk)}, "
            f"present but not listed {sorted(on_disk - set(names))}"
        )
    return [folder / f"{name}.yaml" for name in names]


@cache
def load_places(root: Path = DATA_DIR) -> dict[str, Place]:
    path = root / "places.yaml"
    places = [build(Place, p, f"{path}: places[{i}]") for i, p in enumerate(_read(path)["places"])]
    return {p.key: p for p in places}


@cache
def load_roles(root: Path = DATA_DIR) -> dict[str, Role]:
    roles: dict[str, Role] = {}
    for path in _indexed(root / "roles", _read(root / "index.yaml")["roles"]):
        for i, data in enumerate(_read(path)["roles"]):
            role = build(Role, data, f"{path}: roles[{i}]")
            if role.key in roles:
                raise ValueError(f"{path}: duplicate role archetype {role.key!r}")
            roles[role.key] = role
    return roles


@cache
def load_companies(root: Path = DATA_DIR) -> tuple[CompanyProfile, ...]:
    paths = _indexed(root / "companies", _read(root / "index.yaml")["companies"])
    return tuple(build(CompanyProfile, _read(path), str(path)) for path in paths)
