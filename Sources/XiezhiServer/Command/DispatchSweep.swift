import ServiceLifecycle

/// Runs the dispatch rules every 15 s: routine alerts dispatched, orders not accepted in time escalated. Ends at
/// once on graceful shutdown.
struct DispatchSweep: Service {
    let service: DispatchService
    var interval: Duration = .seconds(15)

    func run() async throws {
        while !Task.isShuttingDownGracefully && !Task.isCancelled {
            service.sweep()
            do {
                try await cancelWhenGracefulShutdown { try await Task.sleep(for: interval) }
            } catch {
                return
            }
        }
    }
}
