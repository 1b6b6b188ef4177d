"""Checks the open data of a built site as its users will read it.

1. indicateurs.json validates against indicateurs.schema.json (JSON Schema 2020-12).
2. indicateurs.csv, opened by LibreOffice with a French locale and saved back with an English one, keeps its
   columns, and every figure comes back as the same number as in the JSON: the spreadsheet read it as a number.

Usage: python3 open_data.py SITE_FOLDER
"""
import csv
import json
import pathlib
import subprocess
import sys
import tempfile

import jsonschema


def main(site: pathlib.Path) -> int:
    data_folder = site / "donnees"
    schema = json.loads((data_folder / "indicateurs.schema.json").read_text(encoding="utf-8"))
    document = json.loads((data_folder / "indicateurs.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.Draft202012Validator(schema).validate(document)
    print(f"JSON : {len(document['fiches'])} fiches conformes au schéma")

    raw = (data_folder / "indicateurs.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "le CSV doit commencer par la marque d'ordre UTF-8"
    header = next(csv.reader([raw.decode("utf-8-sig").split("\r\n", 1)[0]], delimiter=";"))

    with tempfile.TemporaryDirectory() as work:
        work = pathlib.Path(work)
        soffice = ["soffice", "--headless", f"-env:UserInstallation=file://{work}/profil"]
        subprocess.run(soffice + ["--infilter=CSV:59,34,76,1,,1036", "--convert-to", "ods", "--outdir", str(work),
                                  str(data_folder / "indicateurs.csv")], check=True, capture_output=True)
        subprocess.run(soffice + ["--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1,,1033", "--outdir",
                                  str(work / "retour"), str(work / "indicateurs.ods")], check=True, capture_output=True)
        rows = list(csv.DictReader((work / "retour" / "indicateurs.csv").open(encoding="utf-8"), delimiter=","))

    assert list(rows[0].keys()) == header, "LibreOffice n'a pas retrouvé les mêmes colonnes"
    assert len(rows) == len(document["fiches"]), "LibreOffice n'a pas retrouvé une ligne par fiche"
    checked = 0
    for row, entry in zip(rows, document["fiches"]):
        assert row["identifiant"] == entry["identifiant"]
        figures = {**entry["chiffres"], **entry["indicateurs_calcules"]}
        for name, figure in figures.items():
            assert float(row[name]) == float(figure["valeur"]), f"{entry['identifiant']}.{name} : {row[name]!r}"
            checked += 1
    print(f"CSV : {len(header)} colonnes, {len(rows)} lignes, {checked} chiffres relus comme nombres par LibreOffice")
    return 0


if __name__ == "__main__":
    sys.exit(main(pathlib.Path(sys.argv[1])))
