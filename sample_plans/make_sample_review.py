"""Generate the sample review: the sample school with a design meeting's first markups.

Run ``python sample_plans/make_sample_review.py [OUT.dreview]`` after regenerating the
drawing. The review embeds ``sample_school.dxf`` byte for byte and is reproducible: ids
and times are fixed. Locations are metres in the drawing's frame (inches x 0.0254);
see README.md for the planted flaws these markups point at.
"""

from __future__ import annotations

import hashlib
import math
import sys
from dataclasses import replace
from pathlib import Path

from designreview.analysis.responder_map import map_fingerprint, responder_maps
from designreview.model.ids import MarkupId, ReviewerId, ReviewId, SheetId
from designreview.model.lineage import Lineage
from designreview.model.markups import (
    AccessControl,
    AccessKind,
    AccessPoint,
    AssetKind,
    Comment,
    CommentStatus,
    Designation,
    LockFunction,
    Markup,
    Observer,
    ObserverKind,
    Priority,
    Reply,
    ResponderMark,
    Stamp,
    StatusChange,
)
from designreview.model.responder import GeoPoint, MapIssue, ResponderInfo
from designreview.model.review import Review, Reviewer, ReviewInfo, Sheet, SourceFile
from designreview.review_file.archive import review_bytes
from designreview.review_file.sheets import plans_for_sheets

HERE = Path(__file__).resolve().parent
INCH = 0.0254
ARCHITECT = ReviewerId("reviewer-architect")
OFFICER = ReviewerId("reviewer-police")
FIRE = ReviewerId("reviewer-fire")
PRINCIPAL = ReviewerId("reviewer-principal")
SHEET = SheetId("sheet-level-1")
MEETING = "2026-11-20T09:00:00+00:00"
TRUE_NORTH_DEG = 12.0
"""The drawing's up is project north; true north lies 12 degrees clockwise of it."""
SW_CORNER = (30.48, 30.48, 30.2672, -97.7431)
"""The building's south-west corner in the drawing (metres) and on Earth (WGS84)."""


def at(x_in: float, y_in: float) -> tuple[float, float]:
    """Drawing inches to model metres (the sample sits near the origin: no shift)."""
    return (round(x_in * INCH, 4), round(y_in * INCH, 4))


def stamp(who: ReviewerId, minute: int) -> Stamp:
    """A time during the design meeting."""
    return Stamp(who, f"2026-11-20T09:{minute:02d}:00+00:00")


def access_points() -> list[Markup]:
    """The main entry, and the kitchen service door the officer marks as propped.

    The architect described the main entry; the officer marks kitchen door E5 as
    propped open for deliveries, as it is at the district's other schools (at
    Uvalde an exterior door was left open).
    """
    made = stamp(ARCHITECT, 5)
    return [
        AccessPoint(
            MarkupId("ap-e1"),
            SHEET,
            made,
            made,
            at(3000, 1200),
            kind=AccessKind.EXTERIOR_DOOR,
            designation=Designation.PRIMARY_VISITOR_ENTRY,
            lock=LockFunction.KEY_OUTSIDE_ONLY,
            access_control=(AccessControl.CARD_READER, AccessControl.CAMERA_INTERCOM),
            door_number="E1",
            width_m=1.83,
        ),
        AccessPoint(
            MarkupId("ap-114a"),
            SHEET,
            made,
            made,
            at(2280, 2070),
            kind=AccessKind.INTERIOR_DOOR,
            lock=LockFunction.NONE,
            door_number="114A",
        ),
        AccessPoint(
            MarkupId("ap-e5"),
            SHEET,
            stamp(OFFICER, 14),
            stamp(OFFICER, 14),
            at(3480, 2880),
            kind=AccessKind.EXTERIOR_DOOR,
            designation=Designation.EGRESS_ONLY,
            door_number="E5",
            is_propped=True,
        ),
        Observer(
            MarkupId("obs-reception"),
            SHEET,
            made,
            made,
            at(3150, 1476),
            ObserverKind.RECEPTION_DESK,
            "Reception desk",
        ),
    ]


def exterior_designations() -> list[Markup]:
    """The fire marshal designates the other exterior doors for the responder map.

    E2 and E9, at the ends of main corridor 150, are staff entries with card
    readers; the rest are exits only (non-designated for responders).
    """
    made = stamp(FIRE, 40)
    doors = {
        "E2": ((1200, 1620), Designation.SECONDARY_STAFF_ENTRY),
        "E3": ((2340, 3480), Designation.EGRESS_ONLY),
        "E4": ((3120, 2400), Designation.EGRESS_ONLY),
        "E6": ((3780, 2520), Designation.EGRESS_ONLY),
        "E7": ((3960, 2640), Designation.EGRESS_ONLY),
        "E8": ((4800, 2160), Designation.EGRESS_ONLY),
        "E9": ((4800, 1620), Designation.SECONDARY_STAFF_ENTRY),
    }
    return [
        AccessPoint(
            MarkupId(f"ap-{number.lower()}"),
            SHEET,
            made,
            made,
            at(*where),
            kind=AccessKind.EXTERIOR_DOOR,
            designation=designation,
            door_number=number,
        )
        for number, (where, designation) in doors.items()
    ]


def responder_marks() -> list[Markup]:
    """What the fire marshal and the officer located on the walk-through."""
    made = stamp(FIRE, 45)
    items = [
        ("rm-knox", (3090, 1160), AssetKind.KEY_BOX, "at main entry E1"),
        ("rm-facp", (2870, 1300), AssetKind.FIRE_ALARM_PANEL, "main office"),
        ("rm-aed-lobby", (2860, 1600), AssetKind.AED, "corridor at lobby"),
        ("rm-aed-gym", (4500, 2350), AssetKind.AED, "gym"),
        ("rm-trauma", (3560, 1300), AssetKind.TRAUMA_KIT, "nurse"),
        ("rm-panic", (3180, 1300), AssetKind.PANIC_ALERT, "reception desk"),
        ("rm-gas", (3300, 2940), AssetKind.GAS_SHUTOFF, "meter, north wall"),
        ("rm-electric", (3090, 2090), AssetKind.ELECTRIC_SHUTOFF, "main panel"),
        ("rm-water", (3380, 2600), AssetKind.WATER_SHUTOFF, "kitchen"),
        ("rm-hazmat", (2720, 1980), AssetKind.HAZMAT, "lab chemicals"),
        ("rm-hall-150", (2520, 1620), AssetKind.HALLWAY_NAME, "Main Hall"),
        ("rm-hall-151", (2340, 2700), AssetKind.HALLWAY_NAME, "Classroom Wing"),
        ("rm-hall-152", (2928, 1920), AssetKind.HALLWAY_NAME, "Service Hall"),
        ("rm-staging", (3700, 1110), AssetKind.STAGING_AREA, "bus loop"),
        ("rm-reunify", (1500, 1110), AssetKind.REUNIFICATION, "west field"),
        ("rm-parking", (4350, 1110), AssetKind.PARKING, "staff lot"),
        ("rm-road", (2400, 1080), AssetKind.ROAD, "Example Road"),
    ]
    return [
        ResponderMark(MarkupId(mid), SHEET, made, made, at(*where), kind, label)
        for mid, where, kind, label in items
    ]


def geo_reference() -> tuple[GeoPoint, GeoPoint]:
    """The south-west and south-east corners of the building, on Earth.

    The front facade runs along the plan's x, whose bearing is 90 - 12 = 78 degrees
    (true north 12 degrees clockwise of the plan's up): 91.44 m along it moves
    91.44 sin 78 = 89.44 m east and 91.44 cos 78 = 19.01 m north.
    """
    x, y, lat, lon = SW_CORNER
    bearing = math.radians(90.0 - TRUE_NORTH_DEG)
    east, north = 91.44 * math.sin(bearing), 91.44 * math.cos(bearing)
    metres_per_degree = 111_320.0
    lat2 = lat + north / metres_per_degree
    lon2 = lon + east / (metres_per_degree * math.cos(math.radians(lat)))
    return (
        GeoPoint(x, y, lat, lon),
        GeoPoint(x + 91.44, y, round(lat2, 7), round(lon2, 7)),
    )


def comments() -> list[Markup]:
    """What the officer, the fire marshal and the principal raised in the meeting."""
    officer, fire, principal = stamp(OFFICER, 12), stamp(FIRE, 20), stamp(PRINCIPAL, 25)
    answer = stamp(ARCHITECT, 31)
    return [
        Comment(
            MarkupId("c-reception"),
            SHEET,
            officer,
            answer,
            at(3150, 1476),
            "Reception cannot see the vestibule or the entry doors: a visitor "
            "waits unseen. Add glazing from reception onto the vestibule.",
            agency="City Police",
            status=CommentStatus.ANSWERED,
            priority=Priority.HIGH,
            replies=(
                Reply(
                    answer,
                    "We will study a transaction window onto the "
                    "vestibule with security glazing.",
                ),
            ),
            history=(
                StatusChange(officer, CommentStatus.OPEN),
                StatusChange(answer, CommentStatus.ANSWERED),
            ),
        ),
        Comment(
            MarkupId("c-117"),
            SHEET,
            officer,
            officer,
            at(2520, 2580),
            "Classroom 117: two doors with sidelites leave no corner out of "
            "sight of the door glass.",
            agency="City Police",
            priority=Priority.HIGH,
            history=(StatusChange(officer, CommentStatus.OPEN),),
        ),
        Comment(
            MarkupId("c-cafeteria"),
            SHEET,
            principal,
            principal,
            at(3480, 2100),
            "Lunch periods: about 270 students here. Which doors lock?",
            agency="School administration",
            priority=Priority.CRITICAL,
            history=(StatusChange(principal, CommentStatus.OPEN),),
        ),
        Comment(
            MarkupId("c-152"),
            SHEET,
            fire,
            fire,
            at(2928, 1890),
            "Corridor 152 is a 35 ft dead end.",
            agency="Fire marshal",
            history=(StatusChange(fire, CommentStatus.OPEN),),
        ),
    ]


def sample_review(drawing: Path) -> Review:
    """The sample review of the drawing at ``drawing``, its responder map issued."""
    return issued(unissued_review(drawing))


def unissued_review(drawing: Path) -> Review:
    """The sample review before its responder map was issued."""
    data = drawing.read_bytes()
    source = SourceFile(drawing.name, hashlib.sha256(data).hexdigest(), data)
    return Review(
        id=ReviewId("sample-school-review"),
        info=ReviewInfo(
            school="Sample Elementary School (fictional)",
            project="New building, design development",
            meeting_date="2026-11-20",
        ),
        reviewers=(
            Reviewer(ARCHITECT, "Dana Whitfield", "Architect", "Project architect"),
            Reviewer(
                OFFICER, "Sgt. Luis Ortega", "City Police", "School resource officer"
            ),
            Reviewer(FIRE, "Pat Okafor", "Fire marshal", "Plans examiner"),
            Reviewer(PRINCIPAL, "Dr. Mei Chen", "School administration", "Principal"),
        ),
        sheets=(
            Sheet(
                SHEET,
                "Level 1",
                source.name,
                source.sha256,
                true_north_deg=TRUE_NORTH_DEG,
            ),
        ),
        markups=tuple(
            access_points() + exterior_designations() + responder_marks() + comments()
        ),
        sources=(source,),
        lineage=Lineage(revision="sample-school-1"),
        responder=ResponderInfo(
            address="1200 Example Road, Springfield, Texas (fictional)",
            walkthrough_date="2026-11-20",
            profile="texas",
            geo_reference=geo_reference(),
        ),
    )


def issued(review: Review) -> Review:
    """The review with its responder map issued as revision 1 on the meeting day."""
    maps = [m for _, m in responder_maps(review, plans_for_sheets(review))]
    issue = MapIssue(1, "2026-11-20", map_fingerprint(review, maps))
    return replace(review, responder=replace(review.responder, issued=issue))


def main(argv: list[str]) -> int:
    """Write the sample review next to the drawing (or to ``argv[0]``)."""
    out = Path(argv[0]) if argv else HERE / "sample_school.dreview"
    review = sample_review(HERE / "sample_school.dxf")
    out.write_bytes(review_bytes(review, saved_by="sample generator", saved_at=MEETING))
    print(f"wrote {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
