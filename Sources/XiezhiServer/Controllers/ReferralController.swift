import Foundation
import Hummingbird
import NIOCore
import XiezhiCore
import XiezhiStore

/// 移交违法线索 between partner nodes: refer a clue with its evidence files, accept or reject one with a reason, feed
/// back the result; the same referral, deadline and timeline on both nodes, with an overdue flag.
struct ReferralController: APIController {
    let node: Node
    var store: ReferralStore { ReferralStore(database: node.database, signingKey: node.key) }

    struct NewReferral: Decodable {
        struct File: Decodable {
            var name: String
            var mediaType: String
            var contentBase64: String
        }

        var peer: String
        var subject: String
        var violationKind: String
        var summary: String
        var place: String?
        var occurredAt: Date?
        var caseId: String?
        var evidence: [File]?
    }

    struct Answer: Decodable {
        var note: String?
        var reason: String?
    }

    struct ResultReport: Decodable {
        var result: String
        var caseNumber: String?
    }

    static let readers: Set<Role> = [.officer, .caseHandler, .commander, .agencyHead, .partnerLiaison, .auditor]
    static let actors: Set<Role> = [.officer, .caseHandler, .agencyHead, .partnerLiaison]
    static let deciders: Set<Role> = [.agencyHead, .partnerLiaison]

    func register(on api: APIRouter) {
        api.on(.get, "/api/v1/federation/referrals", access: .roles(Self.readers), summary: "Referrals sent and received (移交违法线索), with overdue flags") { request, _ in
            let items = try store.list(now: node.now(), overdueOnly: request.uri.queryParameters.get("overdue") == "true")
            return Page(items: items, total: items.count, limit: items.count, offset: 0)
        }
        api.on(.post, "/api/v1/federation/referrals", access: .roles(Self.actors), summary: "Refer a clue with its evidence files to a partner") { request, context in
            let account = try context.requireAccount()
            let body = try await request.decode(as: NewReferral.self, context: context)
            let files = try (body.evidence ?? []).map { file -> ReferralStore.NewFile in
                guard let content = Data(base64Encoded: file.contentBase64) else {
                    throw Problem.badRequest("invalid_evidence", "evidence '\(file.name)': 'content_base64' is not base64")
                }
                return ReferralStore.NewFile(name: file.name, mediaType: file.mediaType, content: content)
            }
            let subject = try SubjectKey(body.subject).stringValue
            let referral = try store.refer(
                to: body.peer, subject: subject, violationKind: body.violationKind, summary: body.summary, place: body.place, occurredAt: body.occurredAt,
                caseID: body.caseId, files: files, by: account.id, at: node.now(), calendar: node.rules.current.workCalendar)
            return EditedResponse(status: .created, response: referral)
        }
        api.on(.get, "/api/v1/federation/referrals/{id}", access: .roles(Self.readers), summary: "A referral with its timeline and evidence") { _, context in
            let id = try context.parameters.require("id")
            guard let referral = try store.referral(id: id, now: node.now()) else { throw Problem.notFound("no referral \(id)") }
            return referral
        }
        api.on(.post, "/api/v1/federation/referrals/{id}/accept", access: .roles(Self.deciders), summary: "Accept a partner's referral") { request, context in
            let account = try context.requireAccount()
            let body = try await request.decode(as: Answer.self, context: context)
            return try store.respond(id: try context.parameters.require("id"), accept: true, reason: body.note, by: account.id, at: node.now())
        }
        api.on(.post, "/api/v1/federation/referrals/{id}/reject", access: .roles(Self.deciders), summary: "Reject a partner's referral with a reason") { request, context in
            let account = try context.requireAccount()
            let body = try await request.decode(as: Answer.self, context: context)
            return try store.respond(id: try context.parameters.require("id"), accept: false, reason: body.reason, by: account.id, at: node.now())
        }
        api.on(.post, "/api/v1/federation/referrals/{id}/result", access: .roles(Self.deciders), summary: "Feed back how an accepted referral was handled") { request, context in
            let account = try context.requireAccount()
            let body = try await request.decode(as: ResultReport.self, context: context)
            return try store.reportResult(id: try context.parameters.require("id"), result: body.result, caseNumber: body.caseNumber, by: account.id, at: node.now())
        }
        api.on(.get, "/api/v1/federation/evidence/{sha256}", access: .roles(Self.readers), summary: "An evidence file by its SHA-256") { _, context in
            let hash = try context.parameters.require("sha256").lowercased()
            guard let file = try store.evidenceFile(sha256: hash) else { throw Problem.notFound("no evidence file \(hash)") }
            var headers = HTTPFields()
            headers[.contentType] = file.mediaType
            return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: file.content)))
        }
    }
}

extension ReferralStore.Referral: ResponseEncodable {}
