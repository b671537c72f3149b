import Foundation
import Testing
import XiezhiCore

@Suite("Overload judge: limits by configuration and the tolerance boundary")
struct OverloadJudgeLimitTests {
    typealias F = OverloadFixtures

    /// For every configuration: at the limit, 1 kg over, exactly at limit × 1.05, and 1 kg beyond.
    @Test("each configuration of the table at and around its limit", arguments: F.configurations)
    func boundaries(configuration: F.Configuration) throws {
        let limits = try F.real()
        let limit = configuration.limitKg
        let tolerated = limit * 105 / 100
        #expect(limit * 105 % 100 == 0, "the table's limits are whole at 105 %")
        let cases: [(Int, OverloadClass)] = [
            (limit - 1, .compliant), (limit, .compliant), (limit + 1, .withinTolerance),
            (tolerated, .withinTolerance), (tolerated + 1, .overloaded),
        ]
        for (gross, expected) in cases {
            let judgement = OverloadJudge.judge(F.record(configuration, grossKg: gross), jurisdiction: F.pinghu, limits: limits)
            #expect(judgement.overloadClass == expected, "\(configuration) at \(gross) kg")
            #expect(judgement.limitKg == limit)
            #expect(judgement.toleratedKg == tolerated)
            #expect(judgement.overKg == gross - limit)
            #expect(judgement.grossKg == gross)
            #expect(judgement.adjustments.map(\.kind) == [.base])
            #expect(judgement.primaryCitation?.law == OverloadLimitsDataTests.order62)
            #expect(judgement.sensor.status == .ok)
            #expect(judgement.isViolation == (expected == .overloaded))
        }
    }

    @Test("over_pct is relative to the limit, two decimals, rounded half away from zero")
    func overPercent() throws {
        let limits = try F.real()
        let judge = { (gross: Int) in OverloadJudge.judge(F.record(.combination, F.sixAxle, grossKg: gross), jurisdiction: F.pinghu, limits: limits) }
        #expect(judge(62000).overPct == Percentage(hundredths: 2653))  // 13,000 / 49,000 = 26.5306…
        #expect(judge(62000).overPct?.fixed == "26.53%")
        #expect(judge(49000).overPct == Percentage(hundredths: 0))
        #expect(judge(48000).overPct == Percentage(hundredths: -204))  // −1,000 / 49,000 = −2.0408…
        #expect(judge(49245).overPct == Percentage(hundredths: 50))  // 245 / 49,000 = 0.5 % exactly
        #expect(judge(49002).overPct == Percentage(hundredths: 0))  // 0.0041 %
    }

    @Test("the axle configuration is understood")
    func configuration() throws {
        let limits = try F.real()
        let judgement = OverloadJudge.judge(F.record(F.configurations[6], grossKg: 40000), jurisdiction: F.pinghu, limits: limits)
        let configuration = judgement.configuration
        #expect(configuration.vehicle == .combination)
        #expect(configuration.axleCount == 6)
        #expect(configuration.groups == [AxleGroup(firstAxle: 1, axleCount: 1), AxleGroup(firstAxle: 2, axleCount: 2), AxleGroup(firstAxle: 4, axleCount: 3)])
        #expect(configuration.groups.map(\.nameZh) == ["单轴", "二轴组", "三轴组"])
        #expect(configuration.driveAxles == [2, 3])
        #expect(configuration.steeringAxles == [1])
        #expect(configuration.trailerAxles == [4, 5, 6])
        #expect(configuration.presumedDualAxles == [4, 5, 6])
        #expect(configuration.singleTyredAxles.isEmpty)
        #expect(!configuration.driveIsSingleAxle)
        #expect(configuration.driveDualTyred && !configuration.driveAirSuspended)
        #expect(configuration.nameZh == "六轴汽车列车")
    }

    // MARK: - The 46 t single-drive-axle row

    @Test("a six-axle combination whose tractor has a single drive axle is limited to 46 t")
    func singleDriveAxle() throws {
        let limits = try F.real()
        let single = OverloadJudge.judge(F.record(F.configurations[7], grossKg: 47000), jurisdiction: F.pinghu, limits: limits)
        #expect(single.configuration.driveIsSingleAxle)
        #expect(single.limitKg == 46000)
        #expect(single.adjustments.first?.labelZh == "六轴及六轴以上汽车列车（牵引车驱动轴为单轴）")
        #expect(single.overloadClass == .withinTolerance)
        #expect(OverloadJudge.judge(F.record(F.configurations[7], grossKg: 48301), jurisdiction: F.pinghu, limits: limits).overloadClass == .overloaded)

        // The same weight on a tandem-drive tractor is compliant against 49 t.
        let tandem = OverloadJudge.judge(F.record(F.configurations[6], grossKg: 47000), jurisdiction: F.pinghu, limits: limits)
        #expect(tandem.limitKg == 49000 && tandem.overloadClass == .compliant)

        // A 6×2 tractor whose drive axle sits in a tandem with a tag axle: not a single axle, 49 t.
        let sixByTwo: [WeighAxle] = [F.steer(), F.drive(group: 2), F.carry(group: 2), F.carry(group: 3), F.carry(group: 3), F.carry(group: 3)]
        let tagAxle = OverloadJudge.judge(F.record(.combination, sixByTwo, grossKg: 47000), jurisdiction: F.pinghu, limits: limits)
        #expect(!tagAxle.configuration.driveIsSingleAxle)
        #expect(tagAxle.limitKg == 49000)

        // Seven axles with a single drive axle: the "六轴及六轴以上" row still gives 46 t.
        let seven: [WeighAxle] = [F.steer(), F.drive(group: 2), F.carry(group: 3), F.carry(group: 3), F.carry(group: 3), F.carry(group: 4), F.carry(group: 4)]
        #expect(OverloadJudge.judge(F.record(.combination, seven, grossKg: 40000), jurisdiction: F.pinghu, limits: limits).limitKg == 46000)

        // A five-axle combination with a single drive axle has no 46 t row: 43 t.
        #expect(OverloadJudge.judge(F.record(F.configurations[5], grossKg: 40000), jurisdiction: F.pinghu, limits: limits).limitKg == 43000)
    }

    // MARK: - −3 t for single tyres

    struct TyreCase: CustomStringConvertible, Sendable {
        var name: String
        var vehicle: WeighVehicle
        var axles: [WeighAxle]
        var limitKg: Int
        var reducedAxles: [Int]
        var assumption: JudgementAssumptionKind?
        var description: String { name }
    }

    static let tyreCases: [TyreCase] = [
        TyreCase(
            name: "三轴货车 6×2, single-tyred tag axle in the tandem", vehicle: .truck,
            axles: [F.steer(), F.drive(group: 2), F.carry(group: 2, tyres: .single)], limitKg: 22000, reducedAxles: [3],
            assumption: .tyreWidthUnknown
        ),
        TyreCase(
            name: "tag axle known not to be wide", vehicle: .truck,
            axles: [F.steer(), F.drive(group: 2), F.carry(group: 2, tyres: .single, wide: false)], limitKg: 22000, reducedAxles: [3],
            assumption: nil
        ),
        TyreCase(
            name: "compliant wide single tyres are exempt", vehicle: .truck,
            axles: [F.steer(), F.drive(group: 2), F.carry(group: 2, tyres: .single, wide: true)], limitKg: 25000, reducedAxles: [],
            assumption: .wideTyresExempt
        ),
        TyreCase(
            name: "五轴汽车列车 with single-tyred trailer axles: reduced once, not per axle", vehicle: .combination,
            axles: [F.steer(), F.drive(group: 2), F.carry(group: 3, tyres: .single), F.carry(group: 3, tyres: .single), F.carry(group: 3, tyres: .single)],
            limitKg: 40000, reducedAxles: [3, 4, 5], assumption: .tyreWidthUnknown
        ),
        TyreCase(
            name: "a single-axle trailer with single tyres (trailer axle, no group)", vehicle: .combination,
            axles: [F.steer(), F.drive(group: 2), F.carry(group: 3, tyres: .single)], limitKg: 24000, reducedAxles: [3],
            assumption: .tyreWidthUnknown
        ),
        TyreCase(
            name: "single-tyred twin steering axles are not presumed dual", vehicle: .truck,
            axles: [F.steer(), F.steer(), F.drive(group: 2), F.drive(group: 2)], limitKg: 31000, reducedAxles: [], assumption: nil
        ),
        TyreCase(
            name: "a single-tyred drive axle is excepted", vehicle: .truck,
            axles: [F.steer(), F.drive(group: 2, tyres: .single)], limitKg: 18000, reducedAxles: [], assumption: nil
        ),
        TyreCase(
            name: "a single-tyred pusher axle outside any group on a truck", vehicle: .truck,
            axles: [F.steer(), F.carry(group: 2, tyres: .single), F.drive(group: 3), F.drive(group: 3)], limitKg: 31000, reducedAxles: [],
            assumption: nil
        ),
    ]

    @Test("Art. 3 ¶2(二): which single tyres lower the limit by 3,000 kg", arguments: tyreCases)
    func singleTyres(tyreCase: TyreCase) throws {
        let limits = try F.real()
        let judgement = OverloadJudge.judge(F.record(tyreCase.vehicle, tyreCase.axles, grossKg: 15000), jurisdiction: F.pinghu, limits: limits)
        #expect(judgement.limitKg == tyreCase.limitKg)
        let reduction = judgement.adjustments.first { $0.kind == .singleTyreReduction }
        if tyreCase.reducedAxles.isEmpty {
            #expect(reduction == nil)
        } else {
            #expect(reduction?.changeKg == -3000)
            #expect(reduction?.axles == tyreCase.reducedAxles)
            #expect(reduction?.citation.article == "第三条第二款第（二）项")
            #expect(judgement.configuration.singleTyredAxles == tyreCase.reducedAxles)
        }
        #expect(judgement.assumptions.map(\.kind) == (tyreCase.assumption.map { [$0] } ?? []))
    }

    // MARK: - +1 t air suspension, 37 t, and their order

    @Test("+1 t for a 3- or 4-axle truck whose drive axles are dual-tyred and air-suspended")
    func airSuspension() throws {
        let limits = try F.real()
        func limit(_ vehicle: WeighVehicle, _ axles: [WeighAxle]) -> OverloadJudgement {
            OverloadJudge.judge(F.record(vehicle, axles, grossKg: 20000), jurisdiction: F.pinghu, limits: limits)
        }
        let three = limit(.truck, [F.steer(), F.drive(group: 2, air: true), F.drive(group: 2, air: true)])
        #expect(three.limitKg == 26000)
        #expect(three.adjustments.map(\.kind) == [.base, .airSuspensionAllowance])
        #expect(three.adjustments.last?.axles == [2, 3])
        #expect(three.adjustments.last?.citation.confidence == .secondary)
        #expect(three.toleratedKg == 27300)
        #expect(limit(.truck, [F.steer(), F.steer(), F.drive(group: 2, air: true), F.drive(group: 2, air: true)]).limitKg == 32000)
        // One drive axle without air suspension: no allowance.
        #expect(limit(.truck, [F.steer(), F.drive(group: 2, air: true), F.drive(group: 2, air: false)]).limitKg == 25000)
        // Air suspension on single-tyred drive axles: no allowance.
        #expect(limit(.truck, [F.steer(), F.drive(group: 2, tyres: .single, air: true), F.drive(group: 2, tyres: .single, air: true)]).limitKg == 25000)
        // Not for a 2-axle truck, nor for a 3-axle combination.
        #expect(limit(.truck, [F.steer(), F.drive(group: 2, air: true)]).limitKg == 18000)
        #expect(limit(.combination, [F.steer(), F.drive(group: 2, air: true), F.carry(group: 3)]).limitKg == 27000)
        // −3 t then +1 t, in that order.
        let both = limit(.truck, [F.steer(), F.drive(group: 2, air: true), F.carry(group: 2, tyres: .single)])
        #expect(both.adjustments.map(\.kind) == [.base, .singleTyreReduction, .airSuspensionAllowance])
        #expect(both.adjustments.map(\.limitAfterKg) == [25000, 22000, 23000])
        #expect(both.limitKg == 23000)
    }

    @Test("37 t for the 4-axle articulated case, its unmeasured conditions resolved as the data says")
    func articulated() throws {
        let limits = try F.real()
        let axles = [F.steer(), F.drive(group: 2, air: true), F.carry(group: 3), F.carry(group: 3)]
        let judgement = OverloadJudge.judge(F.record(.combination, axles, grossKg: 38000), jurisdiction: F.pinghu, limits: limits)
        #expect(judgement.limitKg == 37000)
        #expect(judgement.adjustments.map(\.kind) == [.base, .articulatedAirSuspension])
        #expect(judgement.adjustments[1].changeKg == 1000)
        #expect(judgement.assumptions == [JudgementAssumption(kind: .trailerAxleSpacingAssumed, limitKg: 37000, spacingMm: 1800)])
        #expect(judgement.overloadClass == .withinTolerance)  // 38,000 ≤ 38,850

        // Without air suspension: 36 t and no assumption.
        let steel = OverloadJudge.judge(
            F.record(.combination, [F.steer(), F.drive(group: 2), F.carry(group: 3), F.carry(group: 3)], grossKg: 38000),
            jurisdiction: F.pinghu, limits: limits
        )
        #expect(steel.limitKg == 36000 && steel.assumptions.isEmpty && steel.overloadClass == .overloaded)

        // 37 t, then −3 t for single-tyred trailer axles.
        let singles = [F.steer(), F.drive(group: 2, air: true), F.carry(group: 3, tyres: .single), F.carry(group: 3, tyres: .single)]
        let reduced = OverloadJudge.judge(F.record(.combination, singles, grossKg: 30000), jurisdiction: F.pinghu, limits: limits)
        #expect(reduced.adjustments.map(\.limitAfterKg) == [36000, 37000, 34000])

        // A jurisdiction that does not presume the spacing: 36 t, and the judgement says why.
        let strict = try F.editedLimits { tree in
            OverloadLimitsDataTests.section(&tree, "articulatedAirSuspension") { $0["whenUnmeasured"] = "assume_not_met" }
        }
        let notAssumed = OverloadJudge.judge(F.record(.combination, axles, grossKg: 38000), jurisdiction: F.pinghu, limits: strict)
        #expect(notAssumed.limitKg == 36000)
        #expect(notAssumed.assumptions.map(\.kind) == [.trailerAxleSpacingNotAssumed])
        #expect(notAssumed.overloadClass == .overloaded)
    }

    // MARK: - Registered mass

    @Test("a two-axle truck is also capped by its registered mass")
    func registeredMass() throws {
        let limits = try F.real()
        func judge(_ gross: Int, registered: Int?, _ configuration: F.Configuration = F.configurations[0]) -> OverloadJudgement {
            OverloadJudge.judge(
                F.record(configuration.vehicle, configuration.axles, grossKg: gross, registeredMassKg: registered), jurisdiction: F.pinghu, limits: limits
            )
        }
        let capped = judge(12000, registered: 12000)
        #expect(capped.limitKg == 12000)
        #expect(capped.adjustments.map(\.kind) == [.base, .registeredMassCap])
        #expect(capped.adjustments[1].changeKg == -6000)
        #expect(capped.overloadClass == .compliant)
        #expect(capped.toleratedKg == 12600)
        #expect(judge(12001, registered: 12000).overloadClass == .withinTolerance)
        #expect(judge(12600, registered: 12000).overloadClass == .withinTolerance)
        #expect(judge(12601, registered: 12000).overloadClass == .overloaded)
        #expect(judge(12601, registered: 12000).overKg == 601)
        // A registered mass above 18 t does not raise the limit.
        #expect(judge(18000, registered: 20000).limitKg == 18000)
        #expect(judge(18000, registered: 20000).adjustments.map(\.kind) == [.base])
        // Only two-axle trucks.
        #expect(judge(20000, registered: 12000, F.configurations[1]).limitKg == 25000)
        // A non-positive registered mass is ignored, and the judgement says so.
        let ignored = judge(15000, registered: 0)
        #expect(ignored.limitKg == 18000 && ignored.assumptions.map(\.kind) == [.registeredMassIgnored])
    }

    @Test("a configuration the table does not list is never a case")
    func unlisted() throws {
        let limits = try F.real()
        let fiveAxleTruck = [F.steer(), F.steer(), F.drive(group: 2), F.drive(group: 2), F.carry(group: 3)]
        let judgement = OverloadJudge.judge(F.record(.truck, fiveAxleTruck, grossKg: 60000), jurisdiction: F.pinghu, limits: limits)
        #expect(judgement.overloadClass == .unlistedConfiguration)
        #expect(judgement.limitKg == nil && judgement.overKg == nil && judgement.overPct == nil && judgement.toleratedKg == nil)
        #expect(judgement.adjustments.isEmpty)
        #expect(!judgement.isViolation)
        let twoAxleCombination = OverloadJudge.judge(
            F.record(.combination, [F.steer(), F.drive(group: 2)], grossKg: 10000), jurisdiction: F.pinghu, limits: limits
        )
        #expect(twoAxleCombination.overloadClass == .unlistedConfiguration)
    }
}
