"""Korean transcription of Vietnamese names and Korean/English reading by the curation assistant."""

from __future__ import annotations

import datetime as dt

import pytest

import vnsister
from vnsister.cli import main
from vnsister.extract import candidates, detect_language
from vnsister.hangul import korean_transcription
from vnsister.names import Gazetteer

# The examples of the Korean standard transcription table for Vietnamese (2004): letter, example, Hangul.
RULE_EXAMPLES = {
    "Bao": "바오", "cao": "까오", "khac": "칵", "kiêt": "끼엣", "lăk": "락", "quan": "꽌", "cha": "짜", "bach": "박",
    "duc": "죽", "Dương": "즈엉", "gia": "자", "giây": "저이", "đan": "단", "Đinh": "딘", "gai": "가이", "ghe": "개",
    "ghi": "기", "hoa": "호아", "Khai": "카이", "lâu": "러우", "long": "롱", "My Lay": "밀라이", "minh": "민",
    "tôm": "똠", "bun": "분", "ngo": "응오", "ang": "앙", "đông": "동", "nghi": "응이", "nghê": "응에",
    "nhât": "녓", "nhơn": "년", "anh": "아인", "put": "뿟", "chap": "짭", "Pham": "팜", "phơ": "퍼", "rang": "랑",
    "rôi": "로이", "sang": "상", "tam": "땀", "têt": "뗏", "hat": "핫", "thao": "타오", "Trân": "쩐", "tre": "째",
    "vai": "바이", "xanh": "싸인", "xeo": "쌔오", "Đăng": "당", "măc": "막", "cân": "껀", "em": "앰",
    "cheo": "째오", "chê": "쩨", "Huê": "후에", "dai": "자이", "yên": "옌", "quy": "꾸이", "ong": "옹", "ôm": "옴",
    "sơn": "선", "mơi": "머이", "cung": "꿍", "tư": "뜨", "kia": "끼어", "ria": "리어", "chiêng": "찌엥",
    "diêm": "지엠", "lua": "루어", "mua": "무어", "buôn": "부온", "quôc": "꾸옥", "cưa": "끄어", "mưa": "므어",
    "rươu": "르어우", "phương": "프엉",
}
# Province names as the Korean press writes them where it follows the rule (with tones and unit words dropped).
PRESS_SPELLINGS = {
    "Hải Dương": "하이즈엉", "Hải Phòng": "하이퐁", "Thái Bình": "타이빈", "Vĩnh Phúc": "빈푹", "Thanh Hóa": "타인호아",
    "Bắc Ninh": "박닌", "Đà Nẵng": "다낭", "Hà Nội": "하노이", "Cần Thơ": "껀터", "Quảng Nam": "꽝남",
    "Đồng Nai": "동나이", "Nghệ An": "응에안", "Tuyên Quang": "뚜옌꽝", "Yên Bái": "옌바이", "Hưng Yên": "흥옌",
}


@pytest.mark.parametrize(("vietnamese", "hangul"), sorted({**RULE_EXAMPLES, **PRESS_SPELLINGS}.items()))
def test_transcription_follows_the_table(vietnamese, hangul):
    assert korean_transcription(vietnamese) == hangul


@pytest.mark.parametrize("name", ["Krông Pắc", "Pleiku", "M'Đrắk", "xyz"])
def test_names_outside_the_rule_are_refused_not_guessed(name):
    with pytest.raises(ValueError, match="not a Vietnamese syllable"):
        korean_transcription(name)


def test_every_province_and_district_has_its_transcription_as_alias():
    places = vnsister.load().places
    units = places[(places["country"] == "VN") & (places["admin_level"] <= 2)]
    missing = []
    for row in units.itertuples():
        try:
            hangul = korean_transcription(row.name_local)
        except ValueError:
            continue  # Central Highlands names outside the rule
        if hangul not in str(row.aliases).split(";"):
            missing.append(row.place_id)
    assert not missing, "run: python scripts/add_korean_aliases.py"
    assert len(units) - 30 <= sum(1 for a in units["aliases"].fillna("") if any("\uac00" <= c <= "\ud7a3" for c in a))


@pytest.mark.parametrize(("text", "place"), [("빈즈엉성은", "vn-binh-duong"), ("빈증성과", "vn-binh-duong"),
                                             ("호치민시와", "vn-ho-chi-minh"), ("호찌민시", "vn-ho-chi-minh"),
                                             ("하이퐁시는", "vn-hai-phong"), ("타인호아성", "vn-thanh-hoa"),
                                             # spellings printed in the titles of cited Korean pages
                                             ("탱화성과", "vn-thanh-hoa"), ("퀴논시와", "vn-binh-dinh-quy-nhon"),
                                             ("화방현", "vn-da-nang-hoa-vang"), ("바리어-붕따우성과", "vn-ba-ria-vung-tau"),
                                             ("껀더시와", "vn-can-tho")])
def test_gazetteer_reads_korean_press_names_with_units_and_particles(text, place):
    matches = Gazetteer(vnsister.load().places).find(text)
    assert [m.place_ids for m in matches] == [(place,)]


@pytest.mark.parametrize(("sentence", "expected"), [
    ("경북 구미시는 지난 22일 베트남 빈즈엉성과 자매결연 협약을 체결했다고 밝혔다.", ("vn-binh-duong", "kr-gumi", "twinning", "2023-09-22")),
    ("대전시는 2005년 5월 17일 베트남 빈즈엉성과 자매결연을 맺은 뒤 교류를 이어 왔다.", ("vn-binh-duong", "kr-daejeon", "twinning", "2005-05-17")),
    ("The central city of Da Nang signed a memorandum of understanding on friendly cooperation with Daegu on "
     "Sept. 22, 2023, officials said.", ("vn-da-nang", "kr-daegu", "friendship", "2023-09-22")),
])
def test_korean_and_english_sentences_give_the_tie(sentence, expected):
    found = candidates(sentence, article_date=dt.date(2023, 9, 25))
    assert [(c.vn_place_id, c.partner_place_id, c.tie_type, c.date) for c in found] == [expected]


def test_language_is_detected_by_script():
    assert [detect_language(t) for t in ("대전시와 자매결연", "Tỉnh Bình Dương kết nghĩa", "Sister city")] == ["ko", "vi", "en"]


@pytest.mark.parametrize(("content", "words"), [(b"", "is empty"), (b"  \n", "is empty"), (b"PK\x00\x03", "binary"),
                                               (b"\xff\xfeabc", "not UTF-8")])
def test_extract_refuses_unreadable_input_with_exit_2(tmp_path, capsys, content, words):
    article = tmp_path / "article.txt"
    article.write_bytes(content)
    assert main(["extract", str(article)]) == 2
    err = capsys.readouterr().err
    assert words in err and "Traceback" not in err


def test_extract_lang_option_is_checked(capsys):
    with pytest.raises(SystemExit):
        main(["extract", "-", "--lang", "pt"])
    with pytest.raises(ValueError, match="lang='pt' is not allowed"):
        candidates("text", lang="pt")


def test_cli_offers_the_languages_the_extractor_reads():
    from vnsister.cli import build_parser
    from vnsister.extract import LANGUAGES

    extract = build_parser()._subparsers._group_actions[0].choices["extract"]
    lang = next(a for a in extract._actions if a.dest == "lang")
    assert tuple(lang.choices) == LANGUAGES


@pytest.mark.parametrize(("text", "place"), [("the Île-de-France region", "fr-ile-de-france"),
                                             ("tỉnh Bà Rịa - Vũng Tàu và", "vn-ba-ria-vung-tau"),
                                             ("Ba Ria-Vung Tau province", "vn-ba-ria-vung-tau")])
def test_hyphens_and_spaced_hyphens_read_as_in_the_gazetteer(text, place):
    assert [m.place_ids for m in Gazetteer(vnsister.load().places).find(text)] == [(place,)]
