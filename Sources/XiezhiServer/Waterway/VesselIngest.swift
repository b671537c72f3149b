import Foundation
import Logging
import ServiceLifecycle
import XiezhiStore

/// Takes decoded AIS messages from every feed into the vessel store in batches: a batch is written when it holds
/// `batchSize` messages or when `interval` has passed, whichever comes first, and once more at shutdown.
///
/// The feeds call ``accept(_:)`` as their sink; it waits while a full batch is written, so a slow disk slows the
/// TCP feeds down (backpressure) instead of growing memory.
actor VesselIngest {
    let store: VesselStore
    let logger: Logger
    let now: @Sendable () -> Date
    let batchSize: Int
    private var positions: [VesselStore.Position] = []
    private var statics: [VesselStore.StaticReport] = []
    private(set) var written = 0

    init(store: VesselStore, logger: Logger, now: @escaping @Sendable () -> Date, batchSize: Int = 2_000) {
        self.store = store
        self.logger = logger
        self.now = now
        self.batchSize = batchSize
    }

    /// The feeds' sink.
    func accept(_ message: AISFeedMessage) {
        if let position = message.vesselPosition { positions.append(position) }
        if let report = message.vesselStatic { statics.append(report) }
        if positions.count + statics.count >= batchSize { flush() }
    }

    /// Writes what is buffered; a failed write is logged and the batch dropped (the feed goes on).
    func flush() {
        guard !positions.isEmpty || !statics.isEmpty else { return }
        let batch = (positions, statics)
        positions.removeAll(keepingCapacity: true)
        statics.removeAll(keepingCapacity: true)
        do {
            try store.write(positions: batch.0, statics: batch.1, at: now())
            written += batch.0.count
        } catch {
            logger.error("AIS batch not stored", metadata: ["positions": "\(batch.0.count)", "error": "\(error)"])
        }
    }
}

/// Flushes the vessel ingest on a timer, and a last time at shutdown.
struct VesselIngestService: Service {
    let ingest: VesselIngest
    var interval: Duration = .milliseconds(500)

    func run() async throws {
        while !Task.isShuttingDownGracefully && !Task.isCancelled {
            try? await cancelWhenGracefulShutdown { try await Task.sleep(for: interval) }
            await ingest.flush()
        }
        await ingest.flush()
    }
}
