/// A storage-level failure with a stable code and a reason (a missing key file, a corrupt row).
public struct StoreError: Error, Hashable, Sendable, CustomStringConvertible {
    public var code: String
    public var reason: String

    public init(code: String, reason: String) {
        self.code = code
        self.reason = reason
    }

    public var description: String { "\(code): \(reason)" }
}
