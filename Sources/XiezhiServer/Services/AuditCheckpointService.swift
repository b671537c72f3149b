import Foundation
import GRDB
import ServiceLifecycle
import XiezhiStore

/// Signs an audit checkpoint at the head of the log when the node shuts down gracefully (and every 10 minutes
/// while it runs), so that a truncated or rewritten tail is caught by `xiezhi audit verify`.
struct AuditCheckpointService: Service {
    let node: Node

    func run() async throws {
        // Sleep in a loop until graceful shutdown cancels the sleep, then checkpoint one last time.
        while !Task.isCancelledOrShuttingDownGracefully {
            do {
                try await cancelWhenGracefulShutdown { try await Task.sleep(for: .seconds(600)) }
            } catch {
                break
            }
            checkpoint()
        }
        checkpoint()
    }

    func checkpoint() {
        do {
            let key = node.key
            let now = node.now()
            let seq = try node.database.writer.write { db in try AuditLog.checkpointHead(at: now, in: db, key: key) }
            if let seq { node.logger.info("audit checkpoint signed", metadata: ["audit.seq": "\(seq)"]) }
        } catch {
            node.logger.error("audit checkpoint failed", metadata: ["error": "\(error)"])
        }
    }
}

extension Task where Success == Never, Failure == Never {
    static var isCancelledOrShuttingDownGracefully: Bool { isCancelled || isShuttingDownGracefully }
}
