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
        case "url_canonique": return canonicalURL
        case "fiche": return entry
        case "fiches": return entries
        case "nombre_fiches": return entries.count
        case "ensemble": return overview
        case "programmes": return programmeGroups
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
        default: return nil
        }
    }
}

extension EntryView: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "slug": return slug
        case "chemin": return path
        case "titre": return title
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
