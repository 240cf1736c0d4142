"""Credits on a fresh unlabelled sample (session 12: 210 ABP articles drawn with seed 121207
from positions >= 20,000, labelled ids skipped, and the PTC articles; each article's head and
tail read with its credit rows): the forms read wrong or missed. Every text here was written
for these tests; none is copied from an article."""

from __future__ import annotations

from test_credits_false_forms import _BODY, _source_credits

_PROSE = (
    "The mayor made a similar promise last spring at a school fair in the north of the city, "
    "saying that when the budget allowed it he would build two new libraries and a pool.\n"
)


def test_a_tag_closing_a_paragraph_that_prose_follows_is_no_credit() -> None:
    text = (
        _BODY + "“We will not close it,” a spokesman told The Campus Ledger on Tuesday. The plan "
        "is still under review, he added. (The Campus Ledger)\n" + _PROSE
    )
    assert _source_credits(text) == set()


def test_a_tag_on_the_last_line_still_credits() -> None:
    assert _source_credits(_BODY + "The vote is set for May. (Reuters)\n") == {"reuters"}


def test_a_site_name_with_of_the_runs_to_the_line_end() -> None:
    text = _BODY + "Article posted with permission from Voice of the Prairie\nRead more here.\n"
    assert _source_credits(text) == {"Voice of the Prairie"}


def test_this_text_first_appeared_in_credits() -> None:
    text = _BODY + "This text first appeared in the Riverside Catholic Herald.\n"
    assert _source_credits(text) == {"the Riverside Catholic Herald"}
