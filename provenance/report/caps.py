"""The page's caps, so that ``report.html`` stays bounded on large corpora.

Each cap is stated in the page's notes section:

- ``LINK_VIEW_CAP`` links get a full side-by-side view embedded (texts up to
  ``linkview.FULL_TEXT_CAP`` characters each), the most important first: uncredited reuse of
  state media, other state-media parents, uncredited reuse, then by containment and confidence;
  every other link opens as a card with the first ``LEAD_CHARS`` characters of each text;
- ``CHAIN_GRAPH_CAP`` chain patterns are drawn; every chain is listed in the chains table;
- tables are embedded as JSON and rendered ``PAGE`` rows at a time by the page's script.

Sections read these as ``caps.NAME`` at call time, so a test can lower one with monkeypatch.
"""

from __future__ import annotations

LINK_VIEW_CAP = 300
# Bytes of full link views at most: long texts make fewer views, so the file stays small.
VIEW_BYTES_BUDGET = 8_000_000
FEATURED_LINKS = 4
CHAIN_GRAPH_CAP = 60
LEAD_CHARS = 280
TOP_FINDINGS = 10
STORY_ROWS = 10
