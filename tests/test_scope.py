"""A provincial site: one province's records, everything central, and what they refer to."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from macros.data.loader import load
from macros.data.scope import for_province, provinces
from macros.text.errors import DataInvalid

from tests.conftest import DATA, ENV, MKDOCS, ROOT, build_site
from tests.htmlcheck import main_text


@pytest.fixture(scope="module")
def data():
    return load(DATA)


# The provinces of the five source plans' issuers on the data's as_of day (December 2026): Bình Định was
# merged into Gia Lai and Trà Vinh into Vĩnh Long on 01/07/2025; Lào Cai and Lai Châu keep their names.
SOURCE_PROVINCES = {"Gia Lai", "Lai Châu", "Lào Cai", "Vĩnh Long"}


def test_provinces_are_listed_once_each_in_order(data):
    listed = provinces(data)
    assert SOURCE_PROVINCES <= set(listed)
    assert not {"Bình Định", "Trà Vinh"} & set(listed)  # merged away: published with their successor
    assert listed == sorted(set(listed))


def test_a_province_site_holds_the_records_of_the_province_merged_into_it(data):
    scoped = for_province(data, "Gia Lai")
    assert "kh-ubnd-binh-dinh-2025" in scoped.plans and "ubnd-binh-dinh" in scoped.organisations
    assert "ubnd-gia-lai" in scoped.organisations  # the successor its bodies point to
    assert "kh-13-2022-ubnd-lao-cai" not in scoped.plans
    assert "kh-ubnd-binh-dinh-2025" in for_province(data, "Bình Định").plans  # its own past still builds


def test_a_province_a_maintainer_adds_is_listed(data_copy):
    (data_copy / "organisations" / "ha-giang.yaml").write_text(
        "organisations:\n  - id: ubnd-tinh-ha-giang\n    name: Ủy ban nhân dân tỉnh Hà Giang\n"
        "    kind: nha-nuoc\n    level: tinh\n    province: Hà Giang\n", encoding="utf-8")
    listed = provinces(load(data_copy))
    assert "Hà Giang" in listed and SOURCE_PROVINCES <= set(listed)


def test_a_province_keeps_its_plans_and_central_documents(data):
    scoped = for_province(data, "Lào Cai")
    assert "kh-13-2022-ubnd-lao-cai" in scoped.plans and "kh-26-2023-vp-ubnd-tra-vinh" not in scoped.plans
    assert {data.organisations[p.issuer].province for p in scoped.plans.values()} == {"Lào Cai"}
    def province(doc):
        return data.organisations[doc.issuer].province if doc.issuer else None

    central = {d for d, doc in data.documents.items() if not province(doc)}
    assert central <= set(scoped.documents)
    others = {province(doc) for doc in scoped.documents.values()} - {None, "Lào Cai"}
    assert others == set()  # no Lào Cai record cites another province's document
    assert not any(p == "Trà Vinh" for p in (o.province for o in scoped.organisations.values()))
    assert data.plans["kh-13-2022-ubnd-lao-cai"].source in scoped.sources
    assert data.plans["kh-26-2023-vp-ubnd-tra-vinh"].source not in scoped.sources


def test_campaign_models_follow_the_plans_kept(data):
    scoped = for_province(data, "Trà Vinh")
    for campaign in scoped.campaigns.values():
        assert all(m.plan in scoped.plans for m in campaign.models if m.plan)


def test_unknown_province_is_a_clear_error(data):
    with pytest.raises(DataInvalid) as caught:
        for_province(data, "Hà Nội")
    report = caught.value.report()
    assert "plugins.dvcq.province" in report and "Hà Nội" in report and "Lào Cai" in report


def test_provincial_site_builds_and_leaves_other_provinces_out(tmp_path: Path):
    out = tmp_path / "site"
    result = build_site(out, env={"DVCQ_PROVINCE": "Vĩnh Long"})  # Trà Vinh's successor
    assert result.returncode == 0, result.stdout + result.stderr
    plans = {p.stem for p in (out / "ke-hoach").glob("kh-*.html")}
    assert "kh-26-2023-vp-ubnd-tra-vinh" in plans and "kh-13-2022-ubnd-lao-cai" not in plans
    assert (out / "van-ban" / "ct-33-2021-ttg.html").is_file()
    assert (out / "van-ban" / "kh-13-2022-ubnd-tra-vinh.html").is_file()
    assert not (out / "ke-hoach" / "kh-13-2022-ubnd-lao-cai.html").exists()
    assert not (out / "van-ban" / "ct-16-2021-tu-lao-cai.html").exists()
    index = (out / "ke-hoach" / "index.html").read_text(encoding="utf-8")
    assert "kh-26-2023-vp-ubnd-tra-vinh.html" in index and "kh-13-2022-ubnd-lao-cai.html" not in index
    assert "Cẩm nang Dân vận chính quyền – Vĩnh Long" in (out / "index.html").read_text(encoding="utf-8")
    text = main_text(out / "ke-hoach" / "index.html")  # Trà Vinh's plan under Vĩnh Long, said so
    assert "(kế hoạch của tỉnh Trà Vinh trước khi sắp xếp vào tỉnh Vĩnh Long)" in text
    assert "Văn phòng Ủy ban nhân dân tỉnh Trà Vinh (thôi tồn tại từ 01/07/2025" in text


def test_provinces_command_lists_folder_and_name():
    result = subprocess.run([MKDOCS[0], "-m", "macros", "provinces"], cwd=ROOT, env=ENV, capture_output=True,
                            text=True, timeout=120, check=True)
    assert "lao-cai\tLào Cai" in result.stdout.splitlines()
    assert os.sep not in result.stdout
