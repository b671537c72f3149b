import Crypto
import Foundation

/// One entry of the append-only, hash-chained audit log (全过程记录).
///
/// `hash = SHA-256(prevHash ‖ seq ‖ at ‖ actor ‖ action ‖ entityType ‖ entityID ‖ payload)`, each field
/// length-prefixed so that no two different entries hash the same bytes. The first entry's `prevHash` is
/// ``AuditEntry/genesisHash``. Editing, deleting or reordering any row breaks the chain at that row.
public struct AuditEntry: Hashable, Sendable, Codable {
    /// Position in the chain, dense from 1.
    public var seq: Int64
    /// When the change happened (UTC, stored with milliseconds).
    public var at: Date
    /// Who made it: an account id, or `system:<component>`.
    public var actor: String
    /// What happened, dotted: `case.filed`, `account.created`, `rule_table.updated`.
    public var action: String
    /// The kind of thing changed: `case`, `account`, `rule_table`, `node`.
    public var entityType: String
    /// Its id.
    public var entityID: String
    /// The change itself as canonical JSON (sorted keys).
    public var payload: String
    /// The previous entry's hash (hex), or the genesis hash.
    public var prevHash: String
    /// This entry's hash (hex).
    public var hash: String

    /// The `prevHash` of entry 1: 64 zeros.
    public static let genesisHash = String(repeating: "0", count: 64)

    /// Computes the hash this entry must carry from its other fields.
    public static func computeHash(
        seq: Int64, at: String, actor: String, action: String, entityType: String, entityID: String,
        payload: String, prevHash: String
    ) -> String {
        var hasher = SHA256()
        for field in [prevHash, String(seq), at, actor, action, entityType, entityID, payload] {
            let bytes = Array(field.utf8)
            hasher.update(data: Array("\(bytes.count):".utf8))
            hasher.update(data: bytes)
            hasher.update(data: [0x0A])
        }
        return SHA256Hex.hex(hasher.finalize())
    }
}

/// A change to be appended: what the caller knows before the chain assigns `seq` and hashes.
public struct AuditRecord: Sendable {
    public var actor: String
    public var action: String
    public var entityType: String
    public var entityID: String
    public var payload: String

    /// - Parameter payload: any `Encodable`; it is stored as canonical JSON (sorted keys).
    public init<Payload: Encodable>(actor: String, action: String, entityType: String, entityID: String, payload: Payload) throws {
        self.actor = actor
        self.action = action
        self.entityType = entityType
        self.entityID = entityID
        self.payload = try CanonicalJSON.string(payload)
    }
}

/// JSON with sorted keys, no escaped slashes, dates as ISO 8601 with milliseconds: the same value always gives the
/// same bytes.
public enum CanonicalJSON {
    public static func string<Value: Encodable>(_ value: Value) throws -> String {
        String(decoding: try data(value), as: UTF8.self)
    }

    public static func data<Value: Encodable>(_ value: Value) throws -> Data {
        try data(value, sortedKeys: true)
    }

    /// The same encoding without sorted keys, for stored documents that nothing hashes (a case's `data`, a
    /// weigh record's judgement): sorting every object's keys is a fifth of `JSONEncoder`'s time.
    public static func storedString<Value: Encodable>(_ value: Value) throws -> String {
        String(decoding: try data(value, sortedKeys: false), as: UTF8.self)
    }

    static func data<Value: Encodable>(_ value: Value, sortedKeys: Bool) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = sortedKeys ? [.sortedKeys, .withoutEscapingSlashes] : [.withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(Timestamp.format(date))
        }
        return try encoder.encode(value)
    }

    /// The matching decoder (dates as ISO 8601 with or without milliseconds).
    public static var decoder: JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom { decoder in
            let text = try decoder.singleValueContainer().decode(String.self)
            if let date = Timestamp.parse(text) ?? (try? Date.ISO8601FormatStyle().parse(text)) { return date }
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not an ISO 8601 time: \(text)"))
        }
        return decoder
    }
}
