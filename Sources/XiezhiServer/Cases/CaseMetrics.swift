import Foundation
import Prometheus
import XiezhiStore

/// `xiezhi_cases{jurisdiction,stage}` gauges, refreshed at scrape time from the database.
enum CaseMetrics {
    static var descriptor: MetricNameDescriptor { MetricNameDescriptor(namespace: "xiezhi", metricName: "cases", unitName: "", helpText: "Enforcement cases by agency and stage") }

    static func refresh(node: Node) throws {
        for row in try CaseStore(database: node.database, signingKey: nil).countsByStage() {
            node.metrics.makeGauge(descriptor: descriptor, labels: [("jurisdiction", row.jurisdiction), ("stage", row.stage)]).set(Double(row.count))
        }
    }
}
