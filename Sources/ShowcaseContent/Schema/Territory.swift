import ShowcaseFoundation

/// Where a purchase applies when it is more than its buyer's département (`territoire:`): several
/// départements, a region, or the whole country.
package struct Territory: Sendable {
    package var departements: [Term] = []
    package var region: Term?
    package var isNational = false

    /// « Landes (40), Pyrénées-Atlantiques (64) », « Nouvelle-Aquitaine », « France entière ».
    package var words: String {
        var parts = departements.map { Departements.displayName($0.id) }
        if let region { parts.append(region.label) }
        if isNational { parts.append("France entière") }
        return parts.joined(separator: ", ")
    }

    /// The eighteen regions, by the ids writers use.
    package static let regions = Vocabulary(name: "une région connue", terms: [
        Term("auvergne-rhone-alpes", "Auvergne-Rhône-Alpes"), Term("bourgogne-franche-comte", "Bourgogne-Franche-Comté"),
        Term("bretagne", "Bretagne"), Term("centre-val-de-loire", "Centre-Val de Loire"), Term("corse", "Corse"),
        Term("grand-est", "Grand Est"), Term("hauts-de-france", "Hauts-de-France"), Term("ile-de-france", "Île-de-France"),
        Term("normandie", "Normandie"), Term("nouvelle-aquitaine", "Nouvelle-Aquitaine"), Term("occitanie", "Occitanie"),
        Term("pays-de-la-loire", "Pays de la Loire"), Term("provence-alpes-cote-d-azur", "Provence-Alpes-Côte d'Azur"),
        Term("guadeloupe", "Guadeloupe"), Term("martinique", "Martinique"), Term("guyane", "Guyane"),
        Term("la-reunion", "La Réunion"), Term("mayotte", "Mayotte"),
    ])
}
