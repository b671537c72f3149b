import Foundation
import GRDB
import XiezhiCore

/// The transactional outbox: a message to a partner is a row written in the same transaction as the change that
/// causes it (a decision, a queued request, a proof of service), so a change is never committed without its
/// message nor a message sent for a change that was rolled back. The delivery service sends the rows.
public struct FederationOutbox: Sendable {
    public let database: NodeDatabase

    public init(database: NodeDatabase) {
        self.database = database
    }

    /// A message and its delivery state.
    public struct Message: Codable, Sendable, Hashable {
        public var messageId: String
        public var peer: String
        public var kind: String
        public var body: String
        public var createdAt: Date
        /// `queued` (waiting or retrying), `delivered` (the partner acknowledged it), `failed` (refused; see ``lastError``).
        public var status: String
        public var attempts: Int
        public var nextAttemptAt: Date
        public var lastError: String?
        public var deliveredAt: Date?
        public var relatedType: String?
        public var relatedId: String?
    }

    /// What the change that causes a message links it to (a partner request, a case).
    public struct Related: Sendable {
        public var type: String
        public var id: String

        public init(type: String, id: String) {
            self.type = type
            self.id = id
        }
    }

    /// Queues `body` of `kind` to each of `peers`, inside the caller's transaction. Each peer gets only the fields
    /// its agreement names (数据最小化); when the agreement lacks a field the kind needs, the row is written `failed`
    /// with the reason, so the gap is visible instead of silent. Returns the message ids.
    @discardableResult
    public static func enqueue<Body: Encodable>(
        _ kind: FederationKind, body: Body, to peers: [PeerStore.Peer], related: Related?, at date: Date, in db: Database
    ) throws -> [String] {
        let full = try FederationJSON.encode(body)
        let present = FederationJSON.fields(of: full)
        var ids: [String] = []
        for peer in peers {
            let id = UUID().uuidString.lowercased()
            var status = "queued"
            var failure: String?
            var text = full
            do {
                let fields = try peer.agreement.outgoingFields(kind: kind, present: present)
                if fields != present { text = try FederationJSON.keeping(fields, of: full) }
            } catch let refusal as FederationRefusal {
                status = "failed"
                text = "{}"
                failure = "\(refusal.code.rawValue): \(refusal.reason)"
            }
            try db.cachedStatement(sql: """
                    INSERT INTO federation_outbox (message_id, peer, kind, body, created_at, status, attempts, next_attempt_at, last_error, related_type, related_id)
                    VALUES (?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?)
                    """).execute(
                arguments: [id, peer.name, kind.rawValue, text, Timestamp.format(date), status, Timestamp.format(date), failure, related?.type, related?.id])
            ids.append(id)
        }
        return ids
    }

    /// The peers that take `kind` under their agreement and, when `jurisdiction` is given, speak for it.
    public static func peers(for kind: FederationKind, jurisdiction: JurisdictionCode? = nil, in db: Database) throws -> [PeerStore.Peer] {
        try PeerStore.all(in: db).filter { peer in
            peer.agreement.kinds.contains(kind.rawValue) && (jurisdiction.map { peer.jurisdictions.contains($0) } ?? true)
        }
    }

    /// Queued messages due at `now`, oldest first, at most `limit` per peer; peers in `probeOnly` get one (the probe
    /// after a failure), peers in `skip` none.
    public func due(at now: Date, limit: Int, probeOnly: Set<String>, skip: Set<String>) async throws -> [Message] {
        try await database.read { db in
            let peers = try String.fetchAll(db, sql: "SELECT DISTINCT peer FROM federation_outbox WHERE status = 'queued' AND next_attempt_at <= ?",
                                            arguments: [Timestamp.format(now)])
            var messages: [Message] = []
            for peer in peers where !skip.contains(peer) {
                let rows = try Row.fetchAll(
                    db, sql: """
                        SELECT * FROM federation_outbox WHERE status = 'queued' AND peer = ? AND next_attempt_at <= ?
                        ORDER BY created_at, rowid LIMIT ?
                        """,
                    arguments: [peer, Timestamp.format(now), probeOnly.contains(peer) ? 1 : limit])
                messages += rows.map(Self.message)
            }
            return messages
        }
    }

    /// The earliest time a queued message becomes due, if any.
    public func nextDue() async throws -> Date? {
        try await database.read { db in
            try String.fetchOne(db, sql: "SELECT MIN(next_attempt_at) FROM federation_outbox WHERE status = 'queued'").flatMap(Timestamp.parse)
        }
    }

    /// The outcome of one delivery attempt.
    public enum Outcome: Sendable {
        case delivered
        /// The partner refused it for good (a 4xx problem): failed with the reason.
        case refused(String)
        /// Not reachable or a server error: try again at `retryAt`.
        case retry(String, retryAt: Date)
    }

    /// Records attempts' outcomes in one transaction. A delivered message marks the partner request it carries as
    /// `delivered`.
    public func record(_ outcomes: [(messageId: String, outcome: Outcome)], at now: Date) async throws {
        try await database.writer.write { db in
            for (id, outcome) in outcomes {
                switch outcome {
                case .delivered:
                    try db.execute(
                        sql: "UPDATE federation_outbox SET status = 'delivered', attempts = attempts + 1, delivered_at = ?, last_error = NULL WHERE message_id = ? AND status = 'queued'",
                        arguments: [Timestamp.format(now), id])
                    try Self.markRequest(carriedBy: id, as: "delivered", in: db)
                case .refused(let reason):
                    try db.execute(
                        sql: "UPDATE federation_outbox SET status = 'failed', attempts = attempts + 1, last_error = ? WHERE message_id = ? AND status = 'queued'",
                        arguments: [reason, id])
                    try Self.markRequest(carriedBy: id, as: "failed", in: db)
                case .retry(let reason, let retryAt):
                    try db.execute(
                        sql: "UPDATE federation_outbox SET attempts = attempts + 1, last_error = ?, next_attempt_at = ? WHERE message_id = ? AND status = 'queued'",
                        arguments: [reason, Timestamp.format(retryAt), id])
                }
            }
        }
    }

    /// The partner request a message carries follows the message's fate.
    static func markRequest(carriedBy messageID: String, as status: String, in db: Database) throws {
        try db.execute(
            sql: """
                UPDATE partner_request SET status = ? WHERE status = 'queued' AND id IN
                    (SELECT related_id FROM federation_outbox WHERE message_id = ? AND related_type = 'partner_request')
                """,
            arguments: [status, messageID])
    }

    /// Moves a peer's queued messages that are waiting to `date` (a partner back after a failure: no row waits out
    /// its own backoff once the probe got through).
    public func release(peer: String, at date: Date) async throws {
        try await database.writer.write { db in
            try db.execute(
                sql: "UPDATE federation_outbox SET next_attempt_at = ? WHERE status = 'queued' AND peer = ? AND next_attempt_at > ?",
                arguments: [Timestamp.format(date), peer, Timestamp.format(date)])
        }
    }

    /// Messages, newest first, optionally of one status or about one related record.
    public func list(status: String?, related: Related? = nil, limit: Int, offset: Int) throws -> (items: [Message], total: Int) {
        try database.writer.read { db in
            var clauses: [String] = []
            var arguments: StatementArguments = []
            if let status { clauses.append("status = ?"); arguments += [status] }
            if let related { clauses.append("related_type = ? AND related_id = ?"); arguments += [related.type, related.id] }
            let filter = clauses.isEmpty ? "" : "WHERE " + clauses.joined(separator: " AND ")
            let total = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM federation_outbox \(filter)", arguments: arguments) ?? 0
            let rows = try Row.fetchAll(
                db, sql: "SELECT * FROM federation_outbox \(filter) ORDER BY created_at DESC, rowid DESC LIMIT ? OFFSET ?", arguments: arguments + [limit, offset])
            return (rows.map(Self.message), total)
        }
    }

    /// Counts per status (metrics, the bench).
    public func counts() throws -> [String: Int] {
        try database.writer.read { db in
            try Row.fetchAll(db, sql: "SELECT status, COUNT(*) AS n FROM federation_outbox GROUP BY status")
                .reduce(into: [:]) { $0[$1["status"] as String] = $1["n"] as Int }
        }
    }

    static func message(_ row: Row) -> Message {
        Message(
            messageId: row["message_id"], peer: row["peer"], kind: row["kind"], body: row["body"],
            createdAt: Timestamp.parse(row["created_at"] as String) ?? .distantPast, status: row["status"], attempts: row["attempts"],
            nextAttemptAt: Timestamp.parse(row["next_attempt_at"] as String) ?? .distantPast, lastError: row["last_error"],
            deliveredAt: (row["delivered_at"] as String?).flatMap(Timestamp.parse), relatedType: row["related_type"], relatedId: row["related_id"])
    }
}
