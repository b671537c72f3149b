import Foundation
import NIOCore
import Testing
@testable import XiezhiWire

/// Idle and authentication timeouts, bad-frame floods, closing.
@Suite("JT/T 808 session: timers, floods and closing")
struct JT808SessionTimerTests {
    @Test("idle: closed when no valid frame came for idleTimeout; every frame restarts the clock")
    func idle() throws {
        var session = try authenticatedSession(configuration: SessionMachine.Configuration(heartbeatInterval: 20))
        #expect(session.configuration.idleTimeout == 60)
        #expect(session.nextDeadline == elapsed(60))
        #expect(session.handle(.tick(at: elapsed(59))).isEmpty)
        _ = session.handle(.frameReceived(try codecFrame(.heartbeat, phone: "012345678901", serial: 1), at: elapsed(59)))
        #expect(session.nextDeadline == elapsed(119))
        #expect(session.handle(.tick(at: elapsed(118))).isEmpty)
        #expect(session.handle(.tick(at: elapsed(119))) == [.close(.idleTimeout)])
        #expect(session.isClosed)
        #expect(session.closeReason == .idleTimeout)
        #expect(session.nextDeadline == nil)
    }

    @Test("junk does not keep a connection alive: bad frames do not restart the idle clock")
    func junkIsNotActivity() throws {
        var session = try authenticatedSession(configuration: SessionMachine.Configuration(idleTimeout: 30))
        _ = session.handle(.decodeFailed(JT808Error(.badChecksum, "bad"), at: elapsed(29)))
        #expect(session.handle(.tick(at: elapsed(30))).closeReason == .idleTimeout)
    }

    @Test("authentication: a connection that only sends heartbeats is closed after authenticationTimeout")
    func authenticationTimeout() throws {
        var session = SessionMachine(connectedAt: sessionStart)
        #expect(session.nextDeadline == elapsed(60))
        for second in stride(from: 10.0, through: 50, by: 20) {
            let actions = session.handle(.frameReceived(try vectorFrame(SessionVectors.heartbeat), at: elapsed(second)))
            #expect(try actions.onlyGeneralResponse().result == .success)
        }
        #expect(session.handle(.tick(at: elapsed(59))).isEmpty)
        #expect(session.handle(.tick(at: elapsed(60))) == [.close(.authenticationTimeout)])
    }

    @Test("bad frames through the splitter: counted below the limit, a flood closes")
    func flood() throws {
        var driver = SessionDriver(SessionMachine(connectedAt: sessionStart, firstSerialNumber: 0))
        var corrupt = hexBytes(SessionVectors.heartbeat)
        corrupt[corrupt.count - 2] ^= 0x01  // check code 0x81 → 0x80
        var counted: [JT808SessionCounter.Kind] = []
        for second in 0..<20 {
            let actions = driver.receive(corrupt, at: elapsed(Double(second)))
            counted += actions.counted
            #expect(actions.closeReason == nil)
        }
        #expect(counted == Array(repeating: .badFrame, count: 20))
        let good = driver.receive(hexBytes(SessionVectors.heartbeat), at: elapsed(20))
        #expect(try good.onlyGeneralResponse().result == .success, "a good frame between bad ones is still served")
        let last = driver.receive(corrupt, at: elapsed(21))
        #expect(last == [
            .count(JT808SessionCounter(.badFrame, messageID: 0x0002, detail: try #require(last.first?.counter?.detail))),
            .close(.badFrameFlood),
        ])
        #expect(driver.receive(hexBytes(SessionVectors.heartbeat), at: elapsed(22)).isEmpty, "closed: nothing more")
    }

    @Test("bad frames spread over time never flood")
    func sparseBadFrames() throws {
        var session = SessionMachine(configuration: SessionMachine.Configuration(idleTimeout: 10_000, authenticationTimeout: 10_000), connectedAt: sessionStart)
        for index in 0..<100 {
            let actions = session.handle(.decodeFailed(JT808Error(.invalidEscape, "bad"), at: elapsed(Double(index) * 4)))
            #expect(actions.closeReason == nil)
        }
    }

    @Test("undecodable bodies count towards the flood too")
    func badBodiesFlood() throws {
        var session = try authenticatedSession(configuration: SessionMachine.Configuration(badFrameLimit: 2))
        let bad = try codecFrame(.other(messageID: 0x0200, body: ByteBuffer(bytes: [1])), phone: "012345678901", serial: 1)
        #expect(session.handle(.frameReceived(bad, at: elapsed(1))).closeReason == nil)
        #expect(session.handle(.frameReceived(bad, at: elapsed(2))).closeReason == nil)
        #expect(session.handle(.frameReceived(bad, at: elapsed(3))).closeReason == .badFrameFlood)
    }

    @Test("superseded by a newer connection of the same terminal → close")
    func superseded() throws {
        var session = try authenticatedSession()
        #expect(session.handle(.superseded) == [.close(.superseded)])
    }

    @Test("after close nothing is answered, not even storage that completes late")
    func afterClose() throws {
        var session = try authenticatedSession()
        let batch = try #require(session.handle(.frameReceived(
            try codecFrame(.locationReport(sampleReport()), phone: "012345678901", serial: 1), at: elapsed(1)
        )).batches.first)
        _ = session.handle(.superseded)
        #expect(session.handle(.positionsPersisted(batch.token)).isEmpty)
        #expect(session.handle(.closed).isEmpty)
        #expect(session.isClosed)
        #expect(session.pendingPersistenceCount == 0)
        #expect(session.handle(.frameReceived(try codecFrame(.heartbeat, phone: "012345678901", serial: 2), at: elapsed(2))).isEmpty)
        #expect(session.handle(.tick(at: elapsed(1000))).isEmpty)
    }

    @Test("closed by the host without a close action: everything is ignored")
    func closedByHost() throws {
        var session = try authenticatedSession()
        #expect(session.handle(.closed).isEmpty)
        #expect(session.isClosed)
        #expect(session.closeReason == nil)
        #expect(session.handle(.sendMessage(.heartbeat)).isEmpty)
    }

    @Test("configuration defaults")
    func defaults() {
        let configuration = SessionMachine.Configuration()
        #expect(configuration.idleTimeout == 180)
        #expect(configuration.authenticationTimeout == 60)
        #expect(configuration.subpackageTimeout == 10)
        #expect(configuration.maximumResendRequests == 5)
        #expect(configuration.badFrameLimit == 20)
        #expect(configuration.deliveredMessageIDs.isEmpty)
        #expect(SessionMachine.messageIDsBeforeAuthentication == [0x0100, 0x0102, 0x0002])
    }
}

/// The bounded parts: duplicate window, bad-frame window, one assembly.
@Suite("JT/T 808 session parts")
struct JT808SessionPartsTests {
    @Test("the duplicate window forgets the oldest beyond its capacity")
    func recentReports() {
        var recent = JT808RecentReports(capacity: 3)
        let prints = (UInt16(0)..<5).map {
            JT808RecentReports.Fingerprint(messageID: 0x0200, serialNumber: $0, body: ByteBuffer(bytes: [1]))
        }
        for print in prints { recent.insert(print) }
        #expect(recent.count == 3)
        #expect(prints.map(recent.contains) == [false, false, true, true, true])
        let sameSerialOtherBody = JT808RecentReports.Fingerprint(messageID: 0x0200, serialNumber: 4, body: ByteBuffer(bytes: [2]))
        #expect(recent.contains(sameSerialOtherBody) == false)
        let otherMessage = JT808RecentReports.Fingerprint(messageID: 0x0704, serialNumber: 4, body: ByteBuffer(bytes: [1]))
        #expect(recent.contains(otherMessage) == false)
    }

    @Test("the bad-frame window: limit + 1 within the window is a flood, at the boundary included")
    func badFrameWindow() {
        var window = JT808BadFrameWindow(limit: 2, window: 10)
        #expect(window.record(at: elapsed(0)) == false)
        #expect(window.record(at: elapsed(5)) == false)
        #expect(window.record(at: elapsed(11)) == false, "0 has left the window")
        #expect(window.record(at: elapsed(15)) == true, "5, 11, 15 within 10 s")
        var strict = JT808BadFrameWindow(limit: 0, window: 60)
        #expect(strict.record(at: elapsed(0)) == true)
    }

    @Test("an assembly lists what is missing and joins the bodies in index order")
    func assembly() throws {
        let key = JT808SubpackageAssembly.Key(messageID: 0x0801, total: 3)
        var assembly = JT808SubpackageAssembly(key: key, at: elapsed(0))
        func header(_ index: UInt16, _ serial: UInt16) -> JT808Header {
            JT808Header(
                messageID: 0x0801, terminalPhone: "1", serialNumber: serial, version: .v2013,
                subpackage: JT808Subpackage(total: 3, index: index)
            )
        }
        #expect(assembly.add(index: 3, header: header(3, 2), body: ByteBuffer(bytes: [3]), at: elapsed(1)) == .added)
        #expect(assembly.missingIndices == [1, 2])
        #expect(assembly.originalSerialNumber == 0)
        #expect(assembly.add(index: 3, header: header(3, 2), body: ByteBuffer(bytes: [3]), at: elapsed(2)) == .duplicate)
        #expect(assembly.add(index: 3, header: header(3, 2), body: ByteBuffer(bytes: [9]), at: elapsed(2)) == .conflicting)
        #expect(assembly.assembled() == nil)
        _ = assembly.add(index: 1, header: header(1, 65535), body: ByteBuffer(bytes: [1, 1]), at: elapsed(3))
        _ = assembly.add(index: 2, header: header(2, 0), body: ByteBuffer(bytes: [2]), at: elapsed(4))
        #expect(assembly.originalSerialNumber == 65535)
        let (whole, body) = try #require(assembly.assembled())
        #expect(hexString(body) == "01010203")
        #expect(whole.serialNumber == 65535)
        #expect(whole.subpackage == nil)
        #expect(whole.bodyLength == 4)
        #expect(assembly.byteCount == 4)
        #expect(assembly.lastActivity == elapsed(4))
    }
}
