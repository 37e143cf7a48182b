import numpy as np

from designreview.model.geometry import Extents
from designreview.model.plan import LayerCategory, LayerInfo, Linework, Plan
from designreview.model.units import LengthUnit


def make_plan(origin=(0.0, 0.0)):
    return Plan(
        source_name="x.dxf",
        dxf_version="AC1027",
        units=LengthUnit.INCH,
        scale_to_m=0.0254,
        origin_m=origin,
        extents=Extents(0, 0, 10, 5),
        layers=(LayerInfo("A-WALL", LayerCategory.WALL, 3),),
        linework=(Linework("A-WALL", np.array([[0.0, 0.0, 10.0, 0.0]])),),
    )


def test_local_and_drawing_coordinates_round_trip():
    plan = make_plan(origin=(5000.0, -200.0))
    assert plan.to_drawing_m((1.0, 2.0)) == (5001.0, -198.0)
    assert plan.to_local(plan.to_drawing_m((1.0, 2.0))) == (1.0, 2.0)
    assert plan.drawing_extents_m == Extents(5000.0, -200.0, 5010.0, -195.0)


def test_drawing_units_undo_the_scale():
    plan = make_plan()
    x, y = plan.to_drawing_units((0.0254, 0.254))
    assert (round(x, 9), round(y, 9)) == (1.0, 10.0)


def test_linework_compares_by_value():
    a = Linework("W", np.array([[0.0, 0.0, 1.0, 1.0]]))
    assert a == Linework("W", np.array([[0.0, 0.0, 1.0, 1.0]]))
    assert a != Linework("W", np.array([[0.0, 0.0, 1.0, 2.0]]))


def test_plan_knows_imperial_units_and_layers():
    plan = make_plan()
    assert plan.is_imperial
    assert plan.layer("A-WALL").category is LayerCategory.WALL
    assert plan.layer("nope") is None
