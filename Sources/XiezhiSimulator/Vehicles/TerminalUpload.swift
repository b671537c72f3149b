import Foundation

/// One message a simulated terminal sends with positions: a real-time 0x0200, or a 0x0704 batch (normal, or 盲区补报
/// back-fill of fixes taken while it was offline).
public struct TerminalUpload: Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        /// 0x0200 位置信息汇报.
        case report
        /// 0x0704 定位数据批量上传; `backfill` is type 1 (盲区补报).
        case batch(backfill: Bool)
    }

    public var kind: Kind
    /// The fixes carried, oldest first.
    public var fixes: [SimulatedFix]

    public init(kind: Kind, fixes: [SimulatedFix]) {
        self.kind = kind
        self.fixes = fixes
    }

    /// The device time of the newest fix: when the upload can be sent at the earliest.
    public var due: Date { fixes.last?.time ?? .distantPast }

    /// The uploads of a trip: fixes older than `liveFrom` go as back-fill batches of up to 40 (large enough to be
    /// subpackaged), the rest one 0x0200 each, except that every eighth upload groups three fixes in a normal batch (a
    /// terminal that buffers). With no `liveFrom`, the first third of the trip is back-filled.
    public static func plan(_ fixes: [SimulatedFix], liveFrom: Date?) -> [TerminalUpload] {
        let cut = liveFrom.map { live in fixes.firstIndex { $0.time >= live } ?? fixes.count } ?? fixes.count / 3
        var uploads: [TerminalUpload] = []
        var index = 0
        while index < cut {
            let end = min(index + 40, cut)
            uploads.append(TerminalUpload(kind: .batch(backfill: true), fixes: Array(fixes[index..<end])))
            index = end
        }
        while index < fixes.count {
            if uploads.count % 8 == 7, index + 3 <= fixes.count {
                uploads.append(TerminalUpload(kind: .batch(backfill: false), fixes: Array(fixes[index..<index + 3])))
                index += 3
            } else {
                uploads.append(TerminalUpload(kind: .report, fixes: [fixes[index]]))
                index += 1
            }
        }
        return uploads
    }
}
