import ArgumentParser
import Foundation
import XiezhiServer

/// `xiezhi bench federation`: two nodes on loopback (see ``FederationBench``). Build with `-c release`.
struct FederationBenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "federation", abstract: "Delivered-and-acknowledged messages/s, delivery latency, backlog drain between two nodes on loopback.")

    @Option(help: "Messages in the throughput burst.")
    var count: Int = 5_000
    @Option(name: .customLong("latency-count"), help: "Messages sent one by one for the latency figures.")
    var latencyCount: Int = 1_000
    @Option(help: "Rate of those messages per second.")
    var rate: Double = 100
    @Option(help: "Messages queued while the partner is down.")
    var backlog: Int = 10_000

    func run() async throws {
        guard count > 0, latencyCount > 0, rate > 0, backlog > 0 else { throw ValidationError("counts and rate must be positive") }
        let figures = try await FederationBench.run(count: count, latencyCount: latencyCount, rate: rate, backlog: backlog) { line in
            FileHandle.standardError.write(Data("… \(line)\n".utf8))
        }
        func f(_ value: Double, _ digits: Int = 1) -> String { String(format: "%.\(digits)f", value) }
        print("throughput: \(figures.throughputCount) penalty records delivered and acknowledged in \(f(figures.throughputSeconds, 2)) s = \(Int(Double(figures.throughputCount) / figures.throughputSeconds)) messages/s")
        print("latency (commit → acknowledged, \(figures.latencyCount) messages at \(Int(rate))/s): p50 \(f(figures.latencyP50 * 1000)) ms, p99 \(f(figures.latencyP99 * 1000)) ms, max \(f(figures.latencyMax * 1000)) ms")
        print("backlog: \(figures.backlogCount) messages drained \(f(figures.backlogDrainSeconds, 2)) s after the partner restarted (first delivery after \(f(figures.backlogDiscoverySeconds, 2)) s: the sender's backoff, capped at 1 s here) = \(Int(Double(figures.backlogCount) / max(0.001, figures.backlogDrainSeconds - figures.backlogDiscoverySeconds))) messages/s once found")
    }
}
