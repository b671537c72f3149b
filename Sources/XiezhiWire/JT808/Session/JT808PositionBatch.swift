import Foundation

/// Positions the host must store durably before the session acknowledges the report that carried them.
///
/// One batch per 0x0200 (one report) or 0x0704 (all its items). Answer `positionsPersisted(token)`
/// once they are durable: only then does the terminal get its 0x8001, so an acknowledged position is
/// always in the store.
public struct JT808PositionBatch: Hashable, Sendable {
    /// Names this batch in `positionsPersisted` / `positionsNotPersisted`.
    public var token: JT808PersistenceToken
    /// The terminal's canonical key (the phone without leading zeros, `JT808Header.terminalKey`).
    public var terminalKey: String
    /// The vehicle's plate as the store knows it, when known.
    public var plate: String?
    /// 0x0200 or 0x0704.
    public var messageID: UInt16
    /// The terminal's serial number of the report (of its first packet when it was subpackaged).
    public var serialNumber: UInt16
    /// Where the positions come from.
    public var source: Source
    /// The positions, in the order carried (not necessarily time order: back-fill).
    public var reports: [JT808LocationReport]
    /// When the report arrived, by the host's clock.
    public var receivedAt: Date

    /// 0x0200 real time, or the 0x0704 batch type.
    public enum Source: Hashable, Sendable {
        /// 0x0200 位置信息汇报 — a real-time report.
        case realTime
        /// 0x0704 定位数据批量上传 — a batch, normal (0) or 盲区补报 back-fill (1).
        case batch(JT808BatchLocationUpload.Kind)
    }

    /// Creates a batch.
    public init(
        token: JT808PersistenceToken, terminalKey: String, plate: String?, messageID: UInt16, serialNumber: UInt16,
        source: Source, reports: [JT808LocationReport], receivedAt: Date
    ) {
        self.token = token
        self.terminalKey = terminalKey
        self.plate = plate
        self.messageID = messageID
        self.serialNumber = serialNumber
        self.source = source
        self.reports = reports
        self.receivedAt = receivedAt
    }
}

/// Names one `JT808PositionBatch` of one session; tokens increase from 1 and are never reused.
public struct JT808PersistenceToken: RawRepresentable, Hashable, Sendable, Comparable, CustomStringConvertible {
    /// The number.
    public var rawValue: UInt64

    /// Wraps a number.
    public init(rawValue: UInt64) { self.rawValue = rawValue }

    /// Orders by number.
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }

    /// `#12`.
    public var description: String { "#\(rawValue)" }
}
