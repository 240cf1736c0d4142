"""The table contract: schema.py, the README and what the stages return agree."""

from pathlib import Path

import pandas as pd
import pytest

from provenance.schema import TABLES, conform, empty, markdown, validate

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
