"""The Tijdlijn section: the whole case on one time axis, edited directly (issue 7).

``style`` sizes and colours · ``items`` bars, markers, events · ``scene`` the shared
layout as items, synced per edit · ``edits`` the undo commands · ``view`` scrolling, zoom,
fixed labels and axis · ``tooltips`` hover texts · ``legend`` · ``panel`` the side panel ·
``session`` the full-screen session view · ``section`` puts them together.
"""
