"""A synthetic, valid data set of any size in the project's YAML format (deterministic for a seed).

    python -m benchmarks.synth --plans 5000 --out /tmp/synth-data

34 provinces; in each, the provincial People's Committee, departments and communes write one plan a
year (2021–2025). Plans cite real central documents copied from data/documents by number in their
text, their province's documents and the provincial plan of the year; about one provincial document
is written for every four plans. Used by the benchmark and the scale test, never by the real site.
"""

from __future__ import annotations

import argparse
import math
import random
import re
import shutil
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from macros.text.citations import NUMBER_RE

from . import synth_text as W

ROOT = Path(__file__).resolve().parent.parent
REAL = ROOT / "data"
YEARS = range(2021, 2026)
LABEL = {"nghi-quyet": "Nghị quyết", "ket-luan": "Kết luận", "chi-thi": "Chỉ thị", "quyet-dinh": "Quyết định",
         "quy-dinh": "Quy định", "quy-che": "Quy chế", "luat": "Luật", "phap-lenh": "Pháp lệnh",
         "nghi-dinh": "Nghị định", "thong-tu": "Thông tư", "ke-hoach": "Kế hoạch", "de-an": "Đề án"}


class _Dumper(getattr(yaml, "CSafeDumper", yaml.SafeDumper)):
    """The data format refuses YAML aliases, so shared values are written out in full."""

    def ignore_aliases(self, data) -> bool:
        return True


# --- small helpers ---------------------------------------------------------------------------

def slug(text: str) -> str:
    """'Đắk Lắk' → 'dak-lak'."""
    text = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).lower()
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")


def vi_date(iso: str) -> str:
    year, month, day = iso.split("-")
    return f"{day}/{month}/{year}"


def dump(path: Path, value: dict) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    text = yaml.dump(value, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=4096)
    path.write_text(text, encoding="utf-8")


@dataclass
class Cite:
    """A record and the words a plan uses to cite it."""

    id: str
    words: str
    year: int = 0


@dataclass
class Unit:
    id: str
    name: str
    suffix: str  # number suffix of its plans: 'KH-UBND', 'KH-SNV'
    rank: int    # 0 province, 1.. departments, then communes


@dataclass
class Province:
    index: int
    name: str
    slug: str
    units: list[Unit] = field(default_factory=list)
    orgs: list[dict] = field(default_factory=list)
    docs: list[tuple[int, Cite]] = field(default_factory=list)  # (year, citation)
    plans: dict[int, Cite] = field(default_factory=dict)        # year → the provincial plan
    counter: int = 0

    def number(self) -> int:
        """Numbers unique in the whole data set: a citation by number always resolves."""
        self.counter += 1
        return (self.index + 1) * 1000 + self.counter

    def org(self, prefix: str) -> str:
        return f"{prefix}-{self.slug}"


# --- the real records we copy ------------------------------------------------------------------

def copy_static(out: Path) -> dict[str, list[Cite]]:
    """Copy themes, glossary, central organisations and central documents; return citations by theme."""
    for name in ("themes.yaml", "glossary.yaml", "organisations/trung-uong.yaml"):
        (out / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(REAL / name, out / name)
    central = {o["id"]: o for o in _load(REAL / "organisations/trung-uong.yaml")["organisations"]}
    docs = [d for d in map(_load, sorted((REAL / "documents").glob("*.yaml"))) if _is_central(d, central)]
    kept = {d["id"] for d in docs}
    by_theme: dict[str, list[Cite]] = {}
    for doc in docs:
        doc["relations"] = [{"type": r["type"], "target": r["target"]}
                            for r in doc.get("relations", []) if r["target"] in kept]
        dump(out / "documents" / f"{doc['id']}.yaml", doc)
        cite = _central_cite(doc, central)
        for theme in doc.get("themes", []) if cite else []:
            by_theme.setdefault(theme, []).append(cite)
    return by_theme


def _load(path: Path) -> dict:
    return yaml.load(path.read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


def _is_central(doc: dict, central: dict) -> bool:
    issuers = [doc.get("issuer"), *doc.get("co_issuers", [])]
    return bool(doc.get("issuer")) and all(i in central for i in issuers)


def _central_cite(doc: dict, central: dict) -> Cite | None:
    """'Chỉ thị số 33/CT-TTg ngày 26/11/2021 của Thủ tướng Chính phủ', if the number is citable."""
    number, date = doc.get("number"), str(doc.get("date") or "")
    if not number or not NUMBER_RE.fullmatch(number) or doc["type"] not in LABEL or len(date) != 10:
        return None
    words = f"{LABEL[doc['type']]} số {number} ngày {vi_date(date)} của {central[doc['issuer']]['name']}"
    title = doc.get("title") or ""
    if title and not NUMBER_RE.search(title):
        words += " " + title[0].lower() + title[1:]
    return Cite(doc["id"], words, int(date[:4]))


# --- organisations and provincial documents ----------------------------------------------------

def units_per_province_year(plans: int) -> tuple[int, int]:
    """(departments, communes) writing a plan each year, for `plans` plans over 34 provinces × 5 years."""
    units = max(1, math.ceil(plans / (len(W.PROVINCES) * len(YEARS))))
    departments = min(len(W.DEPARTMENTS), round(0.2 * (units - 1)) if units > 2 else units - 1)
    return departments, units - 1 - departments


def make_province(rng: random.Random, index: int, name: str, departments: int, communes: int) -> Province:
    prov = Province(index, name, slug(name))
    base = {"kind": "nha-nuoc", "province": name}
    prov.orgs = [
        {"id": prov.org("tinh-uy"), "name": f"Tỉnh ủy {name}", "kind": "dang", "level": "tinh", "province": name},
        {"id": prov.org("hdnd"), "name": f"Hội đồng nhân dân tỉnh {name}", "short_name": f"HĐND tỉnh {name}",
         "level": "tinh", **base},
        {"id": prov.org("ubnd"), "name": f"Ủy ban nhân dân tỉnh {name}", "short_name": f"UBND tỉnh {name}",
         "level": "tinh", **base},
        {"id": prov.org("mttq"), "name": f"Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh {name}", "kind": "mat-tran-doan-the",
         "level": "tinh", "province": name},
    ]
    prov.units.append(Unit(prov.org("ubnd"), f"Ủy ban nhân dân tỉnh {name}", "KH-UBND", 0))
    for rank, (prefix, dept, suffix) in enumerate(W.DEPARTMENTS, start=1):
        full = f"{dept} {name}" if dept.endswith("tỉnh") else f"{dept} tỉnh {name}"
        prov.orgs.append({"id": prov.org(prefix), "name": full, "level": "so-nganh", "parent": prov.org("ubnd"),
                          **base})
        if rank <= departments:
            prov.units.append(Unit(prov.org(prefix), full, f"KH-{suffix}", rank))
    for rank, commune in enumerate(_commune_names(rng, communes), start=departments + 1):
        org_id = prov.org(f"ubnd-xa-{slug(commune)}")
        prov.orgs.append({"id": org_id, "name": f"Ủy ban nhân dân xã {commune}", "short_name": f"UBND xã {commune}",
                          "level": "xa", "parent": prov.org("ubnd"), **base})
        prov.units.append(Unit(org_id, f"Ủy ban nhân dân xã {commune}", "KH-UBND", rank))
    return prov


def _commune_names(rng: random.Random, count: int) -> list[str]:
    pairs = [f"{a} {b}" for a in W.COMMUNE_WORDS for b in W.COMMUNE_WORDS if a != b]
    rng.shuffle(pairs)
    names = pairs[:count]
    names += [f"{pairs[i % len(pairs)]} {i // len(pairs) + 1}" for i in range(len(pairs), count)]
    return names


def make_documents(rng: random.Random, out: Path, provinces: list[Province], count: int,
                   central: dict[str, list[Cite]]) -> None:
    """`count` provincial documents, round-robin over years 2020–2024 and provinces."""
    slots = [(year, prov) for year in range(YEARS[0] - 1, YEARS[-1]) for prov in provinces]
    for i in range(count):
        year, prov = slots[i % len(slots)]
        kind, suffix, issuer, theme, title = W.LOCAL_DOCUMENTS[(i // len(slots)) % len(W.LOCAL_DOCUMENTS)]
        number = prov.number()
        written = f"{number}-{suffix}" if "/" in suffix else f"{number}/{suffix}"
        date = f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        doc_id = f"{slug(suffix)}-{number}-{year}-{prov.slug}"
        upper = rng.choice(_before(central, year + 1).get(theme) or central[theme])
        dump(out / "documents" / f"{doc_id}.yaml", {
            "id": doc_id, "number": written, "type": kind, "issuer": prov.org(issuer), "date": date,
            "title": title.format(prov=prov.name),
            "relations": [{"type": "implements", "target": upper.id}], "themes": [theme],
        })
        short = "HĐND tỉnh" if issuer == "hdnd" else "Tỉnh ủy" if issuer == "tinh-uy" else "UBND tỉnh"
        prov.docs.append((year, Cite(doc_id, f"{LABEL[kind]} số {written} ngày {vi_date(date)} của {short}")))


# --- plans ---------------------------------------------------------------------------------------

@dataclass
class Context:
    """What one plan may cite."""

    rng: random.Random
    prov: Province
    unit: Unit
    year: int
    central: dict[str, list[Cite]]
    local: list[Cite]
    upper: Cite | None  # the provincial plan of the year (None for the provincial plan itself)

    def fill(self, text: str, theme: str = "tuyen-truyen") -> str:
        cite = self.rng.choice(self.central.get(theme) or self.central["tuyen-truyen"])
        return text.format(cite=cite.words, local=self.local_cite().words, unit=self.unit.name,
                           prov=self.prov.name, year=self.year)

    def local_cite(self) -> Cite:
        if self.upper and self.rng.random() < 0.6:
            return self.upper
        if self.local:
            return self.rng.choice(self.local)
        return self.rng.choice(self.central["tuyen-truyen"])


def plan_slots(provinces: list[Province], plans: int) -> list[tuple[Province, Unit, int]]:
    """Every (province, unit, year), provincial plans first, so a truncated list keeps them."""
    slots = [(u.rank, year, p.index, p, u) for p in provinces for u in p.units for year in YEARS]
    return [(p, u, year) for _, year, _, p, u in sorted(slots, key=lambda s: s[:3])][:plans]


def make_plan(ctx: Context) -> dict:
    prov, unit, year, rng = ctx.prov, ctx.unit, ctx.year, ctx.rng
    number = prov.number()
    plan_id = f"kh-{number}-{year}-{unit.id}"
    date = f"{year}-{rng.randint(1, 3):02d}-{rng.randint(1, 28):02d}"
    tasks = _tasks(ctx)
    plan = {
        "id": plan_id, "source": f"{plan_id}.txt", "issuer": unit.id, "number": f"{number}/{unit.suffix}",
        "place": prov.name, "date": date,
        "title": f"Triển khai, thực hiện công tác dân vận chính quyền năm {year}",
        "period": {"start": year, "end": year},
        "implements": [ctx.upper.id] if ctx.upper else [rng.choice(ctx.central["tuyen-truyen"]).id],
        "preamble": ctx.fill(W.PREAMBLE),
        "purposes": [ctx.fill(W.PURPOSE)], "requirements": [ctx.fill(W.REQUIREMENT)],
        "targets": _targets(ctx), "tasks": tasks, "assignments": _assignments(ctx),
        "closing": ctx.fill(W.CLOSING), "recipients": W.RECIPIENTS, "signer": _signer(unit),
    }
    if any("[^1]" in t["text"] for t in tasks):
        plan["footnotes"] = [{"number": 1, "text": ctx.fill(W.FOOTNOTE)}]
    return plan


def _tasks(ctx: Context) -> list[dict]:
    themes = list(W.TASKS)
    chosen = themes if ctx.unit.rank == 0 else sorted(ctx.rng.sample(themes, ctx.rng.randint(6, 8)), key=themes.index)
    tasks = []
    for n, theme in enumerate(chosen, start=1):
        title, paragraphs = W.TASKS[theme]
        kept = [p for i, p in enumerate(paragraphs) if i == 0 or ctx.rng.random() < 0.7]
        task = {"id": f"nv-{n}", "number": str(n), "title": title,
                "text": "\n\n".join(ctx.fill(p, theme) for p in kept), "themes": [theme]}
        if theme == "thi-dua-dan-van-kheo":
            task["campaigns"] = ["dan-van-kheo"]
        if theme == "dan-chu-co-so":
            task["cites"] = ["luat-10-2022-qh15"]
        tasks.append(task)
    return tasks


def _targets(ctx: Context) -> list[dict]:
    count = len(W.TARGETS) if ctx.unit.rank == 0 else ctx.rng.randint(3, 4)
    picked = sorted(ctx.rng.sample(range(len(W.TARGETS)), count))
    out = []
    for n, i in enumerate(picked, start=1):
        text, quantity, deadline, themes, campaigns = W.TARGETS[i]
        target = {"id": f"ct-{n}", "text": text, "quantity": quantity, "deadline": deadline, "themes": themes}
        out.append({**target, "campaigns": campaigns} if campaigns else target)
    return out


def _assignments(ctx: Context) -> list[dict]:
    prov = ctx.prov
    to = {"to": prov.org("ubnd"), "via": prov.org("so-noi-vu")}
    yearly = {"text": f"Báo cáo kết quả thực hiện công tác dân vận chính quyền năm {ctx.year}", "period": "nam",
              "due": ["11-25"], **to}
    half = {"text": "Báo cáo sơ kết 6 tháng", "period": "6-thang", "due": ["06-10"], **to}
    adhoc = {"text": "Báo cáo đột xuất khi có yêu cầu", "period": "dot-xuat"}
    duties = ["Triển khai Kế hoạch này đến toàn thể cán bộ, công chức, viên chức, người lao động",
              "Thực hiện tốt các nhiệm vụ về công tác dân vận chính quyền gắn với nhiệm vụ chính trị được giao"]
    if ctx.unit.rank == 0:
        return [
            {"id": "th-1", "number": "1", "unit": prov.org("so-noi-vu"), "unit_text": "Sở Nội vụ",
             "duties": ["Tham mưu, theo dõi, đôn đốc việc thực hiện Kế hoạch này"], "reports": [yearly]},
            {"id": "th-2", "number": "2", "unit_text": "Các sở, ban, ngành tỉnh", "duties": duties, "reports": [half]},
            {"id": "th-3", "number": "3", "unit_text": "Ủy ban nhân dân các xã, phường", "duties": duties},
            {"id": "th-4", "number": "4", "unit": prov.org("mttq"), "unit_text": "Ủy ban MTTQ Việt Nam tỉnh",
             "duties": ["Phối hợp tuyên truyền, vận động Nhân dân thực hiện Kế hoạch này"]},
        ]
    return [
        {"id": "th-1", "number": "1", "unit_text": "Các phòng, ban, bộ phận", "duties": duties},
        {"id": "th-2", "number": "2", "unit_text": "Văn phòng", "duties": ["Tham mưu, tổng hợp, báo cáo kết quả"],
         "reports": [yearly, adhoc]},
    ]


def _signer(unit: Unit) -> dict:
    if unit.rank == 0 or unit.suffix == "KH-UBND":
        return {"on_behalf": "ỦY BAN NHÂN DÂN", "deputy_for": "CHỦ TỊCH", "title": "PHÓ CHỦ TỊCH"}
    return {"deputy_for": "GIÁM ĐỐC", "title": "PHÓ GIÁM ĐỐC"}


def source_text(plan: dict) -> str:
    """A plain-text 'original' of the plan, standing in for the text extracted from the source file."""
    parts = [plan["title"].upper(), plan["preamble"], *plan["purposes"], *plan["requirements"]]
    parts += [f"{t['number']}. {t['title']}\n{t['text']}" for t in plan["tasks"]]
    parts += [f"{a['unit_text']}: " + "; ".join(a["duties"]) for a in plan["assignments"]]
    parts += [t["text"] for t in plan.get("targets", [])]  # every paragraph stands in the source (check's rule)
    parts += [f"{f['number']} {f['text']}" for f in plan.get("footnotes", [])]
    parts += ["Nơi nhận:", *plan.get("recipients", []), (plan.get("signer") or {}).get("name") or ""]
    return "KẾ HOẠCH\n" + "\n\n".join(parts) + "\n"


# --- campaigns -------------------------------------------------------------------------------

def copy_campaigns(out: Path, models: list[dict]) -> None:
    """Real campaigns with bases kept only if copied; 'Dân vận khéo' gets the synthetic models."""
    kept = {p.stem for p in (out / "documents").glob("*.yaml")}
    for path in sorted((REAL / "campaigns").glob("*.yaml")):
        camp = _load(path)
        camp["bases"] = [b for b in camp.get("bases", []) if b in kept]
        paragraphs = (camp.get("description") or "").split("\n\n")  # keep no citation of real provincial plans
        camp["description"] = "\n\n".join(p for p in paragraphs if not NUMBER_RE.search(p)).strip() or None
        if not camp["description"]:
            del camp["description"]
        camp["models"] = models if camp["id"] == "dan-van-kheo" else []
        dump(out / "campaigns" / path.name, camp)


def model_of(rng: random.Random, plan: dict) -> dict:
    field_name = rng.choice(["Cải cách hành chính", "Xây dựng nông thôn mới", "Chuyển đổi số", "An sinh xã hội"])
    return {"name": f"“Dân vận khéo” trong {field_name.lower()}", "unit": plan["issuer"], "field": field_name,
            "year": plan["period"]["start"], "status": rng.choice(["dang-ky", "cong-nhan"]), "plan": plan["id"]}


# --- the whole data set ------------------------------------------------------------------------

def generate(plans: int, out: Path, seed: int = 1) -> dict[str, int]:
    """Write a data set with `plans` plans into `out` (emptied first); return record counts."""
    rng = random.Random(seed)
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    central = copy_static(out)
    departments, communes = units_per_province_year(plans)
    provinces = [make_province(rng, i, name, departments, communes) for i, name in enumerate(W.PROVINCES)]
    for prov in provinces:
        dump(out / "organisations" / f"{prov.slug}.yaml", {"organisations": prov.orgs})
    make_documents(rng, out, provinces, max(1, plans // 4), central)
    models = [model_of(rng, plan) for plan in _write_plans(rng, out, provinces, plans, central)
              if rng.random() < 0.2]
    copy_campaigns(out, models)
    return {"plans": plans, "documents": len(list((out / "documents").glob("*.yaml"))),
            "organisations": sum(len(p.orgs) for p in provinces), "models": len(models)}


def _write_plans(rng: random.Random, out: Path, provinces: list[Province], plans: int,
                 central: dict[str, list[Cite]]):
    earlier = {year: _before(central, year) for year in YEARS}
    for prov, unit, year in plan_slots(provinces, plans):
        local = [cite for doc_year, cite in prov.docs if doc_year < year]
        ctx = Context(rng, prov, unit, year, earlier[year], local, prov.plans.get(year) if unit.rank else None)
        plan = make_plan(ctx)
        if unit.rank == 0:
            prov.plans[year] = Cite(plan["id"], f"Kế hoạch số {plan['number']} ngày {vi_date(plan['date'])} "
                                                f"của UBND tỉnh")
        dump(out / "plans" / f"{plan['id']}.yaml", plan)
        (out / "sources").mkdir(exist_ok=True)
        (out / "sources" / plan["source"]).write_text(source_text(plan), encoding="utf-8")
        yield plan


def _before(central: dict[str, list[Cite]], year: int) -> dict[str, list[Cite]]:
    """Central documents a plan of `year` can cite: issued before that year."""
    kept = {theme: [c for c in cites if c.year < year] for theme, cites in central.items()}
    return {theme: cites for theme, cites in kept.items() if cites}


def keep_province(out: Path, province: str) -> dict[str, int]:
    """Reduce a generated data set to one province (plus everything central): what one provincial site holds."""
    slugs = {slug(p) for p in W.PROVINCES}
    keep = slug(province)
    if keep not in slugs:
        raise SystemExit(f"unknown province {province!r}")
    others = tuple(f"-{s}" for s in slugs - {keep})
    assert not any(f"-{keep}".endswith(o) for o in others)  # no slug is a suffix of another
    for folder, suffix in (("plans", ".yaml"), ("documents", ".yaml"), ("sources", ".txt")):
        for path in (out / folder).glob(f"*{suffix}"):
            if path.stem.endswith(others):
                path.unlink()
    for path in (out / "organisations").glob("*.yaml"):
        if path.stem in slugs - {keep}:
            path.unlink()
    plans = {p.stem for p in (out / "plans").glob("*.yaml")}
    for path in (out / "campaigns").glob("*.yaml"):
        camp = _load(path)
        camp["models"] = [m for m in camp["models"] if m["plan"] in plans]
        dump(path, camp)
    return {"plans": len(plans), "documents": len(list((out / "documents").glob("*.yaml")))}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.synth", description=__doc__.splitlines()[0])
    parser.add_argument("--plans", type=int, required=True, help="number of plans")
    parser.add_argument("--out", type=Path, required=True, help="data folder to write (emptied first)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--province", help="keep only this province (e.g. 'Lai Châu'): one provincial site")
    args = parser.parse_args(argv)
    counts = generate(args.plans, args.out, args.seed)
    if args.province:
        counts = keep_province(args.out, args.province)
    print(", ".join(f"{v} {k}" for k, v in counts.items()) + f" → {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
