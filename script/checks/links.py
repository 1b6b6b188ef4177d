"""Checks every internal link and anchor of a built site, and that no page loads anything from another site.

Links are resolved from each file as a browser would (relative links, and absolute paths under the site's base
path, which the 404 page uses). A link to a folder means its index.html; `#fragment` must name an `id` in the
target page. Stylesheets, scripts, images, icons and frames must come from the site itself.

Usage: python3 links.py SITE_FOLDER BASE_PATH   (BASE_PATH as in base_url, for example /vitrine/)
"""
import html.parser
import pathlib
import sys
import urllib.parse

LOADED = {("link", "stylesheet"), ("link", "icon"), ("link", "preload"), ("script", None), ("img", None),
          ("iframe", None), ("source", None), ("video", None), ("audio", None), ("embed", None), ("object", None)}


class Page(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.ids = set()
        self.links = []      # (tag, attribute value, loaded?)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if "id" in attrs:
            self.ids.add(attrs["id"])
        if tag == "a" and "name" in attrs:
            self.ids.add(attrs["name"])
        for attribute in ("href", "src", "data-index", "data"):
            value = attrs.get(attribute)
            if value is None:
                continue
            rel = (attrs.get("rel") or "").split()
            loaded = (tag, rel[0] if rel else None) in LOADED or (tag, None) in LOADED or attribute == "data-index"
            if tag == "link" and ("canonical" in rel or "alternate" in rel):
                loaded = False
            self.links.append((tag, value, loaded))


def parse(path: pathlib.Path) -> Page:
    page = Page()
    page.feed(path.read_text(encoding="utf-8"))
    return page


def main(site: pathlib.Path, base_path: str) -> int:
    pages = {path: parse(path) for path in site.rglob("*.html")}
    problems = []
    checked = 0
    for path, page in sorted(pages.items()):
        for tag, value, loaded in page.links:
            url = urllib.parse.urlsplit(value)
            if url.scheme in ("http", "https", "mailto") or value.startswith("//"):
                if loaded:
                    problems.append(f"{path.relative_to(site)} : <{tag}> charge une ressource externe : {value}")
                continue
            if url.scheme:
                problems.append(f"{path.relative_to(site)} : lien de schéma inattendu : {value}")
                continue
            if url.path.startswith("/"):
                if not url.path.startswith(base_path):
                    problems.append(f"{path.relative_to(site)} : chemin absolu hors de la vitrine : {value}")
                    continue
                target = site / urllib.parse.unquote(url.path[len(base_path):])
            elif url.path:
                target = path.parent / urllib.parse.unquote(url.path)
            else:
                target = path
            if target.is_dir() or value.endswith("/"):
                target = target / "index.html"
            target = target.resolve()
            checked += 1
            if not target.exists():
                problems.append(f"{path.relative_to(site)} : lien cassé : {value}")
                continue
            if url.fragment and target.suffix == ".html":
                ids = pages[target].ids if target in pages else parse(target).ids
                if url.fragment not in ids:
                    problems.append(f"{path.relative_to(site)} : ancre introuvable : {value}")
    for problem in problems:
        print(problem)
    print(f"Liens : {checked} liens internes vérifiés dans {len(pages)} pages, {len(problems)} problème(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(pathlib.Path(sys.argv[1]).resolve(), sys.argv[2]))
