/// 抓拍照片 — a photo (or video frame) of a weighing, referenced by URI and fixed by its SHA-256.
///
/// JSON: `{"kind", "sha256", "uri"}`. The hash lets the evidence package prove the picture was not changed
/// after the weighing (行政处罚法 Art. 41: records must be 真实、清晰、完整、准确).
public struct WeighPhoto: Hashable, Codable, Sendable {
    /// What it shows, as the device names it, e.g. `front`, `side`, `rear`, `plate`.
    public var kind: String
    /// SHA-256 of the file, 64 hexadecimal characters.
    public var sha256: String
    /// Where the file is kept.
    public var uri: String

    /// Creates a photo reference.
    public init(kind: String, sha256: String, uri: String) {
        self.kind = kind
        self.sha256 = sha256
        self.uri = uri
    }

    private enum CodingKeys: String, CodingKey { case kind, sha256, uri }

    /// `true` when `sha256` is exactly 64 hexadecimal characters (either case).
    public var hasWellFormedHash: Bool {
        sha256.utf8.count == 64 && sha256.utf8.allSatisfy { byte in
            (byte >= 48 && byte <= 57) || (byte >= 65 && byte <= 70) || (byte >= 97 && byte <= 102)
        }
    }
}
