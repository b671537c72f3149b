import Foundation
import Testing
import XiezhiCore
import XiezhiData
@testable import XiezhiSimulator

/// The generator's ground truth agrees with the judge on every record, the mix is roughly what was asked for, and
/// a seed replays the same traffic.
@Suite struct WeighTrafficGeneratorTests {
    let limits: OverloadLimits

    init() throws {
        limits = try OverloadLimits(json: try BundledData.rulesFile("overload-limits.json"))
    }

    func traffic(seed: UInt64, count: Int) -> [(WeighRecord, WeighTrafficGenerator.Truth)] {
        var generator = WeighTrafficGenerator(limits: limits, seed: seed)
        let start = Date(timeIntervalSince1970: 1_767_225_600)
        return (0..<count).map { index in
            generator.next(station: "wim-g228-pinghu", lanes: [1, 2, 3], at: start.addingTimeInterval(Double(index) * 7), prefix: "T")
        }
    }

    @Test func truthMatchesTheJudgeOnEveryRecord() throws {
        let pinghu = JurisdictionCode(rawValue: "330482")!
        var classes: [String: Int] = [:]
        for (record, truth) in traffic(seed: 42, count: 3_000) {
            try record.validate()
            let judgement = OverloadJudge.judge(record, jurisdiction: pinghu, limits: limits)
            #expect(judgement.overloadClass.rawValue == truth.injected, "\(record.recordID): \(judgement.overloadClass) vs \(truth)")
            #expect(judgement.limitKg == truth.limitKg, "\(record.recordID)")
            if truth.injected == "overloaded" {
                #expect(judgement.hasTag("over_40_percent") == truth.over40Percent, "\(record.recordID)")
                #expect(judgement.hasTag("over_100_percent") == truth.over100Percent, "\(record.recordID)")
            }
            #expect(truth.unreadablePlate == (record.recognisedPlate == nil), "\(record.recordID) plate \(record.plate)")
            classes[truth.injected, default: 0] += 1
        }
        // 8 % overloaded, 4 % within tolerance, 1 % faults: loose bounds around the asked-for mix.
        #expect((180...300).contains(classes["overloaded"] ?? 0), "\(classes)")
        #expect((80...170).contains(classes["within_tolerance"] ?? 0), "\(classes)")
        #expect((10...60).contains(classes["device_fault"] ?? 0), "\(classes)")
    }

    @Test func seedReplaysTheSameTraffic() {
        let first = traffic(seed: 7, count: 50).map(\.0)
        let second = traffic(seed: 7, count: 50).map(\.0)
        let other = traffic(seed: 8, count: 50).map(\.0)
        #expect(first == second)
        #expect(first != other)
    }
}
