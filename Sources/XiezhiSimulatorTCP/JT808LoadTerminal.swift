import Foundation
import NIOCore
import XiezhiSimulator
import XiezhiWire

/// One benchmark terminal as a channel handler on its event loop: 0x0100 register, 0x0102 authenticate, then one upload
/// every `interval` from `start + phase` on (each sent once the previous one is acknowledged, and no earlier than its
/// time), timing each from its write to the platform's 0x8001. No task, stream or timer per connection beyond one
/// scheduled send and one answer deadline, so a load generator of this kind on the same cores as the node costs far
/// less than the node it measures. The outcome completes `done` when the last upload is acknowledged or the connection
/// fails.
final class JT808LoadTerminal: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    struct Schedule: Sendable {
        var start: NIODeadline
        var phase: TimeAmount
        var interval: TimeAmount
        var answerTimeout: TimeAmount
    }

    private enum Step {
        case registering
        case authenticating
        case reporting(index: Int)
    }

    private var framer: TerminalFramer
    private let uploads: [TerminalUpload]
    private let schedule: Schedule
    private let onAcknowledged: @Sendable (TimeAmount) -> Void
    private let done: EventLoopPromise<JT808TerminalClient.Outcome>
    private var outcome: JT808TerminalClient.Outcome
    private var splitter = JT808FrameSplitter()
    private var step = Step.registering
    private var awaiting: (sent: TerminalFramer.Outgoing, at: NIODeadline, what: String)?
    private var timeout: Scheduled<Void>?
    private var finished = false

    init(
        terminal: SimulatedTerminal, uploads: [TerminalUpload], schedule: Schedule, done: EventLoopPromise<JT808TerminalClient.Outcome>,
        onAcknowledged: @escaping @Sendable (TimeAmount) -> Void
    ) {
        self.framer = TerminalFramer(terminal: terminal)
        self.uploads = uploads
        self.schedule = schedule
        self.done = done
        self.onAcknowledged = onAcknowledged
        self.outcome = JT808TerminalClient.Outcome(terminalKey: terminal.terminalKey)
    }

    func channelActive(context: ChannelHandlerContext) {
        send(context, "0x0100") { framer in try framer.registration() }
        context.fireChannelActive()
    }

    func channelInactive(context: ChannelHandlerContext) {
        finish(context, failure: "connection closed by the platform")
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        finish(context, failure: "\(error)")
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        splitter.append(unwrapInboundIn(data))
        while !finished {
            let frame: JT808Frame?
            do { frame = try splitter.next() } catch { continue }
            guard let frame else { break }
            answer(frame, context: context)
        }
    }

    private func answer(_ frame: JT808Frame, context: ChannelHandlerContext) {
        guard let (sent, sentAt, _) = awaiting, let message = try? JT808Message(frame: frame, version: framer.terminal.version) else { return }
        switch message {
        case .registrationResponse(let response) where response.responseSerialNumber == sent.serialNumber:
            outcome.registrationResult = response.result.rawValue
            guard response.result == .success, let code = response.authenticationCode else {
                return finish(context, failure: "registration refused with result \(response.result.rawValue)")
            }
            outcome.authenticationCode = code
            step = .authenticating
            send(context, "0x0102") { framer in try framer.authentication(code: code) }
        case .platformGeneralResponse(let reply) where reply.responseSerialNumber == sent.serialNumber && reply.responseMessageID == sent.messageID:
            switch step {
            case .registering:
                return
            case .authenticating:
                guard reply.result == .success else { return finish(context, failure: "authentication refused") }
                outcome.authenticated = true
                step = .reporting(index: 0)
                awaiting = nil
                timeout?.cancel()
                scheduleUpload(0, context: context)
            case .reporting(let index):
                awaiting = nil
                timeout?.cancel()
                outcome.uploadsSent += 1
                if reply.result == .success {
                    outcome.uploadsAcknowledged += 1
                    onAcknowledged(.now() - sentAt)
                }
                step = .reporting(index: index + 1)
                scheduleUpload(index + 1, context: context)
            }
        case .platformResendRequest(let request) where request.originalSerialNumber == sent.serialNumber:
            for index in request.packetIndices { if let packet = sent.packets[index] { context.write(wrapOutboundOut(packet), promise: nil) } }
            context.flush()
        default:
            return
        }
    }

    private func scheduleUpload(_ index: Int, context: ChannelHandlerContext) {
        guard index < uploads.count else { return finish(context, failure: nil) }
        let due = schedule.start + schedule.phase + schedule.interval * Int64(index)
        let upload = uploads[index]
        if due <= .now() {
            send(context, "an upload") { framer in try framer.upload(upload) }
            return
        }
        let terminal = NIOLoopBound(self, eventLoop: context.eventLoop)
        let bound = NIOLoopBound(context, eventLoop: context.eventLoop)
        context.eventLoop.scheduleTask(deadline: due) {
            terminal.value.send(bound.value, "an upload") { framer in try framer.upload(upload) }
        }
    }

    private func send(_ context: ChannelHandlerContext, _ what: String, _ make: (inout TerminalFramer) throws -> TerminalFramer.Outgoing) {
        guard !finished else { return }
        let sent: TerminalFramer.Outgoing
        do { sent = try make(&framer) } catch { return finish(context, failure: "\(error)") }
        let at = NIODeadline.now()
        awaiting = (sent, at, what)
        for buffer in sent.writes { context.write(wrapOutboundOut(buffer), promise: nil) }
        context.flush()
        let terminal = NIOLoopBound(self, eventLoop: context.eventLoop)
        let bound = NIOLoopBound(context, eventLoop: context.eventLoop)
        timeout?.cancel()
        timeout = context.eventLoop.scheduleTask(deadline: at + schedule.answerTimeout) {
            terminal.value.finish(bound.value, failure: "no answer to \(what)")
        }
    }

    private func finish(_ context: ChannelHandlerContext, failure: String?) {
        guard !finished else { return }
        finished = true
        timeout?.cancel()
        outcome.failure = failure
        done.succeed(outcome)
        context.close(promise: nil)
    }
}
