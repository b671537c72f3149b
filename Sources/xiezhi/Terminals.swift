import ArgumentParser
import Foundation
import Logging
import XiezhiCore
import XiezhiServer
import XiezhiStore

/// `xiezhi terminals add --data DIR --phone P --plate PLATE --plate-color C --kind K [--carrier USCC]`: provision a
/// JT/T 808 terminal for a vehicle. The authentication code printed here is what the node returns in 0x8100 when the
/// terminal registers.
struct Terminals: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "JT/T 808 vehicle terminals.", subcommands: [Add.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Register a terminal to a vehicle.")

        @OptionGroup var data: DataOption
        @Option(help: "The terminal's phone number (SIM), as in its message headers.")
        var phone: String
        @Option(help: "The vehicle's plate, e.g. 浙F12345.")
        var plate: String
        @Option(name: .customLong("plate-color"), help: "blue, yellow, black, white, green (or 蓝/黄/…, or the JT/T 808 code).")
        var plateColor: String
        @Option(help: "bus, coach, hazmat, truck or taxi.")
        var kind: String
        @Option(help: "The carrier's unified social credit code.")
        var carrier: String?
        @Option(help: "The agency (GB/T 2260) responsible for the vehicle; default the vehicle's home agency.")
        var jurisdiction: String?

        func run() throws {
            do {
                guard let kind = MonitoredVehicleKind(rawValue: kind) else {
                    throw ValidationError("--kind is one of \(MonitoredVehicleKind.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                let vehicle = try VehicleKey(plate: plate, color: try PlateColor(plateColor))
                let code = String(format: "%08X", UInt32.random(in: 0...UInt32.max))
                let registration = TerminalRegistration(
                    phone: try TerminalRegistration.normalisedPhone(phone), vehicle: vehicle, kind: kind,
                    carrier: try carrier.map { try UnifiedSocialCreditCode($0) }, authenticationCode: code)
                let agency = try jurisdiction.map(JurisdictionCode.parse) ?? HomeAgency.of(vehicle.plate)?.jurisdiction
                guard let agency else { throw ValidationError("cannot tell the vehicle's agency from its plate; pass --jurisdiction") }
                let node = try Node.open(configuration: NodeConfiguration(dataDirectory: data.directory), logger: Logger(label: "xiezhi.terminals"))
                try TerminalStore(database: node.database, signingKey: node.key).register(registration, jurisdiction: agency, by: "system:cli", at: Date())
                print("terminal \(registration.phone) → \(vehicle.chineseLabel) (\(kind.chineseName)); authentication code \(code)")
            } catch let error as DomainError {
                throw ValidationError(error.reason)
            }
        }
    }
}
