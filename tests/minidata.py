"""A small valid data set written into a temporary folder, for tests that break one thing at a time."""

from __future__ import annotations

from pathlib import Path

FILES = {
    "organisations/org.yaml": """\
organisations:
  - id: thu-tuong
    name: Thủ tướng Chính phủ
    kind: nha-nuoc
    level: trung-uong
  - id: ubnd-a
    name: Ủy ban nhân dân tỉnh A
    kind: nha-nuoc
    level: tinh
    province: A
""",
    "themes.yaml": """\
themes:
  - id: tuyen-truyen
    name: Tuyên truyền
    description: Quán triệt, tuyên truyền.
""",
    "glossary.yaml": """\
terms:
  - id: ubnd
    term: UBND
    meaning: Ủy ban nhân dân
""",
    "documents/ct-33-2021-ttg.yaml": """\
id: ct-33-2021-ttg
number: 33/CT-TTg
type: chi-thi
issuer: thu-tuong
date: 2021-11-26
title: về tiếp tục tăng cường và đổi mới công tác dân vận
aliases:
  - Chỉ thị 33 của Thủ tướng
""",
    "plans/kh-1-2025-ubnd-a.yaml": """\
id: kh-1-2025-ubnd-a
source: a.txt
issuer: ubnd-a
number: 1/KH-UBND
date: 2025-01-05
title: Thực hiện công tác dân vận chính quyền năm 2025
period: {start: 2025, end: 2025}
implements: [ct-33-2021-ttg]
tasks:
  - id: nv-1
    number: "1"
    title: Tuyên truyền
    text: |
      Quán triệt Chỉ thị số 33/CT-TTg ngày 26/11/2021.
    themes: [tuyen-truyen]
assignments:
  - id: th-1
    unit_text: Sở Nội vụ
    duties: [Theo dõi, đôn đốc.]
    reports:
      - text: Báo cáo năm trước ngày 25/11
        period: nam
        due: ["11-25"]
        to: ubnd-a
""",
    "campaigns/dan-van-kheo.yaml": """\
id: dan-van-kheo
name: Dân vận khéo
kind: phong-trao-thi-dua
""",
    "sources/a.txt": """\
KẾ HOẠCH
Thực hiện công tác dân vận chính quyền năm 2025
1. Tuyên truyền
Quán triệt Chỉ thị số 33/CT-TTg ngày 26/11/2021.
Sở Nội vụ: Theo dõi, đôn đốc.
""",
}


def write_minidata(root: Path) -> Path:
    for rel, text in FILES.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


def extend(root: Path, orgs: str, plans: dict[str, str], validity: str) -> Path:
    """The small data set plus more organisations (YAML list items), plans (id -> YAML) and a validity.yaml."""
    write_minidata(root)
    org = root / "organisations" / "org.yaml"
    org.write_text(org.read_text(encoding="utf-8") + orgs, encoding="utf-8")
    for plan_id, text in plans.items():
        (root / "plans" / f"{plan_id}.yaml").write_text(text, encoding="utf-8")
        transcribe(root, text)
    (root / "validity.yaml").write_text(validity, encoding="utf-8")
    return root


def one_task_plan(plan_id: str, issuer: str, number: str, date: str, assignments: str, place: str = "") -> str:
    """A provincial plan of one task (propaganda by every body) whose assignments are the YAML list given."""
    return f"""\
id: {plan_id}
source: c.txt
issuer: {issuer}
number: {number}
{f"place: {place}{chr(10)}" if place else ""}date: {date}
title: Thực hiện công tác dân vận chính quyền năm 2025
period: {{start: 2025, end: 2025}}
tasks:
  - id: nv-1
    number: "1"
    title: Tuyên truyền
    text: |
      Các cơ quan, đơn vị tuyên truyền công tác dân vận.
    themes: [tuyen-truyen]
assignments:
{assignments}"""


def transcribe(root: Path, plan_yaml: str) -> None:
    """Add a plan's own words to its source text (a test plan must stand in its source, as `check` requires)."""
    import yaml

    plan = yaml.safe_load(plan_yaml)
    source = root / "sources" / plan["source"]
    words = "\n".join(_strings(plan))
    old = source.read_text(encoding="utf-8") if source.exists() else ""
    source.write_text(old + words + "\n", encoding="utf-8")


def _strings(value) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in _strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    return []
