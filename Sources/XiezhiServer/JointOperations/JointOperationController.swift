import Foundation
import Hummingbird
import XiezhiCore
import XiezhiStore

/// 联合执法行动: the lead plans an operation with its partners, starts, concludes or cancels it; each agency commits
/// its units and records its own results. Everything reaches the other agencies' nodes through federation.
struct JointOperationController: APIController {
    let node: Node
    var store: JointOperationStore { JointOperationStore(database: node.database, signingKey: node.key) }

    struct NewOperation: Decodable {
        var title: String
        var startsAt: Date
        var endsAt: Date
        var place: OperationPlace
        var partners: [String]
        var targets: [String]
        var units: [String]?
        var note: String?
    }

    struct Transition: Decodable {
        var action: String
        var note: String?
    }

    struct Units: Decodable {
        var units: [String]
    }

    struct Results: Decodable {
        var inspections: Int
        var violations: Int
        var casesOpened: Int
        var caseIds: [String]?
        var note: String?
    }

    static let readers: Set<Role> = [.officer, .caseHandler, .commander, .agencyHead, .partnerLiaison, .auditor]
    /// Plan, start, conclude, cancel; commit units; record results.
    static let organisers: Set<Role> = [.commander, .agencyHead, .partnerLiaison]

    func register(on api: APIRouter) {
        api.on(.get, "/api/v1/joint-operations", access: .roles(Self.readers), summary: "Joint operations (联合执法行动) starting in a period (from, to: yyyy-MM-dd China dates; state)") { request, _ in
            let query = request.uri.queryParameters
            let from = try query.get("from").map { _ in try QueryDate.day(query, "from", default: CalendarDate(chinaDateOf: node.now())).startInChina }
            let to = try query.get("to").map { _ in try QueryDate.day(query, "to", default: CalendarDate(chinaDateOf: node.now())).adding(days: 1).startInChina }
            let state = try query.get("state").map { text in
                guard let state = JointOperationState(rawValue: text) else {
                    throw Problem.badRequest("invalid_query", "'state' is one of \(JointOperationState.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                return state
            }
            let items = try await store.list(from: from, to: to, state: state).map(OperationView.init)
            return Page(items: items, total: items.count, limit: items.count, offset: 0)
        }
        api.on(.post, "/api/v1/joint-operations", access: .roles(Self.organisers), summary: "Plan a joint operation with partner agencies (this agency leads)") { request, context in
            let account = try context.requireAccount()
            let body = try await request.decode(as: NewOperation.self, context: context)
            let targets = try body.targets.map { text in
                guard let target = JointOperationTarget(rawValue: text) else {
                    throw Problem.badRequest("invalid_targets", "'\(text)' is not a target; known: \(JointOperationTarget.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                return target
            }
            try body.place.validate(in: node.rules.current.region)
            let plan = try JointOperationPlan(
                operationId: UUID().uuidString.lowercased(), title: body.title, startsAt: body.startsAt, endsAt: body.endsAt, place: body.place,
                lead: try node.operationAgency(account.jurisdiction, field: "lead"), partners: try node.operationAgencies(body.partners, field: "partners"),
                targets: targets, note: body.note, at: node.now())
            let operation = try await store.plan(plan, units: body.units ?? [], by: account.id, at: node.now())
            return EditedResponse(status: .created, response: OperationView(operation))
        }
        api.on(.get, "/api/v1/joint-operations/{id}", access: .roles(Self.readers), summary: "A joint operation with every agency's units, officers and results") { _, context in
            let id = try context.parameters.require("id")
            guard let operation = try await store.operation(id: id) else { throw Problem.notFound("no joint operation \(id)") }
            return OperationView(operation)
        }
        api.on(.post, "/api/v1/joint-operations/{id}/transition", access: .roles(Self.organisers), summary: "The lead starts, concludes or cancels (with a note) the operation") { request, context in
            let account = try context.requireAccount()
            let body = try await request.decode(as: Transition.self, context: context)
            guard let action = JointOperationAction(rawValue: body.action) else {
                throw Problem.badRequest("invalid_action", "'action' is one of \(JointOperationAction.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            let operation = try await store.apply(
                action, id: try context.parameters.require("id"), note: body.note, agency: account.jurisdiction, by: account.id, at: node.now())
            return OperationView(operation)
        }
        api.on(.post, "/api/v1/joint-operations/{id}/units", access: .roles(Self.organisers), summary: "Commit this agency's units (their members take part as officers)") { request, context in
            let account = try context.requireAccount()
            let body = try await request.decode(as: Units.self, context: context)
            let operation = try await store.contribute(
                operationID: try context.parameters.require("id"), agency: account.jurisdiction, unitIDs: body.units, results: nil, by: account.id, at: node.now())
            return OperationView(operation)
        }
        api.on(.post, "/api/v1/joint-operations/{id}/results", access: .roles(Self.organisers), summary: "Record this agency's results: inspections, violations, cases opened (and their ids)") { request, context in
            let account = try context.requireAccount()
            let body = try await request.decode(as: Results.self, context: context)
            let results = OperationResults(inspections: body.inspections, violations: body.violations, casesOpened: body.casesOpened, caseIds: body.caseIds ?? [], note: body.note)
            let operation = try await store.contribute(
                operationID: try context.parameters.require("id"), agency: account.jurisdiction, unitIDs: nil, results: results, by: account.id, at: node.now())
            return OperationView(operation)
        }
    }
}
