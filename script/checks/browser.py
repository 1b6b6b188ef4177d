"""Opens every page type of a built site in headless Chromium, served under a sub-path as in production.

For each page type, at 1280 px and 375 px wide: saves a full-page screenshot, runs axe-core with the WCAG 2.1
A and AA rules and fails on any violation, and fails on any console error (a script error, a blocked request,
a Content-Security-Policy violation). Also prints an entry page to PDF, and every category's dossier, checking
that each entry of a dossier starts on a new page and that every title is in the PDF's text; and scores a cell
of the criteria matrix, checking that the mark is kept in the browser across a reload and exported in the CSV.

Usage: python3 browser.py SITE_FOLDER BASE_PATH AXE_JS CAPTURES_FOLDER
       python3 browser.py --dossiers SITE_FOLDER CAPTURES_FOLDER   (only print and check the dossiers)
"""
import functools
import http.server
import json
import pathlib
import socketserver
import sys
import tempfile
import threading
import base64
import re
import subprocess

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By

WIDTHS = (1280, 375)
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def page_types(site: pathlib.Path):
    """One page of each kind, by the path under the site's root."""
    entry = sorted(p.name for p in (site / "fiches").glob("*.html"))[0]
    term = sorted(p.relative_to(site).parent.as_posix() for p in (site / "mecanismes").glob("*/index.html"))[0]
    matrix = sorted(p.relative_to(site).parent.as_posix() for p in (site / "prix").glob("*/*/criteres/index.html"))
    dossier = sorted(p.relative_to(site).parent.as_posix() for p in (site / "prix").glob("*/*/*/dossier/index.html"))
    return [
        ("accueil", ""),
        ("fiche", f"fiches/{entry}"),
        ("comparer", "comparer/"),
        ("themes", "themes/"),
        ("taxonomie", f"{term}/"),
        ("recherche", "recherche/?q=insertion"),
        ("404", "404.html"),
    ] + ([("criteres", f"{matrix[0]}/")] if matrix else []) + ([("dossier", f"{dossier[0]}/")] if dossier else [])


def words(text: str) -> str:
    """The text with its spaces, line breaks and hyphenation at line ends made one space."""
    return re.sub(r"\s+", " ", text.replace("\u00a0", " ").replace("\u202f", " ")).strip()


def check_dossier(driver, origin: str, path: str, captures: pathlib.Path) -> list:
    """Prints one dossier to PDF; returns its problems. Page 1 holds the cover and contents, then each entry
    starts on a new page whose running header repeats its title: every later page names exactly one entry."""
    driver.get(origin + path)
    titles = [words(element.text) for element in driver.find_elements(By.CSS_SELECTOR, ".titre-fiche")]
    pdf = base64.b64decode(driver.execute_cdp_cmd("Page.printToPDF", {"printBackground": False, "preferCSSPageSize": True})["data"])
    name = "dossier-" + path.strip("/").replace("/", "-") + ".pdf"
    (captures / name).write_bytes(pdf)
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", str(captures / name), "-"], capture_output=True, check=True).stdout.decode()
    pages = [words(page) for page in text.split("\f") if page.strip()]
    problems = []
    if len(pages) < 1 + len(titles):
        problems.append(f"{path} : {len(pages)} page(s) imprimée(s) pour {len(titles)} fiche(s) et la couverture")
    for title in titles:
        if title not in words(text):
            problems.append(f"{path} : le titre « {title} » manque au PDF")
    for number, page in enumerate(pages[1:], start=2):
        named = [title for title in titles if title in page]
        if len(named) != 1:
            problems.append(f"{path} : la page {number} nomme {len(named)} fiche(s) au lieu d'une")
    print(f"{'ok' if not problems else 'ÉCHEC':5} dossier    {len(pages)} pages pour {len(titles)} fiche(s) ({name})")
    return problems


def check_scoring(driver, origin: str, path: str) -> list:
    """A mark typed in the matrix stays after a reload and is in the exported CSV; nothing else is needed."""
    driver.get(origin + path)
    driver.execute_script("localStorage.clear()")
    driver.refresh()
    fields = driver.find_elements(By.CSS_SELECTOR, ".notation input")
    if not fields:
        return [f"{path} : aucune case de notation"]
    fields[0].send_keys("4")
    driver.refresh()
    kept = driver.find_elements(By.CSS_SELECTOR, ".notation input")[0].get_attribute("value")
    exported = driver.execute_script("return window.showcaseNotation.csv()")
    driver.execute_script("localStorage.clear()")
    problems = []
    if kept != "4":
        problems.append(f"{path} : la note saisie n'est pas gardée après rechargement ({kept!r})")
    if ";4;" not in exported:
        problems.append(f"{path} : la note n'est pas dans l'export CSV")
    print(f"{'ok' if not problems else 'ÉCHEC':5} notation   note gardée dans le navigateur et exportée")
    return problems


def serve(folder: pathlib.Path):
    handler = functools.partial(Quiet, directory=str(folder))
    server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


class Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def browser(width: int):
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                     f"--window-size={width},900", "--lang=fr-FR", "--hide-scrollbars"):
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    return webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)


def full_page_screenshot(driver, path: pathlib.Path, width: int):
    height = driver.execute_script("return document.documentElement.scrollHeight")
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": width < 600})
    path.write_bytes(base64.b64decode(driver.execute_cdp_cmd("Page.captureScreenshot", {"format": "png"})["data"]))
    driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})


def dossiers_only(site: pathlib.Path, captures: pathlib.Path) -> int:
    """Prints every dossier of a site (one built with several entries per category) and checks each."""
    captures.mkdir(parents=True, exist_ok=True)
    server = serve(site)
    origin = f"http://127.0.0.1:{server.server_address[1]}/"
    driver = browser(WIDTHS[0])
    problems = []
    try:
        for dossier in sorted(p.relative_to(site).parent.as_posix() for p in (site / "prix").glob("*/*/*/dossier/index.html")):
            problems += check_dossier(driver, origin, dossier + "/", captures)
    finally:
        driver.quit()
        server.shutdown()
    for problem in problems:
        print(f"  {problem}")
    return 1 if problems else 0


def main(site: pathlib.Path, base_path: str, axe_js: pathlib.Path, captures: pathlib.Path) -> int:
    captures.mkdir(parents=True, exist_ok=True)
    axe = axe_js.read_text(encoding="utf-8")
    with tempfile.TemporaryDirectory() as root:
        mount = pathlib.Path(root) / base_path.strip("/")
        mount.parent.mkdir(parents=True, exist_ok=True)
        mount.symlink_to(site, target_is_directory=True)
        server = serve(pathlib.Path(root))
        origin = f"http://127.0.0.1:{server.server_address[1]}{base_path}"
        failures = 0
        for width in WIDTHS:
            driver = browser(width)
            try:
                for name, path in page_types(site):
                    driver.get(origin + path)
                    driver.get_log("browser")  # drop messages of the previous page
                    driver.refresh()
                    driver.execute_script("return document.fonts ? document.fonts.ready : null")
                    full_page_screenshot(driver, captures / f"{name}-{width}.png", width)
                    driver.execute_script(axe)
                    result = driver.execute_async_script(
                        "var done = arguments[arguments.length - 1];"
                        "axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}}).then(done);", AXE_TAGS)
                    console = [entry for entry in driver.get_log("browser") if entry["level"] == "SEVERE"]
                    violations = result["violations"]
                    for violation in violations:
                        targets = [node["target"] for node in violation["nodes"]][:5]
                        print(f"  {name} {width}px : {violation['id']} ({violation['impact']}) : {violation['help']} → {targets}")
                    for entry in console:
                        print(f"  {name} {width}px : console : {entry['message']}")
                    failures += len(violations) + len(console)
                    status = "ok" if not violations and not console else "ÉCHEC"
                    print(f"{status:5} {name:10} {width:4}px  {len(result['passes'])} règles axe respectées")
                if width == WIDTHS[0]:
                    driver.get(origin + page_types(site)[1][1])
                    pdf = driver.execute_cdp_cmd("Page.printToPDF", {"printBackground": False, "preferCSSPageSize": True})
                    (captures / "fiche-impression.pdf").write_bytes(base64.b64decode(pdf["data"]))
                    problems = []
                    for dossier in sorted(p.relative_to(site).parent.as_posix() for p in (site / "prix").glob("*/*/*/dossier/index.html")):
                        problems += check_dossier(driver, origin, dossier + "/", captures)
                    for matrix in sorted(p.relative_to(site).parent.as_posix() for p in (site / "prix").glob("*/*/criteres/index.html"))[:1]:
                        problems += check_scoring(driver, origin, matrix + "/")
                    for problem in problems:
                        print(f"  {problem}")
                    failures += len(problems)
            finally:
                driver.quit()
        server.shutdown()
    print(f"Navigateur : {failures} problème(s) ; captures dans {captures}")
    return 1 if failures else 0


if __name__ == "__main__":
    if sys.argv[1] == "--dossiers":
        sys.exit(dossiers_only(pathlib.Path(sys.argv[2]).resolve(), pathlib.Path(sys.argv[3])))
    sys.exit(main(pathlib.Path(sys.argv[1]).resolve(), sys.argv[2], pathlib.Path(sys.argv[3]), pathlib.Path(sys.argv[4])))
