"""Candidate ties from Vietnamese, Korean, English, French, Japanese, Chinese, Lao, Khmer, Thai and Russian news, for
curators to confirm.

Places are found by the gazetteer in any script (Vietnamese places also by their Korean transcriptions, with
성/시/현 and particles), tie wording in each language gives the type, and dates are read in each language's forms.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass

import pandas as pd

from vnsister.load import Dataset
from vnsister.names import SCRIPT_RANGES, UNSPACED_SCRIPT, Gazetteer, Match, _fold_with_index, fold

AddDate = Callable[[str, "re.Match[str]"], None]  # records a date found (partial ISO value, the match)

__all__ = ["LANGUAGES", "Candidate", "candidates", "detect_language", "find_dates", "read_article", "tie_type_of"]

LANGUAGES = ("auto", "vi", "ko", "en", "fr", "ja", "zh", "lo", "km", "th", "ru", "de", "es")
_HANGUL = re.compile("[\uac00-\ud7a3]")
_KANA = re.compile(f"[{SCRIPT_RANGES['kana']}]")
_LAO = re.compile(f"[{SCRIPT_RANGES['lo']}]")
_KHMER = re.compile(f"[{SCRIPT_RANGES['km']}]")
_THAI = re.compile(f"[{SCRIPT_RANGES['th']}]")
_CYRILLIC = re.compile(f"[{SCRIPT_RANGES['cyrillic']}]")
# languages whose sentences are measured in characters, not words: their scripts leave no spaces between words
CHARACTER_COUNTED = ("ja", "zh", "lo", "km", "th")
_VIETNAMESE = re.compile("[ăâđêôơưĂÂĐÊÔƠƯ\u1ea0-\u1ef9]")
_VIETNAMESE_ONLY = re.compile("[ăđơưĂĐƠƯ\u1ea0-\u1ef9]")  # letters French never writes
_FRENCH_WORDS = re.compile(r"\b(?:le|la|les|des|du|et|une|avec|ont|sur|pour|dans)\b|\b[dl]['’]", re.IGNORECASE)
_GERMAN_WORDS = re.compile(r"\b(?:der|die|das|und|mit|ein|eine|einen|einem|den|dem|zwischen|über|für|von|zur|zum|"
                           r"wurde|hat|haben|ist|sich|nicht|auch)\b", re.IGNORECASE)
_SPANISH_WORDS = re.compile(r"\b(?:el|la|los|las|del|y|con|una|para|entre|por|su|sus|al|fue|firmaron)\b", re.IGNORECASE)

# Wording -> tie type, most specific first. Matched on folded text (no diacritics).
TYPE_PHRASES: list[tuple[str, str]] = [
    (r"nang cap quan he .{0,40}ket nghia|nang cap .{0,30}ket nghia", "upgrade:twinning"),
    (r"ket nghia|tinh ket nghia|thanh pho ket nghia|sister cit|twinning|twin cit|twin town|twinned|자매결연|자매도시|"
     r"\bjumel(?:age|ee?s?|les?)\b|姉妹|姐妹|友好城市|友城|ແຮກສ່ຽວ|ຄູ່ແຝດ|បងប្អូន|ភ្លោះ|"
     r"บ้านพี่เมืองน้อง|เมืองพี่เมืองน้อง|จังหวัดพี่(?:จังหวัด)?น้อง|เมืองคู่แฝด|побратим|"
     r"stadtepartnerschaft|partnerstadt|partnerbezirk|partnerschaftsvertrag|\bpartnerschaft\b|"
     r"hermanamiento|hermanad[ao]s?\b|ciudades hermanas", "twinning"),
    (r"huu nghi|friendship|friendly|우호|\bamitie\b|\bamical|\bvilles? amies?\b|友好|ມິດຕະພາບ|មិត្តភាព|"
     r"มิตรภาพ|คู่มิตร|ฉันมิตร|дружб|дружеств|дружественн|приятелств|freundschaft|\bamistad\b", "friendship"),
    (r"bien ban ghi nho|ban ghi nho|memorandum|mou|thoa thuan hop tac|hop tac|cooperation|agreement|letter of intent|"
     r"협약|협정|업무협약|교류협력|양해각서|의향서|"
     r"protocole d.accord|\b(?:convention|accord) (?:de|d.|sur)\b|lettre d.intention|"
     r"覚書|協定|合意書|共同声明|备忘录|协议|纪要|"
     r"ບົດບັນທຶກ|ຂໍ້ຕົກລົງ|(?<!ສົນທິ)ສັນຍາ|(?:ການ)?ຮ່ວມມື|"
     r"អនុស្សរណៈ|កិច្ចព្រមព្រៀង|កំណត់ហេតុ|(?:កិច្ច)?សហប្រតិបត្តិការ|"
     r"บันทึกความเข้าใจ|บันทึกข้อตกลง|ข้อตกลง|(?:ความ)?ร่วมมือ|"
     r"соглашени|меморандум|споразумени|протокол о|сотрудничеств|сътрудничеств|"
     r"absichtserklarung|gemeinsame erklarung|abkommen|vereinbarung|partnervertrag|kooperation|zusammenarbeit|"
     r"memorando|\bacuerdo|\bconvenio|cartas? de intencion|cooperacion", "cooperation"),
    # "đã có quan hệ tốt đẹp hơn 20 năm với Busan": a standing relation, its kind unnamed
    (r"\bco quan he (?:tot dep|gan bo|than thiet|truyen thong)\b", "other"),
]
# Bare "hợp tác"/"cooperation" names a tie only beside a word of agreeing or of a standing relation (folded text)
AGREEMENT_CUE = re.compile(r"\bky\b|ky ket|thiet lap|thoa thuan|bien ban|ghi nho|quan he|tu nam|duy tri|tinh hinh hop tac|"
                           r"ket qua hop tac|"
                           r"sign|inked|agreement|memorand|\bmou\b|established|since|relations|programme|program|"
                           r"협약|협정|체결|맺|"
                           r"\bconclu|\betabli|\bdepuis\b|\baccord (?:de|d.|sur)\b|\bprotocole\b|\bconvention (?:de|d.|sur)\b|"
                           # Lao: sign, relations, agreed, results of, review, since, go on implementing
                           r"ລົງນາມ|ເຊັນ|ສາຍພົວພັນ|ຕົກລົງ|ຜົນການຮ່ວມມື|ທົບທວນ|ມາແຕ່|ສືບຕໍ່ປະຕິບັດ|"
                           # Khmer: sign, relations, results, review, since, go on implementing, progress
                           r"ចុះហត្ថលេខា|ទំនាក់ទំនង|លទ្ធផល|ពិនិត្យ|តាំងពី|បន្តអនុវត្ត|វឌ្ឍនភាព|"
                           # Thai: sign, relations, agreed, results of, review, since, carry on
                           r"ลงนาม|ความสัมพันธ์|ตกลง|ผลการ|ทบทวน|ตั้งแต่|สานต่อ|"
                           # Russian and Bulgarian: sign(ed), concluded, relations, ties, since (с 2005 года)
                           r"подпис|заключ|отношени|связ|\bс \d{4} год|сключ|"
                           # German and Spanish: sign, conclude, agree, relations, since
                           r"unterzeichn|schloss|geschlossen|vereinbar|beziehungen|\bseit\b|"
                           r"\bfirm(?:aron|o|ado|ada|ar|an)\b|suscrib|establec|relaciones|\bdesde\b")  # not "firm"
BARE_COOPERATION = ("hop tac", "cooperation", "ການຮ່ວມມື", "ຮ່ວມມື", "កិច្ចសហប្រតិបត្តិការ", "សហប្រតិបត្តិការ", "ความร่วมมือ",
                    "ร่วมมือ", "сотрудничеств", "сътрудничеств", "kooperation", "zusammenarbeit", "cooperacion")
# A sentence that proposes or plans a signing states no tie, unless it also reports one done (folded text)
INTENT = re.compile(r"\bde nghi\b|mong muon|\bse ky\b|som ky|du kien|tien toi ky|huong toi ky|nghien cuu kha nang|"
                    r"will sign|plans? to sign|propos|hope[sd]? to|would sign|could sign|expected to sign|"
                    r"추진할|예정|계획|희망|"
                    r"\bsouhait|\benvisag|\bprevoi|\bdevrai|\bdevront\b|\bsigneront\b|\bva signer\b|\bvont signer\b|"
                    r"\ben vue de\b|\bprochainement\b|\bbientot\b|\bdiscute|"
                    r"予定|検討|希望|目指|意向|将签|将于|拟|计划|有望|争取|"
                    + fold("ຈະລົງນາມ|ຈະເຊັນ|ແຜນການ|ຄາດວ່າ|ສະເໜີ|ມີຄວາມປະສົງ|ປຶກສາຫາລື|"
                           "គ្រោងនឹង|នឹងចុះហត្ថលេខា|គម្រោង|រំពឹង|ស្នើ|ពិភាក្សា|"
                           "จะลงนาม|จะร่วมลงนาม|เตรียมลงนาม|มีแผน|แผนการ|คาดว่า|เสนอ|ประสงค์|ต้องการ|หารือ|"
                           "планиру|намерен|предлож|обсуди|обсужда|рассматрива|подпишут|будет подписан|"
                           "готовы подписать|предстоит")
                    # German and Spanish: plan, shall, intend, expect, wish; propose, study, will sign
                    # ("plant eine", not the English noun "plant")
                    + r"|\bplan(?:t|en) (?:ein|eine|einen|die|den|das|weitere)\b|geplant|\bsoll(?:en)?\b|beabsichtig|"
                    r"erwartet|\bwunsch|"
                    r"propus|propon|estudiar la posibilidad|\bplanea|\bdese[oa]\b|firmaran\b|\bpreve\b|\bespera")
DONE = re.compile(r"\bda ky\b|\bda ket\b|\bda thiet lap\b|signed|inked|체결했|맺었|맺은|"
                  r"\bont (?:signe|conclu|etabli)\b|\ba (?:signe|conclu)\b|"
                  + "締結した|署名した|結んだ|交わした|調印した|締結しました|"
                  + "签署了|签订了|缔结了|已签署|已签订|已缔结|"
                  + "ໄດ້ລົງນາມ|ໄດ້ເຊັນ|ລົງນາມແລ້ວ|ໄດ້ແລກປ່ຽນ|បានចុះហត្ថលេខា|ได้ลงนาม|ได้ร่วมลงนาม|ได้ร่วมกันลงนาม|ลงนามแล้ว|"
                  + r"подписали|(?<!будет )подписан[аоы]?\b|подписал\b|заключили|заключено|"
                  + r"unterzeichneten|unterzeichnete|\bunterzeichnet\b|\bschlossen\b|geschlossen|vereinbart|"
                  + r"firmaron|\bfirmo\b|firmado|suscribieron|establecieron")
# "Sau khi ký … với Svay Rieng và Prey Veng, tỉnh Tây Ninh dự kiến sẽ ký … với Tboung Khmum": done, then planned
SIGNED_BEFORE = re.compile(r"\bsau khi (?:da )?(?:ky|ket nghia|thiet lap)\b|\bafter signing\b|\bhaving signed\b")
# "Hữu nghị" in the name of a school, bridge, border gate, medal or association names nothing agreed, nor does it
# in the slogan of a "border of peace and friendship"; nor does Thai มิตรภาพ in a bridge's, road's, hospital's,
# association's, school's or checkpoint's name (สะพานมิตรภาพไทย-ลาว)
NAMED_FRIENDSHIP = re.compile(r"\b(?:Trường(?:\s+[A-ZĐ]{2,})*|Huân chương|Cầu|Cửa khẩu(?: quốc tế)?|Bệnh viện|Công viên|Nhà|"
                              r"Hội|Cung|Đại học|Hiệp hội|Liên hiệp các tổ chức)\s+hữu\s+nghị|"
                              r"\bbiên giới(?: chung)?\s+hòa bình,?\s+hữu\s+nghị|"
                              r"(?:สะพาน|ถนน|โรงพยาบาล|สมาคม|โรงเรียน|ด่าน)มิตรภาพ", re.IGNORECASE)
CLUTTER = re.compile(r"^\s*(?:\||!\[|ảnh:|\(ảnh|tin liên quan|cùng chuyên mục|đọc thêm|đọc nhiều|video|infographic)", re.I)
NUMERIC_DATE = re.compile(r"(?:ngày\s+)?(\d{1,2})/(\d{1,2})/(\d{4})")
DAY_MONTH = re.compile(r"(?:(?:ngày|sáng|chiều|tối|trưa)\s+|ວັນທີ\s*)(\d{1,2})/(\d{1,2})(?!/)", re.I)  # Lao ວັນທີ 9/9
MONTH_YEAR = re.compile(r"tháng\s+(\d{1,2})/(\d{4})|tháng\s+(\d{1,2})\s+năm\s+(\d{4})")
YEAR = re.compile(r"(?:năm|từ năm|vào năm|since|in|en|depuis|dès)\s+((?:19|20)\d{2})\b|"
                  r"\(((?:19|20)\d{2})\s*[–-]\s*(?:19|20)\d{2}\)")
THIS_YEAR = re.compile(r"(?:đầu |cuối )?năm nay(?:\s+((?:19|20)\d{2}))?|this year")
# Korean and Japanese write dates alike, with 년월일 or 年月日
KO_FULL_DATE = re.compile(r"(\d{4})[년年]\s*(\d{1,2})[월月]\s*(\d{1,2})[일日]")
KO_YEAR_MONTH = re.compile(r"(\d{4})[년年]\s*(\d{1,2})[월月](?!\s*\d)")
KO_MONTH_DAY = re.compile(r"(?<![\d년])\s(\d{1,2})월\s*(\d{1,2})일")
KO_DAY = re.compile(r"(?:지난\s*)?(?<![\d월])\b(\d{1,2})일(?!\s*\d)")
KO_YEAR = re.compile(r"((?:19|20)\d{2})[년年]")
def _month_numbers(names_per_month: list[tuple[str, ...]]) -> dict[str, int]:
    """Each month's names (January first) with the month's number."""
    return {name: number for number, names in enumerate(names_per_month, start=1) for name in names}


def _alternation(words: Iterable[str]) -> str:
    """A regular-expression alternation of ``words``, longest first, so that "sept" is tried before "sep"."""
    return "|".join(re.escape(word) for word in sorted(words, key=len, reverse=True))


MONTHS = _month_numbers(
    [("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",), ("june", "jun"),
     ("july", "jul"), ("august", "aug"), ("september", "sept", "sep"), ("october", "oct"), ("november", "nov"),
     ("december", "dec")])
_MONTH = _alternation(MONTHS)
EN_DAY_MONTH_YEAR = re.compile(rf"\b(\d{{1,2}})\s+({_MONTH})\.?,?\s+((?:19|20)\d{{2}})\b", re.I)
EN_MONTH_DAY_YEAR = re.compile(rf"\b({_MONTH})\.?\s+(\d{{1,2}}),?\s+((?:19|20)\d{{2}})\b", re.I)
EN_MONTH_YEAR = re.compile(rf"\b({_MONTH})\.?\s+((?:19|20)\d{{2}})\b", re.I)
JA_MONTH_DAY = re.compile(r"(?<![\d年])(\d{1,2})月\s*(\d{1,2})日")  # no space before it, unlike Korean
FR_MONTHS = _month_numbers(
    [("janvier",), ("février", "fevrier"), ("mars",), ("avril",), ("mai",), ("juin",), ("juillet",), ("août", "aout"),
     ("septembre",), ("octobre",), ("novembre",), ("décembre", "decembre")])
_FR_MONTH = _alternation(FR_MONTHS)
FR_DAY_MONTH_YEAR = re.compile(rf"\b(1er|\d{{1,2}})\s+({_FR_MONTH})\s+((?:19|20)\d{{2}})\b", re.I)
FR_MONTH_YEAR = re.compile(rf"\b({_FR_MONTH})\s+((?:19|20)\d{{2}})\b", re.I)
FR_DAY_MONTH = re.compile(rf"\b(1er|\d{{1,2}})\s+({_FR_MONTH})\b(?!\s+(?:19|20)\d{{2}})", re.I)
LO_MONTHS = _month_numbers(
    [("ມັງກອນ",), ("ກຸມພາ",), ("ມີນາ",), ("ເມສາ",), ("ພຶດສະພາ", "ພຶດສະ ພາ"), ("ມິຖຸນາ", "ມີຖຸນາ"), ("ກໍລະກົດ",),
     ("ສິງຫາ",), ("ກັນຍາ",), ("ຕຸລາ",), ("ພະຈິກ",), ("ທັນວາ",)])
_LO_MONTH = _alternation(LO_MONTHS)
# "ວັນທີ 13 ສິງຫາ 2024", "ເດືອນພະຈິກ 2017", "ປີ 2018"; "ວັນທີ 7 ມີນາ" with the article's date
LO_DAY_MONTH_YEAR = re.compile(rf"(\d{{1,2}})\s*({_LO_MONTH})\s*(?:ປີ\s*)?((?:19|20)\d{{2}})")
LO_MONTH_YEAR = re.compile(rf"({_LO_MONTH})\s*(?:ປີ\s*)?((?:19|20)\d{{2}})")
LO_DAY_MONTH = re.compile(rf"ວັນທີ\s*(\d{{1,2}})\s*({_LO_MONTH})(?!\s*(?:ປີ\s*)?\d)")
LO_YEAR = re.compile(r"ປີ\s*((?:19|20)\d{2})")
KM_MONTHS = _month_numbers([(name,) for name in (
    "មករា", "កុម្ភៈ", "មីនា", "មេសា", "ឧសភា", "មិថុនា", "កក្កដា", "សីហា", "កញ្ញា", "តុលា", "វិច្ឆិកា", "ធ្នូ")])
_KM_MONTH = _alternation(KM_MONTHS)
# "ថ្ងៃទី០៩ ខែមេសា ឆ្នាំ២០១៩" (Khmer or Arabic digits), "ខែកក្កដា ឆ្នាំ២០១១", "ឆ្នាំ២០១៤"; "ថ្ងៃទី១៩ ខែតុលា" with the
# article's date; a span of years ("ឆ្នាំ២០២៤-២០២៩") is a plan's period, not a date
KM_DAY_MONTH_YEAR = re.compile(rf"ថ្ងៃទី\s*(\d{{1,2}})\s*ខែ\s*({_KM_MONTH})\s*ឆ្នាំ\s*(\d{{4}})")
KM_MONTH_YEAR = re.compile(rf"ខែ\s*({_KM_MONTH})\s*ឆ្នាំ\s*(\d{{4}})")
KM_DAY_MONTH = re.compile(rf"ថ្ងៃទី\s*(\d{{1,2}})\s*ខែ\s*({_KM_MONTH})(?!\s*ឆ្នាំ)")
KM_YEAR = re.compile(r"ឆ្នាំ\s*(\d{4})(?!\s*[-–]\s*\d)")
TH_MONTHS = _month_numbers(
    [("มกราคม", "ม.ค."), ("กุมภาพันธ์", "ก.พ."), ("มีนาคม", "มี.ค."), ("เมษายน", "เม.ย."), ("พฤษภาคม", "พ.ค."),
     ("มิถุนายน", "มิ.ย."), ("กรกฎาคม", "ก.ค."), ("สิงหาคม", "ส.ค."), ("กันยายน", "ก.ย."), ("ตุลาคม", "ต.ค."),
     ("พฤศจิกายน", "พ.ย."), ("ธันวาคม", "ธ.ค.")])
_TH_MONTH = _alternation(TH_MONTHS)
_TH_ERA = r"(?:พ\.\s?ศ\.|ค\.\s?ศ\.|ปี)?"  # Buddhist era, common era, "year"
# "วันที่ 16 พฤศจิกายน 2565", "7 ส.ค. 67" (Buddhist-era years, often two digits), "เดือนมกราคม 2567", "ปี 2556";
# "วันที่ 21 พฤศจิกายน" with the article's date; a span of years ("ปี 2568-2570") is a plan's period
TH_DAY_MONTH_YEAR = re.compile(rf"(\d{{1,2}})\s*({_TH_MONTH})\s*{_TH_ERA}\s*(\d{{4}}|\d{{2}})(?!\d)")
TH_MONTH_YEAR = re.compile(rf"({_TH_MONTH})\s*{_TH_ERA}\s*(\d{{4}})(?!\d)")
TH_DAY_MONTH = re.compile(rf"(\d{{1,2}})\s*({_TH_MONTH})(?!\s*{_TH_ERA}\s*\d)")
TH_YEAR = re.compile(r"(?:ปี|พ\.\s?ศ\.|ค\.\s?ศ\.)\s*(\d{4})(?!\s*[-–]\s*\d)")
RU_MONTHS = _month_numbers(
    [("января", "январе"), ("февраля", "феврале"), ("марта", "марте"), ("апреля", "апреле"), ("мая", "мае"),
     ("июня", "июне"), ("июля", "июле"), ("августа", "августе"), ("сентября", "сентябре"), ("октября", "октябре"),
     ("ноября", "ноябре"), ("декабря", "декабре")])
_RU_MONTH = _alternation(RU_MONTHS)
# "23 мая 2019 года", "в мае 2019 года", "в 2005 году", "с 2005 года"; "23 мая" with the article's date;
# "23.05.2019"
RU_DAY_MONTH_YEAR = re.compile(rf"(\d{{1,2}})\s+({_RU_MONTH})\s+((?:19|20)\d{{2}})(?:\s*(?:года|г\.))?")
RU_MONTH_YEAR = re.compile(rf"({_RU_MONTH})\s+((?:19|20)\d{{2}})")
RU_DAY_MONTH = re.compile(rf"(\d{{1,2}})\s+({_RU_MONTH})\b(?!\s+(?:19|20)\d{{2}})")
RU_YEAR = re.compile(r"\b(?:в|с|со)\s+((?:19|20)\d{2})\s*(?:году|года|г\.)", re.I)
DE_MONTHS = _month_numbers(
    [("Januar", "Jänner"), ("Februar",), ("März",), ("April",), ("Mai",), ("Juni",), ("Juli",), ("August",),
     ("September",), ("Oktober",), ("November",), ("Dezember",)])
_DE_MONTH = _alternation(DE_MONTHS)
# "am 16. Oktober 2015", "im April 2015", "seit 2013"; "am 5. Juli" with the article's date
DE_DAY_MONTH_YEAR = re.compile(rf"\b(\d{{1,2}})\.\s*({_DE_MONTH})\s+((?:19|20)\d{{2}})\b")
DE_MONTH_YEAR = re.compile(rf"\b({_DE_MONTH})\s+((?:19|20)\d{{2}})\b")
DE_DAY_MONTH = re.compile(rf"\b(\d{{1,2}})\.\s*({_DE_MONTH})\b(?!\s+(?:19|20)\d{{2}})")
DE_YEAR = re.compile(r"\b(?:[Ss]eit|[Ii]m Jahre?)\s+((?:19|20)\d{2})\b")
ES_MONTHS = _month_numbers(
    [("enero",), ("febrero",), ("marzo",), ("abril",), ("mayo",), ("junio",), ("julio",), ("agosto",),
     ("septiembre", "setiembre"), ("octubre",), ("noviembre",), ("diciembre",)])
_ES_MONTH = _alternation(ES_MONTHS)
# "el 24 de agosto de 2023", "en octubre de 2025", "desde 2012"; "el 15 de febrero" with the article's date
ES_DAY_MONTH_YEAR = re.compile(rf"\b(\d{{1,2}})\s+de\s+({_ES_MONTH})\s+del?\s+((?:19|20)\d{{2}})\b")
ES_MONTH_YEAR = re.compile(rf"\b({_ES_MONTH})\s+del?\s+((?:19|20)\d{{2}})\b")
ES_DAY_MONTH = re.compile(rf"\b(\d{{1,2}})\s+de\s+({_ES_MONTH})\b(?!\s+del?\s+(?:19|20)\d{{2}})")
ES_YEAR = re.compile(r"\b(?:[Dd]esde|[Ee]n el año)\s+((?:19|20)\d{2})\b")
DOTTED_DATE = re.compile(r"\b(\d{1,2})\.(\d{1,2})\.((?:19|20)\d{2})\b")
# Thai ends no sentence with a dot; its dots abbreviate (ส.ค., พ.ศ., จ.ขอนแก่น)
# German ordinals end in a dot too ("am 16. Oktober", "zur 15. Partnerstadt")
ABBREVIATIONS = re.compile(r"\b(?:TP|Tp|tp|TT|St|Mr|Dr|No|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec|"
                           r"г|гг|обл|им|ул|пров|т\.д|т\.е|млн|млрд|тыс)\.|"
                           rf"\b\d{{1,2}}\.(?=\s*(?:{_DE_MONTH})\b)|"
                           r"\b(?i:am|vom|bis|zum|zur|den|dem|der|die|seit|ab|im|beim)\s+\d{1,3}\.(?=\s)|"
                           rf"(?<=[{SCRIPT_RANGES['th']}])\.")
AGENCY_BEFORE = re.compile(
    r"(công an|cảnh sát|sở [^,;]{0,40}|hội đồng nhân dân|hđnd|ủy ban nhân dân|ubnd|police|의회|경찰청|"
    # courts and procuracies (codebook §1): Vietnamese, the Lao prosecutor's office, Lao and Khmer courts
    r"(?:viện kiểm sát|tòa án|toà án|viện công tố)(?: nhân dân)?|vksnd|tand|"
    r"ສະພາປະຊາຊົນ|ປກສ|ປ້ອງກັນຄວາມສະຫງົບ|ພະແນກ\S{0,30}?|ອົງການໄອຍະການປະຊາຊົນ|ສານປະຊາຊົນ|"
    r"ក្រុមប្រឹក្សា|ស្នងការដ្ឋាននគរបាល|នគរបាល|មន្ទីរ\S{0,30}?|សាលាដំបូង|តុលាការ|អយ្យការ)"
    r"\s*(?:ແຂວງ|ນະຄອນ|ខេត្ត|រាជធានី|tỉnh|thành phố|huyện)?\s*$", re.I)
COUNCIL_WORDS = ("hội đồng nhân dân", "hđnd", "의회", "ສະພາປະຊາຊົນ", "ក្រុមប្រឹក្សា")


@dataclass
class Candidate:
    """One proposed tie: the parties, the type from the wording, a date, where it came from, and a confidence."""

    vn_place_id: str
    partner_place_id: str
    tie_type: str
    wording: str
    date: str
    date_text: str
    start: int
    end: int
    sentence: str
    confidence: float
    upgrade_to: str = ""
    vn_party: str = "government"
    partner_party: str = "government"
    tie_id: str = ""
    adds: str = ""


def tie_type_of(text: str) -> tuple[str, str, str]:
    """(tie type, wording, upgrade target) from a phrase, e.g. "ký Bản ghi nhớ về hợp tác hữu nghị".

    Examples
    --------
    >>> tie_type_of("hai tỉnh kết nghĩa")[0], tie_type_of("ký Bản ghi nhớ hợp tác")[0]
    ('twinning', 'cooperation')
    >>> tie_type_of("hai bên sẽ nghiên cứu khả năng hợp tác")[0]
    ''
    """
    folded = fold(text)
    upgrade = ""
    for pattern, kind in TYPE_PHRASES:
        found = re.search(pattern, folded)
        if not found:
            continue
        if kind.startswith("upgrade:"):
            upgrade = kind.split(":")[1]
            continue
        if kind == "cooperation" and found.group(0) in BARE_COOPERATION and not AGREEMENT_CUE.search(folded):
            continue  # "nghiên cứu khả năng hợp tác": cooperation talked about, nothing agreed
        return kind, found.group(0), upgrade
    return "", "", upgrade


def find_dates(text: str, article_date: dt.date | None = None) -> list[tuple[str, str, int]]:
    """Dates in Vietnamese, Korean, English, French, Japanese, Lao, Khmer, Thai, Russian, German and Spanish forms as
    (partial ISO date, matched text, position).

    Examples
    --------
    >>> [d for d, _, _ in find_dates("ngày 21/10/2008 và tháng 10/2013, từ năm 2004")]
    ['2008-10-21', '2013-10', '2004']
    >>> find_dates("Chiều 7/2, tại tỉnh", dt.date(2023, 2, 8))[0][0]
    '2023-02-07'
    >>> [d for d, _, _ in find_dates("2023년 9월 22일 협약, signed on Sept. 22, 2023 and 22 September 2023")]
    ['2023-09-22', '2023-09-22', '2023-09-22']
    >>> [d for d, _, _ in find_dates("signé le 1er août 2022, puis en mars 2023, coopération depuis 2009")]
    ['2022-08-01', '2023-03', '2009']
    >>> [d for d, _, _ in find_dates("am 16. Oktober 2015, im April 2019, seit 2013; el 24 de agosto de 2023")]
    ['2015-10-16', '2019-04', '2013', '2023-08-24']
    >>> find_dates("지난 22일 체결했다", dt.date(2023, 9, 25))[0][0]
    '2023-09-22'
    """
    text = unicodedata.normalize("NFC", text)
    found: list[tuple[str, str, int]] = []
    taken: list[range] = []

    def add(value: str, match: re.Match) -> None:
        if any(match.start() in span for span in taken):
            return
        taken.append(range(match.start(), match.end()))
        found.append((value, match.group(0), match.start()))

    for m in (*NUMERIC_DATE.finditer(text), *DOTTED_DATE.finditer(text)):  # 21/10/2008, 21.10.2008
        day, month, year = int(m.group(1)), int(m.group(2)), int(m.group(3))
        if _valid(year, month, day):
            add(f"{year:04d}-{month:02d}-{day:02d}", m)
    for m in MONTH_YEAR.finditer(text):
        month, year = (int(m.group(1)), int(m.group(2))) if m.group(1) else (int(m.group(3)), int(m.group(4)))
        if 1 <= month <= 12:
            add(f"{year:04d}-{month:02d}", m)
    if article_date:
        for m in DAY_MONTH.finditer(text):
            _add_last_before(add, article_date, int(m.group(2)), int(m.group(1)), m)
        for m in THIS_YEAR.finditer(text):
            add(m.group(1) or f"{article_date.year:04d}", m)
    else:
        for m in THIS_YEAR.finditer(text):
            if m.group(1):
                add(m.group(1), m)
    _korean_and_english_dates(text, article_date, add)
    _french_dates(text, article_date, add)
    _japanese_dates(text, article_date, add)
    _month_name_dates(text, article_date, add, LAO_DATES)
    _month_name_dates(text, article_date, add, KHMER_DATES)
    _month_name_dates(text, article_date, add, THAI_DATES)
    _month_name_dates(text, article_date, add, RUSSIAN_DATES)
    _month_name_dates(text, article_date, add, GERMAN_DATES)
    _month_name_dates(text, article_date, add, SPANISH_DATES)
    for m in YEAR.finditer(text):
        add(m.group(1) or m.group(2), m)
    return sorted(found, key=lambda item: item[2])


def _korean_and_english_dates(text: str, article_date: dt.date | None, add: AddDate) -> None:
    """2023년 9월 22일, 2023년 9월, 9월 22일 and (지난) 22일 with the article's date; 22 September 2023,
    Sept. 22, 2023 and September 2023."""
    for m in KO_FULL_DATE.finditer(text):
        year, month, day = (int(g) for g in m.groups())
        if _valid(year, month, day):
            add(f"{year:04d}-{month:02d}-{day:02d}", m)
    for m in EN_DAY_MONTH_YEAR.finditer(text):
        day, month, year = int(m.group(1)), MONTHS[m.group(2).lower()], int(m.group(3))
        if _valid(year, month, day):
            add(f"{year:04d}-{month:02d}-{day:02d}", m)
    for m in EN_MONTH_DAY_YEAR.finditer(text):
        month, day, year = MONTHS[m.group(1).lower()], int(m.group(2)), int(m.group(3))
        if _valid(year, month, day):
            add(f"{year:04d}-{month:02d}-{day:02d}", m)
    for m in KO_YEAR_MONTH.finditer(text):
        if 1 <= int(m.group(2)) <= 12:
            add(f"{int(m.group(1)):04d}-{int(m.group(2)):02d}", m)
    for m in EN_MONTH_YEAR.finditer(text):
        add(f"{int(m.group(2)):04d}-{MONTHS[m.group(1).lower()]:02d}", m)
    if article_date:
        for m in KO_MONTH_DAY.finditer(text):
            _add_last_before(add, article_date, int(m.group(1)), int(m.group(2)), m)
        for m in KO_DAY.finditer(text):  # "(지난) 22일" in a Korean report: the last 22nd up to the article's day
            _add_last_before(add, article_date, None, int(m.group(1)), m)
    for m in KO_YEAR.finditer(text):
        add(m.group(1), m)


def _french_dates(text: str, article_date: dt.date | None, add: AddDate) -> None:
    """12 mars 2019, le 1er août 2022 and mars 2019; le 12 mars with the article's date."""
    for m in FR_DAY_MONTH_YEAR.finditer(text):
        day, month, year = _fr_day(m.group(1)), FR_MONTHS[m.group(2).lower()], int(m.group(3))
        if _valid(year, month, day):
            add(f"{year:04d}-{month:02d}-{day:02d}", m)
    for m in FR_MONTH_YEAR.finditer(text):
        add(f"{int(m.group(2)):04d}-{FR_MONTHS[m.group(1).lower()]:02d}", m)
    if article_date:
        for m in FR_DAY_MONTH.finditer(text):
            _add_last_before(add, article_date, FR_MONTHS[m.group(2).lower()], _fr_day(m.group(1)), m)


def _japanese_dates(text: str, article_date: dt.date | None, add: AddDate) -> None:
    """12月25日 with the article's date (2009年2月20日, 2023年9月 and 2013年 are read with the Korean forms)."""
    if article_date:
        for m in JA_MONTH_DAY.finditer(text):
            _add_last_before(add, article_date, int(m.group(1)), int(m.group(2)), m)


@dataclass(frozen=True)
class _MonthNames:
    """A script's date forms with month names: day month year, month year, day month (needs the article's date)
    and year alone."""

    months: dict[str, int]
    day_month_year: re.Pattern
    month_year: re.Pattern
    day_month: re.Pattern
    year: re.Pattern
    buddhist_era: bool = False  # Thai prints Buddhist-era years (2567 is 2024), often as two digits (67)

    def common_era(self, digits: str) -> int:
        """The year of the common era that ``digits`` print (2565 and 65 are 2022 in Thai forms)."""
        year = int(digits)
        if not self.buddhist_era:
            return year
        year = year + 2500 if year < 100 else year
        return year - 543 if year >= 2400 else year  # "ค.ศ. 2024" is already of the common era


LAO_DATES = _MonthNames(LO_MONTHS, LO_DAY_MONTH_YEAR, LO_MONTH_YEAR, LO_DAY_MONTH, LO_YEAR)
KHMER_DATES = _MonthNames(KM_MONTHS, KM_DAY_MONTH_YEAR, KM_MONTH_YEAR, KM_DAY_MONTH, KM_YEAR)
RUSSIAN_DATES = _MonthNames(RU_MONTHS, RU_DAY_MONTH_YEAR, RU_MONTH_YEAR, RU_DAY_MONTH, RU_YEAR)
THAI_DATES = _MonthNames(TH_MONTHS, TH_DAY_MONTH_YEAR, TH_MONTH_YEAR, TH_DAY_MONTH, TH_YEAR, buddhist_era=True)
GERMAN_DATES = _MonthNames(DE_MONTHS, DE_DAY_MONTH_YEAR, DE_MONTH_YEAR, DE_DAY_MONTH, DE_YEAR)
SPANISH_DATES = _MonthNames(ES_MONTHS, ES_DAY_MONTH_YEAR, ES_MONTH_YEAR, ES_DAY_MONTH, ES_YEAR)


def _month_name_dates(text: str, article_date: dt.date | None, add: AddDate, forms: _MonthNames) -> None:
    """Lao (ວັນທີ 13 ສິງຫາ 2024, ເດືອນພະຈິກ 2017, ປີ 2018), Khmer (ថ្ងៃទី០៩ ខែមេសា ឆ្នាំ២០១៩, in Khmer or Arabic
    digits), Thai (16 พฤศจิกายน 2565, 7 ส.ค. 67), Russian (23 мая 2019 года, в мае 2019, в 2005 году), German
    (16. Oktober 2015, April 2015, seit 2013) and Spanish (24 de agosto de 2023, octubre de 2025, desde 2012) dates;
    a day and month alone (ວັນທີ 7 ມີນາ, ថ្ងៃទី១៩ ខែតុលា, 23 мая, 5. Juli, 15 de febrero) with the article's date."""
    impossible = []  # "ວັນທີ 31 ກຸມພາ 2020" is no date, nor is its month or year
    for m in forms.day_month_year.finditer(text):
        day, month, year = int(m.group(1)), forms.months[m.group(2)], forms.common_era(m.group(3))
        if 1900 <= year < 2100 and _valid(year, month, day):
            add(f"{year:04d}-{month:02d}-{day:02d}", m)
        else:
            impossible.append(range(m.start(), m.end()))
    for m in forms.month_year.finditer(text):
        year = forms.common_era(m.group(2))
        if 1900 <= year < 2100 and not any(m.start() in span for span in impossible):
            add(f"{year:04d}-{forms.months[m.group(1)]:02d}", m)
    if article_date:
        for m in forms.day_month.finditer(text):
            _add_last_before(add, article_date, forms.months[m.group(2)], int(m.group(1)), m)
    for m in forms.year.finditer(text):
        year = forms.common_era(m.group(1))
        if 1900 <= year < 2100 and not any(m.start() in span for span in impossible):
            add(f"{year:04d}", m)


def _fr_day(text: str) -> int:
    return 1 if text.lower() == "1er" else int(text)


def detect_language(text: str) -> str:
    """"ko" if the text is mostly Hangul; "ja" if it has kana; "th", "lo", "km" or "ru" if it is mostly Thai, Lao,
    Khmer or Cyrillic; "zh" if it is mostly Han; "fr", "de" or "es" if that language's function words are the most
    frequent and outnumber the letters only Vietnamese writes (French keeps ê and ô in "Thua Thiên-Huê"); "vi" if
    it has Vietnamese letters; else "en".

    Examples
    --------
    >>> detect_language("빈즈엉성과 자매결연"), detect_language("Tỉnh Bình Dương"), detect_language("Da Nang")
    ('ko', 'vi', 'en')
    >>> detect_language("La province de Thua Thiên-Huê et la ville de Blois ont signé un accord.")
    'fr'
    >>> detect_language("堺市とダナン市は覚書を交わした。"), detect_language("钦州市与越南大叻市缔结友好城市关系。")
    ('ja', 'zh')
    >>> detect_language("ແຂວງເຊີນລາ ແລະ ແຂວງໄຊສົມບູນ ໄດ້ລົງນາມບົດບັນທຶກການຮ່ວມມື."), detect_language("ខេត្តតៃនិញ និងខេត្តស្វាយរៀង")
    ('lo', 'km')
    >>> detect_language("จังหวัดขอนแก่นและนครดานังได้ลงนามบันทึกความเข้าใจ"), detect_language("Ханой и Москва подписали")
    ('th', 'ru')
    >>> detect_language("Der Bezirk Lichtenberg und der Bezirk Hoan Kiem haben einen Vertrag über die Zusammenarbeit")
    'de'
    >>> detect_language("La provincia de Binh Duong y la provincia de Artemisa firmaron un memorando de entendimiento")
    'es'
    """
    hangul, vietnamese = len(_HANGUL.findall(text)), len(_VIETNAMESE.findall(text))
    if hangul and hangul >= vietnamese:
        return "ko"
    if _KANA.search(text):
        return "ja"
    if len(_THAI.findall(text)) > len(text) / 4:
        return "th"
    if len(_CYRILLIC.findall(text)) > len(text) / 4:
        return "ru"
    if len(_LAO.findall(text)) > len(text) / 4:
        return "lo"
    if len(_KHMER.findall(text)) > len(text) / 4:
        return "km"
    if len(UNSPACED_SCRIPT.findall(text)) > len(text) / 4:
        return "zh"
    # function words of each Latin-script language, against the letters only Vietnamese writes
    words = {lang: len(pattern.findall(text))
             for lang, pattern in (("fr", _FRENCH_WORDS), ("de", _GERMAN_WORDS), ("es", _SPANISH_WORDS))}
    most = max(words, key=lambda lang: words[lang])  # French first on a tie
    if words[most] > 2 * len(_VIETNAMESE_ONLY.findall(text)) + 1:
        return most
    return "vi" if vietnamese else "en"


def read_article(data: bytes, name: str = "input") -> str:
    """An article's text from its bytes; empty, binary or non-UTF-8 input raises ``ValueError`` with one line.

    Examples
    --------
    >>> read_article(bytes([80, 75, 0, 3]))
    Traceback (most recent call last):
    ...
    ValueError: input is a binary file, not text
    """
    if b"\x00" in data:
        raise ValueError(f"{name} is a binary file, not text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ValueError(f"{name} is not UTF-8 text (byte {exc.start}); save it as UTF-8") from None
    if not text.strip():
        raise ValueError(f"{name} is empty")
    return text


def _add_last_before(add: AddDate, article_date: dt.date, month: int | None, day: int, match: re.Match[str]) -> None:
    """Add a day printed without its year (and a month, if given) as the last such day up to the article's date."""
    found = _last_before(article_date, month, day)
    if found:
        add(found.isoformat(), match)


def _last_before(article_date: dt.date, month: int | None, day: int) -> dt.date | None:
    """The latest date on or before ``article_date`` with this day (and month, if given): a report dates what has
    happened, so "28/12" in an article of 3 January is the previous year's, and "28일" in one of 2 October is
    September's. None if no such date exists (day 31 of a short month, 30 February).

    Examples
    --------
    >>> _last_before(dt.date(2024, 1, 3), 12, 28), _last_before(dt.date(2023, 10, 2), None, 28)
    (datetime.date(2023, 12, 28), datetime.date(2023, 9, 28))
    >>> _last_before(dt.date(2023, 2, 8), 2, 7), _last_before(dt.date(2023, 2, 8), 2, 30)
    (datetime.date(2023, 2, 7), None)
    """
    year, month_now = article_date.year, article_date.month
    for _ in range(12 if month is None else 2):  # a day alone: back through the months; a day and month: one year
        candidate_month = month or month_now
        if _valid(year, candidate_month, day) and dt.date(year, candidate_month, day) <= article_date:
            return dt.date(year, candidate_month, day)
        if month is None:
            year, month_now = (year, month_now - 1) if month_now > 1 else (year - 1, 12)
        else:
            year -= 1
    return None


def _valid(year: int, month: int, day: int) -> bool:
    try:
        dt.date(year, month, day)
    except ValueError:
        return False
    return True


def _sentences(text: str, lang: str = "auto") -> list[tuple[int, str]]:
    """Sentences of the article body, with their offsets; menus, captions and link lists are dropped."""
    out = []
    offset = 0
    title = True
    for line in text.splitlines(keepends=True):
        stripped = line.strip()
        words = len(stripped.split())
        # page clutter: captions, table cells, menus, short headline-like lines without a full stop; the first
        # line is the headline, read even without a full stop ("부안군-베트남 닥락성, 계절근로자 업무협약 체결")
        # Korean words carry their particles, so a Korean sentence has about half as many
        enough = 6 if lang == "ko" or (lang == "auto" and _HANGUL.search(stripped)) else 12
        if lang in CHARACTER_COUNTED or (lang == "auto" and UNSPACED_SCRIPT.search(stripped)):  # count characters
            words = len(stripped[::4])
        headline = title and words >= 3
        # Thai ends a sentence with a space, not a mark: a long Thai line is read as one sentence
        ended = stripped[-1:] in ".;:…\"”)。។" or (lang == "th" or lang == "auto") and _THAI.search(stripped[-1:])
        body = (headline or words >= enough and ended) and not CLUTTER.match(stripped)
        title = title and not stripped
        if body:
            # "TP. Busan" is not the end of a sentence: mask abbreviation dots (same length, offsets kept)
            masked = ABBREVIATIONS.sub(lambda m: m.group(0)[:-1] + "\u2024", line)
            for m in re.finditer(r"[^.!?。！？។]+(?:[.!?。！？។]+|$)", masked):
                if m.group(0).strip():
                    out.append((offset + m.start(), line[m.start():m.end()]))
        offset += len(line)
    return out


def candidates(text: str, ds: Dataset | None = None, article_date: dt.date | None = None,
               gazetteer: Gazetteer | None = None, lang: str = "auto") -> list[Candidate]:
    """Propose ties from an article: Vietnamese and foreign places in the same sentence as tie wording.

    A sentence with tie wording and a foreign place but no Vietnamese one takes the article's main Vietnamese
    place (the most mentioned one) at lower confidence. Each candidate says whether the dataset already has the
    pair (``tie_id``) and what it would add (a more precise date, or an event).

    Examples
    --------
    >>> text = ("Tỉnh Vĩnh Phúc và tỉnh Chungcheongbuk chính thức ký Bản ghi nhớ về hợp tác hữu nghị ngày 21/10/2008, "
    ...         "sau đó hai bên đã ký Thoả thuận nâng cấp quan hệ hữu nghị kết nghĩa giữa hai tỉnh vào ngày 21/10/2013.")
    >>> [(c.vn_place_id, c.partner_place_id, c.date) for c in candidates(text)]
    [('vn-vinh-phuc', 'kr-chungbuk', '2008-10-21')]
    """
    from vnsister.checks import choice
    from vnsister.load import load

    choice("lang", lang, LANGUAGES)
    ds = ds or load()
    gazetteer = gazetteer or Gazetteer(ds.places)
    text = unicodedata.normalize("NFC", text)
    by_id = ds.places.set_index("place_id")
    country = by_id["country"]
    parent = by_id["parent_id"].dropna().to_dict()
    levels = by_id["level"].astype(str).to_dict()
    lifetimes = by_id[["valid_from", "valid_until"]]
    sentences = _sentences(text, lang)
    names_in = {offset: gazetteer.find(sentence) for offset, sentence in sentences}  # each sentence read once
    mentions = [(offset, m) for offset, _ in sentences for m in names_in[offset]]
    seen = _resolve(mentions, country)
    main_vn = pd.Series([p for p in seen if country.get(p) == "VN"]).value_counts()
    main = main_vn.index[0] if len(main_vn) else None
    found: dict[tuple[str, str], Candidate] = {}
    for offset, sentence in sentences:
        kind, wording, upgrade = tie_type_of(NAMED_FRIENDSHIP.sub(" ", sentence))
        done_until = _done_part(sentence)
        if not kind or done_until is None:
            continue
        matches = [_existing(m, lifetimes, article_date) for m in names_in[offset] if m.end <= done_until]
        in_scope = _drop_institutions(_drop_village_glosses(matches, sentence), sentence)
        # a Vietnamese place named in a business's or a border post's name: that body signs, no other is assumed
        vn_in_body = any(country.get(p) == "VN" for m in matches if m not in in_scope for p in m.place_ids)
        matches = _drop_received(in_scope, sentence, country)
        # venues first: a venue ("tại thành phố Bắc Ninh, UBND tỉnh Bắc Ninh …") locates nothing
        places = _drop_locators(_drop_venues(_located(matches, sentence, seen, parent, levels), sentence), parent)
        vn = [(m, p) for m, p in places if p and country.get(p) == "VN"]
        foreign = [(m, p) for m, p in places if p and country.get(p) not in ("VN", None)]
        foreign = [(m, p) for m, p in foreign if not _is_parent_of(m, p, foreign, parent)]
        if not foreign:
            continue
        confidence = 0.9 if vn else 0.6
        dates = find_dates(sentence, article_date)
        respectively = RESPECTIVELY.search(sentence) and 1 < len(vn) == len(foreign)
        for i, (mention, partner) in enumerate(foreign):
            group = ([vn[i]] if respectively else _nearest_vn_group(vn, mention, sentence) if vn
                     else [] if vn_in_body else [(None, main)])
            for vn_mention, vn_place in group:
                if not vn_place:
                    continue
                key = (vn_place, partner)
                date, date_text = _nearest_date(dates, mention.start)
                cand = Candidate(vn_place, partner, kind, wording, date, date_text, offset + mention.start,
                                 offset + mention.end, sentence.strip(), confidence, upgrade_to=upgrade,
                                 vn_party=_party(sentence, vn_mention), partner_party=_party(sentence, mention))
                if key not in found or (date and not found[key].date):
                    found[key] = cand
    known_ties = _known_ties(ds)
    return [_mark_known(c, known_ties) for c in found.values()]


def _done_part(sentence: str) -> int | None:
    """Where the part of a sentence that reports ties already made ends: the whole sentence unless it speaks of
    plans; up to the plan when a signing precedes it ("Sau khi ký …, tỉnh dự kiến sẽ ký …"); None if it only plans."""
    folded, index = _fold_with_index(sentence)
    intent = INTENT.search(folded)
    if not intent or DONE.search(folded):
        return len(sentence)
    return index[intent.start()] if SIGNED_BEFORE.search(folded[:intent.start()]) else None


CONJUNCTION = re.compile(r"^\s*(?:,|and|và|với|와|과|,\s*and|и|und|y)\s*(?:(?:провинци|област|город)\w*\s*)?$", re.IGNORECASE)
# Thai lists names with spaces and และ (and), each name with or without its unit word: "กรุงฮานอย นครโฮจิมินห์
# และจังหวัดเถื่อ เทียน เว้"
THAI_LIST_GAP = re.compile(r"^\s*(?:และ)?\s*(?:จังหวัด|นคร|กรุง|เมือง)?\s*$")


def _nearest_vn(vn: list[tuple[Match, str]], foreign: Match) -> tuple[Match, str]:
    """The Vietnamese party named last before a foreign one ("A và B, C và D" pairs A–B and C–D)."""
    before = [(m, p) for m, p in vn if m is not None and m.start < foreign.start]
    return before[-1] if before else vn[0]


def _joined(gap: str, sentence: str) -> bool:
    """True if the text between two names joins them in a list ("A và B", "A, B"; Thai "A B และ C")."""
    return bool(CONJUNCTION.match(gap) or (_THAI.search(sentence) and THAI_LIST_GAP.match(gap)))


def _nearest_vn_group(vn: list[tuple[Match, str]], foreign: Match, sentence: str) -> list[tuple[Match, str]]:
    """The nearest Vietnamese party and those joined to it by "and", "và" or a comma ("the provinces of Thái
    Nguyên and Đồng Nai"), each a party of its own."""
    nearest = _nearest_vn(vn, foreign)
    i = vn.index(nearest)
    lo, hi = i, i
    while lo > 0 and _joined(sentence[vn[lo - 1][0].end:vn[lo][0].start], sentence):
        lo -= 1
    while hi + 1 < len(vn) and _joined(sentence[vn[hi][0].end:vn[hi + 1][0].start], sentence):
        hi += 1
    return vn[lo:hi + 1]


def _existing(match: Match, lifetimes: pd.DataFrame, day: dt.date | None) -> Match:
    """Drop the namesakes that did not exist on the article's date (Huế city before 2025, Huế municipality after)."""
    if day is None or len(match.place_ids) < 2:
        return match
    stamp = pd.Timestamp(day)
    alive = tuple(p for p in match.place_ids
                  if not (pd.notna(lifetimes.at[p, "valid_from"]) and lifetimes.at[p, "valid_from"] > stamp)
                  and not (pd.notna(lifetimes.at[p, "valid_until"]) and lifetimes.at[p, "valid_until"] < stamp))
    return Match(alive, match.start, match.end, match.text) if alive else match


def _party(sentence: str, mention: Match | None) -> str:
    """government, council or agency, from the words just before a place's name (Công an tỉnh …, HĐND …)."""
    if mention is None:
        return "government"
    found = AGENCY_BEFORE.search(sentence[max(0, mention.start - 45): mention.start])
    if not found or found.group(1).lower() in ("ủy ban nhân dân", "ubnd"):
        return "government"
    return "council" if found.group(1).lower() in COUNCIL_WORDS else "agency"


def _nearest_date(dates: list[tuple[str, str, int]], position: int) -> tuple[str, str]:
    """The first date after a place's mention in the sentence (its own clause), else the last one before it."""
    after = [d for d in dates if d[2] >= position]
    chosen = after[0] if after else (dates[-1] if dates else None)
    return (chosen[0], chosen[1]) if chosen else ("", "")


def _resolve(mentions: list[tuple[int, Match]], country: pd.Series) -> list[str]:
    """Place ids mentioned unambiguously in the article, in order (used to resolve ambiguous mentions)."""
    return [m.place_ids[0] for _, m in mentions if len(m.place_ids) == 1]


LOCATOR_GAP = 40  # characters between a place and the larger unit that locates it ("X district in Y province")
# French puts the unit and an adjective of nationality before the name: "la ville laotienne de Luang Prabang"
CITY_WORD = re.compile(r"(?:thành phố|tp\.?|\bville(?: \w+)? d[e'’]|ນະຄອນ(?:ຫຼວງ|ຫລວງ)?|ក្រុង|រាជធានី|นคร|เมือง|กรุง|"
                       r"\bгород\w*|\bг\.|\bstadt|\bciudad(?: \w+)? de)\s*$|"
                       r"^\s*(?:city\b|시|市)",
                       re.IGNORECASE)
PROVINCE_WORD = re.compile(r"(?:tỉnh|phủ|bang|\b(?:province|préfecture|état)(?: \w+)? d[e'’u]|ແຂວງ|ខេត្ត|จังหวัด|"
                           r"\bпровинци\w*|\bprovinz|\bprovincia(?: \w+)? de)\s*$|"
                           r"^\s*(?:(?:prefecture|province|state|현|성|부|도)\b|省|県|府)", re.IGNORECASE)


def _ancestors(place: str, parent: dict[str, str]) -> list[str]:
    chain = []
    while place in parent and parent[place] not in chain:
        place = parent[place]
        chain.append(place)
    return chain


def _located(matches: list[Match], sentence: str, seen: list[str], parent: dict[str, str],
             levels: dict[str, str]) -> list[tuple[Match, str]]:
    """Each name with the place it stands for. An ambiguous name is settled by a larger unit named in the same
    sentence ("Pingxiang in China's Guangxi region"), else by its unit word ("thành phố Fukuoka", "Fukuoka
    prefecture"), else by the places named unambiguously elsewhere in the article."""
    named = {m.place_ids[0] for m in matches if len(m.place_ids) == 1}
    out = []
    for m in matches:
        pick = m.place_ids[0] if len(m.place_ids) == 1 else ""
        if not pick:
            inside = [p for p in m.place_ids if named & set(_ancestors(p, parent))]
            # a bare name means the larger of two nested namesakes (Pingxiang city, not Pingxiang Town in it)
            inside = [p for p in inside if not set(_ancestors(p, parent)) & set(inside)]
            # the unit word lies just before or after the name, or opens the matched name ("thành phố Bắc Ninh")
            before, after = sentence[max(0, m.start - 30):m.start], sentence[m.end:m.end + 12]
            opening = m.text.split(" ")[0].lower() if " " in m.text else ""
            wanted = ("city", "municipality") if CITY_WORD.search(before) or CITY_WORD.search(after) or \
                opening in ("thành", "tp", "tp.") else \
                ("province",) if PROVINCE_WORD.search(before) or PROVINCE_WORD.search(after) or opening == "tỉnh" else ()
            by_unit = [p for p in m.place_ids if levels.get(p) in wanted]
            pick = inside[0] if len(inside) == 1 else by_unit[0] if len(by_unit) == 1 else _pick(m, seen)
        out.append((m, pick))
    return out


def _drop_locators(places: list[tuple[Match, str]], parent: dict[str, str]) -> list[tuple[Match, str]]:
    """'Lac Duong district in Lam Dong province': Lâm Đồng only says where Lạc Dương is; it is not a party."""
    # after the place in English and Vietnamese ("X district in Y province", "huyện X, tỉnh Y"), just before it in
    # Korean ("꽝남성 땀끼시", "대구 달서구")
    locators = {id(b) for a, p in places for b, q in places
                if p and q and q in _ancestors(p, parent)
                and (0 <= b.start - a.end <= LOCATOR_GAP or 0 <= a.start - b.end <= 2)}
    return [(m, p) for m, p in places if id(m) not in locators]


# "Ba xã A và B lần lượt kết nghĩa với C và D": the n-th party on each side go together
RESPECTIVELY = re.compile(r"\blần lượt\b|\brespectively\b", re.IGNORECASE)
# A place's name inside the name of a port, school, hospital, company or business forum is no party ("Cảng quốc tế
# Long An", "Đại học Liên bang Maranhão", "Bệnh viện Đa khoa tỉnh Nghệ An", "Diễn đàn doanh nghiệp … và thành phố
# Daegu"); nor inside a military or border-guard body's, which are out of the dataset's scope.
INSTITUTION_BEFORE = re.compile(r"\b(?:Cảng|Sân bay|Trường|Đại học|Học viện|Bệnh viện|Công ty|Tập đoàn|Ngân hàng|"
                                r"Khu công nghiệp|[Dd]oanh nghiệp|Diễn đàn doanh nghiệp|Bộ đội [Bb]iên phòng|"
                                r"[Bb]ộ [Cc]hỉ huy(?: [Qq]uân sự)?|Ban [Cc]hỉ huy(?: [Qq]uân sự)?|Đồn [Bb]iên phòng|"
                                r"[Ll]ực lượng vũ trang|[Tt]iểu khu [Qq]uân sự|[Qq]uân khu)"
                                r"(?:\s+(?:[Qq]uốc tế|[Ll]iên bang|[Đđ]a khoa|[A-ZĐ]\w*)){0,3}"
                                r"\s+(?:(?:hai |các |ba )?(?:tỉnh|thành phố|tp\.?|huyện|quận)\s+)?$")
# Khmer, Lao and Thai border, military and gendarmerie bodies, out of scope like the Vietnamese ones above; Thai
# universities, schools, hospitals, airports, companies and banks bear their province's name (มหาวิทยาลัยขอนแก่น)
INSTITUTION_BEFORE_UNSPACED = re.compile(r"(?:បញ្ជាការដ្ឋាន|ការពារព្រំដែន|កងកម្លាំង|យោធា|អាវុធហត្ថ|ກອງບັນຊາການທະຫານ|ທະຫານ|"
                                         r"มหาวิทยาลัย|โรงเรียน|โรงพยาบาล|ท่าอากาศยาน|สนามบิน|บริษัท|ธนาคาร|"
                                         r"กองทัพ|ทหาร|ตำรวจตระเวนชายแดน|กองกำลัง)"
                                         r"\S{0,12}\s*$")
# what may stand between the places of a list: "hai tỉnh Tbong Khmum, Kratie", "… TP Hồ Chí Minh và thành phố Daegu"
LIST_GAP = re.compile(r"^\s*(?:,|và|and|[–-])\s*(?:(?:tỉnh|thành phố|tp\.?|huyện|quận)\s+)?$", re.IGNORECASE)


# "Tiếp đoàn Thủ đô Viêng Chăn tại Phú Quốc, lãnh đạo tỉnh cho biết đã ký … với tỉnh Salavan": the visitors are
# whom the speaker received, not the partner the sentence goes on to name
RECEPTION_LEAD = re.compile(r"^\W*(?:(?:sáng|chiều|tối|ngày)\s[^,]{0,20},\s*)?(?:tiếp(?: đón| xã giao)?|hội kiến|"
                            r"receiving|welcoming|meeting with)\s[^,;]*[,;]", re.IGNORECASE)


def _drop_received(matches: list[Match], sentence: str, country: pd.Series) -> list[Match]:
    """Foreign places in a leading "receiving …," clause, when a foreign place follows the clause."""
    lead = RECEPTION_LEAD.match(sentence)
    if not lead:
        return matches
    foreign = [m for m in matches if any(country.get(p) != "VN" for p in m.place_ids)]
    if not any(m.start >= lead.end() for m in foreign):
        return matches
    return [m for m in matches if m.start >= lead.end() or m not in foreign]


# a village and the gloss that locates it: "khóm Ka Tăng (thị trấn Lao Bảo, huyện Hướng Hóa"
VILLAGE_GLOSS = re.compile(r"\b(?:khóm|thôn|bản|làng|ấp|cụm bản|village|hamlet)\s+[A-ZĐ][^()]{0,40}\([^()]*$")


def _drop_village_glosses(matches: list[Match], sentence: str) -> list[Match]:
    """Villages are out of scope: the commune, district or province in brackets after a village's name only locates
    it ("bản Đen Sa Vẳn (huyện Sê Pôn, tỉnh Savannakhet)")."""
    return [m for m in matches if not VILLAGE_GLOSS.search(sentence[max(0, m.start - 80):m.start])]


def _drop_institutions(matches: list[Match], sentence: str) -> list[Match]:
    """A place inside an institution's name ("Cảng quốc tế Long An"), or listed right after one ("Bộ Chỉ huy quân sự
    hai tỉnh Tbong Khmum, Kratie"), is no party, nor is it elsewhere in that sentence: the institution is the one
    that signs ("… thăm Long An, Cảng quốc tế Long An và Cảng Oakland đã ký")."""
    inside, previous = set(), None
    for m in matches:
        before = sentence[max(0, m.start - 50):m.start]
        if INSTITUTION_BEFORE.search(before) or INSTITUTION_BEFORE_UNSPACED.search(before) or (
                previous is not None and previous.place_ids in inside and LIST_GAP.match(sentence[previous.end:m.start])):
            inside.add(m.place_ids)
        previous = m
    return [m for m in matches if m.place_ids not in inside]


# "tại thành phố Goyang", "in Quy Nhon", "à Quy Nhon", "대구에서": where a meeting or signing took place
VENUE_BEFORE = re.compile(r"(?:\b(?:tại|ở|in|at|во?|en)|(?<!\w)à)\s+"
                          r"(?:(?:thành phố|tp\.?|tỉnh|thủ đô|the city of|the province of|г\.|городе|провинции|области|"
                          r"der stadt|la ciudad de|la provincia de)\s+)?$",
                          re.IGNORECASE)
# what follows a venue to locate it: "tại thành phố Goyang (tỉnh Gyeonggi", "in Goyang, Gyeonggi"
VENUE_LOCATOR = re.compile(r"^\s*(?:\(|,)\s*(?:tỉnh|bang|thành phố|province of|state of)?\s*$", re.IGNORECASE)


# "ホーチミン市で" (in Ho Chi Minh City), but not "…市では" (as for …) nor "…市でも"; Chinese "在（越南）河内"
VENUE_AFTER_JA = re.compile(r"(?:市|省|県|府|都|町)?で(?![はも])")
VENUE_BEFORE_ZH = re.compile(r"在(?:越南|中国)?$")
# Lao "ທີ່ແຂວງ…", "ຢູ່ເມືອງ…" (at, in): only right before the name, since ທີ່ also joins a clause ("ສັນຍາທີ່ລົງນາມ")
VENUE_BEFORE_LO = re.compile(r"(?:ທີ່|ຢູ່)\s*(?:ນະຄອນຫຼວງ|ນະຄອນຫລວງ|ນະຄອນ|ແຂວງ|ເມືອງ)?\s*$")
VENUE_BEFORE_KM = re.compile(r"នៅ\s*(?:ខេត្ត|ក្រុង|ទីក្រុង|រាជធានី|ស្រុក)?\s*$")  # Khmer "នៅ…" (at, in)
# Thai "ณ …", "ที่จังหวัด…" (at): only right before the name, since ที่ also joins a clause ("บันทึกที่ลงนาม")
VENUE_BEFORE_TH = re.compile(r"(?:ณ|ที่)\s*(?:จังหวัด|นคร|เมือง|กรุง)?\s*$")


def _drop_venues(places: list[tuple[Match, str]], sentence: str) -> list[tuple[Match, str]]:
    """A place named only as the venue ("ký kết tại thành phố Goyang (tỉnh Gyeonggi) với Hiệp hội …"), with what
    locates it just after, is not a party; a place also named elsewhere in the sentence stays."""
    venues: set[int] = set()
    previous = None
    for m, _ in sorted(places, key=lambda mp: mp[0].start):
        if VENUE_BEFORE.search(sentence[max(0, m.start - 30):m.start]) or sentence[m.end:m.end + 2] == "에서" or \
                VENUE_AFTER_JA.match(sentence, m.end) or VENUE_BEFORE_ZH.search(sentence, 0, m.start) or \
                VENUE_BEFORE_LO.search(sentence, max(0, m.start - 14), m.start) or \
                VENUE_BEFORE_KM.search(sentence, max(0, m.start - 12), m.start) or \
                VENUE_BEFORE_TH.search(sentence, max(0, m.start - 12), m.start) or (
                previous is not None and id(previous) in venues
                and VENUE_LOCATOR.match(sentence[previous.end:m.start])):
            venues.add(id(m))
        previous = m
    parties = {p for m, p in places if id(m) not in venues}
    return [(m, p) for m, p in places if id(m) not in venues or p in parties]


def _pick(match: Match, seen: list[str]) -> str:
    if len(match.place_ids) == 1:
        return match.place_ids[0]
    known = [p for p in match.place_ids if p in seen]
    return known[0] if len(known) == 1 else ""


def _is_parent_of(mention: Match, place: str, others: list[tuple[Match, str]], parent: dict[str, str]) -> bool:
    """'quận Yeongdo - TP. Busan': Busan only locates Yeongdo, named beside it; it is not a party of its own. A
    province named apart from its county ("ký với tỉnh Gyeongsangbuk …, giữa Từ Sơn với huyện Bonghwa") is."""
    return any(parent.get(other) == place and (abs(m.start - mention.end) <= LOCATOR_GAP
                                               or abs(mention.start - m.end) <= LOCATOR_GAP)
               for m, other in others if other != place)


def _known_ties(ds: Dataset) -> dict[tuple[str, str], dict]:
    """The first tie of each (Vietnamese place, partner place) pair, looked up once per article."""
    ties = ds.partnerships.drop_duplicates(["vn_place_id", "partner_place_id"])
    return {(v, p): {"tie_id": t, "established": e} for v, p, t, e in
            zip(ties["vn_place_id"], ties["partner_place_id"], ties["tie_id"], ties["established"], strict=True)}


def _mark_known(candidate: Candidate, known_ties: dict[tuple[str, str], dict]) -> Candidate:
    tie = known_ties.get((candidate.vn_place_id, candidate.partner_place_id))
    if tie is None:
        candidate.adds = "new tie"
        return candidate
    candidate.tie_id = tie["tie_id"]
    known = tie["established"] if isinstance(tie["established"], str) else ""
    if candidate.date and (not known or (candidate.date.startswith(known) and len(candidate.date) > len(known))):
        candidate.adds = "more precise date"
    elif candidate.upgrade_to:
        candidate.adds = "event: upgrade"
    return candidate


def to_frame(found: list[Candidate]) -> pd.DataFrame:
    """Candidates as a table (``status`` is always "candidate": nothing enters the dataset unconfirmed)."""
    frame = pd.DataFrame([asdict(c) for c in found], columns=list(Candidate.__dataclass_fields__))
    frame.insert(0, "status", "candidate")
    return frame
