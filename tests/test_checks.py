"""The models and their checks (checks.py): frozen records built only from values that passed."""

from __future__ import annotations

import pytest

from jxs_catalog.checks import INVALID, Context, Problem, validate
from jxs_catalog.fields import ELEMENTS
from jxs_catalog.models import Addition, Settings, Township, Village


def test_a_model_is_frozen_and_compared_by_its_values() -> None:
    village = Village(name="林坪村", kind="村")
    with pytest.raises(AttributeError):
        village.name = "别的村"  # type: ignore[misc]
    assert village == Village(name="林坪村", code=None, kind="村")
    assert village != Village(name="林坪村", kind="社区")
    assert len({village, Village(name="林坪村", kind="村")}) == 1


def test_a_model_needs_its_required_fields_and_no_others() -> None:
    with pytest.raises(TypeError):
        Village(name="林坪村")
    with pytest.raises(TypeError):
        Village(name="林坪村", kind="村", size=3)


def test_defaults_fill_what_is_not_written() -> None:
    problems: list[Problem] = []
    settings = validate(Settings, {"county": "样例县"}, Context(), (), problems)
    assert problems == []
    assert (settings.title, settings.paper, settings.channels, settings.site.base_url) == (
        "基层政务公开标准目录", "A4", (), None)


def test_an_addition_checks_the_item_elements_then_its_domain() -> None:
    assert [f.name for f in Addition.FIELDS] == [*(e.key for e in ELEMENTS), "domain"]


def test_every_problem_of_a_file_is_recorded_at_its_place() -> None:
    problems: list[Problem] = []
    town = {"name": "乡镇", "villages": ["林坪村", {"name": ["a"]}, None], "exclusions": "全部"}
    assert validate(Township, town, Context(), (), problems) is INVALID
    assert [(p["type"], p["loc"]) for p in problems] == [
        ("JXS104", ("villages", 1, "name")), ("missing", ("villages", 1, "kind")),
        ("model_type", ("villages", 2)), ("tuple_type", ("exclusions",))]
