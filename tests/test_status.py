"""Status over time (macros/knowledge/status.py): one small data set per derivation rule, expected values by hand."""

from __future__ import annotations

import datetime as dt

import pytest

from macros.data.dates import PartialDate
from macros.data.loader import load
from macros.knowledge.index import SiteIndex
from macros.knowledge.status import last_day, title_period
from macros.text.errors import DataInvalid
from tests.minidata import write_minidata

D = dt.date
ORGS = "organisations/org.yaml"


@pytest.fixture
def mini(tmp_path):
    root = write_minidata(tmp_path / "data")
    (root / "validity.yaml").write_text("as_of: '2026-12-05'\n", encoding="utf-8")
    return root


def doc(root, doc_id: str, body: str) -> None:
    (root / "documents" / f"{doc_id}.yaml").write_text(f"id: {doc_id}\n{body}", encoding="utf-8")


def index(root) -> SiteIndex:
    return SiteIndex(load(root))


def test_a_replaced_text_has_ceased_from_the_day_its_replacement_took_effect(mini):
    doc(mini, "pl-1-2007", "number: 1/2007/PL-UBTVQH11\ntype: phap-lenh\ndate: '2007-04-20'\n")
    doc(mini, "luat-2-2022", "number: 2/2022/QH15\ntype: luat\ndate: '2022-11-10'\neffective: '2023-07-01'\n"
        "relations:\n  - type: replaces\n    target: pl-1-2007\n"
        "    source: {document: Luật số 2/2022/QH15, article: Điều 91}\n")
    ix = index(mini)
    status = ix.validity.status("pl-1-2007")
    assert (status.state, status.since, status.by) == ("ceased", D(2023, 7, 1), ("luat-2-2022",))
    assert status.label == "Hết hiệu lực từ 01/07/2023"
    assert "Luật 2/2022/QH15" in status.basis
    assert ix.validity.status("pl-1-2007", D(2023, 6, 30)).state == "unknown"  # the day before: not yet replaced
    assert not status.usable_as_basis and status.successor == "luat-2-2022"
    assert status.note == "đã được thay thế bởi Luật 2/2022/QH15 từ 01/07/2023"
    law = ix.validity.status("luat-2-2022")  # in effect, nothing more known: never "Còn hiệu lực" alone
    assert (law.state, law.label) == ("not-replaced", "Chưa ghi nhận văn bản thay thế tính đến 05/12/2026")
    assert law.usable_as_basis and not law.sourced
    assert ix.validity.status("luat-2-2022", D(2023, 6, 30)).state == "unknown"  # passed, not yet in effect


def test_replacement_without_a_day_of_effect_says_so(mini):
    doc(mini, "ct-2-2024-ttg", "number: 2/CT-TTg\ntype: chi-thi\ndate: '2024-03-01'\n"
        "relations:\n  - {type: replaces, target: ct-33-2021-ttg, stated_in: kh-1-2025-ubnd-a}\n")
    ix = index(mini)
    status = ix.validity.status("ct-33-2021-ttg")
    assert (status.state, status.since, status.by) == ("ceased", None, ("ct-2-2024-ttg",))
    assert status.missing == ("ngày có hiệu lực của văn bản thay thế",)
    assert ix.validity.status("ct-33-2021-ttg", D(2024, 2, 29)).state == "unknown"  # replacement not yet issued


def test_an_amended_text_stays_in_force_and_names_the_amendment(mini):
    doc(mini, "nd-1-2018", "number: 1/2018/NĐ-CP\ntype: nghi-dinh\ndate: '2018-04-23'\neffective: '2018-06-01'\n")
    doc(mini, "nd-7-2021", "number: 7/2021/NĐ-CP\ntype: nghi-dinh\ndate: '2021-12-06'\neffective: '2022-02-01'\n"
        "relations:\n  - {type: amends, target: nd-1-2018, stated_in: kh-1-2025-ubnd-a}\n")
    ix = index(mini)
    status = ix.validity.status("nd-1-2018")
    assert (status.state, status.since, status.by, status.missing) == ("amended", D(2022, 2, 1), ("nd-7-2021",), ())
    assert status.usable_as_basis and status.sourced
    assert status.label == "Đã được sửa đổi, bổ sung; chưa ghi nhận văn bản thay thế tính đến 05/12/2026"
    assert ix.validity.status("nd-1-2018", D(2022, 1, 31)).state == "not-replaced"


def test_a_plan_whose_period_ended_is_period_ended_and_current_during_it(mini):
    ix = index(mini)  # the plan's period is 2025, as_of 2026-12-05
    status = ix.validity.status("kh-1-2025-ubnd-a")
    assert (status.state, status.since) == ("period-ended", D(2026, 1, 1))
    assert status.label == "Đã hết thời hạn thực hiện (kỳ kết thúc 31/12/2025)"
    assert ix.validity.status("kh-1-2025-ubnd-a", D(2025, 6, 1)).state == "not-replaced"


def test_programmes_take_their_period_from_the_title_and_plans_from_what_they_implement(mini):
    doc(mini, "ctr-1", "type: chuong-trinh\ntitle: Chương trình X giai đoạn 2021 - 2025, tầm nhìn đến năm 2030\n")
    doc(mini, "kh-9-2022", "number: 9/KH-UBND\ntype: ke-hoach\ndate: '2022-02-11'\ntitle: Triển khai Chương trình X\n"
        "relations:\n  - {type: implements, target: ctr-1, stated_in: kh-1-2025-ubnd-a}\n")
    doc(mini, "da-2", "type: de-an\ntitle: Đề án Y đến năm 2025\n")
    ix = index(mini)
    assert (ix.validity.status("ctr-1").state, ix.validity.status("ctr-1").since) == ("period-ended", D(2026, 1, 1))
    inherited = ix.validity.status("kh-9-2022")
    assert inherited.state == "period-ended" and "Chương trình" in inherited.basis
    assert ix.validity.status("kh-9-2022", D(2024, 5, 1)).state == "not-replaced"
    assert ix.validity.status("da-2").state == "period-ended"
    assert ix.validity.status("da-2", D(2024, 1, 1)).missing == ("năm bắt đầu thực hiện",)


def test_a_decision_issuing_a_plan_or_a_years_targets_runs_for_the_period_its_title_states(mini):
    doc(mini, "qd-1", "number: 1/QĐ-UBND\ntype: quyet-dinh\ndate: '2021-05-01'\n"
        "title: Ban hành Kế hoạch thực hiện Đề án X trên địa bàn tỉnh, giai đoạn 2021 - 2025\n")
    doc(mini, "qd-2", "number: 2/QĐ-UBND\ntype: quyet-dinh\ndate: '2024-12-20'\n"
        "title: Về giao chỉ tiêu phát triển kinh tế - xã hội năm 2025\n")
    doc(mini, "qd-3", "number: 3/QĐ-UBND\ntype: quyet-dinh\ndate: '2022-01-01'\ntitle: Ban hành Quy chế tiếp công dân năm 2022\n")
    ix = index(mini)
    assert ix.validity.status("qd-1").label == "Đã hết thời hạn thực hiện (kỳ kết thúc 31/12/2025)"
    assert ix.validity.status("qd-2").state == "period-ended" and ix.validity.status("qd-2", D(2025, 6, 1)).state == "not-replaced"
    assert ix.validity.status("qd-3").state == "unknown"  # a standing rule, not a plan: its title's year is no period


def test_a_replacement_known_only_by_its_year_counts_from_the_end_of_that_year(mini):
    doc(mini, "ct-2-2024-ttg", "number: 2/CT-TTg\ntype: chi-thi\ndate: '2024'\n"
        "relations:\n  - {type: replaces, target: ct-33-2021-ttg, stated_in: kh-1-2025-ubnd-a}\n")
    ix = index(mini)
    assert ix.validity.status("ct-33-2021-ttg", D(2024, 6, 1)).state == "unknown"  # maybe not yet issued
    assert ix.validity.status("ct-33-2021-ttg", D(2025, 1, 1)).state == "ceased"
    assert last_day(PartialDate("2024-02")) == D(2024, 2, 29) and last_day(PartialDate("2023-12")) == D(2023, 12, 31)


def test_title_periods():
    assert title_period("Đề án A giai đoạn 2022 - 2025, tầm nhìn đến năm 2030") == (2022, 2025)
    assert title_period("Chuyển đổi số năm 2026 trên địa bàn tỉnh") == (2026, 2026)
    assert title_period("Đề án B đến năm 2025") == (None, 2025)
    assert title_period("Chương trình C, tầm nhìn đến năm 2030") is None
    assert title_period("Về công tác dân vận") is None


def test_without_a_day_of_effect_the_status_is_unknown_and_says_what_is_missing(mini):
    ix = index(mini)
    status = ix.validity.status("ct-33-2021-ttg")  # its only citing plan is older than twelve months
    assert (status.state, status.since, status.label) == ("unknown", None, "Chưa xác định")
    assert "ngày có hiệu lực" in status.missing and not status.usable_as_basis
    assert status.note.startswith("chưa xác định được hiệu lực (chưa rõ ngày có hiệu lực")
    doc(mini, "luat-3", "number: 3/2020/QH14\ntype: luat\ndate: '2020-06-01'\neffective: '2021-01-01'\n")
    status = index(mini).validity.status("luat-3")
    assert (status.state, status.since, status.missing) == ("not-replaced", D(2021, 1, 1), ())
    assert status.note == "chưa ghi nhận văn bản thay thế tính đến 05/12/2026"


def test_a_text_a_plan_of_the_last_twelve_months_cites_is_applied_and_names_that_plan(mini):
    ix = index(mini)  # Kế hoạch 1/KH-UBND of 05/01/2025 cites Chỉ thị 33/CT-TTg
    status = ix.validity.status("ct-33-2021-ttg", D(2025, 12, 31))
    assert (status.state, status.kind) == ("in-force", "applied")
    assert status.label == "Còn hiệu lực (được áp dụng ngày 05/01/2025)"
    assert status.usable_as_basis and status.sourced
    assert status.rests_on[0].record == "kh-1-2025-ubnd-a"
    assert status.note == ("còn hiệu lực; được áp dụng tại Kế hoạch 1/KH-UBND – Ủy ban nhân dân tỉnh A "
                           "(ngày 05/01/2025)")
    assert ix.validity.status("ct-33-2021-ttg", D(2026, 1, 5)).state == "in-force"  # twelve months to the day
    assert ix.validity.status("ct-33-2021-ttg", D(2026, 1, 6)).state == "unknown"  # one day more: no longer confirmed


CHANGES = """as_of: '2026-12-05'
changes:
  - record: ct-33-2021-ttg
    change: replaced
    date: '2025-07-01'
    by: ct-9-2025-ttg
    source: {document: Chỉ thị số 9/CT-TTg, article: Mục 5, quote: Chỉ thị này thay thế Chỉ thị số 33/CT-TTg., where: 'https://example.gov.vn/ct-9'}
  - record: nd-2-2019
    change: repealed
    date: '2025-03-01'
    source: {document: Nghị định số 5/2025/NĐ-CP, article: Điều 3, quote: Bãi bỏ Nghị định số 2/2019/NĐ-CP., where: 'https://example.gov.vn/nd-5'}
  - record: ctr-4
    change: expired
    date: '2026-01-01'
    source: {document: Quyết định số 6/QĐ-TTg, article: Điều 1, quote: Chương trình kết thúc., where: 'https://example.gov.vn/qd-6'}
  - record: qd-8
    change: confirmed
    date: '2026-03-02'
    source: {document: Kết luận số 10-KL/TW, quote: Tiếp tục thực hiện Quyết định số 8-QĐ/TW., where: 'https://example.vn/kl-10'}
"""


def test_changes_read_in_public_texts_give_statuses_that_name_their_source(mini):
    (mini / "validity.yaml").write_text(CHANGES, encoding="utf-8")
    doc(mini, "ct-9-2025-ttg", "number: 9/CT-TTg\ntype: chi-thi\nissuer: thu-tuong\ndate: '2025-06-20'\n"
        "added: {document: Chỉ thị số 9/CT-TTg, article: Mục 5, quote: Chỉ thị này thay thế., where: 'https://example.gov.vn/ct-9'}\n")
    doc(mini, "nd-2-2019", "number: 2/2019/NĐ-CP\ntype: nghi-dinh\ndate: '2019-01-02'\neffective: '2019-03-01'\n")
    doc(mini, "ctr-4", "type: chuong-trinh\ntitle: Chương trình D\n")
    doc(mini, "qd-8", "number: 8-QĐ/TW\ntype: quyet-dinh\ndate: '2021-01-01'\n")
    ix = index(mini)
    replaced = ix.validity.status("ct-33-2021-ttg")
    assert (replaced.state, replaced.kind, replaced.since, replaced.successor) == (
        "ceased", "replaced", D(2025, 7, 1), "ct-9-2025-ttg")
    assert replaced.rests_on[0].where == "https://example.gov.vn/ct-9"
    assert replaced.note == "đã được thay thế bởi Chỉ thị 9/CT-TTg từ 01/07/2025"
    assert ix.validity.status("ct-33-2021-ttg", D(2025, 6, 30)).state != "ceased"  # the day before the change
    repealed = ix.validity.status("nd-2-2019")
    assert (repealed.state, repealed.kind, repealed.label) == ("ceased", "repealed", "Hết hiệu lực từ 01/03/2025 (bị bãi bỏ)")
    assert ix.validity.status("ctr-4").label == "Hết hiệu lực từ 01/01/2026" and not ix.validity.status("ctr-4").usable_as_basis
    confirmed = ix.validity.status("qd-8")
    assert (confirmed.state, confirmed.kind, confirmed.label) == ("in-force", "confirmed",
                                                                  "Còn hiệu lực (xác nhận ngày 02/03/2026)")
    assert confirmed.rests_on[0].what == "Kết luận số 10-KL/TW"  # a news text: no article to name
    assert ix.validity.status("qd-8", D(2027, 3, 3)).state == "unknown"  # a confirmation is good for twelve months
    assert all(ix.validity.status(d).sourced for d in ("ct-33-2021-ttg", "nd-2-2019", "ctr-4", "qd-8"))


def test_a_replacement_or_amendment_must_name_the_text_that_makes_it(mini):
    (mini / "validity.yaml").write_text(CHANGES.replace("    by: ct-9-2025-ttg\n", ""), encoding="utf-8")
    with pytest.raises(DataInvalid) as info:
        load(mini)
    assert str(info.value.errors[0]).startswith("data/validity.yaml:3: changes[0]: sự kiện 'replaced' cần 'by'")
    (mini / "validity.yaml").write_text(CHANGES.replace("by: ct-9-2025-ttg", "by: ct-99"), encoding="utf-8")
    with pytest.raises(DataInvalid) as info:
        load(mini)
    assert "data/validity.yaml:6: changes[0].by: không có văn bản hoặc kế hoạch nào mang mã 'ct-99'" in [
        str(e) for e in info.value.errors]


def test_the_day_comes_from_the_data_never_the_clock(mini):
    ix = index(mini)
    assert ix.as_of == D(2026, 12, 5)
    assert ix.validity.status("kh-1-2025-ubnd-a") == ix.validity.status("kh-1-2025-ubnd-a", D(2026, 12, 5))
    (mini / "validity.yaml").unlink()
    status = index(mini).validity.status("kh-1-2025-ubnd-a")
    assert (status.state, status.missing) == ("unknown", ("ngày đối chiếu",))


def test_as_of_must_be_a_full_real_day(mini):
    (mini / "validity.yaml").write_text("as_of: '2026-12'\n", encoding="utf-8")
    with pytest.raises(DataInvalid) as info:
        load(mini)
    assert [str(e) for e in info.value.errors] == [
        "data/validity.yaml:1: as_of: cần ngày đầy đủ dạng YYYY-MM-DD (ví dụ 2023-07-01)"]


def _orgs(mini, extra: str) -> None:
    path = mini / ORGS
    path.write_text(path.read_text(encoding="utf-8") + extra, encoding="utf-8")


MERGED = """\
  - id: so-a
    name: Sở A
    kind: nha-nuoc
    level: so-nganh
    ended:
      date: '2025-03-01'
      change: hop-nhat
      successor: so-b
      source: {document: Nghị quyết số 1/2025/NQ-HĐND, article: Điều 1}
  - id: so-b
    name: Sở B
    kind: nha-nuoc
    level: so-nganh
    ended:
      date: '2025-07-01'
      change: doi-ten
      successor: so-c
      source: {document: Quyết định số 2/2025/QĐ-UBND, article: Điều 2}
  - id: so-c
    name: Sở C
    kind: nha-nuoc
    level: so-nganh
"""


def test_organisations_over_time(mini):
    _orgs(mini, MERGED)
    ix = index(mini)
    assert ix.orgs.exists("so-a", D(2025, 2, 28)) and not ix.orgs.exists("so-a", D(2025, 3, 1))
    assert not ix.orgs.exists("so-a")  # at as_of
    assert ix.orgs.exists("so-c") and ix.orgs.exists("ubnd-a")
    assert ix.orgs.last_successor("so-a") == "so-c"  # followed through the renaming
    assert ix.orgs.last_successor("so-b") == "so-c"
    assert ix.orgs.last_successor("so-c") is None
    assert ix.orgs.end_text("so-a") == (
        "Hợp nhất từ 01/03/2025, kế thừa: Sở B (theo Nghị quyết số 1/2025/NQ-HĐND, Điều 1)")


def test_a_body_renamed_then_merged_leads_to_whoever_carries_its_work_on_each_day(mini):
    _orgs(mini, MERGED.replace("  - id: so-c\n    name: Sở C\n    kind: nha-nuoc\n    level: so-nganh\n",
                               "  - id: so-c\n    name: Sở C\n    kind: nha-nuoc\n    level: so-nganh\n"
                               "    created:\n      date: '2025-07-01'\n      change: hop-nhat\n"
                               "      source: {document: Quyết định số 2/2025/QĐ-UBND, article: Điều 1}\n"))
    ix = index(mini)
    assert [ix.orgs.successor("so-a", on) for on in (D(2025, 2, 28), D(2025, 3, 1), D(2025, 7, 1))] == ["so-a", "so-b", "so-c"]
    assert not ix.orgs.exists("so-c", D(2025, 6, 30)) and ix.orgs.exists("so-c", D(2025, 7, 1))
    assert ix.orgs.successor("so-c", D(2025, 1, 1)) is None  # not yet formed, and nothing led to it
    chain = ix.orgs.chains()
    assert [[(s.org, s.next) for s in c] for c in chain] == [[("so-a", "so-b"), ("so-b", "so-c")]]
    assert ix.orgs.start_text("so-c") == "Hình thành do hợp nhất từ 01/07/2025 (theo Quyết định số 2/2025/QĐ-UBND, Điều 1)"


PROVINCES = """as_of: '2026-12-05'
provinces:
  - province: A
    change: hop-nhat
    into: B
    date: '2025-07-01'
    source: {document: Nghị quyết số 202/2025/QH15, article: Điều 1, quote: tỉnh A và tỉnh B thành tỉnh B., where: 'https://example.vn/nq-202'}
"""


def test_bodies_of_a_province_merged_under_another_name_end_that_day(mini):
    (mini / "validity.yaml").write_text(PROVINCES, encoding="utf-8")
    _orgs(mini, "  - id: ubnd-b\n    name: Ủy ban nhân dân tỉnh B\n    kind: nha-nuoc\n    level: tinh\n    province: B\n")
    ix = index(mini)
    assert ix.orgs.exists("ubnd-a", D(2025, 6, 30)) and not ix.orgs.exists("ubnd-a")
    assert ix.orgs.successor("ubnd-a") is None  # the province's merger names no successor body
    assert ix.orgs.end_text("ubnd-a") == (
        "Tỉnh A sắp xếp vào tỉnh B từ 01/07/2025 (theo Nghị quyết số 202/2025/QH15, Điều 1); chưa ghi nhận cơ quan kế thừa")
    orgs = ix.orgs
    assert (orgs.province_now("A"), orgs.province_now("A", D(2025, 6, 30)), orgs.province_predecessors("B")) == ("B", "A", ["A"])


def test_an_organisation_change_needs_its_legal_basis(mini):
    _orgs(mini, "  - id: so-x\n    name: Sở X\n    kind: nha-nuoc\n    level: so-nganh\n"
          "    ended: {date: '2025-07-01', change: giai-the}\n")
    with pytest.raises(DataInvalid) as info:
        load(mini)
    assert [str(e) for e in info.value.errors] == [
        "data/organisations/org.yaml:15: organisations[2].ended.source: thiếu trường bắt buộc"]


def test_an_unknown_successor_is_a_reference_error(mini):
    _orgs(mini, MERGED.replace("successor: so-c", "successor: so-z"))
    with pytest.raises(DataInvalid) as info:
        load(mini)
    assert any("org.yaml:27: ended.successor" in str(e) and "so-z" in str(e) for e in info.value.errors)


def test_marks_beside_a_unit_that_ended_and_a_basis_that_ceased(mini):
    from macros.knowledge.marks import org_flag, status_flag
    from macros.site.render import Renderer

    _orgs(mini, MERGED)
    doc(mini, "ct-2-2024-ttg", "number: 2/CT-TTg\ntype: chi-thi\ndate: '2024-03-01'\neffective: '2024-03-01'\n"
        "relations:\n  - {type: replaces, target: ct-33-2021-ttg, stated_in: kh-1-2025-ubnd-a}\n")
    renderer = Renderer(index(mini))
    unit = str(org_flag(renderer, "so-a"))
    assert "không còn tồn tại tại ngày đối chiếu: Hợp nhất từ 01/03/2025, kế thừa: Sở B" in unit
    assert str(org_flag(renderer, "so-c")) == "" and str(org_flag(renderer, None)) == ""
    basis = str(status_flag(renderer, "ct-33-2021-ttg", html=True))
    assert basis.startswith(' <span class="status-flag">(đã hết hiệu lực từ 01/03/2024, thay bằng <a href=')
    assert str(status_flag(renderer, "ct-2-2024-ttg", html=True)) == ""  # in force: no mark


DISTRICTS_END = """\
as_of: '2026-12-05'
levels_ended:
  - level: huyen
    date: '2025-07-01'
    source: {document: Luật số 1/2025/QH15, article: "Điều 9, khoản 3", quote: Cấp huyện kết thúc hoạt động.}
"""


def test_a_level_of_local_government_ends_on_the_day_its_article_states(mini):
    (mini / "validity.yaml").write_text(DISTRICTS_END, encoding="utf-8")
    validity = index(mini).validity
    assert validity.level_end("huyen", D(2025, 6, 30)) is None  # still working the day before
    end = validity.level_end("huyen", D(2025, 7, 1))
    assert (end.source.document, end.source.article) == ("Luật số 1/2025/QH15", "Điều 9, khoản 3")
    assert validity.level_end("huyen") is end  # at as_of
    assert validity.level_end("xa") is None  # communes: no end stated, so they exist
    assert validity.level_end_text(end) == "kết thúc hoạt động từ 01/07/2025 (theo Luật số 1/2025/QH15, Điều 9, khoản 3)"


def test_the_end_of_a_level_needs_its_article_and_is_stated_once(mini):
    (mini / "validity.yaml").write_text("as_of: '2026-12-05'\nlevels_ended:\n  - {level: huyen, date: '2025-07-01'}\n",
                                        encoding="utf-8")
    with pytest.raises(DataInvalid) as info:
        load(mini)
    assert [str(e) for e in info.value.errors] == ["data/validity.yaml:3: levels_ended[0].source: thiếu trường bắt buộc"]
    (mini / "validity.yaml").write_text(DISTRICTS_END + DISTRICTS_END.split("levels_ended:\n")[1], encoding="utf-8")
    with pytest.raises(DataInvalid) as info:
        load(mini)
    assert "mỗi cấp chính quyền chỉ ghi một lần" in str(info.value.errors[0])


def test_check_warns_on_a_status_or_organisation_fact_without_its_quote_or_address(mini, capsys):
    from macros.cli import main

    (mini / "validity.yaml").write_text(CHANGES.replace(", where: 'https://example.vn/kl-10'", ""), encoding="utf-8")
    doc(mini, "ct-9-2025-ttg", "number: 9/CT-TTg\ntype: chi-thi\ndate: '2025-06-20'\n"
        "added: {document: Chỉ thị số 9/CT-TTg, where: 'https://example.gov.vn/ct-9'}\n")
    for other in ("nd-2-2019", "ctr-4", "qd-8"):
        doc(mini, other, "type: chi-thi\n")
    _orgs(mini, MERGED)  # organisation changes with a document and article, but no quote, no address
    assert main(["check", "--data", str(mini)]) == 0  # a warning: the build goes on
    err = capsys.readouterr().err
    assert ("data/validity.yaml:19: changes[3].source: cảnh báo: sự kiện hiệu lực 'confirmed' của 'qd-8' thiếu "
            "nơi đọc (where)") in err
    assert "ct-9-2025-ttg.yaml:5: added: cảnh báo: văn bản bổ sung 'ct-9-2025-ttg' thiếu câu chữ (quote)" in err
    assert "org.yaml:19: ended.source: cảnh báo: việc thôi tồn tại của cơ quan 'so-a' thiếu câu chữ (quote) và nơi đọc" in err
