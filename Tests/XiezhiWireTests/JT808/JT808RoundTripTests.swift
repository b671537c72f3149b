import Foundation
import NIOCore
import Testing
@testable import XiezhiWire

/// Every message type, in every version: framed, escaped, split from a stream, decoded, and equal again.
@Suite("JT/T 808 round trips for every message and version")
struct JT808RoundTripTests {
    static let time = JT808BCDTime(year: 2025, month: 3, day: 5, hour: 8, minute: 30, second: 0)!

    static let fullReport = JT808LocationReport(
        alarms: [.overspeed, .areaEntryExit, .illegalDoorOpening],
        status: [.accOn, .positioned, .beidou, .gps, .moving],
        latitude: 30_746_000, longitude: 120_755_000, altitude: 5, speed: 0x7E7D, direction: 359, time: time,
        items: [
            .mileage(0x7E7D_7E7D), .fuel(880), .recorderSpeed(612), .alarmEventID(1),
            .tyrePressure(Array(repeating: 0xFF, count: 30)),
            .carriageTemperature(JT808CarriageTemperature(degreesCelsius: -18)),
            .overspeed(JT808OverspeedDetail(locationType: .none, areaID: nil)),
            .overspeed(JT808OverspeedDetail(locationType: .roadSection, areaID: 42)),
            .areaOrRouteTransition(JT808AreaTransition(locationType: .polygon, areaID: 7, direction: .leaving)),
            .sectionDrivingTime(JT808SectionDrivingTime(sectionID: 9, drivingSeconds: 600, result: .tooLong)),
            .extendedSignals([.brake, .abs, .clutch]),
            .ioStatus(.deepSleep),
            .analog(JT808AnalogInputs(ad0: 1, ad1: 2)),
            .signalStrength(31),
            .satelliteCount(12),
            .raw(id: 0x01, value: [1, 2]),
            .raw(id: 0x14, value: [0, 0, 0, 1]),
            .raw(id: 0x64, value: []),
            .raw(id: 0xEB, value: Array(0...200)),
        ]
    )

    static func messages(for version: JT808Version) -> [JT808Message] {
        var messages: [JT808Message] = [
            .terminalGeneralResponse(JT808GeneralResponse(responseSerialNumber: 0x7E, responseMessageID: 0x8103, result: .failure)),
            .platformGeneralResponse(JT808GeneralResponse(responseSerialNumber: 65535, responseMessageID: 0x0200, result: .alarmConfirmed)),
            .heartbeat,
            .unregister,
            .registration(JT808Registration(
                provinceID: 33, cityID: 400, manufacturerID: "70107", terminalModel: "HB-R03",
                terminalID: "2366104", plateColor: .yellow, plate: "浙F12345"
            )),
            .registrationResponse(JT808RegistrationResponse(responseSerialNumber: 3, result: .success, authenticationCode: "鉴权A1")),
            .registrationResponse(JT808RegistrationResponse(responseSerialNumber: 4, result: .terminalNotInDatabase)),
            .locationReport(fullReport),
            .locationReport(JT808LocationReport(latitude: 0, longitude: 0, time: JT808BCDTime(rawValue: 0))),
            .batchLocationUpload(JT808BatchLocationUpload(kind: .backfill, reports: [fullReport, fullReport])),
            .batchLocationUpload(JT808BatchLocationUpload(kind: .normal, reports: [])),
            .platformResendRequest(JT808SubpackageResendRequest(originalSerialNumber: 0x7D7E, packetIndices: [1, 126, 0x7E7D])),
            .platformResendRequest(JT808SubpackageResendRequest(originalSerialNumber: 5, packetIndices: [])),
            .other(messageID: 0x8103, body: ByteBuffer(bytes: [0x7E, 0x7D, 0x01, 0x02])),
        ]
        if version == .v2019 {
            messages += [
                .authentication(JT808Authentication(authenticationCode: "17299841738", imei: "861234567890123", softwareVersion: "V2.1.0")),
                .serverTimeQuery,
                .serverTime(JT808ServerTime(date: Date(timeIntervalSince1970: 1_741_163_400))!),
                .terminalResendRequest(JT808SubpackageResendRequest(originalSerialNumber: 9, packetIndices: Array(1...300))),
                .registration(JT808Registration(
                    provinceID: 31, cityID: 116, manufacturerID: "31011612345", terminalModel: String(repeating: "M", count: 30),
                    terminalID: String(repeating: "7", count: 30), plateColor: .green, plate: "沪AD12345"
                )),
            ]
        } else {
            messages.append(.authentication(JT808Authentication(authenticationCode: "456121111")))
        }
        return messages
    }

    @Test("frame → bytes → splitter → message is the identity", arguments: JT808Version.allCases)
    func roundTrip(version: JT808Version) throws {
        var splitter = JT808FrameSplitter()
        let messages = Self.messages(for: version)
        var serial: UInt16 = 0x7E00
        for message in messages {
            let frame = try JT808Frame(message: message, terminalPhone: "13957300001", serialNumber: serial, version: version)
            splitter.append(try frame.encoded())
            serial &+= 0x7D
        }
        var decoded: [JT808Message] = []
        while let frame = try splitter.next() {
            #expect(frame.header.hasVersionFlag == (version == .v2019))
            #expect(frame.header.terminalKey == "13957300001")
            decoded.append(try JT808Message(frame: frame, version: version))
        }
        #expect(decoded == messages)
    }

    @Test("a registration decodes in the remembered version even when the body length suggests another")
    func rememberedVersion() throws {
        // A 2011 registration whose long plate makes the body 37 bytes, which inference would read as 2013.
        let registration = JT808Registration(
            provinceID: 33, cityID: 400, manufacturerID: "70107", terminalModel: "HB",
            terminalID: "1", plateColor: .notPlated, plate: "LSVAU2180N2183294"
        )
        let frame = try JT808Frame(message: .registration(registration), terminalPhone: "1", serialNumber: 1, version: .v2011)
        #expect(frame.body.readableBytes >= JT808Registration.minimum2013BodyLength)
        #expect(try JT808Message(frame: frame, version: .v2011) == .registration(registration))
        #expect(try JT808Message(frame: frame) != .registration(registration))
    }

    @Test("standard padding: 2011 model padded with spaces, 2019 model with leading zeros; both decode the same")
    func standardPadding() throws {
        var scratch = ByteBuffer()
        let registration = JT808Registration(
            provinceID: 33, cityID: 400, manufacturerID: "70107", terminalModel: "BSJ-GF-06",
            terminalID: "CHI123", plateColor: .blue, plate: "浙F12345"
        )
        #expect(jt808Error { try registration.encode(into: &scratch, version: .v2011, padding: .standard) }?.code == .invalidValue)
        var short2011 = registration
        short2011.terminalModel = "HB"
        var shortBody = ByteBuffer()
        try short2011.encode(into: &shortBody, version: .v2011, padding: .standard)
        #expect(Array(shortBody.readableBytesView.dropFirst(9).prefix(8)) == Array("HB      ".utf8))
        #expect(try JT808Registration(decoding: shortBody, version: .v2011) == short2011)

        var body2019 = ByteBuffer()
        try registration.encode(into: &body2019, version: .v2019, padding: .standard)
        let model = Array(body2019.readableBytesView.dropFirst(15).prefix(30))
        #expect(model == Array(repeating: 0, count: 21) + Array("BSJ-GF-06".utf8))
        #expect(try JT808Registration(decoding: body2019, version: .v2019) == registration)
    }

    @Test("text too long for its field, or outside GBK, is refused with the field named")
    func registrationLimits() {
        let tooLong = JT808Registration(
            provinceID: 0, cityID: 0, manufacturerID: "123456", terminalModel: "", terminalID: "", plateColor: .blue, plate: ""
        )
        let error = jt808Error { try tooLong.encodedBody(version: .v2013) }
        #expect(error?.code == .invalidValue)
        #expect(error?.messageID == 0x0100)
        #expect(error?.reason.contains("manufacturer ID") == true)
        #expect(jt808Error { try tooLong.encodedBody(version: .v2019) } == nil)

        let emoji = JT808Registration(
            provinceID: 0, cityID: 0, manufacturerID: "", terminalModel: "", terminalID: "", plateColor: .blue, plate: "浙F🚚"
        )
        #expect(jt808Error { try emoji.encodedBody(version: .v2013) }?.code == .unencodableText)
    }

    @Test("0x8003 with more than 255 IDs needs the 2019 WORD count")
    func resendCountLimit() {
        let request = JT808SubpackageResendRequest(originalSerialNumber: 1, packetIndices: Array(repeating: 1, count: 256))
        #expect(jt808Error { try request.encodedBody(version: .v2013) }?.code == .invalidValue)
        #expect(jt808Error { try request.encodedBody(version: .v2019) } == nil)
    }

    @Test("a general response answers the header it is built from")
    func answering() throws {
        let (frame, _) = try decodeVector("7E00020000012345678900000A817E")
        let answer = JT808GeneralResponse(answering: frame.header)
        #expect(answer == JT808GeneralResponse(responseSerialNumber: 10, responseMessageID: 0x0002, result: .success))
    }
}
