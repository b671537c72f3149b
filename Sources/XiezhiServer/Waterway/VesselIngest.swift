import Foundation
import Logging
import ServiceLifecycle
import XiezhiStore

/// Takes decoded AIS messages from every feed into the vessel store in batches: a batch is written when it holds
/// `batchSize` messages or when `interval` has passed, whichever comes first, and once more at shutdown.
///
/// The feeds call ``accept(_:)`` as their sink; it waits while a full batch is written, so a slow disk slows the
/// TCP feeds down (backpressure) instead of growing memory. Once stored, a batch's positions go to the waterway
/// monitoring (when there is one).
actor VesselIngest {
    let store: VesselStore
    let waterway: WaterwayMonitoring?
    /// The watchlists' lookout: stored positions of flagged ships become sightings.
    let watchlist: WatchlistLookout?
    let logger: Logger
    let now: @Sendable () -> Date
    let batchSize: Int
    private var positions: [VesselStore.Position] = []
    private var statics: [VesselStore.StaticReport] = []
    private(set) var written = 0

    init(store: VesselStore, waterway: WaterwayMonitoring? = nil, watchlist: WatchlistLookout? = nil, logger: Logger, now: @escaping @Sendable () -> Date, batchSize: Int = 2_000) {
        self.store = store
        self.waterway = waterway
        self.watchlist = watchlist
        self.logger = logger
        self.now = now
        self.batchSize = batchSize
    }

    /// The feeds' sink.
    func accept(_ message: AISFeedMessage) async {
        if let position = message.vesselPosition { positions.append(position) }
        if let report = message.vesselStatic { statics.append(report) }
        if positions.count + statics.count >= batchSize { await flush() }
    }

    /// Writes what is buffered, then hands the positions to the waterway monitoring; a failed write is logged and the
    /// batch dropped (the feed goes on).
    func flush() async {
        guard !positions.isEmpty || !statics.isEmpty else { return }
        let batch = (positions, statics)
        positions.removeAll(keepingCapacity: true)
        statics.removeAll(keepingCapacity: true)
        do {
            try store.write(positions: batch.0, statics: batch.1, at: now())
            written += batch.0.count
        } catch {
            logger.error("AIS batch not stored", metadata: ["positions": "\(batch.0.count)", "error": "\(error)"])
            return
        }
        if let waterway, !batch.0.isEmpty { await waterway.observe(positions: batch.0) }
        if let watchlist, !batch.0.isEmpty { await watchlist.observe(vesselPositions: batch.0) }
    }
}

/// Flushes the vessel ingest on a timer, and a last time at shutdown.
struct VesselIngestService: Service {
    let ingest: VesselIngest
    var interval: Duration = .milliseconds(500)

    func run() async throws {
        while !Task.isShuttingDownGracefully && !Task.isCancelled {
            do {
                try await cancelWhenGracefulShutdown { try await Task.sleep(for: interval) }
            } catch {
                break
            }
            await ingest.flush()
        }
        await ingest.flush()
    }
}
