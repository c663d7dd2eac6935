"""Bad and hostile input: clear errors, no half-written site, text shown as text, stable output."""

from __future__ import annotations

import filecmp
import json
import string

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from macros.data.loader import load
from macros.data.schema import KINDS, schema_text
from macros.text.errors import DataError, DataInvalid
from tests.conftest import DATA, ROOT, build_site
from tests.htmlcheck import link_targets, main_text
from tests.minidata import write_minidata

HOSTILE = '<script>alert(1)</script> [bấm](http://evil.example) {{ 7*7 }} {% if true %}X{% endif %} **đậm** | ống'


def test_broken_file_stops_build_before_any_page(tmp_path):
    data = write_minidata(tmp_path / "data")
    plan = next((data / "plans").glob("*.yaml"))
    plan.write_text(plan.read_text(encoding="utf-8").replace("period:", "periode:", 1), encoding="utf-8")
    out = tmp_path / "site"
    result = build_site(out, data)
    assert result.returncode != 0
    assert f"data/plans/{plan.name}:" in result.stderr + result.stdout
    assert "Traceback" not in result.stderr + result.stdout
    assert not out.exists()


def test_hostile_text_renders_as_plain_text(tmp_path):
    data = write_minidata(tmp_path / "data")
    path = next((data / "plans").glob("*.yaml"))
    record = yaml.safe_load(path.read_text(encoding="utf-8"))
    record["tasks"][0]["title"] = HOSTILE
    record["tasks"][0]["text"] = HOSTILE + "\n\n- " + HOSTILE
    record["recipients"] = [HOSTILE]
    path.write_text(yaml.safe_dump(record, allow_unicode=True, sort_keys=False), encoding="utf-8")
    source = data / "sources" / record["source"]  # a plan is transcribed word for word from its source
    source.write_text(source.read_text(encoding="utf-8") + HOSTILE + "\n", encoding="utf-8")
    out = tmp_path / "site"
    result = build_site(out, data)
    assert result.returncode == 0, result.stderr
    theme = record["tasks"][0]["themes"][0]
    for page in (f"ke-hoach/{record['id']}.html", f"chu-de/{theme}.html"):
        html = (out / page).read_text(encoding="utf-8")
        assert "<script>alert(1)</script>" not in html
        assert "http://evil.example" not in {h for h in link_targets(out, out / page)}
        assert 'href="http://evil.example"' not in html
        text = main_text(out / page)
        assert "<script>alert(1)</script> [bấm](http://evil.example) {{ 7*7 }} {% if true %}X{% endif %} **đậm** | ống" in text


def test_two_builds_are_byte_identical(site, tmp_path):
    """The session's site and a second build of the same data (another process, another hash seed)."""
    second = tmp_path / "b"
    assert build_site(second).returncode == 0
    compare = filecmp.dircmp(site, second)
    differing = _differences(compare)
    assert differing == []


def _differences(compare: filecmp.dircmp) -> list[str]:
    _, mismatch, errors = filecmp.cmpfiles(compare.left, compare.right, compare.common_files, shallow=False)
    out = mismatch + errors + compare.left_only + compare.right_only
    for sub in compare.subdirs.values():
        out += _differences(sub)
    return out


def test_maintainer_adds_a_document_and_a_plan_that_cites_it(tmp_path):
    from macros.cli import main

    data_copy = write_minidata(tmp_path / "data")
    assert main(["new", "document", "ct-7-2026-ubnd-a", "--data", str(data_copy)]) == 0
    doc = data_copy / "documents" / "ct-7-2026-ubnd-a.yaml"
    fill_placeholders(doc, {"number": "07/CT-UBND", "type": "chi-thi", "date": "2026-01-10",
                            "title": "về tăng cường công tác dân vận"})
    text = doc.read_text(encoding="utf-8").replace("# issuer:", "issuer: ubnd-a  #", 1)
    doc.write_text(text, encoding="utf-8")
    (data_copy / "sources" / "kh-9-2026-ubnd-a.txt").write_text(
        "KẾ HOẠCH\nQuán triệt Chỉ thị số 07/CT-UBND của Ủy ban nhân dân tỉnh.\n", encoding="utf-8")
    plan = data_copy / "plans" / "kh-9-2026-ubnd-a.yaml"
    plan.write_text("""\
id: kh-9-2026-ubnd-a
source: kh-9-2026-ubnd-a.txt
issuer: ubnd-a
number: 09/KH-UBND
date: 2026-02-05
title: Thực hiện công tác dân vận chính quyền năm 2026
period: {start: 2026, end: 2026}
tasks:
  - id: nv-1
    number: "1"
    text: Quán triệt Chỉ thị số 07/CT-UBND của Ủy ban nhân dân tỉnh.
    themes: [tuyen-truyen]
""", encoding="utf-8")
    out = tmp_path / "site"
    result = build_site(out, data_copy)
    assert result.returncode == 0, result.stderr
    assert "ke-hoach/kh-9-2026-ubnd-a.html" in link_targets(out, out / "van-ban" / "ct-7-2026-ubnd-a.html")
    assert "van-ban/ct-7-2026-ubnd-a.html" in link_targets(out, out / "ke-hoach" / "kh-9-2026-ubnd-a.html")


def fill_placeholders(path, values: dict[str, str]) -> None:
    """Replace the scaffold's 'ĐIỀN: …' value of each top-level field named in `values`."""
    lines = path.read_text(encoding="utf-8").splitlines()
    for i, line in enumerate(lines):
        name = line.split(":", 1)[0]
        if name in values and '"ĐIỀN:' in line:
            lines[i] = f"{name}: {values[name]}"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


@pytest.mark.parametrize("kind", ["document", "plan", "campaign"])
def test_a_scaffold_fails_check_until_filled(tmp_path, kind):
    """An unfilled scaffold names every placeholder; its number, title and date are among them."""
    from macros.cli import main

    root = write_minidata(tmp_path / "data")
    assert main(["new", kind, "x-1", "--data", str(root)]) == 0
    path = next(root.rglob("x-1.yaml"))
    with pytest.raises(DataInvalid) as info:
        load(root)
    fields = {e.field for e in info.value.errors}
    assert all("chưa điền" in e.message and e.file.endswith("x-1.yaml") for e in info.value.errors)
    wanted = {"document": {"number", "title", "date", "type"}, "plan": {"number", "title", "date", "issuer", "source"},
              "campaign": {"name", "kind"}}[kind]
    assert wanted <= fields
    assert "ubnd-lai-chau" not in path.read_text(encoding="utf-8")  # no other province's issuer pre-filled


def test_new_organisation_goes_to_its_province_file_and_fails_check_until_filled(tmp_path):
    from macros.cli import main

    root = write_minidata(tmp_path / "data")
    assert main(["new", "organisation", "so-noi-vu-b", "--tinh", "Tỉnh B", "--data", str(root)]) == 0
    path = root / "organisations" / "tinh-b.yaml"
    with pytest.raises(DataInvalid) as info:
        load(root)
    assert {e.field for e in info.value.errors} == {"organisations[0].name", "organisations[0].kind",
                                                     "organisations[0].level"}
    text = path.read_text(encoding="utf-8")
    for placeholder, value in (("ĐIỀN: Tên đầy đủ, ví dụ 'Ủy ban nhân dân tỉnh Lào Cai'", "Sở Nội vụ tỉnh B"),
                               ("ĐIỀN: một trong dang, nha-nuoc, mat-tran-doan-the", "nha-nuoc"),
                               ("ĐIỀN: một trong trung-uong, tinh, so-nganh, huyen, xa", "so-nganh")):
        text = text.replace(placeholder, value)
    path.write_text(text, encoding="utf-8")
    assert load(root).organisations["so-noi-vu-b"].province == "Tỉnh B"
    assert main(["new", "organisation", "so-noi-vu-b", "--data", str(root)]) == 2  # the id is taken


def test_published_schema_is_generated_from_the_model():
    for kind in KINDS:
        assert (ROOT / "docs" / "schema" / f"{kind}.schema.json").read_text(encoding="utf-8") == schema_text(kind)


def test_every_data_file_names_its_schema():
    for path in DATA.rglob("*.yaml"):
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert first.startswith("# yaml-language-server: $schema="), path
        schema = (path.parent / first.split("=", 1)[1]).resolve()
        assert schema.exists(), path
        json.loads(schema.read_text(encoding="utf-8"))


_text = st.text(alphabet=string.printable + "đĐâăơưáạ\t{}[]&*:-|>", max_size=60)
_value = st.recursive(st.none() | st.booleans() | st.integers() | _text,
                      lambda inner: st.lists(inner, max_size=3) | st.dictionaries(_text, inner, max_size=3), max_leaves=8)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(field=st.sampled_from(["id", "type", "date", "title", "aliases", "relations", "number", "extra"]), value=_value,
       raw=st.one_of(st.none(), _text))
def test_any_broken_record_gives_a_model_or_located_errors(tmp_path_factory, field, value, raw):
    root = write_minidata(tmp_path_factory.mktemp("h") / "data")
    doc = root / "documents" / "ct-33-2021-ttg.yaml"
    if raw is not None:
        doc.write_text(raw, encoding="utf-8")
    else:
        record = yaml.safe_load(doc.read_text(encoding="utf-8"))
        record[field] = value
        doc.write_text(yaml.safe_dump(record, allow_unicode=True), encoding="utf-8")
    try:
        load(root)
    except DataInvalid as exc:
        assert exc.errors and all(isinstance(e, DataError) and e.file.startswith("data/") and e.line >= 1
                                  for e in exc.errors)
