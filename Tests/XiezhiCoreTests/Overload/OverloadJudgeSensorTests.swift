import Foundation
import Testing
import XiezhiCore

@Suite("Overload judge: device faults")
struct OverloadJudgeSensorTests {
    typealias F = OverloadFixtures

    struct FaultCase: CustomStringConvertible, Sendable {
        var name: String
        var faults: [SensorFaultKind]
        var edit: @Sendable (inout WeighRecord) -> Void
        var description: String { name }
    }

    /// A clean 62 t six-axle record, then one defect each.
    static let cases: [FaultCase] = [
        FaultCase(name: "no axles", faults: [.noAxles]) { $0.axles = [] },
        FaultCase(name: "one axle", faults: [.tooFewAxles, .axleWeightImplausible]) { record in
            record.axles = [WeighAxle(weightKg: 62000, group: 1, tyres: .dual, drive: true, airSuspension: false)]
        },
        FaultCase(name: "axles add up to 3 % less than the gross plus 1 kg", faults: [.axleSumMismatch]) { record in
            record.grossKg = 62000
            record.axles = F.spread(F.sixAxle, grossKg: 60139)  // allowed: 1,860 kg; difference 1,861 kg
        },
        FaultCase(name: "axles add up to 3 % more than the gross plus 1 kg", faults: [.axleSumMismatch]) { record in
            record.axles = F.spread(F.sixAxle, grossKg: 63861)
        },
        FaultCase(name: "a negative axle weight", faults: [.axleWeightImplausible, .axleSumMismatch]) { $0.axles[3].weightKg = -10 },
        FaultCase(name: "an axle of 199 kg", faults: [.axleWeightImplausible, .axleSumMismatch]) { $0.axles[3].weightKg = 199 },
        FaultCase(name: "an axle of 60,001 kg", faults: [.axleWeightImplausible, .axleSumMismatch]) { $0.axles[3].weightKg = 60001 },
        FaultCase(name: "gross 0", faults: [.grossImplausible]) { $0.grossKg = 0 },
        FaultCase(name: "gross negative", faults: [.grossImplausible]) { $0.grossKg = -62000 },
        FaultCase(name: "gross above 250 t", faults: [.grossImplausible]) { record in
            record.grossKg = 250_001
            record.axles = F.spread(F.sixAxle, grossKg: 250_001).map { var axle = $0; axle.weightKg = min(axle.weightKg, 60000); return axle }
        },
        FaultCase(name: "speed 151 km/h", faults: [.speedImplausible]) { $0.speedKmh = 151 },
        FaultCase(name: "negative speed", faults: [.speedImplausible]) { $0.speedKmh = -1 },
        FaultCase(name: "NaN speed", faults: [.speedImplausible]) { $0.speedKmh = .nan },
        FaultCase(name: "a group that reappears", faults: [.axleGroupsInconsistent]) { $0.axles[5].group = 2 },
        FaultCase(name: "no drive axle", faults: [.noDriveAxle]) { record in
            for index in record.axles.indices { record.axles[index].drive = false }
        },
        FaultCase(name: "a height of 0", faults: [.dimensionImplausible]) { $0.heightM = 0 },
        FaultCase(name: "a width of 9 m", faults: [.dimensionImplausible]) { $0.widthM = 9 },
        FaultCase(name: "an infinite length", faults: [.dimensionImplausible]) { $0.lengthM = .infinity },
        FaultCase(name: "an absurd axle weight that would overflow a sum", faults: [.axleWeightImplausible]) { $0.axles[0].weightKg = Int.max },
        FaultCase(name: "an absurd gross that would overflow", faults: [.grossImplausible]) { $0.grossKg = Int.max },
        FaultCase(name: "the most negative gross and axle", faults: [.grossImplausible, .axleWeightImplausible]) { record in
            record.grossKg = Int.min
            record.axles[1].weightKg = Int.min
        },
    ]

    @Test("each defect is a device fault with its reason, never a case, never tagged", arguments: cases)
    func fault(faultCase: FaultCase) throws {
        let limits = try F.real()
        var record = F.record(.combination, F.sixAxle, grossKg: 62000)
        #expect(OverloadJudge.judge(record, jurisdiction: F.pinghu, limits: limits).overloadClass == .overloaded)
        faultCase.edit(&record)
        let judgement = OverloadJudge.judge(record, jurisdiction: F.pinghu, limits: limits)
        #expect(judgement.overloadClass == .deviceFault)
        #expect(judgement.sensor.status == .deviceFault)
        #expect(judgement.sensor.isFaulty)
        #expect(Set(judgement.sensor.faults.map(\.kind)) == Set(faultCase.faults))
        #expect(!judgement.isViolation)
        #expect(judgement.tags.isEmpty)
        #expect(judgement.judgementLines.contains { $0.hasPrefix("设备数据异常：") })
        #expect(judgement.judgementLines.contains("认定结论：设备数据异常，不作为执法依据"))
    }

    @Test("the axle-sum tolerance is inclusive: exactly 3 % apart is plausible")
    func axleSumBoundary() throws {
        let limits = try F.real()
        for sum in [60140, 63860, 62000] {  // 62,000 ± 1,860
            var record = F.record(.combination, F.sixAxle, grossKg: 62000)
            record.axles = F.spread(F.sixAxle, grossKg: sum)
            let judgement = OverloadJudge.judge(record, jurisdiction: F.pinghu, limits: limits)
            #expect(judgement.sensor.status == .ok, "axle sum \(sum)")
            #expect(judgement.axleSumKg == sum)
            #expect(judgement.overloadClass == .overloaded)
        }
    }

    @Test("speed 0 and speed 150 are not faults: slow driving must not void a weighing")
    func speedEdges() throws {
        let limits = try F.real()
        for speed in [0.0, 0.5, 150.0] {
            let record = F.record(.combination, F.sixAxle, grossKg: 62000, speedKmh: speed)
            #expect(OverloadJudge.judge(record, jurisdiction: F.pinghu, limits: limits).sensor.faults.isEmpty, "speed \(speed)")
        }
    }

    @Test("a fault records the measured value and the bound it broke")
    func faultDetail() throws {
        let limits = try F.real()
        var record = F.record(.combination, F.sixAxle, grossKg: 62000)
        record.axles = F.spread(F.sixAxle, grossKg: 41000)
        let judgement = OverloadJudge.judge(record, jurisdiction: F.pinghu, limits: limits)
        let fault = try #require(judgement.sensor.faults.first)
        #expect(fault == SensorFault(kind: .axleSumMismatch, measured: 41000, bound: 1860))
        #expect(judgement.sensor.axleSumTolerance == Percentage(hundredths: 300))
        #expect(judgement.sensor.citation.law.contains("非法律规定"))
        // The limit is still worked out for display, but the class stays a device fault.
        #expect(judgement.limitKg == 49000)
        #expect(judgement.overKg == 13000)
        #expect(judgement.judgementLines.contains {
            $0.contains("各轴轴重之和 41,000 千克，车货总质量 62,000 千克，相差 21,000 千克，超过总质量的 3%（1,860 千克）")
        })
    }
}
