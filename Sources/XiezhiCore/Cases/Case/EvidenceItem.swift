import Foundation

/// 证据 — one item of evidence, fixed by the SHA-256 of its content so later alteration is detectable.
public struct EvidenceItem: Hashable, Codable, Sendable {
    /// The item's id, unique within the case (assigned by the caller).
    public var id: String
    /// The kind of evidence.
    public var kind: EvidenceKind
    /// What it is, in Chinese.
    public var description: String
    /// SHA-256 of the content, 64 hex digits (stored lower-case).
    public var sha256: String
    /// Where it came from (device id, station, person).
    public var source: String
    /// The account id of whoever collected it.
    public var collectedBy: String
    /// When it was collected.
    public var collectedAt: Date

    /// Creates the value with every field given.
    public init(
        id: String, kind: EvidenceKind, description: String, sha256: String, source: String,
        collectedBy: String, collectedAt: Date
    ) {
        self.id = id
        self.kind = kind
        self.description = description
        self.sha256 = sha256
        self.source = source
        self.collectedBy = collectedBy
        self.collectedAt = collectedAt
    }

    /// Whether `text` is exactly 64 hexadecimal digits (either case).
    public static func isSHA256Hex(_ text: String) -> Bool {
        text.utf8.count == 64 && text.utf8.allSatisfy { byte in
            (48...57).contains(byte) || (65...70).contains(byte) || (97...102).contains(byte)
        }
    }
}
