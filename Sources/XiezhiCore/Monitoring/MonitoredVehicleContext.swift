import Foundation

/// What the monitor needs to know about a vehicle beside its positions: its kind, home, approved route and waybills.
///
/// The caller builds it from the terminal register (``TerminalRegistration``), the route permits and the waybill
/// registry, and passes it with each position; the monitor keeps no registry of its own.
public struct MonitoredVehicleContext: Hashable, Sendable {
    /// The vehicle (plate and colour); the monitor's state is kept per vehicle.
    public var vehicle: VehicleKey
    /// What rules apply.
    public var kind: MonitoredVehicleKind
    /// 运输企业 — the carrier, if known.
    public var carrier: UnifiedSocialCreditCode?
    /// The jurisdiction whose node monitors the vehicle (车籍地 / the carrier's home); joint-zone notices go to the
    /// other side.
    public var homeJurisdiction: JurisdictionCode?
    /// The approved route, for a scheduled coach.
    public var approvedRoute: ApprovedRoute?
    /// The vehicle's waybills known to the registry (any validity; the monitor picks the active one).
    public var waybills: [ElectronicWaybill]

    /// Creates a context.
    public init(
        vehicle: VehicleKey, kind: MonitoredVehicleKind, carrier: UnifiedSocialCreditCode? = nil, homeJurisdiction: JurisdictionCode? = nil,
        approvedRoute: ApprovedRoute? = nil, waybills: [ElectronicWaybill] = []
    ) {
        self.vehicle = vehicle
        self.kind = kind
        self.carrier = carrier
        self.homeJurisdiction = homeJurisdiction
        self.approvedRoute = approvedRoute
        self.waybills = waybills
    }

    /// A context from a terminal registration (vehicle, kind, carrier).
    public init(
        registration: TerminalRegistration, homeJurisdiction: JurisdictionCode? = nil, approvedRoute: ApprovedRoute? = nil,
        waybills: [ElectronicWaybill] = []
    ) {
        self.init(vehicle: registration.vehicle, kind: registration.kind, carrier: registration.carrier,
                  homeJurisdiction: homeJurisdiction, approvedRoute: approvedRoute, waybills: waybills)
    }

    /// The waybill issued for this vehicle that is in force at `date`, if any (the latest-starting one when several).
    public func activeWaybill(at date: Date) -> ElectronicWaybill? {
        waybills
            .filter { $0.vehicle == vehicle && $0.isActive(at: date) }
            .max { ($0.validFrom, $0.id) < ($1.validFrom, $1.id) }
    }
}
