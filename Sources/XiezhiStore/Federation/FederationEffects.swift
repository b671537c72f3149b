import Foundation
import GRDB
import XiezhiCore

/// What an accepted message does on the receiving node, inside the inbox transaction (so it happens exactly once).
public enum FederationEffects {
    /// Applies a new message of a known kind from `peer`. A refusal rolls the whole receipt back.
    public static func apply(_ envelope: FederationEnvelope, from peer: PeerStore.Peer, at date: Date, in db: Database, key: NodeKey?) throws {
        let actor = "peer:\(peer.name)"
        switch FederationKind(rawValue: envelope.kind) {
        case .penaltyRecord:
            let body = try FederationJSON.decode(PenaltyRecordBody.self, from: envelope.body)
            guard let jurisdiction = JurisdictionCode(rawValue: body.jurisdiction), peer.jurisdictions.contains(jurisdiction) else {
                throw FederationRefusal(.jurisdictionNotAgreed, "peer \(peer.name) does not speak for jurisdiction \(body.jurisdiction)")
            }
            guard let subject = try? SubjectKey(body.subject).stringValue else {
                throw FederationRefusal(.invalidBody, "subject '\(body.subject)' is not a subject key")
            }
            if try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM penalty_record WHERE decision_number = ?)", arguments: [body.decisionNumber]) == true {
                return
            }
            let penalty = PriorPenalty(
                subject: subject, violationKind: body.violationKind, actAt: body.actAt, decisionNumber: body.decisionNumber, agency: body.agency,
                jurisdiction: jurisdiction, decidedAt: body.decidedAt, source: .partner, firstViolationWaiver: body.firstViolationWaiver ?? false,
                driver: body.driver, carrier: body.carrier)
            try CaseStore.insertPenalty(penalty, amount: body.amountFen.map(Money.init(fen:)), caseID: nil, at: date, in: db)
            try AuditLog.append(
                AuditRecord(actor: actor, action: "penalty.partner_recorded", entityType: "penalty", entityID: penalty.decisionNumber, payload: penalty),
                at: date, in: db, signingKey: key)
        case .noticeServiceRequest, .homeAgencyCopy:
            let body = try FederationJSON.decode(PartnerRequestBody.self, from: envelope.body)
            try ReceivedRequestStore.insert(body, kind: envelope.kind, peer: peer.name, raw: envelope.body, at: date, in: db, key: key)
        case .noticeServiceProof:
            let body = try FederationJSON.decode(ServiceProofBody.self, from: envelope.body)
            guard ServiceMethod(rawValue: body.method) != nil else {
                throw FederationRefusal(.invalidBody, "unknown service method '\(body.method)'; known: \(ServiceMethod.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            let sentToPeer = try Bool.fetchOne(
                db, sql: "SELECT EXISTS (SELECT 1 FROM federation_outbox WHERE related_type = 'partner_request' AND related_id = ? AND peer = ?)",
                arguments: [body.requestId, peer.name]) ?? false
            guard sentToPeer, let caseID = try String.fetchOne(db, sql: "SELECT case_id FROM partner_request WHERE id = ?", arguments: [body.requestId]) else {
                throw FederationRefusal(.unknownRequest, "no request \(body.requestId) was sent to \(peer.name)")
            }
            try db.execute(sql: "UPDATE partner_request SET status = 'served', proof = ? WHERE id = ?", arguments: [envelope.body, body.requestId])
            try AuditLog.append(
                AuditRecord(actor: actor, action: "case.partner_service_proof", entityType: "case", entityID: caseID, payload: body),
                at: date, in: db, signingKey: key)
        case .referral:
            try ReferralStore.receive(try FederationJSON.decode(ReferralBody.self, from: envelope.body), from: peer, at: date, in: db, key: key)
        case .referralResponse:
            let body = try FederationJSON.decode(ReferralResponseBody.self, from: envelope.body)
            guard let decision = ReferralStatus(rawValue: body.decision), decision == .accepted || decision == .rejected else {
                throw FederationRefusal(.invalidBody, "decision is 'accepted' or 'rejected', not '\(body.decision)'")
            }
            try ReferralStore.receiveStep(referralID: body.referralId, status: decision, at: body.at, note: body.reason, result: nil, from: peer, in: db, key: key)
        case .referralResult:
            let body = try FederationJSON.decode(ReferralResultBody.self, from: envelope.body)
            let note = body.caseNumber.map { "\(body.result)（\($0)）" } ?? body.result
            try ReferralStore.receiveStep(referralID: body.referralId, status: .concluded, at: body.at, note: note, result: note, from: peer, in: db, key: key)
        case .unitRoster:
            try DispatchFederation.receiveRoster(try FederationJSON.decode(UnitRosterBody.self, from: envelope.body), from: peer, at: date, in: db)
        case .dispatchRequest:
            try DispatchFederation.receiveRequest(try FederationJSON.decode(DispatchRequestBody.self, from: envelope.body), from: peer, at: date, in: db, key: key)
        case .dispatchUpdate:
            try DispatchFederation.receiveUpdate(try FederationJSON.decode(DispatchUpdateBody.self, from: envelope.body), from: peer, at: date, in: db, key: key)
        case .watchlistEntry:
            try WatchlistStore.receive(try FederationJSON.decode(WatchlistEntryBody.self, from: envelope.body), from: peer, at: date, in: db, key: key)
        case .watchlistSighting:
            try WatchlistStore.receiveSighting(try FederationJSON.decode(WatchlistSightingBody.self, from: envelope.body), from: peer, at: date, in: db)
        case .jointOperation:
            try JointOperationStore.receive(try FederationJSON.decode(JointOperationPlan.self, from: envelope.body), from: peer, at: date, in: db, key: key)
        case .jointOperationReport:
            try JointOperationStore.receive(try FederationJSON.decode(AgencyContribution.self, from: envelope.body), from: peer, at: date, in: db, key: key)
        case .jointMeeting:
            try JointMeetingStore.receive(try FederationJSON.decode(JointMeeting.self, from: envelope.body), from: peer, at: date, in: db, key: key)
        case nil:
            throw FederationRefusal(.kindNotAgreed, "unknown message kind '\(envelope.kind)'")
        }
    }
}
