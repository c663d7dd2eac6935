"""The maintainer's commands. Data errors are printed as `file:line: field: message`, never as tracebacks."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .text.errors import DataInvalid
from .text.format import date_vi
from .text.terminal import shown

DEFAULT_DATA = Path(__file__).resolve().parent.parent / "data"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m macros", description="Công cụ dữ liệu Cẩm nang Dân vận chính quyền")
    sub = parser.add_subparsers(dest="command", required=True)
    check = sub.add_parser("check", help="kiểm tra toàn bộ dữ liệu (lỗi và cảnh báo)")
    check.add_argument("--data", type=Path, default=DEFAULT_DATA)
    check.add_argument("--strict", action="store_true", help="coi cảnh báo là lỗi")
    sub.add_parser("schema", help="tạo lại JSON Schema trong docs/schema/ từ mô hình dữ liệu")
    new = sub.add_parser("new", help="tạo tệp bản ghi mới có đủ các trường")
    new.add_argument("kind", choices=["document", "plan", "campaign", "organisation"])
    new.add_argument("id")
    new.add_argument("--tinh", help="organisation: tên tỉnh (ghi vào data/organisations/<tỉnh>.yaml); "
                     "bỏ trống với cơ quan trung ương")
    new.add_argument("--data", type=Path, default=DEFAULT_DATA)
    provinces = sub.add_parser("provinces", help="liệt kê các tỉnh trong dữ liệu: 'thư-mục<TAB>Tên tỉnh' mỗi dòng")
    provinces.add_argument("--data", type=Path, default=DEFAULT_DATA)
    imp = sub.add_parser("import", help="nhập kế hoạch từ tệp Word (.docx), văn bản (.txt, .md) hoặc PDF có chữ")
    imp.add_argument("file", type=Path, help="tệp kế hoạch, hoặc thư mục: nhập mọi tệp trong đó, in một bảng tổng hợp")
    imp.add_argument("--data", type=Path, default=DEFAULT_DATA)
    imp.add_argument("--dry-run", action="store_true", help="in YAML ra màn hình, không ghi tệp")
    imp.add_argument("--ghi-de", dest="force", action="store_true", help="ghi đè tệp đã có nếu nội dung khác")
    imp.add_argument("--update", action="store_true", help="làm mới kế hoạch đã có từ bản tốt hơn, giữ các chỗ đã sửa tay")
    rename = sub.add_parser("rename", help="đổi mã một bản ghi và mọi chỗ dẫn tới nó (cả tên tệp riêng của nó)")
    rename.add_argument("old")
    rename.add_argument("new")
    rename.add_argument("--data", type=Path, default=DEFAULT_DATA)
    args = parser.parse_args(argv)
    return COMMANDS[args.command](args)


def run_check(args: argparse.Namespace) -> int:
    from .data.lint import lint
    from .data.loader import collector_paused
    from .site.heap import settle

    with collector_paused():
        dataset = _load_or_report(args.data)
        settle()  # the data lives until the command ends: the collector need not walk it
    if dataset is None:
        return 1
    from .knowledge.index import SiteIndex
    warnings = lint(dataset, SiteIndex(dataset))
    for warning in warnings:
        print(warning, file=sys.stderr)
    counts = (f"{len(dataset.documents)} văn bản, {len(dataset.plans)} kế hoạch, {len(dataset.campaigns)} phong trào, "
              f"{len(dataset.themes)} chủ đề, {len(dataset.terms)} thuật ngữ, {len(dataset.organisations)} cơ quan")
    print(f"Dữ liệu hợp lệ: {counts}; {len(warnings)} cảnh báo.")
    as_of = dataset.as_of  # the day statuses are computed at (data/validity.yaml)
    print(f"Ngày đối chiếu hiệu lực: {date_vi(as_of)}." if as_of else
          "Chưa có ngày đối chiếu (data/validity.yaml: as_of): hiệu lực của mọi văn bản sẽ là 'chưa xác định'.")
    return 1 if args.strict and warnings else 0


def run_schema(args: argparse.Namespace) -> int:
    from .data.schema import write_all

    for path in write_all():
        print(f"đã ghi {path}")
    return 0


def run_new(args: argparse.Namespace) -> int:
    from .data.model import ID_PATTERN
    from .data.scaffold import FOLDERS, scaffold
    import re

    if not re.fullmatch(ID_PATTERN, args.id):
        print(f"mã '{shown(args.id)}' không hợp lệ: chỉ dùng chữ thường không dấu, số và dấu '-'", file=sys.stderr)
        return 2
    if args.kind == "organisation":
        return _new_organisation(args)
    path = args.data / FOLDERS[args.kind] / f"{args.id}.yaml"
    if path.exists():
        print(f"{path} đã có; không ghi đè", file=sys.stderr)
        return 2
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(scaffold(args.kind, args.id), encoding="utf-8")
    print(f"đã tạo {path}: điền các trường rồi chạy 'python -m macros check'")
    return 0


ORGANISATIONS_HEADER = "# yaml-language-server: $schema=../../docs/schema/organisations.schema.json\norganisations:\n"
CENTRAL_FILE = "trung-uong"


def _new_organisation(args: argparse.Namespace) -> int:
    """Append an entry to the province's organisations file (trung-uong.yaml without --tinh)."""
    import re

    from .text.format import province_slug
    from .data.scaffold import organisation_entry

    stem = province_slug(args.tinh) if args.tinh else CENTRAL_FILE
    if not stem:
        print(f"tên tỉnh '{shown(args.tinh)}' không có chữ cái nào", file=sys.stderr)
        return 2
    folder = args.data / "organisations"
    taken = re.compile(rf"\bid:\s*{re.escape(args.id)}\s*[,}}\n]")
    for other in sorted(folder.glob("*.yaml")):
        if taken.search(other.read_text(encoding="utf-8") + "\n"):
            print(f"mã '{args.id}' đã có trong {other}; không thêm", file=sys.stderr)
            return 2
    path = folder / f"{stem}.yaml"
    folder.mkdir(parents=True, exist_ok=True)
    text = path.read_text(encoding="utf-8") if path.exists() else ORGANISATIONS_HEADER
    path.write_text(text.rstrip("\n") + "\n" + organisation_entry(args.id, args.tinh), encoding="utf-8")
    print(f"đã thêm cơ quan '{args.id}' vào {path}: điền các trường 'ĐIỀN: …' rồi chạy 'python -m macros check'")
    return 0


def run_provinces(args: argparse.Namespace) -> int:
    """One line per province, folder name first: what `make provinces` builds one site for."""
    import re

    from .data.scope import provinces
    from .text.format import fold

    dataset = _load_or_report(args.data)
    if dataset is None:
        return 1
    for name in provinces(dataset):
        print(f"{re.sub(r'[^a-z0-9]+', '-', fold(name)).strip('-')}\t{shown(name)}")
    return 0


def run_import(args: argparse.Namespace) -> int:
    """Print the plan path (or, with --dry-run, its YAML) and a summary; refusals exit 1 with one sentence."""
    from .importer import ImportRefused, import_plan
    from .importer.limits import time_limit
    from .importer.report import summary
    from .importer.writer import write_all

    if args.file.is_dir():
        return _import_folder(args)
    try:
        with time_limit(args.file.name):  # reading and drafting; writing is never cut short
            outcome = import_plan(args.file, args.data, dry_run=True, force=args.force, update=args.update)
        if outcome.duplicate and not args.force and not args.dry_run:
            print(f"Đã có trong dữ liệu, không ghi lại: {shown(outcome.duplicate)} ({outcome.plan_path}). Muốn thay "
                  "bằng bản này thì thêm --ghi-de (mất các chỗ đã sửa tay).", file=sys.stderr)
            return 0
        if not args.dry_run:
            outcome.written = write_all(outcome.files, args.force or args.update)
    except ImportRefused as exc:
        print(f"Không nhập được: {shown(str(exc))}", file=sys.stderr)
        return 1
    print(outcome.files[outcome.plan_path] if args.dry_run else outcome.plan_path, end="" if args.dry_run else "\n")
    print("\n".join(shown(line) for line in summary(outcome, args.dry_run).split("\n")), file=sys.stderr)
    return 0


def _import_folder(args: argparse.Namespace) -> int:
    """Every plan file of the folder; one table at the end (stdout), progress on stderr; exit 1 if any was refused."""
    from .importer.batch import import_folder, table

    if args.dry_run:
        print("--dry-run chỉ dùng với một tệp, không dùng với thư mục", file=sys.stderr)
        return 2
    rows = import_folder(args.file, args.data, args.force, progress=lambda line: print(shown(line), file=sys.stderr))
    print("\n".join(shown(line) for line in table(rows).split("\n")))
    # The other files are written all the same; a non-zero exit lets a script notice the refusals.
    return 1 if any(row.refused for row in rows) else 0


def run_rename(args: argparse.Namespace) -> int:
    """Every file or none; a refusal is one Vietnamese sentence and exit 1."""
    from .data.rename import RenameRefused, apply, plan_rename

    try:
        renamed = plan_rename(args.data, args.old, args.new)
        apply(args.data, renamed)
    except RenameRefused as exc:
        print(f"Không đổi được mã: {shown(str(exc))}", file=sys.stderr)
        return 1
    for old, new in renamed.moved.items():
        print(f"đổi tên {old} → {new}")
    print(f"Đã đổi '{shown(args.old)}' thành '{shown(args.new)}': {renamed.count} chỗ trong "
          f"{len(renamed.changed)} tệp.")
    return 0


def _load_or_report(root: Path):
    """The validated data set, or None after printing every data error as `file:line: field: message`."""
    from .data.loader import load

    try:
        return load(root)
    except DataInvalid as exc:
        print(exc.report(), file=sys.stderr)
        return None


COMMANDS = {"check": run_check, "schema": run_schema, "new": run_new, "provinces": run_provinces,
            "import": run_import, "rename": run_rename}
