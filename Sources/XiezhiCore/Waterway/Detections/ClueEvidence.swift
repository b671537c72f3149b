import Foundation

/// 证据 — one item that supports a waterway clue: a position, a passage, a fingerprint comparison or an
/// identification, with a Chinese note saying what it shows.
public struct ClueEvidence: Hashable, Codable, Sendable {
    /// What the item is.
    public enum Kind: String, Hashable, Codable, Sendable {
        /// An AIS position.
        case position
        /// A checkpoint passage (with its photos).
        case passage
        /// A laser measurement compared with a fingerprint.
        case fingerprint
        /// A checkpoint identification.
        case identification
    }

    /// What the item is.
    public var kind: Kind
    /// When it was observed (UTC).
    public var time: Date
    /// What it shows, in Chinese.
    public var noteZh: String
    /// The position, for ``Kind/position``.
    public var position: VesselPosition?
    /// The passage, for ``Kind/passage``.
    public var passage: CheckpointPassage?
    /// The comparison, for ``Kind/fingerprint``.
    public var fingerprint: FingerprintMatch?
    /// The identification, for ``Kind/identification``.
    public var identification: Identification?

    /// A position item.
    public static func position(_ position: VesselPosition, noteZh: String) -> ClueEvidence {
        ClueEvidence(kind: .position, time: position.time, noteZh: noteZh, position: position)
    }

    /// A passage item.
    public static func passage(_ passage: CheckpointPassage, noteZh: String) -> ClueEvidence {
        ClueEvidence(kind: .passage, time: passage.time, noteZh: noteZh, passage: passage)
    }

    /// A fingerprint item.
    public static func fingerprint(_ match: FingerprintMatch, at time: Date, noteZh: String) -> ClueEvidence {
        ClueEvidence(kind: .fingerprint, time: time, noteZh: noteZh, fingerprint: match)
    }

    /// An identification item.
    public static func identification(_ identification: Identification, noteZh: String) -> ClueEvidence {
        ClueEvidence(kind: .identification, time: identification.time, noteZh: noteZh, identification: identification)
    }

    /// Creates an item.
    public init(
        kind: Kind, time: Date, noteZh: String, position: VesselPosition? = nil, passage: CheckpointPassage? = nil,
        fingerprint: FingerprintMatch? = nil, identification: Identification? = nil
    ) {
        self.kind = kind
        self.time = time
        self.noteZh = noteZh
        self.position = position
        self.passage = passage
        self.fingerprint = fingerprint
        self.identification = identification
    }
}
