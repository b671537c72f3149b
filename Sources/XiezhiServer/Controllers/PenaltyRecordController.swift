import Foundation
import Hummingbird
import XiezhiCore
import XiezhiStore

/// The penalty records behind 一事不再罚: this node's decisions, and partners' decisions entered by a liaison
/// (处罚互认) until federation delivers them automatically.
struct PenaltyRecordController: APIController {
    let node: Node
    var store: CaseStore { CaseStore(database: node.database, signingKey: node.key) }

    struct PartnerPenalty: Decodable {
        var subject: String
        var violationKind: String
        var actAt: Date
        var decisionNumber: String
        var agency: String
        var jurisdiction: String
        var decidedAt: Date
        var amountFen: Int?
        /// `person:<ID>` of the driver, when the partner established it (一超四罚 per driver).
        var driver: String?
        /// `organisation:<USCC>` of the carrier (一超四罚 per carrier).
        var carrier: String?
    }

    func register(on api: APIRouter) {
        api.on(.get, "/api/v1/penalties", access: .roles(.caseReaders), summary: "Decided penalties known to this node (own and partners')") { request, _ in
            let query = request.uri.queryParameters
            if let subject = query.get("subject") {
                let items = try store.priorPenalties(subject: try SubjectKey(subject).stringValue)
                return Page(items: items, total: items.count, limit: items.count, offset: 0)
            }
            let limit = try Pagination.limit(query)
            let offset = try Pagination.offset(query)
            let (items, total) = try store.penaltyRecords(limit: limit, offset: offset)
            return Page(items: items, total: total, limit: limit, offset: offset)
        }
        api.on(.post, "/api/v1/penalties/partner", access: .roles([.partnerLiaison, .agencyHead]), summary: "Record a partner agency's penalty decision (处罚互认)") { request, context in
            let account = try context.requireAccount()
            let body = try await request.decode(as: PartnerPenalty.self, context: context)
            let jurisdiction = try JurisdictionCode.parse(body.jurisdiction)
            guard jurisdiction != account.jurisdiction else {
                throw Problem(status: .unprocessableContent, code: "not_a_partner", detail: "own decisions are recorded by the case process, not as partner records")
            }
            guard !body.decisionNumber.isEmpty, !body.agency.isEmpty else {
                throw Problem.badRequest("missing_fields", "'decision_number' and 'agency' are required")
            }
            let penalty = PriorPenalty(
                subject: try SubjectKey(body.subject).stringValue, violationKind: body.violationKind, actAt: body.actAt,
                decisionNumber: body.decisionNumber, agency: body.agency, jurisdiction: jurisdiction, decidedAt: body.decidedAt, source: .partner,
                driver: try body.driver.map { try SubjectKey($0).stringValue }, carrier: try body.carrier.map { try SubjectKey($0).stringValue })
            try store.recordPartnerPenalty(penalty, amount: body.amountFen.map(Money.init(fen:)), by: account.id, at: node.now())
            return EditedResponse(status: .created, response: penalty)
        }
    }
}

extension PriorPenalty: ResponseEncodable {}
