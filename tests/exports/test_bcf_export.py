"""BCF 2.1 export: schema-valid, shaped like the official examples, stable, located."""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import replace
from pathlib import Path
from xml.etree import ElementTree as ET

import numpy as np
import pytest
import xmlschema
from PIL import Image

from designreview.analysis.run import CheckResult, run_checks
from designreview.exports.bcf.export import BcfOptions, bcf_topics, guid, write_bcf
from designreview.exports.bcf.snapshot import BANNER_COLOR
from designreview.model.errors import DesignReviewError
from designreview.model.findings import Severity
from designreview.model.ids import MarkupId, ReviewerId
from designreview.model.markups import (
    Comment,
    CommentShape,
    CommentStatus,
    Priority,
    Reply,
    Stamp,
    StatusChange,
)
from designreview.model.review import Decision, DecisionKind, Reviewer
from designreview.render.style import Theme, palette
from designreview.review_file.inputs import load_review_and_plans
from designreview.review_file.sample import sample_review_path

SCHEMAS = Path(__file__).resolve().parents[2].parent / "shared" / "bcf-schemas"
ORIGIN = (1000.0, 2000.0)
"""The plan is moved far from the origin, as real drawings are: exports must add it."""
GUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
JOSE = ReviewerId("reviewer-jose")
NONE = BcfOptions(severities=frozenset(), include_comments=False)
T_DECIDED = "2026-11-20T10:15:00+00:00"

needs_schemas = pytest.mark.skipif(
    not (SCHEMAS / "2.1").is_dir(), reason="BCF schemas (../shared) not present"
)


@pytest.fixture(scope="module")
def sample():
    """The sample review, far from the origin, with decisions and a lively comment."""
    review, plans = load_review_and_plans(sample_review_path())
    plans = {key: replace(plan, origin_m=ORIGIN) for key, plan in plans.items()}
    result = run_checks(review, plans)
    by_rule = {f.rule: f for f in reversed(result.findings)}
    architect = Stamp(ReviewerId("reviewer-architect"), T_DECIDED)
    police = Stamp(ReviewerId("reviewer-police"), "2026-11-20T10:20:00-05:00")
    decisions = (
        Decision(by_rule["ROOM-1"].key, DecisionKind.WILL_FIX, architect, "",
                 "Architect"),
        Decision(by_rule["ROOM-2"].key, DecisionKind.DISMISS, police, "Film on glass"),
        Decision(by_rule["SURV-1"].key, DecisionKind.ACCEPT, police),
    )  # fmt: skip
    jose = Stamp(JOSE, "2026-11-20T09:40:00+00:00")
    later = Stamp(JOSE, "2026-11-20T11:00:00+00:00")
    comment = Comment(
        MarkupId("c-jose"),
        review.sheets[0].id,
        jose,
        later,
        (70.0, 45.0),
        'Aula 教室 101: "door", glass & <sidelite>\x0b — revisar',
        shape=CommentShape.CLOUD,
        cloud=((68.0, 43.0), (72.0, 43.0), (72.0, 47.0)),
        priority=Priority.LOW,
        replies=(Reply(later, "Reabierto: falta el herraje."),),
        history=(
            StatusChange(jose, CommentStatus.OPEN),
            StatusChange(jose, CommentStatus.RESOLVED, "done"),
            StatusChange(later, CommentStatus.OPEN, "not done"),
        ),
    )
    review = replace(
        review,
        reviewers=(*review.reviewers, Reviewer(JOSE, "José Núñez", "Arquitectura")),
        markups=(*review.markups, comment),
        decisions=decisions,
    )
    return review, plans, result


@pytest.fixture(scope="module")
def exported(sample, tmp_path_factory):
    review, plans, result = sample
    path = tmp_path_factory.mktemp("bcf") / "review.bcfzip"
    count = write_bcf(review, plans, result, path)
    with zipfile.ZipFile(path) as archive:
        files = {name: archive.read(name) for name in archive.namelist()}
    return count, files


def markups(files):
    """Topic GUID -> parsed markup.bcf."""
    return {
        name.split("/")[0]: ET.fromstring(data)
        for name, data in files.items()
        if name.endswith("/markup.bcf")
    }


def topic_of(files, review, kind, key):
    return markups(files)[guid(review.id, kind, key)]


def comments_count(review):
    return sum(isinstance(m, Comment) for m in review.markups)


# -- the zip and its topics ----------------------------------------------------------


def test_one_topic_per_finding_and_comment(sample, exported):
    review, _plans, result = sample
    count, files = exported
    expected = len(result.findings) + comments_count(review)
    assert count == expected == len(markups(files))
    types = [m.find("Topic").get("TopicType") for m in markups(files).values()]
    assert types.count("Issue") == len(result.findings)
    assert types.count("Comment") == comments_count(review)


def test_every_topic_folder_has_markup_viewpoint_and_snapshot(exported):
    _count, files = exported
    folders = {name.split("/")[0] for name in files if "/" in name}
    assert {name for name in files if "/" not in name} == {
        "bcf.version",
        "project.bcfp",
        "extensions.xsd",
    }
    for folder in folders:
        assert GUID.match(folder)
        assert {n.split("/", 1)[1] for n in files if n.startswith(folder)} == {
            "markup.bcf",
            "viewpoint.bcfv",
            "snapshot.png",
        }
        topic = ET.fromstring(files[f"{folder}/markup.bcf"]).find("Topic")
        assert topic.get("Guid") == folder


def test_project_and_version(sample, exported):
    review, _plans, _result = sample
    _count, files = exported
    project = ET.fromstring(files["project.bcfp"])
    assert project.find("Project").get("ProjectId") == review.id
    assert review.info.school in project.findtext("Project/Name")
    version = ET.fromstring(files["bcf.version"])
    assert version.get("VersionId") == "2.1"
    assert version.findtext("DetailedVersion") == "2.1"


def test_guids_are_stable_across_exports(sample, exported, tmp_path):
    review, plans, result = sample
    _count, files = exported
    changed = replace(review, decisions=())  # a re-export after the meeting changed
    path = tmp_path / "again.bcf"
    write_bcf(changed, plans, result, path)
    with zipfile.ZipFile(path) as archive:
        again = {n for n in archive.namelist() if n.endswith("markup.bcf")}
    assert again == {n for n in files if n.endswith("markup.bcf")}
    other = bcf_topics(replace(review, id="another-review"), plans, result)
    assert not {t.guid for t in other} & set(markups(files))


# -- what each topic says ------------------------------------------------------------


def test_finding_topic_words(sample, exported):
    review, _plans, result = sample
    finding = next(f for f in result.findings if f.rule == "EGRESS-2")
    topic = topic_of(exported[1], review, "finding", finding.key).find("Topic")
    assert topic.get("TopicStatus") == "Open"
    assert topic.findtext("Title").startswith("EGRESS-2: CORRIDOR 152")
    assert topic.findtext("Priority") == "High"
    assert [e.text for e in topic.findall("Labels")] == ["EGRESS-2", "Fail", "Level 1"]
    assert topic.findtext("CreationAuthor") == "designreview"
    assert topic.findtext("CreationDate") == "2026-11-20T00:00:00Z"  # meeting date
    description = topic.findtext("Description")
    assert finding.message in description
    assert finding.citation in description
    x, y = finding.location[0] + ORIGIN[0], finding.location[1] + ORIGIN[1]
    assert f"x {x:.3f} m, y {y:.3f} m" in description
    assert topic.find("ModifiedDate") is None


@pytest.mark.parametrize(
    ("rule", "status", "words", "assigned"),
    [
        ("ROOM-1", "In Progress", "Decision: Will fix. Owner: Architect.", "Architect"),
        ("ROOM-2", "Closed", "Decision: Dismissed. Reason: Film on glass", None),
        ("SURV-1", "Closed", "Decision: Accepted.", None),
    ],
)
def test_decisions_set_status_and_become_comments(
    sample, exported, rule, status, words, assigned
):
    review, _plans, result = sample
    finding = next(f for f in result.findings if f.rule == rule)
    markup = topic_of(exported[1], review, "finding", finding.key)
    topic = markup.find("Topic")
    assert topic.get("TopicStatus") == status
    assert topic.findtext("AssignedTo") == assigned
    [comment] = markup.findall("Comment")
    assert comment.findtext("Comment") == words
    assert words in topic.findtext("Description")
    assert comment.findtext("Date") == topic.findtext("ModifiedDate")
    if rule == "ROOM-1":
        assert comment.findtext("Date") == "2026-11-20T10:15:00Z"
        assert comment.findtext("Author") == "Dana Whitfield"
    else:  # recorded at 10:20 in New York: 15:20 UTC
        assert comment.findtext("Date") == "2026-11-20T15:20:00Z"
        assert comment.findtext("Author") == "Sgt. Luis Ortega"


def test_comment_topic_with_thread(sample, exported):
    review, _plans, _result = sample
    markup = topic_of(exported[1], review, "comment", "c-jose")
    topic = markup.find("Topic")
    assert topic.get("TopicType") == "Comment"
    assert topic.get("TopicStatus") == "ReOpened"  # open again after being resolved
    assert topic.findtext("Priority") == "Low"
    assert topic.findtext("CreationAuthor") == "José Núñez"
    assert topic.findtext("CreationDate") == "2026-11-20T09:40:00Z"
    assert topic.findtext("ModifiedDate") == "2026-11-20T11:00:00Z"
    assert [e.text for e in topic.findall("Labels")] == ["Arquitectura", "Level 1"]
    text = 'Aula 教室 101: "door", glass & <sidelite> — revisar'  # \x0b dropped
    assert topic.findtext("Description").startswith(text)
    assert topic.findtext("Title") == text
    thread = [
        (c.findtext("Date"), c.findtext("Comment")) for c in markup.findall("Comment")
    ]
    assert thread == [
        ("2026-11-20T09:40:00Z", "Status: Resolved (done)"),
        ("2026-11-20T11:00:00Z", "Reabierto: falta el herraje."),
        ("2026-11-20T11:00:00Z", "Status: Open (not done)"),
    ]
    viewpoint = markup.find("Viewpoints").get("Guid")
    assert {c.find("Viewpoint").get("Guid") for c in markup.findall("Comment")} == {
        viewpoint
    }
    assert markup.findtext("Viewpoints/Viewpoint") == "viewpoint.bcfv"
    assert markup.findtext("Viewpoints/Snapshot") == "snapshot.png"


@pytest.mark.parametrize(
    ("comment_id", "status", "priority"),
    [("c-reception", "In Progress", "High"), ("c-cafeteria", "Open", "Critical")],
)
def test_comment_status_and_priority(sample, exported, comment_id, status, priority):
    review, _plans, _result = sample
    topic = topic_of(exported[1], review, "comment", comment_id).find("Topic")
    assert (topic.get("TopicStatus"), topic.findtext("Priority")) == (status, priority)


def test_options_choose_findings_and_comments(sample, tmp_path):
    review, plans, result = sample
    options = BcfOptions(severities=frozenset({Severity.FAIL}), include_comments=False)
    count = write_bcf(review, plans, result, tmp_path / "fails.bcf", options)
    assert count == result.count(Severity.FAIL)
    assert bcf_topics(review, plans, CheckResult((), ()), options) == ()


# -- viewpoints and snapshots --------------------------------------------------------


def viewpoint(files, topic_guid):
    return ET.fromstring(files[f"{topic_guid}/viewpoint.bcfv"])


def xyz(element):
    return tuple(float(element.findtext(axis)) for axis in "XYZ")


def test_viewpoint_looks_down_at_the_finding_in_drawing_metres(sample, exported):
    review, _plans, result = sample
    for finding in result.findings:
        topic_guid = guid(review.id, "finding", finding.key)
        view = viewpoint(exported[1], topic_guid)
        camera = view.find("OrthogonalCamera")
        x, y, z = xyz(camera.find("CameraViewPoint"))
        assert (x, y) == pytest.approx(
            (finding.location[0] + ORIGIN[0], finding.location[1] + ORIGIN[1])
        )
        assert z == pytest.approx(1.2)
        assert xyz(camera.find("CameraDirection")) == (0.0, 0.0, -1.0)
        assert xyz(camera.find("CameraUpVector")) == (0.0, 1.0, 0.0)
        assert float(camera.findtext("ViewToWorldScale")) >= 20.0
        markup = markups(exported[1])[topic_guid]
        assert view.get("Guid") == markup.find("Viewpoints").get("Guid")


def test_viewpoint_lines_trace_the_finding_outline(sample, exported):
    review, _plans, result = sample
    finding = next(f for f in result.findings if f.rule == "ROOM-2")
    view = viewpoint(exported[1], guid(review.id, "finding", finding.key))
    starts = [xyz(line.find("StartPoint")) for line in view.iter("Line")]
    ring = finding.overlay[0]
    assert len(starts) == len(ring) - 1
    assert starts[0] == pytest.approx((ring[0][0] + 1000, ring[0][1] + 2000, 0.0))
    plane = view.find("ClippingPlanes/ClippingPlane")
    assert xyz(plane.find("Direction")) == (0.0, 0.0, 1.0)  # hides what is above


def test_snapshot_is_a_marked_plan_picture(sample, exported):
    review, _plans, result = sample
    finding = next(f for f in result.findings if f.severity is Severity.FAIL)
    data = exported[1][f"{guid(review.id, 'finding', finding.key)}/snapshot.png"]
    assert data.startswith(b"\x89PNG\r\n\x1a\n")
    image = Image.open(io.BytesIO(data)).convert("RGB")
    assert image.size == (800, 600)
    pixels = np.asarray(image).astype(int)
    plan = pixels[30:570]  # between the banners
    drawn = np.any(plan != palette(Theme.LIGHT).background, axis=2).sum()
    assert drawn > plan.shape[0] * plan.shape[1] * 0.01  # not an empty canvas
    r, g, b = pixels[..., 0], pixels[..., 1], pixels[..., 2]
    assert ((r > 180) & (g < 90) & (b < 90)).sum() > 50  # the fail-coloured marker
    assert image.getpixel((3, 3)) == BANNER_COLOR  # classification banner on top
    assert image.getpixel((3, 597)) == BANNER_COLOR  # and at the bottom


def test_snapshot_without_marking_has_no_banner(sample, tmp_path):
    review, plans, result = sample
    path = tmp_path / "plain.bcf"
    options = BcfOptions(severities=frozenset(), classification="")  # comments only
    write_bcf(review, plans, result, path, options)
    with zipfile.ZipFile(path) as archive:
        name = next(n for n in archive.namelist() if n.endswith(".png"))
        image = Image.open(io.BytesIO(archive.read(name))).convert("RGB")
    assert image.getpixel((3, 3)) != BANNER_COLOR


def test_topics_without_a_plan_have_no_viewpoint(sample, tmp_path):
    review, _plans, result = sample
    path = tmp_path / "noplan.bcf"
    write_bcf(review, {}, result, path)
    with zipfile.ZipFile(path) as archive:
        names = archive.namelist()
        markup = ET.fromstring(archive.read(next(n for n in names if "markup" in n)))
    assert not [n for n in names if n.endswith((".png", ".bcfv"))]
    assert markup.find("Viewpoints") is None
    assert markup.find("Comment/Viewpoint") is None


def test_unwritable_folder_gives_a_readable_error(sample, tmp_path):
    review, plans, result = sample
    with pytest.raises(DesignReviewError, match="could not be written"):
        write_bcf(review, plans, result, tmp_path / "no such folder" / "x.bcf", NONE)


# -- the official schemas and examples -----------------------------------------------


@pytest.fixture(scope="module")
def schemas():
    folder = SCHEMAS / "2.1"
    return {
        name: xmlschema.XMLSchema(str(folder / f"{name}.xsd"))
        for name in ("markup", "visinfo", "project", "version")
    }


SCHEMA_FOR = {
    "markup.bcf": "markup",
    "viewpoint.bcfv": "visinfo",
    "project.bcfp": "project",
    "bcf.version": "version",
}


def schema_errors(files, schemas):
    """(file name, first error) of every BCF file in an export that is not valid."""
    errors = []
    for name, data in files.items():
        kind = SCHEMA_FOR.get(name.rsplit("/", 1)[-1])
        if kind is not None:
            found = list(schemas[kind].iter_errors(data.decode("utf-8")))
            errors += [(name, found[0])] if found else []
    return errors


@needs_schemas
def test_every_file_validates_against_the_official_schemas(exported, schemas):
    assert schema_errors(exported[1], schemas) == []
    checked = [n for n in exported[1] if n.rsplit("/", 1)[-1] in SCHEMA_FOR]
    assert len(checked) == 2 + 2 * len(markups(exported[1]))


@needs_schemas
def test_export_without_plans_or_comments_validates(sample, schemas, tmp_path):
    review, _plans, result = sample
    path = tmp_path / "bare.bcf"
    write_bcf(review, {}, result, path, BcfOptions(include_comments=False))
    with zipfile.ZipFile(path) as archive:
        files = {name: archive.read(name) for name in archive.namelist()}
    assert schema_errors(files, schemas) == []


@needs_schemas
def test_validator_rejects_elements_out_of_order(schemas):
    """The check above has teeth: BCF's types are sequences, order matters."""
    wrong = (
        '<Markup><Topic Guid="9898de65-c0ce-414b-857e-1df97ffaed8d">'
        "<CreationDate>2015-07-15T13:12:42Z</CreationDate><Title>x</Title>"
        "<CreationAuthor>a</CreationAuthor></Topic></Markup>"
    )
    assert not schemas["markup"].is_valid(wrong)


def example(name):
    with zipfile.ZipFile(SCHEMAS / "examples-2.1" / f"{name}.bcf") as archive:
        return {n: archive.read(n) for n in archive.namelist()}


def tag_order(element):
    """Each child tag once, in the order of first appearance."""
    return list(dict.fromkeys(child.tag for child in element))


def follows(ours, reference):
    """Every element of ``ours`` uses tags of ``reference``, in its relative order."""
    order = tag_order(reference)
    for element in ours:
        positions = [order.index(tag) for tag in tag_order(element)]
        if positions != sorted(positions):
            return False
    return True


@needs_schemas
def test_shaped_like_the_official_examples(exported, schemas):
    files = exported[1]
    maximum = example("MaximumInformation")
    minimum = example("MinimumInformation")
    assert schemas["markup"].is_valid(
        next(v for k, v in minimum.items() if k.endswith("markup.bcf")).decode()
    )
    assert {"bcf.version", "project.bcfp"} <= set(maximum)
    theirs = ET.fromstring(maximum["63E78882-7C6A-4BF7-8982-FC478AFB9C97/markup.bcf"])
    ours = list(markups(files).values())
    assert follows(ours, theirs)
    assert follows([m.find("Topic") for m in ours], theirs.find("Topic"))
    comments = [c for m in ours for c in m.findall("Comment")]
    assert comments
    assert follows(comments, theirs.findall("Comment")[2])  # one with a viewpoint
    assert follows([m.find("Viewpoints") for m in ours], theirs.find("Viewpoints"))
    version = ET.fromstring(maximum["bcf.version"])
    assert ET.fromstring(files["bcf.version"]).attrib == version.attrib
    assert ET.fromstring(files["bcf.version"]).findtext("DetailedVersion") == (
        version.findtext("DetailedVersion")
    )
