import Crypto
import Foundation

/// The node's Ed25519 identity key, kept in the data directory as `node-key.ed25519` (base64 of the raw 32-byte
/// private key, file mode 0600).
///
/// It signs the audit checkpoints (and, later, federation messages). It lives outside the database on purpose: an
/// attacker who can edit `node.sqlite` cannot re-sign a rewritten chain without it.
public struct NodeKey: Sendable {
    /// The raw 32-byte private key. (swift-crypto's key type is not `Sendable` on Linux, so the bytes are kept and
    /// the key is rebuilt on use.)
    private let rawPrivateKey: Data

    public var privateKey: Curve25519.Signing.PrivateKey {
        // The bytes were validated when the key was created or loaded.
        try! Curve25519.Signing.PrivateKey(rawRepresentation: rawPrivateKey)
    }

    public var publicKey: Curve25519.Signing.PublicKey { privateKey.publicKey }
    /// The public key as base64 of its 32 raw bytes, the form shown to partners.
    public var publicKeyBase64: String { privateKey.publicKey.rawRepresentation.base64EncodedString() }

    public init(privateKey: Curve25519.Signing.PrivateKey) {
        self.rawPrivateKey = privateKey.rawRepresentation
    }

    /// A fresh random key (tests, first start).
    public static func generate() -> NodeKey { NodeKey(privateKey: Curve25519.Signing.PrivateKey()) }

    public static let fileName = "node-key.ed25519"

    /// Loads the key from `directory`, creating a new one (mode 0600) the first time.
    public static func loadOrCreate(directory: URL) throws -> NodeKey {
        let url = directory.appendingPathComponent(fileName)
        if FileManager.default.fileExists(atPath: url.path) {
            return try load(directory: directory)
        }
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let key = Curve25519.Signing.PrivateKey()
        let text = key.rawRepresentation.base64EncodedString() + "\n"
        guard FileManager.default.createFile(
            atPath: url.path, contents: Data(text.utf8), attributes: [.posixPermissions: 0o600])
        else {
            throw StoreError(code: "node_key_unwritable", reason: "cannot write \(url.path)")
        }
        return NodeKey(privateKey: key)
    }

    /// Loads an existing key; a missing or malformed file is an error.
    public static func load(directory: URL) throws -> NodeKey {
        let url = directory.appendingPathComponent(fileName)
        guard let data = FileManager.default.contents(atPath: url.path),
              let text = String(data: data, encoding: .utf8),
              let raw = Data(base64Encoded: text.trimmingCharacters(in: .whitespacesAndNewlines))
        else {
            throw StoreError(code: "node_key_missing", reason: "no readable node key at \(url.path)")
        }
        do {
            return NodeKey(privateKey: try Curve25519.Signing.PrivateKey(rawRepresentation: raw))
        } catch {
            throw StoreError(code: "node_key_invalid", reason: "\(url.path) does not hold an Ed25519 private key")
        }
    }
}
