"""The program's one logging handler (``log_setup``)."""

from __future__ import annotations

import logging

from effectencalculator.log_setup import LEVEL_ENV, configure_logging


def test_one_handler_once_with_the_level_from_the_environment(monkeypatch):
    root = logging.getLogger()
    monkeypatch.setattr(root, "handlers", [])
    monkeypatch.setattr(root, "level", root.level)
    monkeypatch.setenv(LEVEL_ENV, "debug")
    configure_logging()
    configure_logging()  # the CLI starting the window: still one handler
    assert len(root.handlers) == 1 and root.level == logging.DEBUG
    monkeypatch.setattr(root, "handlers", [])
    monkeypatch.setenv(LEVEL_ENV, "geen-niveau")
    configure_logging()
    assert root.level == logging.WARNING


def test_a_host_with_its_own_handler_is_left_alone(monkeypatch):
    root = logging.getLogger()
    own = logging.NullHandler()
    monkeypatch.setattr(root, "handlers", [own])
    configure_logging()
    assert root.handlers == [own]
