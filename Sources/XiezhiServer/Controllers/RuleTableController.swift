import Foundation
import Hummingbird
import NIOCore
import XiezhiCore
import XiezhiStore

/// The rule tables (benchmarks, procedure, joint-zone width): read by staff, replaced by administrators. A
/// replacement is validated by building the whole rule set with it before it is stored; the change is audited
/// with the old and new SHA-256 and takes effect at once.
struct RuleTableController: APIController {
    let node: Node

    struct TableSummary: ResponseEncodable, Sendable {
        var name: String
        var sha256: String
        var version: Int
        var updatedAt: Date
        var updatedBy: String
    }

    func register(on api: APIRouter) {
        api.on(.get, "/api/v1/rules", access: .authenticated, summary: "The rule tables with their versions") { _, _ in
            try node.ruleTables.all().map { TableSummary(name: $0.name, sha256: $0.sha256, version: $0.version, updatedAt: $0.updatedAt, updatedBy: $0.updatedBy) }
        }
        api.on(.get, "/api/v1/rules/{name}", access: .authenticated, summary: "One rule table's content") { _, context in
            let name = try context.parameters.require("name")
            guard let table = try node.ruleTables.table(name: name) else { throw Problem.notFound("no rule table '\(name)'") }
            var headers = HTTPFields()
            headers[.contentType] = "application/json; charset=utf-8"
            headers[.eTag] = "\"\(table.sha256)\""
            return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: table.content)))
        }
        api.on(.put, "/api/v1/rules/{name}", access: .roles([.admin]), summary: "Replace a rule table (validated, audited)") { request, context in
            let account = try context.requireAccount()
            let name = try context.parameters.require("name")
            var request = request
            let body = try await request.collectBody(upTo: context.maxUploadSize)
            guard let content = String(validating: body.readableBytesView, as: UTF8.self) else {
                throw Problem.badRequest("malformed_json", "the table must be UTF-8 JSON")
            }
            let candidate = try node.rules.candidate(replacing: name, with: content, others: try node.ruleTables.all())
            let table = try node.ruleTables.replace(name: name, content: content, at: node.now(), by: account.id)
            node.rules.install(candidate)
            node.logger.notice("rule table replaced", metadata: ["rule_table.name": "\(name)", "rule_table.version": "\(table.version)", "account.id": "\(account.id)"])
            return TableSummary(name: table.name, sha256: table.sha256, version: table.version, updatedAt: table.updatedAt, updatedBy: table.updatedBy)
        }
    }
}
