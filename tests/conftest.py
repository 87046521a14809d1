"""Shared fixtures: a tiny, hand-written data package that uses the real descriptor and schemas."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]

TINY = {
    "places": """place_id,country,level,admin_level,unit_type,parent_id,name_en,name_local,name_ascii,aliases,iso_3166_2,stat_code,valid_from,valid_until,successor_id,notes
kr-alpha,KR,municipality,1,광역시,,Alpha,알파광역시,Alpha,,,,,,,
kr-alpha-beta-gu,KR,district,2,구,kr-alpha,Beta-gu,베타구,Beta-gu,,,,,,,
la-gamma,LA,province,1,province,,Gamma,Gamma,Gamma,,,,,,,
vn-delta,VN,province,1,tỉnh,,Delta,Đồng Tháp,Dong Thap,,,,,,,
vn-epsilon,VN,province,1,tỉnh,,Epsilon,Hải Dương,Hai Duong,,,,,2025-06-30,vn-delta,merged
""",
    "partnerships": """tie_id,vn_place_id,vn_party,vn_agency,partner_place_id,partner_party,partner_agency,tie_type,tie_type_wording,established,established_from,status,ended,known_from,notes
T0001,vn-delta,government,,kr-alpha,government,,twinning,kết nghĩa,2008-10-21,signing,active,,,
T0002,vn-epsilon,government,,kr-alpha-beta-gu,government,,cooperation,hợp tác,2004,signing,active,,,
T0003,vn-epsilon,government,,la-gamma,government,,twinning,kết nghĩa,1984,statement,active,,,
""",
    "events": """event_id,tie_id,event_type,date,from_type,to_type,wording,purposes,notes
E0001,T0001,mou_signed,2008-10-21,,friendship,Bản ghi nhớ,general_friendship,
E0002,T0001,upgraded,2013-10-21,friendship,twinning,Thỏa thuận nâng cấp,,
""",
    "sources": """source_id,url,title,publisher,published,published_from,language,notes
S0001,https://example.org/a,Article A,Paper A,2023-10,page,vi,
S0002,https://example.org/b,Article B,Paper B,2024,page,vi,
""",
    "evidence": """evidence_id,source_id,tie_id,event_id,stance,note
V0001,S0001,T0001,,supports,Twinning since 2013 after a 2008 MoU.
V0002,S0001,T0001,E0001,supports,MoU signed 21 Oct 2008.
V0003,S0001,T0001,E0002,supports,Upgrade signed 21 Oct 2013.
V0004,S0002,T0002,,supports,Cooperation since 2004.
V0005,S0002,T0003,,supports,Twinned since 1984.
""",
    "published_findings": """finding_id,scope,metric,published_value,value,value_kind,as_of,counting_convention,dataset_query,source_id,notes,explanation
TINY-1,Epsilon,foreign partners,2,2,exact,2024-12-31,Foreign places tied to the government.,counting=partners; vn_places=vn-epsilon,S0001,,One partner's tie is undated.
""",
    "retired_ids": """id,table,replaced_by,version,reason
E0000,events,E0001,0.1.0,duplicate of E0001
""",
    "coordinates": """place_id,latitude,longitude,method,ref
kr-alpha,36.35,127.38,kr-boundary,30
""",
    "coverage_checks": """check_row_id,check_name,searched_province_id,tie_id,found_as,url,notes
K0001,tiny-check,vn-delta,T0001,already_recorded,https://example.org/a,
K0002,tiny-check,vn-epsilon,T0002,already_recorded,https://example.org/b,
K0003,tiny-check,vn-epsilon,T0003,added,https://example.org/b,
K0004,tiny-check,vn-epsilon,T0003,added,https://example.org/b,found again by a later search
""",
    "dated_pages": """page_id,url,published,shown,release
P0001,https://example.org/news/ha-noi-12345.html,2023-11-02,date header,0.1.0
""",
}


def write_package(root: Path, tables: dict[str, str]) -> Path:
    """Write a data package with the real descriptor and schemas and the given CSV texts."""
    root.mkdir(parents=True, exist_ok=True)
    descriptor = json.loads((REPO / "datapackage.json").read_text(encoding="utf-8"))
    for entry in descriptor["resources"]:  # a package being written has no recorded sizes or hashes yet
        entry.pop("bytes", None)
        entry.pop("hash", None)
    (root / "datapackage.json").write_text(json.dumps(descriptor, ensure_ascii=False, indent=2), encoding="utf-8")
    shutil.copytree(REPO / "schemas", root / "schemas", dirs_exist_ok=True)
    (root / "dataset").mkdir(exist_ok=True)
    for name, text in tables.items():
        (root / "dataset" / f"{name}.csv").write_text(text, encoding="utf-8")
    return root


@pytest.fixture
def tiny(tmp_path: Path) -> Path:
    """A valid five-place, three-tie data package."""
    return write_package(tmp_path / "tiny", TINY)
