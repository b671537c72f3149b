import Foundation
import Hummingbird
import XiezhiCore
import XiezhiStore

/// Dispatch orders (派单制): the commander dispatches an alert to a unit (the best one, or one they pick from the
/// suggestions); the unit's officers accept or decline, arrive, attach evidence and report; the commander closes.
struct DispatchController: APIController {
    let node: Node
    var service: DispatchService { DispatchService(node: node) }
    static let commanders: Set<Role> = [.commander, .agencyHead]
    static let field: Set<Role> = [.officer, .commander, .agencyHead]

    /// What to dispatch: an open alert, or a clue case with a place (exactly one), to a unit (nil: the best).
    struct DispatchRequest: Decodable {
        var alertId: String?
        var caseId: String?
        var unitId: String?
    }

    struct StepRequest: Decodable {
        var reason: String?
        var result: DispatchResult?
        var note: String?
        var unitId: String?
    }

    struct EvidenceRequest: Decodable {
        /// `photo` or `note`.
        var kind: String
        var name: String?
        var mediaType: String?
        /// The photo, base64.
        var contentBase64: String?
        var note: String?
    }

    /// An order with what the phone and the board show: the unit, the scene and its checklists, the evidence.
    struct OrderView: ResponseEncodable, Sendable {
        var order: DispatchOrder
        var stateName: String
        var unitName: String?
        var unitKind: String?
        var sceneName: String?
        var resultName: String?
        var overdue: Bool
        var checklists: [OnSiteChecklist]?
        var evidence: [DispatchStore.Evidence]?
    }

    struct CandidateView: Encodable, Sendable {
        var unitId: String
        var unitName: String
        var kindName: String
        var jurisdiction: JurisdictionCode
        var distanceMetres: Int
        var etaMinutes: Int
        var isPartner: Bool
    }

    func register(on api: APIRouter) {
        api.on(.get, "/api/v1/dispatch", access: .roles(.caseReaders), summary: "The dispatch board: the agency's orders (and those waiting for it as a partner), newest first (active=true for open ones)") { request, context in
            let account = try context.requireAccount()
            let active = request.uri.queryParameters.get("active") == "true"
            let limit = try Pagination.limit(request.uri.queryParameters)
            return Listing(items: try service.orders.orders(for: account.jurisdiction, activeOnly: active, limit: limit).map { try view($0, detail: false) })
        }
        api.on(.get, "/api/v1/dispatch/mine", access: .authenticated, summary: "The orders of the units the account is a member of (the officer's phone view)") { _, context in
            let account = try context.requireAccount()
            let units = try service.units.units(member: account.id)
            return Listing(items: try service.orders.orders(units: units.map(\.id), limit: 50).map { try view($0, detail: true) })
        }
        api.on(.get, "/api/v1/dispatch/suggest", access: .roles(Self.commanders), summary: "The units that could go to an alert (alert=ID) or a clue case (case=ID), best first, with distance and travel estimate") { request, context in
            let account = try context.requireAccount()
            let query = request.uri.queryParameters
            let target = try target(alertID: query.get("alert"), caseID: query.get("case"), for: account.jurisdiction)
            return Listing(items: try service.candidates(for: target, commandingAgency: account.jurisdiction).map { candidate in
                CandidateView(
                    unitId: candidate.unit.id, unitName: candidate.unit.name, kindName: candidate.unit.kind.chineseName, jurisdiction: candidate.unit.jurisdiction,
                    distanceMetres: Int(candidate.distanceMetres.rounded()), etaMinutes: Int(candidate.etaMinutes.rounded(.up)), isPartner: candidate.isPartner)
            })
        }
        api.on(.post, "/api/v1/dispatch", access: .roles(Self.commanders), summary: "Dispatch an open alert (alert_id) or a clue case with a place (case_id) to a unit (unit_id, or the best unit when omitted)") { request, context in
            let account = try context.requireAccount()
            let body = try await request.decode(as: DispatchRequest.self, context: context)
            let target = try target(alertID: body.alertId, caseID: body.caseId, for: account.jurisdiction)
            let order = try service.dispatch(
                target, unitID: body.unitId, actor: DispatchActor(accountID: account.id, role: account.role, jurisdiction: account.jurisdiction), byRule: false)
            return EditedResponse(status: .created, response: try view(order, detail: true))
        }
        api.on(.get, "/api/v1/dispatch/{id}", access: .authenticated, summary: "One order with its scene checklists, history and evidence") { _, context in
            try view(try order(context), detail: true)
        }
        for (step, access, summary) in [
            ("accept", Self.field, "A member of the unit accepts the order"),
            ("decline", Self.field, "A member of the unit declines, with the reason"),
            ("arrive", Self.field, "The unit is on site"),
            ("report", Self.field, "The unit reports the result (checked_no_violation, violation_confirmed → a case from the alert, target_not_found) with a note"),
            ("close", Self.commanders, "The commander closes a reported order"),
            ("cancel", Self.commanders, "The commander withdraws an unfinished order, with the reason"),
            ("assign", Self.commanders, "The partner agency's commander gives an order waiting for it to one of its units (unit_id)"),
        ] {
            api.on(.post, "/api/v1/dispatch/{id}/\(step)", access: .roles(access), summary: summary) { request, context in
                let account = try context.requireAccount()
                let current = try order(context)
                let body = try await request.decode(as: StepRequest.self, context: context)
                let action: DispatchAction
                switch step {
                case "accept": action = .accept
                case "decline": action = .decline(reason: body.reason ?? "")
                case "arrive": action = .arrive
                case "report":
                    guard let result = body.result else { throw Problem.badRequest("result_required", "'result' is one of \(DispatchResult.allCases.map(\.rawValue).joined(separator: ", "))") }
                    action = .report(result: result, note: body.note ?? "")
                case "close": action = .close(note: body.note)
                case "cancel": action = .cancel(reason: body.reason ?? "")
                default:
                    guard let unitID = body.unitId, let unit = try service.units.unit(id: unitID) else { throw Problem.badRequest("unit_required", "'unit_id' names one of your units") }
                    action = .assignPartner(unit: unit)
                }
                return try view(try service.act(action, orderID: current.id, account: account), detail: true)
            }
        }
        api.on(.post, "/api/v1/dispatch/{id}/evidence", access: .roles(Self.field), summary: "Attach a photo (base64, hashed by the node) or a note to an order") { request, context in
            let account = try context.requireAccount()
            let current = try order(context)
            guard try service.units.unit(id: current.unitID)?.members.contains(account.id) == true || Self.commanders.contains(account.role) else {
                throw Problem.forbidden("not_unit_member", "only the unit's members attach evidence")
            }
            let body = try await request.decode(as: EvidenceRequest.self, context: context)
            var content: Data?
            switch body.kind {
            case "photo":
                guard let text = body.contentBase64, let data = Data(base64Encoded: text), !data.isEmpty else {
                    throw Problem.badRequest("invalid_photo", "a photo needs content_base64 (the image bytes in base64)")
                }
                content = data
            case "note":
                guard let note = body.note, !note.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { throw Problem.badRequest("invalid_note", "a note needs text") }
            default:
                throw Problem.badRequest("invalid_evidence_kind", "'kind' is photo or note")
            }
            let evidence = try service.orders.addEvidence(
                orderID: current.id, kind: body.kind, name: body.name, mediaType: body.mediaType, content: content, note: body.note, by: account.id, at: node.now())
            return EditedResponse(status: .created, response: Listing(items: [evidence]))
        }
        api.on(.get, "/api/v1/dispatch/{id}/evidence/{evidence}", access: .authenticated, summary: "A photo attached to an order (its bytes)") { _, context in
            let current = try order(context)
            guard let number = Int64(try context.parameters.require("evidence")),
                  let found = try service.orders.evidenceContent(orderID: current.id, id: number) else {
                throw Problem.notFound("no photo")
            }
            let (data, type) = found
            var headers = HTTPFields()
            headers[.contentType] = type ?? "application/octet-stream"
            return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
        }
    }

    /// Exactly one of an alert and a case.
    func target(alertID: String?, caseID: String?, for agency: JurisdictionCode) throws -> DispatchService.Target {
        switch (alertID, caseID) {
        case (let alert?, nil): try service.target(alertID: alert, for: agency)
        case (nil, let caseID?): try service.target(caseID: caseID, for: agency)
        default: throw Problem.badRequest("target_required", "name exactly one of an alert (alert_id / alert=) and a case (case_id / case=)")
        }
    }

    func order(_ context: XiezhiRequestContext) throws -> DispatchOrder {
        let account = try context.requireAccount()
        let id = try context.parameters.require("id")
        guard let order = try service.orders.order(id: id), order.jurisdiction == account.jurisdiction || order.partnerJurisdiction == account.jurisdiction else {
            throw Problem.notFound("no order \(id) for agency \(account.jurisdiction)")
        }
        return order
    }

    func view(_ order: DispatchOrder, detail: Bool) throws -> OrderView {
        let unit = try service.units.unit(id: order.unitID)
        let scene = service.rules.scene(named: order.scene)
        let evidence = detail ? try service.orders.evidence(orderID: order.id) : nil
        return OrderView(
            order: order, stateName: order.state.chineseName, unitName: unit?.name, unitKind: unit?.kind.chineseName, sceneName: scene?.nameZh,
            resultName: order.result?.chineseName, overdue: order.escalatedAt != nil,
            checklists: detail ? scene?.checklists : nil, evidence: evidence)
    }
}
