"""How the timeline looks: sizes for the desk and for the projector, and the colours.

Colours are chosen to stay apart for colour-blind readers (Okabe–Ito first) and are
always explained in the legend; probability is shown as the opacity of a bar *and* as a
percentage in it, so nothing rests on colour alone.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QColor, QFont

from effectencalculator.model.vocabulary import DOMAINS, PAYERS


@dataclass(frozen=True)
class TimelineStyle:
    """Pixel sizes (device-independent) and font sizes of one timeline view."""

    font_pt: float = 9.0
    header_pt: float = 9.5
    axis_h: int = 40
    label_w: int = 230
    lane_header_h: int = 26
    row_h: int = 22
    event_row_h: int = 24
    bar_h: int = 14
    marker_r: float = 6.5
    event_r: float = 7.5
    #: the room an event's label gets; closer events go to another row
    event_label_px: int = 150
    #: an empty row under every scenario lane: double-click there to add a line
    add_row_h: int = 20
    handle_px: int = 6
    #: lines share rows and carry their name above the bar (compact, for the session
    #: view); otherwise one row per cost item, named in the label column
    packed: bool = False

    def font(self, bold: bool = False, scale: float = 1.0) -> QFont:
        font = QFont()
        font.setPointSizeF(self.font_pt * scale)
        font.setBold(bold)
        return font


DESK = TimelineStyle()
#: for a projector or a large screen, read from across the room
SESSION = TimelineStyle(font_pt=14.0, header_pt=17.0, axis_h=58, label_w=16,
                        lane_header_h=42, row_h=44, event_row_h=34, bar_h=14, marker_r=8.0,
                        event_r=11.0, event_label_px=260, add_row_h=0, handle_px=10,
                        packed=True)

PAYER_COLORS = dict(zip(PAYERS, (
    "#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#8C6D31", "#7F7F7F",
    "#6A3D9A")))
#: for categories (free text in the cost table), given out in sorted order
CATEGORY_PALETTE = ("#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9",
                    "#8C6D31", "#F0C419", "#6A3D9A", "#1B9E77", "#E7298A", "#66A61E",
                    "#7F7F7F")
DOMAIN_COLORS = dict(zip(DOMAINS, (
    "#C0392B", "#8E44AD", "#2471A3", "#17A589", "#D68910", "#7D6608", "#34495E",
    "#28B463", "#E75480", "#5D6D7E")))
NO_DOMAIN = "#9A9A9A"
UNKNOWN = "#B0B0B0"
UNPRICED_STROKE = "#B03A2E"
PERIOD_BAND = "#EEF3F8"
HEADER_FILL = "#E9EDF2"
GRID = "#E2E2E2"
YEAR_LINE = "#9AA3AD"
TEXT = "#1E1E1E"
MUTED = "#5F6368"
SELECTED = "#111111"


def probability_alpha(probability: float) -> int:
    """Opacity (0–255) of a bar with this probability: 100 % is solid, 0 % still faint."""
    p = max(0.0, min(1.0, probability))
    return round(255 * (0.22 + 0.78 * p))


def color(hex_code: str, alpha: int = 255) -> QColor:
    c = QColor(hex_code)
    c.setAlpha(alpha)
    return c


def category_colors(categories: list[str]) -> dict[str, str]:
    return {c: CATEGORY_PALETTE[i % len(CATEGORY_PALETTE)]
            for i, c in enumerate(sorted(set(categories)))}


def scenario_badge(scenario: str, roles: dict[str, str]) -> str:
    """The letter in an event marker: '' for both scenarios, I, R, or V (variant)."""
    role = roles.get(scenario)
    if role is None:
        return ""
    return {"intervention": "I", "reference": "R"}.get(role, "V")
