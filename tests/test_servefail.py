"""`mkdocs serve` while the data has an error: pages answer, each naming the error; a fix clears it.

mkdocs serve holds every request until a build succeeds, so a data error used to leave the
browser waiting. The builds run as serve runs them (one process, a config per build,
`on_startup("serve")` once), in a subprocess so the serve session stays out of other tests.
"""

from __future__ import annotations

import html
import json
import subprocess
import sys

from tests.conftest import ENV, ROOT
from tests.minidata import write_minidata

SERVE = """
import json, sys
from pathlib import Path
from mkdocs.commands.build import build
from mkdocs.config import load_config

config_file, steps = sys.argv[1], json.loads(sys.argv[2])
url = "http://127.0.0.1:8000/"
for i, (site, path, text) in enumerate(steps):
    if path:
        Path(path).write_text(text, encoding="utf-8")
    config = load_config(config_file, site_dir=site)
    if i == 0:
        config.plugins.on_startup(command="serve", dirty=False)
    config.site_url = url
    build(config, serve_url=url)
"""
DOC = "documents/ct-33-2021-ttg.yaml"
ERROR = "data/documents/ct-33-2021-ttg.yaml:3: type: giá trị 'chi-thị' không hợp lệ"
BANNER = "Dữ liệu có lỗi"


def test_a_data_error_is_shown_on_every_page_and_a_fix_clears_it(tmp_path):
    data = write_minidata(tmp_path / "data")
    doc = data / DOC
    good = doc.read_text(encoding="utf-8")
    sites = [tmp_path / name for name in ("good", "broken", "fixed")]
    steps = [(str(sites[0]), None, None), (str(sites[1]), str(doc), good.replace("type: chi-thi", "type: chi-thị")),
             (str(sites[2]), str(doc), good)]
    config = ROOT / f".mkdocs-test-servefail-{tmp_path.name}.yml"
    config.write_text((ROOT / "mkdocs.yml").read_text(encoding="utf-8").replace("data_dir: data", f"data_dir: {data}"),
                      encoding="utf-8")
    try:
        result = subprocess.run([sys.executable, "-c", SERVE, config.name, json.dumps(steps)], cwd=ROOT,
                                env={**ENV, "PYTHONPATH": str(ROOT)}, capture_output=True, text=True, timeout=600)
    finally:
        config.unlink()
    assert result.returncode == 0, result.stderr[-3000:]
    assert ERROR in result.stderr  # the terminal says it too
    for page in ("index.html", "van-ban/ct-33-2021-ttg.html", "ke-hoach/kh-1-2025-ubnd-a.html"):
        good_page, broken, fixed = (html.unescape((s / page).read_text(encoding="utf-8")) for s in sites)
        assert BANNER not in good_page and BANNER not in fixed
        assert BANNER in broken and ERROR in broken
    assert "33/CT-TTg" in (sites[1] / "van-ban" / "ct-33-2021-ttg.html").read_text(encoding="utf-8")  # last good data
