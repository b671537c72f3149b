import XiezhiCore

/// A violation the JT/T 808 fleet simulator injects into one vehicle's trip, with the clue the monitoring rules must
/// raise for it (the ground truth an end-to-end run is checked against).
public enum InjectedViolation: String, Codable, Sendable, CaseIterable {
    /// 超速 — five minutes at 120 % of the road's limit on an expressway.
    case speeding
    /// 疲劳驾驶 — four and a half hours of driving without a rest.
    case fatigue
    /// 凌晨2-5时违规运行 — a long-distance coach driving from 01:40 to 03:00 (China time).
    case earlyMorning = "early_morning"
    /// 偏离批准线路 — an intercity coach 1.5 km off its approved route for a quarter of an hour.
    case offRoute = "off_route"
    /// 无电子运单 — a dangerous-goods vehicle driving with no waybill on file.
    case noWaybill = "no_waybill"
    /// 信号中断 — the terminal falls silent while the vehicle is moving.
    case signalLost = "signal_lost"

    /// The clue the rules must raise.
    public var expectedClue: MonitoringClueKind {
        switch self {
        case .speeding: .speeding
        case .fatigue: .fatigueDriving
        case .earlyMorning: .earlyMorningOperation
        case .offRoute: .routeDeviation
        case .noWaybill: .hazmatWithoutWaybill
        case .signalLost: .signalLost
        }
    }

    /// The kind of vehicle the violation is injected into (one the rule applies to).
    public var vehicleKind: MonitoredVehicleKind {
        switch self {
        case .speeding, .fatigue: .truck
        case .earlyMorning, .offRoute: .coach
        case .noWaybill, .signalLost: .hazmat
        }
    }
}

/// A vendor deviation or transport habit of one simulated terminal, taken from the reference notes (jt808.md §6).
public enum TerminalQuirk: String, Codable, Sendable, CaseIterable {
    /// Registration text padded as the standards print it: the 2011 model with spaces, the 2019 model with 0x00 in front.
    case standardPadding = "standard_padding"
    /// Vendor additional items (0xEB, 0xE1) and a JT/T 1078 item (0x14) in every report, kept raw by the gateway.
    case vendorItems = "vendor_items"
    /// Subpackaged messages whose packets do not carry consecutive serial numbers (seen in real captures, §6.5).
    case gappedSubpackageSerials = "gapped_subpackage_serials"
    /// Sends some reports twice with the same serial, as a terminal does when its reply timer fires (§6.6).
    case retransmits
    /// Sticks a heartbeat to the next report in one write, and splits some reports across two writes (§6.1).
    case fragmentedWrites = "fragmented_writes"
}
