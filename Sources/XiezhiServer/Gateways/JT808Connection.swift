import Foundation
import Logging
import NIOCore
import XiezhiCore
import XiezhiStore
import XiezhiWire

/// One terminal's connection as a channel handler on its event loop: bytes → frames (half and sticky packets, garbage,
/// size limit) → session events; the session's actions are executed in order. Inbound bytes, a one-second tick
/// (``JT808Tickers``: one timer per event loop), and the answers of lookups and commits drive it; all of them run on the channel's
/// event loop, so the state machine needs no lock and a frame costs no task switch.
///
/// - Lookups (registration, authentication, the last-seen write) go to the store from a task; until the answer is back
///   on the event loop the connection takes no further frame (they wait in the splitter).
/// - Positions go to the gateway's group commit (``JT808PositionCommitter``) and the connection goes on reading; a
///   report's 0x8001 is sent when its commit completes, so "acknowledged ⇒ durable" holds. The session's high-water
///   mark pauses reading from the socket (backpressure) while too many of the terminal's reports wait for storage.
/// - The monitoring rules are not on this path: the committer hands committed positions to them.
final class JT808Connection: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    let node: Node
    let committer: JT808PositionCommitter
    let counters: JT808Counters
    let tickers: JT808Tickers
    private var logger: Logger
    private var machine: JT808SessionStateMachine
    private var splitter = JT808FrameSplitter()
    /// The authenticated terminal's registration (read once, at authentication).
    private var authenticatedTerminal: TerminalRegistration?
    /// Actions of the event being executed, then events fed back by actions, handled in that order.
    private var actions: ArraySlice<JT808SessionStateMachine.Action> = []
    private var events: [JT808SessionStateMachine.Event] = []
    /// A lookup's answer is awaited: nothing else is handled until it is back.
    private var awaitingLookup = false
    private var readingPaused = false
    /// Frames written since the last flush.
    private var unflushed = false
    private var context: ChannelHandlerContext?

    init(node: Node, committer: JT808PositionCommitter, counters: JT808Counters, tickers: JT808Tickers) {
        self.node = node
        self.committer = committer
        self.counters = counters
        self.tickers = tickers
        self.logger = node.logger
        self.machine = JT808SessionStateMachine(connectedAt: node.now())
    }

    var terminals: TerminalStore { TerminalStore(database: node.database, signingKey: node.key) }

    func handlerAdded(context: ChannelHandlerContext) {
        self.context = context
        logger[metadataKey: "jt808.remote"] = .string(context.channel.remoteAddress?.description ?? "?")
        counters.connections.increment()
        tickers.add(self, on: context.eventLoop)
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        tickers.remove(self, on: context.eventLoop)
        self.context = nil
    }

    /// The session's one-second tick (from ``JT808Tickers``, on the event loop).
    func tick() {
        events.append(.tick(at: node.now()))
        run()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        splitter.append(unwrapInboundIn(data))
        run()
    }

    func channelInactive(context: ChannelHandlerContext) {
        tickers.remove(self, on: context.eventLoop)
        _ = machine.handle(.closed)
        logger.debug("jt808 connection closed")
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        logger.debug("jt808 connection ended with an error", metadata: ["error": "\(error)"])
        context.close(promise: nil)
    }

    /// Works through actions, fed-back events and then buffered frames until a lookup is awaited, reading is paused,
    /// the session closes or nothing is left; then flushes what was written.
    private func run() {
        guard let context else { return }
        while !awaitingLookup {
            if let action = actions.popFirst() {
                execute(action, context: context)
            } else if !events.isEmpty {
                actions = machine.handle(events.removeFirst())[...]
            } else if machine.isClosed || readingPaused {
                break
            } else {
                do {
                    guard let frame = try splitter.next() else { break }
                    events.append(.frameReceived(frame, at: node.now()))
                } catch {
                    events.append(.decodeFailed(error, at: node.now()))
                }
            }
        }
        if unflushed {
            unflushed = false
            context.flush()
        }
        if machine.isClosed, actions.isEmpty, !awaitingLookup {
            context.close(promise: nil)
        }
    }

    /// An answer of the store, back on the event loop.
    private func answered(_ event: JT808SessionStateMachine.Event?) {
        awaitingLookup = false
        if let event { events.append(event) }
        run()
    }

    /// Runs `work` against the store from a task; `then` turns its result into the session's next event back on the
    /// event loop (nothing else is handled meanwhile). A store error closes the connection, as it always has.
    private func lookUp<Value: Sendable>(
        _ context: ChannelHandlerContext, _ work: @escaping @Sendable (JT808ConnectionStore) async throws -> Value,
        then: @escaping (JT808Connection, Value) -> JT808SessionStateMachine.Event?
    ) {
        awaitingLookup = true
        let connection = NIOLoopBound(self, eventLoop: context.eventLoop)
        let then = NIOLoopBound(then, eventLoop: context.eventLoop)
        let loop = context.eventLoop
        let store = JT808ConnectionStore(node: node)
        Task {
            let result: Result<Value, any Error>
            do { result = .success(try await work(store)) } catch { result = .failure(error) }
            loop.execute {
                let connection = connection.value
                switch result {
                case .success(let value):
                    connection.answered(then.value(connection, value))
                case .failure(let error):
                    connection.logger.error("jt808 store lookup failed; closing", metadata: ["error": "\(error)"])
                    connection.awaitingLookup = false
                    connection.context?.close(promise: nil)
                }
            }
        }
    }

    private func execute(_ action: JT808SessionStateMachine.Action, context: ChannelHandlerContext) {
        switch action {
        case .send(let frame):
            do {
                context.write(wrapOutboundOut(try frame.encoded()), promise: nil)
                unflushed = true
            } catch {
                logger.error("jt808 frame not encoded", metadata: ["error": "\(error)"])
            }
        case .lookUpRegistration(let lookup):
            lookUp(context, { store in try await store.registration(lookup) }, then: { _, result in .registrationLookup(result) })
        case .lookUpAuthentication(let lookup):
            lookUp(context, { store in try await store.terminals.lookUp(phone: lookup.terminalKey) }) { connection, terminal in
                guard let terminal, terminal.authenticationCode == lookup.authenticationCode else { return .authenticationLookup(.rejected) }
                connection.authenticatedTerminal = terminal
                return .authenticationLookup(.accepted(plate: terminal.vehicle.plate.value))
            }
        case .persistPositions(let batch):
            if let terminal = authenticatedTerminal, terminal.phone == batch.terminalKey {
                persist(batch, terminal: terminal, context: context)
            } else {
                // A terminal not authenticated on this connection (the session does not let that happen): read it first.
                lookUp(context, { store in try await store.terminals.lookUp(phone: batch.terminalKey) }) { connection, terminal in
                    guard let terminal, let context = connection.context else {
                        connection.logger.error("jt808 positions not stored", metadata: ["error": "no vehicle for terminal \(batch.terminalKey)"])
                        return .positionsNotPersisted(batch.token)
                    }
                    connection.persist(batch, terminal: terminal, context: context)
                    return nil
                }
            }
        case .authenticated(let identity):
            logger[metadataKey: "jt808.phone"] = .string(identity.terminalKey)
            logger.info("jt808 terminal authenticated", metadata: ["jt808.version": "\(identity.version)"])
            let at = node.now()
            lookUp(context, { store in try? await store.terminals.touch(phone: identity.terminalKey, version: "\(identity.version)", at: at) }, then: { _, _ in nil })
        case .unregistered(let identity):
            logger.info("jt808 terminal unregistered", metadata: ["jt808.phone": "\(identity.terminalKey)"])
        case .pauseReading:
            readingPaused = true
            context.channel.setOption(ChannelOptions.autoRead, value: false).whenFailure { _ in }
        case .resumeReading:
            readingPaused = false
            context.channel.setOption(ChannelOptions.autoRead, value: true).whenFailure { _ in }
        case .deliver:
            break
        case .count(let counter):
            counters.events[counter.kind]?.increment()
            logger.debug("jt808 event", metadata: ["jt808.event": "\(counter.kind.rawValue)", "jt808.detail": "\(counter.detail)"])
        case .close(let reason):
            logger.info("jt808 connection closed by the session", metadata: ["jt808.reason": "\(reason.rawValue)"])
        }
    }

    /// Hands the batch to the group commit; its answer comes back to the event loop as an event.
    private func persist(_ batch: JT808PositionBatch, terminal: TerminalRegistration, context: ChannelHandlerContext) {
        let connection = NIOLoopBound(self, eventLoop: context.eventLoop)
        let loop = context.eventLoop
        let count = batch.reports.count
        let token = batch.token
        committer.submit(CommittedPositions(positions: Self.positions(batch, vehicle: terminal.vehicle), terminal: terminal)) { result in
            loop.execute {
                let connection = connection.value
                switch result {
                case .success:
                    connection.counters.positions.increment(by: count)
                    connection.events.append(.positionsPersisted(token))
                case .failure(let error):
                    connection.logger.error("jt808 positions not stored", metadata: ["error": "\(error)"])
                    connection.events.append(.positionsNotPersisted(token))
                }
                connection.run()
            }
        }
    }

    static func positions(_ batch: JT808PositionBatch, vehicle: VehicleKey) -> [VehiclePosition] {
        let subject = SubjectKey.vehicle(vehicle).stringValue
        return batch.reports.map { report in
            VehiclePosition(
                subject: subject, terminal: batch.terminalKey, time: report.date ?? batch.receivedAt, longitude: report.longitudeDegrees,
                latitude: report.latitudeDegrees, speedKmh: report.speedKilometresPerHour, heading: Int(report.direction), altitude: Int(report.altitude),
                alarmBits: report.alarms.rawValue, statusBits: report.status.rawValue, receivedAt: batch.receivedAt)
        }
    }
}
