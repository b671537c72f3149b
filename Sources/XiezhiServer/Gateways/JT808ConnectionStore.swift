import Foundation
import XiezhiCore
import XiezhiStore
import XiezhiWire

/// What a JT/T 808 connection asks of the store, away from its event loop: registrations, authentication codes and
/// last-seen writes (all through GRDB's asynchronous reads and writes).
struct JT808ConnectionStore: Sendable {
    let node: Node

    var terminals: TerminalStore { TerminalStore(database: node.database, signingKey: node.key) }

    /// A registration: a provisioned terminal answers with its code; with open registration (the demo) an unknown
    /// terminal is enrolled to the plate it sent; otherwise "no such terminal" (result 4).
    func registration(_ lookup: JT808RegistrationLookup) async throws -> JT808RegistrationLookupResult {
        if let terminal = try await terminals.lookUp(phone: lookup.terminalKey) {
            return .known(plate: terminal.vehicle.plate.value, authenticationCode: terminal.authenticationCode)
        }
        guard node.configuration.openRegistration else { return .unknown }
        let body = lookup.registration
        guard let color = PlateColor(jt808Code: Int(body.plateColor.rawValue)),
              let plate = try? PlateNumber(body.plate.trimmingCharacters(in: CharacterSet(charactersIn: "\u{0} ")))
        else { return .refused(.vehicleNotInDatabase) }
        let code = String(format: "%08X", UInt32.random(in: 0...UInt32.max))
        let registration = TerminalRegistration(
            phone: lookup.terminalKey, vehicle: VehicleKey(plate: plate, color: color), kind: .truck, carrier: nil, authenticationCode: code)
        let agency = HomeAgency.of(plate)?.jurisdiction ?? JurisdictionCode(rawValue: "000000")!
        try await terminals.enrol(registration, jurisdiction: agency, by: "system:jt808-open-registration", at: node.now())
        return .enrolled(authenticationCode: code)
    }
}
