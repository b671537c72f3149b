import NIOCore

/// 0x0100 终端注册 (terminal registration): 2011 table 6, 2013 table 7, 2019 table 8.
///
/// | field | 2011 | 2013 | 2019 |
/// |---|---|---|---|
/// | province, city (GB/T 2260) | WORD, WORD | same | same |
/// | manufacturer ID | BYTE[5] | BYTE[5] | BYTE[11] |
/// | terminal model | BYTE[8] | BYTE[20] | BYTE[30] |
/// | terminal ID | BYTE[7] | BYTE[7] | BYTE[30] |
/// | plate colour, plate | BYTE, STRING | same | same |
///
/// The body is 25+, 37+ or 76+ bytes. 2011 and 2013 share a header, so the version comes from the caller
/// (or `inferredVersion(bodyLength:)`). Text fields are read with NUL and space padding stripped at both
/// ends, since vendors pad either way.
public struct JT808Registration: JT808MessageBody {
    /// Province ID (省域 ID): the first two digits of the GB/T 2260 code.
    public var provinceID: UInt16
    /// City or county ID (市县域 ID): the last four digits of the GB/T 2260 code.
    public var cityID: UInt16
    /// Manufacturer ID (制造商 ID); in 2019 the maker's region code and maker ID.
    public var manufacturerID: String
    /// Terminal model (终端型号), defined by the manufacturer.
    public var terminalModel: String
    /// Terminal ID (终端 ID), defined by the manufacturer.
    public var terminalID: String
    /// Plate colour (车牌颜色); `.notPlated` means `plate` carries the VIN (2013) or frame number (2019).
    public var plateColor: JT808PlateColor
    /// The plate (机动车号牌), e.g. 浙F12345, GBK on the wire.
    public var plate: String

    /// How fixed-width text is padded when encoding (decoding accepts either).
    public enum Padding: Hashable, Sendable {
        /// 0x00 after the text in every field: what the peers' encoders and the published test vectors do.
        case trailingZeros
        /// As the standards print it: 2011 model padded with spaces after, 2013 0x00 after,
        /// 2019 model 0x00 in front ("前补0x00"); other fields 0x00 after.
        case standard
    }

    /// Creates a registration.
    public init(
        provinceID: UInt16, cityID: UInt16, manufacturerID: String, terminalModel: String,
        terminalID: String, plateColor: JT808PlateColor, plate: String
    ) {
        self.provinceID = provinceID
        self.cityID = cityID
        self.manufacturerID = manufacturerID
        self.terminalModel = terminalModel
        self.terminalID = terminalID
        self.plateColor = plateColor
        self.plate = plate
    }

    /// The body length below which a registration without the version flag is taken as 2011.
    ///
    /// A 2013 body is at least 37 bytes; a 2011 body at least 25. A 2011 registration with a plate of 12 or
    /// more bytes would be misread, so remember the version of known terminals instead.
    public static let minimum2013BodyLength = 37

    /// 2013 when `bodyLength` ≥ 37, else 2011 (for headers without the version flag).
    public static func inferredVersion(bodyLength: Int) -> JT808Version {
        bodyLength >= minimum2013BodyLength ? .v2013 : .v2011
    }

    private static func widths(_ version: JT808Version) -> (manufacturer: Int, model: Int, terminal: Int) {
        switch version {
        case .v2011: (5, 8, 7)
        case .v2013: (5, 20, 7)
        case .v2019: (11, 30, 30)
        }
    }

    /// Decodes a body in the layout of `version`.
    public init(decoding body: ByteBuffer, version: JT808Version) throws(JT808Error) {
        var reader = JT808BodyReader(body, messageID: 0x0100)
        let widths = Self.widths(version)
        provinceID = try reader.word("the province ID")
        cityID = try reader.word("the city ID")
        manufacturerID = try reader.fixedText(widths.manufacturer, "the manufacturer ID")
        terminalModel = try reader.fixedText(widths.model, "the terminal model")
        terminalID = try reader.fixedText(widths.terminal, "the terminal ID")
        plateColor = JT808PlateColor(rawValue: try reader.byte("the plate colour"))
        plate = reader.remainingText()
    }

    /// Appends the body in the layout of `version`, text padded with 0x00 after.
    public func encode(into body: inout ByteBuffer, version: JT808Version) throws(JT808Error) {
        try encode(into: &body, version: version, padding: .trailingZeros)
    }

    /// Appends the body in the layout of `version` with the given padding.
    ///
    /// Throws `invalid_value` when a text does not fit its field and `unencodable_text` outside GBK.
    public func encode(into body: inout ByteBuffer, version: JT808Version, padding: Padding) throws(JT808Error) {
        let widths = Self.widths(version)
        var modelPadding = JT808FieldText.Padding.trailingZeros
        if padding == .standard {
            if version == .v2011 { modelPadding = .trailingSpaces }
            if version == .v2019 { modelPadding = .leadingZeros }
        }
        body.writeInteger(provinceID)
        body.writeInteger(cityID)
        try JT808FieldText.write(
            manufacturerID, width: widths.manufacturer, padding: .trailingZeros, "the manufacturer ID",
            messageID: 0x0100, into: &body
        )
        try JT808FieldText.write(
            terminalModel, width: widths.model, padding: modelPadding, "the terminal model",
            messageID: 0x0100, into: &body
        )
        try JT808FieldText.write(
            terminalID, width: widths.terminal, padding: .trailingZeros, "the terminal ID",
            messageID: 0x0100, into: &body
        )
        body.writeInteger(plateColor.rawValue)
        body.writeBytes(try JT808FieldText.encode(plate, "the plate", messageID: 0x0100))
    }
}

/// Plate colour (车牌颜色): JT/T 415-2006 5.4.12 in 2013, JT/T 697.7-2014 in 2019; 0 means not yet plated.
public struct JT808PlateColor: RawRepresentable, Hashable, Sendable {
    /// The colour byte.
    public var rawValue: UInt8

    /// Wraps a colour byte.
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    /// 0 未上牌 — not yet plated.
    public static let notPlated = JT808PlateColor(rawValue: 0)
    /// 1 蓝色 — blue.
    public static let blue = JT808PlateColor(rawValue: 1)
    /// 2 黄色 — yellow.
    public static let yellow = JT808PlateColor(rawValue: 2)
    /// 3 黑色 — black.
    public static let black = JT808PlateColor(rawValue: 3)
    /// 4 白色 — white.
    public static let white = JT808PlateColor(rawValue: 4)
    /// 5 绿色 — green (JT/T 697.7-2014).
    public static let green = JT808PlateColor(rawValue: 5)
    /// 9 其他 — other.
    public static let other = JT808PlateColor(rawValue: 9)
}

/// 0x8100 终端注册应答 (registration response): 2013 table 8, 2019 table 9, the same in every version.
///
/// Response serial WORD, result BYTE, then the authentication code (鉴权码, STRING) only on success.
public struct JT808RegistrationResponse: JT808MessageBody {
    /// The serial number of the 0x0100 answered (应答流水号).
    public var responseSerialNumber: UInt16
    /// The result (结果).
    public var result: JT808RegistrationResult
    /// The authentication code the terminal sends in 0x0102; only carried on success.
    public var authenticationCode: String?

    /// Creates a response; `authenticationCode` is written only when `result` is `.success`.
    public init(responseSerialNumber: UInt16, result: JT808RegistrationResult, authenticationCode: String? = nil) {
        self.responseSerialNumber = responseSerialNumber
        self.result = result
        self.authenticationCode = authenticationCode
    }

    /// Decodes the body; a failure result with bytes after it throws `trailing_bytes`.
    public init(decoding body: ByteBuffer, version: JT808Version) throws(JT808Error) {
        var reader = JT808BodyReader(body, messageID: 0x8100)
        responseSerialNumber = try reader.word("the response serial number")
        result = JT808RegistrationResult(rawValue: try reader.byte("the result"))
        if result == .success {
            authenticationCode = reader.remainingText()
        } else {
            authenticationCode = nil
            try reader.expectEnd("a failed registration response")
        }
    }

    /// Appends the body.
    public func encode(into body: inout ByteBuffer, version: JT808Version) throws(JT808Error) {
        body.writeInteger(responseSerialNumber)
        body.writeInteger(result.rawValue)
        if result == .success {
            body.writeBytes(try JT808FieldText.encode(authenticationCode ?? "", "the authentication code", messageID: 0x8100))
        }
    }
}

/// The result of a registration (注册结果).
public struct JT808RegistrationResult: RawRepresentable, Hashable, Sendable {
    /// The result byte.
    public var rawValue: UInt8

    /// Wraps a result byte.
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    /// 0 成功 — success.
    public static let success = JT808RegistrationResult(rawValue: 0)
    /// 1 车辆已被注册 — the vehicle is already registered.
    public static let vehicleAlreadyRegistered = JT808RegistrationResult(rawValue: 1)
    /// 2 数据库中无该车辆 — the vehicle is not in the database.
    public static let vehicleNotInDatabase = JT808RegistrationResult(rawValue: 2)
    /// 3 终端已被注册 — the terminal is already registered.
    public static let terminalAlreadyRegistered = JT808RegistrationResult(rawValue: 3)
    /// 4 数据库中无该终端 — the terminal is not in the database.
    public static let terminalNotInDatabase = JT808RegistrationResult(rawValue: 4)
}
