import Foundation
import Testing
@testable import XiezhiWire

@Suite("AIS messages")
struct AISMessageTests {
    /// Type 1 from the project notes (ais.md §1.6): MMSI 413123456, 121.4737E 31.2304N, 12.3 kn, COG 87.5,
    /// HDG 88, ROT −10 (raw −15).
    static let shanghaiType1 = "!AIVDM,1,1,,A,169w3P0tAs`d3wpAod@3JjhOP000,0*14"

    @Test("type 1: every raw field and the gpsd JSON, turn signed")
    func type1() throws {
        guard case .positionReport(let report) = try AISMessage(line: Self.shanghaiType1) else {
            Issue.record("not a position report")
            return
        }
        #expect(report.header == AISHeader(messageType: 1, repeatIndicator: 0, mmsi: 413_123_456))
        #expect(report.navigationStatus == 0)
        #expect(report.rateOfTurn == -15)
        #expect(report.speedOverGround == 123)
        #expect(report.positionAccuracy)
        #expect(report.longitude == 72_884_220)
        #expect(report.latitude == 18_738_240)
        #expect(report.courseOverGround == 875)
        #expect(report.trueHeading == 88)
        #expect(report.timestampSecond == 15)
        #expect(report.maneuver == 3)
        #expect(!report.raim)
        #expect(report.radioStatus == 0)
        #expect(report.longitudeDegrees == 121.4737)
        #expect(report.latitudeDegrees == 31.2304)
        #expect(report.speedKnots == 12.3)
        let turn = try #require(report.rateOfTurnDegreesPerMinute)
        #expect(abs(turn + 10.044) < 0.001)
        #expect(try AISMessage(line: Self.shanghaiType1).gpsdJSON() == """
            {"class":"AIS","type":1,"repeat":0,"mmsi":413123456,"scaled":true,"status":0,\
            "status_text":"Under way using engine","turn":-10,"speed":12.3,"accuracy":true,"lon":121.473700,\
            "lat":31.230400,"course":87.5,"heading":88,"second":15,"maneuver":3,"raim":false,"radio":0}
            """)
    }

    @Test("turn legends: n/a, fast turns, sign kept, no negative zero", arguments: [
        (-128, "\"nan\""), (-127, "\"fastleft\""), (127, "\"fastright\""), (0, "0"), (-1, "0"), (1, "0"),
        (-15, "-10"), (15, "10"), (-126, "-709"), (126, "709"),
    ])
    func turnLegend(raw: Int, expected: String) {
        #expect(AISMessage.turnLegend(raw) == expected)
    }

    @Test("type 5 across two sentences (gpsd sample, EVER DIADEM)")
    func type5() throws {
        var assembler = AISAssembler()
        _ = assembler.add(line: AISAssemblerTests.everDiadem[0], receivedAt: Date())
        let payload = try #require(assembler.add(line: AISAssemblerTests.everDiadem[1], receivedAt: Date()).payload)
        guard case .staticVoyageData(let ship) = try payload.message() else {
            Issue.record("not type 5")
            return
        }
        #expect(ship.header.mmsi == 351_759_000)
        #expect(ship.imo == 9_134_270)
        #expect(ship.callSign == "3FOF8")
        #expect(ship.shipName == "EVER DIADEM")
        #expect(ship.shipType == 70)
        #expect(ship.dimensions == AISDimensions(toBow: 225, toStern: 70, toPort: 1, toStarboard: 31))
        #expect(ship.epfd == 1)
        #expect([ship.etaMonth, ship.etaDay, ship.etaHour, ship.etaMinute] as [Int] == [5, 15, 14, 0])
        #expect(ship.draught == 122)
        #expect(ship.destination == "NEW YORK")
        #expect(!ship.dte)
    }

    @Test("type 24: part A and part B are separate messages")
    func type24() throws {
        let partA = try AISMessage(line: "!AIVDM,1,1,,A,H42O55i18tMET00000000000000,2*6D")
        let partB = try AISMessage(line: "!AIVDM,1,1,,A,H42O55lti4hhhilD3nink000?050,0*40")
        #expect(partA == .staticDataReport(AISStaticDataReport(
            header: AISHeader(messageType: 24, repeatIndicator: 0, mmsi: 271_041_815), part: .a(shipName: "PROGUY")
        )))
        #expect(partB == .staticDataReport(AISStaticDataReport(
            header: AISHeader(messageType: 24, repeatIndicator: 0, mmsi: 271_041_815),
            part: .b(.init(
                shipType: 60, vendorID: "1D00014", model: 12, serial: 199_796, callSign: "TC6163",
                dimensions: AISDimensions(toBow: 0, toStern: 15, toPort: 0, toStarboard: 5), mothershipMMSI: nil
            ))
        )))
        #expect(partA.gpsdJSON() == #"{"class":"AIS","type":24,"repeat":0,"mmsi":271041815,"scaled":true,"part":"A","shipname":"PROGUY"}"#)
        #expect(partB.gpsdJSON().contains(#""scaled":true,"part":"B","shiptype":60,"#))
        #expect(AISStaticDataReport.isAuxiliaryCraft(mmsi: 984_131_234))
        #expect(!AISStaticDataReport.isAuxiliaryCraft(mmsi: 413_123_456))
    }

    @Test("type 8 DAC 200 FI 10: inland static data (gpsd sample)")
    func inlandStatic() throws {
        guard case .broadcastBinary(let message) = try AISMessage(line: "!AIVDM,1,1,,B,83aDChPj2d<dL<uM=hhhI?a@6HP0,0*40"),
              case .inlandStaticVoyage(let ship) = message.application else {
            Issue.record("not inland static data")
            return
        }
        #expect(ship.vesselIdentification == "02103547")
        #expect(ship.length == 390)
        #expect(ship.beam == 50)
        #expect(ship.shipType == 8010)
        #expect(ship.hazard == 0)
        #expect(ship.draught == 204)
        #expect(ship.loaded == 1)
    }

    @Test("type 21: the name extension is appended only to a full 20-character name")
    func type21() throws {
        var assembler = AISAssembler()
        _ = assembler.add(line: "!AIVDM,2,1,5,B,E1mg=5J1T4W0h97aRh6ba84<h2d;W:Te=eLvH50```q,0*46", receivedAt: Date())
        let payload = try #require(assembler.add(line: "!AIVDM,2,2,5,B,:D44QDlp0C1DU00,2*36", receivedAt: Date()).payload)
        guard case .aidToNavigationReport(let aid) = try payload.message() else {
            Issue.record("not type 21")
            return
        }
        #expect(aid.name == "CHINA ROSE MURPHY EXPRESS ALERT")
        #expect(aid.aidType == 20)
        #expect(aid.regional == 165)
    }

    @Test("truncated or over-long payloads are specific errors: code, type and the bit offset", arguments: [
        (1, 162, AISError.Code.payloadTooShort, 162), (4, 167, .payloadTooShort, 167), (5, 419, .payloadTooShort, 419),
        (6, 87, .payloadTooShort, 87), (6, 1009, .payloadTooLong, 1008), (7, 169, .payloadTooLong, 168),
        (8, 55, .payloadTooShort, 55), (12, 1009, .payloadTooLong, 1008), (17, 79, .payloadTooShort, 79),
        (18, 160, .payloadTooShort, 160), (19, 311, .payloadTooShort, 311), (20, 187, .payloadTooLong, 186),
        (21, 271, .payloadTooShort, 271), (21, 369, .payloadTooLong, 368), (26, 59, .payloadTooShort, 59),
        (27, 95, .payloadTooShort, 95), (27, 100, .payloadTooLong, 96),
    ])
    func lengthErrors(type: Int, bits: Int, code: AISError.Code, offset: Int) {
        var payload = AISPayload()
        payload.append(UInt64(type), width: 6)
        payload.append(0, width: 32)
        payload.append(0, width: bits - 38)
        let error = aisError { () throws(AISError) in try AISMessage(payload: payload) }
        #expect(error?.code == code)
        #expect(error?.messageType == type)
        #expect(error?.offset == offset)
    }

    @Test("the mode of types 25/26 sets their minimum length")
    func slotBinaryMode() {
        var payload = AISPayload()
        payload.append(25, width: 6)
        payload.append(0, width: 32)
        payload.append(0b11, width: 2)  // addressed and structured: 86 bits needed
        payload.append(0, width: 40)
        let error = aisError { () throws(AISError) in try AISMessage(payload: payload) }
        #expect(error?.code == .payloadTooShort)
        #expect(error?.offset == 80)
    }

    @Test("unknown types, type 24 parts 2 and 3, and payloads without a header")
    func otherErrors() throws {
        for type in [0, 28, 63] {
            var payload = AISPayload()
            payload.append(UInt64(type), width: 6)
            payload.append(0, width: 162)
            let error = aisError { () throws(AISError) in try AISMessage(payload: payload) }
            #expect(error?.code == .unknownMessageType)
            #expect(error?.messageType == type)
        }
        var part2 = AISPayload()
        part2.append(24, width: 6)
        part2.append(0, width: 32)
        part2.append(2, width: 2)
        part2.append(0, width: 128)
        #expect(aisError { () throws(AISError) in try AISMessage(payload: part2) }?.code == .invalidPartNumber)
        let short = try AISPayload(armoured: "15RT")
        let error = aisError { () throws(AISError) in try AISMessage(payload: short) }
        #expect(error?.code == .payloadTooShort)
        #expect(error?.offset == 24)
        #expect(error?.messageType == 1)
        #expect(aisError { () throws(AISError) in try AISMessage(line: AISAssemblerTests.everDiadem[0]) }?.code == .orphanFragment)
    }

    @Test("gpsd's length tolerance: 163-bit type 1, 420-bit type 5, 168-bit type 27")
    func tolerated() throws {
        let short = try AISMessage(line: "!AIVDM,1,1,,A,13aIkM@P00PJ@qPNL=e@0?wJ28JO,5*63")
        guard case .positionReport(let report) = short else {
            Issue.record("not type 1")
            return
        }
        #expect(report.radioStatus == 1076)
        #expect(try AISMessage(line: "!AIVDM,1,1,,B,KC5E2b@U19PFdLbMuc5=ROv62<7m,0*16").header.messageType == 27)
    }

    @Test("JSON strings are escaped like gpsd's json_stringify")
    func escaping() {
        #expect(GPSDJSONWriter.escaped(#"A"B\C"#) == #"A\"B\\C"#)
        #expect(GPSDJSONWriter.escaped("\t\u{01}") == "\\t\\u0001")
    }
}

@Suite("AIS against gpsd's own test sentences")
struct AISGPSDSampleTests {
    @Test("sample.aivdm decodes to gpsdecode 3.22's output except the documented deviations")
    func sample() {
        let ours = AISGPSDComparison.decode(AISGPSDSample.sentences)
        #expect(ours.count == AISGPSDSample.gpsdecodeOutput.count)
        var comparison = AISGPSDComparison()
        for (mine, theirs) in zip(ours, AISGPSDSample.gpsdecodeOutput) {
            comparison.compare(ours: mine.json, gpsd: theirs, line: mine.line)
        }
        for mismatch in comparison.mismatches {
            Issue.record("undocumented difference from gpsdecode:\n\(mismatch)")
        }
        #expect(comparison.messagesCompared == 102)
        // Two merged type 24 pairs, five type 26 radios, the DAC 1 applications, two type 26 data tails.
        #expect(comparison.deviations[2] == 2)
        #expect(comparison.deviations[3] == 5)
        #expect(comparison.deviations[5] == 19)
        #expect(comparison.deviations[7] == 2)
        #expect(comparison.deviations[1] == nil)
    }
}
