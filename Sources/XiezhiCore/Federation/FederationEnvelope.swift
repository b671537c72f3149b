import Foundation

/// One signed message between two nodes (联邦消息). The body is carried as JSON *text* and the signature covers
/// those exact bytes, so no receiver has to re-serialise JSON the way the sender did to check it.
///
/// Signed bytes (``signingInput``): for each of `protocol`, `message_id`, `sender`, `recipient`, `kind`, `sent_at`,
/// `body`, in that order, the field's UTF-8 byte count in decimal, `:`, the bytes, and a newline (`0x0A`) — the same
/// length-prefixed form as the audit chain. The signature is Ed25519 over those bytes, base64.
public struct FederationEnvelope: Codable, Hashable, Sendable {
    /// The protocol version: ``FederationEnvelope/protocolVersion``.
    public var `protocol`: String
    /// The message id, chosen by the sender once; a redelivery keeps it (the receiver's dedupe key).
    public var messageId: String
    /// The sender node: base64 of its 32-byte Ed25519 public key.
    public var sender: String
    /// The recipient node's public key, the same form.
    public var recipient: String
    /// What the body is (``FederationKind``).
    public var kind: String
    /// When this attempt was signed (UTC ISO 8601 with milliseconds). Each delivery attempt signs anew; the
    /// receiver refuses times outside its replay window.
    public var sentAt: String
    /// The body: a JSON object as text, snake_case keys.
    public var body: String
    /// Ed25519 signature of ``signingInput``, base64.
    public var signature: String

    public static let protocolVersion = "xiezhi-federation/1"

    public init(messageId: String, sender: String, recipient: String, kind: String, sentAt: String, body: String, signature: String = "") {
        self.protocol = Self.protocolVersion
        self.messageId = messageId
        self.sender = sender
        self.recipient = recipient
        self.kind = kind
        self.sentAt = sentAt
        self.body = body
        self.signature = signature
    }

    enum CodingKeys: String, CodingKey {
        case `protocol`, messageId = "message_id", sender, recipient, kind, sentAt = "sent_at", body, signature
    }

    /// The bytes the signature covers.
    public var signingInput: [UInt8] {
        var bytes: [UInt8] = []
        for field in [self.protocol, messageId, sender, recipient, kind, sentAt, body] {
            let utf8 = Array(field.utf8)
            bytes.append(contentsOf: Array("\(utf8.count):".utf8))
            bytes.append(contentsOf: utf8)
            bytes.append(0x0A)
        }
        return bytes
    }

    /// The top-level keys of the body, or nil when the body is not a JSON object.
    public var bodyFields: Set<String>? {
        guard let object = try? JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any] else { return nil }
        return Set(object.keys)
    }
}
