import Foundation
import GRDB
import Hummingbird

/// `GET /api/v1/health`: liveness and the database's reachability; anonymous, for load balancers.
struct HealthController: APIController {
    let node: Node

    struct Health: ResponseEncodable {
        var status: String
        var time: Date
        var auditEntries: Int64
        var publicKey: String
    }

    func register(on api: APIRouter) {
        api.on(.get, "/api/v1/health", access: .anonymous, summary: "Liveness and database check") { _, _ in
            let entries = try await node.database.read { db in try Int64.fetchOne(db, sql: "SELECT COUNT(*) FROM audit_log") ?? 0 }
            return Health(status: "ok", time: node.now(), auditEntries: entries, publicKey: node.key.publicKeyBase64)
        }
    }
}
