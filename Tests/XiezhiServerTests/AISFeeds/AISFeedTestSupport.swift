import Foundation
import Logging
import Metrics
import NIOCore
import NIOPosix
import ServiceLifecycle
import Synchronization
import Testing
import XiezhiWire
@testable import XiezhiServer

/// NMEA lines, a recording sink, log handler and metrics factory, a scripted NMEA server, and helpers to run a
/// feed service on loopback. Deadlines here only give up on a broken test; nothing asserts how long anything took.
enum AISFeedFixtures {
    /// Type 1, MMSI 413123456, 121.4737E 31.2304N (ais.md §1.6).
    static let type1 = "!AIVDM,1,1,,A,169w3P0tAs`d3wpAod@3JjhOP000,0*14"
    /// Type 5 in two sentences, EVER DIADEM (sequential id 1, channel A).
    static let type5 = [
        "!AIVDM,2,1,1,A,55?MbV02;H;s<HtKR20EHE:0@T4@Dn2222222216L961O5Gf0NSQEp6ClRp8,0*1C",
        "!AIVDM,2,2,1,A,88888888880,2*25",
    ]
    static let type1MMSI = 413_123_456
    /// The MMSI of `type5`, decoded by the wire target's assembler.
    static let type5MMSI: Int = {
        var assembler = AISAssembler()
        _ = assembler.add(line: type5[0], receivedAt: Date())
        return (try? assembler.add(line: type5[1], receivedAt: Date()).payload?.message().header.mmsi) ?? -1
    }()

    /// `!body*hh` with the right checksum.
    static func sentence(_ body: String) -> String {
        "!\(body)*\(hex(body.utf8.reduce(UInt8(0), ^)))"
    }

    /// A tag block `\content*hh\` in front of `line`.
    static func tagged(_ content: String, _ line: String) -> String {
        "\\\(content)*\(hex(content.utf8.reduce(UInt8(0), ^)))\\\(line)"
    }

    /// `line` with its checksum changed (a bad checksum).
    static func corrupted(_ line: String) -> String {
        let star = line.lastIndex(of: "*")!
        let sum = UInt8(line[line.index(after: star)...].prefix(2), radix: 16)!
        return String(line[...star]) + hex(sum ^ 0x01)
    }

    /// A type 1 position report for `mmsi` at raw `longitude`/`latitude` (1/10 000 minute).
    static func positionReport(mmsi: Int, longitude: Int = 72_884_220, latitude: Int = 18_738_240) -> String {
        var bits = BitWriter()
        bits.put(1, 6)  // type
        bits.put(0, 2)  // repeat
        bits.put(mmsi, 30)
        bits.put(0, 4)  // status: under way using engine
        bits.put(-128, 8)  // rate of turn: not available
        bits.put(123, 10)  // 12.3 kn
        bits.put(0, 1)
        bits.put(longitude, 28)
        bits.put(latitude, 27)
        bits.put(875, 12)
        bits.put(88, 9)
        bits.put(30, 6)
        bits.put(0, 2)
        bits.put(0, 3)
        bits.put(0, 1)
        bits.put(0, 19)
        let payload = AISPayload(bytes: bits.bytes, bitCount: bits.count)
        let armoured = payload.armoured
        return NMEASentence(channel: .a, payload: armoured.text, fillBits: armoured.fillBits).line
    }

    /// A type 1 with latitude 91° and longitude 181° ("not available").
    static func positionUnavailable(mmsi: Int) -> String {
        positionReport(mmsi: mmsi, longitude: 181 * 600_000, latitude: 91 * 600_000)
    }

    static func hex(_ byte: UInt8) -> String {
        let digits = String(byte, radix: 16, uppercase: true)
        return digits.count == 1 ? "0" + digits : digits
    }

    /// MSB-first bit packing for hand-made payloads.
    struct BitWriter {
        var bytes: [UInt8] = []
        var count = 0

        mutating func put(_ value: Int, _ width: Int) {
            let raw = UInt64(bitPattern: Int64(value)) & (width == 64 ? ~0 : (UInt64(1) << UInt64(width)) - 1)
            for index in stride(from: width - 1, through: 0, by: -1) {
                if count % 8 == 0 { bytes.append(0) }
                if raw >> UInt64(index) & 1 == 1 { bytes[count / 8] |= UInt8(0x80) >> UInt8(count % 8) }
                count += 1
            }
        }
    }
}

/// Everything a sink received, in order.
actor AISReceived {
    private(set) var messages: [AISFeedMessage] = []

    func append(_ message: AISFeedMessage) {
        messages.append(message)
    }

    var count: Int { messages.count }

    var mmsis: [Int] { messages.map(\.message.header.mmsi) }
}

/// A gate a slow sink waits at until the test opens it.
final class AISGate: Sendable {
    private let opened = Atomic<Bool>(false)

    func open() {
        opened.store(true, ordering: .releasing)
    }

    var isOpen: Bool { opened.load(ordering: .acquiring) }

    func wait() async {
        while !opened.load(ordering: .acquiring) {
            try? await Task.sleep(for: .milliseconds(2))
        }
    }
}

/// Records log lines (level and message) so tests can count them.
final class AISRecordedLogs: Sendable {
    struct Entry: Sendable {
        var level: Logger.Level
        var message: String
        var metadata: [String: String]
    }

    private let entries = Mutex<[Entry]>([])

    var all: [Entry] { entries.withLock { $0 } }

    func count(_ message: String, level: Logger.Level? = nil) -> Int {
        all.filter { $0.message == message && (level == nil || $0.level == level) }.count
    }

    func record(_ entry: Entry) {
        entries.withLock { $0.append(entry) }
    }

    /// A logger at `trace` writing here.
    var logger: Logger {
        var logger = Logger(label: "xiezhi.test.ais") { _ in Handler(logs: self) }
        logger.logLevel = .trace
        return logger
    }

    struct Handler: LogHandler {
        let logs: AISRecordedLogs
        var metadata: Logger.Metadata = [:]
        var logLevel: Logger.Level = .trace

        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }

        func log(event: LogEvent) {
            let merged = metadata.merging(event.metadata ?? [:]) { $1 }
            logs.record(Entry(level: event.level, message: "\(event.message)", metadata: merged.mapValues { "\($0)" }))
        }
    }
}

/// A metrics factory that keeps every value, to read `/metrics` counts back.
final class AISTestMetrics: MetricsFactory {
    final class Metric: CounterHandler, FloatingPointCounterHandler, MeterHandler, RecorderHandler, TimerHandler {
        private let state = Mutex<Double>(0)
        var value: Double { state.withLock { $0 } }
        func increment(by amount: Int64) { state.withLock { $0 += Double(amount) } }
        func increment(by amount: Double) { state.withLock { $0 += amount } }
        func decrement(by amount: Double) { state.withLock { $0 -= amount } }
        func set(_ value: Int64) { state.withLock { $0 = Double(value) } }
        func set(_ value: Double) { state.withLock { $0 = value } }
        func record(_ value: Int64) { set(value) }
        func record(_ value: Double) { set(value) }
        func recordNanoseconds(_ duration: Int64) { set(duration) }
        func reset() { set(Int64(0)) }
    }

    private let metrics = Mutex<[String: Metric]>([:])

    /// The value of `label` with exactly these dimensions (order-insensitive), or nil when never created.
    func value(_ label: String, _ dimensions: [String: String]) -> Double? {
        metrics.withLock { $0[Self.key(label, dimensions.map { ($0.key, $0.value) })]?.value }
    }

    /// Every label created.
    var labels: Set<String> {
        metrics.withLock { Set($0.keys.map { String($0.prefix { $0 != "{" }) }) }
    }

    private func metric(_ label: String, _ dimensions: [(String, String)]) -> Metric {
        metrics.withLock { metrics in
            let key = Self.key(label, dimensions)
            if let metric = metrics[key] { return metric }
            let metric = Metric()
            metrics[key] = metric
            return metric
        }
    }

    private static func key(_ label: String, _ dimensions: [(String, String)]) -> String {
        label + "{" + dimensions.sorted { $0.0 < $1.0 }.map { "\($0.0)=\($0.1)" }.joined(separator: ",") + "}"
    }

    func makeCounter(label: String, dimensions: [(String, String)]) -> any CounterHandler { metric(label, dimensions) }
    func makeFloatingPointCounter(label: String, dimensions: [(String, String)]) -> any FloatingPointCounterHandler { metric(label, dimensions) }
    func makeMeter(label: String, dimensions: [(String, String)]) -> any MeterHandler { metric(label, dimensions) }
    func makeRecorder(label: String, dimensions: [(String, String)], aggregate: Bool) -> any RecorderHandler { metric(label, dimensions) }
    func makeTimer(label: String, dimensions: [(String, String)]) -> any TimerHandler { metric(label, dimensions) }
    func destroyCounter(_ handler: any CounterHandler) {}
    func destroyMeter(_ handler: any MeterHandler) {}
    func destroyFloatingPointCounter(_ handler: any FloatingPointCounterHandler) {}
    func destroyRecorder(_ handler: any RecorderHandler) {}
    func destroyTimer(_ handler: any TimerHandler) {}
}

/// A connected TCP client that writes raw bytes (a receiver pushing to a listener).
struct AISPushingClient {
    let channel: NIOAsyncChannel<ByteBuffer, ByteBuffer>

    static func connect(port: Int) async throws -> AISPushingClient {
        let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton).connect(host: "127.0.0.1", port: port) { channel in
            channel.eventLoop.makeCompletedFuture { try NIOAsyncChannel<ByteBuffer, ByteBuffer>(wrappingChannelSynchronously: channel) }
        }
        return AISPushingClient(channel: channel)
    }
}

extension NIOAsyncChannelOutboundWriter<ByteBuffer> {
    /// Writes text as bytes.
    func write(text: String) async throws {
        try await write(ByteBuffer(string: text))
    }

    /// Writes raw bytes.
    func write(bytes: [UInt8]) async throws {
        try await write(ByteBuffer(bytes: bytes))
    }
}

/// Errors of the test harness itself.
struct AISTestTimeout: Error, CustomStringConvertible {
    var what: String
    var description: String { "gave up waiting for \(what)" }
}

/// Helpers to run feeds and their peers on loopback.
enum AISFeedHarness {
    /// Waits until `condition` holds; gives up (failing the test) after `seconds`, a safety net only.
    static func eventually(_ what: String, seconds: Double = 120, _ condition: @Sendable () async -> Bool) async throws {
        let deadline = ContinuousClock.now + .seconds(seconds)
        while !(await condition()) {
            guard ContinuousClock.now < deadline else { throw AISTestTimeout(what: what) }
            try await Task.sleep(for: .milliseconds(5))
        }
    }

    /// Runs `service` in a service group around `body`, then shuts it down gracefully and waits for it to stop.
    static func withRunning(_ services: [any Service], logger: Logger, _ body: @Sendable () async throws -> Void) async throws {
        let group = ServiceGroup(configuration: .init(services: services, logger: logger))
        try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask { try await group.run() }
            do {
                try await body()
            } catch {
                await group.triggerGracefulShutdown()
                try? await tasks.waitForAll()
                throw error
            }
            await group.triggerGracefulShutdown()
            try await tasks.waitForAll()
        }
    }

    /// Options that make the timers fast enough for tests (the logic is the same).
    static func fastOptions(_ change: (inout AISFeedOptions) -> Void = { _ in }) -> AISFeedOptions {
        var options = AISFeedOptions(
            stallTimeout: .seconds(30), tickInterval: .milliseconds(20),
            backoff: AISFeedBackoff.Configuration(initialDelay: .milliseconds(20), maximumDelay: .milliseconds(200), healthyAfter: .seconds(30))
        )
        change(&options)
        return options
    }

    /// A tiny NMEA server on 127.0.0.1 (any free port): each accepted connection runs `script` with its index (0, 1, …)
    /// and the connection's writer, then closes; the server stops when `body` returns.
    static func withNMEAServer(
        _ script: @escaping @Sendable (Int, NIOAsyncChannelOutboundWriter<ByteBuffer>) async throws -> Void,
        _ body: @Sendable (Int) async throws -> Void
    ) async throws {
        let server = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .bind(host: "127.0.0.1", port: 0) { channel in
                channel.eventLoop.makeCompletedFuture { try NIOAsyncChannel<ByteBuffer, ByteBuffer>(wrappingChannelSynchronously: channel) }
            }
        let port = try #require(server.channel.localAddress?.port)
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                try await withThrowingDiscardingTaskGroup { connections in
                    try await server.executeThenClose { inbound in
                        var index = 0
                        for try await connection in inbound {
                            let number = index
                            index += 1
                            connections.addTask {
                                try? await connection.executeThenClose { _, outbound in try await script(number, outbound) }
                            }
                        }
                    }
                }
            }
            defer { group.cancelAll() }
            try await body(port)
            server.channel.close(promise: nil)
        }
    }

    /// A port with nothing listening on it (bound, then closed).
    static func closedPort() async throws -> Int {
        let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton).bind(host: "127.0.0.1", port: 0).get()
        let port = try #require(channel.localAddress?.port)
        try await channel.close()
        return port
    }
}
