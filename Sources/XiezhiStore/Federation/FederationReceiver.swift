import Foundation
import GRDB
import XiezhiCore

/// The inbox's checks, in order: the envelope parses and speaks this protocol; it is addressed to this node; the
/// sender is a registered peer; the signature is the sender's; the kind and every body field are in the agreement;
/// `sent_at` is inside the replay window and the exact message was not seen before. Then, in one transaction, the
/// message id is recorded and its effect applied — or, for a sender's retry of a message already applied, only
/// the redelivery is counted.
public struct FederationReceiver: Sendable {
    public let database: NodeDatabase
    public let key: NodeKey
    public let window: ReplayWindow

    public init(database: NodeDatabase, key: NodeKey, window: ReplayWindow) {
        self.database = database
        self.key = key
        self.window = window
    }

    /// The acknowledgement the inbox answers with.
    public struct Receipt: Codable, Sendable, Hashable {
        public var messageId: String
        /// `accepted` (applied now) or `duplicate` (applied before; nothing done).
        public var status: String
    }

    /// Checks and applies one envelope; throws ``FederationRefusal`` when it is refused.
    public func receive(_ data: Data, now: Date) async throws -> Receipt {
        let envelope: FederationEnvelope
        do {
            envelope = try JSONDecoder().decode(FederationEnvelope.self, from: data)
        } catch {
            throw FederationRefusal(.malformedEnvelope, "the request body is not a federation envelope: \(error)")
        }
        guard envelope.protocol == FederationEnvelope.protocolVersion else {
            throw FederationRefusal(.unsupportedProtocol, "protocol '\(envelope.protocol)' is not \(FederationEnvelope.protocolVersion)")
        }
        guard envelope.recipient == key.publicKeyBase64 else {
            throw FederationRefusal(.wrongRecipient, "the message is addressed to another node's key")
        }
        let own = key
        let window = window
        return try await database.writer.write { db in
            guard let peer = try PeerStore.peer(publicKey: envelope.sender, in: db) else {
                throw FederationRefusal(.unknownSender, "no registered peer has the sender key \(envelope.sender)")
            }
            guard FederationSigning.isValid(envelope) else {
                throw FederationRefusal(.badSignature, "the signature does not verify with \(peer.name)'s key")
            }
            guard let fields = envelope.bodyFields else {
                throw FederationRefusal(.invalidBody, "the body is not a JSON object")
            }
            try peer.agreement.check(kind: envelope.kind, bodyFields: fields)
            let bodyHash = SHA256Hex.of(envelope.body)
            let verdict = try window.judge(
                sentAt: envelope.sentAt, sentAtDate: UTCTimeText.parse(envelope.sentAt), bodySHA256: bodyHash,
                seen: try FederationInbox.seen(messageId: envelope.messageId, in: db), now: now)
            switch verdict {
            case .duplicate:
                try FederationInbox.recordRedelivery(envelope, in: db)
                return Receipt(messageId: envelope.messageId, status: "duplicate")
            case .new:
                try FederationInbox.record(envelope, peer: peer.name, bodySHA256: bodyHash, at: now, in: db)
                try FederationEffects.apply(envelope, from: peer, at: now, in: db, key: own)
                return Receipt(messageId: envelope.messageId, status: "accepted")
            }
        }
    }
}
