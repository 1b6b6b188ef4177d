"""Benchmark: showcase against Hugo and against cmark alone, on the same generated corpus, in one run.

For each corpus size, each measure takes the median wall time of RUNS runs after one warm-up, and the peak
resident memory of the process (ru_maxrss). Prints a table, then the targets of the scale issue.

Usage: python3 run.py [--sizes 1000 10000] [--large] [--runs 5]
"""
import argparse
import json
import os
import pathlib
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

HERE = pathlib.Path(__file__).resolve().parent
ROOT = HERE.parent
OUT = HERE / "out"
# The binary bench/run built as script/install does; a release build when this file is run on its own.
SHOWCASE = pathlib.Path(os.environ.get("SHOWCASE_BINARY", ROOT / ".build" / "release" / "showcase"))
CMARK_ALONE = OUT / "cmark_alone"


class TooLong(Exception):
    """A run that passed its time limit (Hugo on 100 000 entries may)."""


def run(command, cwd=None, limit=None):
    """Wall seconds and peak resident memory (MB) of one run; fails loudly on a non-zero exit, raises TooLong
    past `limit` seconds."""
    # Peak memory comes from GNU time, a small process: the child's own ru_maxrss starts from this Python's
    # size at fork (about 100 MB once the 100 000-entry corpus is prepared), which floored small measures.
    # Standard error goes to a file, not a pipe: a run that reports more than a pipe holds (64 KB of warnings)
    # would otherwise block on its writes while this waits for it to end.
    with tempfile.TemporaryFile() as errors, tempfile.NamedTemporaryFile("r") as peak:
        started = time.perf_counter()
        process = subprocess.Popen(["/usr/bin/time", "-f", "%M", "-o", peak.name] + [str(part) for part in command],
                                   cwd=cwd, stdout=subprocess.DEVNULL, stderr=errors, start_new_session=True)
        while limit is not None:
            pid, status, _ = os.wait4(process.pid, os.WNOHANG)
            if pid:
                break
            if time.perf_counter() - started > limit:
                os.killpg(process.pid, 9)
                os.wait4(process.pid, 0)
                raise TooLong()
            time.sleep(0.05)
        else:
            _, status, _ = os.wait4(process.pid, 0)
        elapsed = time.perf_counter() - started
        errors.seek(0)
        stderr = errors.read().decode("utf-8", "replace")
        kilobytes = peak.read().strip().splitlines()
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"échec de {' '.join(map(str, command))} :\n{stderr}")
    return elapsed, int(kilobytes[-1]) / 1024


def measure(command, runs, before=None, cwd=None, limit=None, warm_up=True):
    """Median wall time and largest peak memory over `runs` runs after a warm-up; `before` runs untimed each time.

    Every run starts once the disk has written what earlier runs left in the page cache (`sync`, untimed): a
    full build writes 200 MB, and a run that meets their write-back measures the previous one."""
    if warm_up:
        if before:
            before()
        os.sync()
        run(command, cwd, limit)
    times, memories = [], []
    for _ in range(runs):
        if before:
            before()
        os.sync()
        elapsed, memory = run(command, cwd, limit)
        times.append(elapsed)
        memories.append(memory)
    return statistics.median(times), max(memories)


def measure_after_edit(build, corpus: pathlib.Path, runs: int):
    """The build after one edit: alternately adds and removes a sentence in one body, so that every run has a real
    change; the file is left as it was."""
    edited = corpus / "content" / "achat-000001.md"
    original = edited.read_text(encoding="utf-8")
    state = {"flip": False}

    def edit_one():
        state["flip"] = not state["flip"]
        edited.write_text(original + ("\nUne phrase ajoutée.\n" if state["flip"] else ""), encoding="utf-8")

    try:
        return measure(build, runs, before=edit_one)
    finally:
        edited.write_text(original, encoding="utf-8")


def prepare(size):
    corpus = OUT / f"corpus-{size}"
    if not (corpus / "content").exists():
        subprocess.run([sys.executable, str(HERE / "generate_corpus.py"), str(corpus), str(size)], check=True)
    hugo = OUT / f"hugo-{size}"
    if not (hugo / "content" / "fiches").exists():
        shutil.copytree(HERE / "hugo", hugo, dirs_exist_ok=True)
        shutil.copytree(corpus / "content", hugo / "content" / "fiches")
    return corpus, hugo


def write_decp(path: pathlib.Path, megabytes: int) -> None:
    """A DECP v2 file of about `megabytes`, written record by record: contracts of made-up buyers."""
    with path.open("w", encoding="utf-8") as out:
        out.write('{"marches": {"marche": [\n')
        index = 0
        while out.tell() < megabytes * 1_000_000:
            if index:
                out.write(",\n")
            out.write(json.dumps({
                "id": f"2024{index:08d}", "acheteur": {"id": f"{21000000000000 + index % 90000:014d}"},
                "nature": "Marché", "objet": f"Marché de fournitures n° {index} pour les services de la collectivité",
                "codeCPV": "39150000", "procedure": "Procédure adaptée", "techniques": ["Accord-cadre"],
                "modalitesExecution": ["Bons de commande"], "dureeMois": 24, "dateNotification": "2024-05-15",
                "datePublicationDonnees": "2024-05-25", "montant": 50000 + index % 1000 * 100, "formePrix": "Unitaire",
                "titulaires": [{"typeIdentifiant": "SIRET", "id": "55204599900869"}],
                "considerationsSociales": ["Pas de considération sociale"],
                "considerationsEnvironnementales": ["Pas de considération environnementale"],
            }, ensure_ascii=False))
            index += 1
        out.write("\n]}}\n")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--large", action="store_true", help="ajoute 100 000 fiches")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--photos", action="store_true", help="ajoute 1 000 fiches et 300 photos de téléphone, face à Hugo")
    arguments = parser.parse_args()
    sizes = arguments.sizes + ([100000] if arguments.large else [])

    rows, targets, unfinished, full_times = [], [], [], {}
    for size in sizes:
        corpus, hugo = prepare(size)
        build = [str(SHOWCASE), "build", "--project", str(corpus)]
        no_cache = lambda: shutil.rmtree(corpus / ".showcase-cache", ignore_errors=True)
        cold = lambda: (shutil.rmtree(corpus / "site", ignore_errors=True), no_cache())

        measures = {
            "showcase build (site présent, sans cache)": measure(build, arguments.runs, before=no_cache),
            "showcase build (dossier de sortie vide)": measure(build, arguments.runs, before=cold),
            "cmark seul (mêmes corps)": measure([str(CMARK_ALONE), str(corpus / "content")], arguments.runs),
            "showcase check": measure([str(SHOWCASE), "check", "--project", str(corpus)], arguments.runs),
        }
        # On 100 000 entries Hugo runs once, without warm-up, and gets ten minutes; past that it did not finish.
        large = size >= 100000
        for name, before in [("hugo (public/ présent)", None),
                             ("hugo (public/ vide)", lambda: shutil.rmtree(hugo / "public", ignore_errors=True))]:
            try:
                measures[name] = measure(["hugo", "--quiet", "--source", str(hugo)], 1 if large else arguments.runs,
                                         before=before, limit=600 if large else None, warm_up=not large)
            except TooLong:
                unfinished.append((size, name))
        run(build)  # a complete build first, so that the cache, if any, is warm
        measures["showcase build après une modification"] = measure_after_edit(build, corpus, arguments.runs)

        hugo_time, hugo_memory = measures.get("hugo (public/ présent)", (None, None))
        cmark_time = measures["cmark seul (mêmes corps)"][0]
        for name, (elapsed, memory) in measures.items():
            rows.append((size, name, elapsed, size / elapsed, memory,
                         elapsed / hugo_time if "showcase build" in name and hugo_time else None,
                         elapsed / cmark_time if "showcase" in name else None))

        full, full_memory = measures["showcase build (site présent, sans cache)"]
        cold_time = measures["showcase build (dossier de sortie vide)"][0]
        rebuild = measures["showcase build après une modification"][0]
        check = measures["showcase check"][0]
        if size == 10000:
            cold_hugo = measures["hugo (public/ vide)"][0]
            full_times[size] = full
            targets += [
                ("build complet ≥ 4× plus rapide que Hugo (site présent)", f"{hugo_time / full:.1f}×", hugo_time / full >= 4),
                ("build complet ≥ 4× plus rapide que Hugo (sortie vide)", f"{cold_hugo / cold_time:.1f}×", cold_hugo / cold_time >= 4),
                ("mémoire ≤ 1/10 de celle de Hugo", f"{full_memory:.0f} Mo / {hugo_memory:.0f} Mo", full_memory <= hugo_memory / 10),
                ("build complet ≤ 4× le temps de cmark seul", f"{full / cmark_time:.1f}×", full / cmark_time <= 4),
                ("reconstruction après une modification ≤ 1/4 de cmark seul",
                 f"{rebuild * 1000:.0f} ms / {cmark_time * 1000:.0f} ms", rebuild <= cmark_time / 4),
                ("showcase check ≤ 2× cmark seul", f"{check:.2f} s / {cmark_time:.2f} s ({check / cmark_time:.1f}×)",
                 check <= 2 * cmark_time),
            ]
        if large:
            if 10000 in full_times:
                targets.append(("100 000 fiches ≤ 11× le temps de 10 000", f"{full / full_times[10000]:.1f}×",
                                full / full_times[10000] <= 11))
            targets.append(("100 000 fiches en moins de 600 Mo de mémoire", f"{full_memory:.0f} Mo", full_memory < 600))

    if arguments.photos:
        import photos
        photo_rows, photo_targets = photos.main(arguments.runs)
        rows += [(size, name, elapsed, size / elapsed, memory, None, None) for size, name, elapsed, memory in photo_rows]
        targets += photo_targets

    # The DECP cross-check reads a national-sized file (about 200 MB) in bounded memory: compared with the same
    # check without the file, on the smallest corpus.
    corpus = OUT / f"corpus-{arguments.sizes[0]}"
    decp = OUT / "decp-200mo.json"
    if not decp.exists():
        write_decp(decp, megabytes=200)
    plain_time, plain_memory = measure([str(SHOWCASE), "check", "--project", str(corpus)], arguments.runs)
    decp_time, decp_memory = measure([str(SHOWCASE), "check", "--project", str(corpus), "--decp", str(decp)], arguments.runs)
    size = arguments.sizes[0]
    rows.append((size, "showcase check", plain_time, size / plain_time, plain_memory, None, None))
    rows.append((size, f"showcase check --decp ({decp.stat().st_size / 1e6:.0f} Mo)", decp_time, size / decp_time, decp_memory, None, None))
    targets.append(("check --decp d'un fichier de 200 Mo en mémoire bornée (≤ check + 64 Mo)",
                    f"{decp_memory:.0f} Mo / {plain_memory:.0f} Mo", decp_memory <= plain_memory + 64))

    print()
    print(f"{'fiches':>7}  {'mesure':<44} {'médiane':>9} {'fiches/s':>9} {'mémoire':>9} {'÷ Hugo':>7} {'÷ cmark':>8}")
    for size, name, elapsed, rate, memory, vs_hugo, vs_cmark in rows:
        print(f"{size:>7}  {name:<44} {elapsed:>8.3f}s {rate:>9.0f} {memory:>7.0f}Mo "
              f"{(f'{vs_hugo:.2f}' if vs_hugo is not None else ''):>7} {(f'{vs_cmark:.2f}' if vs_cmark is not None else ''):>8}")
    for size, name in unfinished:
        print(f"{size:>7}  {name:<44} pas fini en 10 minutes")
    if targets:
        print("\nObjectifs (10 000 fiches, médianes de la même exécution) :")
        for label, value, met in targets:
            print(f"  {'✓' if met else '✗'} {label} : {value}")


if __name__ == "__main__":
    main()
