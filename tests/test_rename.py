"""`python -m macros rename OLD NEW`: a record's id changes everywhere it is written, or nowhere."""

from __future__ import annotations

import re

from macros.cli import main
from macros.data.loader import load


def yaml_texts(data) -> dict:
    return {p: p.read_text(encoding="utf-8") for p in sorted(data.rglob("*")) if p.is_file()}


def test_renaming_a_plan_moves_its_files_and_every_reference(data_copy, capsys):
    old, new = "kh-vpubnd-lai-chau-2025", "kh-vp-ubnd-lai-chau-2025"
    before = load(data_copy)
    cited_by = [d.id for d in before.documents.values() if any(r.target == old or r.stated_in == old for r in d.relations)]
    assert main(["rename", old, new, "--data", str(data_copy)]) == 0
    out = capsys.readouterr().out
    assert f"plans/{old}.yaml → " in out and "Đã đổi" in out
    after = load(data_copy)  # check passes
    assert new in after.plans and old not in after.plans
    assert after.plans[new].tasks == before.plans[old].tasks
    assert (data_copy / "organisations" / f"{new}.yaml").exists()  # the organisations the import wrote for it
    for doc_id in cited_by:
        relations = after.documents[doc_id].relations
        assert any(r.target == new or r.stated_in == new for r in relations)
    leftovers = [p for p, text in yaml_texts(data_copy).items() if re.search(rf"(?<![\w-]){old}(?![\w-])", text)]
    assert leftovers == []


def test_renaming_an_organisation_follows_its_plans_documents_and_children(data_copy):
    before = load(data_copy)
    issued = [p.id for p in before.plans.values() if p.issuer == "ubnd-lao-cai"]
    children = [o.id for o in before.organisations.values() if o.parent == "ubnd-lao-cai"]
    assert issued and children
    assert main(["rename", "ubnd-lao-cai", "ubnd-tinh-lao-cai", "--data", str(data_copy)]) == 0
    after = load(data_copy)
    assert all(after.plans[i].issuer == "ubnd-tinh-lao-cai" for i in issued)
    assert all(after.organisations[i].parent == "ubnd-tinh-lao-cai" for i in children)


def test_a_rename_that_cannot_be_done_changes_nothing(data_copy, capsys):
    before = yaml_texts(data_copy)
    assert main(["rename", "ubnd-lao-cai", "ubnd-tra-vinh", "--data", str(data_copy)]) == 1  # taken
    assert main(["rename", "khong-co-ma-nay", "ma-moi", "--data", str(data_copy)]) == 1
    assert main(["rename", "ubnd-lao-cai", "UBND Lào Cai", "--data", str(data_copy)]) == 1
    err = capsys.readouterr().err
    assert "đã là một bản ghi khác" in err and "không có bản ghi nào mang mã 'khong-co-ma-nay'" in err
    assert "không hợp lệ" in err and "Traceback" not in err
    assert yaml_texts(data_copy) == before
