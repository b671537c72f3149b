import Foundation
import GRDB
import Hummingbird
import XiezhiStore

/// The audit log: pages of entries and an on-line verification (the same check as `xiezhi audit verify`).
struct AuditController: APIController {
    let node: Node

    struct EntryPage: ResponseEncodable {
        var items: [AuditEntry]
        /// Pass as `before` to get the next (older) page; nil on the last page.
        var nextBefore: Int64?
    }

    struct Verification: ResponseEncodable {
        var intact: Bool
        var entries: Int64
        var checkpoints: Int
        var firstBadSeq: Int64?
        var problem: String?
    }

    func register(on api: APIRouter) {
        api.on(.get, "/api/v1/audit", access: .roles([.auditor, .agencyHead, .admin]), summary: "Audit log entries, newest first") { request, _ in
            let query = request.uri.queryParameters
            let limit = try Pagination.limit(query)
            let before = try query.get("before").map { text -> Int64 in
                guard let value = Int64(text) else { throw Problem.badRequest("invalid_query", "'before' must be an integer sequence number") }
                return value
            }
            let entityType = query.get("entity_type")
            let actor = query.get("actor")
            let items = try await node.database.read { db in
                try AuditLog.page(entityType: entityType, actor: actor, beforeSeq: before, limit: limit, in: db)
            }
            return EntryPage(items: items, nextBefore: items.count == limit ? items.last?.seq : nil)
        }
        api.on(.get, "/api/v1/audit/verify", access: .roles([.auditor, .agencyHead, .admin]), summary: "Verify the hash chain and checkpoints") { _, _ in
            let key = node.key
            let report = try await node.database.read { db in try AuditVerifier.verify(db, publicKey: key.publicKey) }
            return Verification(
                intact: report.isIntact, entries: report.entries, checkpoints: report.checkpoints, firstBadSeq: report.firstProblem?.seq,
                problem: report.firstProblem?.description)
        }
    }
}

extension AuditEntry: ResponseEncodable {}
