import Foundation
import NIOCore
import NIOPosix
import XiezhiSimulator
import XiezhiWire

/// Drives one simulated terminal over a real TCP connection: connect, 0x0100 register (unless it already holds a
/// code), 0x0102 authenticate, then its uploads, each sent when its pacing says and awaited until the platform's 0x8001
/// names its serial (resending packets a 0x8003 asks for). Nothing blocks: frames come from a reader task through a
/// stream, with a one-second tick for deadlines.
public struct JT808TerminalClient: Sendable {
    public var host: String
    public var port: Int
    /// How long to wait for any answer before giving up on the connection.
    public var answerTimeout: Duration = .seconds(30)

    public init(host: String, port: Int) {
        self.host = host
        self.port = port
    }

    /// When each upload goes out.
    public enum Pacing: Sendable {
        /// Each as soon as the previous one is acknowledged.
        case immediate
        /// At the real time its newest fix was taken (already-past fixes at once), with device time running
        /// `speedup` times faster than the real clock from `anchor` on.
        case deviceTime(anchor: Date, speedup: Double)
        /// Upload `i` at `start + phase + i × interval` (the benchmark's fixed rate).
        case interval(Duration, phase: Duration, start: ContinuousClock.Instant)
    }

    /// What came of one connection.
    public struct Outcome: Sendable {
        public var terminalKey: String
        /// The 0x8100 result (0 success), when the terminal registered.
        public var registrationResult: UInt8?
        /// The code the terminal authenticated with.
        public var authenticationCode: String?
        public var authenticated = false
        /// The fixes of every upload the platform acknowledged with result 0 (acknowledged ⇒ durable).
        public var acknowledged: [SimulatedFix] = []
        /// Uploads sent and acknowledged.
        public var uploadsSent = 0
        public var uploadsAcknowledged = 0
        /// Send-to-0x8001 times of the acknowledged uploads.
        public var latencies: [Duration] = []
        /// Why the connection ended early, if it did.
        public var failure: String?
    }

    enum Input: Sendable {
        case frame(JT808Frame)
        case tick
        case ended
    }

    struct Timeout: Error, CustomStringConvertible {
        var what: String
        var description: String { "no answer to \(what)" }
    }

    struct Refused: Error, CustomStringConvertible {
        var description: String
    }

    /// Runs `uploads` for `terminal`; `code` skips registration. `onAcknowledged` is told of every acknowledged upload.
    public func run(
        _ terminal: SimulatedTerminal, uploads: [TerminalUpload], pacing: Pacing, code: String? = nil, firstSerialNumber: UInt16 = 0,
        onAcknowledged: @Sendable (TerminalUpload, Duration) -> Void = { _, _ in }
    ) async -> Outcome {
        var outcome = Outcome(terminalKey: terminal.terminalKey)
        do {
            let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
                .channelOption(.socketOption(.so_reuseaddr), value: 1)
                .connect(host: host, port: port) { channel in
                    channel.eventLoop.makeCompletedFuture { try NIOAsyncChannel<ByteBuffer, ByteBuffer>(wrappingChannelSynchronously: channel) }
                }
            try await channel.executeThenClose { inbound, outbound in
                let (inputs, continuation) = AsyncStream.makeStream(of: Input.self, bufferingPolicy: .unbounded)
                try await withThrowingTaskGroup(of: Void.self) { group in
                    group.addTask {
                        var splitter = JT808FrameSplitter()
                        do {
                            for try await buffer in inbound {
                                splitter.append(buffer)
                                while true {
                                    do {
                                        guard let frame = try splitter.next() else { break }
                                        continuation.yield(.frame(frame))
                                    } catch {
                                        continue
                                    }
                                }
                            }
                        } catch {}
                        continuation.yield(.ended)
                    }
                    group.addTask {
                        while !Task.isCancelled {
                            try? await Task.sleep(for: .seconds(1))
                            continuation.yield(.tick)
                        }
                    }
                    defer {
                        continuation.finish()
                        group.cancelAll()
                    }
                    var session = Conversation(
                        framer: TerminalFramer(terminal: terminal, firstSerialNumber: firstSerialNumber), inputs: inputs.makeAsyncIterator(),
                        outbound: outbound, timeout: answerTimeout)
                    try await session.converse(uploads: uploads, pacing: pacing, code: code, outcome: &outcome, onAcknowledged: onAcknowledged)
                }
            }
        } catch {
            outcome.failure = "\(error)"
        }
        return outcome
    }

    /// The terminal's side of the conversation, over the frames the reader task passes on.
    struct Conversation {
        var framer: TerminalFramer
        var inputs: AsyncStream<Input>.AsyncIterator
        let outbound: NIOAsyncChannelOutboundWriter<ByteBuffer>
        let timeout: Duration
        let clock = ContinuousClock()

        mutating func converse(
            uploads: [TerminalUpload], pacing: Pacing, code: String?, outcome: inout Outcome,
            onAcknowledged: @Sendable (TerminalUpload, Duration) -> Void
        ) async throws {
            var code = code
            if code == nil {
                let sent = try framer.registration()
                try await write(sent)
                let answer = try await awaitAnswer(to: sent, "0x0100")
                guard case .registrationResponse(let response) = answer else { throw Refused(description: "0x0100 answered with \(answer.messageID)") }
                outcome.registrationResult = response.result.rawValue
                guard response.result == .success, let given = response.authenticationCode else {
                    throw Refused(description: "registration refused with result \(response.result.rawValue)")
                }
                code = given
            }
            outcome.authenticationCode = code
            let authentication = try framer.authentication(code: code ?? "")
            try await write(authentication)
            guard case .platformGeneralResponse(let reply) = try await awaitAnswer(to: authentication, "0x0102"), reply.result == .success else {
                throw Refused(description: "authentication refused")
            }
            outcome.authenticated = true
            let started = clock.now
            for (index, upload) in uploads.enumerated() {
                if let wait = delay(of: upload, index: index, pacing: pacing, started: started) { try await pause(wait) }
                let sent = try framer.upload(upload)
                let sentAt = clock.now
                try await write(sent)
                outcome.uploadsSent += 1
                guard case .platformGeneralResponse(let reply) = try await awaitAnswer(to: sent, "an upload") else { continue }
                if reply.result == .success {
                    let latency = clock.now - sentAt
                    outcome.uploadsAcknowledged += 1
                    outcome.acknowledged += upload.fixes
                    outcome.latencies.append(latency)
                    onAcknowledged(upload, latency)
                }
            }
        }

        func delay(of upload: TerminalUpload, index: Int, pacing: Pacing, started: ContinuousClock.Instant) -> Duration? {
            switch pacing {
            case .immediate:
                return nil
            case .deviceTime(let anchor, let speedup):
                let seconds = upload.due.timeIntervalSince(anchor) / max(speedup, 0.001) - (clock.now - started).inSeconds
                return seconds > 0 ? .milliseconds(Int64(seconds * 1000)) : nil
            case .interval(let interval, let phase, let start):
                let due = start + phase + interval * index
                return due > clock.now ? due - clock.now : nil
            }
        }

        /// Sleeps; what arrives meanwhile (late duplicate answers, ticks) waits in the stream and is skipped later.
        func pause(_ duration: Duration) async throws {
            try await Task.sleep(for: duration)
        }

        func write(_ outgoing: TerminalFramer.Outgoing) async throws {
            for buffer in outgoing.writes { try await outbound.write(buffer) }
        }

        /// The platform's answer naming `sent`'s serial: 0x8100 or 0x8001; a 0x8003 for it is served on the way.
        mutating func awaitAnswer(to sent: TerminalFramer.Outgoing, _ what: String) async throws -> JT808Message {
            let deadline = clock.now + timeout
            while true {
                guard let input = await inputs.next() else { throw Refused(description: "connection closed") }
                switch input {
                case .ended:
                    throw Refused(description: "connection closed by the platform while waiting for the answer to \(what)")
                case .tick:
                    if clock.now >= deadline { throw Timeout(what: what) }
                case .frame(let frame):
                    guard let message = try? JT808Message(frame: frame, version: framer.terminal.version) else { continue }
                    switch message {
                    case .registrationResponse(let response) where response.responseSerialNumber == sent.serialNumber:
                        return message
                    case .platformGeneralResponse(let reply) where reply.responseSerialNumber == sent.serialNumber && reply.responseMessageID == sent.messageID:
                        return message
                    case .platformResendRequest(let request) where request.originalSerialNumber == sent.serialNumber:
                        for index in request.packetIndices { if let packet = sent.packets[index] { try await outbound.write(packet) } }
                    default:
                        continue
                    }
                }
            }
        }
    }
}

extension Duration {
    /// The duration in seconds.
    var inSeconds: Double { Double(components.seconds) + Double(components.attoseconds) / 1e18 }
}
