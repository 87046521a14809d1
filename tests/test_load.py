import pandas as pd
import pytest

import vnsister
from vnsister import schema as sch


def test_load_tiny_has_typed_tables(tiny):
    ds = vnsister.load(tiny)
    assert ds.version == sch.descriptor(tiny)["version"]
    assert list(ds.partnerships["tie_id"]) == ["T0001", "T0002", "T0003"]
    assert ds.places["admin_level"].dtype == "int64"
    assert ds.places["valid_until"].dtype == "datetime64[ns]"
    assert ds.places.loc[ds.places["place_id"] == "vn-epsilon", "valid_until"].iloc[0] == pd.Timestamp("2025-06-30")
    assert isinstance(ds.partnerships["tie_type"].dtype, pd.CategoricalDtype)
    # empty cells are missing values, not empty strings
    assert ds.partnerships["ended"].isna().all()


@pytest.mark.parametrize("table", sch.TABLES)
def test_columns_follow_the_schema(tiny, table):
    ds = vnsister.load(tiny)
    assert list(ds.tables[table].columns) == sch.field_names(table, tiny)


def test_ties_view_joins_places(tiny):
    ties = vnsister.load(tiny).ties().set_index("tie_id")
    assert ties.at["T0002", "partner_province_id"] == "kr-alpha"  # a gu rolls up to its metropolitan city
    assert ties.at["T0001", "vn_name_local"] == "Đồng Tháp"
    assert ties.at["T0003", "partner_country"] == "LA"


def test_a_commune_rolls_up_to_its_province_not_its_district(tiny):
    places = tiny / "dataset" / "places.csv"
    places.write_text(places.read_text(encoding="utf-8")
                      + "kr-alpha-beta-gu-dong,KR,commune,3,동,kr-alpha-beta-gu,Dong,동,Dong,,,,,,,\n", encoding="utf-8")
    ties = tiny / "dataset" / "partnerships.csv"
    ties.write_text(ties.read_text(encoding="utf-8").replace("T0002,vn-epsilon,government,,kr-alpha-beta-gu,",
                                                             "T0002,vn-epsilon,government,,kr-alpha-beta-gu-dong,"),
                    encoding="utf-8")
    ds = vnsister.load(tiny)
    assert ds.first_level_units()["kr-alpha-beta-gu-dong"] == "kr-alpha"
    assert ds.ties().set_index("tie_id").at["T0002", "partner_province_name_en"] == "Alpha"


def test_every_tie_rolls_up_to_a_first_level_unit():
    ds = vnsister.load()
    level = ds.places.set_index("place_id")["admin_level"]
    ties = ds.ties()
    assert set(ties["vn_province_id"].map(level)) == {1}
    assert ties["vn_province_id"].notna().all()


def test_load_refuses_unreadable_cells(tiny):
    path = tiny / "dataset" / "places.csv"
    path.write_text(path.read_text(encoding="utf-8").replace(",1,tỉnh,,Delta", ",one,tỉnh,,Delta"), encoding="utf-8")
    with pytest.raises(vnsister.ValidationError) as info:
        vnsister.load(tiny)
    errors = info.value.errors
    assert errors[["table", "field", "value"]].values.tolist() == [["places", "admin_level", "one"]]


def test_load_without_path_reads_shipped_copy():
    ds = vnsister.load()
    assert ds.root == vnsister.path().parent
    assert len(ds.places) > 1000


def test_docstring_of_dataset_lists_the_tables():
    for table in sch.TABLES:
        assert table in vnsister.Dataset.__doc__


def test_data_dictionary_is_up_to_date():
    from pathlib import Path

    from vnsister.docs import data_dictionary

    committed = (Path(__file__).resolve().parents[1] / "docs" / "data-dictionary.md").read_text(encoding="utf-8")
    assert committed == data_dictionary(), "run: python -m vnsister.docs"


@pytest.mark.parametrize("table", sch.TABLES)
def test_fast_and_checking_readers_give_the_same_frame(table):
    from vnsister.load import _read_checked, read_raw_table

    root = sch.descriptor() and vnsister.path().parent
    fast, errors = read_raw_table(table, root)
    slow, slow_errors = _read_checked(table, sch.table_path(table, root).read_bytes(), sch.field_names(table, root))
    assert errors == slow_errors == []
    pd.testing.assert_frame_equal(fast, slow)


def test_line_numbers_count_line_breaks_inside_cells(tiny):
    path = tiny / "dataset" / "evidence.csv"
    path.write_text(path.read_text(encoding="utf-8").replace("Twinning since 2013 after a 2008 MoU.",
                                                             '"Twinning since 2013\nafter a 2008 MoU."'), encoding="utf-8")
    path.write_text(path.read_text(encoding="utf-8").replace("V0004,S0002,T0002,,supports,Cooperation since 2004.",
                                                             "V0004,S0002,T0002,,supports,Cooperation since 2004. "),
                    encoding="utf-8")
    report = vnsister.validate(tiny)
    # V0001 spans lines 2-3 (the schema's pattern refuses the line break), so V0004 starts on line 6
    hits = report.errors[(report.errors["table"] == "evidence") & (report.errors["field"] == "note")]
    assert hits["row"].tolist() == [2, 6], report.errors.to_string()
    assert "whitespace" in hits["message"].iloc[1]


def test_data_dictionary_escapes_pipes_the_markdown_way():
    from vnsister.docs import data_dictionary

    text = data_dictionary()
    assert "&#124;" not in text  # entities show literally inside code spans
    assert r"(0[1-9]\|1[0-2])" in text
