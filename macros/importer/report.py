"""The short summary printed after an import: counts of each part, what was guessed, what is unknown."""

from __future__ import annotations

from collections import Counter

from . import Outcome


def summary(outcome: Outcome, dry_run: bool) -> str:
    plan, review = outcome.draft.plan, outcome.draft.plan.get("review", [])
    jobs = plan.get("assignments", [])
    signer = plan.get("signer") or {}
    lines = [
        f"Kế hoạch {plan.get('number') or '(chưa có số)'} – mã '{plan['id']}': "
        f"{len(plan.get('purposes', []))} mục đích, {len(plan.get('requirements', []))} yêu cầu, "
        f"{len(plan.get('targets', []))} chỉ tiêu, {len(plan['tasks'])} nhiệm vụ, {len(jobs)} mục giao việc "
        f"({sum(len(j.get('reports', [])) for j in jobs)} báo cáo), {len(plan.get('recipients', []))} nơi nhận, "
        f"người ký: {signer.get('name') or 'không có'}.",
        f"Căn cứ (thực hiện): {', '.join(plan.get('implements', [])) or 'không nhận ra văn bản nào'}.",
    ]
    cited = outcome.draft.cited
    lines.append(f"Văn bản được viện dẫn, đã khớp dữ liệu: {len(cited)}"
                 + (f" ({', '.join(cited[:8])}{', …' if len(cited) > 8 else ''})." if cited else "."))
    unresolved = outcome.draft.unresolved
    if unresolved:
        listed = ", ".join(f"{text} (dòng {line})" for text, line in unresolved)
        lines.append(f"Trích dẫn chưa khớp văn bản nào: {len(unresolved)}: {listed}.")
    else:
        lines.append("Mọi số văn bản được viện dẫn đều khớp văn bản đã có.")
    if outcome.draft.documents:
        lines.append("Văn bản căn cứ chưa có, đã tạo từ câu trích dẫn (chờ soát): "
                     + ", ".join(d["id"] for d in outcome.draft.documents) + ".")
    if outcome.draft.organisations:
        lines.append("Cơ quan mới: " + ", ".join(o["id"] for o in outcome.draft.organisations) + ".")
    kinds = Counter(entry["field"].split("[")[0].split(".")[0] for entry in review)
    lines.append(f"Cần soát lại {len(review)} chỗ (mục 'review:' trong tệp): "
                 + ", ".join(f"{k} {n}" for k, n in sorted(kinds.items())) + ".")
    if outcome.draft.skipped:
        lines.append("Phần chưa nhập (mô hình chưa có chỗ): " + "; ".join(outcome.draft.skipped) + ".")
    if dry_run:
        lines.append("(--dry-run: chưa ghi tệp nào)")
    else:
        lines += [f"đã ghi {p}" for p in outcome.written] or ["Các tệp đã có, nội dung không đổi."]
    return "\n".join(lines)
