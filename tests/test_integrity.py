"""`check` foresees every build: what it accepts builds (national and provincial), what it refuses the build refuses.

Each case here once passed `check` and then broke the build (a traceback after "Dữ liệu hợp lệ"); the fuzz
test at the end builds random variations of the small data set that `check` accepted.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, Phase, assume, example, given, settings
from hypothesis import strategies as st

from macros.cli import main
from macros.data.kinds import source_path
from macros.data.loader import SOURCE_MAX_BYTES, load
from macros.data.namespace import ORGANISATIONS_PAGE_IDS, PLAN_PAGE_IDS, slug
from macros.text.errors import DataInvalid
from tests.conftest import DATA, build_site
from tests.minidata import write_minidata

PROVINCE_B = """\
  - id: ubnd-b
    name: Ủy ban nhân dân tỉnh B
    kind: nha-nuoc
    level: tinh
    province: B
"""


def accepted(root: Path, capsys) -> bool:
    code = main(["check", "--data", str(root)])
    out = capsys.readouterr()
    assert "Traceback" not in out.err
    return code == 0


def assert_builds(tmp_path: Path, root: Path, province: str | None = None) -> None:
    result = build_site(tmp_path / "site", root, env={"DVCQ_PROVINCE": province} if province else None)
    output = result.stdout + result.stderr
    assert result.returncode == 0 and "Traceback" not in output, output[-3000:]
    assert (tmp_path / "site" / "index.html").is_file()


def test_data_without_any_plan_builds(tmp_path, capsys):
    root = write_minidata(tmp_path / "data")
    (root / "plans" / "kh-1-2025-ubnd-a.yaml").unlink()
    assert accepted(root, capsys)
    assert_builds(tmp_path, root)


def test_a_province_with_organisations_but_no_plan_builds_its_own_site(tmp_path, capsys):
    root = write_minidata(tmp_path / "data")
    orgs = root / "organisations" / "org.yaml"
    orgs.write_text(orgs.read_text(encoding="utf-8") + PROVINCE_B, encoding="utf-8")
    assert accepted(root, capsys)
    assert_builds(tmp_path, root, province="B")


# Values of every YAML kind, put where the model wants another: pydantic explains each in English.
_value = st.recursive(
    st.none() | st.booleans() | st.integers(min_value=-(10**30), max_value=10**30) | st.floats(allow_nan=False)
    | st.text(max_size=30), lambda inner: st.lists(inner, max_size=2) | st.dictionaries(st.text(max_size=8), inner,
                                                                                        max_size=2), max_leaves=4)
_PLAN_FIELDS = ["id", "source", "issuer", "number", "date", "title", "period", "implements", "tasks", "assignments",
                "recipients", "signer", "footnotes", "headings", "place", "targets", "extra"]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(field=st.sampled_from(_PLAN_FIELDS), value=_value, inner=st.booleans())
def test_every_message_is_vietnamese(tmp_path_factory, field, value, inner):
    root = write_minidata(tmp_path_factory.mktemp("vi") / "data")
    path = root / "plans" / "kh-1-2025-ubnd-a.yaml"
    plan = yaml.safe_load(path.read_text(encoding="utf-8"))
    if inner:  # a field of a task or of a report rather than of the plan
        plan["tasks"][0][field] = value
        plan["assignments"][0]["reports"][0][field] = value
    else:
        plan[field] = value
    path.write_text(yaml.safe_dump(plan, allow_unicode=True), encoding="utf-8")
    try:
        load(root)
    except DataInvalid as exc:
        for error in exc.errors:
            assert VIETNAMESE.search(error.message), str(error)


VIETNAMESE = re.compile("[àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ]", re.I)


def test_a_published_source_is_the_bytes_of_the_file_the_plan_names(tmp_path, capsys):
    root = write_minidata(tmp_path / "data")
    source = root / "sources" / "a.txt"
    raw = source.read_bytes().replace(b"\n", b"\r\n") + "Trang 2\r\n\tDòng cuối  \r\n".encode("utf-8")
    source.write_bytes(raw)
    assert accepted(root, capsys)
    assert_builds(tmp_path, root)
    published = (tmp_path / "site" / source_path("kh-1-2025-ubnd-a", "txt")).read_bytes()
    assert published == b"\xef\xbb\xbf" + raw  # a byte order mark says UTF-8 to a plain web server


def test_a_source_larger_than_the_limit_is_refused(tmp_path, capsys):
    root = write_minidata(tmp_path / "data")
    source = root / "sources" / "a.txt"
    source.write_bytes(source.read_bytes() + b"x" * SOURCE_MAX_BYTES)
    assert main(["check", "--data", str(root)]) != 0
    assert "data/sources/a.txt:1: văn bản gốc lớn hơn 2 MB" in capsys.readouterr().err


# --- the transcription rule reads every word -------------------------------------------------------

LETTERS = "abcdeghiklmnopqrstuvxyđâăêôơưáàảãạếềểễệốồổỗộớờởỡợứừửữựíìỉĩịúùủũụ"


def _transcribed(plan: dict) -> list[tuple[str, list, str]]:
    """(field as messages name it, path in the record, text) of every piece the source must hold word for word."""
    pieces = [(f"tasks[{i}].text", ["tasks", i, "text"], t["text"]) for i, t in enumerate(plan.get("tasks", []))]
    pieces += [(f"targets[{i}].text", ["targets", i, "text"], t["text"]) for i, t in enumerate(plan.get("targets", []))]
    for key in ("purposes", "requirements", "recipients"):
        pieces += [(f"{key}[{i}]", [key, i], text) for i, text in enumerate(plan.get(key, []))]
    for i, job in enumerate(plan.get("assignments", [])):
        pieces.append((f"assignments[{i}].unit_text", ["assignments", i, "unit_text"], job["unit_text"]))
        pieces += [(f"assignments[{i}].duties[{j}]", ["assignments", i, "duties", j], d) for j, d in enumerate(job["duties"])]
    return pieces


@pytest.fixture(scope="module")
def real_copy(tmp_path_factory) -> Path:
    target = tmp_path_factory.mktemp("real") / "data"
    shutil.copytree(DATA, target)
    return target


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_a_rewritten_span_anywhere_in_a_transcribed_text_fails_check(real_copy, capsys, data):
    path = data.draw(st.sampled_from(sorted((real_copy / "plans").glob("*.yaml"))), label="plan")
    original = path.read_text(encoding="utf-8")
    plan = yaml.safe_load(original)
    source = (real_copy / "sources" / plan["source"]).read_text(encoding="utf-8")
    field, where, text = data.draw(st.sampled_from([p for p in _transcribed(plan) if len(p[2]) >= 20]), label="field")
    start = data.draw(st.integers(0, len(text) - 1), label="start")
    end = data.draw(st.integers(start, min(len(text), start + 40)), label="end")
    words = data.draw(st.text(LETTERS, min_size=3, max_size=12), label="words")
    assume(words not in re.sub(r"[*_#\s]", "", source))  # words the source does not have, however it is wrapped
    target = plan
    for step in where[:-1]:
        target = target[step]
    target[where[-1]] = text[:start] + words + text[end:]
    path.write_text(yaml.safe_dump(plan, allow_unicode=True, sort_keys=False), encoding="utf-8")
    try:
        code = main(["check", "--data", str(real_copy)])
        err = capsys.readouterr().err
    finally:
        path.write_text(original, encoding="utf-8")
    assert code != 0
    named = [ln for ln in err.splitlines() if ln.startswith(f"data/plans/{path.name}:") and f" {field}: " in ln]
    assert any("không có nguyên văn trong văn bản gốc" in ln for ln in named), (field, err)


# --- titles are text once ------------------------------------------------------------------------

AMP_TITLES = {  # (file, text in the small data set, the same written with '&', '<' and quotes)
    "documents/ct-33-2021-ttg.yaml": ("title: về tiếp tục tăng cường và đổi mới công tác dân vận",
                                      "title: 'về A & B <c> \"q\" và đổi mới'"),
    "themes.yaml": ("name: Tuyên truyền", "name: 'Tuyên & <truyền>'"),
    "campaigns/dan-van-kheo.yaml": ("name: Dân vận khéo", "name: 'Dân vận khéo & <b> T'"),
    "organisations/org.yaml": ("name: Thủ tướng Chính phủ", "name: 'Thủ tướng & <Chính phủ>'"),
}
PAGES = {"van-ban/ct-33-2021-ttg.html": 'về A & B <c> "q" và đổi mới', "chu-de/tuyen-truyen.html": "Tuyên & <truyền>",
         "phong-trao/dan-van-kheo.html": "Dân vận khéo & <b> T", "co-quan/thu-tuong.html": "Thủ tướng & <Chính phủ>"}


@pytest.mark.browser
def test_a_title_with_ampersand_and_angle_bracket_reads_as_written_in_the_tab_and_header(context, tmp_path, capsys):
    root = write_minidata(tmp_path / "data")
    (root / "documents" / "ct-33-2021-ttg.yaml").write_text(
        (root / "documents" / "ct-33-2021-ttg.yaml").read_text(encoding="utf-8").replace("number: 33/CT-TTg\n", ""),
        encoding="utf-8")  # without a number, the page is named by its title
    for rel, (old, new) in AMP_TITLES.items():
        path = root / rel
        path.write_text(path.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")
    assert accepted(root, capsys)
    assert_builds(tmp_path, root)
    page = context.new_page()
    for rel, title in PAGES.items():
        page.goto((tmp_path / "site" / rel).as_uri())
        assert page.title() == f"{title} - Cẩm nang Dân vận chính quyền"
        assert page.locator("[data-md-component=header-topic]").inner_text().strip() == title
    page.close()


# --- one namespace -------------------------------------------------------------------------------

TEMPLATES = Path(__file__).resolve().parents[1] / "macros" / "site" / "templates"
LITERAL_ID = re.compile(r"""anchor\("([a-z0-9-]+)"\)|\bid="([a-z0-9-]+)"|^#+ ([^{\n]+?)\s*$""", re.M)


def literal_ids(*names: str) -> set[str]:
    """Element ids a template writes itself: anchor("x"), id="x", and the id Markdown gives a plain heading."""
    from markdown.extensions.toc import slugify

    found = set()
    for name in names:
        for anchor, element, heading in LITERAL_ID.findall((TEMPLATES / name).read_text(encoding="utf-8")):
            found.add(anchor or element or slugify(heading, "-"))
    return found - {""}


def test_the_ids_check_reserves_are_the_ids_the_pages_make():
    assert literal_ids("plan.html.j2", "_record.html.j2") <= PLAN_PAGE_IDS
    assert literal_ids("organisations.html.j2") <= ORGANISATIONS_PAGE_IDS


def test_a_group_heading_gets_the_id_check_reserves():
    from markdown.extensions.toc import slugify

    for heading in ("Mặt trận, đoàn thể – tỉnh", "Nhà nước – sở, ngành", "Đảng – trung ương"):
        assert slug(heading) == slugify(heading, "-")


# --- check foresees every build: a fuzz test -------------------------------------------------------

def _variant(root: Path, v: dict) -> None:
    """The small data set changed as `v` says: sizes near and over the limits, missing plans, a second province."""
    plan = root / "plans" / "kh-1-2025-ubnd-a.yaml"
    text = plan.read_text(encoding="utf-8")
    days = ", ".join(f'"{m:02d}-{d:02d}"' for m, d in [(1 + i % 12, 1 + i // 12) for i in range(v["due"])])
    text = text.replace('due: ["11-25"]', f"due: [{days}]")
    text = text.replace("period: {start: 2025, end: 2025}", f"period: {{start: 2025, end: {2025 + v['years']}}}")
    long_text = " ".join(["Quán triệt Chỉ thị số 33/CT-TTg ngày 26/11/2021."] * v["repeat"])
    tasks = "".join(f"  - id: nv-{i + 2}\n    number: \"{i + 2}\"\n    text: |\n      {long_text}\n"
                    f"    themes: [tuyen-truyen]\n" for i in range(v["tasks"]))
    text = text.replace("assignments:\n", tasks + "assignments:\n")
    plan.write_text(text, encoding="utf-8")
    source = root / "sources" / "a.txt"
    source.write_text(source.read_text(encoding="utf-8") + long_text + "\n", encoding="utf-8")
    themes = root / "themes.yaml"
    themes.write_text(themes.read_text(encoding="utf-8").replace("name: Tuyên truyền", f"name: '{v['theme']}'"),
                      encoding="utf-8")
    if v["province_b"]:
        orgs = root / "organisations" / "org.yaml"
        orgs.write_text(orgs.read_text(encoding="utf-8") + PROVINCE_B, encoding="utf-8")
    if v["no_plan"]:
        plan.unlink()


VARIANTS = st.fixed_dictionaries({
    "due": st.sampled_from([0, 1, 12, 24, 25]), "years": st.sampled_from([0, 4, 10, 11]),
    "tasks": st.integers(0, 4), "repeat": st.sampled_from([1, 60, 450]),
    "theme": st.sampled_from(["Tuyên truyền", "Năm 2021", "Tuyên & <truyền>", "Cấp tỉnh"]),
    "province_b": st.booleans(), "no_plan": st.booleans(), "build": st.sampled_from([None, "A", "B"]),
})


@settings(max_examples=4, deadline=None, phases=[Phase.explicit, Phase.generate],
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(v=VARIANTS)
@example(v={"due": 24, "years": 10, "tasks": 4, "repeat": 60, "theme": "Tuyên & <truyền>", "province_b": True,
            "no_plan": False, "build": "B"})
def test_what_check_accepts_builds_and_what_it_refuses_the_build_refuses(tmp_path_factory, capsys, v):
    base = tmp_path_factory.mktemp("fuzz")
    root = write_minidata(base / "data")
    _variant(root, v)
    province = v["build"] if v["build"] != "B" or v["province_b"] else None
    code = main(["check", "--data", str(root)])
    err = capsys.readouterr().err
    assert "Traceback" not in err
    result = build_site(base / "site", root, env={"DVCQ_PROVINCE": province} if province else None)
    output = result.stdout + result.stderr
    assert "Traceback" not in output, output[-3000:]
    if code == 0:
        assert result.returncode == 0, output[-3000:]
        assert (base / "site" / "index.html").is_file()
    else:
        assert result.returncode != 0
        errors = [ln for ln in err.splitlines() if ln.startswith("data/")]
        assert errors and all(ln in output for ln in errors), (err, output[-3000:])


def test_the_maintainer_guide_states_the_current_limits():
    from macros.data import model
    from macros.importer import limits

    guide = (Path(__file__).resolve().parents[1] / "docs" / "huong-dan" / "bao-tri.md").read_text(encoding="utf-8")
    section = guide.split("### Giới hạn", 1)[1]
    rows = {ln.split("|")[1].strip(): ln.split("|")[2] for ln in section.splitlines() if ln.startswith("| ")}
    assert f"{model.LIMITS['due']}" in rows["Hạn của một báo cáo (`due`)"]
    assert f"{model.LIMITS['tasks']}" in rows["Chỉ tiêu, nhiệm vụ, mục giao việc của một kế hoạch"]
    assert f"{model.LIMITS['duties']}" in rows["Nhiệm vụ của một đơn vị (`duties`)"]
    assert f"{model.LIMITS['reports']}" in rows["Báo cáo của một đơn vị (`reports`)"]
    assert f"{model.PERIOD_YEARS}" in rows["Kỳ kế hoạch (`period`)"]
    assert f"{SOURCE_MAX_BYTES // 1_000_000} MB" in rows["Văn bản gốc (`data/sources/`)"]
    assert f"{limits.MAX_MEMBER // 1_000_000} MB" in rows["Một phần của tệp Word khi giải nén"]
    assert f"{limits.SECONDS} giây" in rows["Thời gian xử lý (đọc tệp và dựng bản ghi)"]
