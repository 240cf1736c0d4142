"""The table contract: schema.py, the README and what the stages return agree."""

from pathlib import Path

import pandas as pd
import pytest

from provenance.schema import TABLES, conform, empty, from_columns, markdown, validate

ROOT = Path(__file__).resolve().parents[1]


def test_readme_documents_every_table_and_column():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert markdown() in readme, (
        "README's Tables section is stale: regenerate with python -m provenance.schema"
    )


@pytest.mark.parametrize("name", sorted(TABLES))
def test_empty_tables_validate(name):
    validate(empty(name), name)


def test_conform_orders_casts_and_rejects_unknown_columns():
    frame = pd.DataFrame({"reason": ["no text"], "source": ["a.csv"], "f_x": [1]})
    with pytest.raises(ValueError, match="outside its schema"):
        conform(frame, "errors")
    out = conform(frame.drop(columns=["f_x"]), "errors")
    assert list(out.columns) == ["source", "record", "stage", "reason"]
    assert out["record"].isna().all()
    articles = conform(
        pd.DataFrame(
            {"article_id": ["a"], "published": ["2021-08-23 09:10"], "f_quote_share": ["0.5"]}
        ),
        "articles",
    )
    assert str(articles["published"].dtype) == "datetime64[ns, UTC]"
    assert articles["f_quote_share"].iloc[0] == 0.5
    validate(articles, "articles")


def test_from_columns_is_conform_of_the_inferred_frame():
    # (missing values in string and integer columns, a column of missing values only, a
    # non-ASCII string, columns given out of contract order)
    columns = {
        "span_end": [5, 9, 40], "n_words": [1, 2, 7], "span_start": [0, 3, 30],
        "quote_id": ["q1", "q2", "q3"], "article_id": ["a", "a", "b"],
        "field": ["title", "text", "text"], "text": ["Ja,", "„so“ é", "x"],
        "speaker": ["Sergey Lavrov", None, "he"], "speaker_role": [None, None, None],
        "verb": ["said", None, "told"], "addressee_outlet_id": [None, None, "reuters"],
    }  # fmt: skip
    built = from_columns(columns, "quotes")
    pd.testing.assert_frame_equal(built, conform(pd.DataFrame(columns), "quotes"))
    validate(built, "quotes")
    with pytest.raises(ValueError, match="contract"):
        from_columns({k: v for k, v in columns.items() if k != "verb"}, "quotes")
