import ShowcaseFoundation
import ShowcaseImages
import ShowcaseContent
import ShowcaseTemplates

// The names templates use for the page models. Each model answers `value(for:)` directly, switching on keys
// resolved when the template was read (`TemplateKey`, which lists every name): the one place where what each
// name means is defined. Keep this file, `TemplateKey` and the README's "Contexte des gabarits" section in step.

extension SiteView: TemplateObject {
    package func value(for key: TemplateKey) -> TemplateValue {
        switch key {
        case .titre: return .text(title)
        case .description: return .optional(description)
        case .base_url: return .text(baseURL)
        case .generateur: return .text(generator)
        default: return .missing
        }
    }
}

extension PageView: TemplateObject {
    package func value(for key: TemplateKey) -> TemplateValue {
        switch key {
        case .site: return .object(site)
        case .titre: return .text(title)
        case .description: return .optional(description)
        case .racine: return .text(root)
        case .chemin: return .text(path)
        case .url_canonique: return .text(canonicalURL)
        case .est_accueil: return .flag(section == .home)
        case .est_fiche: return .flag(section == .entry)
        case .est_comparer: return .flag(section == .compare)
        case .est_themes: return .flag(section == .themes || section == .taxonomy)
        case .est_recherche: return .flag(section == .search)
        case .fiche: return .optional(entry)
        case .fiches: return .list(entries)
        case .nombre_fiches: return .number(entries.count)
        case .ensemble: return .optional(overview)
        case .programmes: return .list(programmeGroups)
        case .themes: return .list(taxonomies)
        case .terme: return .optional(term)
        case .comparaison: return .optional(comparison)
        case .graphiques: return .list(charts)
        case .mise_a_jour: return .text(updated)
        case .adresses: return .texts(pageURLs)
        case .pagination: return .optional(pagination)
        case .jury: return jury.map { .object($0) } ?? .missing
        case .partage: return shareImage.map { .object($0) } ?? .missing
        default: return .missing
        }
    }
}

extension ShareImageView: TemplateObject {
    package func value(for key: TemplateKey) -> TemplateValue {
        switch key {
        case .url: return .text(url)
        case .alt: return .text(alt)
        case .largeur: return width.map { .number($0) } ?? .missing
        case .hauteur: return height.map { .number($0) } ?? .missing
        default: return .missing
        }
    }
}

extension JuryView: TemplateObject {
    package func value(for key: TemplateKey) -> TemplateValue {
        switch key {
        case .programme: return .text(programme)
        case .edition: return .number(edition)
        case .criteres: return .list(criteria)
        case .source_criteres: return .optional(criteriaSource)
        case .organisateur: return .optional(organiser)
        case .chemin_edition: return .text(editionPath)
        case .categorie: return .optional(category)
        case .dossiers: return .list(dossiers)
        case .chemin_criteres: return .optional(matrixPath)
        default: return .missing
        }
    }
}

extension AwardCriterion: TemplateObject {
    package func value(for key: TemplateKey) -> TemplateValue {
        switch key {
        case .id: return .text(id)
        case .titre: return .text(title)
        case .question: return .text(question)
        default: return .missing
        }
    }
}

extension DossierLink: TemplateObject {
    package func value(for key: TemplateKey) -> TemplateValue {
        switch key {
        case .categorie: return .text(category)
        case .chemin: return .text(path)
        case .nombre_fiches: return .number(count)
        default: return .missing
        }
    }
}

extension GroupView: TemplateObject {
    package func value(for key: TemplateKey) -> TemplateValue {
        switch key {
        case .titre: return .text(title)
        case .nombre_fiches: return .number(count)
        case .nombre_laureats: return .number(winners)
        case .resume: return .text(summary)
        case .totaux: return .list(totals)
        default: return .missing
        }
    }
}

extension TotalView: TemplateObject {
    package func value(for key: TemplateKey) -> TemplateValue {
        switch key {
        case .id: return .text(id)
        case .libelle: return .text(label)
        case .valeur: return .text(value)
        case .valeur_brute: return .text(rawValue)
        case .renseignes: return .number(reporting)
        case .sur: return .number(groupSize)
        case .phrase: return .text(sentence)
        case .couverture: return .text(coverage)
        default: return .missing
        }
    }
}

extension EntryView: TemplateObject {
    package func value(for key: TemplateKey) -> TemplateValue {
        switch key {
        case .slug: return .text(slug)
        case .est_brouillon: return .flag(isDraft)
        case .chemin: return .text(path)
        case .url_absolue: return .text(absoluteURL)
        case .titre: return .text(title)
        case .titre_court: return .text(shortTitle)
        case .mise_a_jour: return .text(updated)
        case .images: return .list(images)
        case .json_ld: return .text(jsonLD)
        case .resume: return .text(summary)
        case .lieu: return .optional(place)
        case .territoire: return .optional(territory)
        case .porteur: return .object(buyer)
        case .partenaires: return .list(partners)
        case .mecanismes: return .list(mechanisms)
        case .considerations_sociales: return .texts(socialConsiderations)
        case .considerations_environnementales: return .texts(environmentalConsiderations)
        case .contrat: return .optional(contract)
        case .dates: return .list(dates)
        case .prix: return .optional(award)
        case .chiffres: return .list(figures)
        case .indicateurs: return .list(derived)
        case .indicateurs_non_calcules: return .list(notComputed)
        case .sources: return .list(sources)
        case .corps_html: return .text(bodyHTML)
        case .preuves: return .list(evidence)
        case .prefixe: return .text(idPrefix)
        case .decp: return .optional(decpURL)
        default: return .missing
        }
    }
}

extension EvidenceView: TemplateObject {
    package func value(for key: TemplateKey) -> TemplateValue {
        switch key {
        case .critere: return .text(criterionID)
        case .titre: return .text(title)
        case .question: return .text(question)
        case .texte: return .optional(text)
        case .elements: return .list(items)
        case .manquante: return .flag(isMissing)
        default: return .missing
        }
    }
}

extension EvidenceItemView: TemplateObject {
    package func value(for key: TemplateKey) -> TemplateValue {
        switch key {
        case .type: return .text(kind.rawValue)
        case .type_libelle: return .text(kindLabel)
        case .libelle: return .text(label)
        case .ancre: return .text(target)
        default: return .missing
        }
    }
}

extension BuyerView: TemplateObject {
    package func value(for key: TemplateKey) -> TemplateValue {
        switch key {
        case .nom: return .text(name)
        case .nomme: return .flag(isNamed)
        case .type: return .optional(kind)
        case .departement: return .optional(departement)
        case .departement_code: return .optional(departementCode)
        case .siret: return .optional(siret)
        default: return .missing
        }
    }
}

extension PartnerView: TemplateObject {
    package func value(for key: TemplateKey) -> TemplateValue {
        switch key {
        case .nom: return .text(name)
        case .type: return .text(kind)
        case .type_libelle: return .text(kindLabel)
        case .role: return .optional(role)
        default: return .missing
        }
    }
}

extension MechanismView: TemplateObject {
    package func value(for key: TemplateKey) -> TemplateValue {
        switch key {
        case .id: return .text(id)
        case .article: return .text(article)
        case .titre: return .text(title)
        case .explication: return .text(explanation)
        case .lien: return .text(link)
        default: return .missing
        }
    }
}

extension ContractView: TemplateObject {
    package func value(for key: TemplateKey) -> TemplateValue {
        switch key {
        case .nature: return .optional(nature)
        case .procedure: return .optional(procedure)
        case .technique: return .optional(technique)
        case .execution: return .optional(execution)
        case .objet: return .optional(object)
        case .lot: return .optional(lot)
        case .cpv: return .optional(cpv)
        case .lots: return .list(lots)
        default: return .missing
        }
    }
}

extension LotView: TemplateObject {
    package func value(for key: TemplateKey) -> TemplateValue {
        switch key {
        case .numero: return .optional(number)
        case .objet: return .text(object)
        case .montant: return .optional(amount)
        case .mecanisme: return .optional(mechanism)
        case .titulaire: return .optional(holder)
        default: return .missing
        }
    }
}

extension DateView: TemplateObject {
    package func value(for key: TemplateKey) -> TemplateValue {
        switch key {
        case .type: return .text(kind)
        case .libelle: return .text(label)
        case .iso: return .text(iso)
        case .texte: return .text(text)
        case .source: return .optional(source)
        default: return .missing
        }
    }
}

extension AwardView: TemplateObject {
    package func value(for key: TemplateKey) -> TemplateValue {
        switch key {
        case .programme: return .text(programme)
        case .programme_url: return .optional(programmeURL)
        case .organisateur: return .optional(organiser)
        case .edition: return .number(edition)
        case .categorie: return .optional(category)
        case .statut: return .text(status)
        case .statut_libelle: return .text(statusLabel)
        case .laureat: return .flag(isWinner)
        default: return .missing
        }
    }
}

extension FigureView: TemplateObject {
    package func value(for key: TemplateKey) -> TemplateValue {
        switch key {
        case .id: return .text(id)
        case .libelle: return .text(label)
        case .valeur: return .text(value)
        case .valeur_brute: return .text(rawValue)
        case .precision: return .optional(detail)
        case .definition: return .text(definition)
        case .note: return .optional(note)
        case .citation: return .optional(quote)
        case .page: return .optional(page)
        case .source: return .object(source)
        default: return .missing
        }
    }
}

extension DerivedView: TemplateObject {
    package func value(for key: TemplateKey) -> TemplateValue {
        switch key {
        case .id: return .text(id)
        case .libelle: return .text(label)
        case .valeur: return .text(value)
        case .valeur_brute: return .text(rawValue)
        case .calcul: return .text(equation)
        case .definition: return .text(definition)
        default: return .missing
        }
    }
}

extension NotComputedView: TemplateObject {
    package func value(for key: TemplateKey) -> TemplateValue {
        switch key {
        case .id: return .text(id)
        case .libelle: return .text(label)
        case .raison: return .text(reason)
        default: return .missing
        }
    }
}

extension SourceView: TemplateObject {
    package func value(for key: TemplateKey) -> TemplateValue {
        switch key {
        case .numero: return .number(number)
        case .ancre: return .text(anchor)
        case .titre: return .text(title)
        case .editeur: return .text(publisher)
        case .date: return .optional(date)
        case .url: return .optional(url)
        default: return .missing
        }
    }
}

extension TaxonomyView: TemplateObject {
    package func value(for key: TemplateKey) -> TemplateValue {
        switch key {
        case .id: return .text(id)
        case .titre: return .text(title)
        case .termes: return .list(terms)
        default: return .missing
        }
    }
}

extension TermView: TemplateObject {
    package func value(for key: TemplateKey) -> TemplateValue {
        switch key {
        case .taxonomie: return .text(taxonomy)
        case .libelle: return .text(label)
        case .chemin: return .text(path)
        case .nombre: return .number(count)
        case .description: return .optional(description)
        case .lien: return .optional(link)
        default: return .missing
        }
    }
}

extension ImageView: TemplateObject {
    package func value(for key: TemplateKey) -> TemplateValue {
        switch key {
        case .chemin: return .text(path)
        case .alt: return .text(alt)
        case .largeur: return .number(width)
        case .hauteur: return .number(height)
        case .legende: return .optional(caption)
        case .credit: return .optional(credit)
        case .variantes_webp: return .list(webp)
        case .variantes_jpeg: return .list(jpeg)
        default: return .missing
        }
    }
}

/// One published file of a photo, for `srcset`.
extension PublishedPhoto: TemplateObject {
    package func value(for key: TemplateKey) -> TemplateValue {
        switch key {
        case .chemin: return .text(path)
        case .largeur: return .number(width)
        case .hauteur: return .number(height)
        default: return .missing
        }
    }
}

extension ComparisonView: TemplateObject {
    package func value(for key: TemplateKey) -> TemplateValue {
        switch key {
        case .colonnes: return .list(columns)
        case .lignes: return .list(rows)
        case .filtres: return .list(filters)
        default: return .missing
        }
    }
}

extension ColumnView: TemplateObject {
    package func value(for key: TemplateKey) -> TemplateValue {
        switch key {
        case .id: return .text(id)
        case .libelle: return .text(label)
        case .unite: return .text(unit)
        case .definition: return .text(definition)
        default: return .missing
        }
    }
}

extension RowView: TemplateObject {
    package func value(for key: TemplateKey) -> TemplateValue {
        switch key {
        case .fiche: return .object(entry)
        case .cellules: return .list(cells)
        case .cles: return .text(filterKeys)
        default: return .missing
        }
    }
}

extension CellView: TemplateObject {
    package func value(for key: TemplateKey) -> TemplateValue {
        switch key {
        case .valeur: return .text(value)
        case .valeur_brute: return .text(rawValue)
        case .connu: return .flag(isKnown)
        case .raison: return .optional(reason)
        default: return .missing
        }
    }
}

extension FilterView: TemplateObject {
    package func value(for key: TemplateKey) -> TemplateValue {
        switch key {
        case .id: return .text(id)
        case .libelle: return .text(label)
        case .options: return .list(options)
        default: return .missing
        }
    }
}

extension FilterOption: TemplateObject {
    package func value(for name: TemplateKey) -> TemplateValue {
        switch name {
        case .cle: return .text(key)
        case .libelle: return .text(label)
        default: return .missing
        }
    }
}

extension ChartView: TemplateObject {
    package func value(for key: TemplateKey) -> TemplateValue {
        switch key {
        case .id: return .text(id)
        case .titre: return .text(title)
        case .description: return .text(description)
        case .largeur: return .number(width)
        case .hauteur: return .number(height)
        case .categorie: return .text(category)
        case .barres: return .list(bars)
        case .absents: return .optional(missing)
        default: return .missing
        }
    }
}

extension BarView: TemplateObject {
    package func value(for key: TemplateKey) -> TemplateValue {
        switch key {
        case .libelle: return .text(label)
        case .valeur: return .text(value)
        case .y: return .number(y)
        case .largeur: return .number(barWidth)
        case .hauteur: return .number(barHeight)
        case .y_texte: return .number(textY)
        case .x_valeur: return .number(valueX)
        case .y_valeur: return .number(valueY)
        default: return .missing
        }
    }
}

extension PaginationView: TemplateObject {
    package func value(for key: TemplateKey) -> TemplateValue {
        switch key {
        case .courante: return .number(current)
        case .total: return .number(total)
        case .pages: return .list(pages)
        case .precedente: return .optional(previous)
        case .suivante: return .optional(next)
        default: return .missing
        }
    }
}

extension PageLinkView: TemplateObject {
    package func value(for key: TemplateKey) -> TemplateValue {
        switch key {
        case .numero: return .number(number)
        case .chemin: return .text(path)
        case .courante: return .flag(isCurrent)
        case .ecart: return .flag(followsGap)
        default: return .missing
        }
    }
}
