"""BCF of an IFC plan: GlobalIds as components, the model in the header, world cameras,
declared extensions, e-mail authors, and BCF 3.0; checked against the official
schemas and read back by bcf-client (IfcOpenShell's BCF library)."""

from __future__ import annotations

import shutil
import zipfile
from dataclasses import replace
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest
import xmlschema
from tests.fixtures.bim_plans import (
    ARCHITECT,
    DOOR,
    HALL,
    MODEL,
    PROJECT,
    ROOM,
    STOREY,
    ifc_classroom,
)
from tests.fixtures.plans import SHEET

from designreview.analysis.run import run_checks
from designreview.exports.bcf.export import BcfOptions, topic_guid, write_bcf
from designreview.model.ids import MarkupId
from designreview.model.markups import Comment, Reply, Stamp
from designreview.model.review import Decision, DecisionKind

SCHEMAS = Path(__file__).resolve().parents[2].parent / "shared" / "bcf-schemas"
needs_schemas = pytest.mark.skipif(
    not (SCHEMAS / "3.0").is_dir(), reason="BCF schemas (../shared) not present"
)
AT = "2026-11-21T08:30:00+00:00"


@pytest.fixture(scope="module")
def case():
    review, plans = ifc_classroom()
    result = run_checks(review, plans)
    room1 = next(f for f in result.findings if f.rule == "ROOM-1")
    architect = Stamp(ARCHITECT.id, AT)
    decision = Decision(room1.key, DecisionKind.WILL_FIX, architect, "", "Architect")
    comment = Comment(
        MarkupId("c-glass"), SHEET, architect, architect, (4.0, -1.0),
        "Vision panel too close to the lever",
        replies=(Reply(architect, "We will move it."),),
    )  # fmt: skip
    review = replace(review, decisions=(decision,), markups=(comment,))
    return review, plans, result, room1


def export(case, tmp_path, version="2.1"):
    review, plans, result, _room1 = case
    path = tmp_path / f"school-{version}.bcf"
    write_bcf(review, plans, result, path, BcfOptions(version=version))
    with zipfile.ZipFile(path) as archive:
        return path, {n: archive.read(n) for n in archive.namelist()}


@pytest.fixture(scope="module")
def v2(case, tmp_path_factory):
    return export(case, tmp_path_factory.mktemp("v2"))


@pytest.fixture(scope="module")
def v3(case, tmp_path_factory):
    return export(case, tmp_path_factory.mktemp("v3"), "3.0")


def room1_guid(case):
    review, _plans, _result, room1 = case
    return topic_guid(review.id, "finding", room1.key)


def xyz(element):
    return tuple(float(element.findtext(axis)) for axis in "XYZ")


# -- BCF 2.1 -------------------------------------------------------------------------


def test_viewpoint_selects_the_door_and_room_by_globalid(case, v2):
    _path, files = v2
    view = ET.fromstring(files[f"{room1_guid(case)}/viewpoint.bcfv"])
    selected = view.findall("Components/Selection/Component")
    assert [c.get("IfcGuid") for c in selected] == [DOOR, ROOM]
    assert {c.findtext("OriginatingSystem") for c in selected} == {"ARCHICAD"}
    assert view.find("Components/Visibility").get("DefaultVisibility") == "true"


def test_topic_without_model_subjects_selects_nothing(case, v2):
    review, _plans, result, _room1 = case
    egress = next(f for f in result.findings if f.rule == "EGRESS-1")
    key = topic_guid(review.id, "finding", egress.key)
    view = ET.fromstring(v2[1][f"{key}/viewpoint.bcfv"])
    assert view.find("Components/Selection") is None


def test_camera_in_model_coordinates_on_the_storey(case, v2):
    # ROOM-1 sits at local (0.75, 0.0): world (1000.75, 2000.0); the storey is at
    # 3.5 m and cut 1.1 m above it, so the camera and clipping plane are at 4.6 m
    # and the outlines lie on the storey's floor at 3.5 m.
    view = ET.fromstring(v2[1][f"{room1_guid(case)}/viewpoint.bcfv"])
    camera = view.find("OrthogonalCamera/CameraViewPoint")
    assert xyz(camera) == pytest.approx((1000.75, 2000.0, 4.6))
    plane = view.find("ClippingPlanes/ClippingPlane/Location")
    assert xyz(plane) == pytest.approx((1000.75, 2000.0, 4.6))
    review, _plans, result, _ = case
    hard = next(f for f in result.findings if f.rule == "ROOM-2")
    lines = ET.fromstring(
        v2[1][f"{topic_guid(review.id, 'finding', hard.key)}/viewpoint.bcfv"]
    )
    starts = [xyz(line.find("StartPoint")) for line in lines.iter("Line")]
    x0, y0 = hard.overlay[0][0]
    assert starts[0] == pytest.approx((x0 + 1000.0, y0 + 2000.0, 3.5))


def test_header_names_the_ifc_project_and_storey(case, v2):
    markup = ET.fromstring(v2[1][f"{room1_guid(case)}/markup.bcf"])
    entry = markup.find("Header/File")
    assert entry.attrib == {
        "IfcProject": PROJECT,
        "IfcSpatialStructureElement": STOREY,
        "isExternal": "true",
    }
    assert entry.findtext("Filename") == MODEL
    assert entry.findtext("Date") == "2026-11-20T09:00:00Z"  # the review took it in


def test_authors_are_email_addresses_where_the_roster_has_one(case, v2):
    review, *_ = case
    markup = ET.fromstring(v2[1][f"{room1_guid(case)}/markup.bcf"])
    [decision] = markup.findall("Comment")
    assert decision.findtext("Author") == "dana@studio.example"
    assert markup.findtext("Topic/ModifiedAuthor") == "dana@studio.example"
    comment = ET.fromstring(
        v2[1][f"{topic_guid(review.id, 'comment', 'c-glass')}/markup.bcf"]
    )
    assert comment.findtext("Topic/CreationAuthor") == "dana@studio.example"
    # the description still says the name people know
    assert "Comment by Dana Whitfield (Architect)" in comment.findtext(
        "Topic/Description"
    )


@pytest.fixture(scope="module")
def schemas21():
    folder = SCHEMAS / "2.1"
    return {
        n: xmlschema.XMLSchema(str(folder / f"{n}.xsd"))
        for n in ("markup", "visinfo", "project", "version")
    }


def errors(files, schemas, names):
    found = []
    for name, data in files.items():
        kind = names.get(name.rsplit("/", 1)[-1])
        if kind is not None:
            found += [(name, e) for e in schemas[kind].iter_errors(data.decode())][:1]
    return found


NAMES = {
    "markup.bcf": "markup",
    "viewpoint.bcfv": "visinfo",
    "project.bcfp": "project",
    "bcf.version": "version",
}


@needs_schemas
def test_bcf21_validates(v2, schemas21):
    assert errors(v2[1], schemas21, NAMES) == []


@pytest.fixture(scope="module")
def our_extensions(v2, tmp_path_factory):
    """Our extensions.xsd beside the official markup.xsd it redefines."""
    folder = tmp_path_factory.mktemp("ext")
    shutil.copy(SCHEMAS / "2.1" / "markup.xsd", folder / "markup.xsd")
    (folder / "extensions.xsd").write_bytes(v2[1]["extensions.xsd"])
    return xmlschema.XMLSchema(str(folder / "extensions.xsd"))


@needs_schemas
def test_extensions_declare_every_value_the_topics_use(v2, our_extensions):
    project = ET.fromstring(v2[1]["project.bcfp"])
    assert project.findtext("ExtensionSchema") == "extensions.xsd"
    markups = {n: d for n, d in v2[1].items() if n.endswith("markup.bcf")}
    assert markups
    for name, data in markups.items():
        assert our_extensions.is_valid(data.decode()), name
    statuses = our_extensions.types["TopicStatus"].enumeration
    assert statuses == ["Open", "In Progress"]  # ROOM-1 will be fixed; others open
    assert our_extensions.types["TopicType"].enumeration == ["Issue", "Comment"]
    users = our_extensions.types["UserIdType"].enumeration
    assert "dana@studio.example" in users
    assert "Architect" in users  # the owner a topic is assigned to


@needs_schemas
def test_extensions_have_teeth(case, v2, our_extensions):
    """A status the export does not use is refused by its own extension schema."""
    data = v2[1][f"{room1_guid(case)}/markup.bcf"].decode()
    assert our_extensions.is_valid(data)
    assert not our_extensions.is_valid(data.replace('"In Progress"', '"Resolved"'))


def test_bcf_client_lists_the_globalids_as_components(case, v2):
    bcf_v2 = pytest.importorskip("bcf.v2.bcfxml")
    path, _files = v2
    with bcf_v2.BcfXml.load(path) as bcf:
        topic = bcf.topics[room1_guid(case)]
        [viewpoint] = topic.viewpoints.values()
        assert viewpoint.get_selected_guids() == [DOOR, ROOM]
        assert topic.header.file[0].ifc_project == PROJECT
        assert topic.header.file[0].ifc_spatial_structure_element == STOREY
        statuses = bcf.extensions.topic_statuses.topic_status
        assert statuses == ["Open", "In Progress"]
        hall = next(
            t for t in bcf.topics.values() if t.topic.title.startswith("REFUGE-1")
        )
        [hall_view] = hall.viewpoints.values()
        assert hall_view.get_selected_guids() == [HALL]


# -- BCF 3.0 -------------------------------------------------------------------------


@pytest.fixture(scope="module")
def schemas30():
    folder = SCHEMAS / "3.0"
    return {
        n: xmlschema.XMLSchema(str(folder / f"{n}.xsd"))
        for n in ("markup", "visinfo", "project", "version", "extensions")
    }


@needs_schemas
def test_bcf30_validates(v3, schemas30):
    files = v3[1]
    assert {n for n in files if "/" not in n} == {
        "bcf.version", "project.bcfp", "extensions.xml",
    }  # fmt: skip
    names = {**NAMES, "extensions.xml": "extensions"}
    assert errors(files, schemas30, names) == []
    checked = [n for n in files if n.rsplit("/", 1)[-1] in names]
    topics = [n for n in files if n.endswith("markup.bcf")]
    assert len(checked) == 3 + 2 * len(topics)


def test_bcf30_shapes(case, v3):
    files = v3[1]
    assert ET.fromstring(files["bcf.version"]).attrib == {"VersionId": "3.0"}
    markup = ET.fromstring(files[f"{room1_guid(case)}/markup.bcf"])
    assert markup.find("Header/Files/File").get("IfcProject") == PROJECT
    assert markup.find("Header/Files/File").get("IsExternal") == "true"
    topic = markup.find("Topic")
    assert [e.text for e in topic.findall("Labels/Label")] == [
        "ROOM-1", "Fail", "Level 2",
    ]  # fmt: skip
    assert topic.findtext("Comments/Comment/Author") == "dana@studio.example"
    assert topic.find("Viewpoints/ViewPoint/Viewpoint").text == "viewpoint.bcfv"
    view = ET.fromstring(files[f"{room1_guid(case)}/viewpoint.bcfv"])
    assert float(view.findtext("OrthogonalCamera/AspectRatio")) == pytest.approx(4 / 3)
    ids = [c.get("IfcGuid") for c in view.findall("Components/Selection/Component")]
    assert ids == [DOOR, ROOM]
    extensions = ET.fromstring(files["extensions.xml"])
    assert [e.text for e in extensions.findall("TopicStatuses/TopicStatus")] == [
        "Open", "In Progress",
    ]  # fmt: skip
    assert extensions.find("Stages") is None  # we use none


def test_bcf_client_reads_bcf30(case, v3):
    bcf_v3 = pytest.importorskip("bcf.v3.bcfxml")
    path, _files = v3
    with bcf_v3.BcfXml.load(path) as bcf:
        topic = bcf.topics[room1_guid(case)]
        assert topic.topic.topic_status == "In Progress"
        [viewpoint] = topic.viewpoints.values()
        assert viewpoint.get_selected_guids() == [DOOR, ROOM]
