"""The properties dock: edit the selected markups' attributes, one undo step per change.

Which fields a selection has, how values read and what typed text means all come
from ``render/markup_fields.py`` and ``render/fields.py``; this module only binds
them to widgets.
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDockWidget,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from designreview.model.errors import FieldError
from designreview.model.markups import Comment
from designreview.model.space_overrides import corrected
from designreview.render.comment_thread import stamp_text, thread
from designreview.render.fields import (
    MIXED,
    ChoiceToggle,
    Field,
    FieldKind,
    choice_label,
    format_value,
    hint,
    parse_value,
)
from designreview.render.markup_fields import (
    choice_states,
    field_edit,
    reply_edit,
    selection_title,
    shared_fields,
    shared_value,
)
from designreview.ui.qt_helpers import signals_blocked

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from PySide6.QtGui import QFocusEvent, QWheelEvent

    from designreview.model.changes import ChangeSet
    from designreview.model.edits import Edit
    from designreview.model.markups import Markup, Space
    from designreview.ui.selection import Selection
    from designreview.ui.session.document_bridge import DocumentBridge

_ERROR_STYLE = "border: 1px solid #d32f2f; border-radius: 2px;"
_MIXED_TEXT = "(mixed)"


def _placeholder(value: Any) -> str:
    if value is MIXED:
        return _MIXED_TEXT
    return "Unknown" if value is None else ""


def _set_error(
    editor: QWidget, field: Field, imperial: bool, error: str | None
) -> None:
    """Red border and a tooltip saying what is allowed, popped up at once on error."""
    editor.setProperty("error", error or "")
    editor.setStyleSheet(_ERROR_STYLE if error else "")
    tip = "\n".join(part for part in (error, hint(field, imperial)) if part)
    editor.setToolTip(tip)
    if error:
        QToolTip.showText(editor.mapToGlobal(QPoint(0, editor.height())), tip, editor)


class _ChoiceEditor(QComboBox):
    """One choice from a list; blank with "(mixed)" when the markups differ."""

    committed = Signal(object)

    def __init__(self, field: Field) -> None:
        super().__init__()
        self._field = field
        self.setPlaceholderText(_MIXED_TEXT)
        # Narrow docks: long labels elide instead of widening the whole form.
        self.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.setMinimumContentsLength(10)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        for choice in field.choices:
            self.addItem(choice_label(choice), choice)
        self.activated.connect(self._on_activated)

    def show_value(self, markups: Sequence[Markup], imperial: bool) -> None:
        value = shared_value(markups, self._field)
        index = -1 if value is MIXED else self._field.choices.index(value)
        with signals_blocked(self):
            self.setCurrentIndex(index)
        self.setToolTip(self.currentText())  # the whole label when the dock is narrow

    def wheelEvent(self, event: QWheelEvent) -> None:
        if self.hasFocus():
            super().wheelEvent(event)
        else:
            event.ignore()  # scrolling the dock past a combo must not edit the markup

    def _on_activated(self, index: int) -> None:
        self.committed.emit(self._field.choices[index])


class _FlagBox(QCheckBox):
    """A check box that can show "mixed" but a click only ever turns on or off."""

    committed = Signal(bool)

    def __init__(self, text: str = "") -> None:
        super().__init__(text)
        self.clicked.connect(self._on_clicked)

    def show_state(self, on: bool | None) -> None:
        with signals_blocked(self):
            self.setTristate(on is None)
            if on is None:
                self.setCheckState(Qt.CheckState.PartiallyChecked)
            else:
                self.setChecked(on)

    def _on_clicked(self) -> None:
        # Tristate only while mixed, and a click moves mixed on to checked.
        on = self.checkState() != Qt.CheckState.Unchecked
        self.show_state(on)
        self.committed.emit(on)


class _BoolEditor(_FlagBox):
    """A yes/no field."""

    def __init__(self, field: Field) -> None:
        super().__init__()
        self._field = field

    def show_value(self, markups: Sequence[Markup], imperial: bool) -> None:
        value = shared_value(markups, self._field)
        self.show_state(None if value is MIXED else bool(value))


class _MultiChoiceEditor(QWidget):
    """Any number of choices, one check box each (partly checked when mixed)."""

    committed = Signal(object)

    def __init__(self, field: Field) -> None:
        super().__init__()
        self._field = field
        self.boxes: dict[Any, _FlagBox] = {}
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        for choice in field.choices:
            box = _FlagBox(choice_label(choice))
            box.committed.connect(partial(self._on_box_committed, choice))
            column.addWidget(box)
            self.boxes[choice] = box

    def show_value(self, markups: Sequence[Markup], imperial: bool) -> None:
        for choice, state in choice_states(markups, self._field):
            self.boxes[choice].show_state(state)

    def _on_box_committed(self, choice: Any, on: bool) -> None:
        self.committed.emit(ChoiceToggle(choice, on))


class _LineEditor(QLineEdit):
    """Typed-in text, length, angle or number: parsed on Enter or on leaving."""

    committed = Signal(object)

    def __init__(self, field: Field) -> None:
        super().__init__()
        self._field, self._imperial, self._shown = field, False, ""
        self.editingFinished.connect(self.commit)
        self.textEdited.connect(lambda _text: self._show_error(None))

    def show_value(self, markups: Sequence[Markup], imperial: bool) -> None:
        self._imperial = imperial
        value = shared_value(markups, self._field)
        self._shown = format_value(self._field, value, imperial)
        with signals_blocked(self):
            self.setText(self._shown)
            self.setPlaceholderText(_placeholder(value))
        self._show_error(None)

    def commit(self) -> None:
        if self.text() == self._shown:
            self._show_error(None)
            return
        try:
            value = parse_value(self._field, self.text(), self._imperial)
        except FieldError as error:
            self._show_error(str(error))
            return
        self.committed.emit(value)

    def _show_error(self, error: str | None) -> None:
        _set_error(self, self._field, self._imperial, error)


class _TextBoxEditor(QPlainTextEdit):
    """Several lines of text (a comment), committed when focus leaves."""

    committed = Signal(object)

    def __init__(self, field: Field) -> None:
        super().__init__()
        self._field, self._shown = field, ""
        self.setTabChangesFocus(True)
        self.setFixedHeight(self.fontMetrics().lineSpacing() * 4 + 12)
        self.textChanged.connect(lambda: self._show_error(None))

    def show_value(self, markups: Sequence[Markup], imperial: bool) -> None:
        value = shared_value(markups, self._field)
        self._shown = format_value(self._field, value, imperial)
        with signals_blocked(self):
            self.setPlainText(self._shown)
            self.setPlaceholderText(_MIXED_TEXT if value is MIXED else "")
        self._show_error(None)

    def commit(self) -> None:
        if self.toPlainText() == self._shown:
            return
        try:
            value = parse_value(self._field, self.toPlainText(), imperial=False)
        except FieldError as error:
            self._show_error(str(error))
            return
        self.committed.emit(value)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.commit()

    def _show_error(self, error: str | None) -> None:
        _set_error(self, self._field, False, error)


_EDITOR_FOR_KIND: dict[FieldKind, type] = {
    FieldKind.CHOICE: _ChoiceEditor,
    FieldKind.MULTI_CHOICE: _MultiChoiceEditor,
    FieldKind.BOOL: _BoolEditor,
    FieldKind.LONG_TEXT: _TextBoxEditor,
    FieldKind.TEXT: _LineEditor,
    FieldKind.LENGTH: _LineEditor,
    FieldKind.ANGLE: _LineEditor,
    FieldKind.INTEGER: _LineEditor,
}


class PropertiesDock(QDockWidget):
    """Shows and edits the fields the selected markups share; comments get a thread."""

    def __init__(
        self,
        bridge: DocumentBridge,
        selection: Selection,
        parent: QWidget | None = None,
        detected: Callable[[tuple[str, ...]], list[Space]] | None = None,
    ) -> None:
        super().__init__("Properties", parent)
        self.setObjectName("PropertiesDock")
        self._bridge, self._selection = bridge, selection
        self._detected = detected or (lambda _ids: [])
        self._imperial = False
        self._fields: tuple[Field, ...] = ()
        self.editors: dict[str, Any] = {}
        self._form = QWidget()
        self._build()
        bridge.changed.connect(self._on_bridge_changed)
        selection.changed.connect(self._on_selection_changed)
        self._rebuild()

    def set_imperial(self, imperial: bool) -> None:
        """Show lengths in feet-inches (True) or metres, and read bare numbers so."""
        self._imperial = imperial
        self._show(self._markups())

    def field_names(self) -> tuple[str, ...]:
        return tuple(f.name for f in self._fields)

    def _build(self) -> None:
        self.title = QLabel()
        font = QFont(self.title.font())
        font.setBold(True)
        self.title.setFont(font)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setEnabled(False)  # greyed: a remark, not a value
        self._form_slot = QVBoxLayout()
        self._form_slot.setContentsMargins(0, 0, 0, 0)
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.title)
        layout.addWidget(self.note)
        layout.addLayout(self._form_slot)
        layout.addWidget(self._build_thread())
        layout.addWidget(self._build_info())
        layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(body)
        self.setWidget(scroll)

    def _build_thread(self) -> QGroupBox:
        self.thread_box = QGroupBox("Thread")
        self.thread_list = QListWidget()
        self.thread_list.setWordWrap(True)
        self.thread_list.setAlternatingRowColors(True)
        self.thread_list.setSpacing(2)
        self.thread_list.setSelectionMode(QListWidget.SelectionMode.NoSelection)
        self.thread_list.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.reply_box = QLineEdit()
        self.reply_box.setPlaceholderText("Reply…")
        self.reply_button = QPushButton("Reply")
        self.reply_button.setEnabled(False)
        self.reply_box.textChanged.connect(
            lambda text: self.reply_button.setEnabled(bool(text.strip()))
        )
        self.reply_box.returnPressed.connect(self._on_reply)
        self.reply_button.clicked.connect(self._on_reply)
        row = QHBoxLayout()
        row.addWidget(self.reply_box)
        row.addWidget(self.reply_button)
        layout = QVBoxLayout(self.thread_box)
        layout.addWidget(self.thread_list)
        layout.addLayout(row)
        return self.thread_box

    def _build_info(self) -> QWidget:
        self.info = QWidget()
        self.created_label, self.modified_label = QLabel(), QLabel()
        form = QFormLayout(self.info)
        form.setContentsMargins(0, 8, 0, 0)
        for label in (self.created_label, self.modified_label):
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form.addRow("Created", self.created_label)
        form.addRow("Modified", self.modified_label)
        return self.info

    def _markups(self) -> list[Markup]:
        wanted = set(self._selection.ids)
        by_id: dict[str, Markup] = {
            m.id: m for m in self._bridge.review.markups if m.id in wanted
        }
        missing = tuple(i for i in self._selection.ids if i not in by_id)
        by_id.update((room.id, room) for room in self._detected(missing))
        return [by_id[i] for i in self._selection.ids if i in by_id]

    def _detected_count(self, markups: Sequence[Markup]) -> int:
        review = self._bridge.review
        return sum(1 for m in markups if review.markup(m.id) is None)

    def _rebuild(self) -> None:
        """A fresh form for the fields the selection shares."""
        markups = self._markups()
        self._fields = shared_fields(type(m) for m in markups)
        for old in (self._form, *self._form.findChildren(QWidget)):
            old.blockSignals(True)  # no late commit into the new selection
        self._form.hide()
        self._form.deleteLater()
        self._form, self.editors = QWidget(), {}
        form = QFormLayout(self._form)
        form.setContentsMargins(0, 4, 0, 0)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for field in self._fields:
            editor = _EDITOR_FOR_KIND[field.kind](field)
            editor.committed.connect(partial(self._on_editor_committed, field))
            form.addRow(field.label, editor)
            self.editors[field.name] = editor
        self._form_slot.addWidget(self._form)
        self._show(markups)

    def _show(self, markups: Sequence[Markup]) -> None:
        """Push the model's values into the widgets (editors block their signals)."""
        self.title.setText(selection_title(markups))
        self.note.setText(self._note(markups))
        self.note.setVisible(bool(self.note.text()))
        for editor in self.editors.values():
            editor.show_value(markups, self._imperial)
        self._show_thread(markups)
        review = self._bridge.review
        self.info.setVisible(bool(markups))
        for label, stamps in (
            (self.created_label, [m.created for m in markups]),
            (self.modified_label, [m.modified for m in markups]),
        ):
            label.setText(stamp_text(stamps, review, separator="\n"))

    def _note(self, markups: Sequence[Markup]) -> str:
        if not markups:
            return "Select a markup on the plan to see and change its properties."
        if not self._fields:
            return "These markups have no properties in common."
        if self._detected_count(markups):
            return (
                "Rooms as found in the drawing: a change here makes them your "
                "corrections, saved with the review (Delete restores the drawing's)."
            )
        return ""

    def _comment(self, markups: Sequence[Markup]) -> Comment | None:
        """The comment whose thread is shown: only when it is selected alone."""
        if len(markups) == 1 and isinstance(markups[0], Comment):
            return markups[0]
        return None

    def _show_thread(self, markups: Sequence[Markup]) -> None:
        comment = self._comment(markups)
        self.thread_box.setVisible(comment is not None)
        self.thread_list.clear()
        if comment is None:
            return
        for entry in thread(comment, self._bridge.review):
            item = QListWidgetItem(f"{entry.author} · {entry.at}\n{entry.text}")
            if entry.is_status:
                item.setForeground(self.palette().placeholderText())
            self.thread_list.addItem(item)
        self.thread_list.scrollToBottom()

    def _submit(self, edit: Edit | None) -> None:
        if edit is None:
            self._show(self._markups())  # put the normalised value back
        else:
            self._bridge.submit(corrected(edit, self._bridge.review), self)

    def _on_editor_committed(self, field: Field, entered: Any) -> None:
        stamp = self._bridge.document.stamp()
        self._submit(field_edit(self._markups(), field, entered, stamp))

    def _on_reply(self) -> None:
        comment = self._comment(self._markups())
        if comment is None:
            return
        edit = reply_edit(comment, self.reply_box.text(), self._bridge.document.stamp())
        if edit is not None:
            self.reply_box.clear()
            self._submit(edit)

    def _on_selection_changed(self, ids: tuple[str, ...], initiator: object) -> None:
        self._rebuild()

    def _on_bridge_changed(self, changes: ChangeSet, initiator: object) -> None:
        # Our own edits come back too: undo and redo carry this dock as initiator,
        # and the form must show their result. Editors block signals, so no loop.
        touched = {*changes.added, *changes.updated, *changes.removed}
        if (
            touched & set(self._selection.ids)
            or changes.everything
            or changes.reviewers
        ):
            markups = self._markups()
            if shared_fields(type(m) for m in markups) == self._fields:
                self._show(markups)
            else:
                self._rebuild()
