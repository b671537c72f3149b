import Crypto
import Foundation
import XiezhiCore

/// Signs and verifies federation envelopes with Ed25519 node keys.
public enum FederationSigning {
    /// Signs `envelope` with the node's key (sets ``FederationEnvelope/signature``).
    public static func sign(_ envelope: FederationEnvelope, with key: NodeKey) throws -> FederationEnvelope {
        var signed = envelope
        signed.signature = try key.privateKey.signature(for: envelope.signingInput).base64EncodedString()
        return signed
    }

    /// Whether the envelope's signature is valid for its `sender` public key.
    public static func isValid(_ envelope: FederationEnvelope) -> Bool {
        guard let keyBytes = Data(base64Encoded: envelope.sender), let signature = Data(base64Encoded: envelope.signature),
              let key = try? Curve25519.Signing.PublicKey(rawRepresentation: keyBytes)
        else { return false }
        return key.isValidSignature(signature, for: envelope.signingInput)
    }

    /// Whether `text` is base64 of a 32-byte Ed25519 public key.
    public static func isPublicKey(_ text: String) -> Bool {
        guard let bytes = Data(base64Encoded: text) else { return false }
        return (try? Curve25519.Signing.PublicKey(rawRepresentation: bytes)) != nil
    }
}

/// Message bodies: JSON objects with snake_case keys, sorted, times as UTC ISO 8601 with milliseconds.
public enum FederationJSON {
    public static func encode<Value: Encodable>(_ value: Value) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(Timestamp.format(date))
        }
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    public static func decode<Value: Decodable>(_ type: Value.Type, from text: String) throws(FederationRefusal) -> Value {
        let decoder = CanonicalJSON.decoder
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        do {
            return try decoder.decode(type, from: Data(text.utf8))
        } catch {
            throw FederationRefusal(.invalidBody, "the body does not hold a valid \(Value.self): \(error)")
        }
    }

    /// The body keeping only `fields` of its top-level keys (sorted keys, slashes unescaped).
    public static func keeping(_ fields: Set<String>, of text: String) throws -> String {
        guard var object = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any] else {
            throw StoreError(code: "federation_body_not_object", reason: "a federation body must be a JSON object")
        }
        for key in object.keys where !fields.contains(key) { object.removeValue(forKey: key) }
        return String(decoding: try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes]), as: UTF8.self)
    }

    /// The top-level keys present in a body.
    public static func fields(of text: String) -> Set<String> {
        guard let object = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any] else { return [] }
        return Set(object.keys)
    }
}
