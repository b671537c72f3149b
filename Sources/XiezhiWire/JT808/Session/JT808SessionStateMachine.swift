import Foundation
import NIOCore

/// One JT/T 808 terminal connection as a pure state machine (终端会话): events in, actions out.
///
/// The host (a SwiftNIO channel handler) feeds it `Event`s — frames from `JT808FrameSplitter`, codec
/// errors, timer ticks, the answers of its store — and executes the returned `Action`s in order: send
/// a frame, look something up, persist positions, close. The session does no I/O and reads no clock;
/// every bound is in `Configuration`.
///
/// Protocol behaviour (JT/T 808-2011/2013/2019, see jt808.md):
/// - 0x0100 register → `lookUpRegistration` → 0x8100 with result 0 and the code, or 1–4.
/// - 0x0102 authenticate → `lookUpAuthentication` → 0x8001 result 0 (`authenticated`) or 1.
/// - Before authentication only 0x0100, 0x0102 and the heartbeat 0x0002 are served (2013 §7.2.2: the
///   terminal sends nothing else first); any other message is answered with 0x8001 result 1 (失败) and
///   not processed, a 0x0001 is dropped unanswered. The connection must authenticate within
///   `Configuration.authenticationTimeout`.
/// - 0x0002 heartbeat → 0x8001; 0x0003 unregister → 0x8001, `unregistered`, back to unauthenticated;
///   0x0004 query time → 0x8004 (UTC).
/// - 0x0200 and 0x0704 → `persistPositions`; their 0x8001 goes out only after `positionsPersisted`.
///   A retransmission of a report already acknowledged (same ID, serial and body) is acknowledged
///   again and not stored twice; one still being stored is not stored twice either.
/// - Subpackaged messages are reassembled (bounded), asked for again with 0x8003 after
///   `subpackageTimeout`, and given up after `maximumResendRequests` requests. The whole message is
///   then handled like any other and answered once, with the serial of its first packet.
/// - Unmodelled message IDs → 0x8001 result 3 (不支持), unless listed in `deliveredMessageIDs`.
/// - Every frame sent uses the terminal's protocol version as detected from its frames (the 2019
///   version flag and protocol-version byte; 2011 vs 2013 by the 0x0100 body length) and the session's
///   own serial number, counting from `firstSerialNumber` and wrapping after 65535.
public struct JT808SessionStateMachine: Sendable {
    /// The limits this session runs with.
    public let configuration: Configuration

    enum Phase: Hashable, Sendable {
        /// Connected, not (or no longer) authenticated.
        case connected
        /// Authenticated as this terminal.
        case authenticated(JT808SessionIdentity)
        /// `close` was emitted; waiting for `closed`.
        case closing(CloseReason)
        /// The connection is gone.
        case closed
    }

    /// A 0x0100 or 0x0102 waiting for the host's lookup.
    struct PendingLookup: Sendable {
        /// The serial of the message to answer (the newest, when the terminal sent it again).
        var serialNumber: UInt16
        var terminalPhone: String
        var terminalKey: String
        /// The registration (0x0100) being looked up.
        var registration: JT808Registration?
        /// The authentication code (0x0102) being looked up.
        var authenticationCode: String?
    }

    /// A report waiting for `positionsPersisted`.
    struct PendingReport: Sendable {
        var fingerprint: JT808RecentReports.Fingerprint
        var terminalPhone: String
    }

    var phase: Phase = .connected
    /// The terminal's version as detected from its frames; nil before the first frame.
    var rememberedVersion: JT808Version?
    /// The 2019 protocol-version byte of the terminal's last 2019 frame.
    var rememberedProtocolVersion: UInt8?
    /// The phone of the terminal's last accepted frame, for messages that answer nothing.
    var terminalPhone: String?
    /// The serial number of the next frame the session sends.
    var platformSerialNumber: UInt16
    /// The latest time any event carried.
    var now: Date
    /// When the last valid frame arrived.
    var lastFrameAt: Date
    /// While unauthenticated: when the connection is closed if it has not authenticated.
    var authenticationDeadline: Date?
    var authenticationFailures = 0
    var pendingRegistration: PendingLookup?
    var pendingAuthentication: PendingLookup?
    var pendingPersistence: [JT808PersistenceToken: PendingReport] = [:]
    var lastToken: UInt64 = 0
    var isReadingPaused = false
    var recentReports: JT808RecentReports
    var badFrames: JT808BadFrameWindow
    var assemblies: [JT808SubpackageAssembly.Key: JT808SubpackageAssembly] = [:]

    /// A session for a connection opened at `connectedAt`; its first frame carries `firstSerialNumber`.
    public init(configuration: Configuration = Configuration(), connectedAt: Date, firstSerialNumber: UInt16 = 0) {
        self.configuration = configuration
        self.platformSerialNumber = firstSerialNumber
        self.now = connectedAt
        self.lastFrameAt = connectedAt
        self.authenticationDeadline = connectedAt.addingTimeInterval(configuration.authenticationTimeout)
        self.recentReports = JT808RecentReports(capacity: configuration.duplicateWindow)
        self.badFrames = JT808BadFrameWindow(limit: configuration.badFrameLimit, window: configuration.badFrameWindow)
    }

    // MARK: - What the host can read

    /// Whether the terminal has authenticated (and not unregistered since).
    public var isAuthenticated: Bool {
        if case .authenticated = phase { return true }
        return false
    }

    /// The authenticated terminal, if any.
    public var identity: JT808SessionIdentity? {
        if case .authenticated(let identity) = phase { return identity }
        return nil
    }

    /// The terminal's protocol version as detected from its frames; nil before the first frame.
    public var version: JT808Version? { rememberedVersion }

    /// The 2019 protocol-version byte (协议版本号) sent back to a 2019 terminal; nil for 2011/2013.
    public var protocolVersion: UInt8? { rememberedVersion == .v2019 ? rememberedProtocolVersion : nil }

    /// The serial number the next frame sent will carry.
    public var nextSerialNumber: UInt16 { platformSerialNumber }

    /// Position batches waiting for `positionsPersisted`.
    public var pendingPersistenceCount: Int { pendingPersistence.count }

    /// Subpackaged messages being reassembled.
    public var reassemblyCount: Int { assemblies.count }

    /// Why the session asked to close, once it has.
    public var closeReason: CloseReason? {
        if case .closing(let reason) = phase { return reason }
        return nil
    }

    /// Whether the session has asked to close or the connection is gone: it ignores events.
    public var isClosed: Bool {
        switch phase {
        case .closing, .closed: true
        case .connected, .authenticated: false
        }
    }

    /// The earliest time a `tick` can have an effect (idle, authentication or subpackage timer);
    /// nil once closed.
    public var nextDeadline: Date? {
        guard !isClosed else { return nil }
        var deadline = lastFrameAt.addingTimeInterval(configuration.idleTimeout)
        if case .connected = phase, let authenticationDeadline {
            deadline = min(deadline, authenticationDeadline)
        }
        for assembly in assemblies.values {
            deadline = min(deadline, assembly.lastActivity.addingTimeInterval(configuration.subpackageTimeout))
        }
        return deadline
    }

    // MARK: - Events

    /// Feeds one event; returns what the host must do, in order.
    public mutating func handle(_ event: Event) -> [Action] {
        switch phase {
        case .closed:
            return []
        case .closing:
            if case .closed = event { close() }
            return []
        case .connected, .authenticated:
            break
        }
        switch event {
        case .frameReceived(let frame, let date):
            advance(to: date)
            return receive(frame)
        case .decodeFailed(let error, let date):
            advance(to: date)
            return recordBadFrame(
                JT808SessionCounter(.badFrame, messageID: error.messageID, detail: error.description)
            )
        case .positionsPersisted(let token):
            return persisted(token)
        case .positionsNotPersisted(let token):
            return notPersisted(token)
        case .registrationLookup(let result):
            return registrationLooked(result)
        case .authenticationLookup(let result):
            return authenticationLooked(result)
        case .sendMessage(let message):
            guard let phone = identity?.terminalPhone ?? terminalPhone else {
                return [.count(JT808SessionCounter(
                    .sendFailed, messageID: message.messageID,
                    detail: "no frame has come from the terminal yet, so its phone and version are unknown"
                ))]
            }
            return [send(message, to: phone)]
        case .tick(let date):
            advance(to: date)
            return tick()
        case .superseded:
            return closing(.superseded)
        case .closed:
            close()
            return []
        }
    }

    // MARK: - Shared steps

    mutating func advance(to date: Date) {
        if date > now { now = date }
    }

    /// Enters `closing` and returns the close action.
    mutating func closing(_ reason: CloseReason) -> [Action] {
        phase = .closing(reason)
        return [.close(reason)]
    }

    /// Forgets everything held for the connection.
    mutating func close() {
        phase = .closed
        pendingRegistration = nil
        pendingAuthentication = nil
        pendingPersistence = [:]
        assemblies = [:]
    }

    /// Counts a bad frame or body; closes the session when they flood.
    mutating func recordBadFrame(_ counter: JT808SessionCounter) -> [Action] {
        var actions: [Action] = [.count(counter)]
        if badFrames.record(at: now) {
            actions += closing(.badFrameFlood)
        }
        return actions
    }

    /// The header layout for answering `header`: 2019 with its protocol-version byte when it has the
    /// version flag; otherwise 2011 or 2013 (a 0x0100 by its body length, else as remembered).
    func layout(of header: JT808Header) -> (version: JT808Version, protocolVersion: UInt8) {
        if let protocolVersion = header.protocolVersion { return (.v2019, protocolVersion) }
        if header.messageID == 0x0100, header.subpackage == nil {
            return (JT808Registration.inferredVersion(bodyLength: header.bodyLength), 1)
        }
        return (rememberedVersion == .v2011 ? .v2011 : .v2013, 1)
    }

    /// Remembers the terminal's version from one of its frames.
    mutating func rememberVersion(of header: JT808Header) {
        let layout = layout(of: header)
        rememberedVersion = layout.version
        if layout.version == .v2019 { rememberedProtocolVersion = layout.protocolVersion }
    }

    /// Frames `message` for the terminal at `phone` in its remembered version (or `layout`), with the
    /// next serial number; a framing failure becomes a `sendFailed` count.
    mutating func send(
        _ message: JT808Message, to phone: String,
        layout: (version: JT808Version, protocolVersion: UInt8)? = nil
    ) -> Action {
        let version = layout?.version ?? rememberedVersion ?? .v2013
        let protocolVersion = layout?.protocolVersion ?? rememberedProtocolVersion ?? 1
        do {
            let frame = try JT808Frame(
                message: message, terminalPhone: phone, serialNumber: platformSerialNumber, version: version,
                protocolVersion: protocolVersion
            )
            platformSerialNumber &+= 1
            return .send(frame)
        } catch {
            return .count(JT808SessionCounter(.sendFailed, messageID: message.messageID, detail: error.description))
        }
    }

    /// A 0x8001 answering `header` with `result`, in the layout `header` came in.
    mutating func answer(_ header: JT808Header, _ result: JT808ResponseResult) -> Action {
        send(
            .platformGeneralResponse(JT808GeneralResponse(answering: header, result: result)),
            to: header.terminalPhone, layout: layout(of: header)
        )
    }

    /// The timers: authentication deadline, idle timeout, subpackage resend requests.
    mutating func tick() -> [Action] {
        if case .connected = phase, let authenticationDeadline, now >= authenticationDeadline {
            return closing(.authenticationTimeout)
        }
        if now.timeIntervalSince(lastFrameAt) >= configuration.idleTimeout {
            return closing(.idleTimeout)
        }
        return subpackageTimers()
    }
}
