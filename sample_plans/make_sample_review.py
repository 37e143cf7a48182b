"""Generate the sample review: the sample school with a design meeting's first markups.

Run ``python sample_plans/make_sample_review.py [OUT.dreview]`` after regenerating the
drawing. The review embeds ``sample_school.dxf`` byte for byte and is reproducible: ids
and times are fixed. Locations are metres in the drawing's frame (inches x 0.0254);
see README.md for the planted flaws these markups point at.
"""

from __future__ import annotations

import hashlib
import sys
from pathlib import Path

from designreview.model.ids import MarkupId, ReviewerId, ReviewId, SheetId
from designreview.model.lineage import Lineage
from designreview.model.markups import (
    AccessControl,
    AccessKind,
    AccessPoint,
    Comment,
    CommentStatus,
    Designation,
    LockFunction,
    Markup,
    Observer,
    ObserverKind,
    Priority,
    Reply,
    Stamp,
    StatusChange,
)
from designreview.model.review import Review, Reviewer, ReviewInfo, Sheet, SourceFile
from designreview.review_file.archive import review_bytes

HERE = Path(__file__).resolve().parent
INCH = 0.0254
ARCHITECT = ReviewerId("reviewer-architect")
OFFICER = ReviewerId("reviewer-police")
FIRE = ReviewerId("reviewer-fire")
PRINCIPAL = ReviewerId("reviewer-principal")
SHEET = SheetId("sheet-level-1")
MEETING = "2026-11-20T09:00:00+00:00"


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
    """The sample review of the drawing at ``drawing``."""
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
        sheets=(Sheet(SHEET, "Level 1", source.name, source.sha256),),
        markups=tuple(access_points() + comments()),
        sources=(source,),
        lineage=Lineage(revision="sample-school-1"),
    )


def main(argv: list[str]) -> int:
    """Write the sample review next to the drawing (or to ``argv[0]``)."""
    out = Path(argv[0]) if argv else HERE / "sample_school.dreview"
    review = sample_review(HERE / "sample_school.dxf")
    out.write_bytes(review_bytes(review, saved_by="sample generator", saved_at=MEETING))
    print(f"wrote {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
