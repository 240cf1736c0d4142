"""The notes section: how to read the report, the caps, and filters preset in the address."""

from __future__ import annotations

from provenance.report import caps
from provenance.report.linkview import FULL_TEXT_CAP
from provenance.report.plots import PLOT_TOP_OUTLETS


def notes_section() -> str:
    """How to read links, chains and framing deltas; every cap on the page; address presets."""
    return (
        '<section class="block" id="notes"><h2>How to read this report</h2><ul>'
        "<li><b>Links</b> join a child article to the parent it takes from: by a credit "
        "(dateline, source line), a citation (an interview, a statement) or text reuse "
        "(aligned passages). <i>Uncredited state-media reuse</i> is text reuse of a "
        "state-affiliated outlet with no credit to it.</li>"
        "<li><b>Chains</b> follow each article's chosen parent to its root source.</li>"
        "<li><b>Framing deltas</b> are child minus parent; the evidence column lists the spans "
        "behind a value.</li>"
        f"<li><b>Caps</b>: full side-by-side texts for the {caps.LINK_VIEW_CAP} most important "
        f"links (each text up to {FULL_TEXT_CAP:,} characters; fewer links when their views pass "
        f"{caps.VIEW_BYTES_BUDGET / 1e6:.0f} MB), {caps.LEAD_CHARS}-character openings for "
        f"the rest; graphs for the {caps.CHAIN_GRAPH_CAP} most important chain patterns; plots "
        f"for the {PLOT_TOP_OUTLETS} outlets with most articles. The CSV files beside this "
        "report hold every row.</li>"
        "<li>Filters can be preset in the address: <code>report.html#outlet=sputnik&amp;"
        "state=usm&amp;evidence=text_reuse</code>; <code>#link=LINK_ID</code> opens a link's "
        "view.</li></ul></section>"
    )
