"""``designreview map``: the responder map (PDF, GeoJSON, DXF) and its mandate items.

Prints where each file went and every MAP item the chosen state profile still
misses; ``--issue`` records the map as the review's next revision (written back to
REVIEW), so any later edit marks it out of date in the app and in ``check``.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import replace
from typing import TYPE_CHECKING

from designreview.analysis.map_profiles import profile_named
from designreview.analysis.responder_map import next_issue, responder_maps
from designreview.analysis.rules import RULES
from designreview.analysis.run import run_checks
from designreview.model.errors import DesignReviewError
from designreview.review_file.inputs import load_review_and_plans

if TYPE_CHECKING:
    import argparse
    from collections.abc import Mapping

    from designreview.model.findings import Finding
    from designreview.model.plan import Plan
    from designreview.model.review import Review

EXIT_OK, EXIT_STRICT_FAIL = 0, 1
MAP_RULES = {k: v for k, v in RULES.items() if k.startswith("MAP-")}


def run_map_command(options: argparse.Namespace) -> int:
    """Write the map's files, report what the mandate still lacks."""
    review, plans = load_review_and_plans(options.review)
    if options.profile:
        profile = profile_named(options.profile)
        review = replace(
            review, responder=replace(review.responder, profile=profile.key)
        )
    if options.issue:
        review = _issued(options, review, plans)
    from designreview.packet.responder_map import MapOptions, write_responder_map

    pages = write_responder_map(
        review, plans, options.output, MapOptions(options.paper)
    )
    written: dict[str, object] = {"pdf": str(options.output), "pages": pages}
    if options.geojson:
        from designreview.exports.map_geojson import write_map_geojson

        written["geojson_features"] = write_map_geojson(review, plans, options.geojson)
        written["geojson"] = str(options.geojson)
    if options.dxf:
        from designreview.exports.dxf.map_dxf import write_map_dxf

        written["dxf_entities"] = write_map_dxf(review, plans, options.dxf)
        written["dxf"] = str(options.dxf)
    missing = list(run_checks(review, plans, MAP_RULES).findings)
    _report(options, review.responder.profile, written, missing)
    failed = any(f.severity.value == "fail" for f in missing)
    return EXIT_STRICT_FAIL if options.strict and failed else EXIT_OK


def _issued(
    options: argparse.Namespace, review: Review, plans: Mapping[str, Plan]
) -> Review:
    if options.review.suffix.lower() != ".dreview":
        raise DesignReviewError(
            "--issue records the revision in the review: give a .dreview file, "
            "not a drawing."
        )
    from designreview.review_file.revisions import save_revision

    maps = [m for _, m in responder_maps(review, plans)]
    issue = next_issue(review, maps, dt.date.today().isoformat())
    review = replace(review, responder=replace(review.responder, issued=issue))
    return save_revision(review, options.review, saved_by="designreview map")


def _report(
    options: argparse.Namespace,
    profile: str,
    written: dict[str, object],
    missing: list[Finding],
) -> None:
    items = [
        {"rule": f.rule, "severity": f.severity.value, "message": f.message,
         "citation": f.citation, "sheet_id": f.sheet_id}
        for f in missing
    ]  # fmt: skip
    if options.json:
        print(json.dumps({**written, "profile": profile, "missing": items}, indent=1))
        return
    print(f"{written['pdf']}: {written['pages']} pages")
    if "geojson" in written:
        print(f"{written['geojson']}: {written['geojson_features']} features")
    if "dxf" in written:
        print(f"{written['dxf']}: {written['dxf_entities']} entities on MAP-* layers")
    if not items:
        print(f"Responder map complete for the {profile} profile.")
        return
    print(f"The {profile} profile still needs {len(items)} item(s):")
    for item in items:
        print(f"  {item['rule']} {item['severity']}: {item['message']}")
