/// Stable identifiers of every kind of problem. CI scripts may match on them: never rename one, only add.
public enum DiagnosticCode: String, Sendable, Hashable, Codable, CaseIterable {
    // Reading files
    case invalidUTF8 = "utf8-invalide"
    case missingFrontMatter = "entete-absent"
    case unclosedFrontMatter = "entete-non-ferme"
    case yamlSyntax = "yaml-syntaxe"
    case duplicateKey = "cle-en-double"
    case invalidFileName = "nom-de-fichier-invalide"
    case fileNamesAlike = "noms-de-fichiers-confondus"
    case fileIgnored = "fichier-ignore"
    case fileTooLarge = "fichier-trop-gros"
    case controlCharacter = "caractere-de-controle"
    case directionCharacter = "caractere-de-direction"

    // Schema
    case unknownField = "champ-inconnu"
    case missingField = "champ-manquant"
    case emptyValue = "valeur-vide"
    case wrongType = "type-invalide"
    case outOfBounds = "valeur-hors-bornes"
    case invalidDate = "date-invalide"
    case unknownValue = "valeur-inconnue"
    case invalidURL = "url-invalide"
    case duplicateValue = "valeur-en-double"

    // Sources and figures
    case unknownSource = "source-inconnue"
    case derivedFigureWritten = "chiffre-calcule"
    case ownFigureLikeCatalogue = "chiffre-propre-proche-du-catalogue"
    case invalidFigureName = "nom-de-chiffre-invalide"
    case criterionWithoutEvidence = "critere-sans-preuve"
    case evidenceNotFound = "preuve-introuvable"
    case decpUnreadable = "decp-illisible"
    case decpMismatch = "decp-ecart"
    case decpRecordNotFound = "decp-marche-introuvable"

    // Cross-field rules
    case figureExceedsBound = "chiffre-superieur-a"
    case ineligiblePartner = "titulaire-non-eligible"
    case incompatibleReservations = "reservations-incompatibles"
    case datesOutOfOrder = "dates-dans-le-desordre"
    case implausibleFigure = "chiffre-peu-plausible"

    // Images
    case invalidImage = "image-invalide"
    case imageNotFound = "image-introuvable"
    case imageInBody = "image-dans-le-texte"
    case photoAdjusted = "photo-a-revoir"
    case altRepeatsName = "alt-a-revoir"

    // Body
    case rawHTMLIgnored = "html-ignore"
    case unsafeLink = "lien-non-autorise"
    case placeholderLeft = "a-completer"
    case exampleAddress = "adresse-d-exemple"

    // Catalogue, configuration and templates
    case unknownUnit = "unite-inconnue"
    case formulaSyntax = "formule-invalide"
    case formulaUnknownName = "formule-nom-inconnu"
    case formulaCycle = "formule-cycle"
    case formulaDivisionByZero = "formule-division-par-zero"
    case templateSyntax = "gabarit-invalide"
    case templateMissing = "gabarit-manquant"

    // Environment
    case linkOutsideProject = "lien-hors-projet"
    case folderNotFound = "dossier-introuvable"
    case readFailed = "lecture-impossible"
    case writeFailed = "ecriture-impossible"
    case unsafeOutputFolder = "dossier-de-sortie-refuse"
    case markerLineIgnored = "marqueur-ligne-ignoree"
    case outputBusy = "sortie-occupee"
    case previewUnavailable = "apercu-absent"
}
