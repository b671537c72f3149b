import Foundation
import NIOCore
import Testing
@testable import XiezhiWire

typealias SessionMachine = JT808SessionStateMachine
typealias SessionAction = JT808SessionStateMachine.Action

/// Frames of jt808.md §5, as published (checksums re-checked there).
enum SessionVectors {
    /// §5.8 go-jt808 0x0100 2013: phone 012345678901, serial 0, plate 测A1234.
    static let registration2013 =
        "7e0100002c0123456789010000001f007363640000007777772e3830382e636f6d0000000000000000003736353433323101b2e24131323334cc7e"
    /// §5.8 go-jt808 0x0100 2011: the same terminal, 32-byte body.
    static let registration2011 =
        "7e010000200123456789010000001f007363640000007777772e3830382e3736353433323101b2e24131323334a17e"
    /// §5.8 go-jt808 0x0100 2019: phone 00000000017299841738, serial 0.
    static let registration2019 =
        "7e0100405301000000000172998417380000001f007363640000000000000000007777772e3830382e636f6d0000000000000000000000000000000000000037363534333231000000000000000000000000000000000000000000000001b2e241313233343b7e"
    /// §5.16 go-jt808 0x8100: phone 012345678901, serial 0, answering serial 0, result 0, code 12345678901.
    static let registrationResponse =
        "7e8100000e01234567890100000000003132333435363738393031377e"
    /// §5.10 go-jt808 0x0102 2013 twin: phone 012345678901, serial 0, code 17299841738.
    static let authentication2013 = "7e0102000b01234567890100003137323939383431373338b57e"
    /// §5.10 go-jt808 0x0102 2019: phone 00000000017299841738, code 17299841738.
    static let authentication2019 =
        "7e0102402f010000000001729984173800000b3137323939383431373338313233343536373839303132333435332e372e31350000000000000000000000000000227e"
    /// §5.9 SmallChi 0x0102 2013: phone 012345678900, serial 12345, code 456121111.
    static let authenticationSmallChi = "7E010200090123456789003039343536313231313131BE7E"
    /// §5.13 SmallChi 0x8001: phone 012345678900, serial 10, answering 0x0200 serial 100, result 0.
    static let generalResponse = "7E80010005012345678900000A0064020000617E"
    /// §5.15 SmallChi plain heartbeat: phone 012345678900, serial 10.
    static let heartbeat = "7E00020000012345678900000A817E"
    /// §5.15 SmallChi logout: phone 012345678900, serial 1.
    static let unregister = "7E0003000001234567890000018B7E"
    /// §5.2 go-jt808 0x0200: phone 012345678901, serial 0.
    static let location2013 =
        "7e0200001c0123456789010000000004000000080007203b7d0202633df70138000300632410012359591c7e"
    /// §5.4 yezhihao 0x0200 with a 2019 header: phone 00000000017299841738, serial 65535.
    static let location2019 =
        "7e0200407c0100000000017299841738ffff000004000000080006eeb6ad02633df701380003006320070719235901040000000b02020016030200210402002c051e3737370000000000000000000000000000000000000000000000000000001105420000004212064d0000004d4d1307000000580058582504000000632a02000a2b040000001430011e310128637e"
    /// §5.11 SmallChi 0x0704: phone 112233445566, serial 8888, two items, normal batch.
    static let batch =
        "7E0704005311223344556622B80002000026000000010000000200BA7F0E07E4F11C0028003C0000180715101010010400000064020200370026000000020000000100CB735507E6A32300290036007818071510103001040000006002020042D47E"
    /// §5.12 xtream-codec 0x8003 2013: phone 013912344323, serial 0, original serial 111, IDs 2,3,4.
    static let resendRequest2013 = "7e800300090139123443230000006f030002000300049d7e"
    /// §5.12 xtream-codec 0x8003 2019: phone 00000000013912344329, serial 0, original serial 111, IDs 2,3,4.
    static let resendRequest2019 = "7e8003400a01000000000139123443290000006f0003000200030004d57e"
    /// §5.1 SmallChi 0x0200 body (serial 126 frame): the report alone, for frames built here.
    static let smallChiLocation =
        "7E 02 00 00 26 12 34 56 78 90 12 00 7D 02 00 00 00 01 00 00 00 02 00 BA 7F 0E 07 E4 F1 1C 00 28 00 3C 00 00 18 10 15 10 10 10 01 04 00 00 00 64 02 02 00 7D 01 13 7E"
}

/// A fixed start time; the tests move forward from it.
let sessionStart = Date(timeIntervalSince1970: 1_750_000_000)

/// `sessionStart` plus `seconds`.
func elapsed(_ seconds: TimeInterval) -> Date { sessionStart.addingTimeInterval(seconds) }

/// A frame decoded from a published hex vector.
func vectorFrame(_ hex: String) throws -> JT808Frame {
    try JT808Frame(escaped: hexBuffer(hex))
}

/// A frame carrying `message`, built by the codec.
func codecFrame(
    _ message: JT808Message, phone: String, serial: UInt16, version: JT808Version = .v2013
) throws -> JT808Frame {
    try JT808Frame(message: message, terminalPhone: phone, serialNumber: serial, version: version)
}

/// `message` split into packets of a subpackaged message, one per serial, in index order.
func subpackagedFrames(
    _ message: JT808Message, phone: String, serials: [UInt16], version: JT808Version = .v2013
) throws -> [JT808Frame] {
    let body = try message.encodedBody(version: version)
    let count = serials.count
    let chunk = (body.readableBytes + count - 1) / count
    return serials.indices.map { index in
        let start = index * chunk
        let slice = body.getSlice(at: body.readerIndex + start, length: min(chunk, body.readableBytes - start))!
        let header = JT808Header(
            messageID: message.messageID, terminalPhone: phone, serialNumber: serials[index], version: version,
            subpackage: JT808Subpackage(total: UInt16(count), index: UInt16(index + 1))
        )
        return JT808Frame(header: header, body: slice)
    }
}

/// A location report for tests: Jiaxing, 2025-03-05 08:30:00 GMT+8 plus `second` seconds.
func sampleReport(second: Int = 0) -> JT808LocationReport {
    JT808LocationReport(
        status: [.positioned], latitude: 30_746_000, longitude: 120_755_000, speed: 600,
        time: JT808BCDTime(year: 2025, month: 3, day: 5, hour: 8, minute: 30, second: second)!
    )
}

extension JT808SessionStateMachine.Action {
    /// The frame of a `send`, if this is one.
    var sentFrame: JT808Frame? {
        if case .send(let frame) = self { return frame }
        return nil
    }

    /// The batch of a `persistPositions`, if this is one.
    var batch: JT808PositionBatch? {
        if case .persistPositions(let batch) = self { return batch }
        return nil
    }

    /// The counter of a `count`, if this is one.
    var counter: JT808SessionCounter? {
        if case .count(let counter) = self { return counter }
        return nil
    }

    /// The reason of a `close`, if this is one.
    var closeReason: JT808SessionStateMachine.CloseReason? {
        if case .close(let reason) = self { return reason }
        return nil
    }
}

extension Array where Element == JT808SessionStateMachine.Action {
    /// The frames sent, in order.
    var sentFrames: [JT808Frame] { compactMap(\.sentFrame) }
    /// The batches to persist, in order.
    var batches: [JT808PositionBatch] { compactMap(\.batch) }
    /// The kinds counted, in order.
    var counted: [JT808SessionCounter.Kind] { compactMap(\.counter?.kind) }
    /// The close reason, if any.
    var closeReason: JT808SessionStateMachine.CloseReason? { lazy.compactMap(\.closeReason).first }

    /// The single sent frame decoded, failing the test when there is not exactly one.
    func onlySent(sourceLocation: SourceLocation = #_sourceLocation) throws -> (header: JT808Header, message: JT808Message) {
        let frames = sentFrames
        try #require(frames.count == 1, "expected one frame sent, got \(frames.count): \(self)", sourceLocation: sourceLocation)
        return (frames[0].header, try JT808Message(frame: frames[0]))
    }

    /// The single sent frame as a 0x8001 body.
    func onlyGeneralResponse(sourceLocation: SourceLocation = #_sourceLocation) throws -> JT808GeneralResponse {
        let (_, message) = try onlySent(sourceLocation: sourceLocation)
        guard case .platformGeneralResponse(let response) = message else {
            Issue.record("expected a 0x8001, got \(message)", sourceLocation: sourceLocation)
            throw JT808Error(.invalidValue, "not a general response")
        }
        return response
    }
}

/// Wire bytes of a frame, upper-case hex.
func wireHex(_ frame: JT808Frame) throws -> String {
    hexString(try frame.encoded())
}

/// Drives a session the way the channel handler will: bytes through `JT808FrameSplitter`, every frame
/// or codec error into the session.
struct SessionDriver {
    var session: SessionMachine
    var splitter = JT808FrameSplitter()

    init(_ session: SessionMachine) { self.session = session }

    /// Feeds raw bytes at `date`; returns every action, in order.
    mutating func receive(_ bytes: [UInt8], at date: Date) -> [SessionAction] {
        splitter.append(contentsOf: bytes)
        var actions: [SessionAction] = []
        while true {
            do {
                guard let frame = try splitter.next() else { return actions }
                actions += session.handle(.frameReceived(frame, at: date))
            } catch {
                actions += session.handle(.decodeFailed(error, at: date))
            }
        }
    }
}

/// A session authenticated as `phone` (2013 unless `version` says otherwise), its actions drained.
func authenticatedSession(
    phone: String = "012345678901", version: JT808Version = .v2013, plate: String? = "浙F12345",
    configuration: SessionMachine.Configuration = SessionMachine.Configuration(), firstSerialNumber: UInt16 = 0
) throws -> SessionMachine {
    var session = SessionMachine(configuration: configuration, connectedAt: sessionStart, firstSerialNumber: firstSerialNumber)
    let authentication = JT808Authentication(
        authenticationCode: "AUTH", imei: version == .v2019 ? "123456789012345" : nil,
        softwareVersion: version == .v2019 ? "1.0" : nil
    )
    let request = session.handle(.frameReceived(
        try codecFrame(.authentication(authentication), phone: phone, serial: 0, version: version), at: sessionStart
    ))
    try #require(request.count == 1)
    let answer = session.handle(.authenticationLookup(.accepted(plate: plate)))
    try #require(session.isAuthenticated)
    try #require(answer.sentFrames.count == 1)
    return session
}
