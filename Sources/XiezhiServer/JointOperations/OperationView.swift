import Foundation
import Hummingbird
import XiezhiCore

/// A joint operation on the API: the plan flattened, with Chinese names, every agency's contribution and the totals.
struct OperationView: ResponseEncodable, Sendable {
    var id: String
    var revision: Int
    var title: String
    var startsAt: Date
    var endsAt: Date
    var place: OperationPlace
    var lead: OperationAgency
    var partners: [OperationAgency]
    var targets: [Target]
    var state: JointOperationState
    var stateName: String
    var events: [JointOperationEvent]
    var note: String?
    var contributions: [AgencyContribution]
    var totals: OperationResults
    var unitCount: Int
    var officerCount: Int

    struct Target: Encodable, Sendable {
        var code: JointOperationTarget
        var name: String
    }

    init(_ operation: JointOperation) {
        let plan = operation.plan
        id = plan.operationId
        revision = plan.revision
        title = plan.title
        startsAt = plan.startsAt
        endsAt = plan.endsAt
        place = plan.place
        lead = plan.lead
        partners = plan.partners
        targets = plan.targets.map { Target(code: $0, name: $0.chineseName) }
        state = plan.state
        stateName = plan.state.chineseName
        events = plan.events
        note = plan.note
        contributions = operation.contributions
        totals = operation.totals
        unitCount = operation.unitCount
        officerCount = operation.officerCount
    }
}

extension Node {
    /// The agency of a jurisdiction as the region names it, or a 400 problem naming the field.
    func operationAgency(_ code: JurisdictionCode, field: String) throws -> OperationAgency {
        guard let jurisdiction = rules.current.region.jurisdiction(code) else {
            throw Problem.badRequest("invalid_partners", "'\(field)': \(code) is not a jurisdiction of the region")
        }
        return OperationAgency(jurisdiction: code, name: jurisdiction.agency)
    }

    /// Agencies from jurisdiction codes in a request field.
    func operationAgencies(_ codes: [String], field: String) throws -> [OperationAgency] {
        try codes.map { text in
            guard let code = JurisdictionCode(rawValue: text) else { throw Problem.badRequest("invalid_partners", "'\(field)': '\(text)' is not a six-digit jurisdiction code") }
            return try operationAgency(code, field: field)
        }
    }
}
