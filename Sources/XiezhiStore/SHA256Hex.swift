import Crypto
import Foundation

/// Lowercase hex SHA-256 of some bytes: token hashes, rule-table hashes, evidence hashes.
public enum SHA256Hex {
    public static func of(_ data: Data) -> String {
        hex(SHA256.hash(data: data))
    }

    public static func of(_ text: String) -> String {
        of(Data(text.utf8))
    }

    static func hex(_ digest: SHA256.Digest) -> String {
        digest.map { String(format: "%02x", $0) }.joined()
    }
}
