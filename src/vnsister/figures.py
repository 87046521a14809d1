"""Captions for figures a paper can carry: the release, the as-of date with its time rule, n, and the caveats.

Every figure the package, its report and its notebooks draw ends with one caption built by :func:`caption` and
placed by :func:`add_caption`, which wraps it to the figure's width and lays the axes out above it, so that the
caption never runs into an axis label or past the figure's edge, and ``n = …`` is never split across lines.
"""

from __future__ import annotations

import re
import textwrap
from numbers import Real
from typing import TYPE_CHECKING

from vnsister import checks
from vnsister.load import Dataset

if TYPE_CHECKING:
    from matplotlib.backend_bases import RendererBase
    from matplotlib.figure import Figure
    from matplotlib.text import Text

__all__ = ["EFFORT_NOTE", "NO_TIME_FILTER", "RULE_NOTES", "add_caption", "caption", "stamp"]

# what an as-of count does with a tie that has no established date, by the ``undated`` rule of vnsister.timeline
RULE_NOTES: dict[str, str] = {
    "attested": "An undated tie counts from its earliest dated evidence (or page-order bound); one with neither "
                "is left out.",
    "exclude": "Ties without an established date are left out.",
    "include": "Ties without an established date count on every date (an upper bound).",
}
EFFORT_NOTE = "Search effort was uneven across countries (docs/codebook.md §8)."
# what a count without an as-of day covers (figures, and the report's tables of the release's contents)
NO_TIME_FILTER = "no time filter: every record, dated or undated, lapsed ones too"
_NBSP = "\u00a0"


def caption(ds: Dataset, n: int, unit: str = "ties", as_of: str | None = None, undated: str = "attested",
            notes: str = "", period: str | None = None) -> str:
    """The caption of a figure that shows ``n`` ``unit`` of release ``ds``, on day ``as_of`` under the time rule
    ``undated`` (:mod:`vnsister.timeline`), or of every record when ``as_of`` is ``None``; ``period`` says instead
    what time a figure without one as-of day covers ("each finding on its own date"); ``notes`` adds the figure's
    own caveats before the note on search effort.

    Examples
    --------
    >>> text = caption(load(), 515, "dated ties", as_of="2012", notes="Undated ties are not shown.")
    >>> text.startswith("Source: vnsister ") and "; as of 2012-12-31; n = 515 dated ties." in text
    True
    >>> "no time filter" in caption(load(), 1127)
    True
    >>> "; each finding on its own date; n = 13 published figures." in caption(load(), 13, "published figures",
    ...                                                                       period="each finding on its own date")
    True
    >>> caption(load(), -1)
    Traceback (most recent call last):
    ...
    ValueError: n=-1 must be a count (an integer of 0 or more)
    """
    if isinstance(n, bool) or not isinstance(n, int) or n < 0:
        raise ValueError(f"n={n!r} must be a count (an integer of 0 or more)")
    if not isinstance(unit, str) or not unit.strip():
        raise ValueError(f"unit={unit!r} must name what is counted, such as 'ties' or 'agreements'")
    if not isinstance(notes, str):
        raise ValueError(f"notes={notes!r} must be a string")
    checks.choice("undated", undated, tuple(RULE_NOTES))
    if period is not None and (as_of is not None or not isinstance(period, str) or not period.strip()):
        raise ValueError(f"period={period!r} must be a non-empty string, given only without as_of")
    if as_of is None:
        when, rule = (period.strip() if period is not None else NO_TIME_FILTER), ""
    else:
        when, rule = f"as of {checks.as_of_day('as_of', as_of).date().isoformat()}", RULE_NOTES[undated]
    parts = [stamp(ds, when, f"n = {n} {unit.strip()}"), rule, notes.strip(), EFFORT_NOTE]
    return " ".join(part for part in parts if part)


def stamp(ds: Dataset, when: str, count: str) -> str:
    """The opening every caption carries, of figures and of the report's tables alike: the release and its date,
    the time the counts refer to and how many of what they count.

    Examples
    --------
    >>> stamp(load(), "as of 2012-12-31", "n = 515 dated ties").endswith("; as of 2012-12-31; n = 515 dated ties.")
    True
    """
    return f"Source: vnsister {ds.version} (released {ds.released}); {when}; {count}."


def add_caption(fig: Figure, text: str, fontsize: float = 7.0) -> Text:
    """Set ``text`` at the foot of ``fig``, wrapped to its width, and lay the axes out above it; return the text.

    Call it once the figure is drawn, as its last step: it runs ``tight_layout`` for the space it needs.

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> import matplotlib.pyplot as plt
    >>> fig, ax = plt.subplots(figsize=(4, 3))
    >>> note = add_caption(fig, "Source: vnsister; n = 12 ties. " + "A long caveat. " * 12)
    >>> note.get_text().count("\\n") >= 2 and "n = 12 ties" in note.get_text()
    True
    >>> add_caption(fig, "")
    Traceback (most recent call last):
    ...
    ValueError: text='' must be a non-empty caption
    """
    from matplotlib.figure import Figure

    if not isinstance(fig, Figure):
        raise ValueError(f"fig={fig!r} must be a matplotlib Figure")
    if not isinstance(text, str) or not text.strip():
        raise ValueError(f"text={text!r} must be a non-empty caption")
    if isinstance(fontsize, bool) or not isinstance(fontsize, Real) or not 4 <= fontsize <= 20:
        raise ValueError(f"fontsize={fontsize!r} must be a number of points from 4 to 20")
    width_px = fig.get_figwidth() * fig.dpi
    # about half an em a character in the default sans-serif face; narrowed below while the rendered text is wider
    columns = max(20, int(fig.get_figwidth() * 72 / (fontsize * 0.5)))
    note = fig.text(0.01, 0.01, "", fontsize=fontsize, color="#555555", ha="left", va="bottom")
    renderer = _renderer(fig)
    while True:
        note.set_text(_wrap(text, columns))
        extent = note.get_window_extent(renderer) if renderer is not None else None
        if extent is None or extent.x1 <= 0.99 * width_px or columns <= 20:
            break
        columns = max(20, int(columns * 0.9))
    height = (extent.height if extent is not None else _estimated_height(note.get_text(), fontsize, fig.dpi))
    room = min(0.5, height / (fig.get_figheight() * fig.dpi) + 0.02)
    fig.tight_layout(rect=(0, room, 1, 1))
    return note


def _wrap(text: str, columns: int) -> str:
    """``text`` wrapped at ``columns`` characters, never inside ``n = 12`` or a similar ``name = value``."""
    kept = re.sub(r"(\S) = (\S)", lambda m: f"{m.group(1)}{_NBSP}={_NBSP}{m.group(2)}", " ".join(text.split()))
    lines = textwrap.wrap(kept, width=columns, break_long_words=False, break_on_hyphens=False)
    return "\n".join(lines).replace(_NBSP, " ")


def _renderer(fig: Figure) -> RendererBase | None:
    """The figure's renderer where its canvas has one (Agg and the inline backend do), for measuring text."""
    get = getattr(fig.canvas, "get_renderer", None)
    return get() if callable(get) else None


def _estimated_height(text: str, fontsize: float, dpi: float) -> float:
    return (text.count("\n") + 1) * fontsize * 1.3 / 72 * dpi
