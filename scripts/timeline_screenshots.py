"""Screenshots of the timeline for ``scripts/screenshots.py``: the
Tijdlijn section scrolled to the reference lane, and the session view as a projector
shows it (the section's first screen is rendered with the other sections)."""

from __future__ import annotations

from pathlib import Path

SESSION_SIZE = (1920, 1080)


def _settle(app) -> None:
    for _ in range(3):
        app.processEvents()


def render_session(app, window, outdir: Path) -> list[Path]:
    """Tijdlijn at the reference lane; the session view at 1920×1080, top and scrolled."""
    section = window.tijdlijn
    stem = f"{window.sections.index(section) + 1:02d}-tijdlijn"
    written = []
    window.show_section(window.sections.index(section))
    _settle(app)
    section.view.scroll_to_lane("referentie")
    _settle(app)
    written.append(outdir / f"{stem}-referentie.png")
    window.grab().save(str(written[-1]))
    section.view.fit()
    section.toggle_session()
    session = section.session
    session.showNormal()  # the offscreen screen is smaller than a beamer: size it by hand
    session.resize(*SESSION_SIZE)
    _settle(app)
    session.view.fit()
    _settle(app)
    written.append(outdir / f"{stem}-sessieweergave.png")
    session.grab().save(str(written[-1]))
    session.view.scroll_to_lane("referentie")
    _settle(app)
    written.append(outdir / f"{stem}-sessieweergave-referentie.png")
    session.grab().save(str(written[-1]))
    session.close()
    app.processEvents()
    return written
