#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs file-system work, turning its failure into an environment error with a French reason.
package func attempt<T>(_ work: () throws(FileSystemError) -> T) throws(EnvironmentError) -> T {
    do {
        return try work()
    } catch {
        let reading = error.operation == "lire" || error.operation == "lister"
        throw EnvironmentError(
            reading ? .readFailed : .writeFailed,
            "\(FrenchErrno.impossible(error.operation)) « \(error.path) » : \(FrenchErrno.describe(error.code))",
            help: FrenchErrno.help(error.code))
    }
}

/// The system's reasons, in French (the C library speaks the machine's locale, usually English on servers).
package enum FrenchErrno {
    /// « impossible de lire », « impossible d'écrire ».
    package static func impossible(_ operation: String) -> String {
        let elided = operation.first.map { "aeiouéèêh".contains($0) } ?? false
        return elided ? "impossible d'" + operation : "impossible de " + operation
    }

    package static func describe(_ code: Int32) -> String {
        switch code {
        case ENOENT: return "fichier ou dossier introuvable"
        case EACCES, EPERM: return "permission refusée"
        case ENOSPC: return "le disque est plein"
        case EDQUOT: return "quota de disque dépassé"
        case EROFS: return "le disque est en lecture seule"
        case ENOTDIR: return "un élément du chemin n'est pas un dossier"
        case EISDIR: return "c'est un dossier, pas un fichier"
        case ENAMETOOLONG: return "nom de fichier trop long"
        case EMFILE, ENFILE: return "trop de fichiers ouverts"
        case EEXIST: return "un fichier ou dossier de ce nom existe déjà"
        case ENOTEMPTY: return "le dossier n'est pas vide"
        case EXDEV: return "la source et la destination sont sur deux disques différents"
        case EIO: return "erreur de lecture ou d'écriture sur le disque"
        case EBUSY: return "fichier ou dossier occupé par un autre programme"
        case ELOOP: return "trop de liens symboliques en chaîne"
        case EINVAL: return "opération refusée par le système de fichiers"
        default: return "erreur du système (errno \(code))"
        }
    }

    package static func help(_ code: Int32) -> String? {
        switch code {
        case ENOSPC, EDQUOT: return "libérez de la place sur le disque puis relancez ; le site précédent est intact"
        case EACCES, EPERM: return "vérifiez les droits d'écriture sur ce dossier ; le site précédent est intact"
        case EROFS: return "choisissez un dossier de sortie sur un disque modifiable avec `--output`"
        default: return nil
        }
    }
}
