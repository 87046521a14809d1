"""vnsister.extract: dates, tie-type wording, name resolution, clutter, and the score on the seed articles."""

from __future__ import annotations

import datetime as dt
import sys
import unicodedata
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from vnsister import load
from vnsister.cli import main
from vnsister.extract import LANGUAGES, _last_before, candidates, find_dates, tie_type_of
from vnsister.names import Gazetteer, fold, fold_all

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"


@pytest.fixture(scope="module")
def ds():
    return load()


@pytest.fixture(scope="module")
def gazetteer(ds):
    return Gazetteer(ds.places)


@pytest.mark.parametrize(("text", "article_date", "expected"), [
    ("ký ngày 21/10/2008 tại Vĩnh Phúc", None, "2008-10-21"),
    ("ngày 1/7/2025", None, "2025-07-01"),
    ("vào tháng 10/2013", None, "2013-10"),
    ("vào tháng 5 năm 2009", None, "2009-05"),
    ("từ năm 2005", None, "2005"),
    ("kỷ niệm 40 năm (1984 – 2024)", None, "1984"),
    ("vào đầu năm nay 2022", None, "2022"),
    ("ký kết vào đầu năm nay", dt.date(2022, 11, 11), "2022"),
    ("Chiều 7/2, tại tỉnh Hải Dương", dt.date(2023, 2, 8), "2023-02-07"),
    # a day without its year is the last such day up to the article's date: reports tell what has happened
    ("Chiều 28/12, hai bên đã ký kết", dt.date(2024, 1, 3), "2023-12-28"),
    ("지난 28일 협약을 체결했다", dt.date(2023, 10, 2), "2023-09-28"),
    ("지난 31일 협약을 체결했다", dt.date(2023, 10, 2), "2023-08-31"),  # September has no 31st
    ("12월 28일 협약을 체결했다", dt.date(2024, 1, 3), "2023-12-28"),
    ("2일 협약을 체결했다", dt.date(2023, 10, 2), "2023-10-02"),
    ("ໃນວັນທີ 13 ສິງຫາ 2024", None, "2024-08-13"),
    ("ວັນທີ 17 ມີຖຸນາ ປີ 2018", None, "2018-06-17"),
    ("ໃນເດືອນພະຈິກ 2017", None, "2017-11"),
    ("ມາແຕ່ປີ 2012", None, "2012"),
    ("នៅថ្ងៃទី០៩ ខែមេសា ឆ្នាំ២០១៩", None, "2019-04-09"),  # Khmer digits
    ("កាលពីខែកក្កដា ឆ្នាំ2011", None, "2011-07"),
    ("តាំងពីឆ្នាំ២០១៤", None, "2014"),
    ("ថ្ងៃទី១៩ ខែតុលា បានចុះហត្ថលេខា", dt.date(2024, 1, 3), "2023-10-19"),
    ("ວັນທີ 28 ທັນວາ, ສອງແຂວງໄດ້ລົງນາມ", dt.date(2024, 1, 3), "2023-12-28"),
    ("ຕອນເຊົ້າວັນທີ 9/9", dt.date(2019, 9, 10), "2019-09-09"),
    # Thai prints years of the Buddhist era (2565 is 2022), often as two digits after an abbreviated month
    ("เมื่อวันที่ 16 พฤศจิกายน 2565 ที่ทำเนียบรัฐบาล", None, "2022-11-16"),
    ("วันที่ 7 ส.ค. 67 ผู้ว่าราชการจังหวัด", None, "2024-08-07"),
    ("๑๙ พ.ย. ๒๕๖๔", None, "2021-11-19"),  # Thai digits
    ("ในเดือนมกราคม พ.ศ. 2567", None, "2024-01"),
    ("ตั้งแต่ปี 2548", None, "2005"),
    ("ในปี ค.ศ. 2015", None, "2015"),  # a common-era year stays as it is
    ("วันที่ 21 พฤศจิกายน ที่ผ่านมา", dt.date(2022, 11, 25), "2022-11-21"),
    # Russian month names in the genitive and prepositional, years with года/году/г., dotted dates
    ("23 мая 2019 года подписали меморандум", None, "2019-05-23"),
    ("в ноябре 2024 года", None, "2024-11"),
    ("соглашение, подписанное в 2000 году", None, "2000"),
    ("побратимы с 2015 года", None, "2015"),
    ("подписан 14.05.2018 в Тэйнине", None, "2018-05-14"),
    ("16 октября делегации подписали", dt.date(2014, 10, 20), "2014-10-16"),
])
def test_date_formats(text, article_date, expected):
    assert find_dates(text, article_date)[0][0] == expected


@pytest.mark.parametrize("text", ["ngày 31/2/2020", "tháng 13/2020", "Chiều 7/2 (no article date)",
                                  "ວັນທີ 31 ກຸມພາ 2020", "ວັນທີ 31 ກຸມພາ ປີ 2020", "ວັນທີ 22 ເມສານີ້ (no article date)",
                                  "សម្រាប់ឆ្នាំ២០២៤-២០២៩ (a plan's period)", "ថ្ងៃទី៣១ ខែកុម្ភៈ ឆ្នាំ២០២០",
                                  "วันที่ 31 กุมภาพันธ์ 2565", "แผนปี 2568-2573 (a plan's period)",
                                  "วันที่ 21 พฤศจิกายน (no article date)", "31 февраля 2020 года", "31.02.2020",
                                  "23 мая (no article date)"])
def test_impossible_or_unanchored_dates_are_not_invented(text):
    assert find_dates(text) == []


@pytest.mark.parametrize(("phrase", "kind"), [
    ("hai tỉnh kết nghĩa", "twinning"),
    ("thiết lập quan hệ hữu nghị hợp tác", "friendship"),
    ("ký Bản ghi nhớ thiết lập quan hệ hợp tác", "cooperation"),
    ("ký biên bản ghi nhớ", "cooperation"),
    ("자매결연 협약을 체결", "twinning"),
    ("우호교류 협약", "friendship"),
    ("signed a sister city agreement", "twinning"),
    ("tham quan bảo tàng", ""),
    ("ont signé un accord de jumelage", "twinning"),
    ("deux villes jumelées depuis 1997", "twinning"),
    ("l'établissement de relations d'amitié et de coopération", "friendship"),
    ("ont signé un protocole d'accord", "cooperation"),
    ("une convention de coopération décentralisée", "cooperation"),
    ("ils se sont mis d'accord pour visiter le musée", ""),      # "d'accord" (agreed) names no agreement
    ("la coopération est possible dans de nombreux domaines", ""),  # cooperation talked about, nothing agreed
    ("姉妹都市協定を締結した", "twinning"),
    ("友好交流に関する覚書を交わした", "friendship"),
    ("経済協力に関する覚書を締結した", "cooperation"),
    ("代表団が工場を視察した", ""),
    ("两市缔结友好城市关系", "twinning"),   # 友好城市 is China's formal sister-city tie
    ("建立友好省关系", "friendship"),
    ("签署了合作备忘录", "cooperation"),
])
def test_tie_type_phrases(phrase, kind):
    assert tie_type_of(phrase)[0] == kind


# (text, article date, expected (vn place, partner place, date) triples)
FRENCH_REPORTS = [
    # a French report: the parties, a date with or without its year, the venue left out
    ("La province de Quang Nam et la préfecture japonaise de Nagasaki ont signé le 5 juin 2017 un accord d'échanges "
     "d'amitié.", None, {("vn-quang-nam", "jp-nagasaki", "2017-06-05")}),
    ("Le 18 décembre, à Hanoï, la province de Bac Ninh et la ville sud-coréenne de Gumi ont signé un accord d'amitié.",
     dt.date(2024, 1, 5), {("vn-bac-ninh", "kr-gumi", "2023-12-18")}),
    ("La ville de Hai Phong et la région Île-de-France ont conclu une convention de coopération en mars 2019.",
     None, {("vn-hai-phong", "fr-ile-de-france", "2019-03")}),
    # plans and wishes state no tie
    ("La province de Quang Nam souhaite signer prochainement un accord de jumelage avec Nagasaki.", None, set()),
    ("Les deux parties devraient signer bientôt un accord de coopération entre Da Nang et Toluca.", None, set()),
]
JAPANESE_REPORTS = [
    # a Japanese report: names without spaces, dates with and without the year, the venue left out
    ("宮崎県は2015年11月、ナムディン省と農業分野における協力の合意書を締結した。", None,
     {("vn-nam-dinh", "jp-miyazaki", "2015-11")}),
    ("ハノイ市で1月10日、ハイズオン省と秋田県は友好交流に関する覚書に署名した。", dt.date(2024, 1, 12),
     {("vn-hai-duong", "jp-akita", "2024-01-10")}),
    ("12月28日、ダナン市と堺市は協力覚書を交わした。", dt.date(2024, 1, 5), {("vn-da-nang", "jp-sakai", "2023-12-28")}),
    # "フエ省" is the province, "フエ市" the city of the article's day
    ("奈良県とフエ省は友好提携の協定を結んだ。", None, {("vn-thua-thien-hue", "jp-nara", "")}),
    # plans state no tie
    ("岐阜県はゲアン省との友好提携の締結を目指している。", None, set()),
    ("来年、クアンニン省と協定を結ぶ予定だ。", None, set()),
]
CHINESE_REPORTS = [
    # a Chinese report: names with their unit words, dates, the venue left out, plans stating no tie
    ("2019年12月2日，在越南河内，东兴市与越南芒街市签署了旅游合作备忘录。", None,
     {("vn-quang-ninh-mong-cai", "cn-dongxing", "2019-12-02")}),
    ("11月28日，百色市与越南高平省签署合作协议。", dt.date(2024, 1, 4), {("vn-cao-bang", "cn-baise", "2023-11-28")}),
    ("桂林市与越南下龙市将于明年签署友好城市协议。", None, set()),
]


LAO_REPORTS = [
    # a Lao report: names with their unit words joined or apart, ຫຼ and ຫລ alike, Lao month names, the venue (ຢູ່,
    # ທີ່) left out, a plan and a meeting to discuss stating no tie
    ("ແຂວງ ຫົວພັນ ແລະ ແຂວງກວາງນິງ ໄດ້ລົງນາມບົດບັນທຶກການຮ່ວມມື ຢູ່ເມືອງຊຳເໜືອ.", None,
     {("vn-quang-ninh", "la-houaphanh", "")}),
    ("ນະຄອນຫລວງວຽງຈັນ ແລະ ນະຄອນຮ່າໂນ້ຍ ໄດ້ເຊັນຂໍ້ຕົກລົງຮ່ວມມືໃນເດືອນພະຈິກ 2017.", None,
     {("vn-ha-noi", "la-vientiane-capital", "2017-11")}),
    ("ແຂວງກວາງຈິ ແລະ ແຂວງສາລະວັນ ຈະລົງນາມບົດບັນທຶກການຮ່ວມມືໃນປີໜ້າ.", None, set()),
    ("ການນຳແຂວງແຄັງຮວ່າ ແລະ ແຂວງຈຳປາສັກ ໄດ້ພົບປະເພື່ອປຶກສາຫາລືການຮ່ວມມື.", None, set()),
]


KHMER_REPORTS = [
    # a Khmer report: ខេត្ដ and ខេត្ត alike, Khmer digits, border forces and a plan stating no tie
    ("ថ្ងៃទី១៦ ខែមករា ឆ្នាំ២០២៥ ខេត្ដវិញឡុង និងខេត្តបន្ទាយមានជ័យ បានចុះហត្ថលេខាលើអនុស្សរណៈ។", None,
     {("vn-vinh-long", "kh-banteay-meanchey", "2025-01-16")}),
    ("កងកម្លាំងការពារព្រំដែនខេត្តតៃនិញ និងខេត្តស្វាយរៀង បានចុះហត្ថលេខាលើកិច្ចព្រមព្រៀង។", None, set()),
    ("ខេត្តឡុងអាន គ្រោងនឹងចុះហត្ថលេខាលើអនុស្សរណៈជាមួយខេត្តត្បូងឃ្មុំ។", None, set()),
]


THAI_REPORTS = [
    # a Thai report: paragraphs without a closing mark, abbreviation dots that end no sentence, Buddhist-era
    # years, names listed with spaces and และ, the venue (ที่, ณ) and a university named after its province left
    # out, a friendship bridge and a plan stating no tie
    ("ขอนแก่นลงนามเมืองพี่เมืองน้อง\nเมื่อวันที่ 16 พ.ย. 65 จังหวัดขอนแก่นและนครดานังได้ลงนามบันทึกความเข้าใจ"
     "การเป็นเมืองพี่เมืองน้อง ณ กรุงเทพมหานคร โดยมีนายกรัฐมนตรีของทั้งสองประเทศเป็นสักขีพยาน\n", None,
     {("vn-da-nang", "th-khon-kaen", "2022-11-16")}),
    ("ผู้ว่าราชการกรุงเทพมหานครกล่าวถึงความสัมพันธ์เมืองพี่เมืองน้องระหว่างกรุงเทพมหานครกับกรุงฮานอย นครโฮจิมินห์ "
     "และจังหวัดเถื่อ เทียน เว้", None,
     {("vn-ha-noi", "th-bangkok", ""), ("vn-ho-chi-minh", "th-bangkok", ""), ("vn-thua-thien-hue", "th-bangkok", "")}),
    ("มหาวิทยาลัยขอนแก่นและนครดานังได้ลงนามบันทึกความเข้าใจความร่วมมือทางวิชาการ", None, set()),
    ("สะพานมิตรภาพไทย-ลาว แห่งที่ 2 เชื่อมจังหวัดมุกดาหารกับเส้นทางสู่จังหวัดกวางตรี", None, set()),
    ("จังหวัดภูเก็ตและนครดานังคาดว่าจะลงนามบันทึกความเข้าใจความร่วมมือในปีหน้า", None, set()),
]


RUSSIAN_REPORTS = [
    # a Russian report: names in any case (Ханоем, Иркутской области, Ненецким автономным округом), the venue after
    # "в" left out, names joined by и, a plan and talks stating no tie
    ("23 мая 2019 года председатель Народного комитета Ханоя и мэр Москвы подписали меморандум о сотрудничестве "
     "между Ханоем и Москвой.", None, {("vn-ha-noi", "ru-moscow", "2019-05-23")}),
    ("В Нарьян-Маре подписана программа сотрудничества между Ненецким автономным округом и провинциями Бариа-Вунгтау "
     "и Куангнинь.", None,
     {("vn-ba-ria-vung-tau", "ru-nenets-autonomous-okrug", ""), ("vn-quang-ninh", "ru-nenets-autonomous-okrug", "")}),
    ("Губернатор Иркутской области провёл в Нячанге переговоры с руководством провинции Куангнинь о соглашении "
     "о сотрудничестве, подписанном в 2018 году.", None, {("vn-quang-ninh", "ru-irkutsk-oblast", "2018")}),
    ("Стороны планируют подписать соглашение о побратимстве между Ульяновской областью и провинцией Нгеан.", None,
     set()),
    ("Руководители Минска и делегация Ханоя обсудили перспективы сотрудничества.", None, set()),
]


@pytest.mark.parametrize(("text", "article_date", "expected"),
                         FRENCH_REPORTS + JAPANESE_REPORTS + CHINESE_REPORTS + LAO_REPORTS + KHMER_REPORTS + THAI_REPORTS
                         + RUSSIAN_REPORTS)
def test_reports_in_languages_other_than_vietnamese(ds, gazetteer, text, article_date, expected):
    found = {(c.vn_place_id, c.partner_place_id, c.date)
             for c in candidates(text, ds, article_date=article_date, gazetteer=gazetteer)}
    assert found == expected


def test_names_in_unspaced_scripts_need_no_word_boundary(gazetteer):
    assert [m.place_ids for m in gazetteer.find("山口県とベトナムのビンズオン省は")] == [("jp-yamaguchi",), ("vn-binh-duong",)]
    # a city or district keeps its Japanese or Chinese name without a Vietnamese unit word
    assert [m.place_ids for m in gazetteer.find("东兴市与芒街市")] == [("cn-dongxing",), ("vn-quang-ninh-mong-cai",)]


@pytest.mark.parametrize("text", ["胡志明主席的思想", "海防部队", "高平市位于山西省", "广宁县"])
def test_chinese_words_and_toponyms_are_not_vietnamese_places(gazetteer, text):
    # President Hồ Chí Minh, coastal defence, Gaoping (Shanxi) and Guangning county share characters with
    # Vietnamese places, which are therefore named with their unit (胡志明市, 海防市, 高平省, 广宁省)
    assert not any(place.startswith("vn-") for m in gazetteer.find(text) for place in m.place_ids)


def test_a_rejected_name_does_not_hide_a_shorter_one(gazetteer):
    # "Région Île-de-France" is an alias, but "région" in lower case is no name: "Île-de-France" is found
    assert [(m.text, m.place_ids) for m in gazetteer.find("la région Île-de-France")] == [
        ("Île-de-France", ("fr-ile-de-france",))]


def test_upgrade_wording_is_recognised():
    assert tie_type_of("ký Thoả thuận nâng cấp quan hệ hữu nghị kết nghĩa")[2] == "twinning"


@pytest.mark.parametrize(("name", "place"), [
    ("tỉnh Viêng Chăn", "la-vientiane-province"),
    ("thủ đô Viêng Chăn", "la-vientiane-capital"),
    ("Chungcheongbuk", "kr-chungbuk"),
    ("Chungcheong Bắc", "kr-chungbuk"),
    ("Gyeonggi", "kr-gyeonggi"),
    ("thị xã Bến Cát", "vn-binh-duong-ben-cat"),
    ("TP.HCM", "vn-ho-chi-minh"),
    ("Hoà Bình", "vn-hoa-binh"),                                         # old tone-mark placement
    (unicodedata.normalize("NFD", "Hải Dương"), "vn-hai-duong"),        # decomposed Unicode
    ("수원시", "kr-suwon"),
    ("North Gyeongsang", "kr-gyeongbuk"),                                # English name without "Province"
    ("Bắc Gyeongsang", "kr-gyeongbuk"),                                  # Vietnamese press form
    ("xã Thượng Phùng", "vn-ha-giang-meo-vac-thuong-phung"),             # a commune after its unit word
    ("Kep", "kh-kep"),                                                   # a three-letter province
])
def test_alias_resolution(gazetteer, name, place):
    assert gazetteer.lookup(name) == (place,)


def test_ambiguous_names_resolve_to_distinct_ids(gazetteer):
    assert gazetteer.lookup("광주광역시") == ("kr-gwangju",)
    assert set(gazetteer.lookup("고성군")) == {"kr-gangwon-goseong-gun", "kr-gyeongnam-goseong-gun"}
    assert fold("Hòa") == fold("Hoà")


def test_tone_marks_written_must_be_the_places_own(gazetteer):
    # "Lào - Việt trị giá" (Laos–Vietnam, worth …) folds to the letters of Việt Trì city
    assert gazetteer.find("Trường Hữu nghị Lào - Việt trị giá 10 tỷ đồng") == []
    assert [m.place_ids for m in gazetteer.find("thành phố Việt Trì")] == [("vn-phu-tho-viet-tri",)]
    assert [m.place_ids for m in gazetteer.find("Viet Tri city")] == [("vn-phu-tho-viet-tri",)]
    assert [m.place_ids for m in gazetteer.find("tỉnh Hoà Bình")] == [("vn-hoa-binh",)]  # old tone placement


def test_bare_hue_is_both_namesakes_until_the_date_decides(gazetteer):
    assert gazetteer.lookup("Huế") == ("vn-hue", "vn-thua-thien-hue-hue")
    assert gazetteer.lookup("Thai Nguyen") == ("vn-thai-nguyen",)  # the city is no successor of the province


def test_common_words_are_not_read_as_places(gazetteer):
    # Viên (Vienna) folds to the same letters as viện (institute) and viên (member)
    text = "Đoàn thăm Viện Nghiên cứu nông nghiệp; các thành viên đoàn làm việc tại thủ đô Vienna."
    found = [(m.text, m.place_ids) for m in gazetteer.find(text)]
    assert found == [("Vienna", ("at-vienna",))]


def test_clutter_only_page_gives_nothing(ds, gazetteer):
    page = ("Trang chủ Hữu nghị Bốn phương kết bạn\n| Ảnh: Hải Dương và Suwon kết nghĩa |\n"
            "Tin liên quan\nHải Dương – Viêng Chăn đẩy mạnh hợp tác\nĐọc nhiều\n[Video] Suwon và Hải Dương\n")
    assert candidates(page, ds, gazetteer=gazetteer) == []


def test_pairs_follow_the_sentence_and_mark_known_ties(ds, gazetteer):
    text = ("Ở cấp sở ngành, Công an tỉnh Bình Dương và Cảnh sát thành phố Daejeon, UBND thị xã Bến Cát và chính quyền "
            "quận Yeongdo - TP. Busan, Hàn Quốc cũng đã ký Bản ghi nhớ thiết lập quan hệ hợp tác giữa hai bên vào năm 2019.")
    found = {(c.vn_place_id, c.partner_place_id): c for c in candidates(text, ds, gazetteer=gazetteer)}
    assert set(found) == {("vn-binh-duong", "kr-daejeon"), ("vn-binh-duong-ben-cat", "kr-busan-yeongdo-gu")}
    assert found[("vn-binh-duong", "kr-daejeon")].vn_party == "agency"
    assert found[("vn-binh-duong-ben-cat", "kr-busan-yeongdo-gu")].tie_id  # already in the dataset
    span = found[("vn-binh-duong-ben-cat", "kr-busan-yeongdo-gu")]
    assert text[span.start:span.end] == "Yeongdo"


@pytest.mark.skipif(not SEEDS.is_dir(), reason="../shared/seeds not beside the repository")
def test_score_on_seed_articles():
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
    from score_extract import score

    precision, recall, lines = score(SEEDS, Path(__file__).resolve().parents[1] / "benchmarks" / "gold" / "seeds.csv")
    assert recall >= 0.9 and precision >= 0.8, "\n".join(lines)


def test_gold_sentences_are_well_formed(ds):
    # unique ids, a language the extractor reads, and every expected pair a Vietnamese place and a foreign one
    import csv

    path = Path(__file__).resolve().parents[1] / "benchmarks" / "gold" / "sentences.csv"
    with path.open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert len({row["id"] for row in rows}) == len(rows)
    assert {row["lang"] for row in rows} <= set(LANGUAGES) - {"auto"}
    country = ds.places.set_index("place_id")["country"]
    pairs = [tuple(pair.split(">")) for row in rows for pair in row["ties"].split(";") if pair]
    assert all(country.get(vn) == "VN" and country.get(partner) not in (None, "VN") for vn, partner in pairs)


def test_cli_extract_from_stdin(monkeypatch, capsys):
    import io

    text = "Tỉnh Vĩnh Phúc và tỉnh Chungcheongbuk chính thức ký Bản ghi nhớ về hợp tác hữu nghị ngày 21/10/2008 tại Cheongju.\n"
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(text.encode("utf-8")), encoding="utf-8"))
    assert main(["extract", "-", "--format", "csv"]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0].startswith("status,") and "candidate,vn-vinh-phuc" in out and "2008-10-21" in out


@pytest.mark.parametrize(("text", "article_date", "expected"), [
    # a larger unit just after (English) or just before (Korean) a place only locates it
    ("Lac Duong district in Lam Dong province signed a friendship agreement with Yachiyo town of Ibaraki "
     "prefecture on October 26, 2022.", None, {("vn-lam-dong-lac-duong", "jp-ibaraki-yachiyo")}),
    ("대구 달서구는 2011년 7월 12일 베트남 꽝남성 땀끼시와 우호도시 협약을 맺은 뒤 10년간 교류해 왔다.", None,
     {("vn-quang-nam-tam-ky", "kr-daegu-dalseo-gu")}),
    # the unit word settles a name shared by a prefecture and its city
    ("Ngày 28/7/2025, thành phố Cần Thơ và thành phố Fukuoka (Nhật Bản) ký kết thỏa thuận hợp tác trong lĩnh vực "
     "phát triển đô thị.", None, {("vn-can-tho", "jp-fukuoka-city")}),
    # Huế city before 2025, not the municipality created in 2025
    ("[남양주=연합뉴스] 남양주시는 25일 베트남 후에시와 우호교류 협약을 체결했다고 밝혔다.", dt.date(2019, 2, 26),
     {("vn-thua-thien-hue-hue", "kr-namyangju")}),
    # two Vietnamese parties joined by "and" share the partner
    ("Virginia Governor Terry McAuliffe signed agreements with the provinces of Thai Nguyen and Dong Nai during "
     "his trade mission in July 2017.", None, {("vn-thai-nguyen", "us-virginia"), ("vn-dong-nai", "us-virginia")}),
    # a headline without a full stop is read
    ("부안군-베트남 닥락성, 계절근로자 업무협약 체결", None, {("vn-dak-lak", "kr-buan-gun")}),
    # a proposal to sign is no signing
    ("Phát biểu tại buổi tiếp, Chủ tịch UBND tỉnh Lào Cai đề nghị hai bên sớm ký kết thỏa thuận hợp tác với tỉnh "
     "Gyeongsangbuk.", None, set()),
    # "thành phố Bắc Ninh" is the city, not the province
    ("Ngày 19/10/2022, tại Gumi, thành phố Bắc Ninh và thành phố Gumi (Hàn Quốc) ký kết thỏa thuận thiết lập quan hệ "
     "hữu nghị.", None, {("vn-bac-ninh-bac-ninh", "kr-gumi")}),
    # cooperation only talked about proposes nothing
    ("Thành phố Ninh Bình đón đoàn đại biểu thành phố Asan sang dự lễ hội; hai địa phương sẽ nghiên cứu khả năng "
     "hợp tác trong thời gian tới.", None, set()),
    # a venue is not a party, and names no locator
    ("Ngày 17/9, tại thành phố Goyang (tỉnh Gyeonggi, Hàn Quốc), đoàn công tác tỉnh Quảng Trị đã ký kết hợp tác xúc "
     "tiến thương mại với một hiệp hội doanh nghiệp.", None, set()),
    ("Ngày 29/11, tại thành phố Bắc Ninh, UBND tỉnh Bắc Ninh và tỉnh Bắc Gyeongsang (Hàn Quốc) đã ký biên bản ghi nhớ "
     "về hợp tác hữu nghị.", None, {("vn-bac-ninh", "kr-gyeongbuk")}),
    # "Hữu nghị" in a school's or medal's name is no friendship agreed
    ("Đà Nẵng bàn giao Trường THCS Hữu nghị cho chính quyền tỉnh Sekong (Lào).", None, set()),
    # Huế in 2007 is the city (the municipality dates from 2025)
    ("Ngày 13/9, hai cố đô Huế và Gyeongju (Hàn Quốc) đã ký thỏa thuận hợp tác và kết nghĩa.", dt.date(2007, 9, 14),
     {("vn-thua-thien-hue-hue", "kr-gyeongju")}),
    # "lần lượt" (respectively) pairs the n-th party on each side
    ("Năm 2014, xã Ia R'vê (huyện Ea Súp) và xã Krông Na (huyện Buôn Đôn) lần lượt kết nghĩa với hai xã Noong Kho Lak "
     "và So Re Hui (Campuchia).", None,
     {("vn-dak-lak-ea-sup-ia-rve", "kh-mondulkiri-koh-nhek-noong-kho-lak"),
      ("vn-dak-lak-buon-don-krong-na", "kh-mondulkiri-koh-nhek-so-re-hui")}),
    # a place's name inside a port's name is no party
    ("Cảng quốc tế Long An và Cảng Oakland đã ký biên bản ghi nhớ hợp tác khai thác cảng.", None, set()),
    # a province named apart from its county is a party of its own
    ("Tại lễ ký bản ghi nhớ hợp tác hữu nghị với tỉnh Gyeongsangbuk ngày 3/12, Chủ tịch UBND tỉnh Bắc Ninh nhắc lại quan "
     "hệ hữu nghị giữa thành phố Từ Sơn với huyện Bonghwa.", dt.date(2025, 12, 4),
     {("vn-bac-ninh", "kr-gyeongbuk"), ("vn-bac-ninh-tu-son", "kr-bonghwa-gun")}),
    # a hope to sign is no signing
    ("The council chairman said he hoped the two sides could sign a cooperation agreement with Thai Nguyen province "
     "and Gyeongsangbuk-do.", None, set()),
    # a sentence without tie wording proposes nothing
    ("Thousands of tourists from Japan visited Da Nang in the first quarter, the city's tourism department said.",
     None, set()),
    # communes listed under one "xã" are each a party
    ("Ba xã Thượng Phùng, Xín Cái và Sơn Vĩ (huyện Mèo Vạc) kết nghĩa với trấn Điền Bồng (Trung Quốc).", None,
     {("vn-ha-giang-meo-vac-thuong-phung", "cn-funing-tianpeng"), ("vn-ha-giang-meo-vac-xin-cai", "cn-funing-tianpeng"),
      ("vn-ha-giang-meo-vac-son-vi", "cn-funing-tianpeng")}),
    # border guards and military commands are out of scope, and so is every province listed after them
    ("Bộ Chỉ huy Bộ đội Biên phòng tỉnh Kon Tum và Ban Chỉ huy quân sự hai tỉnh Attapư, Sê Kông đã ký biên bản hợp "
     "tác.", None, set()),
    # businesses sign at a business forum, not their cities, and the article's main place is not assumed
    ("Tại Diễn đàn doanh nghiệp Bình Dương – Daejeon, doanh nghiệp hai bên đã ký 10 biên bản ghi nhớ hợp tác.", None,
     set()),
    # the delegation received is not the partner the sentence goes on to name …
    ("Tiếp đoàn tỉnh Gyeonggi, Chủ tịch UBND tỉnh Nghệ An cho biết tỉnh đã ký kết hợp tác với tỉnh Chungbuk từ năm "
     "2019.", None, {("vn-nghe-an", "kr-chungbuk")}),
    # … but it is when no other partner is named
    ("Tiếp đoàn tỉnh Chungbuk, Chủ tịch UBND tỉnh Vĩnh Phúc cho biết hai tỉnh đã ký kết quan hệ hữu nghị từ năm 2008.",
     None, {("vn-vinh-phuc", "kr-chungbuk")}),
    # a signing done, then one planned: only the done one
    ("Sau khi ký thỏa thuận hợp tác với tỉnh Savannakhet năm 2023, tỉnh Quảng Trị dự kiến ký thỏa thuận với tỉnh "
     "Salavan.", None, {("vn-quang-tri", "la-savannakhet")}),
    # a district whose name carries its unit word ("Quận 12")
    ("UBND Quận 12 đã ký kết hợp tác hữu nghị với quận Guro (Seoul).", None,
     {("vn-ho-chi-minh-quan-12", "kr-seoul-guro-gu")}),
    # a standing relation stated without naming its kind
    ("TP Hồ Chí Minh đã có quan hệ tốt đẹp hơn 20 năm với thành phố Busan.", None, {("vn-ho-chi-minh", "kr-busan")}),
    # villages are out of scope; the units in brackets after them only locate them
    ("Năm 2010, thôn Pa Xa (xã Thanh Thủy, huyện Vị Xuyên) và bản Na Pho (huyện Sop Bao, tỉnh Houaphanh) đã tổ chức "
     "lễ kết nghĩa.", None, set()),
    # "a border of peace and friendship" is a slogan, not a friendship agreed
    ("Huyện Kỳ Sơn tặng quà cho huyện Nong Het (tỉnh Xiêng Khoảng), góp phần xây dựng đường biên giới hòa bình, hữu "
     "nghị.", None, set()),
    # "the state of cooperation between" two provinces states that they cooperate
    ("Phó Chủ tịch UBND tỉnh Lào Cai làm việc với Tổng Lãnh sự về tình hình hợp tác giữa tỉnh Lào Cai và tỉnh Vân Nam.",
     None, {("vn-lao-cai", "cn-yunnan")}),
])


def test_places_are_resolved_as_a_curator_would(ds, gazetteer, text, article_date, expected):
    found = {(c.vn_place_id, c.partner_place_id)
             for c in candidates(text, ds, article_date=article_date, gazetteer=gazetteer)}
    assert found == expected


@pytest.mark.parametrize("text", [
    "Hòa bình, hữu nghị và hợp tác là mục tiêu chung.",           # peace, not Hòa Bình province
    "Diễn đàn hợp tác kinh tế châu Á – Thái Bình Dương",           # the Pacific, not Thái Bình
    "Chủ tịch Hồ Chí Minh và Chủ tịch Kaysone Phomvihane",         # the president, not the city
    "Đoàn viếng Lăng Chủ tịch Hồ Chí Minh",
])
def test_words_that_are_not_places_here(gazetteer, text):
    assert [m.text for m in gazetteer.find(text)] == []


def test_capitalised_names_with_unit_words_and_suffixes_are_found(gazetteer):
    found = [m.place_ids for m in gazetteer.find("tỉnh Hòa Bình, Gyeongsangbuk-do và Suwon-si, Lac Duong district")]
    assert found == [("vn-hoa-binh",), ("kr-gyeongbuk",), ("kr-suwon",), ("vn-lam-dong-lac-duong",)]


REPORT_DAYS = st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2030, 12, 31))


@given(article=REPORT_DAYS, month=st.one_of(st.none(), st.integers(1, 12)), day=st.integers(1, 31))
def test_a_day_without_its_year_is_the_last_such_day_up_to_the_report(article, month, day):
    found = _last_before(article, month, day)
    if found is None:  # only a day that no month (or this month) has within the search: 30 February, 31 in a row
        assert month == 2 and day >= 30 or month in (2, 4, 6, 9, 11) and day == 31 or month == 2 and day == 29
        return
    assert found <= article and found.day == day and (month is None or found.month == month)
    # no later date up to the report has the same day (and month)
    later = [found + dt.timedelta(days=n) for n in range(1, (article - found).days + 1)]
    assert not any(d.day == day and (month is None or d.month == month) for d in later)


def test_folding_strips_only_the_marks_of_latin_letters(ds):
    assert fold("Thừa Thiên Huế") == "thua thien hue"
    # a Lao vowel, a Khmer subscript sign and a Japanese voicing mark are letters: the names stay apart
    assert fold("ເມືອງບາຈຽງຈະເລີນສຸກ") == "ເມືອງບາຈຽງຈະເລີນສຸກ"
    assert fold("ខេត្តកំពត") == "ខេត្តកំពត"
    assert fold("かすみがうら市") != fold("かすみかうら市")
    # the vectorised form agrees with fold() on every name the dataset ships (it did not on 86 of them)
    places = ds.places
    names = pd.concat([places["name_local"], places["name_en"], places["aliases"].str.split(";").explode()])
    names = names.dropna().drop_duplicates().reset_index(drop=True)
    assert fold_all(names).tolist() == [fold(n) for n in names]


@pytest.mark.parametrize(("text", "expected"), [
    # councils and police in Lao and in Khmer
    ("ສະພາປະຊາຊົນແຂວງບໍລິຄຳໄຊ ແລະ ສະພາປະຊາຊົນແຂວງເຫງະອານ ໄດ້ລົງນາມບົດບັນທຶກການຮ່ວມມື. "
     "ກອງບັນຊາການ ປກສ ແຂວງຄຳມ່ວນ ແລະ ປ້ອງກັນຄວາມສະຫງົບແຂວງກວ່າງບິ່ງ ໄດ້ລົງນາມບົດບັນທຶກການຮ່ວມມື.",
     {("vn-nghe-an", "la-bolikhamxay", "council", "council"), ("vn-quang-binh", "la-khammouane", "agency", "agency")}),
    ("ក្រុមប្រឹក្សាខេត្តស្វាយរៀង និងក្រុមប្រឹក្សាខេត្តតៃនិញ បានចុះហត្ថលេខាលើអនុស្សរណៈ។ "
     "ស្នងការដ្ឋាននគរបាលខេត្តតាកែវ និងនគរបាលខេត្តអានយ៉ាង បានចុះហត្ថលេខាលើកំណត់ហេតុកិច្ចសហប្រតិបត្តិការ។",
     {("vn-tay-ninh", "kh-svay-rieng", "council", "council"), ("vn-an-giang", "kh-takeo", "agency", "agency")}),
])
def test_lao_and_khmer_councils_and_police(ds, gazetteer, text, expected):
    found = {(c.vn_place_id, c.partner_place_id, c.vn_party, c.partner_party)
             for c in candidates(text, ds, gazetteer=gazetteer)}
    assert found == expected


@pytest.mark.parametrize(("text", "expected"), [
    # courts and procuracies sign as agencies of their provinces (codebook §1), in Vietnamese, Lao and Khmer
    ("Viện Kiểm sát nhân dân tỉnh Quảng Bình và Viện Công tố nhân dân tỉnh Khăm Muộn đã ký kết biên bản ghi nhớ "
     "hợp tác ngày 7/3/2013.",
     {("vn-quang-binh", "la-khammouane", "agency", "agency")}),
    ("Tòa án nhân dân tỉnh Điện Biên và Tòa án nhân dân tỉnh Phông Sa Lỳ đã ký biên bản hợp tác năm 2022.",
     {("vn-dien-bien", "la-phongsaly", "agency", "agency")}),
    ("ສານປະຊາຊົນແຂວງບໍລິຄຳໄຊ ແລະ ສານປະຊາຊົນແຂວງເຫງະອານ ໄດ້ລົງນາມບົດບັນທຶກການຮ່ວມມື. "
     "ອົງການໄອຍະການປະຊາຊົນແຂວງຄຳມ່ວນ ແລະ ອົງການໄອຍະການປະຊາຊົນແຂວງກວ່າງບິ່ງ ໄດ້ລົງນາມບົດບັນທຶກການຮ່ວມມື.",
     {("vn-nghe-an", "la-bolikhamxay", "agency", "agency"), ("vn-quang-binh", "la-khammouane", "agency", "agency")}),
    ("សាលាដំបូងខេត្តស្វាយរៀង និងតុលាការខេត្តតៃនិញ បានចុះហត្ថលេខាលើអនុស្សរណៈ។",
     {("vn-tay-ninh", "kh-svay-rieng", "agency", "agency")}),
])
def test_courts_and_procuracies_are_agencies(ds, gazetteer, text, expected):
    found = {(c.vn_place_id, c.partner_place_id, c.vn_party, c.partner_party)
             for c in candidates(text, ds, gazetteer=gazetteer)}
    assert found == expected


def test_lao_letter_variants_fold_alike():
    # ລ written under its letter or beside it, ໜ as one letter or two: the same name
    assert fold("ນະຄອນຫຼວງ") == fold("ນະຄອນຫລວງ") == "ນະຄອນຫລວງ"
    assert fold("ສະເໜີ") == fold("ສະເຫນີ")


def test_khmer_subscript_variants_fold_alike(gazetteer):
    assert fold("ខេត្ដកណ្ដាល") == fold("ខេត្តកណ្តាល")
    # the gazetteer folds the text the same way, character by character
    assert [m.place_ids for m in gazetteer.find("ខេត្ដកណ្តាល")] == [("kh-kandal",)]


def test_thai_names_with_or_without_their_unit_word(gazetteer):
    # a province's Thai name stands with its unit word joined or apart, or alone; a Vietnamese place as Thai pages
    # print it; a short name inside a longer word is no place ("เว้น", to leave out, holds Huế's เว้)
    for text in ("จังหวัดขอนแก่น", "จังหวัด ขอนแก่น", "ขอนแก่น"):
        assert [m.place_ids for m in gazetteer.find(text)] == [("th-khon-kaen",)], text
    assert [m.place_ids for m in gazetteer.find("นครดานัง")] == [("vn-da-nang",)]
    assert [m.place_ids for m in gazetteer.find("ดานัง")] == [("vn-da-nang",)]
    assert gazetteer.find("ยกเว้นวันหยุด") == []


def test_russian_names_in_any_case(gazetteer):
    # a name's cases read alike; a unit word stays lower case; a longer word on the same stem is no name
    for text in ("Иркутская область", "Иркутской области", "Иркутскую область", "Иркутской областью"):
        assert [m.place_ids for m in gazetteer.find(text)] == [("ru-irkutsk-oblast",)], text
    for text in ("Ханой", "Ханоя", "в Ханое", "с Ханоем"):
        assert [m.place_ids for m in gazetteer.find(text)] == [("vn-ha-noi",)], text
    assert [m.place_ids for m in gazetteer.find("в Санкт-Петербурге")] == [("ru-saint-petersburg",)]
    # a no-break hyphen joins the words as a hyphen does, in fold() and in the text alike
    assert fold("Санкт\u2011Петербург") == fold("Санкт-Петербург")
    assert [m.place_ids for m in gazetteer.find("Санкт\u2011Петербурга")] == [("ru-saint-petersburg",)]
    assert [m.place_ids for m in gazetteer.find("в Нячанге")] == [("vn-khanh-hoa-nha-trang",)]  # a city alone
    assert gazetteer.find("Москвичи читают") == []
    assert gazetteer.find("иркутской области") == []  # names are capitalised


def test_german_and_spanish_unit_words_and_spellings(gazetteer):
    # a Vietnamese district or city needs its unit word, in German and Spanish too; the bare name is the province
    for text in ("Bezirk Hoan Kiem", "distrito de Hoan Kiem"):
        assert [m.place_ids for m in gazetteer.find(text)] == [("vn-ha-noi-hoan-kiem",)], text
    assert [m.place_ids for m in gazetteer.find("la ciudad de Thai Nguyen")] == [("vn-thai-nguyen-thai-nguyen",)]
    assert [m.place_ids for m in gazetteer.find("la provincia de Thai Nguyen")] == [("vn-thai-nguyen",)]
    assert gazetteer.find("Hoan Kiem") == []
    # Spanish spellings: Hanói with its accent (not a Vietnamese tone), Korean provinces "del Sur"
    assert [m.place_ids for m in gazetteer.find("Hanói")] == [("vn-ha-noi",)]
    assert [m.place_ids for m in gazetteer.find("Jeolla del Sur")] == [("kr-jeonnam",)]


@pytest.mark.parametrize(("text", "expected"), [
    # an ordinal's dot ends no sentence: the date and both parties stay in one sentence
    ("Der Stadtrat hat am 21. Juli 2021 beschlossen, Ho-Chi-Minh-Stadt zur 15. Partnerstadt von Leipzig zu machen.",
     {("vn-ho-chi-minh", "de-leipzig", "twinning", "2021-07-21")}),
    ("El 24 de agosto de 2023, Binh Duong y la provincia de Artemisa firmaron un memorando de hermanamiento.",
     {("vn-binh-duong", "cu-artemisa", "twinning", "2023-08-24")}),
    ("Bern und Hanoi schlossen im April 2010 eine Vereinbarung über die Zusammenarbeit.",
     {("vn-ha-noi", "ch-bern", "cooperation", "2010-04")}),
    # plans and wishes state no tie, unless a signing is also reported
    ("Leipzig plant eine offizielle Städtepartnerschaft mit Ho-Chi-Minh-Stadt.", set()),
    ("Quang Binh propuso estudiar un acuerdo de hermanamiento con Santiago de Cuba.", set()),
    ("Hanoi und Bern unterzeichneten ein Abkommen und planen weitere Projekte.",
     {("vn-ha-noi", "ch-bern", "cooperation", "")}),
    # a venue after "en" is no party
    ("En Hanói, Ciudad Ho Chi Minh y Toronto firmaron un acuerdo de cooperación.",
     {("vn-ho-chi-minh", "ca-toronto", "cooperation", "")}),
])
def test_german_and_spanish_sentences(ds, gazetteer, text, expected):
    found = {(c.vn_place_id, c.partner_place_id, c.tie_type, c.date) for c in candidates(text, ds, gazetteer=gazetteer)}
    assert found == expected


def test_german_and_spanish_words_leave_english_alone(ds, gazetteer):
    # the English noun "plant" plans nothing, and "firms" is no Spanish signing beside a bare "cooperation"
    found = candidates("Da Nang and Sakai have a cooperation agreement on a new water plant.", ds, gazetteer=gazetteer)
    assert {(c.vn_place_id, c.partner_place_id) for c in found} == {("vn-da-nang", "jp-sakai")}
    assert tie_type_of("Cooperation between firms of Da Nang and Sakai grew last year")[0] == ""
    assert tie_type_of("Da Nang y Sakai firmaron un acuerdo de cooperación")[0] == "cooperation"
