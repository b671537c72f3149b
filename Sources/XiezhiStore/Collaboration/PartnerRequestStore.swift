import Foundation
import GRDB
import XiezhiCore

/// Requests this agency owes or makes to partner agencies, attached to a case: 送达互助 (ask the vehicle's home
/// agency to serve the notice), 抄告车籍地 (copy a closed overload case home within 7 working days). They are
/// `queued` until the federation delivers them; queuing is audited with the case.
public struct PartnerRequestStore: Sendable {
    public let database: NodeDatabase

    public init(database: NodeDatabase) {
        self.database = database
    }

    public struct Request: Codable, Sendable, Hashable {
        public var id: String
        public var kind: String
        public var kindName: String
        public var caseId: String
        public var fromJurisdiction: JurisdictionCode
        public var toJurisdiction: JurisdictionCode
        public var toName: String
        /// `queued` (waiting for federation), `delivered` (the partner's node acknowledged it), `failed` (refused),
        /// `served` (the partner returned the proof of service).
        public var status: String
        public var dueAt: Date?
        public var summary: String
        public var createdAt: Date
        /// The proof of service the partner returned (送达互助).
        public var proof: ServiceProofBody?
    }

    /// Queues a request inside the caller's transaction (once per case and kind) and audits it. When a peer speaks
    /// for the home jurisdiction and its agreement takes the request's kind, the message to it is written to the
    /// outbox in the same transaction; otherwise the request stays `queued` here until one is registered.
    public static func queue(
        _ duty: CrossBorderDuty, caseID: String, subject: String, decisionNumber: String?, amountFen: Int?, violationKind: String,
        from: JurisdictionCode, to home: HomeAgency, dueAt: Date?, summary: String,
        at date: Date, actor: String, in db: Database, key: NodeKey?
    ) throws {
        let id = UUID().uuidString.lowercased()
        try db.execute(
            sql: """
                INSERT INTO partner_request (id, kind, case_id, from_jurisdiction, to_jurisdiction, to_name, status, due_at, payload, created_at)
                VALUES (?, ?, ?, ?, ?, ?, 'queued', ?, ?, ?) ON CONFLICT(case_id, kind) DO NOTHING
                """,
            arguments: [id, duty.rawValue, caseID, from.rawValue, home.jurisdiction.rawValue, home.name, dueAt.map(Timestamp.format), summary, Timestamp.format(date)])
        guard db.changesCount == 1 else { return }
        struct Queued: Encodable { var request: String; var kind: String; var to: String; var dueAt: Date?; var summary: String }
        try AuditLog.append(
            AuditRecord(actor: actor, action: "case.partner_request_queued", entityType: "case", entityID: caseID,
                        payload: Queued(request: id, kind: duty.rawValue, to: "\(home.name) \(home.jurisdiction)", dueAt: dueAt, summary: summary)),
            at: date, in: db, signingKey: key)
        let kind: FederationKind = duty == .noticeService ? .noticeServiceRequest : .homeAgencyCopy
        let peers = try FederationOutbox.peers(for: kind, jurisdiction: home.jurisdiction, in: db)
        guard let peer = peers.first else { return }
        let body = PartnerRequestBody(
            requestId: id, caseId: caseID, subject: subject, summary: summary, violationKind: violationKind, decisionNumber: decisionNumber,
            dueAt: dueAt, amountFen: amountFen)
        try FederationOutbox.enqueue(kind, body: body, to: [peer], related: .init(type: "partner_request", id: id), at: date, in: db)
    }

    public func requests(caseID: String) throws -> [Request] {
        try database.writer.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM partner_request WHERE case_id = ? ORDER BY created_at", arguments: [caseID]).map(Self.request)
        }
    }

    static func request(_ row: Row) -> Request {
        let kind: String = row["kind"]
        return Request(
            id: row["id"], kind: kind, kindName: CrossBorderDuty(rawValue: kind)?.chineseName ?? kind, caseId: row["case_id"],
            fromJurisdiction: JurisdictionCode(rawValue: row["from_jurisdiction"] as String) ?? JurisdictionCode(rawValue: "000000")!,
            toJurisdiction: JurisdictionCode(rawValue: row["to_jurisdiction"] as String) ?? JurisdictionCode(rawValue: "000000")!,
            toName: row["to_name"], status: row["status"], dueAt: (row["due_at"] as String?).flatMap(Timestamp.parse), summary: row["payload"],
            createdAt: Timestamp.parse(row["created_at"] as String) ?? .distantPast,
            proof: (row["proof"] as String?).flatMap { try? FederationJSON.decode(ServiceProofBody.self, from: $0) })
    }
}

extension PartnerRequestStore {
    /// Requests from or to an agency that are not yet answered (queued or sent), for the command centre.
    public func waitingCount(for jurisdiction: JurisdictionCode) throws -> Int {
        try database.writer.read { db in
            try Int.fetchOne(
                db, sql: "SELECT COUNT(*) FROM partner_request WHERE status IN ('queued', 'sent') AND (from_jurisdiction = ? OR to_jurisdiction = ?)",
                arguments: [jurisdiction.rawValue, jurisdiction.rawValue]) ?? 0
        }
    }
}
