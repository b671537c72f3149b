import Foundation
import NIOCore
import Testing
@testable import XiezhiWire

/// The published frames of jt808.md §5: each is decoded, checked field by field against the values its
/// source asserts, and re-encoded to the exact original bytes.
@Suite("JT/T 808 test vectors (jt808.md §5)")
struct JT808VectorTests {
    private func location(_ message: JT808Message) throws -> JT808LocationReport {
        guard case .locationReport(let report) = message else {
            Issue.record("expected a location report, got \(message)")
            throw JT808Error(.invalidValue, "wrong message")
        }
        return report
    }

    @Test("5.1 0x0200 with escaped serial 126 and fuel 125 (SmallChi README example 1)")
    func locationWithEscapedSerialAndFuel() throws {
        let (frame, message) = try decodeVector(
            "7E 02 00 00 26 12 34 56 78 90 12 00 7D 02 00 00 00 01 00 00 00 02 00 BA 7F 0E 07 E4 F1 1C 00 28 00 3C 00 00 18 10 15 10 10 10 01 04 00 00 00 64 02 02 00 7D 01 13 7E"
        )
        #expect(frame.header.messageID == 0x0200)
        #expect(frame.header.bodyLength == 38)
        #expect(frame.header.serialNumber == 126)
        #expect(frame.header.terminalPhone == "123456789012")
        #expect(frame.header.subpackage == nil)
        #expect(frame.header.encryption == .none)
        #expect(frame.header.hasVersionFlag == false)
        let report = try location(message)
        #expect(report.alarms == .emergency)
        #expect(report.status == .positioned)
        #expect(report.latitude == 12_222_222)
        #expect(report.longitude == 132_444_444)
        #expect(report.altitude == 40)
        #expect(report.speed == 60)
        #expect(report.direction == 0)
        #expect(report.time.description == "2018-10-15 10:10:10")
        #expect(report.items == [.mileage(100), .fuel(125)])
    }

    @Test("5.1 example 2: the same report with serial 1")
    func locationSerialOne() throws {
        let (frame, message) = try decodeVector(
            "7E 02 00 00 26 12 34 56 78 90 12 00 01 00 00 00 01 00 00 00 02 00 BA 7F 0E 07 E4 F1 1C 00 28 00 3C 00 00 18 10 15 10 10 10 01 04 00 00 00 64 02 02 00 7D 01 6C 7E"
        )
        #expect(frame.header.serialNumber == 1)
        #expect(try location(message).items == [.mileage(100), .fuel(125)])
    }

    @Test("5.2 0x0200 with 0x7E escaped inside the latitude (go-jt808)")
    func locationEscapedLatitude() throws {
        let (frame, message) = try decodeVector(
            "7e0200001c0123456789010000000004000000080007203b7d0202633df70138000300632410012359591c7e"
        )
        #expect(frame.header.terminalPhone == "012345678901")
        #expect(frame.header.serialNumber == 0)
        let report = try location(message)
        #expect(report.alarms.rawValue == 1024)
        #expect(report.alarms == .ttsModuleFault)
        #expect(report.status.rawValue == 2048)
        #expect(report.status == .circuitCut)
        #expect(report.latitude == 119_552_894)
        #expect(report.longitude == 40_058_359)
        #expect(report.altitude == 312)
        #expect(report.speed == 3)
        #expect(report.direction == 99)
        #expect(report.time.description == "2024-10-01 23:59:59")
        #expect(report.items.isEmpty)
    }

    /// The standard items of go-jt808's "包含全部已知附加信息的" case; 0x11 is type 66, ID 66 (not the golden file's reading).
    private static let allStandardItems: [JT808LocationItem] = [
        .mileage(11), .fuel(22), .recorderSpeed(33), .alarmEventID(44),
        .tyrePressure([55, 55, 55] + Array(repeating: 0, count: 27)),
        .overspeed(JT808OverspeedDetail(locationType: JT808LocationType(rawValue: 66), areaID: 66)),
        .areaOrRouteTransition(JT808AreaTransition(
            locationType: JT808LocationType(rawValue: 77), areaID: 77,
            direction: JT808AreaTransition.Direction(rawValue: 77)
        )),
        .sectionDrivingTime(JT808SectionDrivingTime(
            sectionID: 88, drivingSeconds: 88, result: JT808SectionDrivingTime.Result(rawValue: 88)
        )),
        .extendedSignals([.lowBeam, .highBeam, .reverse, .fogLamp]),
        .ioStatus(JT808IOStatus(rawValue: 10)),
        .analog(JT808AnalogInputs(ad0: 20, ad1: 0)),
        .signalStrength(30),
        .satelliteCount(40),
    ]

    @Test("5.3 0x0200 with every standard additional item, 2013 header (go-jt808)")
    func locationAllItems2013() throws {
        let (frame, message) = try decodeVector(
            "7e020000800123456789017fff000004000000080006eeb6ad02633df701380003006320070719235901040000000b02020016030200210402002c051e3737370000000000000000000000000000000000000000000000000000001105420000004212064d0000004d4d1307000000580058582504000000632a02000a2b040000001430011e31012806020001927e"
        )
        #expect(frame.header.serialNumber == 0x7FFF)
        #expect(frame.header.terminalPhone == "012345678901")
        let report = try location(message)
        #expect(report.alarms.rawValue == 1024)
        #expect(report.status.rawValue == 2048)
        #expect(report.latitude == 116_307_629)
        #expect(report.longitude == 40_058_359)
        #expect(report.altitude == 312)
        #expect(report.speed == 3)
        #expect(report.direction == 99)
        #expect(report.time.description == "2020-07-07 19:23:59")
        #expect(report.items == Self.allStandardItems + [.carriageTemperature(JT808CarriageTemperature(degreesCelsius: 1))])
        guard case .ioStatus(let io) = report.item(0x2A) else { Issue.record("no 0x2A"); return }
        #expect(io.contains(.sleep))
        #expect(!io.contains(.deepSleep))
        guard case .carriageTemperature(let temperature) = report.item(0x06) else { Issue.record("no 0x06"); return }
        #expect(temperature.degreesCelsius == 1)
    }

    @Test("5.4 0x0200 with a 2019 header (yezhihao JT808.txt line 15)")
    func locationAllItems2019() throws {
        let (frame, message) = try decodeVector(
            "7e0200407c0100000000017299841738ffff000004000000080006eeb6ad02633df701380003006320070719235901040000000b02020016030200210402002c051e3737370000000000000000000000000000000000000000000000000000001105420000004212064d0000004d4d1307000000580058582504000000632a02000a2b040000001430011e310128637e"
        )
        #expect(frame.header.hasVersionFlag)
        #expect(frame.header.protocolVersion == 1)
        #expect(frame.header.terminalPhone == "00000000017299841738")
        #expect(frame.header.terminalKey == "17299841738")
        #expect(frame.header.serialNumber == 65535)
        #expect(frame.header.encodedLength == 17)
        let report = try location(message)
        #expect(report.latitude == 116_307_629)
        #expect(report.items == Self.allStandardItems)
    }

    private func registration(_ message: JT808Message) throws -> JT808Registration {
        guard case .registration(let body) = message else {
            Issue.record("expected a registration, got \(message)")
            throw JT808Error(.invalidValue, "wrong message")
        }
        return body
    }

    @Test("5.5 0x0100 in the 2013 layout (SmallChi Test1_1)")
    func registration2013() throws {
        let (frame, message) = try decodeVector(
            "7E0100002D000123456789000A002800323132333400736D616C6C6368693132330000000000000000004348493132330001D4C14131323334358A7E"
        )
        #expect(frame.header.serialNumber == 10)
        #expect(frame.header.terminalKey == "123456789")
        #expect(JT808Message.bodyVersion(for: frame.header, remembered: nil) == .v2013)
        let body = try registration(message)
        #expect(body == JT808Registration(
            provinceID: 40, cityID: 50, manufacturerID: "1234", terminalModel: "smallchi123",
            terminalID: "CHI123", plateColor: .blue, plate: "粤A12345"
        ))
    }

    @Test("5.6 0x0100 in the 2019 layout (SmallChi Test2019_2)")
    func registration2019() throws {
        let (frame, message) = try decodeVector(
            "7E010040540100000000000123456789000A002800323132333400000000000000736D616C6C6368693132330000000000000000000000000000000000000043484931323300000000000000000000000000000000000000000000000001D4C1413132333435B27E"
        )
        #expect(frame.header.protocolVersion == 1)
        #expect(frame.header.serialNumber == 10)
        #expect(frame.header.terminalKey == "123456789")
        #expect(try registration(message) == JT808Registration(
            provinceID: 40, cityID: 50, manufacturerID: "1234", terminalModel: "smallchi123",
            terminalID: "CHI123", plateColor: .blue, plate: "粤A12345"
        ))
    }

    @Test("5.7 0x0100 in the 2011 layout, told apart by its 33-byte body (SmallChi Test2011_2)")
    func registration2011() throws {
        let (frame, message) = try decodeVector(
            "7E01000021000123456789000A002800323132333400746B3132333435004348493132330001D4C1413132333435857E"
        )
        #expect(frame.header.bodyLength == 33)
        #expect(JT808Message.bodyVersion(for: frame.header, remembered: nil) == .v2011)
        #expect(try registration(message) == JT808Registration(
            provinceID: 40, cityID: 50, manufacturerID: "1234", terminalModel: "tk12345",
            terminalID: "CHI123", plateColor: .blue, plate: "粤A12345"
        ))
    }

    @Test(
        "5.8 0x0100 in three layouts (go-jt808)",
        arguments: [
            ("7e0100405301000000000172998417380000001f007363640000000000000000007777772e3830382e636f6d0000000000000000000000000000000000000037363534333231000000000000000000000000000000000000000000000001b2e241313233343b7e", JT808Version.v2019, "www.808.com"),
            ("7e010000200123456789010000001f007363640000007777772e3830382e3736353433323101b2e24131323334a17e", .v2011, "www.808."),
            ("7e0100002c0123456789010000001f007363640000007777772e3830382e636f6d0000000000000000003736353433323101b2e24131323334cc7e", .v2013, "www.808.com"),
        ]
    )
    func registrationGoJT808(hex: String, version: JT808Version, model: String) throws {
        let (frame, message) = try decodeVector(hex)
        #expect(JT808Message.bodyVersion(for: frame.header, remembered: nil) == version)
        #expect(try registration(message) == JT808Registration(
            provinceID: 31, cityID: 115, manufacturerID: "cd", terminalModel: model,
            terminalID: "7654321", plateColor: .blue, plate: "测A1234"
        ))
    }

    @Test("5.9 0x0102 in the 2013 layout (SmallChi Test4)")
    func authentication2013() throws {
        let (frame, message) = try decodeVector("7E010200090123456789003039343536313231313131BE7E")
        #expect(frame.header.serialNumber == 12345)
        #expect(frame.header.terminalKey == "12345678900")
        #expect(message == .authentication(JT808Authentication(authenticationCode: "456121111")))
    }

    @Test("5.10 0x0102 in the 2019 layout and its 2013 twin (go-jt808)")
    func authentication2019() throws {
        let (frame, message) = try decodeVector(
            "7e0102402f010000000001729984173800000b3137323939383431373338313233343536373839303132333435332e372e31350000000000000000000000000000227e"
        )
        #expect(frame.header.protocolVersion == 1)
        #expect(message == .authentication(JT808Authentication(
            authenticationCode: "17299841738", imei: "123456789012345", softwareVersion: "3.7.15"
        )))
        let (_, twin) = try decodeVector("7e0102000b01234567890100003137323939383431373338b57e")
        #expect(twin == .authentication(JT808Authentication(authenticationCode: "17299841738")))
    }

    @Test("5.11 0x0704 normal batch, 2013 (SmallChi Test2)")
    func batch2013() throws {
        let (frame, message) = try decodeVector(
            "7E0704005311223344556622B80002000026000000010000000200BA7F0E07E4F11C0028003C0000180715101010010400000064020200370026000000020000000100CB735507E6A32300290036007818071510103001040000006002020042D47E"
        )
        #expect(frame.header.serialNumber == 8888)
        #expect(frame.header.terminalPhone == "112233445566")
        guard case .batchLocationUpload(let batch) = message else { Issue.record("not a batch"); return }
        #expect(batch.kind == .normal)
        #expect(batch.reports == [
            JT808LocationReport(
                alarms: .emergency, status: .positioned, latitude: 12_222_222, longitude: 132_444_444,
                altitude: 40, speed: 60, direction: 0, time: JT808BCDTime(year: 2018, month: 7, day: 15, hour: 10, minute: 10, second: 10)!,
                items: [.mileage(100), .fuel(55)]
            ),
            JT808LocationReport(
                alarms: .overspeed, status: .accOn, latitude: 13_333_333, longitude: 132_555_555,
                altitude: 41, speed: 54, direction: 120, time: JT808BCDTime(year: 2018, month: 7, day: 15, hour: 10, minute: 10, second: 30)!,
                items: [.mileage(96), .fuel(66)]
            ),
        ])
    }

    @Test("5.12 0x0704 in 2019 with Shanghai coordinates (xtream-codec debug data)")
    func batch2019() throws {
        let (frame, message) = try decodeVector(
            "7e0704403f01000000000139123443290000000200001c000000010000000101d907f2073d336c029a00210059241029213903001c000000010000000101d907f3073d336d03090043005a241029213903f87e"
        )
        #expect(frame.header.terminalKey == "13912344329")
        guard case .batchLocationUpload(let batch) = message else { Issue.record("not a batch"); return }
        #expect(batch.kind == .normal)
        #expect(batch.reports.count == 2)
        let time = JT808BCDTime(year: 2024, month: 10, day: 29, hour: 21, minute: 39, second: 3)!
        #expect(batch.reports[0] == JT808LocationReport(
            alarms: .emergency, status: .accOn, latitude: 31_000_562, longitude: 121_451_372,
            altitude: 666, speed: 33, direction: 89, time: time
        ))
        #expect(batch.reports[1] == JT808LocationReport(
            alarms: .emergency, status: .accOn, latitude: 31_000_563, longitude: 121_451_373,
            altitude: 777, speed: 67, direction: 90, time: time
        ))
        #expect(abs(batch.reports[0].latitudeDegrees - 31.000562) < 1e-9)
        #expect(abs(batch.reports[0].longitudeDegrees - 121.451372) < 1e-9)
    }

    @Test("5.12 0x8003: a BYTE count in 2013, a WORD count in 2019")
    func resendRequests() throws {
        let expected = JT808Message.platformResendRequest(
            JT808SubpackageResendRequest(originalSerialNumber: 111, packetIndices: [2, 3, 4])
        )
        let (frame2013, message2013) = try decodeVector("7e800300090139123443230000006f030002000300049d7e")
        #expect(frame2013.header.bodyLength == 9)
        #expect(message2013 == expected)
        let (frame2019, message2019) = try decodeVector("7e8003400a01000000000139123443290000006f0003000200030004d57e")
        #expect(frame2019.header.bodyLength == 10)
        #expect(message2019 == expected)
    }

    @Test("5.13 0x8001 platform general response (SmallChi Test2)")
    func platformGeneralResponse() throws {
        let (frame, message) = try decodeVector("7E80010005012345678900000A0064020000617E")
        #expect(frame.header.serialNumber == 10)
        #expect(frame.header.terminalKey == "12345678900")
        #expect(message == .platformGeneralResponse(JT808GeneralResponse(
            responseSerialNumber: 100, responseMessageID: 0x0200, result: .success
        )))
    }

    @Test("5.14 0x0001 terminal general response (go-jt808)")
    func terminalGeneralResponse() throws {
        let (frame, message) = try decodeVector("7e000100050123456789017fff007b01c803bd7e")
        #expect(frame.header.serialNumber == 0x7FFF)
        #expect(message == .terminalGeneralResponse(JT808GeneralResponse(
            responseSerialNumber: 123, responseMessageID: 456, result: .unsupported
        )))
    }

    @Test("5.15 heartbeat whose check code 0x7E travels as 7D 02, a plain heartbeat, a logout")
    func heartbeatsAndLogout() throws {
        let (escaped, message) = try decodeVector("7E 00 02 00 00 04 00 21 67 92 87 00 2B 7D 02 7E")
        #expect(message == .heartbeat)
        #expect(escaped.header.serialNumber == 43)
        #expect(escaped.header.terminalPhone == "040021679287")
        #expect(escaped.header.terminalKey == "40021679287")
        #expect(escaped.body.readableBytes == 0)
        let (plain, plainMessage) = try decodeVector("7E00020000012345678900000A817E")
        #expect(plainMessage == .heartbeat)
        #expect(plain.header.serialNumber == 10)
        let (logout, logoutMessage) = try decodeVector("7E0003000001234567890000018B7E")
        #expect(logoutMessage == .unregister)
        #expect(logout.header.serialNumber == 1)
    }

    @Test("5.16 0x8100 registration response (go-jt808)")
    func registrationResponse() throws {
        let (_, message) = try decodeVector("7e8100000e01234567890100000000003132333435363738393031377e")
        #expect(message == .registrationResponse(JT808RegistrationResponse(
            responseSerialNumber: 0, result: .success, authenticationCode: "12345678901"
        )))
    }

    @Test("5.17 2019 header with every flag set (SmallChi JT808Header_2019Test2)")
    func headerWithEveryFlag() throws {
        var bytes = hexBuffer("010264FF0200000000013812345678008700000000")
        let header = try JT808Header.decode(from: &bytes)
        #expect(bytes.readableBytes == 0)
        #expect(header.messageID == 0x0102)
        #expect(header.bodyLength == 255)
        #expect(header.subpackage == JT808Subpackage(total: 0, index: 0))
        #expect(header.subpackage?.isWellFormed == false)
        #expect(header.hasVersionFlag)
        #expect(header.protocolVersion == 2)
        #expect(header.encryption == .rsa)
        #expect(header.terminalKey == "13812345678")
        #expect(header.serialNumber == 135)
        #expect(header.encodedLength == 21)
        var again = ByteBuffer()
        try header.encode(into: &again)
        #expect(hexString(again) == "010264FF0200000000013812345678008700000000")
    }

    @Test("5.17 traccar's Jiangsu 0x0100: the last byte is the check code, so the plate is 苏BA6860")
    func traccarRegistration() throws {
        let (_, message) = try decodeVector(
            "7E0100002D013511221122000500000000373031303748422D52303347424400000000000000000000003233363631303402CBD5424136383630387E"
        )
        #expect(try registration(message) == JT808Registration(
            provinceID: 0, cityID: 0, manufacturerID: "70107", terminalModel: "HB-R03GBD",
            terminalID: "2366104", plateColor: .yellow, plate: "苏BA6860"
        ))
    }

    @Test("5.17 traccar's 0x0200 declaring 50 body bytes with 40 present is refused on its check code")
    func traccarBrokenLocation() {
        let error = jt808Error {
            try JT808Frame(escaped: hexBuffer("7E02000032013511221122000700000000000C000301578CC006CA3A5C00470000000014072317201501040000000030011631010BD07E"))
        }
        #expect(error?.code == .badChecksum)
        #expect(error?.messageID == 0x0200)
    }

    @Test("5.17 a device that does not escape 0x7E: whole frame decodes, the stream splitter cannot")
    func unescapedFlagInsideFrame() throws {
        let hex = "7E0200005B01234567891000110000000000000000020A3AAC067EAA2400000000000022083117155601040000014A30011D310100EB31000C00B28986049401208044782200060089FFFFFFFE000600C5FFFFFFE7000B00D801CC0090050FEC20C7000400B71D00947E"
        let frame = try JT808Frame(escaped: hexBuffer(hex))
        guard case .locationReport(let report) = try JT808Message(frame: frame) else {
            Issue.record("not a location report")
            return
        }
        #expect(report.longitude == 0x067E_AA24)
        #expect(abs(report.latitudeDegrees - 34.224812) < 1e-9)
        #expect(report.item(0xEB)?.value.count == 49)

        var splitter = JT808FrameSplitter()
        splitter.append(hexBuffer(hex))
        // The inner 0x7E cuts the frame in two; each fragment fails its check code.
        #expect(jt808Error { try splitter.next() }?.code == .badChecksum)
        #expect(jt808Error { try splitter.next() }?.code == .badChecksum)
        #expect(try splitter.next() == nil)
    }
}
