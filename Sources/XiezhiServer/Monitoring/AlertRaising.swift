import Logging
import XiezhiStore

/// Stores detector alerts (idempotent on their ids) and logs the new ones; a failed write is logged and the alerts
/// dropped, so a detector never stops on a database error.
enum AlertRaising {
    static func store(_ alerts: [AlertStore.Alert], database: NodeDatabase, key: NodeKey, logger: Logger) -> [AlertStore.Alert] {
        guard !alerts.isEmpty else { return [] }
        do {
            let raised = try AlertStore(database: database, signingKey: key).raise(alerts)
            for alert in raised {
                logger.info("alert raised", metadata: ["alert.kind": "\(alert.kind)", "alert.subject": "\(alert.subject)"])
            }
            return raised
        } catch {
            logger.error("alerts not stored", metadata: ["error": "\(error)", "count": "\(alerts.count)"])
            return []
        }
    }
}
