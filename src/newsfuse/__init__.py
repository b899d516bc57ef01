"""newsfuse: news reports in, event records with provenance out.

>>> import newsfuse
>>> result = newsfuse.extract_events(["First report text...", "Second report text..."])
>>> result.events, result.articles          # doctest: +SKIP

The public names are bound here, last, from :mod:`newsfuse.api` and
:mod:`newsfuse.dataframes`: no subpackage may share a public name (a subpackage once
named ``analyse`` replaced the function of that name once imported; a test checks that
no module name collides with ``__all__``).
"""

__version__ = "0.1.0"

from .api import Result, analyse, extract_events  # noqa: E402
from .dataframes import claims_dataframe, to_dataframe  # noqa: E402

__all__ = ["Result", "analyse", "claims_dataframe", "extract_events", "to_dataframe", "__version__"]
