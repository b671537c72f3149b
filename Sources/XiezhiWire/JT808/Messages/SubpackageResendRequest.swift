import NIOCore

/// 0x8003 补传分包请求 (platform) and 0x0005 (terminal, 2019): the packets to send again.
///
/// Original serial WORD (of the first packet), count, then that many packet IDs (WORD each). The count is
/// a BYTE in 2011/2013 and a WORD in 2019 (2013 table 6 prints offsets 0/4/5, which should be 0/2/3).
/// The resent packets are sent unchanged.
public struct JT808SubpackageResendRequest: JT808MessageBody {
    /// The serial number of the first packet of the original message (原始消息流水号).
    public var originalSerialNumber: UInt16
    /// The packet sequence numbers to resend (重传包 ID 列表).
    public var packetIndices: [UInt16]

    /// Creates a request.
    public init(originalSerialNumber: UInt16, packetIndices: [UInt16]) {
        self.originalSerialNumber = originalSerialNumber
        self.packetIndices = packetIndices
    }

    /// Decodes a body with a BYTE (2011/2013) or WORD (2019) count; the count is checked against the bytes
    /// present first.
    public init(decoding body: ByteBuffer, version: JT808Version) throws(JT808Error) {
        var reader = JT808BodyReader(body, messageID: nil)
        originalSerialNumber = try reader.word("the original serial number")
        let count = version == .v2019
            ? Int(try reader.word("the packet count"))
            : Int(try reader.byte("the packet count"))
        guard count * 2 <= reader.remaining else {
            throw reader.error(.truncatedField, "\(count) packet IDs need \(count * 2) bytes but \(reader.remaining) remain")
        }
        var indices: [UInt16] = []
        indices.reserveCapacity(count)
        for _ in 0..<count { indices.append(try reader.word("a packet ID")) }
        packetIndices = indices
        try reader.expectEnd("a resend request of \(count) packets")
    }

    /// Appends the body; throws `invalid_value` for more IDs than the count field holds.
    public func encode(into body: inout ByteBuffer, version: JT808Version) throws(JT808Error) {
        let limit = version == .v2019 ? Int(UInt16.max) : Int(UInt8.max)
        guard packetIndices.count <= limit else {
            throw JT808Error(.invalidValue, "\(packetIndices.count) packet IDs exceed the \(version.rawValue) count field's \(limit)")
        }
        body.writeInteger(originalSerialNumber)
        if version == .v2019 {
            body.writeInteger(UInt16(packetIndices.count))
        } else {
            body.writeInteger(UInt8(packetIndices.count))
        }
        for index in packetIndices { body.writeInteger(index) }
    }
}
