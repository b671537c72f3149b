import Foundation
import Hummingbird
import XiezhiCore
import XiezhiStore

/// 考核: for each partner (or one), the collaboration figures of a period computed from the records — referrals,
/// 送达互助, shared penalty records, joint operations and their results, joint meetings. The console's printable page
/// (`assessment.html`) shows the same JSON.
struct AssessmentController: APIController {
    let node: Node

    struct Report: ResponseEncodable, Sendable {
        var agency: OperationAgency
        var from: CalendarDate
        var to: CalendarDate
        var generatedAt: Date
        var partners: [Partner]
    }

    struct Partner: Encodable, Sendable {
        /// The peer's name on this node.
        var peer: String
        var jurisdictions: [JurisdictionCode]
        /// The partner agency's name (its first jurisdiction's, from the region).
        var agency: String
        var figures: PartnerAssessment
    }

    static let readers: Set<Role> = [.commander, .agencyHead, .partnerLiaison, .auditor]

    func register(on api: APIRouter) {
        api.on(.get, "/api/v1/assessment", access: .roles(Self.readers), summary: "Collaboration figures per partner for a period (from, to: yyyy-MM-dd China dates, default this year; partner: a peer name)") { request, context in
            let account = try context.requireAccount()
            let query = request.uri.queryParameters
            let now = node.now()
            let (from, to) = try QueryDate.period(query, today: CalendarDate(chinaDateOf: now))
            var peers = try await node.database.read { db in try PeerStore.all(in: db) }
            if let name = query.get("partner") {
                peers = peers.filter { $0.name == name }
                guard !peers.isEmpty else { throw Problem.notFound("no partner named \(name)") }
            }
            let store = AssessmentStore(database: node.database)
            var partners: [Partner] = []
            for peer in peers {
                let facts = try await store.facts(peer: peer)
                let figures = PartnerAssessment(facts: facts, agency: account.jurisdiction, from: from.startInChina, to: to.adding(days: 1).startInChina, now: now)
                let name = peer.jurisdictions.first.flatMap { node.rules.current.region.jurisdiction($0)?.agency } ?? peer.name
                partners.append(Partner(peer: peer.name, jurisdictions: peer.jurisdictions, agency: name, figures: figures))
            }
            return Report(
                agency: try node.operationAgency(account.jurisdiction, field: "agency"), from: from, to: to, generatedAt: now, partners: partners)
        }
    }
}
