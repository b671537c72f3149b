import Foundation
import NIOCore
import NIOPosix
import XiezhiSimulator

/// The benchmark's load generator: every terminal a ``JT808LoadTerminal`` handler on one of the event loops of
/// `group` (no task per connection), connections opened in bursts so the node's listen backlog is not overrun.
public struct JT808LoadGenerator: Sendable {
    public var host: String
    public var port: Int
    public var group: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton
    /// Connections opened before waiting for them to be accepted.
    public var connectBurst = 200
    /// How long to wait for any answer before giving up on the connection.
    public var answerTimeout: Duration = .seconds(30)

    public init(host: String, port: Int) {
        self.host = host
        self.port = port
    }

    /// Drives `terminals`, each registering, authenticating and then sending `uploads(terminal)` one every `interval`
    /// from `start` (terminal `i` shifted by `i mod 1000` thousandths of the interval); `onAcknowledged` gets the send →
    /// 0x8001 time of every acknowledged upload. Outcomes in the order of `terminals`.
    public func run(
        _ terminals: [SimulatedTerminal], uploads: @escaping @Sendable (SimulatedTerminal) -> [TerminalUpload], interval: Duration,
        start: ContinuousClock.Instant, onAcknowledged: @escaping @Sendable (Duration) -> Void
    ) async -> [JT808TerminalClient.Outcome] {
        let clock = ContinuousClock()
        let startDeadline = NIODeadline.now() + TimeAmount(start - clock.now)
        let step = TimeAmount(interval)
        let timeout = TimeAmount(answerTimeout)
        let acknowledged: @Sendable (TimeAmount) -> Void = { onAcknowledged(.nanoseconds($0.nanoseconds)) }
        var outcomes: [EventLoopFuture<JT808TerminalClient.Outcome>] = []
        for burst in stride(from: 0, to: terminals.count, by: connectBurst) {
            var connecting: [EventLoopFuture<Void>] = []
            for index in burst..<min(burst + connectBurst, terminals.count) {
                let terminal = terminals[index]
                let loop = group.next()
                let done = loop.makePromise(of: JT808TerminalClient.Outcome.self)
                let schedule = JT808LoadTerminal.Schedule(
                    start: startDeadline, phase: .nanoseconds(step.nanoseconds * Int64(index % 1000) / 1000), interval: step, answerTimeout: timeout)
                let plan = uploads(terminal)
                let connected = ClientBootstrap(group: loop)
                    .channelOption(.socketOption(.so_reuseaddr), value: 1)
                    .channelInitializer { channel in
                        channel.eventLoop.makeCompletedFuture {
                            try channel.pipeline.syncOperations.addHandler(
                                JT808LoadTerminal(terminal: terminal, uploads: plan, schedule: schedule, done: done, onAcknowledged: acknowledged))
                        }
                    }
                    .connect(host: host, port: port)
                    .map { _ in }
                connected.whenFailure { error in
                    var outcome = JT808TerminalClient.Outcome(terminalKey: terminal.terminalKey)
                    outcome.failure = "\(error)"
                    done.succeed(outcome)
                }
                connecting.append(connected)
                outcomes.append(done.futureResult)
            }
            for future in connecting { _ = try? await future.get() }
        }
        var results: [JT808TerminalClient.Outcome] = []
        for future in outcomes { results.append((try? await future.get()) ?? JT808TerminalClient.Outcome(terminalKey: "?")) }
        return results
    }
}

extension TimeAmount {
    init(_ duration: Duration) {
        let (seconds, attoseconds) = duration.components
        self = .nanoseconds(seconds * 1_000_000_000 + attoseconds / 1_000_000_000)
    }
}
