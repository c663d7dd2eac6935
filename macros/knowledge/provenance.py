"""Where every fact comes from: a line of a source plan, or a named document and article.

Each field of a document, plan, organisation and relation gets one `Provenance`:
- "nguon": the source plan's text states it (file and line in data/sources/, found here by
  searching the text for the value as the source writes it);
- "bo-sung": an editorial fact the sources do not state, entered with the document and article
  that state it (`EditorialSource` in the data); shown as "bổ sung" and listed for review;
- "suy-ra": derived by a stated rule from another field (a period from a plan's title);
- "bien-tap": the site's own work, not a claim about the world (ids, themes, notes).
A field that fits none has no provenance, and the quality checks say so: memory is no source.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property
from itertools import islice

from ..data import model
from ..text.format import LABELS, RELATION_LABELS
from .citing import Citations
from .links import Links
from .records import Records
from .sourcetext import NEEDLE, SourceText, date_forms, norm, org_names

KIND_LABELS = {"nguon": "nguồn", "bo-sung": "bổ sung", "suy-ra": "suy ra", "bien-tap": "biên tập"}
SOURCE_FOLDER = "data/sources"
WINDOW = 400  # characters after a citation's number in which its date and issuer are looked for
CITING_PLANS = 5  # plans searched per document: the first few citing plans are enough to find a line
# Issuer codes in a number (Nghị định 30/2020/NĐ-CP, Phụ lục I; Hướng dẫn 36-HD/VPTW): used only
# when the citation does not name the issuer.
NUMBER_CODES = {r"/QH\d+$": "quoc-hoi", r"/PL-UBTVQH\d+$": "ubtv-quoc-hoi", r"/CT-TTg$": "thu-tuong",
                r"/QĐ-TTg$": "thu-tuong", r"/NĐ-CP$": "chinh-phu"}
TYPE_CODES = {"QC": "quy-che", "CT": "chi-thi", "NQ": "nghi-quyet", "KL": "ket-luan", "QĐ": "quyet-dinh",
              "QĐi": "quy-dinh", "KH": "ke-hoach", "NĐ": "nghi-dinh", "TT": "thong-tu", "CTr": "chuong-trinh",
              "ĐA": "de-an", "HD": "huong-dan", "TB": "thong-bao", "PL": "phap-lenh"}
FIELD_WORDS = {"number": "Số hiệu", "type": "Loại", "issuer": "Cơ quan ban hành", "date": "Ngày ban hành",
               "effective": "Ngày có hiệu lực", "title": "Trích yếu"}
PLENUM = re.compile(r"nghị quyết (trung ương|tw)\s*\d", re.IGNORECASE)  # "Nghị quyết Trung ương 3 (khoá X)"


@dataclass(frozen=True)
class Provenance:
    """The source of one field."""

    kind: str  # one of KIND_LABELS
    note: str  # Vietnamese, e.g. "văn bản gốc, dòng 31" (never the file's name: officials read it)
    file: str | None = None
    line: int | None = None
    plan: str | None = None
    document: str | None = None
    article: str | None = None
    record: str | None = None
    where: str | None = None  # where an added fact was read (address or repository path)

    @property
    def added(self) -> bool:
        return self.kind == "bo-sung"

    def as_dict(self) -> dict:
        return {k: v for k, v in self.__dict__.items() if v is not None}


def editorial(source: model.EditorialSource, what: str = "") -> Provenance:
    note = f"Bổ sung theo {source.label}" + (f": {what}" if what else "")
    return Provenance("bo-sung", note, document=source.document, article=source.article, record=source.record,
                      where=source.where)


def ours(note: str) -> Provenance:
    return Provenance("bien-tap", note)


class Provenances:
    """Provenance of every field of every record of one build (a service of `SiteIndex`)."""

    def __init__(self, records: Records, links: Links, citations: Citations) -> None:
        self.records = records
        self.links = links
        self.citations = citations
        self.data = records.data

    @cached_property
    def texts(self) -> dict[str, SourceText]:
        return {name: SourceText(name, text) for name, text in self.data.sources.items()}

    def of(self, record_id: str) -> dict[str, Provenance | None]:
        """field (or 'relations[0]', 'tasks[2]') → its provenance; None where no source is known."""
        if record_id not in self._cache:
            kind = self.records.kind_of(record_id)
            make = {"documents": self._document, "plans": self._plan, "organisations": self._organisation}.get(kind)
            self._cache[record_id] = make(record_id) if make else {}
        return self._cache[record_id]

    @cached_property
    def _cache(self) -> dict[str, dict[str, Provenance | None]]:
        return {}

    def missing(self) -> list[tuple[str, str]]:
        """(record id, field) of every fact without a source: work for maintainers."""
        ids = [*self.data.documents, *self.data.plans, *self.data.organisations]
        return [(rid, name) for rid in ids for name, prov in self.of(rid).items() if prov is None]

    def added(self) -> list[tuple[str, str, Provenance]]:
        """(record id, field, provenance) of every editorial fact, for the maintainers' review page."""
        ids = [*self.data.documents, *self.data.plans, *self.data.organisations]
        return [(rid, name, prov) for rid in ids for name, prov in self.of(rid).items() if prov and prov.added]

    def derived(self) -> list[tuple[str, str, Provenance]]:
        ids = [*self.data.documents, *self.data.plans, *self.data.organisations]
        return [(rid, name, prov) for rid in ids for name, prov in self.of(rid).items() if prov and prov.kind == "suy-ra"]

    def editorial_source(self, record_id: str, field: str) -> model.EditorialSource | None:
        """The data's `EditorialSource` behind an added fact (for its quote)."""
        record = self.records.record(record_id)
        match = re.fullmatch(r"relations\[(\d+)\]", field)
        if match and record_id in self.data.documents:
            return record.relations[int(match.group(1))].source
        if field in ("ended", "created") and record_id in self.data.organisations:
            return getattr(record, field).source
        if record_id in self.data.documents and record.added and field in FIELD_WORDS:
            return record.added
        return None

    # --- search ------------------------------------------------------------------------

    def _at(self, plan_id: str, text: SourceText, offset: int, what: str = "") -> Provenance:
        line = text.line_of(offset)
        note = f"văn bản gốc, dòng {line}" + (f" ({what})" if what else "")
        return Provenance("nguon", note, file=f"{SOURCE_FOLDER}/{text.name}", line=line, plan=plan_id)

    def _plan_text(self, plan_id: str) -> SourceText | None:
        return self.texts.get(self.data.plans[plan_id].source)

    def _search(self, plans: list[str], value: str | None) -> Provenance | None:
        for plan_id in plans:
            text = self._plan_text(plan_id)
            at = text.find(value) if text and value else None
            if at is not None:
                return self._at(plan_id, text, at)
        return None

    def _near(self, plans: list[str], anchor: str | None, values: list[str]) -> Provenance | None:
        """The first of `values` written in the same citation as `anchor` (a number) in a plan: after it,
        before the next ';' and within WINDOW characters, so the next citation's date is not taken."""
        for plan_id in plans:
            text = self._plan_text(plan_id)
            start = text.find(anchor) if text and anchor else None
            if start is None:
                continue
            stop = text.text.find(";", start)
            end = min(stop if stop >= 0 else len(text.text), start + WINDOW)
            for value in values:
                at = text.find(value, start, end - len(norm(value)[:NEEDLE].strip()))
                if at is not None:
                    return self._at(plan_id, text, at)
        return None

    # --- documents -----------------------------------------------------------------------

    def _citing(self, doc_id: str) -> list[str]:
        cited = self.citations.plans_citing.get(doc_id, [])
        stated = [r.stated_in for r in self.data.documents[doc_id].relations if r.stated_in]
        stated += [link.stated_in for link in self.links.incoming.get(doc_id, []) if link.stated_in]
        return [p for p in dict.fromkeys([*cited[:CITING_PLANS], *stated]) if p in self.data.plans]

    def _document(self, doc_id: str) -> dict[str, Provenance | None]:
        doc = self.data.documents[doc_id]
        return self._added_document(doc) if doc.added else self._cited_document(doc_id)

    def _added_document(self, doc: model.Document) -> dict[str, Provenance | None]:
        """A document no source plan cites, entered because it changes one that is cited: every fact
        of it comes from the text named in `added`."""
        out: dict[str, Provenance | None] = {"id": ours("Mã do trang đặt theo loại, số và năm."),
                                             "added": editorial(doc.added, "văn bản không kế hoạch nguồn nào dẫn")}
        for name in ("number", "type", "issuer", "date", "effective", "title"):
            if getattr(doc, name):
                out[name] = editorial(doc.added, f"{FIELD_WORDS[name]} của {_called(doc)}")
        for i, rel in enumerate(doc.relations):
            out[f"relations[{i}]"] = self._relation(doc, rel)
        out["themes"] = ours("Chủ đề do trang phân loại.")
        out["notes"] = ours("Ghi chú của người biên tập.")
        return {k: v for k, v in out.items() if k in {"id", "added", "themes", "notes"} or _has(doc, k)}

    def _cited_document(self, doc_id: str) -> dict[str, Provenance | None]:
        doc, plans = self.data.documents[doc_id], self._citing(doc_id)
        anchor = doc.number or next(iter(doc.aliases), None) or doc.title
        out: dict[str, Provenance | None] = {"id": ours("Mã do trang đặt theo loại, số và năm.")}
        out["number"] = self._search(plans, doc.number) if doc.number else None
        out["type"] = self._type(doc, plans, anchor)
        out["issuer"] = self._issuer(doc, plans, anchor) if doc.issuer else None
        for i, org in enumerate(doc.co_issuers):
            out[f"co_issuers[{i}]"] = self._org_near(plans, anchor, org)
        out["date"] = self._date(plans, anchor, doc.date, doc.number) if doc.date else None
        out["effective"] = self._search_any(plans, date_forms(doc.effective)) if doc.effective else None
        out["title"] = self._search(plans, doc.title) if doc.title else None
        for i, alias in enumerate(doc.aliases):
            out[f"aliases[{i}]"] = self._search(plans, alias)
        for i, rel in enumerate(doc.relations):
            out[f"relations[{i}]"] = self._relation(doc, rel)
        out["themes"] = ours("Chủ đề do trang phân loại.")
        out["notes"] = ours("Ghi chú của người biên tập.")
        out["problems"] = ours("Nghi vấn do người biên tập ghi lại khi đối chiếu nguồn.")
        return {k: v for k, v in out.items() if k in {"id", "themes", "notes", "problems"} or _has(doc, k)}

    def _type(self, doc: model.Document, plans: list[str], anchor: str | None) -> Provenance | None:
        """The type word as the source writes it: just before the number ('Chỉ thị số 33/CT-TTg'), or
        opening a name the source uses ('Luật Thực hiện dân chủ ở cơ sở')."""
        word = norm(LABELS[doc.type])
        for plan_id in plans:
            text = self._plan_text(plan_id)
            at = text.find(anchor) if text and anchor else None
            if at is not None and word in text.text[max(0, at - 40):at + len(word) + 1]:
                return self._at(plan_id, text, at)
        names = [n for n in [*doc.aliases, doc.title or ""] if re.search(rf"(?<!\w){re.escape(word)}(?!\w)", norm(n))]
        found = self._search_any(plans, names)
        code = re.search(r"[-/]([A-ZĐa-zđ]+)(?:[-/]|$)", doc.number or "")
        if found is None and code and TYPE_CODES.get(code.group(1)) == doc.type:
            cited = self._search(plans, doc.number)
            return Provenance("suy-ra", f"Suy từ ký hiệu {code.group(1)} trong số hiệu {doc.number}"
                              + (f"; {cited.note}" if cited else ""), file=cited and cited.file, line=cited and cited.line)
        return found

    def _search_any(self, plans: list[str], values: list[str]) -> Provenance | None:
        for value in values:
            found = self._search(plans, value)
            if found:
                return found
        return None

    def _date(self, plans: list[str], anchor: str | None, value: model.PartialDate,
              number: str | None) -> Provenance | None:
        found = self._near(plans, anchor, date_forms(value))
        if found is None and value.month is None and number and f"/{value}/" in number:
            year = self._search(plans, number)
            return Provenance("suy-ra", f"Năm lấy từ số hiệu {number}" + (f"; {year.note}" if year else ""),
                              file=year.file if year else None, line=year.line if year else None)
        return found

    def _org_near(self, plans: list[str], anchor: str | None, org_id: str) -> Provenance | None:
        return self._near(plans, anchor, org_names(self.data.organisations.get(org_id)))

    def _issuer(self, doc: model.Document, plans: list[str], anchor: str | None) -> Provenance | None:
        """Named beside the citation; else read from the number's issuer code or from 'Nghị quyết Trung ương N'."""
        found = self._org_near(plans, anchor, doc.issuer)
        if found:
            return found
        cited = self._search(plans, anchor)
        where = f"; {cited.note}" if cited else ""
        for code, org in NUMBER_CODES.items():
            if doc.number and org == doc.issuer and re.search(code, doc.number):
                return Provenance("suy-ra", f"Suy từ ký hiệu trong số hiệu {doc.number}{where}",
                                  file=cited.file if cited else None, line=cited.line if cited else None)
        named = [n for n in [doc.title or "", *doc.aliases] if PLENUM.search(n)]
        if named and doc.issuer == "bch-tw":
            return Provenance("suy-ra", f"Nguồn gọi là “{named[0]}”: nghị quyết của Hội nghị Ban Chấp hành "
                              f"Trung ương{where}", file=cited.file if cited else None, line=cited.line if cited else None)
        return None

    def _relation(self, doc: model.Document, rel: model.Relation) -> Provenance | None:
        if rel.source is not None:
            verb = RELATION_LABELS.get(rel.type, (rel.type,))[0].lower()
            return editorial(rel.source, f"{_called(doc)} {verb} {_called(self.records.record(rel.target))}")
        if rel.stated_in is None:
            return None
        target = self.records.record(rel.target)
        mention = getattr(target, "number", None) or next(iter(getattr(target, "aliases", [])), None)
        plans = [rel.stated_in]
        return (self._search(plans, mention) if mention else None) or self._search(plans, doc.number)

    # --- plans ---------------------------------------------------------------------------

    def _plan(self, plan_id: str) -> dict[str, Provenance | None]:
        plan = self.data.plans[plan_id]
        text = self._plan_text(plan_id)
        find = (lambda v: self._search([plan_id], v)) if text else (lambda v: None)
        out: dict[str, Provenance | None] = {"id": ours("Mã do trang đặt.")}
        out["source"] = self._at(plan_id, text, 0, "tệp văn bản gốc") if text and text.text else None
        out["issuer"] = self._first(find, org_names(self.data.organisations.get(plan.issuer)))
        out["number"] = find(plan.number) if plan.number else None
        out["place"] = find(f"{plan.place}, ngày") if plan.place else None
        out["date"] = self._first(find, date_forms(plan.date)) if plan.date else None
        out["title"] = find(plan.title)
        title = out["title"]
        out["period"] = Provenance("suy-ra", "Thời kỳ lấy từ tên kế hoạch" + (f"; {title.note}" if title else ""),
                                   file=title.file if title else None, line=title.line if title else None)
        for i, target in enumerate(plan.implements):
            record = self.records.record(target)
            out[f"implements[{i}]"] = find(getattr(record, "number", None) or record.title)
        for name in ("preamble", "closing", "notes"):
            if getattr(plan, name):
                out[name] = find(getattr(plan, name)) if name != "notes" else ours("Ghi chú của người biên tập.")
        for name, value in plan.headings:
            out[f"headings.{name}"] = find(value) if value != getattr(model.Headings(), name) else find(value) or ours(
                "Tên phần mặc định (nguồn không có phần này).")
        for part in ("purposes", "requirements", "recipients"):
            for i, value in enumerate(getattr(plan, part)):
                out[f"{part}[{i}]"] = find(value)
        for i, item in enumerate(plan.targets):
            out[f"targets[{i}]"] = find(item.text)
        for i, task in enumerate(plan.tasks):
            out[f"tasks[{i}]"] = find(task.title) if task.title else find(task.text)
        for i, job in enumerate(plan.assignments):
            out[f"assignments[{i}]"] = find(job.duties[0]) or find(job.unit_text)
        for i, note in enumerate(plan.footnotes):
            out[f"footnotes[{i}]"] = find(note.text)
        if plan.signer:
            out["signer"] = find(plan.signer.name or plan.signer.title)
        out["problems"] = ours("Nghi vấn do người biên tập ghi lại khi đối chiếu nguồn.")
        return {k: v for k, v in out.items() if k in {"id", "problems", "period"} or "." in k or _has(plan, k)}

    @staticmethod
    def _first(find, values: list[str]) -> Provenance | None:
        for value in values:
            found = find(value)
            if found:
                return found
        return None

    # --- organisations ---------------------------------------------------------------------

    def _organisation(self, org_id: str) -> dict[str, Provenance | None]:
        org = self.data.organisations[org_id]
        plans = self._org_plans(org)
        out: dict[str, Provenance | None] = {"id": ours("Mã do trang đặt.")}
        out["name"] = self._search_any(plans, org_names(org))
        if org.short_name:
            name = out["name"]
            out["short_name"] = self._search(plans, org.short_name) or (name and Provenance(
                "suy-ra", f"Viết tắt của tên đầy đủ; {name.note}", file=name.file, line=name.line, plan=name.plan))
        for i, alias in enumerate(org.aliases):
            out[f"aliases[{i}]"] = self._search(plans, alias)
        for name in ("kind", "level", "parent", "province"):
            if getattr(org, name):
                out[name] = ours("Phân loại của trang theo tên cơ quan.")
        if org.created:
            out["created"] = editorial(org.created.source, f"{org.name}: {org.created.change} từ {org.created.date}")
            if out["name"] is None:  # a body formed after the source plans: its name is in the text that formed it
                out["name"] = editorial(org.created.source, f"tên {org.name}")
        if org.ended:
            out["ended"] = editorial(org.ended.source, f"{org.name}: {org.ended.change} từ {org.ended.date}")
        return out

    def _org_plans(self, org: model.Organisation) -> list[str]:
        """A few plans of the organisation's province, then a few others."""
        own = self._plans_by_province.get(org.province, [])[:CITING_PLANS * 2]
        others = list(islice((p for p in self._plans_by_province.get(None, []) if p not in own), CITING_PLANS * 2))
        return own + others

    @cached_property
    def _plans_by_province(self) -> dict[str | None, list[str]]:
        table: dict[str | None, list[str]] = {None: sorted(self.data.plans)}
        for plan_id in table[None]:
            table.setdefault(self.records.province_of(plan_id), []).append(plan_id)
        return table


def _has(record, name: str) -> bool:
    field = re.sub(r"\[\d+\]$", "", name)
    value = getattr(record, field, None)
    return value not in (None, [], "")


def _called(record) -> str:
    """How an official names a document in a sentence: 'Luật 10/2022/QH15', else its title (never its id)."""
    number, kind = getattr(record, "number", None), getattr(record, "type", None)
    if number:
        return f"{LABELS.get(kind, '')} {number}".strip()
    return getattr(record, "title", None) or getattr(record, "name", None) or LABELS.get(kind, "văn bản")
