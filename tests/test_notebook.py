"""docs/quickstart.ipynb: shipped without outputs, runs without error, and its views' tables read
left-aligned under Jupyter's stylesheet (nbconvert's HTML, rendered by headless Chromium)."""

from __future__ import annotations

import shutil
import subprocess
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOK = ROOT / "docs" / "quickstart.ipynb"
BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
CHROMIUM = next((path for name in BROWSERS if (path := shutil.which(name))), None)

#: Test harness only (never in the library's output): records each cell's computed alignment.
PROBE = """<script>
window.addEventListener('load', function () {
  document.querySelectorAll('td, th').forEach(function (cell) {
    cell.setAttribute('data-align', getComputedStyle(cell).textAlign);
  });
  document.body.setAttribute('data-probed', 'yes');
});
</script>"""


@pytest.fixture(scope="module")
def executed() -> nbformat.NotebookNode:
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    client = NotebookClient(
        notebook, timeout=600, kernel_name="python3", resources={"metadata": {"path": str(ROOT)}}
    )
    client.execute()  # raises CellExecutionError on the first failing cell
    return notebook


def test_notebook_is_shipped_without_outputs() -> None:
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    nbformat.validate(notebook)
    code = [cell for cell in notebook.cells if cell.cell_type == "code"]
    assert code and all(not c.outputs and c.execution_count is None for c in code)


def test_notebook_runs_and_shows_every_view(executed) -> None:
    outputs = [o for cell in executed.cells if cell.cell_type == "code" for o in cell.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    html = "\n".join(o.get("data", {}).get("text/html", "") for o in outputs)
    for view in ("tf-view tf-article", "tf-view tf-record", "tf-view tf-timeline"):
        assert view in html
    assert 'class="tf-point' in html  # the timeline chart has markers
    assert 'class="dataframe' in html  # frames rendered by pandas


class Alignment(HTMLParser):
    """Computed text-align of table cells: inside our views, and in pandas' tables."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.found: Counter[tuple[str, str, str]] = Counter()

    def handle_starttag(self, tag, attrs):
        values = {k: v or "" for k, v in attrs}
        if tag in ("div", "table"):
            self.stack.append(values.get("class", ""))
        if tag in ("td", "th"):
            where = (
                "view"
                if any("tf-view" in c for c in self.stack)
                else "dataframe"
                if any("dataframe" in c for c in self.stack)
                else "other"
            )
            self.found[(where, tag, values.get("data-align", ""))] += 1

    def handle_endtag(self, tag):
        if tag in ("div", "table") and self.stack:
            self.stack.pop()


@pytest.mark.skipif(CHROMIUM is None, reason="Chromium not on PATH (apt-get install chromium)")
def test_view_tables_are_left_aligned_under_jupyters_stylesheet(executed, tmp_path) -> None:
    from nbconvert import HTMLExporter

    body, _ = HTMLExporter().from_notebook_node(executed)
    page = tmp_path / "quickstart.html"
    page.write_text(body.replace("</body>", PROBE + "</body>"), encoding="utf-8")
    command = [
        str(CHROMIUM),
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--no-first-run",
        f"--user-data-dir={tmp_path / 'profile'}",
        "--virtual-time-budget=5000",
        "--dump-dom",
        page.as_uri(),
    ]
    done = subprocess.run(command, capture_output=True, text=True, timeout=180)
    assert done.returncode == 0, done.stderr[-2000:]
    assert 'data-probed="yes"' in done.stdout
    parser = Alignment()
    parser.feed(done.stdout)
    found = parser.found
    # control: Jupyter's stylesheet is in force (it right-aligns pandas' cells)
    assert found[("dataframe", "td", "right")] > 0
    view_cells = {key: n for key, n in found.items() if key[0] == "view"}
    assert view_cells and all(align == "left" for (_, _, align) in view_cells), view_cells
