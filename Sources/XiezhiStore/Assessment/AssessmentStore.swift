import Foundation
import GRDB
import XiezhiCore

/// Gathers the facts a 考核 (``PartnerAssessment``) counts about one partner, from the records of every kind of
/// collaboration with it: referrals and their timelines, 送达互助 requests and their proofs, penalty records sent and
/// received, joint operations and meetings involving the partner's jurisdictions.
public struct AssessmentStore: Sendable {
    public let database: NodeDatabase

    public init(database: NodeDatabase) {
        self.database = database
    }

    /// The facts about `peer`, everything on record (``PartnerAssessment`` keeps the period).
    public func facts(peer: PeerStore.Peer) async throws -> AssessmentFacts {
        try await database.read { db in try Self.facts(peer: peer, in: db) }
    }

    static func facts(peer: PeerStore.Peer, in db: Database) throws -> AssessmentFacts {
        let referrals = try Row.fetchAll(
            db, sql: """
                SELECT r.direction, r.referred_at, r.accept_by,
                    (SELECT MIN(e.at) FROM referral_event e WHERE e.referral_id = r.id AND e.kind IN ('accepted', 'rejected')) AS responded_at,
                    (SELECT e.kind FROM referral_event e WHERE e.referral_id = r.id AND e.kind IN ('accepted', 'rejected') ORDER BY e.at LIMIT 1) AS response,
                    (SELECT MIN(e.at) FROM referral_event e WHERE e.referral_id = r.id AND e.kind = 'concluded') AS result_at
                FROM referral r WHERE r.peer = ?
                """, arguments: [peer.name]
        ).map { row in
            ReferralFact(
                direction: row["direction"] as String == "outgoing" ? .sent : .received, referredAt: date(row["referred_at"] as String?) ?? .distantPast,
                acceptBy: date(row["accept_by"] as String?) ?? .distantPast, respondedAt: date(row["responded_at"] as String?),
                accepted: (row["response"] as String?).map { $0 == "accepted" }, resultAt: date(row["result_at"] as String?))
        }
        let sentRequests = try Row.fetchAll(
            db, sql: """
                SELECT created_at, CASE WHEN status = 'served' THEN json_extract(proof, '$.served_at') END AS served_at FROM partner_request
                WHERE kind = ? AND id IN (SELECT related_id FROM federation_outbox WHERE related_type = 'partner_request' AND peer = ? AND kind = ?)
                """, arguments: [CrossBorderDuty.noticeService.rawValue, peer.name, FederationKind.noticeServiceRequest.rawValue]
        ).map { ServiceRequestFact(direction: .sent, requestedAt: date($0["created_at"] as String?) ?? .distantPast, servedAt: date($0["served_at"] as String?)) }
        let receivedRequests = try Row.fetchAll(
            db, sql: """
                SELECT received_at, CASE WHEN status = 'served' THEN json_extract(proof, '$.served_at') END AS served_at FROM federation_request_received
                WHERE peer = ? AND kind = ?
                """, arguments: [peer.name, FederationKind.noticeServiceRequest.rawValue]
        ).map { ServiceRequestFact(direction: .received, requestedAt: date($0["received_at"] as String?) ?? .distantPast, servedAt: date($0["served_at"] as String?)) }
        let penaltiesSent = try String.fetchAll(
            db, sql: "SELECT created_at FROM federation_outbox WHERE peer = ? AND kind = ? AND status <> 'failed'",
            arguments: [peer.name, FederationKind.penaltyRecord.rawValue]
        ).compactMap { date($0) }.map { PenaltyShareFact(direction: .sent, at: $0) }
        let penaltiesReceived = try String.fetchAll(
            db, sql: "SELECT received_at FROM federation_inbox WHERE peer = ? AND kind = ?", arguments: [peer.name, FederationKind.penaltyRecord.rawValue]
        ).compactMap { date($0) }.map { PenaltyShareFact(direction: .received, at: $0) }
        return AssessmentFacts(
            referrals: referrals, serviceRequests: sentRequests + receivedRequests, penaltyShares: penaltiesSent + penaltiesReceived,
            operations: try JointOperationStore.operations(involving: peer.jurisdictions, in: db),
            meetings: try JointMeetingStore.meetings(involving: peer.jurisdictions, in: db))
    }

    private static func date(_ text: String?) -> Date? { text.flatMap(Timestamp.parse) }
}
