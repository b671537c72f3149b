import Foundation
import Testing
import XiezhiCore
import XiezhiStore
import XiezhiWire
@testable import XiezhiServer

/// AIS messages as a feed delivers them → the vessel ingest → the store → the vessel API (latest, one vessel with
/// static data merged, the track as GeoJSON).
@Suite struct VesselAPITests {
    static let start = Date(timeIntervalSince1970: 1_767_225_600)

    /// Decodes NMEA lines as a feed would and hands the messages to the ingest, one second apart.
    static func feed(_ lines: [String], into ingest: VesselIngest, start: Date = start) async throws {
        var assembler = AISAssembler()
        for (index, line) in lines.enumerated() {
            let at = start.addingTimeInterval(Double(index))
            guard let payload = assembler.add(line: line, receivedAt: at).payload else { continue }
            await ingest.accept(AISFeedMessage(message: try payload.message(), sentences: [line], feed: "test", receivedAt: at))
        }
        await ingest.flush()
    }

    @Test func positionsAndStaticDataReachTheAPI() async throws {
        let test = try TestNode()
        try await Self.feed([
            "!AIVDM,1,1,,A,15RTgt0PAso;90TKcjM8h6g208CQ,0*4A",
            "!AIVDM,1,1,,A,15RTgt0PAso;90TKcjM8h6g208CQ,0*4A",
            "!AIVDM,2,1,1,A,55?MbV02;H;s<HtKR20EHE:0@T4@Dn2222222216L961O5Gf0NSQEp6ClRp8,0*1C",
            "!AIVDM,2,2,1,A,88888888880,2*25",
            "!AIVDM,1,1,,A,garbage,0*00",
        ], into: test.node.vesselIngest)
        try await test.withClient { client in
            let list = try await client.call(.get, "/api/v1/vessels", token: test.token(.commander))
            let items = try #require(list.json["items"] as? [[String: Any]])
            #expect(items.map { $0["mmsi"] as? Int } == [371_798_000])
            let latest = try #require(items.first?["latest"] as? [String: Any])
            #expect(abs((latest["longitude"] as? Double ?? 0) - -123.395383) < 0.000_001)
            #expect(latest["speed_knots"] as? Double == 12.3 && latest["course_degrees"] as? Double == 224 && latest["heading"] as? Int == 215)

            let ship = try await client.call(.get, "/api/v1/vessels/351759000", token: test.token(.officer))
            #expect(ship.json["name"] as? String == "EVER DIADEM" && ship.json["call_sign"] as? String == "3FOF8")
            #expect(ship.json["length_m"] as? Int == 295 && ship.json["beam_m"] as? Int == 32 && ship.json["ship_type"] as? Int == 70)
            #expect(ship.json["latest"] == nil)

            let track = try await client.call(
                .get, "/api/v1/vessels/371798000/track?from=2025-12-31T00:00:00Z&to=2026-01-02T00:00:00Z", token: test.token(.officer))
            #expect(track.headers[.contentType] == "application/geo+json")
            let features = try #require(track.json["features"] as? [[String: Any]])
            #expect(features.count == 3)
            #expect((features[1]["properties"] as? [String: Any])?["time"] as? String == "2026-01-01T00:00:00.000Z")

            #expect(try await client.call(.get, "/api/v1/vessels/123", token: test.token(.officer)).status == .badRequest)
            #expect(try await client.call(.get, "/api/v1/vessels/412000000", token: test.token(.officer)).status == .notFound)
        }
    }

    @Test func laterStaticDataKeepsWhatItDoesNotCarry() throws {
        let store = VesselStore(database: try NodeDatabase.inMemory())
        try store.write(positions: [], statics: [VesselStore.StaticReport(mmsi: 413_000_001, name: "ZHEJIAXING 1234", toBow: 30, toStern: 8, toPort: 3, toStarboard: 3)], at: Self.start)
        // A type 24 part B later: call sign and type, no name.
        try store.write(positions: [], statics: [VesselStore.StaticReport(mmsi: 413_000_001, callSign: "BZX1", shipType: 79)], at: Self.start)
        let vessel = try #require(try store.vessel(mmsi: 413_000_001))
        #expect(vessel.staticData?.name == "ZHEJIAXING 1234" && vessel.staticData?.callSign == "BZX1" && vessel.staticData?.shipType == 79)
        #expect(vessel.staticData?.lengthMetres == 38 && vessel.staticData?.beamMetres == 6)
    }

    @Test func anOlderPositionDoesNotReplaceTheLatest() throws {
        let store = VesselStore(database: try NodeDatabase.inMemory())
        func position(_ seconds: Double, _ lon: Double) -> VesselStore.Position {
            VesselStore.Position(mmsi: 413_000_002, time: Self.start.addingTimeInterval(seconds), longitude: lon, latitude: 30.7, speedKnots: 6, courseDegrees: 90,
                                 heading: nil, navigationStatus: 0, messageType: 1, feed: "test")
        }
        try store.write(positions: [position(60, 121.2), position(0, 121.1)], statics: [], at: Self.start)
        #expect(try store.vessel(mmsi: 413_000_002)?.latest?.longitude == 121.2)
        #expect(try store.track(mmsi: 413_000_002, from: Self.start, to: Self.start.addingTimeInterval(120), limit: 10).map(\.longitude) == [121.1, 121.2])
    }
}
