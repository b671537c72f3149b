/// A registering terminal (0x0100 终端注册) the host looks up in its store.
public struct JT808RegistrationLookup: Hashable, Sendable {
    /// The canonical terminal key (the phone without leading zeros, `JT808Header.terminalKey`).
    public var terminalKey: String
    /// The terminal phone as carried in the header (12 or 20 BCD digits).
    public var terminalPhone: String
    /// What the terminal sent: region, maker, model, terminal ID, plate colour and plate.
    public var registration: JT808Registration
    /// The protocol version the registration was read in.
    public var version: JT808Version

    /// Creates a lookup request.
    public init(terminalKey: String, terminalPhone: String, registration: JT808Registration, version: JT808Version) {
        self.terminalKey = terminalKey
        self.terminalPhone = terminalPhone
        self.registration = registration
        self.version = version
    }
}

/// The host's answer about a registering terminal; the session turns it into the 0x8100 result.
///
/// 0x8100 results (2013 table 8, 2019 table 9): 0 成功, 1 车辆已被注册, 2 数据库中无该车辆,
/// 3 终端已被注册, 4 数据库中无该终端.
public enum JT808RegistrationLookupResult: Hashable, Sendable {
    /// The terminal is on file, bound to the vehicle with `plate`, with this authentication code.
    ///
    /// Result 0 with the code when the plate the terminal sent matches `plate` (ignoring case, spaces
    /// and NUL padding) or the terminal sent no plate or a VIN (plate colour 0); otherwise result 3
    /// (终端已被注册 — the terminal is registered to another vehicle).
    case known(plate: String, authenticationCode: String)
    /// Open registration (the demo node): the host enrolled the unknown terminal with this code. Result 0.
    case enrolled(authenticationCode: String)
    /// Refused with the standard's reason.
    case refused(JT808RegistrationRefusal)

    /// The terminal phone is not on file: result 4 (数据库中无该终端).
    public static var unknown: JT808RegistrationLookupResult { .refused(.terminalNotInDatabase) }
}

/// Why a registration is refused, as the 0x8100 result codes 1–4 name it.
public enum JT808RegistrationRefusal: Hashable, Sendable, CaseIterable {
    /// 1 车辆已被注册 — the plate is already bound to another terminal.
    case vehicleAlreadyRegistered
    /// 2 数据库中无该车辆 — the plate is not on file.
    case vehicleNotInDatabase
    /// 3 终端已被注册 — the terminal is already registered (to another vehicle).
    case terminalAlreadyRegistered
    /// 4 数据库中无该终端 — the terminal phone is not on file.
    case terminalNotInDatabase

    /// The 0x8100 result byte.
    public var result: JT808RegistrationResult {
        switch self {
        case .vehicleAlreadyRegistered: .vehicleAlreadyRegistered
        case .vehicleNotInDatabase: .vehicleNotInDatabase
        case .terminalAlreadyRegistered: .terminalAlreadyRegistered
        case .terminalNotInDatabase: .terminalNotInDatabase
        }
    }
}

/// An authenticating terminal (0x0102 终端鉴权) whose code the host checks against its store.
public struct JT808AuthenticationLookup: Hashable, Sendable {
    /// The canonical terminal key (the phone without leading zeros).
    public var terminalKey: String
    /// The terminal phone as carried in the header.
    public var terminalPhone: String
    /// The authentication code (鉴权码) the terminal sent.
    public var authenticationCode: String
    /// The IMEI (2019 only).
    public var imei: String?
    /// The software version (2019 only).
    public var softwareVersion: String?
    /// The protocol version the terminal speaks.
    public var version: JT808Version

    /// Creates a lookup request.
    public init(
        terminalKey: String, terminalPhone: String, authenticationCode: String, imei: String? = nil,
        softwareVersion: String? = nil, version: JT808Version
    ) {
        self.terminalKey = terminalKey
        self.terminalPhone = terminalPhone
        self.authenticationCode = authenticationCode
        self.imei = imei
        self.softwareVersion = softwareVersion
        self.version = version
    }
}

/// The host's answer about an authentication code: 0x8001 result 0 or 1.
public enum JT808AuthenticationLookupResult: Hashable, Sendable {
    /// The code is valid for the terminal; `plate` is the vehicle it is bound to, when known.
    case accepted(plate: String?)
    /// The code is wrong, or the terminal unknown or unregistered.
    case rejected
}
