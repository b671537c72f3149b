import Foundation
import Testing

/// Polls `condition` every 50 ms until it holds or 30 s pass (a hang guard for work another node or service does;
/// not a timing check). Records an issue naming `what` and throws when it never holds.
func eventually(_ what: String, _ condition: () throws -> Bool) async throws {
    let deadline = ContinuousClock.now + .seconds(30)
    while ContinuousClock.now < deadline {
        if try condition() { return }
        try await Task.sleep(for: .milliseconds(50))
    }
    Issue.record("timed out waiting for \(what)")
    throw CancellationError()
}
