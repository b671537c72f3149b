import Foundation
import Testing
import XiezhiCore
import XiezhiData

/// Shared inputs for the overload tests: the real limits file, record builders for each axle configuration, and
/// JSON surgery on the real file for override and malformed-data cases.
enum OverloadFixtures {
    static let pinghu = JurisdictionCode(rawValue: "330482")!
    static let jiashan = JurisdictionCode(rawValue: "330421")!
    static let jinshan = JurisdictionCode(rawValue: "310116")!
    static let qingpu = JurisdictionCode(rawValue: "310118")!
    static let wujiang = JurisdictionCode(rawValue: "320509")!

    static let hash = String(repeating: "ab", count: 32)

    static func realBytes() throws -> Data { try BundledData.rulesFile("overload-limits.json") }

    /// The shipped `Data/rules/overload-limits.json`, decoded.
    static func real() throws -> OverloadLimits { try OverloadLimits(json: try realBytes()) }

    /// The real file as a mutable JSON tree.
    static func realTree() throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: try realBytes()) as? [String: Any])
    }

    /// Decodes a JSON tree as limits.
    static func limits(_ tree: [String: Any]) throws -> OverloadLimits {
        try OverloadLimits(json: try JSONSerialization.data(withJSONObject: tree))
    }

    /// The real file with `edit` applied to its JSON tree.
    static func editedLimits(_ edit: (inout [String: Any]) throws -> Void) throws -> OverloadLimits {
        var tree = try realTree()
        try edit(&tree)
        return try limits(tree)
    }

    static var testCitation: [String: Any] { ["law": "测试用规定", "article": "第一条", "confidence": "unverified"] }

    // MARK: - Axles

    /// A steering axle: single tyres, not driven.
    static func steer(group: Int = 1) -> WeighAxle {
        WeighAxle(weightKg: 0, group: group, tyres: .single, drive: false, airSuspension: false)
    }

    /// A drive axle.
    static func drive(group: Int, tyres: TyreFitting = .dual, air: Bool = false) -> WeighAxle {
        WeighAxle(weightKg: 0, group: group, tyres: tyres, drive: true, airSuspension: air)
    }

    /// A non-driven axle (tag, pusher or trailer axle).
    static func carry(group: Int, tyres: TyreFitting = .dual, wide: Bool? = nil) -> WeighAxle {
        WeighAxle(weightKg: 0, group: group, tyres: tyres, drive: false, airSuspension: false, wideTyres: wide)
    }

    /// One configuration of the limits table, as axles with no weights yet.
    struct Configuration: CustomStringConvertible, Sendable {
        var name: String
        var vehicle: WeighVehicle
        var axles: [WeighAxle]
        var limitKg: Int
        var description: String { name }
    }

    /// Every row of Order 62 Art. 3 ¶1 (四)–(八), with a typical axle layout.
    static let configurations: [Configuration] = [
        Configuration(name: "二轴货车 4×2", vehicle: .truck, axles: [steer(), drive(group: 2)], limitKg: 18000),
        Configuration(name: "三轴货车 6×4", vehicle: .truck, axles: [steer(), drive(group: 2), drive(group: 2)], limitKg: 25000),
        Configuration(
            name: "三轴汽车列车 4×2 + 单轴半挂", vehicle: .combination, axles: [steer(), drive(group: 2), carry(group: 3)], limitKg: 27000
        ),
        Configuration(
            name: "四轴货车 双转向 8×4", vehicle: .truck, axles: [steer(), steer(), drive(group: 2), drive(group: 2)], limitKg: 31000
        ),
        Configuration(
            name: "四轴汽车列车 4×2 + 二轴半挂", vehicle: .combination,
            axles: [steer(), drive(group: 2), carry(group: 3), carry(group: 3)], limitKg: 36000
        ),
        Configuration(
            name: "五轴汽车列车 4×2 + 三轴半挂", vehicle: .combination,
            axles: [steer(), drive(group: 2), carry(group: 3), carry(group: 3), carry(group: 3)], limitKg: 43000
        ),
        Configuration(
            name: "六轴汽车列车 6×4 + 三轴半挂", vehicle: .combination,
            axles: [steer(), drive(group: 2), drive(group: 2), carry(group: 3), carry(group: 3), carry(group: 3)], limitKg: 49000
        ),
        Configuration(
            name: "六轴汽车列车 4×2 单驱动轴 + 四轴挂车", vehicle: .combination,
            axles: [steer(), drive(group: 2), carry(group: 3), carry(group: 3), carry(group: 4), carry(group: 4)], limitKg: 46000
        ),
        Configuration(
            name: "七轴汽车列车 6×4 + 四轴挂车", vehicle: .combination,
            axles: [steer(), drive(group: 2), drive(group: 2), carry(group: 3), carry(group: 3), carry(group: 4), carry(group: 4)],
            limitKg: 49000
        ),
    ]

    /// `axles` with `grossKg` spread over them (the remainder on the last axle), so the axle sum equals the gross.
    static func spread(_ axles: [WeighAxle], grossKg: Int) -> [WeighAxle] {
        guard !axles.isEmpty else { return [] }
        var out = axles
        let share = grossKg / axles.count
        for index in out.indices { out[index].weightKg = share }
        out[out.count - 1].weightKg += grossKg - share * axles.count
        return out
    }

    /// A valid record of `axles` at `grossKg` (axle weights spread to match unless `keepAxleWeights`).
    static func record(
        _ vehicle: WeighVehicle, _ axles: [WeighAxle], grossKg: Int, keepAxleWeights: Bool = false,
        plate: String = "浙F12345", registeredMassKg: Int? = nil, speedKmh: Double = 62.5,
        lengthM: Double? = nil, widthM: Double? = nil, heightM: Double? = nil
    ) -> WeighRecord {
        WeighRecord(
            station: "wim-g228-pinghu", recordID: "R-\(grossKg)", time: Date(timeIntervalSince1970: 1_714_523_400), lane: 1,
            plate: plate, plateColor: "yellow", vehicle: vehicle,
            axles: keepAxleWeights ? axles : spread(axles, grossKg: grossKg), grossKg: grossKg, speedKmh: speedKmh,
            lengthM: lengthM, widthM: widthM, heightM: heightM, registeredMassKg: registeredMassKg,
            photos: [WeighPhoto(kind: "front", sha256: hash, uri: "file:///photos/front.jpg")]
        )
    }

    static func record(_ configuration: Configuration, grossKg: Int) -> WeighRecord {
        record(configuration.vehicle, configuration.axles, grossKg: grossKg)
    }

    /// A six-axle 6×4 combination.
    static var sixAxle: [WeighAxle] { configurations[6].axles }
}
