/// The edition of JT/T 808 a terminal speaks (道路运输车辆卫星定位系统 终端通讯协议).
///
/// 2019 is announced by bit 14 of the body properties and a protocol-version byte in the header.
/// 2011 and 2013 share the header and differ only in some body layouts (0x0100's field sizes), so the
/// caller remembers each terminal's version from its registration and passes it to decoders and encoders.
public enum JT808Version: String, Hashable, Sendable, Codable, CaseIterable {
    /// JT/T 808-2011.
    case v2011 = "2011"
    /// JT/T 808-2013 (same header as 2011).
    case v2013 = "2013"
    /// JT/T 808-2019 (version flag, protocol version byte, 10-byte BCD phone).
    case v2019 = "2019"

    /// Whether the header uses the 2019 layout (version flag set, 17 or 21 bytes).
    public var usesVersionFlag: Bool { self == .v2019 }
}
