"""The HTML reporter: one self-contained page, checked as text and in a real headless Chromium.

The browser tests drive Debian's chromium with chromium-driver through selenium; they skip,
saying why, where either is missing (``.ci/run`` installs them when it can). Set
``QA_UPDATE_SCREENSHOT=1`` to rewrite docs/html-report.png from the seeds' report.
"""

from __future__ import annotations

import io
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

import pytest

from qa.model import SEVERITIES, Finding
from qa.report import FORMATS, get_reporter
from qa.report.html import CONTENT_SECURITY_POLICY, SCRIPT, file_href, highlighted, report_folder

ROOT = Path(__file__).resolve().parents[2]
GOLDEN = ROOT / "tests" / "golden" / "seeds.html"
SCREENSHOT = ROOT / "docs" / "html-report.png"
SEED_ARGS = [*sorted(str(path.relative_to(ROOT)) for path in (ROOT / "seeds").glob("*.txt")), "examples/defects.txt"]
HOUSING_ZH = "再解决6.1万套房产证办理历史遗留难题。"  # seeds/000_cfa7fe55d91506c5.txt:20
HOUSING_EN = "We will resolve problems in obtaining property ownership certificates for another 16,000 units."
INJECTED = '<script>window.qaInjected=1</script><img src=x onerror="window.qaInjected=2">'


def render(findings, rules, files=("seeds/000_cfa7fe55d91506c5.txt",), **options) -> str:
    stream = io.StringIO()
    options.setdefault("link_folder", str(ROOT))
    get_reporter("html", files=files, version="0.1.0", **options).emit(findings, rules, stream)
    return stream.getvalue()


def qa(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    env = {key: value for key, value in os.environ.items() if key not in ("COLUMNS", "FORCE_COLOR", "NO_COLOR", "CI")}
    return subprocess.run(
        [sys.executable, "-m", "qa", *args], cwd=cwd, capture_output=True, text=True, env=env, encoding="utf-8"
    )


# -- the page as text ------------------------------------------------------------------------


def test_html_is_a_format():
    assert "html" in FORMATS


def test_the_page_is_self_contained(findings, rules):
    page = render(findings, rules)
    assert page.startswith("<!DOCTYPE html>\n") and page.endswith("</html>\n")
    assert not re.search(r"<(link|img|iframe|object|embed)\b|\bsrc=|url\(|@import|https?://", page)
    assert page.count("<script>") == 1 and page.count("<style>") == 1
    assert f'content="{CONTENT_SECURITY_POLICY}"' in page and "default-src 'none'" in CONTENT_SECURITY_POLICY


def test_the_output_is_deterministic(findings, rules):
    assert render(findings, rules) == render(findings, rules)
    assert not re.search(r"20\d\d-\d\d-\d\d", render(findings, rules))


def test_input_is_escaped_everywhere(rules, make_finding):
    finding = make_finding(
        "NUM001",
        "number-missing",
        "error",
        f"6.1万 {INJECTED} has no match",
        zh=f"再解决6.1万套{INJECTED}房产证。",
        en=f"We will resolve {INJECTED} 16,000 units.",
        side="zh",
        span="6.1万",
        path="a&<b>.txt",
        suggestion=f"write {INJECTED}",
    )
    page = render([finding], rules, files=["a&<b>.txt"])
    assert "<script>window" not in page and "<img" not in page
    assert page.count("&lt;script&gt;window.qaInjected=1&lt;/script&gt;") == 4  # zh, en, message, suggestion
    assert "a&amp;&lt;b&gt;.txt" in page
    assert 'href="a&amp;%3Cb%3E.txt#L1"' in page


def test_every_span_is_highlighted_and_overlaps_name_every_finding(make_finding):
    text = HOUSING_ZH
    number = make_finding("NUM001", "n", "warning", "m", zh=text, en="", side="zh", span="6.1万套")
    unit = make_finding("UNIT003", "u", "error", "m", zh=text, en="", side="zh", span="万套房")
    missing = make_finding("FN001", "f", "note", "m", zh=text, en="", side="zh", span="")
    html = highlighted(text, [(0, number), (1, unit), (2, missing)])
    assert html == (
        '<mark class="at note" data-m="2" title="FN001"></mark>再解决'
        '<mark class="warning" data-m="0" title="NUM001">6.1</mark>'
        '<mark class="error" data-m="0 1" title="NUM001 UNIT003">万套</mark>'
        '<mark class="error" data-m="1" title="UNIT003">房</mark>产证办理历史遗留难题。'
    )


def test_tags_and_control_characters_stay_one_character_each():
    text = "a\ufffcb\x07c\u200b"
    assert highlighted(text, []) == 'a<span class="tag" title="inline tag">▫</span>b␇c\u200b'


def test_pairs_group_a_files_findings_and_links_point_at_the_line(findings, rules):
    page = render(findings, rules)
    assert page.count('<div class="pair">') == 3  # two pairs of seed 000, one of seed 001
    assert page.count('<section class="file"') == 2
    assert 'href="seeds/000_cfa7fe55d91506c5.txt#L20" title="seeds/000_cfa7fe55d91506c5.txt:20:4">20:4</a>' in page
    assert 'data-count="findings">3<' in page and 'data-count="pairs">3<' in page


def test_links_are_relative_to_the_reports_folder(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "out").mkdir()
    assert file_href("seeds/a b.txt", str(tmp_path)) == "seeds/a%20b.txt"
    assert file_href("seeds/a.txt", str(tmp_path / "out")) == "../seeds/a.txt"
    assert file_href("/data/报告.txt", str(tmp_path)) == "file:///data/%E6%8A%A5%E5%91%8A.txt"
    assert file_href("c:d.txt", str(tmp_path)) == "./c:d.txt"  # not a URL scheme


def test_rule_documentation_comes_from_the_docstrings(findings, rules):
    page = render(findings, rules)
    assert '<details id="rule-NUM001">' in page
    assert "<strong>Fails:</strong> 6.1万套 / another 16,000 units." in page
    assert "A number dropped or changed in translation changes what the report says." in page
    assert '<a class="rule" href="#rule-NUM001">NUM001</a>' in page


def test_code_in_docstrings_shows_as_code_with_no_stray_backticks():
    from qa.report.html import render_doc

    html = render_doc("Reads ``aspects16`` and `[16]` as markers; ``a `b` c`` too.")
    assert html == "<p>Reads <code>aspects16</code> and <code>[16]</code> as markers; <code>a `b` c</code> too.</p>"


def test_no_findings_is_a_page_that_says_so(rules):
    page = render([], rules, files=["a.txt", "b.txt"])
    assert "No findings." in page and 'data-count="files">2<' in page and 'id="filters"' not in page


def test_the_csp_hash_is_the_scripts():
    # the hash in the policy must be of the exact text between <script> and </script>
    import base64
    import hashlib

    digest = base64.b64encode(hashlib.sha256(SCRIPT.encode()).digest()).decode()
    assert f"script-src 'sha256-{digest}'" in CONTENT_SECURITY_POLICY


def test_qa_check_format_html_writes_the_report(tmp_path):
    report = tmp_path / "report.html"
    result = qa("check", *SEED_ARGS, "--format", "html", "-o", str(report), "--fail-on", "never")
    assert result.returncode == 0, result.stderr
    page = report.read_text(encoding="utf-8")
    assert "6 findings: 3 errors, 3 warnings in 2 of 4 files" in page
    # written outside the checkout, the report links back to it
    relative = os.path.relpath(ROOT / "examples" / "defects.txt", tmp_path).replace(os.sep, "/")
    assert f'href="{relative}#L14"' in page


def test_links_follow_a_redirected_stdout(tmp_path):
    (tmp_path / "out").mkdir()
    with open(tmp_path / "out" / "report.html", "w", encoding="utf-8") as stream:
        folder = report_folder(stream)
    assert folder == str(tmp_path / "out")
    assert report_folder(io.StringIO()) == os.getcwd()


def test_golden_output():
    """`qa check seeds/* examples/defects.txt --format html`, as tests/test_golden.py does for the other formats."""
    result = qa("check", *SEED_ARGS, "--format", "html", "--fail-on", "never")
    assert result.returncode == 0, result.stderr
    if os.environ.get("QA_UPDATE_GOLDEN"):
        GOLDEN.write_text(result.stdout, encoding="utf-8")
    assert result.stdout == GOLDEN.read_text(encoding="utf-8")


# -- the page in a browser -----------------------------------------------------------------------


def _chromium() -> tuple[str, str] | str:
    """(chromium, chromedriver), or why the browser tests cannot run."""
    try:
        import selenium  # noqa: F401
    except ImportError:
        return "selenium is not installed (pip install '.[test]')"
    browser = next((shutil.which(name) for name in ("chromium", "chromium-browser") if shutil.which(name)), None)
    driver = shutil.which("chromedriver")
    if browser is None or driver is None:
        return "chromium and chromium-driver are not installed (apt-get install chromium chromium-driver)"
    return browser, driver


@pytest.fixture(scope="module")
def browser():
    found = _chromium()
    if isinstance(found, str):
        pytest.skip(found)
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = found[0]
    # the background-networking flags matter on a closed network: without them Chromium's own
    # connections are refused and the session can stall
    for flag in (
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--window-size=1280,1400", "--lang=en-US",
    ):  # fmt: skip
        options.add_argument(flag)
    with tempfile.TemporaryDirectory(prefix="qa-chromium-") as profile:
        options.add_argument(f"--user-data-dir={profile}")
        driver = webdriver.Chrome(service=Service(found[1]), options=options)
        try:
            yield driver
        finally:
            driver.quit()


@pytest.fixture(scope="module")
def seeds_report(tmp_path_factory) -> tuple[Path, dict]:
    """The seeds' HTML report (as a file) and the JSON report of the same run."""
    folder = tmp_path_factory.mktemp("seeds-report")
    report = folder / "report.html"
    result = qa("check", *SEED_ARGS, "--format", "html", "-o", str(report), "--fail-on", "never")
    assert result.returncode == 0, result.stderr
    result = qa("check", *SEED_ARGS, "--format", "json", "--fail-on", "never")
    assert result.returncode == 0, result.stderr
    return report, json.loads(result.stdout)


def visible_findings(driver) -> list:
    from selenium.webdriver.common.by import By

    return [row for row in driver.find_elements(By.CSS_SELECTOR, "li.f") if row.is_displayed()]


def open_page(driver, path: Path) -> None:
    driver.get(path.as_uri())
    # the script ran: it shows the filters, which do nothing without it
    assert driver.execute_script("var form = document.getElementById('filters'); return !form || !form.hidden")


def test_counts_match_the_json_summary(browser, seeds_report):
    from selenium.webdriver.common.by import By

    report, document = seeds_report
    open_page(browser, report)
    shown = {
        element.get_attribute("data-count"): int(element.text.replace(",", ""))
        for element in browser.find_elements(By.CSS_SELECTOR, "[data-count]")
    }
    summary = document["summary"]
    for key in ("files", "findings", "error", "warning", "note", "suppressed"):
        assert shown[key] == summary[key], key
    assert shown["files-with-findings"] == len({finding["path"] for finding in document["findings"]})
    assert len(visible_findings(browser)) == summary["findings"] == 6
    by_rule = Counter(finding["code"] for finding in document["findings"])
    rows = browser.find_elements(By.CSS_SELECTOR, "table.by-rule tbody tr")
    totals = {row.get_attribute("data-rule"): int(row.find_elements(By.TAG_NAME, "td")[-1].text) for row in rows}
    assert totals == by_rule
    # every finding's message is on the page, with its line
    page_text = browser.find_element(By.ID, "findings").text
    for finding in document["findings"]:
        assert finding["message"] in page_text
        assert f"{finding['line']}:{finding['column']}" in page_text


def test_filters_by_severity_rule_and_file(browser, seeds_report):
    from selenium.webdriver.common.by import By

    report, document = seeds_report
    open_page(browser, report)
    findings = document["findings"]
    shown = browser.find_element(By.ID, "shown")

    def click(selector: str) -> None:
        browser.find_element(By.CSS_SELECTOR, selector).click()

    click("input[name=severity][value=error]")  # untick errors
    expected = [finding for finding in findings if finding["severity"] != "error"]
    assert len(visible_findings(browser)) == len(expected) == int(shown.text) == 3
    assert {row.get_attribute("data-r") for row in visible_findings(browser)} == {f["code"] for f in expected}

    click("fieldset[data-group=severity] button.all")
    assert len(visible_findings(browser)) == 6

    click('fieldset[data-group=rule] button.only[data-only="NUM003"]')
    assert [row.get_attribute("data-r") for row in visible_findings(browser)] == ["NUM003", "NUM003"]
    # a pair left without a visible finding is hidden, and so is a file left without one
    assert len([pair for pair in browser.find_elements(By.CSS_SELECTOR, ".pair") if pair.is_displayed()]) == 1
    files = [section for section in browser.find_elements(By.CSS_SELECTOR, "section.file") if section.is_displayed()]
    assert [section.find_element(By.CSS_SELECTOR, ".path").text.split()[0] for section in files] == [
        "examples/defects.txt"
    ]
    click("fieldset[data-group=rule] button.all")

    paths = list(dict.fromkeys(finding["path"] for finding in findings))
    click(f'fieldset[data-group=file] button.only[data-only="{paths.index("seeds/000_cfa7fe55d91506c5.txt")}"]')
    expected = [finding for finding in findings if finding["path"] == "seeds/000_cfa7fe55d91506c5.txt"]
    assert len(visible_findings(browser)) == len(expected) == int(shown.text) == 1

    click("input[name=severity][value=warning]")  # filters combine
    assert len(visible_findings(browser)) == len([f for f in expected if f["severity"] != "warning"])


def test_a_rule_code_opens_its_documentation(browser, seeds_report):
    from selenium.webdriver.common.by import By

    report, _ = seeds_report
    open_page(browser, report)
    browser.find_element(By.CSS_SELECTOR, 'li.f[data-r="NUM003"] a.rule').click()
    dialog = browser.find_element(By.ID, "doc")
    assert dialog.is_displayed()
    assert "A number was translated with the wrong value." in dialog.text
    assert "Fails:" in dialog.text
    dialog.find_element(By.CSS_SELECTOR, "button.close").click()
    assert not dialog.is_displayed()


def test_the_spans_are_highlighted_side_by_side(browser, seeds_report):
    from selenium.webdriver.common.by import By

    report, document = seeds_report
    open_page(browser, report)
    marked = [mark.text for mark in browser.find_elements(By.CSS_SELECTOR, ".texts mark") if mark.text]
    spans = [finding["evidence"]["text"] for finding in document["findings"] if finding["evidence"]["text"]]
    assert sorted(marked) == sorted(spans)
    pair = browser.find_element(By.CSS_SELECTOR, ".pair")
    zh, en = pair.find_element(By.CSS_SELECTOR, ".zh"), pair.find_element(By.CSS_SELECTOR, ".en")
    assert zh.location["y"] == en.location["y"] and zh.location["x"] < en.location["x"]


def test_a_script_in_the_input_shows_as_text_and_does_not_run(browser, tmp_path):
    from selenium.webdriver.common.by import By

    source = tmp_path / "injected.tsv"
    source.write_text(
        f"再解决6.1万套{INJECTED}房产证办理难题。\tWe will resolve {INJECTED} problems for another 16,000 units.\n",
        encoding="utf-8",
    )
    report = tmp_path / "report.html"
    result = qa("check", "injected.tsv", "--format", "html", "-o", str(report), "--fail-on", "never", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    open_page(browser, report)
    assert browser.execute_script("return window.qaInjected === undefined")
    assert browser.execute_script("return document.scripts.length") == 1
    assert browser.find_elements(By.CSS_SELECTOR, ".texts img, .texts script") == []
    assert INJECTED in browser.find_element(By.CSS_SELECTOR, ".pair .zh").text
    assert INJECTED in browser.find_element(By.CSS_SELECTOR, ".pair .en").text
    assert len(visible_findings(browser)) == 1


def test_ten_thousand_findings_open_and_filter(browser, tmp_path, make_finding):
    """A guard against a page that stops scaling (the README gives the real measurement)."""
    findings: list[Finding] = []
    for index in range(10_000):
        zh = HOUSING_ZH.replace("6.1万", f"{index}万")
        findings.append(
            make_finding(
                "NUM001", "number-missing", SEVERITIES[index % 3], f"{index}万 has no match", zh=zh, en=HOUSING_EN,
                side="zh", span=f"{index}万", path=f"part{index % 7}.txt", line=index + 1,
            )
        )  # fmt: skip
    findings.sort(key=Finding.sort_key)
    report = tmp_path / "big.html"
    report.write_text(render(findings, {}, files=[], link_folder=str(tmp_path)), encoding="utf-8")
    open_page(browser, report)
    loaded = browser.execute_script("return performance.getEntriesByType('navigation')[0].loadEventEnd")
    assert loaded < 15_000, f"{loaded:.0f} ms to load"
    browser.execute_script("document.querySelector('input[name=severity][value=note]').click()")
    assert browser.execute_script("return document.querySelectorAll('li.f:not(.hidden)').length") == 6_667
    assert browser.execute_script("return document.getElementById('shown').textContent") == "6,667"


def test_screenshot_of_the_seeds_report(browser, seeds_report, tmp_path):
    report, _ = seeds_report
    open_page(browser, report)
    browser.set_window_size(1100, 1300)
    target = SCREENSHOT if os.environ.get("QA_UPDATE_SCREENSHOT") else tmp_path / "html-report.png"
    assert browser.save_screenshot(str(target))
    assert target.stat().st_size > 10_000
    browser.set_window_size(1280, 1400)


def test_an_inline_tag_shows_as_its_own_text():
    # offsets 1 and 3 hold the tags' places; a mapping naming a place that holds no TAG_MARK is ignored
    text = "a\ufffcb\ufffcc"
    assert highlighted(text, [], {1: "%s", 3: '<x id="2"/>', 4: "stray"}) == (
        'a<span class="tag" title="inline tag">%s</span>b'
        '<span class="tag" title="inline tag">&lt;x id=&quot;2&quot;/&gt;</span>c'
    )
