"""Which body signs a tie: the local government, its council, or an agency of a kind its name shows.

A tie signed by an agency (codebook §1) records the agency's name, in the body's own language as a page gives it
with an English rendering in brackets. :func:`agency_kind` reads the kind (police, court, a department of health
…) from that name, so counts by kind need no column of their own and cannot disagree with the names. The words
are tried in the order of :data:`AGENCY_KINDS`, most specific first ("Trung tâm Xúc tiến Đầu tư, Thương mại, Du
lịch" is an investment-promotion centre, not a tourism department).

>>> agency_kind("Công an tỉnh Điện Biên (Dien Bien Provincial Police)")
'police'
"""

from __future__ import annotations

import re

import pandas as pd

from vnsister import checks

__all__ = ["AGENCY_KINDS", "BODIES", "agency_kind", "signing_body"]

# kind -> (label, words of its names in Vietnamese, English, French, Chinese, Korean, Lao and Khmer)
_KINDS: dict[str, tuple[str, str]] = {
    "procuracy": ("People's Procuracy", r"viện kiểm sát|viện công tố|procura|prosecut|parquet|检察|검찰|ໄອຍະການ|អយ្យការ"),
    "court": ("People's Court", r"tòa án|toà án|\bcourts?\b|tribunal|法院|법원|ສານປະຊາຊົນ|តុលាការ|សាលាដំបូង"),
    "police": ("Police", r"công an|cảnh sát|\ban ninh\b|police|security|internal affairs|внутренних дел|МВД|УВД|公安|警察|경찰|"
               r"ປ້ອງກັນຄວາມສະຫງົບ|នគរបាល"),
    "justice": ("Justice department", r"tư pháp|justice|司法"),
    "foreign_affairs": ("Foreign-affairs department", r"ngoại vụ|foreign affairs|external relations|外事|ການຕ່າງປະເທດ"),
    "investment": ("Planning, investment and promotion",
                   r"xúc tiến|kế hoạch và đầu tư|investment|promotion|\bplanning\b"),
    "economic_zone": ("Economic-zone authority", r"khu kinh tế|khu công nghiệp|economic zone|industrial zone|technopark"),
    "health": ("Health department", r"\by tế|kiểm soát bệnh tật|health|disease|卫生|보건"),
    "education": ("Education department", r"giáo dục|education|教育|교육"),
    "labour": ("Labour department", r"lao động|labou?r|employment|welfare|노동|인력"),
    "culture_tourism": ("Culture, sports and tourism",
                        r"văn hóa|văn hoá|thể thao|du lịch|di tích|di sản|\bcultur|tourism|\bsports?\b|heritage|"
                        r"文化|旅游|관광|유산"),
    "agriculture": ("Agriculture, forestry and fisheries",
                    r"nông nghiệp|kiểm lâm|lâm nghiệp|thủy sản|agricultur|forest|fisher|农业|林业|농업"),
    "industry_trade": ("Industry and trade", r"công thương|industry and (?:trade|commerce)|commerce|商务"),
    "construction_transport": ("Construction and transport", r"xây dựng|giao thông|construction|transport|public works"),
    "environment": ("Natural resources and environment", r"tài nguyên|môi trường|environment|natural resources"),
    "science_ict": ("Science, information and communications",
                    r"khoa học|thông tin và truyền thông|science|technolog|information and communication|posts"),
    "home_affairs": ("Home affairs", r"nội vụ|home affairs"),
}
_WORDS = [(kind, re.compile(words, re.IGNORECASE)) for kind, (_, words) in _KINDS.items()]
AGENCY_KINDS: dict[str, str] = {kind: label for kind, (label, _) in _KINDS.items()} | {"other": "Other agency"}
BODIES: dict[str, str] = {"government": "Local government", "council": "Council"} | AGENCY_KINDS


def agency_kind(name: str) -> str:
    """The kind of an agency, read from its name (a key of :data:`AGENCY_KINDS`; ``other`` when no word fits).

    Examples
    --------
    >>> agency_kind("Viện Kiểm sát nhân dân tỉnh Quảng Nam (Quang Nam Provincial People's Procuracy)")
    'procuracy'
    >>> agency_kind("Trung tâm Xúc tiến Đầu tư, Thương mại, Du lịch thành phố Hà Nội (Hanoi Investment, Trade and "
    ...             "Tourism Promotion Centre)")
    'investment'
    >>> agency_kind("Trung tâm Bảo tồn Di tích Cố đô Huế")
    'culture_tourism'
    >>> agency_kind("")
    Traceback (most recent call last):
    ...
    ValueError: an agency's name must be a non-empty string, not ''
    """
    if not isinstance(name, str) or not name.strip():
        raise ValueError(f"an agency's name must be a non-empty string, not {name!r}")
    return next((kind for kind, words in _WORDS if words.search(name)), "other")


def signing_body(ties: pd.DataFrame, side: str = "vn") -> pd.Series:
    """For each tie, the body that signs on one side: ``government``, ``council`` or the agency's kind (the keys
    of :data:`BODIES`), indexed like ``ties``.

    Examples
    --------
    >>> from vnsister import load
    >>> body = signing_body(load().partnerships)
    >>> set(body) <= set(BODIES)
    True
    >>> signing_body(load().partnerships, side="foreign")
    Traceback (most recent call last):
    ...
    ValueError: side='foreign' is not allowed; choose one of: 'vn', 'partner'
    """
    checks.choice("side", side, ("vn", "partner"))
    party, agency = ties[f"{side}_party"].astype("string"), ties[f"{side}_agency"]
    kinds = agency.where(party == "agency").dropna().map(agency_kind)
    return party.where(party != "agency", kinds).astype("string")
