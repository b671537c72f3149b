import Foundation
import NIOCore
import XiezhiWire

/// Turns a simulated terminal's messages into the bytes it writes, in its edition and with its quirks: its own serial
/// numbers, subpackaging of bodies over ``packetBodyLimit`` bytes, padding, retransmissions, fragmented writes.
public struct TerminalFramer: Sendable {
    public let terminal: SimulatedTerminal
    /// The serial number of the next frame.
    public private(set) var serialNumber: UInt16
    /// The largest body one packet carries; longer bodies are subpackaged (分包).
    public var packetBodyLimit = 512
    private var odometer: UInt32 = 123_450
    private var uploads = 0

    public init(terminal: SimulatedTerminal, firstSerialNumber: UInt16 = 0) {
        self.terminal = terminal
        self.serialNumber = firstSerialNumber
    }

    /// What to write for one message, and what answers it.
    public struct Outgoing: Sendable {
        /// The writes, in order (one frame may be split across two, or two frames stuck in one).
        public var writes: [ByteBuffer]
        /// The message ID and serial the platform's answer names (the first packet's serial when subpackaged).
        public var messageID: UInt16
        public var serialNumber: UInt16
        /// Each packet's frame by its index, for 0x8003 resend requests.
        public var packets: [UInt16: ByteBuffer]
    }

    /// 0x0100 in the terminal's edition (with ``TerminalQuirk/standardPadding``, padded as the standard prints it).
    public mutating func registration() throws(JT808Error) -> Outgoing {
        var body = ByteBuffer()
        try terminal.registration.encode(
            into: &body, version: terminal.version, padding: terminal.quirks.contains(.standardPadding) ? .standard : .trailingZeros)
        return try frame(messageID: 0x0100, body: body)
    }

    /// 0x0102 with the code from 0x8100 (2019: with IMEI and software version).
    public mutating func authentication(code: String) throws(JT808Error) -> Outgoing {
        let body = terminal.version == .v2019
            ? JT808Authentication(authenticationCode: code, imei: "86" + String(terminal.phone.suffix(13)).padding(toLength: 13, withPad: "0", startingAt: 0), softwareVersion: "XZ-1.4.2")
            : JT808Authentication(authenticationCode: code)
        return try frame(messageID: 0x0102, body: try body.encodedBody(version: terminal.version))
    }

    /// 0x0002.
    public mutating func heartbeat() throws(JT808Error) -> Outgoing {
        try frame(messageID: 0x0002, body: ByteBuffer())
    }

    /// 0x0003.
    public mutating func unregister() throws(JT808Error) -> Outgoing {
        try frame(messageID: 0x0003, body: ByteBuffer())
    }

    /// 0x0200 or 0x0704 carrying `upload`'s fixes.
    public mutating func upload(_ upload: TerminalUpload) throws(JT808Error) -> Outgoing {
        uploads += 1
        let vendor = terminal.quirks.contains(.vendorItems)
        var reports: [JT808LocationReport] = []
        var previous: SimulatedFix?
        for fix in upload.fixes {
            if let previous { odometer &+= UInt32(GeoDistance.metres(previous, fix) / 100) }
            reports.append(fix.report(odometerTenthsKm: odometer, vendorItems: vendor))
            previous = fix
        }
        let message: JT808Message
        switch upload.kind {
        case .report: message = .locationReport(reports[0])
        case .batch(let backfill): message = .batchLocationUpload(JT808BatchLocationUpload(kind: backfill ? .backfill : .normal, reports: reports))
        }
        var outgoing = try frame(messageID: message.messageID, body: try message.encodedBody(version: terminal.version))
        if upload.kind == .report, outgoing.packets.isEmpty {
            if terminal.quirks.contains(.retransmits), uploads % 5 == 0, let first = outgoing.writes.first {
                outgoing.writes.append(first)
            }
            if terminal.quirks.contains(.fragmentedWrites), uploads % 3 == 0, var first = outgoing.writes.first {
                var stuck = try heartbeat().writes[0]
                stuck.writeBuffer(&first)
                let half = stuck.readableBytes / 2
                outgoing.writes = [stuck.getSlice(at: stuck.readerIndex, length: half)!, stuck.getSlice(at: stuck.readerIndex + half, length: stuck.readableBytes - half)!]
            }
        }
        return outgoing
    }

    /// One frame, or the packets of a subpackaged message when the body is over ``packetBodyLimit``.
    mutating func frame(messageID: UInt16, body: ByteBuffer) throws(JT808Error) -> Outgoing {
        let first = serialNumber
        guard body.readableBytes > packetBodyLimit else {
            let header = JT808Header(messageID: messageID, terminalPhone: terminal.phone, serialNumber: nextSerial(), version: terminal.version)
            return Outgoing(writes: [try JT808Frame(header: header, body: body).encoded()], messageID: messageID, serialNumber: first, packets: [:])
        }
        let total = (body.readableBytes + packetBodyLimit - 1) / packetBodyLimit
        var packets: [UInt16: ByteBuffer] = [:]
        var writes: [ByteBuffer] = []
        for index in 0..<total {
            let start = index * packetBodyLimit
            let slice = body.getSlice(at: body.readerIndex + start, length: min(packetBodyLimit, body.readableBytes - start))!
            let header = JT808Header(
                messageID: messageID, terminalPhone: terminal.phone, serialNumber: nextSerial(), version: terminal.version,
                subpackage: JT808Subpackage(total: UInt16(total), index: UInt16(index + 1)))
            if terminal.quirks.contains(.gappedSubpackageSerials) { serialNumber &+= 16 }
            let bytes = try JT808Frame(header: header, body: slice).encoded()
            packets[UInt16(index + 1)] = bytes
            writes.append(bytes)
        }
        return Outgoing(writes: writes, messageID: messageID, serialNumber: first, packets: packets)
    }

    mutating func nextSerial() -> UInt16 {
        defer { serialNumber &+= 1 }
        return serialNumber
    }
}

enum GeoDistance {
    /// Metres between two fixes (equirectangular; fixes are seconds apart).
    static func metres(_ a: SimulatedFix, _ b: SimulatedFix) -> Double {
        let x = (b.longitude - a.longitude) * cos(a.latitude * .pi / 180) * 111_320
        let y = (b.latitude - a.latitude) * 110_540
        return (x * x + y * y).squareRoot()
    }
}
