import Foundation
import Logging
import ServiceLifecycle
import XiezhiCore
import XiezhiSimulator
import XiezhiStore

/// The demo's live weigh traffic: every `interval` a few passes at every registered station go through the real
/// ingest, so overload clues and station statistics grow while the demo runs. The injected truth of every pass is
/// appended to `simulated-wim-truth.jsonl` in the data directory.
struct WeighTrafficFeed: Service {
    let node: Node
    var interval: Duration = .seconds(20)
    var passesPerStation = 3

    func run() async throws {
        var generator = WeighTrafficGenerator(limits: node.rules.current.overloadLimits, seed: UInt64(node.now().timeIntervalSince1970))
        let prefix = "SIM\(Int(node.now().timeIntervalSince1970))"
        while !Task.isCancelledOrShuttingDownGracefully {
            do {
                try await cancelWhenGracefulShutdown { try await Task.sleep(for: interval) }
            } catch {
                break
            }
            do {
                let report = try Self.feed(node, generator: &generator, prefix: prefix, passesPerStation: passesPerStation, at: node.now())
                node.logger.debug("simulated weigh traffic", metadata: ["wim.accepted": "\(report.accepted)", "wim.cases": "\(report.casesOpened)"])
            } catch {
                node.logger.error("simulated weigh traffic failed", metadata: ["error": "\(error)"])
            }
        }
    }

    /// Generates and ingests `passesPerStation` passes per station, spread over the minute before `time`.
    @discardableResult
    static func feed(_ node: Node, generator: inout WeighTrafficGenerator, prefix: String, passesPerStation: Int, at time: Date) throws -> WeighIngest.Report {
        let stations = try WeighStationStore(database: node.database, signingKey: nil).all()
        var items: [Result<WeighRecord, DomainError>] = []
        var truths: [String] = []
        for station in stations {
            for index in 0..<passesPerStation {
                let passTime = time.addingTimeInterval(-60 + Double(index) * 60 / Double(passesPerStation))
                let (record, truth) = generator.next(station: station.id, lanes: station.lanes, at: passTime, prefix: prefix)
                items.append(.success(record))
                struct Line: Encodable { var station: String; var recordId: String; var truth: WeighTrafficGenerator.Truth }
                truths.append(try CanonicalJSON.string(Line(station: station.id, recordId: record.recordID, truth: truth)))
            }
        }
        let report = try WeighIngest(node: node).ingest(items, restrictTo: nil)
        appendTruth(truths, node: node)
        return report
    }

    static func appendTruth(_ lines: [String], node: Node) {
        guard !lines.isEmpty else { return }
        let url = node.configuration.dataDirectory.appendingPathComponent("simulated-wim-truth.jsonl")
        let data = Data((lines.joined(separator: "\n") + "\n").utf8)
        if let handle = try? FileHandle(forWritingTo: url) {
            handle.seekToEndOfFile()
            handle.write(data)
            try? handle.close()
        } else {
            try? data.write(to: url)
        }
    }
}
