import Foundation
import XiezhiCore

/// One agency of the demo and the node it runs: its name (the peer name partners know it by and its data
/// sub-directory), the jurisdictions it speaks for as a partner, its logins, and which WIM stations of the demo region
/// it registers. Each node is seeded from its agency alone (``DemoSeed/seed(_:agency:clock:)``); what crosses between
/// the nodes travels through federation.
public struct DemoAgency: Sendable, Hashable {
    /// The node's name: `pinghu`, `jinshan` (the peer name on the other node, and the data sub-directory).
    public var name: String
    /// 平湖, 金山 (the banner).
    public var chineseName: String
    /// The agency's own jurisdiction.
    public var jurisdiction: JurisdictionCode
    /// The jurisdictions it speaks for as a partner: its own, and the city whose plates it is the agreed contact for
    /// (Pinghu answers 送达互助 for 嘉兴 330400 plates, Jinshan for 上海 310100).
    public var speaksFor: [JurisdictionCode]
    /// The desks whose logins the node holds: the agency's own, and on Pinghu's node 嘉善's waterway desk (the demo's
    /// AIS feed and the Hongqitang checkpoint run there).
    public var desks: [Desk]
    /// The province (first two digits of GB/T 2260) whose demo WIM stations the node registers and feeds.
    public var stationProvince: String
    /// The HTTP port's offset from the demo's first port (Pinghu 8080, Jinshan 8081).
    public var portOffset: Int
    /// Whether the demo's device feeds (JT/T 808 terminals, the AIS feed and simulated ships) run on this node.
    public var runsDeviceFeeds: Bool

    /// The logins of one agency: an account for every role (``Role/allCases`` order), all with ``DemoSeed/password``.
    public struct Desk: Sendable, Hashable {
        public var jurisdiction: JurisdictionCode
        /// The username prefix: `ph`, `js`, `jsh`.
        public var prefix: String
        /// Display names, one per role in ``Role/allCases`` order.
        public var names: [String]
    }

    public static let pinghu = DemoAgency(
        name: "pinghu", chineseName: "平湖", jurisdiction: DemoSeed.pinghu, speaksFor: [DemoSeed.pinghu, JurisdictionCode(rawValue: "330400")!],
        desks: [
            Desk(jurisdiction: DemoSeed.pinghu, prefix: "ph", names: ["陈平", "李勤", "王法", "赵军", "周正", "吴联", "孙审", "钱管"]),
            Desk(jurisdiction: DemoSeed.jiashan, prefix: "jsh", names: ["嘉航", "许水", "冯审", "褚指", "卫善", "蒋协", "韩计", "杨维"]),
        ],
        stationProvince: "33", portOffset: 0, runsDeviceFeeds: true)

    public static let jinshan = DemoAgency(
        name: "jinshan", chineseName: "金山", jurisdiction: DemoSeed.jinshan, speaksFor: [DemoSeed.jinshan, JurisdictionCode(rawValue: "310100")!],
        desks: [Desk(jurisdiction: DemoSeed.jinshan, prefix: "js", names: ["沈金", "顾明", "陆律", "张指", "杨山", "朱协", "徐计", "蒋维"])],
        stationProvince: "31", portOffset: 1, runsDeviceFeeds: false)

    /// The demo's agencies, one node each, in the order their banners are printed.
    public static let all: [DemoAgency] = [.pinghu, .jinshan]

    /// The logins this agency's node holds, in the order printed.
    public var logins: [DemoSeed.Login] {
        desks.flatMap { desk in
            zip(Role.allCases, desk.names).map { role, name in
                DemoSeed.Login(
                    username: "\(desk.prefix).\(role.rawValue.replacingOccurrences(of: "_", with: "-"))", role: role, jurisdiction: desk.jurisdiction,
                    displayName: name)
            }
        }
    }

    /// Whether the node holds accounts of `jurisdiction`.
    public func holds(_ jurisdiction: JurisdictionCode) -> Bool { desks.contains { $0.jurisdiction == jurisdiction } }
}
