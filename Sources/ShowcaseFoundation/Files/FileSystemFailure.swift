#if canImport(Glibc)
import Glibc
#endif

/// Runs file-system work, turning its failure into an environment error with a French reason.
package func attempt<T>(_ work: () throws(FileSystemError) -> T) throws(EnvironmentError) -> T {
    do {
        return try work()
    } catch {
        let reading = error.operation == "lire" || error.operation == "lister"
        throw EnvironmentError(
            reading ? .readFailed : .writeFailed,
            "impossible de \(error.operation) « \(error.path) » : \(FrenchErrno.describe(error.code))",
            help: FrenchErrno.help(error.code))
    }
}

/// The system's reasons, in French (the C library speaks the machine's locale, usually English on servers).
package enum FrenchErrno {
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
        default: return String(cString: strerror(code))
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
