"""The check collects garbage less often while it runs, and restores the thresholds after."""

from __future__ import annotations

import gc

import pytest

from anthology.collection import FIRST_GENERATION, fewer_collections


def test_the_first_threshold_is_raised_inside_and_restored_after() -> None:
    before = gc.get_threshold()
    with fewer_collections():
        inside = gc.get_threshold()
    assert inside == (max(FIRST_GENERATION, before[0]), *before[1:])
    assert gc.get_threshold() == before


def test_the_thresholds_are_restored_when_the_command_fails() -> None:
    before = gc.get_threshold()
    with pytest.raises(RuntimeError), fewer_collections(50_000):
        assert gc.get_threshold()[0] == max(50_000, before[0])
        raise RuntimeError("the check failed")
    assert gc.get_threshold() == before


def test_a_higher_threshold_already_set_is_kept() -> None:
    before = gc.get_threshold()
    gc.set_threshold(500_000, *before[1:])
    try:
        with fewer_collections():
            assert gc.get_threshold()[0] == 500_000
    finally:
        gc.set_threshold(*before)
