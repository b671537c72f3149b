import ArgumentParser
import Foundation
import NIOCore
import NIOPosix
import Synchronization
import XiezhiCore
import XiezhiData
import XiezhiSimulator
import XiezhiSimulatorTCP

extension Bench {
    /// `xiezhi bench jt808`: a node (`xiezhi serve`, a separate process, open registration) and a load generator (a task
    /// group in this process) with C connections, each registering, authenticating and then sending 0x0200 at a set
    /// rate, waiting for each 0x8001 (sent by the node only once the position is committed). Prints connections held,
    /// positions acknowledged (= durably stored) per second, p50/p99 from send to 0x8001, and the node's RSS; then stops
    /// the node and counts the stored rows with sqlite3.
    struct JT808Bench: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "jt808", abstract: "JT/T 808 gateway: connections held, positions stored per second.")

        @Option(help: "Concurrent terminal connections.")
        var connections = 1_000
        @Option(help: "Location reports per second per connection.")
        var rate: Double = 1
        @Option(help: "Seconds of steady load, after every connection has authenticated.")
        var duration: Double = 30
        @Option(help: "Gateway port for the node the benchmark starts.")
        var port = 17_808

        func run() async throws {
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent("xiezhi-bench-jt808-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: directory) }
            let server = try startNode(data: directory)
            defer { if server.isRunning { server.terminate() } }
            try await waitForGateway()
            print("node pid \(server.processIdentifier), gateway 127.0.0.1:\(port); \(connections) connections × \(rate)/s for \(duration) s")

            let region = try XiezhiCore.Region(geoJSON: try Data(contentsOf: BundledData.demoRegion), jointZoneRule: try BundledData.rulesFile("joint-zone.json"))
            let reports = Int(duration * rate) + 2
            let now = Date()
            let terminals = (0..<connections).map { JT808FleetGenerator.benchmarkTerminal(index: $0, region: region, start: now, fixes: reports, interval: 1 / rate) }
            let tally = TallyBox()
            let pid = server.processIdentifier
            let clock = ContinuousClock()
            // Every connection registers and authenticates first; the reports start together once they all could have.
            let setup = Duration.seconds(max(10, Double(connections) / 100))
            let start = clock.now + setup
            let windowStart = start + .seconds(2)
            let windowEnd = start + .seconds(duration)
            let generator = JT808LoadGenerator(host: "127.0.0.1", port: port)
            let sampler = Task {
                try? await Task.sleep(until: windowStart, clock: clock)
                let rss = Self.memory(pid: pid)
                let cpu = Self.cpuSeconds(pid: pid)
                tally.state.withLock { $0.rssAtWindowStart = rss.rss; $0.nodeCPUAtWindowStart = cpu; $0.ownCPUAtWindowStart = Self.cpuSeconds(pid: getpid()) }
                try? await Task.sleep(until: windowEnd, clock: clock)
                let late = Self.memory(pid: pid)
                let lateCPU = Self.cpuSeconds(pid: pid)
                tally.state.withLock {
                    $0.rssAtWindowEnd = late.rss
                    $0.peakRSS = late.peak
                    $0.nodeCPUInWindow = lateCPU - $0.nodeCPUAtWindowStart
                    $0.ownCPUInWindow = Self.cpuSeconds(pid: getpid()) - $0.ownCPUAtWindowStart
                }
            }
            let outcomes = await generator.run(
                terminals, uploads: { terminal in terminal.fixes.map { TerminalUpload(kind: .report, fixes: [$0]) } }, interval: .seconds(1 / rate),
                start: start
            ) { latency in
                let at = clock.now
                tally.state.withLock { tally in
                    tally.acknowledged += 1
                    if at >= windowStart && at < windowEnd {
                        tally.inWindow += 1
                        tally.latencies.append(latency)
                    }
                }
            }
            await sampler.value
            let result = tally.state.withLock { $0 }
            let authenticated = outcomes.filter(\.authenticated).count
            let held = outcomes.filter { $0.authenticated && $0.failure == nil }.count
            let seconds = (windowEnd - windowStart).components.seconds
            let sorted = result.latencies.sorted()
            func percentile(_ p: Double) -> String {
                guard !sorted.isEmpty else { return "–" }
                let value = sorted[min(sorted.count - 1, Int(Double(sorted.count) * p))]
                return String(format: "%.2f ms", Double(value.components.attoseconds) / 1e15 + Double(value.components.seconds) * 1000)
            }
            print("setup: \(authenticated)/\(connections) registered and authenticated within the \(setup) allowed before the reports start")
            print("connections held to the end: \(held)")
            print("positions acknowledged (durable) per second in the steady window: \(Int(Double(result.inWindow) / Double(max(seconds, 1)))) "
                + "(target \(Int(Double(connections) * rate))/s)")
            print("send → 0x8001: p50 \(percentile(0.5)), p99 \(percentile(0.99)) over \(sorted.count) reports")
            print("node RSS: \(mib(result.rssAtWindowStart)) at the window's start, \(mib(result.rssAtWindowEnd)) at its end, peak \(mib(result.peakRSS))")
            print(String(format: "CPU in the steady window: node %.2f cores, load generator %.2f cores", result.nodeCPUInWindow / Double(max(seconds, 1)),
                         result.ownCPUInWindow / Double(max(seconds, 1))))
            for failure in outcomes.compactMap(\.failure).prefix(3) { print("  a connection failed: \(failure)") }
            server.interrupt()
            server.waitUntilExit()
            let database = directory.appendingPathComponent("node.sqlite").path
            let stored = Int(try Shell.run("sqlite3", [database, "SELECT COUNT(*) FROM vehicle_position;"]).trimmingCharacters(in: .whitespacesAndNewlines)) ?? -1
            print("rows in vehicle_position after the node stopped: \(stored); acknowledged: \(result.acknowledged) — "
                + (stored >= result.acknowledged ? "every acknowledged position is stored" : "MISSING \(result.acknowledged - stored)"))
        }

        final class TallyBox: Sendable {
            let state = Mutex(Tally())
        }

        struct Tally {
            var acknowledged = 0
            var inWindow = 0
            var latencies: [Duration] = []
            var rssAtWindowStart = 0
            var rssAtWindowEnd = 0
            var peakRSS = 0
            var nodeCPUAtWindowStart = 0.0
            var nodeCPUInWindow = 0.0
            var ownCPUAtWindowStart = 0.0
            var ownCPUInWindow = 0.0
        }

        func mib(_ kib: Int) -> String { String(format: "%.1f MiB", Double(kib) / 1024) }

        func startNode(data: URL) throws -> Process {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
            process.arguments = [
                "serve", "--data", data.path, "--http", "127.0.0.1:0", "--jt808", "127.0.0.1:\(port)", "--jt808-open-registration",
                "--log-level", "error", "--log-format", "text",
            ]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = try FileHandle(forWritingTo: { () -> URL in
                let log = data.appendingPathComponent("node.log")
                _ = FileManager.default.createFile(atPath: log.path, contents: nil)
                return log
            }())
            try process.run()
            return process
        }

        func waitForGateway() async throws {
            for _ in 0..<600 {
                if let channel = try? await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton).connect(host: "127.0.0.1", port: port).get() {
                    try? await channel.close()
                    return
                }
                try await Task.sleep(for: .milliseconds(100))
            }
            throw ValidationError("the node's gateway did not open port \(port) within a minute")
        }

        /// User and system CPU seconds a process has used (`/proc/PID/stat`, fields 14 and 15, in clock ticks of 1/100 s).
        static func cpuSeconds(pid: Int32) -> Double {
            guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8), let close = stat.lastIndex(of: ")") else { return 0 }
            let fields = stat[stat.index(after: close)...].split(separator: " ")
            guard fields.count > 13, let user = Double(fields[11]), let system = Double(fields[12]) else { return 0 }
            return (user + system) / 100
        }

        /// VmRSS and VmHWM of a process, KiB.
        static func memory(pid: Int32) -> (rss: Int, peak: Int) {
            guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8) else { return (0, 0) }
            func field(_ name: String) -> Int {
                status.split(separator: "\n").first { $0.hasPrefix(name) }.flatMap { line in
                    line.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first.flatMap { Int($0) }
                } ?? 0
            }
            return (field("VmRSS:"), field("VmHWM:"))
        }
    }
}
