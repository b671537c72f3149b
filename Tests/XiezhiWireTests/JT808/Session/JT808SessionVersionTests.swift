import Foundation
import NIOCore
import Testing
@testable import XiezhiWire

/// The terminal's version is detected from its frames and used for everything sent to it; other
/// messages: server time, unsupported IDs, delivered IDs, host-sent messages.
@Suite("JT/T 808 session: versions and other messages")
struct JT808SessionVersionTests {
    @Test("a 2019 terminal (§5.8, §5.10, §5.4) gets 2019 headers: version flag, its protocol version, 20-digit phone")
    func version2019() throws {
        var session = SessionMachine(connectedAt: sessionStart)
        let lookup = session.handle(.frameReceived(try vectorFrame(SessionVectors.registration2019), at: elapsed(1)))
        guard case .lookUpRegistration(let registration) = lookup.first else {
            Issue.record("expected a registration lookup, got \(lookup)")
            return
        }
        #expect(registration.version == .v2019)
        #expect(registration.registration.terminalModel == "www.808.com")
        #expect(session.version == .v2019)
        #expect(session.protocolVersion == 1)

        let registered = session.handle(.registrationLookup(.known(plate: "测A1234", authenticationCode: "17299841738")))
        let (registeredHeader, registeredMessage) = try registered.onlySent()
        #expect(registeredHeader.protocolVersion == 1)
        #expect(registeredHeader.terminalPhone == "00000000017299841738")
        #expect(registeredMessage == .registrationResponse(JT808RegistrationResponse(
            responseSerialNumber: 0, result: .success, authenticationCode: "17299841738"
        )))

        let authenticationLookup = session.handle(.frameReceived(try vectorFrame(SessionVectors.authentication2019), at: elapsed(2)))
        guard case .lookUpAuthentication(let authentication) = authenticationLookup.first else {
            Issue.record("expected an authentication lookup, got \(authenticationLookup)")
            return
        }
        #expect(authentication.authenticationCode == "17299841738")
        #expect(authentication.imei == "123456789012345")
        #expect(authentication.softwareVersion == "3.7.15")
        #expect(authentication.version == .v2019)
        let authenticated = session.handle(.authenticationLookup(.accepted(plate: "测A1234")))
        #expect(authenticated.first == .authenticated(JT808SessionIdentity(
            terminalKey: "17299841738", terminalPhone: "00000000017299841738", plate: "测A1234", version: .v2019
        )))
        #expect(try authenticated.onlySent().header.hasVersionFlag)

        let stored = session.handle(.frameReceived(try vectorFrame(SessionVectors.location2019), at: elapsed(3)))
        let batch = try #require(stored.batches.first)
        #expect(batch.serialNumber == 65535)
        #expect(batch.reports.first?.latitude == 116_307_629)
        let acknowledged = session.handle(.positionsPersisted(batch.token))
        let (header, message) = try acknowledged.onlySent()
        #expect(header.protocolVersion == 1)
        #expect(header.terminalPhone == "00000000017299841738")
        #expect(header.encodedLength == 17)
        #expect(message == .platformGeneralResponse(JT808GeneralResponse(
            responseSerialNumber: 65535, responseMessageID: 0x0200, result: .success
        )))
    }

    @Test("a 2013 terminal gets 2013 headers: no version flag, 12-digit phone")
    func version2013() throws {
        var session = SessionMachine(connectedAt: sessionStart)
        _ = session.handle(.frameReceived(try vectorFrame(SessionVectors.authentication2013), at: elapsed(1)))
        let answered = session.handle(.authenticationLookup(.accepted(plate: nil)))
        let (header, _) = try answered.onlySent()
        #expect(header.hasVersionFlag == false)
        #expect(header.terminalPhone == "012345678901")
        #expect(header.encodedLength == 12)
        #expect(session.version == .v2013)
        #expect(session.protocolVersion == nil)
    }

    @Test("a 2011 terminal is told from 2013 by its 0x0100 body length (§5.8 2011 twin) and remembered")
    func version2011() throws {
        var session = SessionMachine(connectedAt: sessionStart)
        let asked = session.handle(.frameReceived(try vectorFrame(SessionVectors.registration2011), at: elapsed(1)))
        guard case .lookUpRegistration(let lookup) = asked.first else {
            Issue.record("expected a registration lookup, got \(asked)")
            return
        }
        #expect(lookup.version == .v2011)
        #expect(lookup.registration.terminalModel == "www.808.")
        #expect(lookup.registration.plate == "测A1234")
        #expect(session.version == .v2011)
        let answered = session.handle(.registrationLookup(.known(plate: "测A1234", authenticationCode: "X")))
        #expect(try answered.onlySent().header.hasVersionFlag == false)
        _ = session.handle(.frameReceived(try vectorFrame(SessionVectors.authentication2013), at: elapsed(2)))
        #expect(session.version == .v2011, "a later frame without the flag keeps 2011")
    }

    @Test("the protocol-version byte of a 2019 terminal is sent back as it came")
    func protocolVersionByte() throws {
        var session = SessionMachine(connectedAt: sessionStart)
        var header = JT808Header(messageID: 0x0002, terminalPhone: "13800000002", serialNumber: 5, version: .v2019, protocolVersion: 3)
        header.bodyLength = 0
        let actions = session.handle(.frameReceived(JT808Frame(header: header, body: ByteBuffer()), at: elapsed(1)))
        #expect(try actions.onlySent().header.protocolVersion == 3)
        #expect(session.protocolVersion == 3)
    }

    @Test("0x0004 (2019) → 0x8004 with the event's time in UTC")
    func serverTime() throws {
        var session = try authenticatedSession(phone: "13800000003", version: .v2019)
        let query = try codecFrame(.serverTimeQuery, phone: "13800000003", serial: 8, version: .v2019)
        let actions = session.handle(.frameReceived(query, at: elapsed(20)))
        let (header, message) = try actions.onlySent()
        #expect(header.messageID == 0x8004)
        #expect(header.hasVersionFlag)
        guard case .serverTime(let time) = message else {
            Issue.record("expected 0x8004, got \(message)")
            return
        }
        #expect(time.time.description == "2025-06-15 15:07:00", "1750000020 s is 15:07:00 UTC, not GMT+8")
        #expect(time.date == elapsed(20))
    }

    @Test("0x8004 body for the standard's example 2017-03-15 17:09:23 is 17 03 15 17 09 23")
    func serverTimeExample() throws {
        let instant = try #require(JT808BCDTime(year: 2017, month: 3, day: 15, hour: 17, minute: 9, second: 23)?.date(secondsFromGMT: 0))
        var session = SessionMachine(connectedAt: instant)
        _ = session.handle(.frameReceived(try codecFrame(.authentication(JT808Authentication(authenticationCode: "A", imei: "1", softwareVersion: "1")), phone: "1", serial: 0, version: .v2019), at: instant))
        _ = session.handle(.authenticationLookup(.accepted(plate: nil)))
        let actions = session.handle(.frameReceived(try codecFrame(.serverTimeQuery, phone: "1", serial: 1, version: .v2019), at: instant))
        #expect(hexString(try #require(actions.sentFrames.first).body) == "170315170923")
    }

    @Test("an unmodelled message ID gets 0x8001 result 3 (not supported)")
    func unsupported() throws {
        var session = try authenticatedSession()
        let parameters = try codecFrame(.other(messageID: 0x0900, body: ByteBuffer(bytes: [0xF0, 1])), phone: "012345678901", serial: 12)
        let actions = session.handle(.frameReceived(parameters, at: elapsed(1)))
        #expect(actions.counted == [.unsupportedMessage])
        #expect(try actions.onlyGeneralResponse() == JT808GeneralResponse(
            responseSerialNumber: 12, responseMessageID: 0x0900, result: .unsupported
        ))
        let wrongDirection = try codecFrame(
            .platformGeneralResponse(JT808GeneralResponse(responseSerialNumber: 1, responseMessageID: 2, result: .success)),
            phone: "012345678901", serial: 13
        )
        #expect(try session.handle(.frameReceived(wrongDirection, at: elapsed(2))).onlyGeneralResponse().result == .unsupported)
    }

    @Test("configured IDs and terminal responses (0x0001) are delivered to the host unanswered")
    func delivered() throws {
        var session = try authenticatedSession(configuration: SessionMachine.Configuration(deliveredMessageIDs: [0x0900]))
        let passThrough = try codecFrame(.other(messageID: 0x0900, body: ByteBuffer(bytes: [0xF0, 1])), phone: "012345678901", serial: 12)
        let actions = session.handle(.frameReceived(passThrough, at: elapsed(1)))
        #expect(actions == [.deliver(JT808InboundMessage(
            header: passThrough.header, message: .other(messageID: 0x0900, body: ByteBuffer(bytes: [0xF0, 1])), receivedAt: elapsed(1)
        ))])
        let response = JT808Message.terminalGeneralResponse(
            JT808GeneralResponse(responseSerialNumber: 3, responseMessageID: 0x8103, result: .success)
        )
        let delivered = session.handle(.frameReceived(try codecFrame(response, phone: "012345678901", serial: 13), at: elapsed(2)))
        #expect(delivered.count == 1)
        guard case .deliver(let inbound) = delivered.first else {
            Issue.record("expected a delivery, got \(delivered)")
            return
        }
        #expect(inbound.message == response)
    }

    @Test("an encrypted body is answered result 3")
    func encrypted() throws {
        var session = try authenticatedSession()
        var encrypted = try codecFrame(.heartbeat, phone: "012345678901", serial: 2)
        encrypted.header.encryption = .rsa
        let actions = session.handle(.frameReceived(encrypted, at: elapsed(1)))
        #expect(actions.counted == [.encryptedBody])
        #expect(try actions.onlyGeneralResponse().result == .unsupported)
    }

    @Test("a message the host sends gets the terminal's version and the next serial")
    func hostSends() throws {
        var session = try authenticatedSession(phone: "13800000004", version: .v2019, firstSerialNumber: 7)
        let command = JT808Message.other(messageID: 0x8201, body: ByteBuffer())
        let actions = session.handle(.sendMessage(command))
        let (header, message) = try actions.onlySent()
        #expect(header.serialNumber == 8)
        #expect(header.protocolVersion == 1)
        #expect(header.terminalPhone == "00000000013800000004")
        #expect(message == command)

        var fresh = SessionMachine(connectedAt: sessionStart)
        #expect(fresh.handle(.sendMessage(command)).counted == [.sendFailed], "no phone known before the first frame")
    }
}
