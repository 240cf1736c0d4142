"""The stories section: the largest story clusters, who ran the text first, how far it went."""

from __future__ import annotations

from typing import Any

import pandas as pd

from provenance.report import caps
from provenance.report.linkview import outlet_badge
from provenance.report.prepared import PreparedTables
from provenance.report.safe import esc, number


def _story_row(prep: PreparedTables, story: Any) -> str:
    """One story (a row of ``itertuples``) as a table row: size, first outlet and headline,
    when, span, credits."""
    first = prep.ctx.article(story.first_article_id)
    title = esc(first["title"]) if first is not None and pd.notna(first["title"]) else ""
    when = (
        story.first_published.strftime("%Y-%m-%d %H:%M") if pd.notna(story.first_published) else "–"
    )
    state = (
        ' <span class="flag">state-media root</span>' if story.root_state_affiliated is True else ""
    )
    return (
        f"<tr><td>{int(story.n_articles):,}</td><td>{int(story.n_outlets):,}</td>"
        f"<td>{outlet_badge(story.first_outlet_id, prep.outlets)}{state}<br><i>{title}</i></td>"
        f"<td>{esc(when)}</td><td>{number(story.span_hours, '.1f')}</td>"
        f"<td>{int(story.n_credited):,}</td></tr>"
    )


def stories_section(prep: PreparedTables) -> str:
    """The largest ``STORY_ROWS`` story clusters and a line of totals."""
    stories = prep.t["stories"]
    top = stories.sort_values(
        ["n_articles", "n_outlets", "story_id"],
        ascending=[False, False, True],
        kind="mergesort",
    ).head(caps.STORY_ROWS)
    rows = [_story_row(prep, r) for r in top.itertuples(index=False)]
    n_state = int(stories["root_state_affiliated"].fillna(False).astype(bool).sum())
    head = (
        f"<p>{len(stories):,} {'story' if len(stories) == 1 else 'stories'} (texts carried "
        "by more than one article) cover "
        f"{int(stories['n_articles'].sum()):,} articles; {n_state:,} start at or root in "
        "state-affiliated media.</p>"
    )
    table = (
        f'<table class="stories"><caption>The {len(rows)} largest stories</caption>'
        "<tr><th>articles</th><th>outlets</th><th>first outlet and headline</th>"
        "<th>first published (UTC)</th><th>span, hours</th><th>credited</th></tr>"
        f"{''.join(rows)}</table>"
        if rows
        else "<p>No two articles share a text.</p>"
    )
    return f'<section class="block" id="stories"><h2>Stories</h2>{head}{table}</section>'
