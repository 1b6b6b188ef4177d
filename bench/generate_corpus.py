"""Generates N realistic case studies that pass showcase's schema, deterministically from a seed.

Each file has ~15 front-matter fields (buyer, partners, legal mechanisms, contract, dates, award, figures with
their sources) and a ~3 KB French body with headings, lists, links and emphasis. The corpus is fiction for
measuring speed only: never publish it.

Usage: python3 generate_corpus.py FOLDER COUNT [SEED]
Writes FOLDER/content/*.md and copies the project's showcase.yaml, indicateurs.yaml and templates/ beside them.
"""
import pathlib
import random
import shutil
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent

MECHANISMS = {
    "reserve-handicap": ["EA", "ESAT", "EATT"],
    "reserve-insertion": ["EI", "ACI", "ETTI", "AI", "SIAE"],
    "reserve-penitentiaire": ["SEP"],
    "reserve-ess": ["ESS"],
    "clause-sociale": ["entreprise"],
    "critere-social": ["entreprise"],
}
DEPARTEMENTS = [f"{n:02d}" for n in range(1, 96) if n != 20] + ["2A", "2B", "971", "972", "973", "974", "976"]
BUYERS = ["departement", "region", "commune", "intercommunalite", "etablissement-public"]
PROGRAMMES = {
    "trophees-commande-publique": ["Achat exemplaire", "Clauses sociales", "Politique achat responsable",
                                   "Prix de la Communauté des acheteurs", "Coup de cœur"],
    "trophees-idealco": ["Collaboratif", "Performant", "Inspirant"],
}
STATUSES = ["candidat", "finaliste", "laureat"]
AWARD_EVERY = 20
OBJECTS = ["Casiers et vestiaires des collèges", "Entretien des espaces verts", "Nettoyage des locaux",
           "Reliure et protection des livres", "Électroménager reconditionné", "Mobilier scolaire",
           "Restauration collective", "Travaux de voirie", "Numérisation d'archives", "Blanchisserie"]
WORDS = ("achat public insertion emploi parcours structure territoire collège atelier formation métier clause "
         "heures réemploi durable acheteur service marché lot consultation sourcing partenaire accompagnement "
         "qualité délai livraison bilan jury département commune région chantier salarié compétence").split()


def sentence(rng: random.Random, words: int) -> str:
    text = " ".join(rng.choice(WORDS) for _ in range(words))
    return text[0].upper() + text[1:] + "."


def body(rng: random.Random) -> str:
    parts = []
    for heading in ("Le besoin", "La démarche", "Les résultats", "Ce que nous en retenons"):
        parts.append(f"## {heading}\n")
        paragraph = " ".join(sentence(rng, rng.randint(10, 18)) for _ in range(4))
        parts.append(paragraph.replace(" heures ", " *heures* ", 1).replace(" marché ", " **marché** ", 1) + "\n")
        parts.append("\n".join(f"- {sentence(rng, rng.randint(5, 9))}" for _ in range(3)) + "\n")
        parts.append(f"Voir aussi [le rapport](https://exemple.fr/rapport-{rng.randint(1, 999)}) et "
                     f"[la délibération](https://exemple.fr/deliberation-{rng.randint(1, 999)}).\n")
    return "\n".join(parts)


def case_study(rng: random.Random, index: int) -> str:
    mechanism = rng.choice(list(MECHANISMS))
    partner_kind = rng.choice(MECHANISMS[mechanism])
    programme = rng.choice(list(PROGRAMMES))
    edition = rng.randint(2019, 2025)
    year = edition - 1
    people = rng.randint(2, 60)
    rsa = rng.randint(0, people)
    hours = rng.randint(people * 200, people * 1500)
    amount = rng.randint(50, 20_000) * 1000
    lines = [
        "---",
        f'titre: "Achat responsable n° {index} : {rng.choice(OBJECTS).lower()}"',
        f'titre_court: "Achat n° {index}"',
        f"resume: {sentence(rng, 22)}",
        f"mise_a_jour: {edition}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
        f"lieu: Commune {rng.randint(1, 500)}",
        "porteur:",
        f"  nom: Acheteur public {rng.randint(1, 300)}",
        f"  type: {rng.choice(BUYERS)}",
        f'  departement: "{rng.choice(DEPARTEMENTS)}"',
        "partenaires:",
        f"  - nom: Structure {rng.randint(1, 900)}",
        f"    type: {partner_kind}",
        "    role: titulaire",
        "mecanismes:",
        f"  - {mechanism}",
        "contrat:",
        f"  nature: {rng.choice(['travaux', 'fournitures', 'services'])}",
        "  technique: accord-cadre",
        "  execution: bons-de-commande",
        f"  objet: {rng.choice(OBJECTS)}",
        "dates:",
        f"  lancement_consultation: {year}-0{rng.randint(1, 4)}",
        f"  attribution: {year}-0{rng.randint(5, 8)}",
        f"  premiere_livraison: {year}-{rng.randint(10, 12)}-{rng.randint(1, 28):02d}",
    ]
    # One entry in twenty is entered for an award, as on a real site (the Trophées received 64 entries in 2025
    # from all of France): juries' matrices and dossiers then hold tens of entries, not thousands.
    category, status = rng.choice(PROGRAMMES[programme]), rng.choice(STATUSES)
    if index % AWARD_EVERY == 0:
        lines += [
            "prix:",
            f"  programme: {programme}",
            f"  edition: {edition}",
            f"  categorie: {category}",
            f"  statut: {status}",
        ]
        if programme == "trophees-commande-publique":
            lines += [
                "  preuves:",
                "    resultats: { chiffres: [heures_insertion, personnes_embauchees], sections: [les-resultats] }",
                "    reproductibilite: { sections: [ce-que-nous-en-retenons] }",
                "    innovation: { sections: [la-demarche] }",
                "    pilotage: { sources: [bilan] }",
            ]
    lines += [
        "chiffres:",
        "  montant_euros:",
        f"    valeur: {amount}",
        "    source: bilan",
        "  heures_insertion:",
        f"    valeur: {hours}",
        "    source: bilan",
        "  personnes_embauchees:",
        f"    valeur: {people}",
        "    source: bilan",
        "  beneficiaires_rsa:",
        f"    valeur: {rsa}",
        "    source: bilan",
        "sources:",
        "  - id: bilan",
        f'    titre: "Bilan de l\'achat n° {index}"',
        f"    editeur: Acheteur public {rng.randint(1, 300)}",
        f"    date: {edition}-0{rng.randint(1, 9)}",
        f"    url: https://exemple.fr/bilan-{index}",
        "---",
        "",
    ]
    return "\n".join(lines) + body(rng)


def main(folder: pathlib.Path, count: int, seed: int) -> None:
    rng = random.Random(seed)
    content = folder / "content"
    content.mkdir(parents=True, exist_ok=True)
    for index in range(1, count + 1):
        (content / f"achat-{index:06d}.md").write_text(case_study(rng, index), encoding="utf-8")
    for name in ("showcase.yaml", "indicateurs.yaml"):
        shutil.copyfile(ROOT / name, folder / name)
    shutil.copytree(ROOT / "templates", folder / "templates", dirs_exist_ok=True)


if __name__ == "__main__":
    main(pathlib.Path(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]) if len(sys.argv) > 3 else 47)
