"""Loading and validation: every class of data error gives file, line, field and plain words."""

from __future__ import annotations

import datetime as dt

import pytest

from macros.data.loader import load
from macros.text.errors import DataInvalid
from tests.minidata import write_minidata

PLAN = "plans/kh-1-2025-ubnd-a.yaml"
DOC = "documents/ct-33-2021-ttg.yaml"


@pytest.fixture
def mini(tmp_path):
    return write_minidata(tmp_path / "data")


def errors_of(root, parses=None):
    with pytest.raises(DataInvalid) as info:
        load(root, parses)
    return [str(e) for e in info.value.errors]


def edit(root, rel, old, new):
    path = root / rel
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_valid_minidata_loads(mini):
    data = load(mini)
    assert set(data.plans) == {"kh-1-2025-ubnd-a"}
    assert data.documents["ct-33-2021-ttg"].date == "2021-11-26"


def test_yaml_syntax_error_names_line(mini):
    edit(mini, DOC, "type: chi-thi", "type: [chi-thi")
    [msg] = errors_of(mini)
    assert msg.startswith("data/documents/ct-33-2021-ttg.yaml:")
    assert "cú pháp YAML" in msg


def test_missing_field(mini):
    edit(mini, DOC, "type: chi-thi\n", "")
    assert errors_of(mini) == ["data/documents/ct-33-2021-ttg.yaml:1: type: thiếu trường bắt buộc"]


def test_unknown_field_names_its_line(mini):
    edit(mini, DOC, "type: chi-thi\n", "type: chi-thi\ntitel: sai tên\n")
    [msg] = errors_of(mini)
    assert msg.startswith("data/documents/ct-33-2021-ttg.yaml:4: titel:")


def test_wrong_type(mini):
    edit(mini, PLAN, "period: {start: 2025, end: 2025}", "period: {start: hai nghìn, end: 2025}")
    [msg] = errors_of(mini)
    assert msg == "data/plans/kh-1-2025-ubnd-a.yaml:7: period.start: phải là số nguyên"


@pytest.mark.parametrize("bad, words", [("2021-13-01", "tháng 13"), ("2023-02-30", "không tồn tại"), ("26/11/2021", "YYYY")])
def test_bad_dates(mini, bad, words):
    edit(mini, DOC, "date: 2021-11-26", f"date: {bad}")
    [msg] = errors_of(mini)
    assert msg.startswith("data/documents/ct-33-2021-ttg.yaml:5: date:") and words in msg


def test_partial_dates_are_allowed(mini):
    edit(mini, DOC, "date: 2021-11-26", "date: 2021")
    assert load(mini).documents["ct-33-2021-ttg"].date == "2021"


@pytest.mark.parametrize("written, first, last", [
    ("2024", dt.date(2024, 1, 1), dt.date(2024, 12, 31)),
    ("2024-02", dt.date(2024, 2, 1), dt.date(2024, 2, 29)),
    ("2023-02", dt.date(2023, 2, 1), dt.date(2023, 2, 28)),
    ("2021-11-26", dt.date(2021, 11, 26), dt.date(2021, 11, 26)),
])
def test_a_partial_date_is_read_once_with_the_days_it_can_mean(mini, written, first, last):
    edit(mini, DOC, "date: 2021-11-26", f"date: {written}")
    date = load(mini).documents["ct-33-2021-ttg"].date
    assert date == written and (date.first, date.last) == (first, last)
    assert date.full == (first if len(written) == 10 else None)


def test_unknown_enum_lists_choices(mini):
    edit(mini, DOC, "type: chi-thi", "type: chi-thị")
    [msg] = errors_of(mini)
    assert "data/documents/ct-33-2021-ttg.yaml:3: type: giá trị 'chi-thị' không hợp lệ" in msg
    assert "'nghi-quyet'" in msg


def test_duplicate_id_across_files(mini):
    (mini / "documents/ct-33-copy.yaml").write_text((mini / DOC).read_text(encoding="utf-8"), encoding="utf-8")
    msgs = errors_of(mini)
    assert any("mã 'ct-33-2021-ttg' bị trùng với data/documents/ct-33-2021-ttg.yaml:1" in m for m in msgs)


def test_unknown_reference(mini):
    edit(mini, PLAN, "implements: [ct-33-2021-ttg]", "implements: [ct-99-2021-ttg]")
    assert errors_of(mini) == [
        "data/plans/kh-1-2025-ubnd-a.yaml:8: implements[0]: không có văn bản hoặc kế hoạch nào mang mã 'ct-99-2021-ttg'"
    ]


def test_document_related_to_itself(mini):
    edit(mini, DOC, "aliases:", "relations:\n  - {type: replaces, target: ct-33-2021-ttg}\naliases:")
    [msg] = errors_of(mini)
    assert "relations[0].target" in msg and "chính nó" in msg


def test_duplicate_yaml_key(mini):
    edit(mini, DOC, "type: chi-thi\n", "type: chi-thi\ntype: luat\n")
    assert errors_of(mini) == ["data/documents/ct-33-2021-ttg.yaml:4: type: trường 'type' bị lặp lại trong cùng một mục"]


def test_anchors_and_aliases_refused(mini):
    edit(mini, DOC, "title: về", "title: &t về")
    edit(mini, DOC, "aliases:\n  - Chỉ thị 33 của Thủ tướng", "aliases:\n  - *t")
    [msg] = errors_of(mini)
    assert "anchor/alias" in msg and ":8:" in msg


def test_tab_indentation(mini):
    edit(mini, DOC, "aliases:\n  - ", "aliases:\n\t- ")
    [msg] = errors_of(mini)
    assert msg.startswith("data/documents/ct-33-2021-ttg.yaml:") and "tab" in msg


def test_non_utf8_file(mini):
    (mini / DOC).write_bytes("id: ct-33-2021-ttg\ntitle: Ch\xe1\n".encode("latin-1"))
    [msg] = errors_of(mini)
    assert msg.startswith("data/documents/ct-33-2021-ttg.yaml:2:") and "UTF-8" in msg


def test_empty_file(mini):
    (mini / DOC).write_text("# only a comment\n", encoding="utf-8")
    assert errors_of(mini) == ["data/documents/ct-33-2021-ttg.yaml:1: tệp rỗng: không có dữ liệu nào"]


def test_list_instead_of_mapping(mini):
    (mini / DOC).write_text("- id: ct-33-2021-ttg\n", encoding="utf-8")
    [msg] = errors_of(mini)
    assert "không phải danh sách" in msg


def test_file_name_must_match_id(mini):
    (mini / DOC).rename(mini / "documents/chi-thi-33.yaml")
    [msg] = errors_of(mini)
    assert msg == "data/documents/chi-thi-33.yaml:1: id: mã 'ct-33-2021-ttg' phải trùng tên tệp 'chi-thi-33.yaml'"


def test_all_errors_reported_at_once(mini):
    edit(mini, DOC, "type: chi-thi", "type: sai")
    edit(mini, PLAN, "issuer: ubnd-a", "issuer: ubnd-b")
    msgs = errors_of(mini)
    assert len(msgs) == 2 and {m.split(":")[0] for m in msgs} == {"data/documents/ct-33-2021-ttg.yaml", "data/plans/kh-1-2025-ubnd-a.yaml"}


def test_bad_report_due_date(mini):
    edit(mini, PLAN, 'due: ["11-25"]', 'due: ["11-31"]')
    [msg] = errors_of(mini)
    assert "assignments[0].reports[0].due" in msg and "không phải ngày có thật" in msg


def test_replacement_cycle(mini):
    (mini / "documents/ct-34-2022-ttg.yaml").write_text(
        "id: ct-34-2022-ttg\nnumber: 34/CT-TTg\ntype: chi-thi\nrelations:\n  - {type: replaces, target: ct-33-2021-ttg}\n",
        encoding="utf-8")
    edit(mini, DOC, "aliases:", "relations:\n  - {type: replaces, target: ct-34-2022-ttg}\naliases:")
    [msg] = errors_of(mini)
    assert "vòng lặp 'replaces': ct-33-2021-ttg → ct-34-2022-ttg → ct-33-2021-ttg" in msg


def test_very_long_text(mini):
    edit(mini, DOC, "title: về", "title: " + "rất dài " * 4000 + "về")
    [msg] = errors_of(mini)
    assert msg.startswith("data/documents/ct-33-2021-ttg.yaml:6: title: quá dài")


def test_text_is_stored_in_nfc(mini):
    import unicodedata

    edit(mini, DOC, "title: về tiếp tục", "title: " + unicodedata.normalize("NFD", "về tiếp tục"))
    assert load(mini).documents["ct-33-2021-ttg"].title.startswith(unicodedata.normalize("NFC", "về tiếp tục"))


def test_while_serving_each_reload_sees_every_edit(mini):
    """`mkdocs serve` keeps parses of unchanged files; an edit, a mistake and its fix all show."""
    parses: dict = {}
    assert load(mini, parses).documents["ct-33-2021-ttg"].date == "2021-11-26"
    edit(mini, DOC, "2021-11-26", "2021-11-27")
    assert load(mini, parses).documents["ct-33-2021-ttg"].date == "2021-11-27"
    edit(mini, DOC, "type: chi-thi", "type: [chi-thi")
    [msg] = errors_of(mini, parses)
    assert msg.startswith("data/documents/ct-33-2021-ttg.yaml:") and "cú pháp YAML" in msg
    edit(mini, DOC, "type: [chi-thi", "type: chi-thi")
    assert load(mini, parses).documents["ct-33-2021-ttg"].date == "2021-11-27"


def test_plain_values_read_as_yaml_reads_them_but_dates_stay_text(tmp_path):
    """The reader resolves each plain value's type itself (speed); a maintainer's `true`, `12`, `~` or `1.5`
    must mean what YAML says, and a date what was written."""
    import yaml

    from macros.data.yamlsource import read_yaml

    words = ["true", "True", "false", "yes", "no", "on", "off", "null", "Null", "~", "", "12", "-3", "+4", "0x1f",
             "0o17", "1_000", "1.5", "-.5", "1e3", ".inf", "-.Inf", ".nan", "2022-01-17", "2022-01-17 10:00:00",
             "12:30", "1:20:30", "nv-1", "Kế hoạch", "0", "-x", "'quoted 12'", '"true"', "<<x", "n", "t1"]
    text = "".join(f"k{i}: {w}\n" for i, w in enumerate(words))
    path = tmp_path / "values.yaml"
    path.write_text(text, encoding="utf-8")
    got = read_yaml(path, "values.yaml").data
    expected = yaml.load(text, Loader=yaml.SafeLoader)
    for key, value in expected.items():
        if isinstance(value, (dt.date, dt.datetime)):
            value = words[int(key[1:])]  # written as text, read as text
        assert repr(got[key]) == repr(value) and type(got[key]) is type(value), (key, got[key], value)
