import Foundation
import NIOCore
import Testing
@testable import XiezhiWire

/// Registration (0x0100 → 0x8100), authentication (0x0102 → 0x8001), what is served before it,
/// heartbeat and unregistration.
@Suite("JT/T 808 session: registration and authentication")
struct JT808SessionAuthenticationTests {
    @Test("0x0100 (§5.8, 2013) → lookup → 0x8100 byte for byte as §5.16")
    func registrationSuccess() throws {
        var session = SessionMachine(connectedAt: sessionStart)
        let asked = session.handle(.frameReceived(try vectorFrame(SessionVectors.registration2013), at: elapsed(1)))
        #expect(asked.count == 1)
        guard case .lookUpRegistration(let lookup) = asked.first else {
            Issue.record("expected a registration lookup, got \(asked)")
            return
        }
        #expect(lookup.terminalKey == "12345678901")
        #expect(lookup.terminalPhone == "012345678901")
        #expect(lookup.registration.plate == "测A1234")
        #expect(lookup.registration.plateColor == .blue)
        #expect(lookup.version == .v2013)
        #expect(session.handle(.tick(at: elapsed(2))).isEmpty, "nothing is answered before the host does")

        let answered = session.handle(.registrationLookup(.known(plate: "测A1234", authenticationCode: "12345678901")))
        let sent = answered.sentFrames
        #expect(sent.count == 1)
        #expect(try wireHex(sent[0]) == hexString(hexBuffer(SessionVectors.registrationResponse)))
        #expect(session.isAuthenticated == false, "registration alone does not authenticate")
    }

    /// Each host answer and the 0x8100 result the terminal gets (2013 table 8).
    static let registrationCases: [(JT808RegistrationLookupResult, UInt8, String?)] = [
        (.known(plate: "测A1234", authenticationCode: "CODE1"), 0, "CODE1"),
        (.known(plate: " 测a1234\u{0}", authenticationCode: "CODE2"), 0, "CODE2"),
        (.enrolled(authenticationCode: "OPEN"), 0, "OPEN"),
        (.refused(.vehicleAlreadyRegistered), 1, nil),
        (.refused(.vehicleNotInDatabase), 2, nil),
        (.known(plate: "浙F99999", authenticationCode: "CODE3"), 3, nil),
        (.refused(.terminalAlreadyRegistered), 3, nil),
        (.unknown, 4, nil),
        (.refused(.terminalNotInDatabase), 4, nil),
    ]

    @Test("registration results 0–4", arguments: registrationCases)
    func registrationResults(result: JT808RegistrationLookupResult, code: UInt8, authenticationCode: String?) throws {
        var session = SessionMachine(connectedAt: sessionStart)
        _ = session.handle(.frameReceived(try vectorFrame(SessionVectors.registration2013), at: elapsed(1)))
        let actions = session.handle(.registrationLookup(result))
        let (header, message) = try actions.onlySent()
        #expect(header.messageID == 0x8100)
        guard case .registrationResponse(let response) = message else {
            Issue.record("expected 0x8100, got \(message)")
            return
        }
        #expect(response.responseSerialNumber == 0)
        #expect(response.result.rawValue == code)
        #expect(response.authenticationCode == authenticationCode)
        #expect(actions.counted == (code == 0 ? [] : [.registrationRefused]))
    }

    @Test("an unplated vehicle (colour 0, VIN in the plate field) is not compared with the plate on file")
    func registrationWithVIN() throws {
        var session = SessionMachine(connectedAt: sessionStart)
        let registration = JT808Registration(
            provinceID: 33, cityID: 400, manufacturerID: "70107", terminalModel: "M", terminalID: "T1",
            plateColor: .notPlated, plate: "LFV2A21K0A3000001"
        )
        _ = session.handle(.frameReceived(try codecFrame(.registration(registration), phone: "13800000001", serial: 4), at: elapsed(1)))
        let actions = session.handle(.registrationLookup(.known(plate: "浙F12345", authenticationCode: "C")))
        guard case .registrationResponse(let response) = try actions.onlySent().message else {
            Issue.record("expected 0x8100")
            return
        }
        #expect(response.result == .success)
        #expect(response.responseSerialNumber == 4)
    }

    @Test("a registration sent again while its lookup is pending is answered once, with the newest serial")
    func registrationRetransmittedWhilePending() throws {
        var session = SessionMachine(connectedAt: sessionStart)
        let registration = try vectorFrame(SessionVectors.registration2013)
        #expect(session.handle(.frameReceived(registration, at: elapsed(1))).count == 1)
        var again = registration
        again.header.serialNumber = 1
        let second = session.handle(.frameReceived(again, at: elapsed(6)))
        #expect(second.counted == [.lookupBusy])
        #expect(second.sentFrames.isEmpty)
        let answered = session.handle(.registrationLookup(.unknown))
        guard case .registrationResponse(let response) = try answered.onlySent().message else {
            Issue.record("expected 0x8100")
            return
        }
        #expect(response.responseSerialNumber == 1)
        #expect(session.handle(.registrationLookup(.unknown)).counted == [.unexpectedAnswer])
    }

    @Test("0x0102 (§5.10, 2013) → lookup → authenticated, 0x8001 result 0 answering it")
    func authenticationSuccess() throws {
        var session = SessionMachine(connectedAt: sessionStart)
        let asked = session.handle(.frameReceived(try vectorFrame(SessionVectors.authentication2013), at: elapsed(1)))
        guard case .lookUpAuthentication(let lookup) = asked.first, asked.count == 1 else {
            Issue.record("expected one authentication lookup, got \(asked)")
            return
        }
        #expect(lookup.terminalKey == "12345678901")
        #expect(lookup.authenticationCode == "17299841738")
        #expect(lookup.imei == nil)
        #expect(session.isAuthenticated == false)

        let answered = session.handle(.authenticationLookup(.accepted(plate: "测A1234")))
        let identity = JT808SessionIdentity(
            terminalKey: "12345678901", terminalPhone: "012345678901", plate: "测A1234", version: .v2013
        )
        #expect(answered.first == .authenticated(identity))
        let response = try answered.onlyGeneralResponse()
        #expect(response == JT808GeneralResponse(responseSerialNumber: 0, responseMessageID: 0x0102, result: .success))
        #expect(session.isAuthenticated)
        #expect(session.identity == identity)
    }

    @Test("0x0102 (§5.9) accepted; the next 0x8001 carries the session's serial 10 (§5.13 byte for byte)")
    func generalResponseVector() throws {
        var session = SessionMachine(connectedAt: sessionStart, firstSerialNumber: 9)
        _ = session.handle(.frameReceived(try vectorFrame(SessionVectors.authenticationSmallChi), at: elapsed(1)))
        let authenticated = session.handle(.authenticationLookup(.accepted(plate: nil)))
        #expect(try authenticated.onlyGeneralResponse().responseSerialNumber == 12345)
        #expect(authenticated.sentFrames.first?.header.serialNumber == 9)

        let report = try JT808Message(frame: vectorFrame(SessionVectors.smallChiLocation))
        let stored = session.handle(.frameReceived(try codecFrame(report, phone: "012345678900", serial: 100), at: elapsed(2)))
        let batch = try #require(stored.batches.first)
        #expect(stored.sentFrames.isEmpty)
        let acknowledged = session.handle(.positionsPersisted(batch.token))
        #expect(try wireHex(acknowledged.sentFrames[0]) == hexString(hexBuffer(SessionVectors.generalResponse)))
    }

    @Test("a rejected code gets 0x8001 result 1; the fourth rejection closes the connection")
    func authenticationFailure() throws {
        var session = SessionMachine(connectedAt: sessionStart)
        let authentication = try vectorFrame(SessionVectors.authentication2013)
        for attempt in 1...3 {
            _ = session.handle(.frameReceived(authentication, at: elapsed(Double(attempt))))
            let answered = session.handle(.authenticationLookup(.rejected))
            #expect(try answered.onlyGeneralResponse().result == .failure)
            #expect(answered.counted == [.authenticationRejected])
            #expect(answered.closeReason == nil)
            #expect(session.isAuthenticated == false)
        }
        _ = session.handle(.frameReceived(authentication, at: elapsed(4)))
        let last = session.handle(.authenticationLookup(.rejected))
        #expect(try last.onlyGeneralResponse().result == .failure, "the terminal is told before the close")
        #expect(last.closeReason == .authenticationRejected)
        #expect(session.isClosed)
    }

    @Test("before authentication: heartbeat served; 0x0200, 0x0704, 0x0003, 0x0004 answered result 1; 0x0001 dropped")
    func beforeAuthentication() throws {
        var session = SessionMachine(connectedAt: sessionStart)
        let heartbeat = session.handle(.frameReceived(try vectorFrame(SessionVectors.heartbeat), at: elapsed(1)))
        #expect(try heartbeat.onlyGeneralResponse() == JT808GeneralResponse(
            responseSerialNumber: 10, responseMessageID: 0x0002, result: .success
        ))

        let refused: [JT808Frame] = [
            try vectorFrame(SessionVectors.location2013),
            try vectorFrame(SessionVectors.batch),
            try vectorFrame(SessionVectors.unregister),
            try codecFrame(.serverTimeQuery, phone: "012345678901", serial: 3, version: .v2019),
            try codecFrame(.other(messageID: 0x0900, body: ByteBuffer(bytes: [1, 2])), phone: "012345678901", serial: 4),
        ]
        for refusedFrame in refused {
            let actions = session.handle(.frameReceived(refusedFrame, at: elapsed(2)))
            #expect(actions.batches.isEmpty)
            #expect(actions.counted == [.notAuthenticated])
            let response = try actions.onlyGeneralResponse()
            #expect(response.result == .failure)
            #expect(response.responseMessageID == refusedFrame.header.messageID)
            #expect(response.responseSerialNumber == refusedFrame.header.serialNumber)
        }
        let terminalResponse = JT808Message.terminalGeneralResponse(
            JT808GeneralResponse(responseSerialNumber: 0, responseMessageID: 0x8103, result: .success)
        )
        let dropped = session.handle(.frameReceived(try codecFrame(terminalResponse, phone: "012345678901", serial: 5), at: elapsed(3)))
        #expect(dropped.counted == [.notAuthenticated])
        #expect(dropped.sentFrames.isEmpty)
        #expect(session.isAuthenticated == false)
    }

    @Test("heartbeat (§5.15, 2013) → 0x8001 result 0 answering serial 10, 12-digit phone, no version flag")
    func heartbeat() throws {
        var session = try authenticatedSession(phone: "012345678900", firstSerialNumber: 40)
        let actions = session.handle(.frameReceived(try vectorFrame(SessionVectors.heartbeat), at: elapsed(30)))
        let (header, message) = try actions.onlySent()
        #expect(header.messageID == 0x8001)
        #expect(header.terminalPhone == "012345678900")
        #expect(header.hasVersionFlag == false)
        #expect(header.serialNumber == 41)
        #expect(message == .platformGeneralResponse(JT808GeneralResponse(
            responseSerialNumber: 10, responseMessageID: 0x0002, result: .success
        )))
    }

    @Test("unregister (§5.15 logout) → 0x8001, unregistered, and reports are refused until authenticated again")
    func unregister() throws {
        var session = try authenticatedSession(phone: "012345678900")
        let identity = try #require(session.identity)
        let actions = session.handle(.frameReceived(try vectorFrame(SessionVectors.unregister), at: elapsed(5)))
        #expect(actions.count == 2)
        #expect(try actions.onlyGeneralResponse() == JT808GeneralResponse(
            responseSerialNumber: 1, responseMessageID: 0x0003, result: .success
        ))
        #expect(actions.last == .unregistered(identity))
        #expect(session.isAuthenticated == false)

        let report = session.handle(.frameReceived(
            try codecFrame(.locationReport(sampleReport()), phone: "012345678900", serial: 2), at: elapsed(6)
        ))
        #expect(report.batches.isEmpty)
        #expect(try report.onlyGeneralResponse().result == .failure)
        #expect(session.handle(.tick(at: elapsed(5 + 59))).isEmpty)
        #expect(session.handle(.tick(at: elapsed(5 + 60))).closeReason == .authenticationTimeout,
                "the authentication clock restarts at the unregistration")
    }

    @Test("after authentication a frame with another terminal's phone is refused, not processed")
    func terminalMismatch() throws {
        var session = try authenticatedSession(phone: "012345678901")
        let foreign = try codecFrame(.locationReport(sampleReport()), phone: "013900000000", serial: 7)
        let actions = session.handle(.frameReceived(foreign, at: elapsed(1)))
        #expect(actions.batches.isEmpty)
        #expect(actions.counted == [.terminalMismatch])
        let (header, message) = try actions.onlySent()
        #expect(header.terminalPhone == "013900000000")
        #expect(message == .platformGeneralResponse(JT808GeneralResponse(
            responseSerialNumber: 7, responseMessageID: 0x0200, result: .failure
        )))
        #expect(session.identity?.terminalKey == "12345678901")
    }
}
