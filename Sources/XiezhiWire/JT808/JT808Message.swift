import NIOCore

/// A decoded JT/T 808 message: the body of one frame, typed by message ID.
///
/// Decode with `init(frame:version:)`, encode with `JT808Frame(message:terminalPhone:serialNumber:version:)`.
/// Messages this codec does not model stay `.other` with their body, so a gateway can pass them on.
public enum JT808Message: Hashable, Sendable {
    /// 0x0001 终端通用应答 — terminal general response.
    case terminalGeneralResponse(JT808GeneralResponse)
    /// 0x8001 平台通用应答 — platform general response.
    case platformGeneralResponse(JT808GeneralResponse)
    /// 0x0002 终端心跳 — heartbeat, empty body; answered with 0x8001.
    case heartbeat
    /// 0x0003 终端注销 — unregister, empty body.
    case unregister
    /// 0x0004 查询服务器时间请求 — query server time (2019), empty body.
    case serverTimeQuery
    /// 0x8004 查询服务器时间应答 — server time (2019), UTC.
    case serverTime(JT808ServerTime)
    /// 0x0005 终端补传分包请求 — the terminal asks for packets again (2019).
    case terminalResendRequest(JT808SubpackageResendRequest)
    /// 0x8003 补传分包请求 — the platform asks for packets again.
    case platformResendRequest(JT808SubpackageResendRequest)
    /// 0x0100 终端注册 — registration.
    case registration(JT808Registration)
    /// 0x8100 终端注册应答 — registration response.
    case registrationResponse(JT808RegistrationResponse)
    /// 0x0102 终端鉴权 — authentication.
    case authentication(JT808Authentication)
    /// 0x0200 位置信息汇报 — location report.
    case locationReport(JT808LocationReport)
    /// 0x0704 定位数据批量上传 — batch location upload.
    case batchLocationUpload(JT808BatchLocationUpload)
    /// Any other message ID, with its unescaped body.
    case other(messageID: UInt16, body: ByteBuffer)

    /// The message ID (消息 ID).
    public var messageID: UInt16 {
        switch self {
        case .terminalGeneralResponse: 0x0001
        case .platformGeneralResponse: 0x8001
        case .heartbeat: 0x0002
        case .unregister: 0x0003
        case .serverTimeQuery: 0x0004
        case .serverTime: 0x8004
        case .terminalResendRequest: 0x0005
        case .platformResendRequest: 0x8003
        case .registration: 0x0100
        case .registrationResponse: 0x8100
        case .authentication: 0x0102
        case .locationReport: 0x0200
        case .batchLocationUpload: 0x0704
        case .other(let id, _): id
        }
    }

    /// The body layout to use for a frame: 2019 when the header has the version flag; otherwise `version`
    /// when it is 2011 or 2013, else 2013 — except 0x0100, whose body length tells 2011 from 2013.
    public static func bodyVersion(for header: JT808Header, remembered version: JT808Version?) -> JT808Version {
        if header.hasVersionFlag { return .v2019 }
        switch version {
        case .v2011?: return .v2011
        case .v2013?: return .v2013
        case .v2019?, nil:
            return header.messageID == 0x0100
                ? JT808Registration.inferredVersion(bodyLength: header.bodyLength)
                : .v2013
        }
    }

    /// Decodes the body of `frame`.
    ///
    /// `version` is the terminal's remembered version, if any (see `bodyVersion(for:remembered:)`).
    /// Throws `subpackaged_body` for one packet of a subpackaged message, `encrypted_body` for an encrypted
    /// body, and the body's own errors (`truncated_field`, `trailing_bytes`, …) with the message ID set.
    public init(frame: JT808Frame, version: JT808Version? = nil) throws(JT808Error) {
        let header = frame.header
        if let subpackage = header.subpackage {
            throw JT808Error(
                .subpackagedBody,
                "packet \(subpackage.index) of \(subpackage.total): reassemble the packets before decoding the body",
                messageID: header.messageID
            )
        }
        guard header.encryption == .none else {
            throw JT808Error(
                .encryptedBody, "the body is encrypted (encryption bits \(header.encryption.rawValue))",
                messageID: header.messageID
            )
        }
        try self.init(
            messageID: header.messageID, body: frame.body,
            version: Self.bodyVersion(for: header, remembered: version)
        )
    }

    /// Decodes a whole, plain body of message `messageID` in the layout of `version`.
    public init(messageID: UInt16, body: ByteBuffer, version: JT808Version) throws(JT808Error) {
        do {
            switch messageID {
            case 0x0001: self = .terminalGeneralResponse(try JT808GeneralResponse(decoding: body, version: version))
            case 0x8001: self = .platformGeneralResponse(try JT808GeneralResponse(decoding: body, version: version))
            case 0x0002: try Self.expectEmpty(body, "a heartbeat"); self = .heartbeat
            case 0x0003: try Self.expectEmpty(body, "an unregister message"); self = .unregister
            case 0x0004: try Self.expectEmpty(body, "a server time query"); self = .serverTimeQuery
            case 0x8004: self = .serverTime(try JT808ServerTime(decoding: body, version: version))
            case 0x0005: self = .terminalResendRequest(try JT808SubpackageResendRequest(decoding: body, version: version))
            case 0x8003: self = .platformResendRequest(try JT808SubpackageResendRequest(decoding: body, version: version))
            case 0x0100: self = .registration(try JT808Registration(decoding: body, version: version))
            case 0x8100: self = .registrationResponse(try JT808RegistrationResponse(decoding: body, version: version))
            case 0x0102: self = .authentication(try JT808Authentication(decoding: body, version: version))
            case 0x0200: self = .locationReport(try JT808LocationReport(decoding: body, version: version))
            case 0x0704: self = .batchLocationUpload(try JT808BatchLocationUpload(decoding: body, version: version))
            default: self = .other(messageID: messageID, body: body)
            }
        } catch {
            var located = error
            located.messageID = messageID
            throw located
        }
    }

    private static func expectEmpty(_ body: ByteBuffer, _ what: String) throws(JT808Error) {
        guard body.readableBytes == 0 else {
            throw JT808Error(.trailingBytes, "\(what) has an empty body but \(body.readableBytes) bytes came", offset: 0)
        }
    }

    /// The body in the layout of `version` (registration text padded with 0x00 after).
    public func encodedBody(version: JT808Version) throws(JT808Error) -> ByteBuffer {
        do {
            switch self {
            case .terminalGeneralResponse(let body), .platformGeneralResponse(let body):
                return try body.encodedBody(version: version)
            case .heartbeat, .unregister, .serverTimeQuery:
                return ByteBuffer()
            case .serverTime(let body): return try body.encodedBody(version: version)
            case .terminalResendRequest(let body), .platformResendRequest(let body):
                return try body.encodedBody(version: version)
            case .registration(let body): return try body.encodedBody(version: version)
            case .registrationResponse(let body): return try body.encodedBody(version: version)
            case .authentication(let body): return try body.encodedBody(version: version)
            case .locationReport(let body): return try body.encodedBody(version: version)
            case .batchLocationUpload(let body): return try body.encodedBody(version: version)
            case .other(_, let body): return body
            }
        } catch {
            var located = error
            located.messageID = messageID
            throw located
        }
    }
}

extension JT808Frame {
    /// A frame carrying `message`, with a header in the layout of `version`.
    ///
    /// For 2019 the header gets the version flag and `protocolVersion` (initially 1) and a 20-digit phone;
    /// otherwise a 12-digit phone. Throws the body's encoding errors.
    public init(
        message: JT808Message, terminalPhone: String, serialNumber: UInt16, version: JT808Version,
        protocolVersion: UInt8 = 1
    ) throws(JT808Error) {
        let header = JT808Header(
            messageID: message.messageID, terminalPhone: terminalPhone, serialNumber: serialNumber,
            version: version, protocolVersion: protocolVersion
        )
        self.init(header: header, body: try message.encodedBody(version: version))
    }
}
