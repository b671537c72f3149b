import Foundation
import NIOCore
import Testing
@testable import XiezhiWire

/// Subpackaged messages (分包): reassembly, 0x8003 resend requests, give-up, limits.
@Suite("JT/T 808 session: subpackaged messages")
struct JT808SessionSubpackageTests {
    /// The two-item batch of §5.11, as a message to split.
    static func batchMessage() throws -> JT808Message {
        try JT808Message(frame: vectorFrame(SessionVectors.batch))
    }

    /// Feeds `frames` in the given order; returns all actions.
    static func feed(_ session: inout SessionMachine, _ frames: [JT808Frame], at date: Date) -> [SessionAction] {
        frames.flatMap { session.handle(.frameReceived($0, at: date)) }
    }

    @Test("in order, with non-consecutive serials: one batch, answered once with packet 1's serial", arguments: [
        [0, 1, 2], [2, 0, 1], [1, 2, 0],
    ])
    func reassembly(order: [Int]) throws {
        var session = try authenticatedSession(phone: "112233445566")
        let message = try Self.batchMessage()
        let parts = try subpackagedFrames(message, phone: "112233445566", serials: [1233, 1250, 1251])
        var actions: [SessionAction] = []
        for (step, index) in order.enumerated() {
            actions = session.handle(.frameReceived(parts[index], at: elapsed(Double(step))))
            if step < order.count - 1 {
                #expect(actions.isEmpty, "packet \(index + 1) alone is not answered")
                #expect(session.reassemblyCount == 1)
            }
        }
        let batch = try #require(actions.batches.first)
        #expect(actions.count == 1)
        #expect(session.reassemblyCount == 0)
        #expect(batch.serialNumber == 1233)
        #expect(batch.messageID == 0x0704)
        guard case .batchLocationUpload(let upload) = message else { throw JT808Error(.invalidValue, "not a batch") }
        #expect(batch.reports == upload.reports)
        #expect(try session.handle(.positionsPersisted(batch.token)).onlyGeneralResponse() == JT808GeneralResponse(
            responseSerialNumber: 1233, responseMessageID: 0x0704, result: .success
        ))
    }

    @Test("a packet received twice is kept once")
    func duplicatePacket() throws {
        var session = try authenticatedSession(phone: "112233445566")
        let parts = try subpackagedFrames(try Self.batchMessage(), phone: "112233445566", serials: [10, 11, 12])
        _ = session.handle(.frameReceived(parts[0], at: elapsed(1)))
        #expect(session.handle(.frameReceived(parts[0], at: elapsed(2))).counted == [.duplicatePacket])
        let done = Self.feed(&session, [parts[1], parts[2]], at: elapsed(3))
        #expect(done.batches.count == 1)
    }

    @Test("a packet index coming again with other bytes restarts the message")
    func conflictingPacket() throws {
        var session = try authenticatedSession()
        var moved = sampleReport()
        moved.setPosition(latitudeDegrees: 30.9, longitudeDegrees: 121.1)
        let first = try subpackagedFrames(.locationReport(sampleReport()), phone: "012345678901", serials: [20, 21])
        let second = try subpackagedFrames(.locationReport(moved), phone: "012345678901", serials: [30, 31])
        _ = session.handle(.frameReceived(first[0], at: elapsed(1)))
        let restarted = session.handle(.frameReceived(second[0], at: elapsed(2)))
        #expect(restarted.counted == [.subpackageRestarted])
        let done = session.handle(.frameReceived(second[1], at: elapsed(3)))
        let batch = try #require(done.batches.first)
        #expect(batch.serialNumber == 30)
        #expect(batch.reports == [moved])
    }

    @Test("missing packets (2013): after the timeout, 0x8003 byte for byte as §5.12; completes after the resend")
    func resendRequest2013() throws {
        // Authentication takes serial 65535; the platform serial wraps to 0 for the 0x8003, as in the vector.
        var session = try authenticatedSession(phone: "013912344323", firstSerialNumber: 65535)
        let parts = try subpackagedFrames(try Self.batchMessage(), phone: "013912344323", serials: [111, 112, 113, 114])
        #expect(session.handle(.frameReceived(parts[0], at: elapsed(100))).isEmpty)
        #expect(session.nextDeadline == elapsed(110))
        #expect(session.handle(.tick(at: elapsed(109))).isEmpty)

        let asked = session.handle(.tick(at: elapsed(110)))
        #expect(asked.counted == [.resendRequested])
        #expect(try wireHex(try #require(asked.sentFrames.first)) == hexString(hexBuffer(SessionVectors.resendRequest2013)))

        let done = Self.feed(&session, [parts[3], parts[1], parts[2]], at: elapsed(112))
        let batch = try #require(done.batches.first)
        #expect(batch.serialNumber == 111)
        #expect(batch.reports.count == 2)
    }

    @Test("missing packets (2019): 0x8003 with a WORD count, byte for byte as §5.12")
    func resendRequest2019() throws {
        var session = try authenticatedSession(phone: "13912344329", version: .v2019, firstSerialNumber: 65535)
        let parts = try subpackagedFrames(try Self.batchMessage(), phone: "13912344329", serials: [111, 112, 113, 114], version: .v2019)
        _ = session.handle(.frameReceived(parts[0], at: elapsed(100)))
        let asked = session.handle(.tick(at: elapsed(110)))
        #expect(try wireHex(try #require(asked.sentFrames.first)) == hexString(hexBuffer(SessionVectors.resendRequest2019)))
    }

    @Test("packet 1 missing: the original serial is inferred from the first packet that came, across the wrap")
    func firstPacketMissing() throws {
        var session = try authenticatedSession()
        let parts = try subpackagedFrames(.locationReport(sampleReport()), phone: "012345678901", serials: [65535, 0, 1])
        _ = Self.feed(&session, [parts[1], parts[2]], at: elapsed(1))
        let asked = session.handle(.tick(at: elapsed(11)))
        let (_, message) = try asked.onlySent()
        #expect(message == .platformResendRequest(JT808SubpackageResendRequest(originalSerialNumber: 65535, packetIndices: [1])))
        let done = session.handle(.frameReceived(parts[0], at: elapsed(12)))
        #expect(done.batches.first?.serialNumber == 65535)
    }

    @Test("after maximumResendRequests requests the message is given up")
    func giveUp() throws {
        var session = try authenticatedSession(configuration: SessionMachine.Configuration(subpackageTimeout: 5, maximumResendRequests: 2))
        let parts = try subpackagedFrames(.locationReport(sampleReport()), phone: "012345678901", serials: [1, 2, 3])
        _ = session.handle(.frameReceived(parts[0], at: elapsed(0)))
        #expect(session.handle(.tick(at: elapsed(5))).counted == [.resendRequested])
        #expect(session.handle(.tick(at: elapsed(9))).isEmpty, "the timer restarts at the request")
        #expect(session.handle(.tick(at: elapsed(10))).counted == [.resendRequested])
        let abandoned = session.handle(.tick(at: elapsed(15)))
        #expect(abandoned.counted == [.subpackageAbandoned])
        #expect(abandoned.sentFrames.isEmpty)
        #expect(session.reassemblyCount == 0)
        #expect(session.handle(.tick(at: elapsed(20))).isEmpty)
        let late = Self.feed(&session, [parts[1], parts[2]], at: elapsed(21))
        #expect(late.batches.isEmpty, "late packets start a new, incomplete message")
        #expect(session.reassemblyCount == 1)
    }

    @Test("limits: too many packets, too many bytes, too many messages at once")
    func limits() throws {
        let configuration = SessionMachine.Configuration(maximumPacketCount: 4, maximumReassembledBytes: 40, maximumConcurrentReassemblies: 2)
        var session = try authenticatedSession(configuration: configuration)
        let tooMany = try subpackagedFrames(.locationReport(sampleReport()), phone: "012345678901", serials: [1, 2, 3, 4, 5])
        let refused = session.handle(.frameReceived(tooMany[0], at: elapsed(1)))
        #expect(refused.counted == [.subpackageRefused])
        #expect(try refused.onlyGeneralResponse().result == .failure)
        #expect(session.reassemblyCount == 0)

        let big = JT808LocationReport(latitude: 1, longitude: 1, time: sampleReport().time, items: [.raw(id: 0xEB, value: Array(repeating: 7, count: 60))])
        let tooLarge = try subpackagedFrames(.locationReport(big), phone: "012345678901", serials: [6, 7])
        #expect(session.handle(.frameReceived(tooLarge[0], at: elapsed(2))).counted == [.subpackageRefused])
        #expect(session.reassemblyCount == 0)

        let a = try subpackagedFrames(.other(messageID: 0x0801, body: ByteBuffer(bytes: [1, 2, 3, 4])), phone: "012345678901", serials: [8, 9])
        let b = try subpackagedFrames(.other(messageID: 0x0802, body: ByteBuffer(bytes: [1, 2, 3, 4])), phone: "012345678901", serials: [10, 11])
        let c = try subpackagedFrames(.other(messageID: 0x0803, body: ByteBuffer(bytes: [1, 2, 3, 4])), phone: "012345678901", serials: [12, 13])
        _ = session.handle(.frameReceived(a[0], at: elapsed(3)))
        _ = session.handle(.frameReceived(b[0], at: elapsed(4)))
        let evicted = session.handle(.frameReceived(c[0], at: elapsed(5)))
        #expect(evicted.counted == [.subpackageAbandoned])
        #expect(evicted.first?.counter?.messageID == 0x0801, "the stalest goes")
        #expect(session.reassemblyCount == 2)
    }

    @Test("a malformed package item (index 0, or above the total) is a bad frame answered result 2")
    func malformedItem() throws {
        var session = try authenticatedSession()
        for subpackage in [JT808Subpackage(total: 3, index: 0), JT808Subpackage(total: 3, index: 4), JT808Subpackage(total: 0, index: 0)] {
            let header = JT808Header(
                messageID: 0x0200, terminalPhone: "012345678901", serialNumber: 5, version: .v2013, subpackage: subpackage
            )
            let actions = session.handle(.frameReceived(JT808Frame(header: header, body: ByteBuffer(bytes: [1])), at: elapsed(1)))
            #expect(actions.counted == [.badBody])
            #expect(try actions.onlyGeneralResponse().result == .messageError)
        }
        #expect(session.reassemblyCount == 0)
    }

    @Test("a reassembled message of a delivered ID reaches the host whole, with packet 1's header")
    func deliveredWhole() throws {
        var session = try authenticatedSession(configuration: SessionMachine.Configuration(deliveredMessageIDs: [0x0801]))
        let media = JT808Message.other(messageID: 0x0801, body: ByteBuffer(bytes: Array(0..<90)))
        let parts = try subpackagedFrames(media, phone: "012345678901", serials: [40, 41, 42])
        let actions = Self.feed(&session, [parts[2], parts[0], parts[1]], at: elapsed(1))
        #expect(actions.count == 1)
        guard case .deliver(let inbound) = actions.first else {
            Issue.record("expected a delivery, got \(actions)")
            return
        }
        #expect(inbound.message == media)
        #expect(inbound.header.serialNumber == 40)
        #expect(inbound.header.subpackage == nil)
        #expect(inbound.header.bodyLength == 90)
    }

    @Test("a one-packet 'subpackaged' message is handled at once")
    func singlePacket() throws {
        var session = try authenticatedSession()
        let parts = try subpackagedFrames(.locationReport(sampleReport()), phone: "012345678901", serials: [77])
        let actions = session.handle(.frameReceived(parts[0], at: elapsed(1)))
        #expect(actions.batches.first?.serialNumber == 77)
    }

    @Test("packets before authentication are refused, not reassembled")
    func beforeAuthentication() throws {
        var session = SessionMachine(connectedAt: sessionStart)
        let parts = try subpackagedFrames(.locationReport(sampleReport()), phone: "012345678901", serials: [1, 2])
        let actions = session.handle(.frameReceived(parts[0], at: elapsed(1)))
        #expect(actions.counted == [.notAuthenticated])
        #expect(try actions.onlyGeneralResponse().result == .failure)
        #expect(session.reassemblyCount == 0)
    }
}
