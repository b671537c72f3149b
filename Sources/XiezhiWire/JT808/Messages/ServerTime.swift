import Foundation
import NIOCore

/// 0x8004 查询服务器时间应答 (server time), the answer to 0x0004 (2019 only, 2019 table 6).
///
/// The body is BCD[6] `YYMMDDhhmmss` in **UTC** (unlike the GMT+8 times of 0x0200): 2017-03-15 17:09:23 UTC
/// travels as `17 03 15 17 09 23`.
public struct JT808ServerTime: JT808MessageBody {
    /// The server time as carried, UTC.
    public var time: JT808BCDTime

    /// Wraps a time that is already UTC.
    public init(time: JT808BCDTime) { self.time = time }

    /// The server time for `date`; nil outside 2000–2099.
    public init?(date: Date) {
        guard let time = JT808BCDTime(date: date, secondsFromGMT: 0) else { return nil }
        self.time = time
    }

    /// The instant, read as UTC; nil when the bytes are not a valid date.
    public var date: Date? { time.date(secondsFromGMT: 0) }

    /// Decodes the 6-byte body; `trailing_bytes` if more follows.
    public init(decoding body: ByteBuffer, version: JT808Version) throws(JT808Error) {
        var reader = JT808BodyReader(body, messageID: 0x8004)
        time = JT808BCDTime(bytes: try reader.bytes(6, "the server time"))
        try reader.expectEnd("a server time answer")
    }

    /// Appends the 6-byte body.
    public func encode(into body: inout ByteBuffer, version: JT808Version) throws(JT808Error) {
        body.writeBytes(time.bytes)
    }
}
