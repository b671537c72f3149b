/// A refusal by the domain: a stable machine-readable `code` and a human `reason` that says why.
///
/// The server renders these as RFC 9457 problem JSON (4xx); the CLI prints the reason and exits non-zero.
public struct DomainError: Error, Hashable, Sendable, CustomStringConvertible {
    /// A stable snake_case code, e.g. `invalid_plate`, `transition_not_allowed`.
    public var code: String
    /// What was wrong, in words a user can act on.
    public var reason: String

    public init(code: String, reason: String) {
        self.code = code
        self.reason = reason
    }

    public var description: String { "\(code): \(reason)" }
}
