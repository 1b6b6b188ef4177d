import Foundation
import ShowcaseFoundation

/// One contract of a DECP v2 file, with the fields a case study can be checked against.
package struct DECPRecord: Sendable, Equatable {
    package var id: String
    package var buyerSIRET: String
    package var amount: Double?
    package var cpv: String?
    package var notification: String?
    package var procedure: String?
    package var social: [String] = []
    package var environmental: [String] = []

    package var uid: String { buyerSIRET + id }
}

/// Reads the contracts of a DECP v2 JSON file (`{"marches": {"marche": [ … ]}}`, or a bare array of contracts)
/// without holding the file: the national consolidated file weighs hundreds of megabytes. The bytes are scanned
/// as they are read; each contract is cut out, and parsed only when its `id` is one asked for.
package struct DECPFile {
    /// A contract longer than this is not a contract: the file is refused rather than held in memory.
    static let maximumRecordSize = 4 << 20
    static let chunkSize = 1 << 20

    let path: String

    package init(path: String) {
        self.path = path
    }

    /// The contracts whose `id` is in `ids`, by uid (buyer's SIRET and id).
    package func records(ids: Set<String>) throws(EnvironmentError) -> [String: DECPRecord] {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw EnvironmentError(.readFailed, "impossible de lire le fichier DECP « \(path) »",
                                   help: "vérifiez le chemin ; les fichiers consolidés se téléchargent sur data.gouv.fr (données essentielles de la commande publique)")
        }
        defer { try? handle.close() }
        var scanner = Scanner(ids: ids)
        while true {
            let chunk: Data
            do {
                chunk = try handle.read(upToCount: Self.chunkSize) ?? Data()
            } catch {
                throw EnvironmentError(.readFailed, "la lecture du fichier DECP « \(path) » a échoué",
                                       help: "vérifiez que le fichier est entier et lisible")
            }
            if chunk.isEmpty { break }
            var failure: Malformed?
            chunk.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) in
                for byte in buffer {
                    do throws(Malformed) {
                        try scanner.consume(byte)
                    } catch {
                        failure = error
                        return
                    }
                }
            }
            if let failure { throw malformed(failure.reason, at: scanner.offset) }
        }
        guard scanner.stack.isEmpty, scanner.sawValue else {
            throw malformed(scanner.sawValue ? "le fichier s'arrête au milieu d'un contrat" : "le fichier est vide", at: scanner.offset)
        }
        guard scanner.sawRecords else {
            throw malformed("aucune liste de contrats (`marches` puis `marche`) n'y figure", at: scanner.offset)
        }
        var records: [String: DECPRecord] = [:]
        for bytes in scanner.matches {
            guard let record = Self.record(Data(bytes)) else { continue }
            records[record.uid] = record
        }
        return records
    }

    private func malformed(_ reason: String, at offset: Int) -> EnvironmentError {
        EnvironmentError(.decpUnreadable, "le fichier DECP « \(path) » n'est pas un JSON lisible : \(reason) (octet \(offset))",
                         help: "utilisez un fichier au format DECP v2 (schéma `139bercy/format-commande-publique`), tel que data.gouv.fr le publie")
    }

    struct Malformed: Error {
        let reason: String
    }

    /// A contract's fields, from its JSON; `nil` without an id or a buyer.
    static func record(_ data: Data) -> DECPRecord? {
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              let id = text(object["id"]) else { return nil }
        let buyer = (object["acheteur"] as? [String: Any]).flatMap { text($0["id"]) } ?? text(object["acheteur"])
        guard let buyer else { return nil }
        var record = DECPRecord(id: id, buyerSIRET: buyer)
        record.amount = (object["montant"] as? NSNumber)?.doubleValue ?? text(object["montant"]).flatMap(Double.init)
        record.cpv = text(object["codeCPV"])
        record.notification = text(object["dateNotification"])
        record.procedure = text(object["procedure"])
        record.social = texts(object["considerationsSociales"], inner: "considerationSociale")
        record.environmental = texts(object["considerationsEnvironnementales"], inner: "considerationEnvironnementale")
        return record
    }

    private static func text(_ value: Any?) -> String? {
        if let string = value as? String { return string }
        if let number = value as? NSNumber { return number.stringValue }
        return nil
    }

    /// A list of labels as files write it: an array, an object holding the array (`{"considerationSociale": […]}`),
    /// or one label.
    private static func texts(_ value: Any?, inner: String) -> [String] {
        if let array = value as? [Any] { return array.compactMap { text($0) } }
        if let object = value as? [String: Any] { return texts(object[inner], inner: inner) }
        return text(value).map { [$0] } ?? []
    }

    /// A byte-at-a-time JSON scanner that knows where it is: in a string, at which depth, under which key.
    struct Scanner {
        let ids: Set<String>
        private(set) var offset = 0
        /// Open containers: `{` or `[`, with the key they are the value of.
        private(set) var stack: [(container: UInt8, key: [UInt8])] = []
        private(set) var sawValue = false
        private(set) var sawRecords = false
        /// The contracts whose id was asked for, as their bytes.
        private(set) var matches: [[UInt8]] = []

        private var inString = false, escaped = false
        private var string: [UInt8] = [], pendingKey: [UInt8] = [], lastString: [UInt8] = []
        /// The contract being cut out: its bytes, the depth it opened at, its `id` once read.
        private var record: [UInt8]?
        private var recordDepth = 0
        private var recordID: String?
        private var expectingRecordID = false

        init(ids: Set<String>) {
            self.ids = ids
        }

        mutating func consume(_ byte: UInt8) throws(Malformed) {
            offset += 1
            if record != nil {
                record!.append(byte)
                if record!.count > DECPFile.maximumRecordSize { throw Malformed(reason: "un contrat dépasse 4 Mo") }
            }
            if inString {
                if escaped {
                    escaped = false
                } else if byte == UInt8(ascii: "\\") {
                    escaped = true
                } else if byte == UInt8(ascii: "\"") {
                    inString = false
                    lastString = string
                    if expectingRecordID, record != nil, stack.count == recordDepth {
                        recordID = String(decoding: string, as: UTF8.self)
                        expectingRecordID = false
                    }
                } else if string.count < 256 {
                    string.append(byte)
                }
                return
            }
            switch byte {
            case UInt8(ascii: "\""):
                inString = true
                string.removeAll(keepingCapacity: true)
                sawValue = true
            case UInt8(ascii: ":"):
                guard stack.last?.container == UInt8(ascii: "{") else { throw Malformed(reason: "deux-points hors d'un objet") }
                pendingKey = lastString
                expectingRecordID = record != nil && stack.count == recordDepth && pendingKey == Array("id".utf8)
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                sawValue = true
                let key = stack.last?.container == UInt8(ascii: "[") ? stack.last!.key : pendingKey
                if byte == UInt8(ascii: "{"), record == nil, isRecordPlace(key: key) {
                    record = [byte]
                    recordDepth = stack.count + 1
                    recordID = nil
                    sawRecords = true
                }
                if byte == UInt8(ascii: "["), stack.isEmpty || key == Array("marche".utf8) { sawRecords = true }
                stack.append((byte, byte == UInt8(ascii: "[") ? key : pendingKey))
                pendingKey = []
                expectingRecordID = false
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                let opening = byte == UInt8(ascii: "}") ? UInt8(ascii: "{") : UInt8(ascii: "[")
                guard stack.last?.container == opening else { throw Malformed(reason: "crochet ou accolade fermant sans ouvrant") }
                if byte == UInt8(ascii: "}"), let bytes = record, stack.count == recordDepth {
                    if let recordID, ids.contains(recordID) { matches.append(bytes) }
                    record = nil
                }
                stack.removeLast()
                expectingRecordID = false
            case UInt8(ascii: ","):
                expectingRecordID = false
            case UInt8(ascii: " "), UInt8(ascii: "\n"), UInt8(ascii: "\r"), UInt8(ascii: "\t"):
                break
            default:
                sawValue = true
                if stack.isEmpty { throw Malformed(reason: "une valeur hors de tout objet") }
            }
        }

        /// A contract opens as an element of the `marche` array (or of a bare top-level array), or as the
        /// `marche` object itself when a file holds one contract.
        private func isRecordPlace(key: [UInt8]) -> Bool {
            let marche = Array("marche".utf8)
            if stack.isEmpty { return false }
            if stack.last?.container == UInt8(ascii: "[") { return stack.last?.key == marche || stack.count == 1 }
            return key == marche
        }
    }
}
