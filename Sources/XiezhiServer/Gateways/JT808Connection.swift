import Foundation
import Logging
import Metrics
import NIOCore
import XiezhiCore
import XiezhiStore
import XiezhiWire

/// One terminal's connection: bytes → frames (half and sticky packets, garbage, size limit) → session events;
/// the session's actions are executed in order. Inbound bytes, a one-second tick and nothing else drive it, so the
/// state machine is owned by this one task and needs no lock.
///
/// Durability: a position report's 0x8001 goes out only after the gateway's group commit has committed its positions
/// (the session waits for `positionsPersisted`). The monitoring rules see them right after the answer is sent, before the
/// next frame is read, so they still see each terminal's positions in order.
struct JT808Connection {
    let node: Node
    let committer: JT808PositionCommitter
    let channel: NIOAsyncChannel<ByteBuffer, ByteBuffer>

    enum Input: Sendable {
        case bytes(ByteBuffer)
        case tick
        case ended
    }

    func run() async {
        let remote = channel.channel.remoteAddress?.description ?? "?"
        var logger = node.logger
        logger[metadataKey: "jt808.remote"] = .string(remote)
        Counter(label: "xiezhi_jt808_connections_total").increment()
        do {
            try await channel.executeThenClose { inbound, outbound in
                let (inputs, continuation) = AsyncStream.makeStream(of: Input.self, bufferingPolicy: .bufferingNewest(1024))
                try await withThrowingTaskGroup(of: Void.self) { group in
                    group.addTask {
                        do {
                            for try await buffer in inbound { continuation.yield(.bytes(buffer)) }
                        } catch {}
                        continuation.yield(.ended)
                    }
                    group.addTask {
                        while !Task.isCancelled {
                            try? await Task.sleep(for: .seconds(1))
                            continuation.yield(.tick)
                        }
                    }
                    var session = Session(node: node, committer: committer, logger: logger, outbound: outbound)
                    loop: for await input in inputs {
                        switch input {
                        case .bytes(let buffer): try await session.received(buffer)
                        case .tick: try await session.apply(.tick(at: node.now()))
                        case .ended:
                            _ = session.machine.handle(.closed)
                            break loop
                        }
                        if session.machine.isClosed { break loop }
                    }
                    continuation.finish()
                    group.cancelAll()
                }
            }
        } catch {
            logger.debug("jt808 connection ended with an error", metadata: ["error": "\(error)"])
        }
        logger.debug("jt808 connection closed")
    }

    /// The state machine with its frame splitter and the executor of its actions.
    struct Session {
        let node: Node
        let committer: JT808PositionCommitter
        var logger: Logger
        let outbound: NIOAsyncChannelOutboundWriter<ByteBuffer>
        var machine: JT808SessionStateMachine
        var splitter = JT808FrameSplitter()
        /// The authenticated terminal's registration (read once, at authentication).
        var authenticatedTerminal: TerminalRegistration?
        /// Committed positions the monitoring rules have not seen yet (fed after the answer is sent).
        var unobserved: [(positions: [VehiclePosition], terminal: TerminalRegistration)] = []
        var terminals: TerminalStore { TerminalStore(database: node.database, signingKey: node.key) }

        init(node: Node, committer: JT808PositionCommitter, logger: Logger, outbound: NIOAsyncChannelOutboundWriter<ByteBuffer>) {
            self.node = node
            self.committer = committer
            self.logger = logger
            self.outbound = outbound
            self.machine = JT808SessionStateMachine(connectedAt: node.now())
        }

        mutating func received(_ buffer: ByteBuffer) async throws {
            splitter.append(buffer)
            while true {
                let frame: JT808Frame?
                do {
                    frame = try splitter.next()
                } catch {
                    try await apply(.decodeFailed(error, at: node.now()))
                    continue
                }
                guard let frame else { return }
                try await apply(.frameReceived(frame, at: node.now()))
                if machine.isClosed { return }
            }
        }

        /// Feeds an event and executes the actions, feeding back the answers of lookups and writes.
        mutating func apply(_ event: JT808SessionStateMachine.Event) async throws {
            var pending = [event]
            while !pending.isEmpty {
                let actions = machine.handle(pending.removeFirst())
                for action in actions {
                    if let next = try await execute(action) { pending.append(next) }
                }
            }
            while !unobserved.isEmpty {
                let (positions, terminal) = unobserved.removeFirst()
                await node.vehicleMonitoring.observe(positions, terminal: terminal)
                await node.watchlist.observe(positions: positions, terminal: terminal)
            }
        }

        mutating func execute(_ action: JT808SessionStateMachine.Action) async throws -> JT808SessionStateMachine.Event? {
            switch action {
            case .send(let frame):
                try await outbound.write(try frame.encoded())
                return nil
            case .lookUpRegistration(let lookup):
                return .registrationLookup(try await registration(lookup))
            case .lookUpAuthentication(let lookup):
                guard let terminal = try await terminals.lookUp(phone: lookup.terminalKey), terminal.authenticationCode == lookup.authenticationCode else {
                    return .authenticationLookup(.rejected)
                }
                authenticatedTerminal = terminal
                return .authenticationLookup(.accepted(plate: terminal.vehicle.plate.value))
            case .persistPositions(let batch):
                do {
                    guard let terminal = try await lookUpOnce(batch.terminalKey) else {
                        throw StoreError(code: "unknown_terminal", reason: "no vehicle for terminal \(batch.terminalKey)")
                    }
                    let stored = positions(batch, vehicle: terminal.vehicle)
                    try await committer.commit(stored)
                    Counter(label: "xiezhi_jt808_positions_total").increment(by: batch.reports.count)
                    // The rules see positions only once they are durable (after the 0x8001 this event releases).
                    unobserved.append((stored, terminal))
                    return .positionsPersisted(batch.token)
                } catch {
                    logger.error("jt808 positions not stored", metadata: ["error": "\(error)"])
                    return .positionsNotPersisted(batch.token)
                }
            case .authenticated(let identity):
                logger[metadataKey: "jt808.phone"] = .string(identity.terminalKey)
                try? await terminals.touch(phone: identity.terminalKey, version: "\(identity.version)", at: node.now())
                logger.info("jt808 terminal authenticated", metadata: ["jt808.version": "\(identity.version)"])
                return nil
            case .unregistered(let identity):
                logger.info("jt808 terminal unregistered", metadata: ["jt808.phone": "\(identity.terminalKey)"])
                return nil
            case .deliver, .pauseReading, .resumeReading:
                return nil
            case .count(let counter):
                Counter(label: "xiezhi_jt808_events_total", dimensions: [("kind", counter.kind.rawValue)]).increment()
                logger.debug("jt808 event", metadata: ["jt808.event": "\(counter.kind.rawValue)", "jt808.detail": "\(counter.detail)"])
                return nil
            case .close(let reason):
                logger.info("jt808 connection closed by the session", metadata: ["jt808.reason": "\(reason.rawValue)"])
                return nil
            }
        }

        /// A registration: a provisioned terminal answers with its code; with open registration (the demo) an
        /// unknown terminal is enrolled to the plate it sent; otherwise "no such terminal" (result 4).
        func registration(_ lookup: JT808RegistrationLookup) async throws -> JT808RegistrationLookupResult {
            if let terminal = try await terminals.lookUp(phone: lookup.terminalKey) {
                return .known(plate: terminal.vehicle.plate.value, authenticationCode: terminal.authenticationCode)
            }
            guard node.configuration.openRegistration else { return .unknown }
            let body = lookup.registration
            guard let color = PlateColor(jt808Code: Int(body.plateColor.rawValue)),
                  let plate = try? PlateNumber(body.plate.trimmingCharacters(in: CharacterSet(charactersIn: "\u{0} ")))
            else { return .refused(.vehicleNotInDatabase) }
            let code = String(format: "%08X", UInt32.random(in: 0...UInt32.max))
            let registration = TerminalRegistration(
                phone: lookup.terminalKey, vehicle: VehicleKey(plate: plate, color: color), kind: .truck, carrier: nil, authenticationCode: code)
            let agency = HomeAgency.of(plate)?.jurisdiction ?? JurisdictionCode(rawValue: "000000")!
            try await terminals.enrol(registration, jurisdiction: agency, by: "system:jt808-open-registration", at: node.now())
            return .enrolled(authenticationCode: code)
        }

        /// The authenticated terminal, read from the store only when the session has none yet.
        func lookUpOnce(_ terminalKey: String) async throws -> TerminalRegistration? {
            if let authenticatedTerminal { return authenticatedTerminal }
            return try await terminals.lookUp(phone: terminalKey)
        }

        func positions(_ batch: JT808PositionBatch, vehicle: VehicleKey) -> [VehiclePosition] {
            let subject = SubjectKey.vehicle(vehicle).stringValue
            return batch.reports.map { report in
                VehiclePosition(
                    subject: subject, terminal: batch.terminalKey, time: report.date ?? batch.receivedAt, longitude: report.longitudeDegrees,
                    latitude: report.latitudeDegrees, speedKmh: report.speedKilometresPerHour, heading: Int(report.direction), altitude: Int(report.altitude),
                    alarmBits: report.alarms.rawValue, statusBits: report.status.rawValue, receivedAt: batch.receivedAt)
            }
        }
    }
}
