import Foundation

/// The dispatch table (`dispatch.json`): how long a unit has to accept an order, how fast each kind of unit
/// travels (for the nearest-unit estimate), which alert kinds are dispatched by rule, and the scenes with their
/// on-site checklists (现场执法规范流程). Operational settings carry a citation like every other number; the
/// checklists cite the articles behind each step.
public struct DispatchRules: Sendable, Hashable {
    /// An order not accepted within this time escalates to the commander.
    public var acceptWithin: CitedNumber
    /// Straight-line distance × this percentage = the travel distance estimate.
    public var detourPercent: CitedNumber
    /// Travel speed by unit kind, km/h.
    public var travelSpeedsKmh: [UnitKind: CitedNumber]
    /// Alert kinds the node dispatches by itself to the best unit.
    public var routineAlertKinds: Set<String>
    public var routineCitation: Citation
    public var scenes: [DispatchScene]

    /// A number with its source.
    public struct CitedNumber: Sendable, Hashable, Codable {
        public var value: Int
        public var citation: Citation
        public var note: String?
    }

    public init(json: Data) throws {
        do {
            self = try JSONDecoder().decode(DispatchRulesFile.self, from: json).rules
        } catch let error as DecodingError {
            throw DispatchRulesDecoding.domainError(from: error)
        }
    }

    public init(
        acceptWithin: CitedNumber, detourPercent: CitedNumber, travelSpeedsKmh: [UnitKind: CitedNumber], routineAlertKinds: Set<String>,
        routineCitation: Citation, scenes: [DispatchScene]
    ) {
        self.acceptWithin = acceptWithin
        self.detourPercent = detourPercent
        self.travelSpeedsKmh = travelSpeedsKmh
        self.routineAlertKinds = routineAlertKinds
        self.routineCitation = routineCitation
        self.scenes = scenes
    }

    /// The time a unit has to accept an order.
    public var acceptWithinSeconds: TimeInterval { TimeInterval(acceptWithin.value * 60) }

    /// The scene for an alert (or a case: its violation kind, source `case`): the one listing its kind, else the
    /// default for its source, else nil.
    public func scene(alertKind: String, source: String) -> DispatchScene? {
        scenes.first { $0.alertKinds.contains(alertKind) } ?? scenes.first { $0.defaultForSources.contains(source) }
    }

    public func scene(named name: String) -> DispatchScene? { scenes.first { $0.scene == name } }
}

/// A scene of on-site enforcement: which units go, and the checklists officers follow there.
public struct DispatchScene: Sendable, Hashable, Codable {
    /// `dangerous_goods`, `passenger`, `overload`, `road_transport`, `waterway`.
    public var scene: String
    public var nameZh: String
    /// The alert kinds (detectors) and case violation kinds (a clue case dispatched) of the scene.
    public var alertKinds: [String]
    public var defaultForSources: [String]
    /// The kinds of unit that can work the scene (boats for water).
    public var unitKinds: [UnitKind]
    public var checklists: [OnSiteChecklist]
}

/// One checklist of a scene: a company check or a vehicle (vessel) check.
public struct OnSiteChecklist: Sendable, Hashable, Codable {
    /// `vehicle`, `company` or `vessel`.
    public var check: String
    public var nameZh: String
    public var items: [Item]

    public struct Item: Sendable, Hashable, Codable {
        public var textZh: String
        public var citation: Citation
    }
}

/// Strict decoding for `dispatch.json`.
enum DispatchRulesDecoding: RuleTableDecoding {
    static let invalidTableCode = "invalid_dispatch_rules"
    static let unknownKeyCode = "unknown_dispatch_key"
    static let invalidValueCode = "invalid_dispatch_value"
    static let tableName = "the dispatch file"
    static let citationKeys: Set<String> = ["citation"]
    static let citationRule = "every setting and checklist step in the dispatch table needs its citation"
}

/// The file's shape, checked key by key.
private struct DispatchRulesFile: Decodable {
    var rules: DispatchRules

    enum Keys: String, CodingKey {
        case titleZh, edition, note, acceptWithinMinutes, detourPercent, travelSpeedsKmh, routineAutoDispatch, scenes
    }

    init(from decoder: any Decoder) throws {
        typealias D = DispatchRulesDecoding
        try D.rejectUnknownKeys(in: decoder, allowed: Set(["titleZh", "edition", "note", "acceptWithinMinutes", "detourPercent", "travelSpeedsKmh", "routineAutoDispatch", "scenes"]))
        let root = try decoder.container(keyedBy: Keys.self)
        let accept = try Self.number(root.superDecoder(forKey: .acceptWithinMinutes), 1...24 * 60)
        let detour = try Self.number(root.superDecoder(forKey: .detourPercent), 100...500)
        var speeds: [UnitKind: DispatchRules.CitedNumber] = [:]
        var list = try root.nestedUnkeyedContainer(forKey: .travelSpeedsKmh)
        while !list.isAtEnd {
            let item = try list.superDecoder()
            try D.rejectUnknownKeys(in: item, allowed: ["kind", "value", "citation", "note"])
            let kind = try item.container(keyedBy: AnyCodingKey.self).decode(UnitKind.self, forKey: AnyCodingKey(stringValue: "kind"))
            speeds[kind] = try Self.number(item, 1...200, extraKeys: ["kind"])
        }
        for kind in UnitKind.allCases where speeds[kind] == nil {
            throw DomainError(code: D.invalidValueCode, reason: "travelSpeedsKmh has no speed for '\(kind.rawValue)'")
        }
        let routineDecoder = try root.superDecoder(forKey: .routineAutoDispatch)
        try D.rejectUnknownKeys(in: routineDecoder, allowed: ["alertKinds", "citation", "note"])
        let routine = try routineDecoder.container(keyedBy: AnyCodingKey.self)
        let routineKinds = try routine.decode([String].self, forKey: AnyCodingKey(stringValue: "alertKinds"))
        let routineCitation = try routine.citation(AnyCodingKey(stringValue: "citation"), in: routineDecoder, table: D.self)
        var scenes: [DispatchScene] = []
        var sceneList = try root.nestedUnkeyedContainer(forKey: .scenes)
        while !sceneList.isAtEnd {
            let sceneDecoder = try sceneList.superDecoder()
            try D.rejectUnknownKeys(in: sceneDecoder, allowed: ["scene", "nameZh", "alertKinds", "defaultForSources", "unitKinds", "checklists"])
            let container = try sceneDecoder.container(keyedBy: AnyCodingKey.self)
            func key(_ name: String) -> AnyCodingKey { AnyCodingKey(stringValue: name) }
            var checklists: [OnSiteChecklist] = []
            var checklistList = try container.nestedUnkeyedContainer(forKey: key("checklists"))
            while !checklistList.isAtEnd {
                let checklistDecoder = try checklistList.superDecoder()
                try D.rejectUnknownKeys(in: checklistDecoder, allowed: ["check", "nameZh", "items"])
                let checklist = try checklistDecoder.container(keyedBy: AnyCodingKey.self)
                var items: [OnSiteChecklist.Item] = []
                var itemList = try checklist.nestedUnkeyedContainer(forKey: key("items"))
                while !itemList.isAtEnd {
                    let itemDecoder = try itemList.superDecoder()
                    try D.rejectUnknownKeys(in: itemDecoder, allowed: ["textZh", "citation"])
                    let item = try itemDecoder.container(keyedBy: AnyCodingKey.self)
                    items.append(.init(
                        textZh: try item.decode(String.self, forKey: key("textZh")),
                        citation: try item.citation(key("citation"), in: itemDecoder, table: D.self)))
                }
                try D.require(!items.isEmpty, checklistDecoder, "a checklist needs at least one step")
                checklists.append(.init(check: try checklist.decode(String.self, forKey: key("check")), nameZh: try checklist.decode(String.self, forKey: key("nameZh")), items: items))
            }
            let unitKinds = try container.decode([UnitKind].self, forKey: key("unitKinds"))
            try D.require(!unitKinds.isEmpty, sceneDecoder, "a scene needs at least one unit kind")
            scenes.append(DispatchScene(
                scene: try container.decode(String.self, forKey: key("scene")), nameZh: try container.decode(String.self, forKey: key("nameZh")),
                alertKinds: try container.decode([String].self, forKey: key("alertKinds")),
                defaultForSources: try container.decode([String].self, forKey: key("defaultForSources")), unitKinds: unitKinds, checklists: checklists))
        }
        rules = DispatchRules(
            acceptWithin: accept, detourPercent: detour, travelSpeedsKmh: speeds, routineAlertKinds: Set(routineKinds), routineCitation: routineCitation,
            scenes: scenes)
    }

    /// `{"value", "citation", "note"?}` with the value in `range`.
    static func number(_ decoder: any Decoder, _ range: ClosedRange<Int>, extraKeys: Set<String> = []) throws -> DispatchRules.CitedNumber {
        try DispatchRulesDecoding.rejectUnknownKeys(in: decoder, allowed: Set(["value", "citation", "note"]).union(extraKeys))
        let container = try decoder.container(keyedBy: AnyCodingKey.self)
        let value = try container.decode(Int.self, forKey: AnyCodingKey(stringValue: "value"))
        try DispatchRulesDecoding.require(range.contains(value), decoder, "value \(value) must be between \(range.lowerBound) and \(range.upperBound)")
        return .init(
            value: value, citation: try container.citation(AnyCodingKey(stringValue: "citation"), in: decoder, table: DispatchRulesDecoding.self),
            note: try container.decodeIfPresent(String.self, forKey: AnyCodingKey(stringValue: "note")))
    }
}
