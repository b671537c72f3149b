import Foundation
import GRDB
import Hummingbird
import NIOCore
import Prometheus

/// `GET /metrics` in the Prometheus text format (not under `/api`: scrapers don't log in; bind the node to a
/// private interface or filter it at the proxy). Gauges that describe the database are refreshed at scrape time.
struct MetricsController: APIController {
    let node: Node

    func register(on api: APIRouter) {
        let registry = node.metrics
        let auditEntries = registry.makeGauge(descriptor: .init(namespace: "xiezhi", metricName: "audit_entries", unitName: "", helpText: "Entries in the hash-chained audit log"))
        let accounts = registry.makeGauge(descriptor: .init(namespace: "xiezhi", metricName: "accounts", unitName: "", helpText: "User accounts on this node"))
        api.on(.get, "/metrics", access: .anonymous, summary: "Prometheus metrics") { _, _ in
            let counts = try await node.database.read { db in
                (try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM audit_log") ?? 0, try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM account") ?? 0)
            }
            auditEntries.set(Double(counts.0))
            accounts.set(Double(counts.1))
            try CaseMetrics.refresh(node: node)
            var headers = HTTPFields()
            headers[.contentType] = "text/plain; version=0.0.4; charset=utf-8"
            return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: registry.emitToBuffer())))
        }
    }
}
