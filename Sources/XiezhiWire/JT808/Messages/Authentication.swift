import NIOCore

/// 0x0102 终端鉴权 (terminal authentication): 2013 table 9, 2019 table 10.
///
/// 2011/2013: the body is the authentication code (STRING) alone. 2019: code length BYTE n, the code
/// (n bytes), IMEI BYTE[15], software version BYTE[20] padded with 0x00 after; the offsets are 0, 1, 1+n
/// and 16+n (the printed "n, n+1, n+9" is a typo).
public struct JT808Authentication: JT808MessageBody {
    /// The authentication code (鉴权码) received in 0x8100.
    public var authenticationCode: String
    /// The terminal IMEI (2019); nil when the layout has none.
    public var imei: String?
    /// The software version (软件版本号, 2019); nil when the layout has none.
    public var softwareVersion: String?

    /// Creates an authentication; `imei` and `softwareVersion` are sent only in the 2019 layout.
    public init(authenticationCode: String, imei: String? = nil, softwareVersion: String? = nil) {
        self.authenticationCode = authenticationCode
        self.imei = imei
        self.softwareVersion = softwareVersion
    }

    /// Decodes the body in the layout of `version`.
    public init(decoding body: ByteBuffer, version: JT808Version) throws(JT808Error) {
        var reader = JT808BodyReader(body, messageID: 0x0102)
        guard version == .v2019 else {
            authenticationCode = reader.remainingText()
            imei = nil
            softwareVersion = nil
            return
        }
        let length = Int(try reader.byte("the authentication code length"))
        authenticationCode = JT808Text.decode(try reader.bytes(length, "the authentication code"))
        imei = try reader.fixedText(15, "the IMEI")
        softwareVersion = try reader.fixedText(20, "the software version")
        try reader.expectEnd("a 2019 authentication")
    }

    /// Appends the body in the layout of `version`; throws `invalid_value` for a code over 255 bytes
    /// (2019) or an IMEI/software version too long for its field.
    public func encode(into body: inout ByteBuffer, version: JT808Version) throws(JT808Error) {
        let code = try JT808FieldText.encode(authenticationCode, "the authentication code", messageID: 0x0102)
        guard version == .v2019 else {
            body.writeBytes(code)
            return
        }
        guard code.count <= 255 else {
            throw JT808Error(
                .invalidValue, "the authentication code takes \(code.count) bytes; its length is one BYTE",
                messageID: 0x0102
            )
        }
        body.writeInteger(UInt8(code.count))
        body.writeBytes(code)
        try JT808FieldText.write(
            imei ?? "", width: 15, padding: .trailingZeros, "the IMEI", messageID: 0x0102, into: &body
        )
        try JT808FieldText.write(
            softwareVersion ?? "", width: 20, padding: .trailingZeros, "the software version",
            messageID: 0x0102, into: &body
        )
    }
}
