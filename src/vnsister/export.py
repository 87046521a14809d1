"""Tables written for spreadsheets and other tools: cells that a spreadsheet would execute are neutralised.

A text cell that begins with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return is read by Excel,
LibreOffice and Google Sheets as a formula ("CSV injection"). Following the OWASP recommendation, every
export that writes CSV prefixes such cells with a single quote, which spreadsheets show as text; numbers are
left as they are.
"""

from __future__ import annotations

import pandas as pd

__all__ = ["FORMULA_PREFIXES", "spreadsheet_safe"]

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy of ``frame`` whose text cells cannot start a spreadsheet formula.

    Examples
    --------
    >>> safe = spreadsheet_safe(pd.DataFrame({"name": ["Hà Nội", "=1+2", "@SUM(A1)"], "n": [-1, 2, 3]}))
    >>> safe["name"].tolist(), safe["n"].tolist()
    (['Hà Nội', "'=1+2", "'@SUM(A1)"], [-1, 2, 3])
    """
    out = frame.copy()
    for column in out.columns:
        if out[column].dtype == object or isinstance(out[column].dtype, pd.StringDtype):
            text = out[column]
            risky = text.map(lambda v: isinstance(v, str) and v.startswith(FORMULA_PREFIXES))
            out[column] = text.where(~risky, "'" + text.astype(str))
    return out
