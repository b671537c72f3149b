import Foundation
import GRDB
import XiezhiCore

/// Requests partners sent this node (送达互助, 抄告车籍地), and the proof of service recorded against them, which goes
/// back to the requesting node through the outbox.
public struct ReceivedRequestStore: Sendable {
    public let database: NodeDatabase
    public let signingKey: NodeKey?

    public init(database: NodeDatabase, signingKey: NodeKey?) {
        self.database = database
        self.signingKey = signingKey
    }

    public struct Request: Codable, Sendable, Hashable {
        public var id: String
        public var peer: String
        public var kind: String
        public var remoteRequestId: String
        public var remoteCaseId: String
        public var subject: String
        public var summary: String
        public var receivedAt: Date
        /// `received`, or `served` once the proof is recorded (送达互助); copies stay `received`.
        public var status: String
        public var proof: ServiceProofBody?
    }

    static func insert(_ body: PartnerRequestBody, kind: String, peer: String, raw: String, at date: Date, in db: Database, key: NodeKey?) throws {
        let id = UUID().uuidString.lowercased()
        try db.execute(
            sql: """
                INSERT INTO federation_request_received (id, peer, kind, remote_request_id, remote_case_id, subject, summary, body, received_at, status)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'received') ON CONFLICT(peer, remote_request_id) DO NOTHING
                """,
            arguments: [id, peer, kind, body.requestId, body.caseId, body.subject, body.summary, raw, Timestamp.format(date)])
        guard db.changesCount == 1 else { return }
        try AuditLog.append(
            AuditRecord(actor: "peer:\(peer)", action: "federation.request_received", entityType: "federation_request", entityID: id, payload: body),
            at: date, in: db, signingKey: key)
    }

    public func list(limit: Int, offset: Int) throws -> (items: [Request], total: Int) {
        try database.writer.read { db in
            let total = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM federation_request_received") ?? 0
            let rows = try Row.fetchAll(db, sql: "SELECT * FROM federation_request_received ORDER BY received_at DESC LIMIT ? OFFSET ?", arguments: [limit, offset])
            return (rows.map(Self.request), total)
        }
    }

    /// Records how the notice was served and queues the proof back to the requesting node, in one transaction.
    public func recordProof(id: String, method: ServiceMethod, servedAt: Date, receipt: String?, note: String?, by actor: String, at date: Date) throws -> Request {
        let key = signingKey
        return try database.writer.write { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM federation_request_received WHERE id = ?", arguments: [id]) else {
                throw DomainError(code: "request_not_found", reason: "no received request \(id)")
            }
            var request = Self.request(row)
            guard request.kind == FederationKind.noticeServiceRequest.rawValue else {
                throw DomainError(code: "not_a_service_request", reason: "request \(id) is a \(request.kind), not a 送达互助 request")
            }
            guard request.status == "received" else {
                throw DomainError(code: "already_exists", reason: "request \(id) already has its proof of service")
            }
            guard let peer = try PeerStore.peer(name: request.peer, in: db) else {
                throw DomainError(code: "peer_not_found", reason: "the requesting peer \(request.peer) is no longer registered")
            }
            let proof = ServiceProofBody(requestId: request.remoteRequestId, method: method.rawValue, servedAt: servedAt, receipt: receipt, note: note)
            try db.execute(sql: "UPDATE federation_request_received SET status = 'served', proof = ? WHERE id = ?", arguments: [try FederationJSON.encode(proof), id])
            try FederationOutbox.enqueue(.noticeServiceProof, body: proof, to: [peer], related: .init(type: "federation_request", id: id), at: date, in: db)
            try AuditLog.append(
                AuditRecord(actor: actor, action: "federation.service_proof_recorded", entityType: "federation_request", entityID: id, payload: proof),
                at: date, in: db, signingKey: key)
            request.status = "served"
            request.proof = proof
            return request
        }
    }

    static func request(_ row: Row) -> Request {
        Request(
            id: row["id"], peer: row["peer"], kind: row["kind"], remoteRequestId: row["remote_request_id"], remoteCaseId: row["remote_case_id"],
            subject: row["subject"], summary: row["summary"], receivedAt: Timestamp.parse(row["received_at"] as String) ?? .distantPast,
            status: row["status"], proof: (row["proof"] as String?).flatMap { try? FederationJSON.decode(ServiceProofBody.self, from: $0) })
    }
}
