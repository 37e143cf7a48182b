"""Every menu command of the main window, as a table: id, menu, text, command, keys.

Each row names its command as a function, not as a window method"s name, so a
renamed or removed command fails the type check here instead of a menu at run time.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import KW_ONLY, dataclass

from PySide6.QtGui import QKeySequence

from designreview.ui.window.commands import (
    bcf_commands,
    edit_commands,
    file_commands,
    floor_commands,
    help_commands,
    map_commands,
    merge_commands,
    review_commands,
    revision_commands,
    view_commands,
)
from designreview.ui.window.commands.context import WindowContext

StandardKey = QKeySequence.StandardKey

Command = Callable[[WindowContext], object]
"""A menu command: runs each time it is chosen."""
Toggle = Callable[[WindowContext, bool], object]
"""A checkable command: told whether it is now ticked, each time that changes."""


@dataclass(frozen=True, slots=True)
class MenuEntry:
    """Where a command sits, what it says and which keys run it."""

    id: str
    menu: str
    text: str
    _: KW_ONLY
    keys: tuple[str | StandardKey, ...] = ()
    tip: str = ""
    separator_before: bool = False


@dataclass(frozen=True, slots=True)
class CommandSpec(MenuEntry):
    """A command that runs once each time it is chosen."""

    run: Command


@dataclass(frozen=True, slots=True)
class ToggleSpec(MenuEntry):
    """A checkable command, told its new state."""

    toggle: Toggle


ActionSpec = CommandSpec | ToggleSpec

_file, _edit, _review = file_commands, edit_commands, review_commands
_revision = revision_commands
_view, _help = view_commands, help_commands
_floors = floor_commands

ACTIONS: tuple[ActionSpec, ...] = (
    CommandSpec("open", "&File", "&Open…", _file.choose_and_open,
        keys=(StandardKey.Open,),
        tip="Open a review (.dreview), or a drawing (.dxf) or IFC model (.ifc) "
            "to start a review"),
    CommandSpec("open_sample", "&File", "Open &Sample School", _file.open_sample,
        tip="Open the bundled sample school and its review"),
    CommandSpec("add_sheet", "&File", "&Add Sheet from Drawing…",
        _file.choose_and_add_sheet,
        keys=("Ctrl+Shift+A",), separator_before=True,
        tip="Add another floor (a DXF drawing) to this review"),
    CommandSpec("replace_drawing", "&File", "&Replace Drawing of This Sheet…",
        _revision.choose_and_replace_drawing,
        tip="Read the architect's revised drawing for this sheet: markups follow "
            "their doors and rooms, decisions stay, what lost its door is flagged"),
    CommandSpec("merge_review", "&File", "&Merge Review…",
        merge_commands.merge_review, separator_before=True,
        tip="Merge other agencies' copies of this review into it, conflicts shown"),
    CommandSpec("import_bcf", "&File", "&Import BCF…", bcf_commands.import_bcf,
        tip="Take the architect's replies and status changes from a BIM tool's BCF"),
    CommandSpec("close_review", "&File", "&Close Review", _file.close_review,
        keys=(StandardKey.Close,), separator_before=True,
        tip="Close the review (asks to save changes)"),
    CommandSpec("save", "&File", "&Save", _file.save, keys=(StandardKey.Save,),
        separator_before=True, tip="Save the review"),
    CommandSpec("save_as", "&File", "Save &As…", _file.save_as,
        keys=(StandardKey.SaveAs,), tip="Save the review under another name"),
    CommandSpec("packet", "&File", "Review &Packet…", _file.make_packet,
        keys=(StandardKey.Print,), separator_before=True,
        tip="The printed packet: cover, plans at true scale, findings, sign-off"),
    CommandSpec("responder_map", "&File", "Responder &Map…",
        map_commands.responder_map,
        tip="The first responders' map: north-up floors, grid, doors, assets; "
        "checked against the state mandate"),
    CommandSpec("export_dxf", "&File", "Export Markups as &DXF…", _file.export_dxf,
        tip="The review's markups and findings on REVIEW-* layers, for CAD"),
    CommandSpec("export_dxf_into", "&File", "Export Markups &into the Drawing…",
        _file.export_dxf_into_original,
        tip="A copy of the architect's drawing with the REVIEW-* layers added"),
    CommandSpec("export_bcf", "&File", "Export Issues as &BCF…", _file.export_bcf,
        tip="A BCF 2.1 or 3.0 topic per finding and comment, for BIM tools"),
    CommandSpec("export_csv", "&File", "Export Findings as &CSV…", _file.export_csv,
        tip="Findings and markups as spreadsheets"),
    CommandSpec("quit", "&File", "&Quit", _file.quit_window, keys=(StandardKey.Quit,),
        separator_before=True, tip="Quit designreview"),
    CommandSpec("delete", "&Edit", "&Delete Markups", _edit.delete_selected,
        keys=(StandardKey.Delete,), tip="Delete the selected markups"),
    CommandSpec("select_all", "&Edit", "Select &All Markups", _edit.select_all_markups,
        keys=(StandardKey.SelectAll,), tip="Select every markup of this sheet"),
    CommandSpec("merge_spaces", "&Edit", "&Merge Spaces", _edit.merge_selected_spaces,
        keys=("Ctrl+M",), separator_before=True,
        tip="Join the selected neighbouring spaces into one"),
    CommandSpec("flip_hinge", "&Edit", "&Flip Door Hinge", _edit.flip_door_hinges,
        keys=("Ctrl+Shift+H",),
        tip="Put the hinge of the selected doors at the other end of the opening"),
    CommandSpec("reviewers", "&Review", "&Reviewers…", _review.edit_reviewers,
        tip="Who takes part in the review, for which agency"),
    CommandSpec("layer_roles", "&Review", "&Layer Roles…", _review.edit_layer_roles,
        separator_before=True,
        tip="Correct what each drawing layer holds (walls, doors, windows...)"),
    CommandSpec("layout", "&Review", "Drawing &Layout…", _review.choose_layout,
        tip="Read this sheet from model space or from a paper-space layout"),
    CommandSpec("cut_height", "&Review", "IFC &Cut Height…", _review.choose_cut_height,
        tip="Where an IFC storey is cut into its plan, above the floor (1.2 m)"),
    CommandSpec("split_floors", "&Review", "Split into &Floors…",
        _floors.split_into_floors,
        tip="Make a sheet of each floor drawn side by side on this sheet"),
    CommandSpec("true_north", "&Review", "True &North…", map_commands.set_true_north,
        tip="Where true north lies on this sheet, clockwise from the plan's up"),
    CommandSpec("units", "&Review", "&Units…", _review.edit_units,
        tip="Confirm or change the drawing's units"),
    CommandSpec("check_settings", "&Review", "Check &Settings…",
        _review.edit_check_settings,
        tip="Thresholds of the review checks, with their sources"),
    CommandSpec("run_checks", "&Review", "Run &Checks Now", _review.run_checks,
        keys=("F9",), tip="Recompute every finding now"),
    CommandSpec("fit", "&View", "&Fit to Drawing", _view.fit_to_drawing,
        keys=("F", "Home"), tip="Show the whole drawing"),
    CommandSpec("zoom_in", "&View", "Zoom &In", _view.zoom_in,
        keys=(StandardKey.ZoomIn, "="), tip="Zoom in at the centre"),
    CommandSpec("zoom_out", "&View", "Zoom &Out", _view.zoom_out,
        keys=(StandardKey.ZoomOut, "-"), tip="Zoom out at the centre"),
    ToggleSpec("viewsheds", "&View", "Show &Viewsheds", _view.set_viewsheds_visible,
        keys=("V",), separator_before=True,
        tip="What observers and cameras see; sightlines clear or blocked"),
    ToggleSpec("meeting_mode", "&View", "&Meeting Mode", _view.set_meeting_mode,
        keys=("F5",), separator_before=True,
        tip="Full screen for a projector: large marks and fonts, docks away, "
        "sensitive layers hidden (F6 shows the findings, Esc leaves)"),
    CommandSpec("next_comment", "&View", "&Next Comment", _view.next_comment,
        keys=("N",), tip="Show the next comment"),
    CommandSpec("previous_comment", "&View", "&Previous Comment",
        _view.previous_comment,
        keys=("Shift+N",), tip="Show the previous comment"),
    CommandSpec("next_finding", "&View", "Next &Finding", _view.next_finding,
        keys=("]",), tip="Show the next finding"),
    CommandSpec("previous_finding", "&View", "Previous F&inding",
        _view.previous_finding,
        keys=("[",), tip="Show the previous finding"),
    ToggleSpec("dark_theme", "&View", "&Dark Theme", _view.set_dark_theme,
        keys=("Ctrl+Shift+D",), separator_before=True,
        tip="The whole window dark: plan, menus, docks and dialogs"),
    ToggleSpec("high_contrast", "&View", "&High Contrast", _view.set_high_contrast,
        keys=("Ctrl+Shift+K",),
        tip="Black on white with heavier lines, for a washed-out projector"),
    CommandSpec("quick_start", "&Help", "&Quick Start", _help.show_quick_start,
        tip="A first review of the sample school, step by step"),
    CommandSpec("guide", "&Help", "&User Guide", _help.show_guide,
        keys=(StandardKey.HelpContents,), tip="The guide shipped with the app"),
    CommandSpec("shortcuts", "&Help", "&Keyboard Shortcuts", _help.show_shortcuts,
        keys=("Ctrl+/",), tip="Every key the window answers, searchable"),
    CommandSpec("about", "&Help", "&About designreview", _help.show_about,
        separator_before=True),
)  # fmt: skip
