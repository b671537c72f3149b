/// 轴型 — the axle configuration the judge read from a record: class, axle count, groups, drive axles, tyres.
///
/// Positions are 1-based, front to back. Readings (documented in the limits file's notes):
/// - a group is a run of adjacent axles sharing a group number; 2 axles make a tandem (二轴组), 3 a tridem (三轴组),
///   and each axle counts as an axle (Order 62 Art. 3 ¶2(一));
/// - steering axles are the axles of the front group (axle 1's group) that are not driven: single tyres are normal
///   there and Art. 3 ¶2(二) does not presume dual tyres on them;
/// - on a combination, trailer axles are the axles behind the last drive axle;
/// - the drive axle is "a single axle" (Art. 3 ¶1(八), 46 t) when exactly one axle is driven and its group has no
///   other axle; a driven axle in a tandem (6×4, or 6×2 with a tag axle) is not.
public struct AxleConfiguration: Hashable, Sendable, Codable {
    /// 货车 or 汽车列车.
    public var vehicle: WeighVehicle
    /// 轴数.
    public var axleCount: Int
    /// The groups, front to back.
    public var groups: [AxleGroup]
    /// Driven axles.
    public var driveAxles: [Int]
    /// Steering axles (front group, not driven).
    public var steeringAxles: [Int]
    /// Trailer axles (combinations: behind the last drive axle).
    public var trailerAxles: [Int]
    /// The axles Art. 3 ¶2(二) presumes dual-tyred (non-drive axles of tandems and tridems, and trailer axles).
    public var presumedDualAxles: [Int]
    /// Of those, the axles reported with single tyres.
    public var singleTyredAxles: [Int]
    /// `true` when exactly one axle is driven and it is not part of a tandem or tridem.
    public var driveIsSingleAxle: Bool
    /// `true` when there is a drive axle and every drive axle has dual tyres.
    public var driveDualTyred: Bool
    /// `true` when there is a drive axle and every drive axle has air suspension.
    public var driveAirSuspended: Bool

    /// Creates a configuration.
    public init(
        vehicle: WeighVehicle, axleCount: Int, groups: [AxleGroup], driveAxles: [Int], steeringAxles: [Int],
        trailerAxles: [Int], presumedDualAxles: [Int], singleTyredAxles: [Int], driveIsSingleAxle: Bool,
        driveDualTyred: Bool, driveAirSuspended: Bool
    ) {
        self.vehicle = vehicle
        self.axleCount = axleCount
        self.groups = groups
        self.driveAxles = driveAxles
        self.steeringAxles = steeringAxles
        self.trailerAxles = trailerAxles
        self.presumedDualAxles = presumedDualAxles
        self.singleTyredAxles = singleTyredAxles
        self.driveIsSingleAxle = driveIsSingleAxle
        self.driveDualTyred = driveDualTyred
        self.driveAirSuspended = driveAirSuspended
    }

    /// `六轴汽车列车`, `二轴货车`.
    public var nameZh: String {
        "\(ChineseNumeral.text(axleCount))轴\(vehicle.chineseName)"
    }

    /// Reads the configuration from a record's axles (allocation-lean: it runs once per weighing).
    public init(vehicle: WeighVehicle, axles: [WeighAxle]) {
        let count = axles.count
        var groups: [AxleGroup] = []
        var start = 0
        for index in 0..<count where index > 0 && axles[index].group != axles[index - 1].group {
            groups.append(AxleGroup(firstAxle: start + 1, axleCount: index - start))
            start = index
        }
        if count > 0 { groups.append(AxleGroup(firstAxle: start + 1, axleCount: count - start)) }

        var drive: [Int] = []
        var lastDrive = -1
        for index in 0..<count where axles[index].drive {
            drive.append(index + 1)
            lastDrive = index
        }
        let frontCount = groups.first?.axleCount ?? 0
        var steering: [Int] = []
        for index in 0..<frontCount where !axles[index].drive { steering.append(index + 1) }
        var trailer: [Int] = []
        if vehicle == .combination, lastDrive >= 0 {
            for index in (lastDrive + 1)..<count { trailer.append(index + 1) }
        }
        // Art. 3 ¶2(二): non-drive axles of tandems and tridems, and trailer axles; never the front (steering) group.
        var presumedDual: [Int] = []
        var single: [Int] = []
        var driveGroupIsSingle = false
        for group in groups {
            for position in group.axles {
                let axle = axles[position - 1]
                if axle.drive {
                    if drive.count == 1 { driveGroupIsSingle = group.axleCount == 1 }
                    continue
                }
                let isTrailer = vehicle == .combination && lastDrive >= 0 && position - 1 > lastDrive
                guard position > frontCount, group.axleCount >= 2 || isTrailer else { continue }
                presumedDual.append(position)
                if axle.tyres == .single { single.append(position) }
            }
        }
        var driveDual = !drive.isEmpty
        var driveAir = !drive.isEmpty
        for position in drive {
            driveDual = driveDual && axles[position - 1].tyres == .dual
            driveAir = driveAir && axles[position - 1].airSuspension
        }
        self.init(
            vehicle: vehicle, axleCount: count, groups: groups, driveAxles: drive, steeringAxles: steering,
            trailerAxles: trailer, presumedDualAxles: presumedDual, singleTyredAxles: single,
            driveIsSingleAxle: driveGroupIsSingle, driveDualTyred: driveDual, driveAirSuspended: driveAir
        )
    }

    private enum CodingKeys: String, CodingKey {
        case vehicle
        case axleCount = "axle_count"
        case groups
        case driveAxles = "drive_axles"
        case steeringAxles = "steering_axles"
        case trailerAxles = "trailer_axles"
        case presumedDualAxles = "presumed_dual_axles"
        case singleTyredAxles = "single_tyred_axles"
        case driveIsSingleAxle = "drive_is_single_axle"
        case driveDualTyred = "drive_dual_tyred"
        case driveAirSuspended = "drive_air_suspended"
    }
}

/// 轴组 — a run of adjacent axles sharing a group number.
public struct AxleGroup: Hashable, Sendable, Codable {
    /// The position of its first axle (1-based).
    public var firstAxle: Int
    /// How many axles it has.
    public var axleCount: Int

    /// Creates a group.
    public init(firstAxle: Int, axleCount: Int) {
        self.firstAxle = firstAxle
        self.axleCount = axleCount
    }

    /// The positions of its axles.
    public var axles: ClosedRange<Int> { firstAxle...(firstAxle + axleCount - 1) }

    /// `单轴`, `二轴组`, `三轴组`, `四轴组`.
    public var nameZh: String {
        axleCount == 1 ? "单轴" : "\(ChineseNumeral.text(axleCount))轴组"
    }

    private enum CodingKeys: String, CodingKey {
        case firstAxle = "first_axle"
        case axleCount = "axle_count"
    }
}

/// Small counts in Chinese numerals, as used in configuration names (二轴, 六轴).
enum ChineseNumeral {
    private static let digits = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"]

    /// `二`, `十`, `十二`, `二十四`; plain digits from 100 on.
    static func text(_ value: Int) -> String {
        switch value {
        case 0..<10: digits[value]
        case 10: "十"
        case 11..<20: "十" + digits[value - 10]
        case 20..<100: digits[value / 10] + "十" + (value % 10 == 0 ? "" : digits[value % 10])
        default: "\(value)"
        }
    }
}
