import NIOCore

/// The message header (消息头) of JT/T 808: 2011/2013 table 2 (12 or 16 bytes), 2019 table 2 (17 or 21 bytes).
///
/// Body properties (消息体属性, a WORD): bits 0–9 body length (at most 1023), bits 10–12 encryption,
/// bit 13 subpackaged, bit 14 the 2019 version flag, bit 15 reserved. With the version flag a protocol
/// version BYTE and a BCD[10] phone follow; without it a BCD[6] phone. The package item (消息包封装项,
/// total and index, two WORDs) follows the serial number only when bit 13 is set.
public struct JT808Header: Hashable, Sendable {
    /// The message ID (消息 ID), e.g. 0x0200.
    public var messageID: UInt16
    /// The body length declared in bits 0–9; `JT808Frame` sets it from the body when encoding.
    public var bodyLength: Int
    /// The encryption bits 10–12 (数据加密方式).
    public var encryption: JT808Encryption
    /// The protocol version byte (协议版本号) when the 2019 version flag is set; nil for the 2011/2013 layout.
    public var protocolVersion: UInt8?
    /// The terminal phone (终端手机号) as its BCD digits, leading zeros kept: 12 digits, or 20 in 2019.
    public var terminalPhone: String
    /// The serial number (消息流水号), counting in sending order and wrapping after 65535.
    public var serialNumber: UInt16
    /// The package item when this frame is one packet of a subpackaged message (分包).
    public var subpackage: JT808Subpackage?
    /// Bit 15, reserved; kept so that a decoded header re-encodes to the same bytes.
    public var reservedBit: Bool

    /// Bit 14: the 2019 version flag.
    static let versionFlagBit: UInt16 = 0x4000
    /// Bit 13: subpackaged.
    static let subpackageBit: UInt16 = 0x2000
    /// The largest body the 10-bit length field can declare.
    public static let maximumBodyLength = 0x03FF

    /// Creates a header field by field.
    public init(
        messageID: UInt16,
        bodyLength: Int = 0,
        encryption: JT808Encryption = .none,
        protocolVersion: UInt8?,
        terminalPhone: String,
        serialNumber: UInt16,
        subpackage: JT808Subpackage? = nil,
        reservedBit: Bool = false
    ) {
        self.messageID = messageID
        self.bodyLength = bodyLength
        self.encryption = encryption
        self.protocolVersion = protocolVersion
        self.terminalPhone = terminalPhone
        self.serialNumber = serialNumber
        self.subpackage = subpackage
        self.reservedBit = reservedBit
    }

    /// A header in the layout of `version`: for 2019 the version flag and `protocolVersion` (initially 1).
    ///
    /// `terminalPhone` is stored padded in front with zeros to 12 digits, or 20 for 2019, as it will be
    /// decoded; a phone that is not digits or too long is kept as given and refused by `encode(into:)`.
    public init(
        messageID: UInt16,
        terminalPhone: String,
        serialNumber: UInt16,
        version: JT808Version,
        protocolVersion: UInt8 = 1,
        subpackage: JT808Subpackage? = nil,
        encryption: JT808Encryption = .none
    ) {
        let width = version.usesVersionFlag ? 10 : 6
        let normalized = JT808BCD.bytes(digits: terminalPhone, width: width).flatMap { JT808BCD.digits($0) }
        self.init(
            messageID: messageID,
            encryption: encryption,
            protocolVersion: version.usesVersionFlag ? protocolVersion : nil,
            terminalPhone: normalized ?? terminalPhone,
            serialNumber: serialNumber,
            subpackage: subpackage
        )
    }

    /// Whether the 2019 version flag (bit 14) is set.
    public var hasVersionFlag: Bool { protocolVersion != nil }

    /// The header's length in bytes: 12/16 for 2011/2013, 17/21 for 2019.
    public var encodedLength: Int {
        (hasVersionFlag ? 17 : 12) + (subpackage == nil ? 0 : 4)
    }

    /// The canonical terminal key: the phone digits without leading zeros ("0" when all are zero).
    ///
    /// The same terminal gives the same key in a 2013 header (`012345678901`) and a 2019 header
    /// (`00000000012345678901`), so sessions, plate bindings and JT/T 809 exchange match across versions.
    public var terminalKey: String {
        let trimmed = terminalPhone.drop(while: { $0 == "0" })
        return trimmed.isEmpty ? "0" : String(trimmed)
    }

    /// The body-properties word (消息体属性) for this header.
    public var bodyProperties: UInt16 {
        var word = UInt16(truncatingIfNeeded: bodyLength) & 0x03FF
        word |= UInt16(encryption.rawValue & 0x07) << 10
        if subpackage != nil { word |= Self.subpackageBit }
        if hasVersionFlag { word |= Self.versionFlagBit }
        if reservedBit { word |= 0x8000 }
        return word
    }

    /// Reads a header from the front of `buffer`, consuming it; the buffer must hold the whole header.
    ///
    /// Throws `frame_too_short` when it does not, and `invalid_bcd` for a phone with a nibble above 9.
    /// Offsets count from the buffer's reader index on entry. The package item is read as is (total and
    /// index are checked by reassembly, not here).
    public static func decode(from buffer: inout ByteBuffer) throws(JT808Error) -> JT808Header {
        let available = buffer.readableBytes
        guard available >= 4,
              let messageID = buffer.getInteger(at: buffer.readerIndex, as: UInt16.self),
              let properties = buffer.getInteger(at: buffer.readerIndex + 2, as: UInt16.self)
        else {
            throw JT808Error(.frameTooShort, "\(available) bytes cannot hold a message ID and body properties", offset: 0)
        }
        let hasVersionFlag = properties & versionFlagBit != 0
        let isSubpackaged = properties & subpackageBit != 0
        let length = (hasVersionFlag ? 17 : 12) + (isSubpackaged ? 4 : 0)
        guard available >= length else {
            throw JT808Error(
                .frameTooShort,
                "the header needs \(length) bytes (version flag \(hasVersionFlag), subpackaged \(isSubpackaged)) but \(available) remain",
                offset: 0, messageID: messageID
            )
        }
        buffer.moveReaderIndex(forwardBy: 4)
        var protocolVersion: UInt8?
        if hasVersionFlag { protocolVersion = buffer.readInteger(as: UInt8.self) }
        let phoneWidth = hasVersionFlag ? 10 : 6
        let phoneBytes = buffer.readBytes(length: phoneWidth) ?? []
        guard let phone = JT808BCD.digits(phoneBytes) else {
            throw JT808Error(
                .invalidBCD, "the terminal phone has a non-decimal nibble",
                offset: hasVersionFlag ? 5 : 4, messageID: messageID
            )
        }
        let serial = buffer.readInteger(as: UInt16.self) ?? 0
        var subpackage: JT808Subpackage?
        if isSubpackaged {
            let total = buffer.readInteger(as: UInt16.self) ?? 0
            let index = buffer.readInteger(as: UInt16.self) ?? 0
            subpackage = JT808Subpackage(total: total, index: index)
        }
        return JT808Header(
            messageID: messageID,
            bodyLength: Int(properties & 0x03FF),
            encryption: JT808Encryption(rawValue: UInt8((properties >> 10) & 0x07)),
            protocolVersion: protocolVersion,
            terminalPhone: phone,
            serialNumber: serial,
            subpackage: subpackage,
            reservedBit: properties & 0x8000 != 0
        )
    }

    /// Appends the header's bytes (unescaped) to `buffer`.
    ///
    /// Throws `invalid_value` when the phone is not digits or has more significant digits than the layout
    /// holds (12, or 20 in 2019), and `body_too_long` when `bodyLength` exceeds 1023.
    public func encode(into buffer: inout ByteBuffer) throws(JT808Error) {
        guard (0...Self.maximumBodyLength).contains(bodyLength) else {
            throw JT808Error(
                .bodyTooLong, "a body of \(bodyLength) bytes exceeds the 1023 the length field can declare",
                messageID: messageID
            )
        }
        let phoneWidth = hasVersionFlag ? 10 : 6
        guard let phone = JT808BCD.bytes(digits: terminalPhone, width: phoneWidth) else {
            throw JT808Error(
                .invalidValue,
                "terminal phone \"\(terminalPhone)\" is not at most \(phoneWidth * 2) decimal digits",
                messageID: messageID
            )
        }
        buffer.writeInteger(messageID)
        buffer.writeInteger(bodyProperties)
        if let protocolVersion { buffer.writeInteger(protocolVersion) }
        buffer.writeBytes(phone)
        buffer.writeInteger(serialNumber)
        if let subpackage {
            buffer.writeInteger(subpackage.total)
            buffer.writeInteger(subpackage.index)
        }
    }
}

/// The package item (消息包封装项): this packet's place in a subpackaged message (2013/2019 table 3).
public struct JT808Subpackage: Hashable, Sendable {
    /// Total packets (消息总包数).
    public var total: UInt16
    /// This packet's sequence number (包序号), starting at 1.
    public var index: UInt16

    /// Creates a package item.
    public init(total: UInt16, index: UInt16) {
        self.total = total
        self.index = index
    }

    /// Whether 1 ≤ index ≤ total, as reassembly requires.
    public var isWellFormed: Bool { total > 0 && index >= 1 && index <= total }
}

/// The encryption bits 10–12 of the body properties (数据加密方式): all zero is plain, bit 10 is RSA.
public struct JT808Encryption: RawRepresentable, Hashable, Sendable {
    /// The three bits as a number 0–7 (bit 10 is the lowest).
    public var rawValue: UInt8

    /// Wraps the three bits.
    public init(rawValue: UInt8) { self.rawValue = rawValue & 0x07 }

    /// Not encrypted.
    public static let none = JT808Encryption(rawValue: 0)
    /// RSA (bit 10).
    public static let rsa = JT808Encryption(rawValue: 1)
}
