"""Kinds of agency read from their names, and the counts that use them; expected kinds decided by hand."""

from __future__ import annotations

import re

import pytest

from vnsister import load
from vnsister.agencies import AGENCY_KINDS, BODIES, agency_kind, signing_body
from vnsister.findings import Query, count
from vnsister.report import summary_tables


@pytest.mark.parametrize(("name", "kind"), [
    ("Công an tỉnh Điện Biên (Dien Bien Provincial Police)", "police"),
    ("An ninh huyện Bualapha (Bualapha district security, Khammouane)", "police"),  # Lao district security
    ("Главное управление МВД России по г. Москве (Main Directorate of the Ministry of Internal Affairs)", "police"),
    ("Viện Kiểm sát nhân dân tỉnh Quảng Nam (Quang Nam Provincial People's Procuracy)", "procuracy"),
    ("广西壮族自治区人民检察院 (Guangxi Zhuang Autonomous Region People's Procuratorate)", "procuracy"),
    ("Tòa án sơ thẩm tỉnh Kratie (Kratie Provincial Court of First Instance)", "court"),
    ("Tribunal populaire provincial de Sékong (Sekong Provincial People's Court)", "court"),
    ("Sở Tư pháp tỉnh Sơn La (Son La Department of Justice)", "justice"),
    ("Sở Ngoại vụ tỉnh Lạng Sơn (Lang Son Department of Foreign Affairs)", "foreign_affairs"),
    # an investment-promotion centre that also promotes tourism is an investment body, not a tourism department
    ("Trung tâm Xúc tiến Đầu tư, Thương mại, Du lịch thành phố Hà Nội (Hanoi Investment, Trade and Tourism "
     "Promotion Centre)", "investment"),
    # "Agriculture" holds "culture", "Transport" holds "sport": neither is a culture or sports body
    ("Sở Nông nghiệp và Môi trường thành phố Cần Thơ (Can Tho Department of Agriculture and Environment)",
     "agriculture"),
    ("정읍시 농업기술센터 (Jeongeup City Agricultural Technology Center)", "agriculture"),
    ("Department of Public Works and Transport of Bolikhamxay", "construction_transport"),
    ("Sở Văn hóa, Thể thao và Du lịch tỉnh Lào Cai (Lao Cai Department of Culture, Sports and Tourism)",
     "culture_tourism"),
    ("Văn phòng Di sản Thế giới Luang Prabang (Luang Prabang World Heritage Office)", "culture_tourism"),
    ("Sở Y tế tỉnh Sơn La (Son La Department of Health)", "health"),
    ("Kiểm soát bệnh tật thành phố Sùng Tả (Chongzuo disease-control delegation)", "health"),
    ("경상북도교육청 (Gyeongsangbuk-do Office of Education)", "education"),
    ("Sở Lao động - Thương binh và Xã hội tỉnh Lâm Đồng (Lam Dong Department of Labor)", "labour"),
    ("Sở Nội vụ tỉnh Gia Lai (Gia Lai Department of Home Affairs)", "home_affairs"),
    ("충청남도 베트남사무소 (Chungnam Vietnam Office)", "other"),
])
def test_agency_kind_reads_the_name(name, kind):
    assert agency_kind(name) == kind


@pytest.mark.parametrize("name", ["", "   ", None, 3])
def test_agency_kind_refuses_what_is_not_a_name(name):
    with pytest.raises(ValueError, match="non-empty string"):
        agency_kind(name)


@pytest.fixture
def tiny_police(tiny):
    """The tiny package with T0002 signed by the Vietnamese side's police."""
    path = tiny / "dataset" / "partnerships.csv"
    path.write_text(path.read_text(encoding="utf-8").replace(
        "T0002,vn-epsilon,government,,kr-alpha-beta-gu,government,,",
        "T0002,vn-epsilon,agency,Công an tỉnh Hải Dương (Hai Duong Provincial Police),kr-alpha-beta-gu,agency,"
        "베타구 경찰서 (Beta-gu Police Station),"), encoding="utf-8")
    return tiny


def test_signing_body_on_each_side(tiny_police):
    ties = load(tiny_police).partnerships
    assert signing_body(ties).tolist() == ["government", "police", "government"]
    assert signing_body(ties, side="partner").tolist() == ["government", "police", "government"]
    with pytest.raises(ValueError, match="side='korean' is not allowed"):
        signing_body(ties, side="korean")


@pytest.mark.parametrize(("query", "expected"), [
    (Query("ties", parties="any", agency_kinds=("police",)), 1),              # T0002
    (Query("ties", parties="any", agency_kinds=("court", "procuracy")), 0),
    (Query("ties", parties="any"), 3),
    (Query("ties"), 2),                                                       # governments only: T0001, T0003
])
def test_a_query_counts_agencies_by_kind(tiny_police, query, expected):
    assert count(load(tiny_police), query, "2030-01-01") == expected


@pytest.mark.parametrize(("make", "message"), [
    (lambda: Query("ties", agency_kinds=("police",)), "needs parties='any'"),
    (lambda: Query("ties", parties="any", agency_kinds=("judge",)), "'judge' is not allowed"),
    (lambda: Query("ties", parties="any", agency_kinds="police"), "must be a tuple, not a string"),
    (lambda: Query.parse("counting=ties; parties=any; agency_kinds=customs"), "'customs' is not allowed"),
])
def test_a_bad_agency_query_is_refused(make, message):
    with pytest.raises(ValueError, match=message):
        make()


def test_an_agency_query_reads_back_from_its_text():
    text = "counting=pairs; partner_country=LA; parties=any; agency_kinds=justice,police"
    assert str(Query.parse(text)) == text


def test_report_counts_ties_by_signing_body(tiny_police):
    table = summary_tables(load(tiny_police))["by_body"].set_index("body")
    assert table.loc["Local government", "ties"] == 2 and table.loc["Police", "ties"] == 1
    assert table.loc["Police", "South Korea"] == 1 and table.loc["Local government", "Laos"] == 1
    assert set(table.index) <= set(BODIES.values()) and "other" in table.columns


# Their only page (a 2008 report in English) names the four bodies "tourism departments" of their provinces; the
# departments' Vietnamese names of that year are not given, so the rows keep the page's English description.
ENGLISH_ONLY = {"T1018", "T1019", "T1020", "T1021"}
VIETNAMESE_BODY = re.compile(r"^(Sở|Công an|Tòa án|Viện|Hội đồng|Trung tâm|Ban|Chi cục|Cục|Ủy ban|Đài)\s")


def test_shipped_vietnamese_bodies_are_named_in_vietnamese_first():
    ties = load().partnerships
    named = ties[ties["vn_party"] != "government"]
    english = set(named.loc[~named["vn_agency"].str.match(VIETNAMESE_BODY), "tie_id"])
    assert english == ENGLISH_ONLY


def test_shipped_agency_kinds():
    ties = load().partnerships
    kinds = signing_body(ties)[ties["vn_party"] == "agency"]
    assert set(kinds) <= set(AGENCY_KINDS) - {"other"}  # every Vietnamese agency's name shows its kind
    # the 0.50.0 intake: 17 and 14; at 0.53.0 the Quảng Trị court's friendship with the Savannakhet court (T1198)
    assert (kinds == "procuracy").sum() == 17 and (kinds == "court").sum() == 15


def test_html_report_shows_ties_by_signing_body(tiny_police):
    from vnsister.report import html_report

    page = html_report(load(tiny_police))
    section = page[page.index("<h2>Ties by the Vietnamese signing body</h2>"):].split("<h2>")[1]
    assert "Police" in section and "Local government" in section and "n = 3 ties" in section
