import Foundation
import NIOCore

/// One subpackaged message (分包消息) being put back together from its packets.
///
/// Keyed, as jt808.md §6.5 advises, on the message ID and the total number of packets, not on serial
/// arithmetic: real terminals do not always use consecutive serials (SmallChi's two-packet 0x0104 came
/// with serials 1233 and 1250) although 2013 §7.12 asks for them. Packets are placed by their index
/// (1…total, checked before this type is used); the first copy of an index is kept; the bodies are
/// already stripped of the package item by the header decoder.
struct JT808SubpackageAssembly: Sendable {
    /// Message ID and total packets: at most one message per key is assembled at a time.
    struct Key: Hashable, Sendable, Comparable {
        var messageID: UInt16
        var total: UInt16

        static func < (lhs: Key, rhs: Key) -> Bool {
            (lhs.messageID, lhs.total) < (rhs.messageID, rhs.total)
        }
    }

    /// One received packet.
    struct Packet: Sendable {
        var header: JT808Header
        var body: ByteBuffer
    }

    /// What `add` did with a packet.
    enum Addition: Equatable, Sendable {
        /// A new index was filled.
        case added
        /// The index was already there with the same bytes (a resend): kept the first.
        case duplicate
        /// The index was already there with other bytes: a different message with the same key.
        case conflicting
    }

    let key: Key
    private(set) var packets: [Packet?]
    private(set) var receivedCount = 0
    /// Body bytes received so far.
    private(set) var byteCount = 0
    /// The last packet or resend request: the subpackage timer runs from here.
    var lastActivity: Date
    /// 0x8003 requests sent so far.
    var resendRequests = 0

    /// An empty assembly for `key` (total ≥ 1).
    init(key: Key, at date: Date) {
        self.key = key
        self.packets = Array(repeating: nil, count: Int(key.total))
        self.lastActivity = date
    }

    /// Places packet `index` (1…total).
    mutating func add(index: UInt16, header: JT808Header, body: ByteBuffer, at date: Date) -> Addition {
        let slot = Int(index) - 1
        lastActivity = date
        if let existing = packets[slot] {
            return existing.body == body ? .duplicate : .conflicting
        }
        packets[slot] = Packet(header: header, body: body)
        receivedCount += 1
        byteCount += body.readableBytes
        return .added
    }

    /// Whether every packet is there.
    var isComplete: Bool { receivedCount == packets.count }

    /// The indices still missing, ascending.
    var missingIndices: [UInt16] {
        packets.indices.filter { packets[$0] == nil }.map { UInt16($0 + 1) }
    }

    /// The serial of packet 1 (原始消息流水号, what 0x8003 names): read from packet 1 when it came,
    /// otherwise inferred from the lowest packet received, assuming consecutive serials as 2013 §7.12
    /// asks (wrapping at 65535).
    var originalSerialNumber: UInt16 {
        guard let slot = packets.firstIndex(where: { $0 != nil }), let packet = packets[slot] else { return 0 }
        return packet.header.serialNumber &- UInt16(slot)
    }

    /// Any received packet's header: for the phone and layout of a resend request.
    var someHeader: JT808Header? {
        packets.lazy.compactMap { $0?.header }.first
    }

    /// The whole message once complete: packet 1's header without the package item, and the bodies
    /// joined in index order.
    func assembled() -> (header: JT808Header, body: ByteBuffer)? {
        guard isComplete, var header = packets.first??.header else { return nil }
        var body = ByteBuffer()
        body.reserveCapacity(byteCount)
        for packet in packets {
            guard let packet else { return nil }
            body.writeImmutableBuffer(packet.body)
        }
        header.subpackage = nil
        header.bodyLength = body.readableBytes
        return (header, body)
    }
}
