import Foundation

/// 一超四罚 (公路安全保护条例 Art. 66): a vehicle or a driver with more than 3 overload penalties in a year, or a
/// carrier with more than 10 % of its fleet overloading in a year, calls for the heavier measures (revoking the
/// vehicle's operating certificate, stopping the driver, suspending the carrier). The numbers come from
/// `non-site-enforcement.json` (``RepeatOffenceRule``).
///
/// Penalties count whichever agency decided them (own or partners', 处罚互认), by the date of the act; a 首违不罚
/// waiver is not a penalty and does not count.
public struct RepeatOffenceStatus: Hashable, Codable, Sendable {
    /// Who is counted.
    public enum Scope: String, Codable, Sendable {
        case vehicle, driver, carrier
    }

    public var scope: Scope
    /// The vehicle, driver or carrier subject key.
    public var subject: String
    /// Overload penalties counted (for a carrier: its distinct vehicles with at least one).
    public var count: Int
    /// The carrier's registered fleet (vehicles whose register entry names it); nil for vehicles and drivers.
    public var fleetSize: Int?
    public var windowStart: Date
    /// Past the threshold.
    public var exceeds: Bool
    /// The recommendation in Chinese, when it exceeds.
    public var recommendation: String?
    public var citation: Citation
    /// The decisions counted.
    public var decisions: [String]

    /// A vehicle's record as of `now` (`penalties`: those on the vehicle).
    public static func vehicle(_ vehicle: String, penalties: [PriorPenalty], now: Date, rule: RepeatOffenceRule) -> RepeatOffenceStatus {
        person(.vehicle, subject: vehicle, penalties: penalties.filter { $0.subject == vehicle }, maximum: rule.vehicleMaximum, now: now, rule: rule) { count in
            "一年内违法超限运输 \(count) 次，超过 \(rule.vehicleMaximum) 次：建议由道路运输管理机构吊销车辆营运证（\(rule.citation)）"
        }
    }

    /// A driver's record as of `now` (`penalties`: those whose `driver` is this driver).
    public static func driver(_ driver: String, penalties: [PriorPenalty], now: Date, rule: RepeatOffenceRule) -> RepeatOffenceStatus {
        person(.driver, subject: driver, penalties: penalties.filter { $0.driver == driver }, maximum: rule.driverMaximum, now: now, rule: rule) { count in
            "一年内驾驶货运车辆违法超限运输 \(count) 次，超过 \(rule.driverMaximum) 次：建议责令停止从事营业性运输（\(rule.citation)）"
        }
    }

    /// A carrier's record as of `now` (`penalties`: those whose `carrier` is this carrier; `fleetSize`: its
    /// registered vehicles). With no registered fleet the share cannot be computed and nothing is recommended.
    public static func carrier(_ carrier: String, penalties: [PriorPenalty], fleetSize: Int, now: Date, rule: RepeatOffenceRule) -> RepeatOffenceStatus {
        let start = windowStart(now: now, rule: rule)
        let counted = countable(penalties.filter { $0.carrier == carrier }, from: start, to: now)
        let vehicles = Set(counted.map(\.subject)).count
        // More than N % of the fleet: vehicles × 100 > N × fleet, in integers.
        let exceeds = fleetSize > 0 && vehicles * 100 > rule.fleetShareMaximumPercent * fleetSize
        let share = fleetSize > 0 ? String(format: "%.1f", Double(vehicles) * 100 / Double(fleetSize)) : "—"
        return RepeatOffenceStatus(
            scope: .carrier, subject: carrier, count: vehicles, fleetSize: fleetSize, windowStart: start, exceeds: exceeds,
            recommendation: exceeds
                ? "一年内违法超限运输的货运车辆 \(vehicles) 辆，占本单位货运车辆总数 \(fleetSize) 辆的 \(share)%，超过 \(rule.fleetShareMaximumPercent)%：建议由道路运输管理机构责令停业整顿（\(rule.citation)）"
                : nil,
            citation: rule.citation, decisions: counted.map(\.decisionNumber))
    }

    private static func person(
        _ scope: Scope, subject: String, penalties: [PriorPenalty], maximum: Int, now: Date, rule: RepeatOffenceRule, text: (Int) -> String
    ) -> RepeatOffenceStatus {
        let start = windowStart(now: now, rule: rule)
        let counted = countable(penalties, from: start, to: now)
        let exceeds = counted.count > maximum
        return RepeatOffenceStatus(
            scope: scope, subject: subject, count: counted.count, fleetSize: nil, windowStart: start, exceeds: exceeds,
            recommendation: exceeds ? text(counted.count) : nil, citation: rule.citation, decisions: counted.map(\.decisionNumber))
    }

    private static func windowStart(now: Date, rule: RepeatOffenceRule) -> Date {
        ChinaTime.calendar.date(byAdding: .day, value: -rule.windowDays, to: now)!
    }

    private static func countable(_ penalties: [PriorPenalty], from start: Date, to end: Date) -> [PriorPenalty] {
        penalties.filter { $0.violationKind == "overload" && !$0.firstViolationWaiver && $0.actAt >= start && $0.actAt <= end }
    }
}
