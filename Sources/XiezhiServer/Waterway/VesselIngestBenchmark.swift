import Foundation
import Logging
import XiezhiStore
import XiezhiWire

/// `xiezhi bench ais`'s second stage: decoded AIS messages through the vessel ingest (the feeds' sink: batching,
/// one transaction per batch, the latest position per vessel) into a node's file database, with or without the
/// waterway monitoring behind it.
public enum VesselIngestBenchmark {
    public struct Result: Sendable {
        public var messages: Int
        /// Positions in `vessel_position` afterwards.
        public var storedPositions: Int
        public var seconds: Double
    }

    /// Decodes `lines` (outside the timing), then times their messages through a fresh node's vessel ingest in
    /// `directory` until the last batch is stored.
    public static func run(lines: [Substring], directory: URL, withMonitoring: Bool, logger: Logger) async throws -> Result {
        var configuration = NodeConfiguration(dataDirectory: directory)
        configuration.passwordHashCost = 4
        let node = try Node.open(configuration: configuration, logger: logger)
        var assembler = AISAssembler()
        var messages: [AISFeedMessage] = []
        let start = Date()
        for (index, line) in lines.enumerated() {
            let at = start.addingTimeInterval(Double(index) * 0.001)
            guard let payload = assembler.add(line: line, receivedAt: at).payload, let message = try? payload.message() else { continue }
            messages.append(AISFeedMessage(message: message, sentences: [], feed: "bench", receiveTime: payload.receiveTime, receivedAt: at))
        }
        let ingest = withMonitoring ? node.vesselIngest : VesselIngest(store: VesselStore(database: node.database), logger: logger, now: node.now)
        let clock = ContinuousClock()
        let began = clock.now
        for message in messages { await ingest.accept(message) }
        await ingest.flush()
        let elapsed = clock.now - began
        let stored = try VesselStore(database: node.database).positionCount()
        return Result(messages: messages.count, storedPositions: stored, seconds: Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
    }
}
