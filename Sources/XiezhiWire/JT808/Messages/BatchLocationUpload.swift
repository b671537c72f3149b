import NIOCore

/// 0x0704 定位数据批量上传 (batch location upload): 2013 tables 76–77, 2019 tables 67–68.
///
/// Count WORD, type BYTE (0 normal batch, 1 盲区补报 back-fill), then per item a length WORD and a 0x0200
/// body of that length (the printed offsets 0/1/2 are a typo: the count is a WORD). Back-fill means the
/// positions are not in time order.
public struct JT808BatchLocationUpload: JT808MessageBody {
    /// Normal batch or back-fill.
    public var kind: Kind
    /// The reports, in the order carried.
    public var reports: [JT808LocationReport]

    /// 位置数据类型 — 0 正常位置批量汇报, 1 盲区补报.
    public struct Kind: RawRepresentable, Hashable, Sendable {
        /// The type byte.
        public var rawValue: UInt8
        /// Wraps the type byte.
        public init(rawValue: UInt8) { self.rawValue = rawValue }
        /// 0 — a normal batch.
        public static let normal = Kind(rawValue: 0)
        /// 1 盲区补报 — back-fill of positions stored during a coverage gap.
        public static let backfill = Kind(rawValue: 1)
    }

    /// Creates a batch.
    public init(kind: Kind, reports: [JT808LocationReport]) {
        self.kind = kind
        self.reports = reports
    }

    /// Decodes a body; the count is checked against the bytes present before anything is allocated.
    ///
    /// Throws `truncated_field` when an item or the count overruns the body, `invalid_value` for an item
    /// shorter than the 28 basic bytes, `trailing_bytes` after the last counted item.
    public init(decoding body: ByteBuffer, version: JT808Version) throws(JT808Error) {
        var reader = JT808BodyReader(body, messageID: 0x0704)
        let count = Int(try reader.word("the item count"))
        kind = Kind(rawValue: try reader.byte("the location type"))
        let fewestBytes = count * (2 + JT808LocationReport.basicLength)
        guard fewestBytes <= reader.remaining else {
            throw reader.error(
                .truncatedField,
                "\(count) items need at least \(fewestBytes) bytes but \(reader.remaining) remain"
            )
        }
        var reports: [JT808LocationReport] = []
        reports.reserveCapacity(count)
        for number in stride(from: 1, through: count, by: 1) {
            let length = Int(try reader.word("the length of item \(number)"))
            let itemOffset = reader.offset
            guard length >= JT808LocationReport.basicLength else {
                throw reader.error(
                    .invalidValue, "item \(number) is \(length) bytes, shorter than the 28-byte basic information",
                    at: itemOffset - 2
                )
            }
            let slice = try reader.slice(length, "item \(number)")
            do {
                reports.append(try JT808LocationReport(decoding: slice, messageID: 0x0704))
            } catch {
                var located = error
                located.reason = "item \(number): " + located.reason
                located.offset = itemOffset + (located.offset ?? 0)
                throw located
            }
        }
        self.reports = reports
        try reader.expectEnd("a batch of \(count) items")
    }

    /// Appends the body; throws `invalid_value` for more than 65535 items.
    public func encode(into body: inout ByteBuffer, version: JT808Version) throws(JT808Error) {
        guard reports.count <= Int(UInt16.max) else {
            throw JT808Error(.invalidValue, "\(reports.count) items exceed the WORD count", messageID: 0x0704)
        }
        body.writeInteger(UInt16(reports.count))
        body.writeInteger(kind.rawValue)
        for report in reports {
            var item = ByteBuffer()
            try report.encode(into: &item, version: version)
            body.writeInteger(UInt16(item.readableBytes))
            body.writeBuffer(&item)
        }
    }
}
