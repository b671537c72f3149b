import Foundation
import Logging
import XiezhiCore
import XiezhiStore

/// Runs the vehicle-monitoring rules (``VehicleMonitor``) over every position the JT/T 808 gateway has committed and
/// raises their clues as alerts — off the acknowledgement path: the group committer answers a group's reports and then
/// hands the group over (``take(_:)``, which only queues it), and the rules catch up in batches. The queues are bounded
/// (``backlogLimit`` positions): past that, ``take(_:)`` waits, and with it the next commit, so under overload the
/// answers slow down rather than memory growing or a position going unchecked.
///
/// The vehicles are split over shards by their key (``VehicleMonitoringShard``, one per core), each with its own monitor
/// state and one queue worked through in order, so every vehicle's positions still reach the rules in the order they
/// were committed, and two cores evaluate rules at once. ``observe(_:terminal:)`` and ``sweep()`` go through the same
/// queues, after whatever is already queued, and return the alerts raised.
final class VehicleMonitoring: Sendable {
    let shards: [VehicleMonitoringShard]
    /// Positions queued for the rules beyond which ``take(_:)`` waits.
    static let backlogLimit = 200_000

    init(
        database: NodeDatabase, key: NodeKey, rules: RuleBook, logger: Logger, now: @escaping @Sendable () -> Date,
        shardCount: Int = ProcessInfo.processInfo.activeProcessorCount
    ) {
        shards = (0..<max(1, shardCount)).map { _ in
            VehicleMonitoringShard(database: database, key: key, rules: rules, logger: logger, now: now)
        }
    }

    /// Queues committed positions (the group committer, after each commit); waits only while the queues hold more than
    /// ``backlogLimit`` positions.
    func take(_ committed: [CommittedPositions]) async {
        enqueue(committed)
        while backlog > Self.backlogLimit {
            try? await Task.sleep(for: .milliseconds(5))
        }
    }

    /// Positions queued and not yet through the rules.
    var backlog: Int { shards.reduce(0) { $0 + $1.backlog } }

    /// Queues committed positions for the rules and returns at once.
    func enqueue(_ committed: [CommittedPositions]) {
        guard !committed.isEmpty else { return }
        if shards.count == 1 {
            shards[0].submit(committed.map { .observe($0, reply: nil) })
            return
        }
        var split = [[VehicleMonitoringShard.Work]](repeating: [], count: shards.count)
        for report in committed { split[shardIndex(report.terminal.vehicle)].append(.observe(report, reply: nil)) }
        for (shard, work) in zip(shards, split) where !work.isEmpty { shard.submit(work) }
    }

    /// Feeds stored positions of one terminal (after whatever is queued for its shard); returns the alerts raised.
    @discardableResult
    func observe(_ positions: [VehiclePosition], terminal: TerminalRegistration) async -> [AlertStore.Alert] {
        let shard = shards[shardIndex(terminal.vehicle)]
        return await withCheckedContinuation { continuation in
            shard.submit([.observe(CommittedPositions(positions: positions, terminal: terminal), reply: { continuation.resume(returning: $0) })])
        }
    }

    /// Signal-lost and other time-driven rules, once every shard has taken what was queued before; returns the alerts
    /// raised.
    @discardableResult
    func sweep() async -> [AlertStore.Alert] {
        await withTaskGroup(of: [AlertStore.Alert].self) { group in
            for shard in shards {
                group.addTask {
                    await withCheckedContinuation { continuation in
                        shard.submit([.sweep(reply: { continuation.resume(returning: $0) })])
                    }
                }
            }
            var alerts: [AlertStore.Alert] = []
            for await raised in group { alerts += raised }
            return alerts.sorted { $0.id < $1.id }
        }
    }

    private func shardIndex(_ vehicle: VehicleKey) -> Int {
        Int(UInt(bitPattern: vehicle.hashValue) % UInt(shards.count))
    }
}
