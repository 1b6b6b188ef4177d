"""Opens every page type of a built site in headless Chromium, served under a sub-path as in production.

For each page type, at 1280 px and 375 px wide: saves a full-page screenshot, runs axe-core with the WCAG 2.1
A and AA rules and fails on any violation, and fails on any console error (a script error, a blocked request,
a Content-Security-Policy violation). Also prints an entry page to PDF, as a juror printing a dossier would.

Usage: python3 browser.py SITE_FOLDER BASE_PATH AXE_JS CAPTURES_FOLDER
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

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By

WIDTHS = (1280, 375)
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def page_types(site: pathlib.Path):
    """One page of each kind, by the path under the site's root."""
    entry = sorted(p.name for p in (site / "fiches").glob("*.html"))[0]
    term = sorted(p.relative_to(site).parent.as_posix() for p in (site / "mecanismes").glob("*/index.html"))[0]
    return [
        ("accueil", ""),
        ("fiche", f"fiches/{entry}"),
        ("comparer", "comparer/"),
        ("themes", "themes/"),
        ("taxonomie", f"{term}/"),
        ("recherche", "recherche/?q=insertion"),
        ("404", "404.html"),
    ]


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
            finally:
                driver.quit()
        server.shutdown()
    print(f"Navigateur : {failures} problème(s) ; captures dans {captures}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(pathlib.Path(sys.argv[1]).resolve(), sys.argv[2], pathlib.Path(sys.argv[3]), pathlib.Path(sys.argv[4])))
