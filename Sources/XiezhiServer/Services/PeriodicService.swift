import ServiceLifecycle

/// Runs `action` every `interval` (first after one interval, or at once with `runsAtStart`) until the node shuts
/// down; graceful shutdown cuts the wait short, so no timer holds up the node's exit. The monitoring sweeps and the
/// dispatch rules are such services.
struct PeriodicService: Service {
    let interval: Duration
    var runsAtStart = false
    let action: @Sendable () async -> Void

    func run() async throws {
        if runsAtStart { await action() }
        while !Task.isShuttingDownGracefully && !Task.isCancelled {
            do {
                try await cancelWhenGracefulShutdown { try await Task.sleep(for: interval) }
            } catch {
                return
            }
            await action()
        }
    }
}
