import Foundation
import Hummingbird
import NIOCore
import XiezhiCore
import XiezhiStore

/// The one-stop case process: open from a clue, list with filters and clocks, show with the allowed actions and
/// the audited timeline, act, and print the documents. Every case route is scoped to the caller's agency: another
/// agency's case is "not found".
struct CaseController: APIController {
    let node: Node
    var service: CaseService { CaseService(node: node) }

    struct NewCase: Decodable {
        var subject: String
        var partyKind: PartyKind
        var violationKind: String
        var facts: String
        var place: CasePlace?
        var occurredAt: Date
        var discoveredAt: Date?
        var concernsSafetyWithHarm: Bool?
        var source: String
    }

    func register(on api: APIRouter) {
        api.on(.get, "/api/v1/cases", access: .roles(.caseReaders), summary: "Cases of my agency, filtered and paginated, with their clocks") { request, context in
            let account = try context.requireAccount()
            let query = request.uri.queryParameters
            let limit = try Pagination.limit(query)
            let offset = try Pagination.offset(query)
            let stages = try (query.get("stage") ?? "").split(separator: ",").map { text -> CaseStage in
                guard let stage = CaseStage(rawValue: String(text)) else {
                    throw Problem.badRequest("invalid_query", "unknown stage '\(text)'; one of \(CaseStage.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                return stage
            }
            let overdueOnly: Bool
            switch query.get("overdue") {
            case nil, "false": overdueOnly = false
            case "true": overdueOnly = true
            case let other?: throw Problem.badRequest("invalid_query", "'overdue' is true or false, not '\(other)'")
            }
            let now = node.now()
            var rows = try service.store.list(
                jurisdiction: account.jurisdiction, stages: stages, violationKind: query.get("violation"), subjectContains: query.get("q")
            ).map { service.summary($0, now: now) }
            if overdueOnly { rows = rows.filter(\.overdue) }
            let page = Array(rows.dropFirst(offset).prefix(limit))
            return Page(items: page, total: rows.count, limit: limit, offset: offset)
        }
        api.on(.post, "/api/v1/cases", access: .roles([.officer, .caseHandler, .agencyHead]), summary: "Open a case from a clue") { request, context in
            let account = try context.requireAccount()
            let body = try await request.decode(as: NewCase.self, context: context)
            let intake = ClueIntake(
                jurisdiction: account.jurisdiction, subject: body.subject, partyKind: body.partyKind, violationKind: body.violationKind,
                facts: body.facts, place: body.place, occurredAt: body.occurredAt, discoveredAt: body.discoveredAt,
                concernsSafetyWithHarm: body.concernsSafetyWithHarm ?? false, source: body.source)
            let opened = try service.open(intake, by: account)
            return EditedResponse(status: .created, response: try service.detail(opened, for: account))
        }
        api.on(.get, "/api/v1/cases/{id}", access: .roles(.caseReaders), summary: "A case with its clocks, allowed actions, documents and timeline") { _, context in
            let account = try context.requireAccount()
            return try service.detail(try ownCase(context, account), for: account)
        }
        api.on(.get, "/api/v1/cases/{id}/timeline", access: .roles(.caseReaders), summary: "A case's audited events with their hash-chain links") { _, context in
            let account = try context.requireAccount()
            return try service.timeline(try ownCase(context, account).id)
        }
        api.on(.post, "/api/v1/cases/{id}/actions", access: .roles(.caseActors), summary: "Take a step in a case (the workflow checks stage, role and preconditions)") { request, context in
            let account = try context.requireAccount()
            let id = try context.parameters.require("id")
            let body = try await request.decode(as: CaseActionRequest.self, context: context)
            let updated = try service.act(caseID: id, request: body, by: account)
            context.logger.info("case action", metadata: ["case.id": "\(id)", "case.action": "\(body.action)", "case.stage": "\(updated.stage.rawValue)"])
            return try service.detail(updated, for: account)
        }
        api.on(.get, "/api/v1/cases/{id}/documents/{kind}", access: .roles(.caseReaders), summary: "A printable case document (HTML, A4)") { _, context in
            let account = try context.requireAccount()
            let value = try ownCase(context, account)
            let kindText = try context.parameters.require("kind")
            guard let kind = CaseDocumentKind(rawValue: kindText) else {
                throw Problem.notFound("no document '\(kindText)'; one of \(CaseDocumentKind.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            guard kind.isAvailable(for: value) else {
                throw Problem(status: .conflict, code: "document_not_ready", detail: "the case has no \(kind.title) yet (stage: \(value.stage.chineseName))")
            }
            let html = CaseDocumentRenderer.render(kind, value, context: try documentContext(value))
            var headers = HTTPFields()
            headers[.contentType] = "text/html; charset=utf-8"
            return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: html)))
        }
    }

    private func ownCase(_ context: XiezhiRequestContext, _ account: Account) throws -> EnforcementCase {
        let id = try context.parameters.require("id")
        guard let value = try service.store.fetch(id: id), value.jurisdiction == account.jurisdiction else {
            throw Problem.notFound("no case \(id) in agency \(account.jurisdiction)")
        }
        return value
    }

    private func documentContext(_ value: EnforcementCase) throws -> DocumentContext {
        let rules = node.rules.current
        let label = try SubjectStore(database: node.database, signingKey: nil).entry(key: value.subject)?.label
        return DocumentContext(
            agencyName: service.agencyName(value.jurisdiction),
            jurisdictionName: rules.region.jurisdiction(value.jurisdiction)?.name ?? value.jurisdiction.rawValue,
            rules: rules.procedure.resolved(for: value.jurisdiction),
            violationName: service.violationName(value.violationKind),
            partyName: label ?? (try? SubjectKey(value.subject).description) ?? value.subject)
    }
}
