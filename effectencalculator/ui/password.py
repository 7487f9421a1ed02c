"""The password dialog for encrypted case files (``.ecase``).

Two modes: *new* (saving encrypted: the password twice, a minimum length, a warning that
a lost password cannot be recovered) and *open* (one field, and the reason when a previous
attempt failed). The dialog only collects the password; the caller encrypts or decrypts.
The password is never written anywhere by this module.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

MIN_LENGTH = 8
WARNING = ("Bewaar het wachtwoord goed. Zonder wachtwoord is de casus niet meer te openen: "
           "niemand kan het herstellen, ook de makers van het programma niet.")


def check_new_password(password: str, repeat: str) -> str:
    """Why a new password cannot be used ('' when it can)."""
    if not password:
        return "Vul een wachtwoord in."
    if len(password) < MIN_LENGTH:
        return f"Het wachtwoord is te kort: gebruik minstens {MIN_LENGTH} tekens."
    if password != repeat:
        return "De twee wachtwoorden zijn niet gelijk."
    return ""


class PasswordDialog(QDialog):
    """Ask for a password; ``new=True`` asks for it twice. ``password()`` after accept."""

    def __init__(self, parent: QWidget | None, title: str, text: str, *, new: bool,
                 error: str = ""):
        super().__init__(parent)
        self.new = new
        self.setWindowTitle(title)
        self.setMinimumWidth(460)
        layout = QVBoxLayout(self)
        self.text_label = QLabel(text)
        self.text_label.setWordWrap(True)
        layout.addWidget(self.text_label)

        form = QFormLayout()
        self.first = QLineEdit()
        self.first.setEchoMode(QLineEdit.EchoMode.Password)
        self.first.setObjectName("password")
        form.addRow("Wachtwoord", self.first)
        self.repeat = QLineEdit()
        self.repeat.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat.setObjectName("password_repeat")
        if new:
            self.first.setPlaceholderText(f"minstens {MIN_LENGTH} tekens")
            form.addRow("Nogmaals", self.repeat)
        else:
            self.repeat.hide()
        self.show_box = QCheckBox("Wachtwoord tonen")
        self.show_box.toggled.connect(self._toggle_echo)
        form.addRow("", self.show_box)
        layout.addLayout(form)

        self.error_label = QLabel(error)
        self.error_label.setObjectName("password_error")
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: #a00000;")
        self.error_label.setVisible(bool(error))
        layout.addWidget(self.error_label)
        if new:
            warning = QLabel(WARNING)
            warning.setWordWrap(True)
            warning.setStyleSheet("color: #555555;")
            layout.addWidget(warning)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok |
                                        QDialogButtonBox.StandardButton.Cancel)
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText("Versleuteld opslaan" if new else "Openen")
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("Annuleren")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.first.textEdited.connect(self._clear_error)
        self.repeat.textEdited.connect(self._clear_error)
        self.first.setFocus()

    def _clear_error(self, *_args) -> None:
        self.error_label.hide()

    def _toggle_echo(self, visible: bool) -> None:
        mode = QLineEdit.EchoMode.Normal if visible else QLineEdit.EchoMode.Password
        self.first.setEchoMode(mode)
        self.repeat.setEchoMode(mode)

    def problem(self) -> str:
        """Why the dialog cannot be accepted yet ('' when it can)."""
        if self.new:
            return check_new_password(self.first.text(), self.repeat.text())
        return "" if self.first.text() else "Vul het wachtwoord in."

    def accept(self) -> None:
        problem = self.problem()
        if problem:
            self.error_label.setText(problem)
            self.error_label.show()
            return
        super().accept()

    def password(self) -> str:
        return self.first.text()


def ask_password(parent: QWidget | None, title: str, text: str, *, new: bool,
                 error: str = "") -> str | None:
    """Show the dialog modally; the password, or None when the user cancels."""
    dialog = PasswordDialog(parent, title, text, new=new, error=error)
    try:
        if dialog.exec() == QDialog.DialogCode.Accepted:
            return dialog.password()
        return None
    finally:
        dialog.first.clear()
        dialog.repeat.clear()
        dialog.deleteLater()
