/// Who is on the other end of an authenticated session.
public struct JT808SessionIdentity: Hashable, Sendable {
    /// The canonical terminal key (the phone without leading zeros, `JT808Header.terminalKey`).
    public var terminalKey: String
    /// The terminal phone as carried in the header (12 or 20 BCD digits).
    public var terminalPhone: String
    /// The vehicle's plate, as the store knows it.
    public var plate: String?
    /// The protocol version the terminal spoke when it authenticated.
    public var version: JT808Version

    /// Creates an identity.
    public init(terminalKey: String, terminalPhone: String, plate: String?, version: JT808Version) {
        self.terminalKey = terminalKey
        self.terminalPhone = terminalPhone
        self.plate = plate
        self.version = version
    }
}
