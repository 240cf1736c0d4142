"""The tables prepared once for every section of the page: conformed tables, outlets, links."""

from __future__ import annotations

from collections.abc import Mapping
from functools import cached_property

import pandas as pd

from provenance.report import data as rd
from provenance.report.linkview import LinkContext


class PreparedTables:
    """The contract tables conformed (``t``), the outlet lookup and the ranked links.

    The link context (indexes the link views need) is built on first use only.
    """

    def __init__(self, tables: Mapping[str, pd.DataFrame]):
        self.t = rd.prepare_tables(tables)
        self.outlets = rd.outlet_lookup(self.t)
        self.links = rd.link_frame(self.t, self.outlets)

    @cached_property
    def ctx(self) -> LinkContext:
        """Indexes over the tables for link views and article look-ups."""
        return LinkContext(self.t, self.outlets)

    def outlet_name(self, outlet_id: str) -> str:
        """The registry name of ``outlet_id``, else the id without its ``domain:`` prefix."""
        if outlet_id in self.outlets.index:
            return str(self.outlets.loc[outlet_id, "name"])
        return outlet_id.removeprefix("domain:")
