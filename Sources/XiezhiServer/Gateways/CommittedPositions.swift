import XiezhiCore

/// The positions of one report as the gateway committed them, with the registration of the terminal that sent them:
/// what the JT/T 808 group committer hands to whatever follows a durable commit (the vehicle-monitoring rules).
struct CommittedPositions: Sendable {
    var positions: [VehiclePosition]
    var terminal: TerminalRegistration
}
