import Foundation
import GRDB
import XiezhiCore

/// The inbox: one row per message id, written in the same transaction as the message's effect. A message id is
/// applied once; a redelivery (the sender did not get the acknowledgement) is acknowledged without a second effect.
public enum FederationInbox {
    /// What is known of a message id.
    public static func seen(messageId: String, in db: Database) throws -> ReplayWindow.Seen? {
        try Row.fetchOne(db, sql: "SELECT body_sha256, sent_at FROM federation_inbox WHERE message_id = ?", arguments: [messageId]).map {
            ReplayWindow.Seen(bodySHA256: $0["body_sha256"], sentAt: ($0["sent_at"] as String).split(separator: " ").map(String.init))
        }
    }

    /// Records a new message (before or after its effect, in the same transaction).
    public static func record(_ envelope: FederationEnvelope, peer: String, bodySHA256: String, at date: Date, in db: Database) throws {
        try db.execute(
            sql: "INSERT INTO federation_inbox (message_id, peer, kind, body_sha256, sent_at, received_at, body) VALUES (?, ?, ?, ?, ?, ?, ?)",
            arguments: [envelope.messageId, peer, envelope.kind, bodySHA256, envelope.sentAt, Timestamp.format(date), envelope.body])
    }

    /// Records a redelivery: one more delivery, its `sent_at` remembered (a later verbatim copy is a replay).
    public static func recordRedelivery(_ envelope: FederationEnvelope, in db: Database) throws {
        try db.execute(
            sql: "UPDATE federation_inbox SET deliveries = deliveries + 1, sent_at = sent_at || ' ' || ? WHERE message_id = ?",
            arguments: [envelope.sentAt, envelope.messageId])
    }

    /// A received message as listed by the API.
    public struct Received: Codable, Sendable, Hashable {
        public var messageId: String
        public var peer: String
        public var kind: String
        public var receivedAt: Date
        public var deliveries: Int
        public var body: String
    }

    public static func list(limit: Int, offset: Int, in db: Database) throws -> (items: [Received], total: Int) {
        let total = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM federation_inbox") ?? 0
        let rows = try Row.fetchAll(db, sql: "SELECT * FROM federation_inbox ORDER BY received_at DESC LIMIT ? OFFSET ?", arguments: [limit, offset])
        return (rows.map {
            Received(messageId: $0["message_id"], peer: $0["peer"], kind: $0["kind"], receivedAt: Timestamp.parse($0["received_at"] as String) ?? .distantPast,
                     deliveries: $0["deliveries"], body: $0["body"])
        }, total)
    }
}
