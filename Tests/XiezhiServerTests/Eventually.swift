import Foundation
import Testing

/// Polls `condition` every 50 ms until it holds or `seconds` pass (a hang guard for work another node or service
/// does; not a timing check). Records an issue naming `what` and throws when it never holds.
func eventually(_ what: String, seconds: Int = 30, _ condition: () async throws -> Bool) async throws {
    let deadline = ContinuousClock.now + .seconds(seconds)
    while ContinuousClock.now < deadline {
        if try await condition() { return }
        try await Task.sleep(for: .milliseconds(50))
    }
    Issue.record("timed out waiting for \(what)")
    throw CancellationError()
}
