"""Indexes kept between check runs: equal lines reuse them, results never change."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest

import designreview.analysis.rules.base as base
import designreview.analysis.rules.lockdown_race as lockdown_race
from designreview.analysis.index_cache import IndexCache
from designreview.analysis.parts import Part
from designreview.analysis.run import run_checks
from designreview.model.markups import Observer
from designreview.review_file.inputs import load_review_and_plans
from designreview.review_file.sample import sample_review_path


@pytest.fixture(scope="module")
def sample():
    return load_review_and_plans(sample_review_path())


def counting(monkeypatch, name, modules=(base,)):
    """Count the calls of the builder ``name`` of ``modules`` from now on."""
    calls = []
    for module in modules:
        built = getattr(module, name)
        monkeypatch.setattr(
            module, name, lambda s, built=built: calls.append(len(s)) or built(s)
        )
    return calls


def test_a_rerun_over_the_same_lines_builds_no_index_and_finds_the_same(
    sample, monkeypatch
):
    review, plans = sample
    walks = counting(monkeypatch, "build_walk_index", (base, lockdown_race))
    sights = counting(monkeypatch, "build_visibility_index")
    cache = IndexCache()
    first = run_checks(review, plans, indexes=cache)
    # The sample's one sheet: the walk with its exterior doors shut (refuge and
    # egress), the intruder's walk (LOCK-1) and the sight index, each built once.
    assert (len(walks), len(sights)) == (2, 1)
    again = run_checks(review, plans, indexes=cache)
    assert (len(walks), len(sights)) == (2, 1)  # nothing built again
    assert again == first == run_checks(review, plans)


def test_a_staff_post_moved_reuses_the_sight_index_and_finds_as_a_fresh_run(
    sample, monkeypatch
):
    review, plans = sample
    cache = IndexCache()
    first = run_checks(review, plans, indexes=cache)
    sights = counting(monkeypatch, "build_visibility_index")
    post = next(m for m in review.markups if isinstance(m, Observer))
    x, y = post.position
    moved = review.with_markup(replace(post, position=(x + 0.5, y)))
    changed = frozenset({Part.OBSERVERS})
    kept = run_checks(moved, plans, previous=first, changed=changed, indexes=cache)
    assert sights == []  # the walls did not move: the index built before serves
    fresh = run_checks(moved, plans)
    assert kept == fresh


def test_different_lines_build_their_own_index():
    cache, built = IndexCache(kept=2), []

    def build(segments):
        built.append(segments.shape)
        return object()

    a, b = np.zeros((1, 4)), np.ones((2, 4))
    first = cache.get("walk", a, build)
    assert cache.get("walk", b, build) is not first
    assert cache.get("sight", a, build) is not first  # another kind of index
    assert cache.get("walk", a, build) is not first  # pushed out: only two kept
    assert built == [(1, 4), (2, 4), (1, 4), (1, 4)]
