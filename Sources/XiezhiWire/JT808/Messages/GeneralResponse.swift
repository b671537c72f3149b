import NIOCore

/// 0x0001 终端通用应答 (terminal general response) and 0x8001 平台通用应答 (platform general response).
///
/// Same layout in 2011, 2013 and 2019 (2013 tables 4–5, 2019 tables 4–5): response serial WORD,
/// response ID WORD, result BYTE. The 0x0001 and 0x8001 cases of `JT808Message` tell the direction.
public struct JT808GeneralResponse: JT808MessageBody {
    /// The serial number of the message answered (应答流水号).
    public var responseSerialNumber: UInt16
    /// The ID of the message answered (应答 ID).
    public var responseMessageID: UInt16
    /// The result (结果).
    public var result: JT808ResponseResult

    /// Creates a response.
    public init(responseSerialNumber: UInt16, responseMessageID: UInt16, result: JT808ResponseResult) {
        self.responseSerialNumber = responseSerialNumber
        self.responseMessageID = responseMessageID
        self.result = result
    }

    /// A response answering the message whose header is `header`.
    public init(answering header: JT808Header, result: JT808ResponseResult = .success) {
        self.init(responseSerialNumber: header.serialNumber, responseMessageID: header.messageID, result: result)
    }

    /// Decodes the 5-byte body; `trailing_bytes` if more follows.
    public init(decoding body: ByteBuffer, version: JT808Version) throws(JT808Error) {
        var reader = JT808BodyReader(body, messageID: nil)
        responseSerialNumber = try reader.word("the response serial number")
        responseMessageID = try reader.word("the response message ID")
        result = JT808ResponseResult(rawValue: try reader.byte("the result"))
        try reader.expectEnd("a general response")
    }

    /// Appends the 5-byte body.
    public func encode(into body: inout ByteBuffer, version: JT808Version) throws(JT808Error) {
        body.writeInteger(responseSerialNumber)
        body.writeInteger(responseMessageID)
        body.writeInteger(result.rawValue)
    }
}

/// The result of a general response; values the standard does not name are kept as they came.
public struct JT808ResponseResult: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    /// The result byte.
    public var rawValue: UInt8

    /// Wraps a result byte.
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    /// 0 成功/确认 — success or acknowledged.
    public static let success = JT808ResponseResult(rawValue: 0)
    /// 1 失败 — failure.
    public static let failure = JT808ResponseResult(rawValue: 1)
    /// 2 消息有误 — the message was wrong.
    public static let messageError = JT808ResponseResult(rawValue: 2)
    /// 3 不支持 — not supported.
    public static let unsupported = JT808ResponseResult(rawValue: 3)
    /// 4 报警处理确认 — alarm handling confirmed (0x8001 only).
    public static let alarmConfirmed = JT808ResponseResult(rawValue: 4)

    /// The English name, or the number.
    public var description: String {
        switch rawValue {
        case 0: "success"
        case 1: "failure"
        case 2: "message error"
        case 3: "unsupported"
        case 4: "alarm confirmed"
        default: "result \(rawValue)"
        }
    }
}
