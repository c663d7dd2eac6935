"""One namespace: names the site makes from the data must not collide with each other or with its own.

An id becomes an element id on a page (a plan's targets, tasks and assignments on the plan page, a term
on the glossary page, an organisation on the organisations page): equal to an id the page makes itself
(`nguon-du-lieu`, `fn-1`, a group heading's), a link lands on the wrong element. A theme's name is a tag
beside the automatic ones ("Năm 2021", "Tỉnh Lào Cai"): equal to one, or to another theme's, two tags
merge. A glossary term replaces an earlier one of the same spelling everywhere, and one spelt like
Python-Markdown's placeholders (`wzxhzdk`) breaks every page that holds it. Each collision is an error
that names both places. tests/test_integrity.py keeps the page ids below equal to the templates'.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from typing import get_args

from ..text.errors import DataError
from ..text.format import LABELS
from . import model
from .dataset import Dataset, field_name

# Element ids the plan page makes itself (macros/site/templates/plan.html.j2, _record.html.j2).
PLAN_PAGE_IDS = frozenset({"preamble", "purposes", "requirements", "muc-dich-yeu-cau", "chi-tieu", "nhiem-vu",
                           "to-chuc-thuc-hien", "chu-thich", "chuoi-can-cu", "nguon-du-lieu", "soan-ke-hoach"})
PLAN_PAGE_PATTERN = re.compile(r"fn-\d+")  # a footnote's paragraph
# ... and the organisations page (organisations.html.j2): its sections, then one heading per kind and level.
ORGANISATIONS_PAGE_IDS = frozenset({"theo-cap", "thay-doi", "tinh", "co-quan"})
# Words Python-Markdown writes between \x02 and \x03 while it converts a page; a glossary term spelt so
# is matched inside them (markdown/util.py: INLINE_PLACEHOLDER, HTML_PLACEHOLDER, TAG_PLACEHOLDER, AMP_SUBSTITUTE).
MARKDOWN_PLACEHOLDERS = frozenset({"klzzwxh", "wzxhzdk", "hzzhzkh", "amp"})
PLAN_TAG = "Kế hoạch dân vận chính quyền"  # the tag every plan carries (macros/site/pages.py)


def slug(text: str) -> str:
    """The id Markdown's table of contents gives a heading (and the key a tag is merged by): letters
    without marks (đ dropped), lower case, hyphens between words."""
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    text = re.sub(r"[^\w\s-]", "", text).strip().lower()
    return re.sub(r"[-\s]+", "-", text)


def namespace_errors(data: Dataset) -> Iterator[DataError]:
    yield from _plan_anchors(data)
    yield from _organisation_anchors(data)
    yield from _terms(data)
    yield from _theme_names(data)


def _plan_anchors(data: Dataset) -> Iterator[DataError]:
    for plan in data.plans.values():
        for part in ("targets", "tasks", "assignments"):
            for i, item in enumerate(getattr(plan, part)):
                if item.id in PLAN_PAGE_IDS or PLAN_PAGE_PATTERN.fullmatch(item.id):
                    yield _err(data, plan.id, (part, i, "id"), f"neo '{item.id}' trùng với mục do trang kế hoạch tự "
                               "tạo (liên kết sẽ trỏ nhầm chỗ): chọn neo khác")


def _organisation_anchors(data: Dataset) -> Iterator[DataError]:
    headings = {slug(f"{LABELS[kind]} – {LABELS[level].lower()}")
                for kind in get_args(model.OrgKind) for level in get_args(model.OrgLevel)}
    for org in data.organisations.values():
        if org.id in ORGANISATIONS_PAGE_IDS or org.id in headings:
            yield _err(data, org.id, ("id",), f"mã '{org.id}' trùng với mục do trang Cơ quan tự tạo (liên kết sẽ trỏ "
                       "nhầm chỗ): chọn mã khác")


def _terms(data: Dataset) -> Iterator[DataError]:
    seen: dict[str, str] = {}
    for term in data.terms.values():
        if term.term.casefold() in MARKDOWN_PLACEHOLDERS:
            yield _err(data, term.id, ("term",), f"thuật ngữ '{term.term}' trùng với từ giữ chỗ của thư viện Markdown: "
                       "trang nào có từ này sẽ hỏng; không dùng thuật ngữ này")
        elif term.term in seen:
            file, line = data.where(seen[term.term], "term")
            yield _err(data, term.id, ("term",), f"thuật ngữ '{term.term}' đã có ở {file}:{line} (mã '{seen[term.term]}'): "
                       "mỗi thuật ngữ một nghĩa; gộp hai mục làm một")
        seen.setdefault(term.term, term.id)


def _theme_names(data: Dataset) -> Iterator[DataError]:
    automatic = _automatic_tags(data)
    seen: dict[str, str] = {}
    for theme in data.themes.values():
        key = slug(theme.name)
        if key in automatic or re.fullmatch(r"nam-\d{4}", key) or key.startswith("hieu-luc"):
            yield _err(data, theme.id, ("name",), f"tên chủ đề '{theme.name}' trùng với thẻ tự động của trang web "
                       f"(năm, cấp, tỉnh, loại văn bản, hiệu lực): hai thẻ sẽ gộp làm một; đặt tên khác")
        elif key in seen:
            file, line = data.where(seen[key], "name")
            yield _err(data, theme.id, ("name",), f"tên chủ đề '{theme.name}' trùng với chủ đề '{seen[key]}' ở "
                       f"{file}:{line}: hai chủ đề sẽ gộp thẻ; đặt tên khác")
        seen.setdefault(key, theme.id)


def _automatic_tags(data: Dataset) -> set[str]:
    """The tags the site gives records by itself (macros/site/pages.py), as tags are merged: by slug."""
    tags = {PLAN_TAG, *(LABELS[t] for t in get_args(model.DocumentType))}
    tags |= {f"Cấp {LABELS[level].lower()}" for level in get_args(model.OrgLevel)}
    provinces = {org.province for org in data.organisations.values() if org.province}
    if data.validity:  # the province a record is tagged with is the one at as_of (after the 2025 mergers)
        provinces |= {p.into for p in data.validity.provinces if p.into}
    tags |= {f"Tỉnh {name}" for name in provinces}
    return {slug(t) for t in tags}


def _err(data: Dataset, record_id: str, loc: tuple, message: str) -> DataError:
    """At the field, named from the top of its file (a theme or term is an item of a list file)."""
    file, line = data.where(record_id, *loc)
    return DataError(file, line, field_name((*data.origins[record_id].base, *loc)), message)
