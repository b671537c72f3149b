import Foundation
import Testing
import XiezhiCore
import XiezhiData
import XiezhiSimulator

/// The hand-written JSON of a stored pass decodes to the very record it was written from, for generated traffic
/// of every kind and for the awkward fields (escapes, optional measurements, fractional times).
@Suite struct WeighRecordJSONTextTests {
    @Test func generatedRecordsRoundTrip() throws {
        let limits = try OverloadLimits(json: try BundledData.rulesFile("overload-limits.json"))
        var generator = WeighTrafficGenerator(limits: limits, seed: 7)
        let start = Date(timeIntervalSince1970: 1_767_225_600.125)
        for index in 0..<2_000 {
            let (record, _) = generator.next(station: "wim-g228-pinghu", lanes: [1, 2], at: start.addingTimeInterval(Double(index) * 3.5), prefix: "J")
            let decoded = try WeighRecord(json: Data(record.jsonText.utf8))
            #expect(decoded == record, "\(record.recordID)")
        }
    }

    @Test func awkwardFieldsRoundTrip() throws {
        let record = WeighRecord(
            station: "st\"1\\", recordID: "r\n1", time: Date(timeIntervalSince1970: 1_767_225_600.5), lane: 2, plate: "", plateColor: "",
            vehicle: .combination,
            axles: [WeighAxle(weightKg: 7000, group: 1, tyres: .single, drive: false, airSuspension: false, wideTyres: true),
                    WeighAxle(weightKg: 11500, group: 2, tyres: .dual, drive: true, airSuspension: true)],
            grossKg: 18500, speedKmh: 63.7, lengthM: 12, widthM: 2.55, heightM: nil, registeredMassKg: 18000,
            photos: [WeighPhoto(kind: "plate", sha256: String(repeating: "a", count: 64), uri: "file:///evidence/照片 1.jpg")])
        #expect(try WeighRecord(json: Data(record.jsonText.utf8)) == record)
        let keys = try #require(try JSONSerialization.jsonObject(with: Data(record.jsonText.utf8)) as? [String: Any])
        #expect(keys["height_m"] == nil)
        #expect(keys["time"] as? String == "2026-01-01T00:00:00.500Z")
    }
}
