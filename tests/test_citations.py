"""Finding and resolving citations in running text."""

from __future__ import annotations

from macros.text.citations import Candidate, CitationFinder, number_key

LAO_CAI = Candidate("kh-13-2022-ubnd-lao-cai", "Lào Cai")
TRA_VINH = Candidate("kh-13-2022-ubnd-tra-vinh", "Trà Vinh")
CT33 = Candidate("ct-33-2021-ttg", None)
FINDER = CitationFinder(
    {number_key("13/KH-UBND"): [LAO_CAI, TRA_VINH], number_key("33/CT-TTg"): [CT33],
     number_key("10/2022/QH15"): [Candidate("luat-10-2022-qh15", None)]},
    {"luật thực hiện dân chủ ở cơ sở": [Candidate("luat-10-2022-qh15", None)]},
)


def targets(text, province=None):
    return [(m.text, m.target) for m in FINDER.find(text, province)]


def test_number_spellings_share_a_key():
    assert number_key("33/CT-TTg") == number_key("33/ct-ttg") == number_key("33 / CT–TTg")


def test_numbers_and_aliases_are_found_in_order():
    text = "Quán triệt Chỉ thị số 33/CT-TTg và Luật Thực hiện dân chủ   ở cơ sở số 10/2022/QH15."
    assert targets(text) == [("33/CT-TTg", "ct-33-2021-ttg"), ("Luật Thực hiện dân chủ   ở cơ sở", "luat-10-2022-qh15"),
                             ("10/2022/QH15", "luat-10-2022-qh15")]


def test_ambiguous_number_follows_the_citing_province():
    assert targets("Kế hoạch số 13/KH-UBND ngày 11/02/2022", "Trà Vinh") == [("13/KH-UBND", "kh-13-2022-ubnd-tra-vinh")]
    assert targets("Kế hoạch số 13/KH-UBND", "Lào Cai") == [("13/KH-UBND", "kh-13-2022-ubnd-lao-cai")]


def test_ambiguous_number_follows_the_province_named_after_it():
    assert targets("Kế hoạch 13/KH-UBND của UBND tỉnh Lào Cai") == [("13/KH-UBND", "kh-13-2022-ubnd-lao-cai")]


def test_unresolvable_number_stays_plain_and_lists_candidates():
    [mention] = FINDER.find("Kế hoạch 13/KH-UBND", None)
    assert mention.target is None and set(mention.candidates) == {LAO_CAI.record_id, TRA_VINH.record_id}
    [unknown] = FINDER.find("Quyết định 999/QĐ-UBND", None)
    assert unknown.target is None and unknown.candidates == ()


def test_text_typed_in_nfd_is_found():
    import unicodedata

    text = unicodedata.normalize("NFD", "Luật Thực hiện dân chủ ở cơ sở")
    assert targets(text) == [(unicodedata.normalize("NFC", text), "luat-10-2022-qh15")]
