"""The sample catalogue's data files: what the loader accepts and how it reports a mistake."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from job_assets_sandbox.catalog.data import DATA_DIR, load_companies, load_places, load_roles
from job_assets_sandbox.catalog.model import Pay, PayTier


def _copy(tmp_path: Path) -> Path:
    root = tmp_path / "catalog"
    for name in ("companies", "roles"):
        shutil.copytree(DATA_DIR / name, root / name)
    for name in ("index.yaml", "places.yaml"):
        shutil.copy(DATA_DIR / name, root / name)
    return root


def test_files_load_into_typed_records() -> None:
    companies = load_companies()
    assert [c.slug for c in companies][:2] == ["northwind-robotics", "tidewater-analytics"]
    kestrel = next(c for c in companies if c.slug == "kestrel-security")
    detection = next(o for o in kestrel.openings if o.key == "detection")
    assert isinstance(detection.pay, Pay)
    assert isinstance(detection.locations, tuple)
    assert PayTier("Canada", 160000, 190000, "CAD") in detection.pay.tiers
    roles = load_roles()
    assert all(o.role in roles for c in companies for o in c.openings)
    places = load_places()
    assert all(k in places for c in companies for o in c.openings for k in o.locations)


def test_an_unknown_field_names_the_file_and_field(tmp_path: Path) -> None:
    root = _copy(tmp_path)
    path = root / "companies" / "kestrel.yaml"
    path.write_text(path.read_text().replace("  posted: 7\n", "  posted: 7\n  postd: 8\n", 1))
    with pytest.raises(ValueError, match=r"kestrel\.yaml.*openings\[0\].*unknown field.*postd"):
        load_companies(root)


def test_a_wrong_literal_is_refused(tmp_path: Path) -> None:
    root = _copy(tmp_path)
    path = root / "companies" / "kestrel.yaml"
    path.write_text(path.read_text().replace("workplace: remote", "workplace: remotely", 1))
    with pytest.raises(ValueError, match=r"workplace: 'remotely' is not one of"):
        load_companies(root)


def test_a_file_the_index_does_not_list_is_an_error(tmp_path: Path) -> None:
    root = _copy(tmp_path)
    shutil.copy(root / "companies" / "kestrel.yaml", root / "companies" / "kestrel2.yaml")
    with pytest.raises(ValueError, match=r"present but not listed \['kestrel2'\]"):
        load_companies(root)
