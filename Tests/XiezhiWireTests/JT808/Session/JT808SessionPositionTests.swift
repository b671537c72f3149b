import Foundation
import NIOCore
import Testing
@testable import XiezhiWire

/// 0x0200 and 0x0704: stored first, acknowledged after; duplicates, serial wrap, backpressure.
@Suite("JT/T 808 session: positions")
struct JT808SessionPositionTests {
    @Test("0x0200 (§5.2) is persisted and answered only after positionsPersisted")
    func locationAnsweredAfterPersisted() throws {
        var session = try authenticatedSession(phone: "012345678901", plate: "浙F12345")
        let stored = session.handle(.frameReceived(try vectorFrame(SessionVectors.location2013), at: elapsed(10)))
        #expect(stored.sentFrames.isEmpty, "no answer before the positions are durable")
        let batch = try #require(stored.batches.first)
        #expect(stored.count == 1)
        #expect(batch.terminalKey == "12345678901")
        #expect(batch.plate == "浙F12345")
        #expect(batch.messageID == 0x0200)
        #expect(batch.serialNumber == 0)
        #expect(batch.source == .realTime)
        #expect(batch.receivedAt == elapsed(10))
        #expect(batch.reports.count == 1)
        #expect(batch.reports[0].latitude == 119_552_894)
        #expect(batch.reports[0].time.description == "2024-10-01 23:59:59")
        #expect(session.pendingPersistenceCount == 1)

        let heartbeat = session.handle(.frameReceived(try codecFrame(.heartbeat, phone: "012345678901", serial: 1), at: elapsed(11)))
        #expect(try heartbeat.onlyGeneralResponse().responseMessageID == 0x0002, "other messages are answered meanwhile")
        let acknowledged = session.handle(.positionsPersisted(batch.token))
        #expect(try acknowledged.onlyGeneralResponse() == JT808GeneralResponse(
            responseSerialNumber: 0, responseMessageID: 0x0200, result: .success
        ))
        #expect(session.pendingPersistenceCount == 0)
        #expect(session.handle(.positionsPersisted(batch.token)).counted == [.unexpectedAnswer])
    }

    @Test("0x0704 (§5.11) persists both items as one batch and answers serial 8888 after storage")
    func batchUpload() throws {
        var session = try authenticatedSession(phone: "112233445566")
        let stored = session.handle(.frameReceived(try vectorFrame(SessionVectors.batch), at: elapsed(10)))
        let batch = try #require(stored.batches.first)
        #expect(stored.sentFrames.isEmpty)
        #expect(batch.messageID == 0x0704)
        #expect(batch.serialNumber == 8888)
        #expect(batch.source == .batch(.normal))
        #expect(batch.reports.map(\.latitude) == [12_222_222, 13_333_333])
        #expect(batch.reports.map(\.speed) == [60, 54])
        let acknowledged = session.handle(.positionsPersisted(batch.token))
        #expect(try acknowledged.onlyGeneralResponse() == JT808GeneralResponse(
            responseSerialNumber: 8888, responseMessageID: 0x0704, result: .success
        ))
    }

    @Test("a back-fill batch (盲区补报) is marked so")
    func backfill() throws {
        var session = try authenticatedSession()
        let upload = JT808BatchLocationUpload(kind: .backfill, reports: [sampleReport(second: 0), sampleReport(second: 30)])
        let stored = session.handle(.frameReceived(try codecFrame(.batchLocationUpload(upload), phone: "012345678901", serial: 3), at: elapsed(1)))
        #expect(stored.batches.first?.source == .batch(.backfill))
        #expect(stored.batches.first?.reports == upload.reports)
    }

    @Test("a failed store is not answered, and the resent report is stored again")
    func persistenceFailure() throws {
        var session = try authenticatedSession()
        let report = try codecFrame(.locationReport(sampleReport()), phone: "012345678901", serial: 5)
        let first = try #require(session.handle(.frameReceived(report, at: elapsed(1))).batches.first)
        let failed = session.handle(.positionsNotPersisted(first.token))
        #expect(failed.sentFrames.isEmpty)
        #expect(failed.counted == [.persistenceFailed])
        let again = session.handle(.frameReceived(report, at: elapsed(20)))
        let second = try #require(again.batches.first)
        #expect(second.token != first.token)
        #expect(try session.handle(.positionsPersisted(second.token)).onlyGeneralResponse().responseSerialNumber == 5)
    }

    @Test("a retransmitted, already acknowledged report is acknowledged again and not persisted twice")
    func duplicateAcknowledged() throws {
        var session = try authenticatedSession(firstSerialNumber: 100)
        let report = try vectorFrame(SessionVectors.location2013)
        let batch = try #require(session.handle(.frameReceived(report, at: elapsed(1))).batches.first)
        let first = session.handle(.positionsPersisted(batch.token))
        #expect(first.sentFrames.first?.header.serialNumber == 101)

        let again = session.handle(.frameReceived(report, at: elapsed(31)))
        #expect(again.batches.isEmpty)
        #expect(again.counted == [.duplicateReport])
        let (header, message) = try again.onlySent()
        #expect(header.serialNumber == 102, "the re-acknowledgement is a new platform message")
        #expect(message == .platformGeneralResponse(JT808GeneralResponse(
            responseSerialNumber: 0, responseMessageID: 0x0200, result: .success
        )))
    }

    @Test("a retransmission while the first copy is still being stored: one store, one answer")
    func duplicatePending() throws {
        var session = try authenticatedSession()
        let report = try codecFrame(.locationReport(sampleReport()), phone: "012345678901", serial: 9)
        let batch = try #require(session.handle(.frameReceived(report, at: elapsed(1))).batches.first)
        let again = session.handle(.frameReceived(report, at: elapsed(11)))
        #expect(again.batches.isEmpty)
        #expect(again.sentFrames.isEmpty)
        #expect(again.counted == [.duplicateReport])
        #expect(try session.handle(.positionsPersisted(batch.token)).onlyGeneralResponse().responseSerialNumber == 9)
    }

    @Test("the same serial with another body is a new report (the serial wrapped), not a duplicate")
    func sameSerialOtherBody() throws {
        var session = try authenticatedSession()
        let first = try codecFrame(.locationReport(sampleReport(second: 0)), phone: "012345678901", serial: 9)
        let token = try #require(session.handle(.frameReceived(first, at: elapsed(1))).batches.first).token
        _ = session.handle(.positionsPersisted(token))
        let other = try codecFrame(.locationReport(sampleReport(second: 10)), phone: "012345678901", serial: 9)
        let stored = session.handle(.frameReceived(other, at: elapsed(2)))
        #expect(stored.batches.count == 1)
        #expect(stored.counted.isEmpty)
    }

    @Test("serials wrap: the platform's 65535 → 0, the terminal's 65535 and 0 are both stored")
    func serialWrap() throws {
        var session = try authenticatedSession(firstSerialNumber: 65534)
        #expect(session.nextSerialNumber == 65535)
        var tokens: [JT808PersistenceToken] = []
        for (serial, second) in [(UInt16(65535), 0), (0, 10), (1, 20)] {
            let report = try codecFrame(.locationReport(sampleReport(second: second)), phone: "012345678901", serial: serial)
            let stored = session.handle(.frameReceived(report, at: elapsed(Double(second))))
            tokens.append(try #require(stored.batches.first).token)
        }
        var platformSerials: [UInt16] = []
        var answered: [UInt16] = []
        for token in tokens {
            let actions = session.handle(.positionsPersisted(token))
            platformSerials.append(try #require(actions.sentFrames.first).header.serialNumber)
            answered.append(try actions.onlyGeneralResponse().responseSerialNumber)
        }
        #expect(platformSerials == [65535, 0, 1])
        #expect(answered == [65535, 0, 1])
    }

    @Test("acknowledgements may complete out of order; each answers its own report")
    func outOfOrderPersistence() throws {
        var session = try authenticatedSession()
        let a = try #require(session.handle(.frameReceived(
            try codecFrame(.locationReport(sampleReport(second: 1)), phone: "012345678901", serial: 1), at: elapsed(1)
        )).batches.first)
        let b = try #require(session.handle(.frameReceived(
            try codecFrame(.locationReport(sampleReport(second: 2)), phone: "012345678901", serial: 2), at: elapsed(2)
        )).batches.first)
        #expect(a.token < b.token)
        #expect(try session.handle(.positionsPersisted(b.token)).onlyGeneralResponse().responseSerialNumber == 2)
        #expect(try session.handle(.positionsPersisted(a.token)).onlyGeneralResponse().responseSerialNumber == 1)
    }

    @Test("backpressure: pause at the high watermark, resume at half; beyond the limit a report is left unanswered")
    func backpressure() throws {
        let configuration = SessionMachine.Configuration(pendingPersistenceHighWatermark: 4, maximumPendingPersistence: 6)
        var session = try authenticatedSession(configuration: configuration)
        var tokens: [JT808PersistenceToken] = []
        var pauses = 0
        for serial in UInt16(1)...6 {
            let actions = session.handle(.frameReceived(
                try codecFrame(.locationReport(sampleReport(second: Int(serial))), phone: "012345678901", serial: serial), at: elapsed(1)
            ))
            tokens += actions.batches.map(\.token)
            pauses += actions.filter { $0 == .pauseReading }.count
            #expect(actions.contains(.pauseReading) == (serial == 4))
        }
        #expect(pauses == 1)
        let overflow = session.handle(.frameReceived(
            try codecFrame(.locationReport(sampleReport(second: 7)), phone: "012345678901", serial: 7), at: elapsed(1)
        ))
        #expect(overflow.batches.isEmpty)
        #expect(overflow.sentFrames.isEmpty)
        #expect(overflow.counted == [.persistenceBacklogFull])

        var resumedAfter: Int?
        for (done, token) in tokens.enumerated() {
            let actions = session.handle(.positionsPersisted(token))
            if actions.contains(.resumeReading) { resumedAfter = done + 1 }
        }
        #expect(resumedAfter == 4, "6 pending, resumed when 2 (half of 4) remain")
    }

    @Test("an undecodable 0x0200 body gets 0x8001 result 2 and counts as a bad frame")
    func badBody() throws {
        var session = try authenticatedSession()
        let truncated = try codecFrame(.other(messageID: 0x0200, body: ByteBuffer(bytes: [0, 0, 0, 1])), phone: "012345678901", serial: 3)
        let actions = session.handle(.frameReceived(truncated, at: elapsed(1)))
        #expect(actions.batches.isEmpty)
        #expect(actions.counted == [.badBody])
        #expect(try actions.onlyGeneralResponse() == JT808GeneralResponse(
            responseSerialNumber: 3, responseMessageID: 0x0200, result: .messageError
        ))
    }
}
