import Foundation
import Testing
import XiezhiCore
import XiezhiData

/// 一超四罚 (公路安全保护条例 Art. 66) with the numbers of the bundled non-site table: more than 3 per vehicle and
/// per driver in 365 days, more than 10 % of a carrier's fleet.
@Suite struct RepeatOffenceTests {
    let rule: RepeatOffenceRule
    static let now = Date(timeIntervalSince1970: 1_767_225_600)  // 2026-01-01T00:00:00Z
    static let driver = "person:11010519491231002X"
    static let carrier = "organisation:91330482MA2B3C4D1J"

    init() throws {
        rule = try NonSiteRules.decode(from: try BundledData.rulesFile("non-site-enforcement.json")).resolved(for: JurisdictionCode(rawValue: "330482")!).repeatOffence
    }

    static func penalty(_ number: Int, vehicle: String = "vehicle:沪D12345:yellow", daysAgo: Int, kind: String = "overload", waiver: Bool = false,
                        driver: String? = driver, carrier: String? = carrier) -> PriorPenalty {
        PriorPenalty(
            subject: vehicle, violationKind: kind, actAt: now.addingTimeInterval(-Double(daysAgo) * 86_400), decisionNumber: "罚\(number)",
            agency: "金山", jurisdiction: JurisdictionCode(rawValue: "310116")!, decidedAt: now, source: .partner, firstViolationWaiver: waiver,
            driver: driver, carrier: carrier)
    }

    @Test func theDataCarriesArticle66() {
        #expect(rule.citation.law == "公路安全保护条例" && rule.citation.article == "第六十六条")
        #expect((rule.windowDays, rule.vehicleMaximum, rule.driverMaximum, rule.fleetShareMaximumPercent) == (365, 3, 3, 10))
    }

    @Test func aDriverIsCountedAcrossVehiclesAndOnlyInTheWindow() {
        let penalties = [
            Self.penalty(1, vehicle: "vehicle:沪D11111:yellow", daysAgo: 10), Self.penalty(2, vehicle: "vehicle:沪D22222:yellow", daysAgo: 100),
            Self.penalty(3, daysAgo: 200), Self.penalty(4, daysAgo: 400),  // outside the year
            Self.penalty(5, daysAgo: 20, waiver: true),  // 首违不罚 is not a penalty
            Self.penalty(6, daysAgo: 30, kind: "unlicensed_operation"), Self.penalty(7, daysAgo: 40, driver: "person:110105194912310029"),
        ]
        let three = RepeatOffenceStatus.driver(Self.driver, penalties: penalties, now: Self.now, rule: rule)
        #expect(three.count == 3 && !three.exceeds && three.recommendation == nil)
        #expect(three.decisions == ["罚1", "罚2", "罚3"])
        let four = RepeatOffenceStatus.driver(Self.driver, penalties: penalties + [Self.penalty(8, daysAgo: 300)], now: Self.now, rule: rule)
        #expect(four.count == 4 && four.exceeds && four.scope == .driver)
        #expect(four.recommendation?.contains("责令停止从事营业性运输") == true)
    }

    @Test func aVehicleCountsOnlyItsOwnPenalties() {
        let penalties = (1...4).map { Self.penalty($0, daysAgo: $0 * 30) } + [Self.penalty(9, vehicle: "vehicle:沪D99999:yellow", daysAgo: 5)]
        let status = RepeatOffenceStatus.vehicle("vehicle:沪D12345:yellow", penalties: penalties, now: Self.now, rule: rule)
        #expect(status.count == 4 && status.exceeds && status.recommendation?.contains("吊销车辆营运证") == true)
    }

    @Test(arguments: [
        // (distinct overloading vehicles, fleet size, exceeds): more than 10 %, so 1 of 10 is not, 2 of 19 is.
        (1, 10, false), (2, 20, false), (2, 19, true), (3, 10, true), (1, 0, false),
    ])
    func aCarrierIsMeasuredAgainstItsFleet(vehicles: Int, fleet: Int, exceeds: Bool) {
        // Two penalties per vehicle: a carrier's share counts vehicles, not penalties.
        let penalties = (0..<vehicles).flatMap { index in
            [Self.penalty(index * 2, vehicle: "vehicle:沪D1000\(index):yellow", daysAgo: 10), Self.penalty(index * 2 + 1, vehicle: "vehicle:沪D1000\(index):yellow", daysAgo: 20)]
        }
        let status = RepeatOffenceStatus.carrier(Self.carrier, penalties: penalties, fleetSize: fleet, now: Self.now, rule: rule)
        #expect(status.count == vehicles && status.fleetSize == fleet)
        #expect(status.exceeds == exceeds)
        #expect((status.recommendation?.contains("责令停业整顿") ?? false) == exceeds)
    }
}
