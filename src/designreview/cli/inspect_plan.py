"""``designreview inspect``: what a drawing holds, before anyone reviews it."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from designreview.cli.floors import floors_line, floors_report
from designreview.readers.any_plan import read_plan

if TYPE_CHECKING:
    import argparse

    from designreview.model.plan import Plan

EXIT_OK = 0


def run_inspect_command(options: argparse.Namespace) -> int:
    """``designreview inspect PLAN [--json]``."""
    report = inspect_report(read_plan(options.plan))
    if options.json:
        print(json.dumps(report, indent=2, ensure_ascii=False))
    else:
        print(_inspect_text(report))
    return EXIT_OK


def inspect_report(plan: Plan) -> dict[str, Any]:
    """The ``inspect --json`` contract: what a drawing holds (PRODUCT.md section 7)."""
    return {
        "file": plan.source_name,
        "version": plan.dxf_version,
        "units": plan.units.name.lower(),
        "scale_to_m": plan.scale_to_m,
        "extents": [round(v, 6) for v in plan.drawing_extents_m.as_list()],
        "local_origin": list(plan.origin_m),
        "layers": [
            {
                "name": info.name,
                "category": info.category.value,
                "entities": info.entity_count,
                "visible": info.is_visible,
            }
            for info in plan.layers
        ],
        "counts": {
            "walls": plan.counts.walls,
            "doors": plan.counts.doors,
            "windows": plan.counts.windows,
            "spaces": plan.counts.spaces,
            "labels": len(plan.labels),
            "segments": sum(len(work.segments) for work in plan.linework),
            "doors_by_method": dict(plan.counts.doors_by_method),
            "windows_by_source": dict(plan.counts.windows_by_source),
        },
        "warnings": list(plan.warnings),
        "unit_evidence": _unit_evidence(plan),
        "layouts": list(plan.layouts),
        "reader": plan.reader,
        "xrefs": [
            {"name": x.name, "path": x.path, "status": x.status.value}
            for x in plan.xrefs
        ],
        "floors": floors_report(plan),
        "storeys": _storeys(plan),
    }


def _storeys(plan: Plan) -> list[dict[str, Any]]:
    """An IFC model's storeys, in elevation order; empty for a drawing."""
    if plan.bim is None:
        return []
    return [
        {
            "guid": s.guid,
            "name": s.name,
            "elevation_m": s.elevation_m,
            "is_floor": s.is_floor,
            "shown": s.guid == plan.bim.storey_guid,
            "holds": s.summary,
        }
        for s in plan.bim.storeys
    ]


def _unit_evidence(plan: Plan) -> dict[str, Any] | None:
    """Why the plan is read in its unit: what the header said, what geometry said."""
    report = plan.unit_report
    if report is None:
        return None
    return {
        "stated": report.stated.name.lower() if report.stated else None,
        "used": report.used.name.lower(),
        "source": report.source.value,
        "confidence": round(report.confidence, 3),
        "proposed": report.proposed.name.lower() if report.proposed else None,
        "reasons": list(report.reasons),
    }


def _by_kind(counts: dict[str, int]) -> str:
    """``block 3, gap 1``: the kinds that gave something, or ``none``."""
    return ", ".join(f"{kind} {n}" for kind, n in counts.items() if n) or "none"


def _inspect_text(report: dict[str, Any]) -> str:
    counts = report["counts"]
    ext = report["extents"]
    kind = "IFC model" if report["storeys"] else "DXF"
    lines = [
        f"{report['file']}: {kind} {report['version']}, units {report['units']} "
        f"(1 unit = {report['scale_to_m']} m)",
        f"extents (m): {ext[0]:.2f}, {ext[1]:.2f} to {ext[2]:.2f}, {ext[3]:.2f} "
        f"({ext[2] - ext[0]:.1f} x {ext[3] - ext[1]:.1f} m)",
        f"walls {counts['walls']} segments, doors {counts['doors']}, windows "
        f"{counts['windows']}, spaces {counts['spaces']}, labels {counts['labels']}",
        "doors by method: " + _by_kind(counts["doors_by_method"]),
        "windows by source: " + _by_kind(counts["windows_by_source"]),
        f"layers ({len(report['layers'])}):",
    ]
    evidence = report["unit_evidence"]
    if evidence and evidence["source"] == "evidence":
        said = f"the header says {evidence['stated'] or 'nothing'}"
        lines.insert(
            1,
            f"units from the geometry ({said}; {evidence['confidence']:.0%} sure): "
            + "; ".join(evidence["reasons"]),
        )
    floors = floors_line(report["floors"])
    if floors:
        lines.append(floors)
    for storey in report["storeys"]:
        mark = "*" if storey["shown"] else " "
        role = "" if storey["is_floor"] else " (no doors: not a floor)"
        lines.insert(-1, f"{mark} storey {storey['holds']}{role}")
    if report["layouts"]:
        lines.append(f"paper layouts: {', '.join(report['layouts'])}")
    if report["reader"]:
        lines.append(f"read by the {report['reader']}")
    lines += [
        f"  {layer['name']:<32} {layer['category']:<11} {layer['entities']:>7}"
        for layer in report["layers"]
    ]
    lines += [f"note: {warning}" for warning in report["warnings"]]
    return "\n".join(lines)
