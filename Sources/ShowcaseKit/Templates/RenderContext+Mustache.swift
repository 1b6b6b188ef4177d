import Mustache

// The names templates use for the page models, without reflection: each model answers `child(named:)` directly,
// which is both faster than Mirror and the one place where the template vocabulary is defined.
// Keep this file and the README's "Contexte des gabarits" section in step.

extension SiteView: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "titre": return title
        case "description": return description.isEmpty ? nil : description
        case "base_url": return baseURL
        default: return nil
        }
    }
}

extension PageView: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "site": return site
        case "titre": return title
        case "description": return description.isEmpty ? nil : description
        case "racine": return root
        case "chemin": return path
        case "url_canonique": return canonicalURL
        case "est_accueil": return section == .home
        case "est_fiche": return section == .entry
        case "est_comparer": return section == .compare
        case "est_themes": return section == .themes || section == .taxonomy
        case "est_recherche": return section == .search
        case "fiche": return entry
        case "fiches": return entries
        case "nombre_fiches": return entries.count
        case "ensemble": return overview
        case "programmes": return programmeGroups
        case "themes": return taxonomies
        case "terme": return term
        case "comparaison": return comparison
        case "graphiques": return charts
        case "mise_a_jour": return updated
        case "adresses": return pageURLs
        default: return nil
        }
    }
}

extension GroupView: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "titre": return title
        case "nombre_fiches": return count
        case "nombre_laureats": return winners
        case "resume": return summary
        case "totaux": return totals
        default: return nil
        }
    }
}

extension TotalView: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "id": return id
        case "libelle": return label
        case "valeur": return value
        case "valeur_brute": return rawValue
        case "renseignes": return reporting
        case "sur": return groupSize
        case "phrase": return sentence
        case "couverture": return coverage
        default: return nil
        }
    }
}

extension EntryView: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "slug": return slug
        case "chemin": return path
        case "url_absolue": return absoluteURL
        case "titre": return title
        case "titre_court": return shortTitle
        case "mise_a_jour": return updated
        case "images": return images
        case "json_ld": return jsonLD
        case "resume": return summary
        case "lieu": return place
        case "porteur": return buyer
        case "partenaires": return partners
        case "mecanismes": return mechanisms
        case "considerations_sociales": return socialConsiderations
        case "considerations_environnementales": return environmentalConsiderations
        case "contrat": return contract
        case "dates": return dates
        case "prix": return award
        case "chiffres": return figures
        case "indicateurs": return derived
        case "indicateurs_non_calcules": return notComputed
        case "sources": return sources
        case "corps_html": return bodyHTML
        default: return nil
        }
    }
}

extension BuyerView: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "nom": return self.name
        case "nomme": return isNamed
        case "type": return kind
        case "departement": return departement
        case "departement_code": return departementCode
        case "siret": return siret
        default: return nil
        }
    }
}

extension PartnerView: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "nom": return self.name
        case "type": return kind
        case "type_libelle": return kindLabel
        case "role": return role
        default: return nil
        }
    }
}

extension MechanismView: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "id": return id
        case "article": return article
        case "titre": return title
        case "explication": return explanation
        case "lien": return link
        default: return nil
        }
    }
}

extension ContractView: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "nature": return nature
        case "technique": return technique
        case "execution": return execution
        case "objet": return object
        case "lot": return lot
        case "cpv": return cpv
        default: return nil
        }
    }
}

extension DateView: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "type": return kind
        case "libelle": return label
        case "iso": return iso
        case "texte": return text
        case "source": return source
        default: return nil
        }
    }
}

extension AwardView: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "programme": return programme
        case "programme_url": return programmeURL
        case "organisateur": return organiser
        case "edition": return edition
        case "categorie": return category
        case "statut": return status
        case "statut_libelle": return statusLabel
        case "laureat": return isWinner
        default: return nil
        }
    }
}

extension FigureView: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "id": return id
        case "libelle": return label
        case "valeur": return value
        case "valeur_brute": return rawValue
        case "definition": return definition
        case "note": return note
        case "citation": return quote
        case "page": return page
        case "source": return source
        default: return nil
        }
    }
}

extension DerivedView: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "id": return id
        case "libelle": return label
        case "valeur": return value
        case "valeur_brute": return rawValue
        case "calcul": return equation
        case "definition": return definition
        default: return nil
        }
    }
}

extension NotComputedView: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "id": return id
        case "libelle": return label
        case "raison": return reason
        default: return nil
        }
    }
}

extension SourceView: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "numero": return number
        case "ancre": return anchor
        case "titre": return title
        case "editeur": return publisher
        case "date": return date
        case "url": return url
        default: return nil
        }
    }
}

extension TaxonomyView: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "id": return id
        case "titre": return title
        case "termes": return terms
        default: return nil
        }
    }
}

extension TermView: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "taxonomie": return taxonomy
        case "libelle": return label
        case "chemin": return path
        case "nombre": return count
        case "description": return description
        case "lien": return link
        default: return nil
        }
    }
}

extension ImageView: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "chemin": return path
        case "alt": return alt
        case "largeur": return width
        case "hauteur": return height
        case "legende": return caption
        case "credit": return credit
        default: return nil
        }
    }
}

extension ComparisonView: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "colonnes": return columns
        case "lignes": return rows
        case "filtres": return filters
        default: return nil
        }
    }
}

extension ColumnView: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "id": return id
        case "libelle": return label
        case "unite": return unit
        case "definition": return definition
        default: return nil
        }
    }
}

extension RowView: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "fiche": return entry
        case "cellules": return cells
        case "cles": return filterKeys
        default: return nil
        }
    }
}

extension CellView: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "valeur": return value
        case "valeur_brute": return rawValue
        case "connu": return isKnown
        case "raison": return reason
        default: return nil
        }
    }
}

extension FilterView: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "id": return id
        case "libelle": return label
        case "options": return options
        default: return nil
        }
    }
}

extension FilterOption: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "cle": return key
        case "libelle": return label
        default: return nil
        }
    }
}

extension ChartView: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "id": return id
        case "titre": return title
        case "description": return description
        case "largeur": return width
        case "hauteur": return height
        case "categorie": return category
        case "barres": return bars
        case "absents": return missing
        default: return nil
        }
    }
}

extension BarView: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "libelle": return label
        case "valeur": return value
        case "y": return y
        case "largeur": return barWidth
        case "y_texte": return textY
        case "x_valeur": return valueX
        case "y_valeur": return valueY
        case "hauteur": return barHeight
        default: return nil
        }
    }
}
