import Foundation
import XiezhiCore
import XiezhiWire

/// One simulated vehicle terminal: identity, protocol edition, quirks, and the trip it drives (its fixes in time order).
public struct SimulatedTerminal: Hashable, Sendable {
    /// The SIM number in its headers (11 digits; the 2019 header pads it to 20).
    public var phone: String
    public var vehicle: VehicleKey
    public var kind: MonitoredVehicleKind
    public var carrier: UnifiedSocialCreditCode
    /// The edition the terminal speaks (2011 and 2013 share a header; 2019 sets the version flag).
    public var version: JT808Version
    public var quirks: Set<TerminalQuirk>
    /// Whether the fleet's operator filed the terminal with the node beforehand (kind and carrier known); an
    /// unprovisioned one relies on open registration and is enrolled as a truck.
    public var provisioned: Bool
    /// The road the trip follows (a ``Road`` id of the region).
    public var road: String
    /// The violation injected into the trip, if any.
    public var violation: InjectedViolation?
    /// The trip, oldest fix first.
    public var fixes: [SimulatedFix]
    /// Whether the trip leaves the terminal silent after its last fix while moving (signal lost).
    public var goesSilent: Bool { violation == .signalLost }

    /// The canonical terminal key the node files it under (the phone without leading zeros).
    public var terminalKey: String { String(phone.drop { $0 == "0" }) }

    /// The 0x0100 body this terminal registers with.
    public var registration: JT808Registration {
        JT808Registration(
            provinceID: 33, cityID: 400, manufacturerID: version == .v2019 ? "33040070107" : "70107",
            terminalModel: version == .v2011 ? "XZ-808" : "XZ-T808-\(version.rawValue)", terminalID: String(phone.suffix(7)),
            plateColor: JT808PlateColor(rawValue: UInt8(vehicle.color.jt808Code)), plate: vehicle.plate.value)
    }
}
