import Foundation
import Logging
import XiezhiSimulator

/// Drives a whole simulated fleet against a node's JT/T 808 gateway, one connection per terminal.
public struct JT808FleetDriver: Sendable {
    public var client: JT808TerminalClient
    /// Connections opened at once (so a big fleet does not overrun the listen backlog).
    public var connectBurst = 64

    public init(host: String, port: Int) {
        client = JT808TerminalClient(host: host, port: port)
    }

    /// One trip per terminal: fixes before `liveFrom` back-filled, the rest paced by `pacing`. Outcomes in fleet order.
    public func drive(_ fleet: JT808Fleet, liveFrom: Date?, pacing: JT808TerminalClient.Pacing) async -> [JT808TerminalClient.Outcome] {
        let client = self.client
        return await withTaskGroup(of: (Int, JT808TerminalClient.Outcome).self) { group in
            for (index, terminal) in fleet.terminals.enumerated() {
                if index > 0, index % connectBurst == 0 { try? await Task.sleep(for: .milliseconds(20)) }
                group.addTask {
                    (index, await client.run(terminal, uploads: TerminalUpload.plan(terminal.fixes, liveFrom: liveFrom), pacing: pacing))
                }
            }
            var outcomes = [JT808TerminalClient.Outcome?](repeating: nil, count: fleet.terminals.count)
            for await (index, outcome) in group { outcomes[index] = outcome }
            return outcomes.compactMap { $0 }
        }
    }

    /// The demo: every terminal drives its trip in real time (past fixes back-filled at once), then — unless it went
    /// silent — parks with its ignition off for `rest`, and drives a clean trip on the same road, and so on until the
    /// task is cancelled. Connections are spread over the first `spread`.
    public func driveContinuously(
        _ fleet: JT808Fleet, generator: JT808FleetGenerator, rest: Duration = .seconds(25 * 60), spread: Duration = .seconds(10),
        now: @escaping @Sendable () -> Date, logger: Logger
    ) async {
        let client = self.client
        let count = max(fleet.terminals.count, 1)
        await withDiscardingTaskGroup { group in
            for (index, terminal) in fleet.terminals.enumerated() {
                group.addTask {
                    try? await Task.sleep(for: spread * index / count)
                    var tripGenerator = generator.reseeded(UInt64(index) &+ 1)
                    var fixes = terminal.fixes
                    var code: String?
                    var serial: UInt16 = 0
                    var trips = 0
                    while !Task.isCancelled {
                        let start = now()
                        let uploads = TerminalUpload.plan(fixes, liveFrom: start)
                        let outcome = await client.run(
                            terminal, uploads: uploads, pacing: .deviceTime(anchor: start, speedup: 1), code: code, firstSerialNumber: serial)
                        trips += 1
                        if let failure = outcome.failure {
                            logger.debug("demo terminal connection ended", metadata: ["jt808.phone": "\(terminal.terminalKey)", "error": "\(failure)"])
                            code = nil
                            try? await Task.sleep(for: .seconds(30))
                        } else {
                            code = outcome.authenticationCode
                            serial &+= UInt16(truncatingIfNeeded: outcome.uploadsSent * 4 + 4)
                            if terminal.goesSilent && trips == 1 { return }
                            try? await Task.sleep(for: rest)
                        }
                        fixes = tripGenerator.nextTrip(of: terminal, after: now())
                    }
                }
            }
        }
    }
}
