"""The photo benchmark (`bench/run --photos`): 1 000 entries showing 300 distinct phone-sized photos (4 000 × 3 000
JPEG), showcase against Hugo's image processing resizing the same photos to the same widths, in one run.

Prints: a clean build (empty output, no cache: every photo encoded), a rebuild after one text edit (no photo
encoded), Hugo's build with its image cache emptied; the bytes of photos given and published; the weight a
juror's browser fetches for one entry page (HTML, style sheet and its photo at the width `sizes` asks for on a
laptop, 480 px, and on a high-density screen, 960 px). Needs the `vips` command (libvips-tools) to draw the photos.
"""
import os
import pathlib
import random
import re
import shutil
import subprocess
import sys

HERE = pathlib.Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import run as bench  # noqa: E402

ENTRIES, PHOTOS = 1000, 300
WIDTHS = [480, 960, 1200, 1600]

HUGO_SINGLE = """<!DOCTYPE html>
<html lang="fr"><head><meta charset="utf-8"><title>{{ .Params.titre }}</title></head>
<body><h1>{{ .Params.titre }}</h1>
{{ with index .Params.images 0 }}{{ with resources.Get (printf "photos/%s" .fichier) }}{{ $photo := . }}
<picture><source type="image/webp" srcset="{{ range $i, $w := slice 480 960 1200 1600 }}{{ if le $w $photo.Width }}{{ ($photo.Resize (printf "%dx webp q80" $w)).RelPermalink }} {{ $w }}w, {{ end }}{{ end }}">
<img srcset="{{ range $i, $w := slice 480 960 1200 1600 }}{{ if le $w $photo.Width }}{{ ($photo.Resize (printf "%dx jpg q82" $w)).RelPermalink }} {{ $w }}w, {{ end }}{{ end }}"></picture>
{{ end }}{{ end }}
{{ .Content }}</body></html>
"""


def draw_photos(folder: pathlib.Path) -> None:
    """Phone-sized photos, each different: a gradient and grain, as a camera's JPEG compresses them."""
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(7)
    for index in range(PHOTOS):
        path = folder / f"photo-{index:03d}.jpg"
        if path.exists():
            continue
        tmp = folder / "tmp.v"
        subprocess.run(["vips", "xyz", str(tmp), "4000", "3000"], check=True)
        subprocess.run(["vips", "linear", str(tmp), str(folder / "lin.v"), f"{rng.uniform(0.02, 0.06)} {rng.uniform(0.02, 0.08)}",
                        f"{rng.randint(0, 100)} {rng.randint(0, 100)}", "--uchar"], check=True)
        subprocess.run(["vips", "bandjoin", f"{folder / 'lin.v'} {folder / 'lin.v'}", str(folder / "three.v")], check=True)
        subprocess.run(["vips", "extract_band", str(folder / "three.v"), str(folder / "rgb.v"), "0", "--n", "3"], check=True)
        subprocess.run(["vips", "gaussnoise", str(folder / "noise.v"), "4000", "3000", "--sigma", "12", "--mean", "0"], check=True)
        subprocess.run(["vips", "add", str(folder / "rgb.v"), str(folder / "noise.v"), str(folder / "sum.v")], check=True)
        subprocess.run(["vips", "cast", str(folder / "sum.v"), str(folder / "out.v"), "uchar"], check=True)
        subprocess.run(["vips", "copy", str(folder / "out.v"), f"{path}[Q=88]"], check=True)
    for leftover in folder.glob("*.v"):
        leftover.unlink()


def prepare():
    corpus = bench.OUT / f"photos-{ENTRIES}"
    if not (corpus / "content").exists():
        subprocess.run([sys.executable, str(HERE / "generate_corpus.py"), str(corpus), str(ENTRIES)], check=True)
        for index, entry in enumerate(sorted((corpus / "content").glob("*.md"))):
            text = entry.read_text(encoding="utf-8")
            photo = f"photo-{index % PHOTOS:03d}.jpg"
            text = text.replace("\nporteur:", f"\nimages:\n  - fichier: {photo}\n    alt: Le chantier de l'achat, photo {index % PHOTOS}\nporteur:", 1)
            entry.write_text(text, encoding="utf-8")
    draw_photos(bench.OUT / "photos-source")
    for photo in (bench.OUT / "photos-source").glob("*.jpg"):
        target = corpus / "content" / photo.name
        if not target.exists():
            os.link(photo, target)
    hugo = bench.OUT / f"hugo-photos-{ENTRIES}"
    if not (hugo / "content" / "fiches").exists():
        shutil.copytree(HERE / "hugo", hugo, dirs_exist_ok=True)
        (hugo / "layouts" / "_default" / "single.html").write_text(HUGO_SINGLE, encoding="utf-8")
        (hugo / "content" / "fiches").mkdir(parents=True)
        for entry in (corpus / "content").glob("*.md"):
            shutil.copy(entry, hugo / "content" / "fiches" / entry.name)
        (hugo / "assets").mkdir(exist_ok=True)
        shutil.copytree(bench.OUT / "photos-source", hugo / "assets" / "photos", dirs_exist_ok=True)
    return corpus, hugo


def folder_bytes(folder: pathlib.Path, pattern: str = "*") -> int:
    return sum(path.stat().st_size for path in folder.rglob(pattern) if path.is_file())


def main(runs: int) -> list:
    corpus, hugo = prepare()
    build = [str(bench.SHOWCASE), "build", "--project", str(corpus)]
    cold = lambda: (shutil.rmtree(corpus / "site", ignore_errors=True), shutil.rmtree(corpus / ".showcase-cache", ignore_errors=True))
    clean_time, clean_memory = bench.measure(build, 1, before=cold)
    edit_time, edit_memory = bench.measure_after_edit(build, corpus, runs)
    bench.run(build)
    hugo_cold = lambda: (shutil.rmtree(hugo / "public", ignore_errors=True), shutil.rmtree(hugo / "resources", ignore_errors=True))
    hugo_time, hugo_memory = bench.measure(["hugo", "--quiet", "--source", str(hugo)], 1, before=hugo_cold)

    given = folder_bytes(bench.OUT / "photos-source", "*.jpg")
    published = folder_bytes(corpus / "site" / "images")
    page = corpus / "site" / "fiches" / "achat-000001.html"
    html = page.read_text(encoding="utf-8")
    style = (corpus / "site" / "assets" / "style.css").stat().st_size
    weights = {}
    for width in (480, 960):
        found = re.search(rf'images/([^" ]+-{width}\.webp)', html)
        weights[width] = page.stat().st_size + style + ((corpus / "site" / "images" / found.group(1)).stat().st_size if found else 0)
    rows = [
        (ENTRIES, f"photos : showcase, build propre ({PHOTOS} photos encodées)", clean_time, clean_memory),
        (ENTRIES, "photos : showcase, après une modification du texte", edit_time, edit_memory),
        (ENTRIES, "photos : hugo, cache d'images vidé (mêmes largeurs)", hugo_time, hugo_memory),
    ]
    targets = [
        ("étape photos au moins aussi rapide que celle de Hugo", f"{clean_time:.1f} s / {hugo_time:.1f} s", clean_time <= hugo_time),
        ("page d'une fiche avec sa photo < 300 Ko (480 px / 960 px)", f"{weights[480] / 1000:.0f} Ko / {weights[960] / 1000:.0f} Ko",
         weights[960] < 300_000),
        ("octets de photos publiés / donnés", f"{published / 1e6:.0f} Mo / {given / 1e6:.0f} Mo", published < given),
    ]
    return rows, targets
