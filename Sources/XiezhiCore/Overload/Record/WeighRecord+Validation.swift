extension WeighRecord {
    /// 数据合理性上限 — bounds beyond which a field cannot describe a road vehicle at all; a record outside them is
    /// refused at ingest. They are not legal numbers and sit far above any real truck: the tighter device
    /// plausibility checks that decide "device fault" live in `overload-limits.json` (``SensorSanity``).
    public enum Plausibility {
        /// Longest station or record id, in characters.
        public static let maxIdentifierLength = 128
        /// Highest lane number.
        public static let maxLane = 99
        /// Most axles on one record.
        public static let maxAxles = 24
        /// Heaviest single axle, kg (100 t).
        public static let maxAxleKg = 100_000
        /// Heaviest gross mass, kg (1,000 t).
        public static let maxGrossKg = 1_000_000
        /// Fastest speed, km/h.
        public static let maxSpeedKmh = 300.0
        /// Longest length, m.
        public static let maxLengthM = 100.0
        /// Widest width, m.
        public static let maxWidthM = 20.0
        /// Tallest height, m.
        public static let maxHeightM = 20.0
    }

    /// Checks the values: ids present, at least one axle, positive and plausible weights, contiguous axle groups,
    /// plausible speed and dimensions, at least one photo, each photo with a 64-hex SHA-256.
    ///
    /// Throws the first problem as a ``DomainError``: `missing_station`, `missing_record_id`, `invalid_identifier`,
    /// `invalid_lane`, `no_axles`, `too_many_axles`, `invalid_axle_weight`, `invalid_axle_group`,
    /// `invalid_gross_weight`, `invalid_speed`, `invalid_dimension`, `invalid_registered_mass`, `missing_photos`,
    /// `invalid_photo`. A valid record can still be judged a device fault (axles that do not add up, a speed the
    /// device cannot weigh at): that is the judge's business, not ingest's.
    public func validate() throws {
        func refuse(_ code: String, _ reason: String) -> DomainError { DomainError(code: code, reason: reason) }
        let limits = Plausibility.self
        guard !Self.isBlank(station) else {
            throw refuse("missing_station", "the record names no station")
        }
        guard !Self.isBlank(recordID) else {
            throw refuse("missing_record_id", "the record from station '\(station)' has no record id")
        }
        for (name, value) in [("station", station), ("record_id", recordID)] where value.utf8.count > limits.maxIdentifierLength {
            let characters = value.count
            if characters > limits.maxIdentifierLength {
                throw refuse("invalid_identifier", "\(name) is \(characters) characters long; at most \(limits.maxIdentifierLength)")
            }
        }
        let label = "record \(station)/\(recordID)"
        guard lane >= 1, lane <= limits.maxLane else {
            throw refuse("invalid_lane", "\(label): lane \(lane) is outside 1…\(limits.maxLane)")
        }
        guard !axles.isEmpty else {
            throw refuse("no_axles", "\(label) has no axles; a weighing lists every axle front to back")
        }
        guard axles.count <= limits.maxAxles else {
            throw refuse("too_many_axles", "\(label) has \(axles.count) axles; at most \(limits.maxAxles)")
        }
        for (index, axle) in axles.enumerated() where axle.weightKg <= 0 || axle.weightKg > limits.maxAxleKg {
            throw refuse(
                "invalid_axle_weight",
                "\(label): axle \(index + 1) weighs \(axle.weightKg) kg; an axle weight must be above 0 and at most \(limits.maxAxleKg) kg"
            )
        }
        if let problem = AxleGrouping.contiguityProblem(axles) {
            throw refuse("invalid_axle_group", "\(label): \(problem)")
        }
        guard grossKg > 0, grossKg <= limits.maxGrossKg else {
            throw refuse("invalid_gross_weight", "\(label): gross mass \(grossKg) kg must be above 0 and at most \(limits.maxGrossKg) kg")
        }
        guard speedKmh.isFinite, speedKmh >= 0, speedKmh <= limits.maxSpeedKmh else {
            throw refuse("invalid_speed", "\(label): speed \(speedKmh) km/h must be between 0 and \(Int(limits.maxSpeedKmh)) km/h")
        }
        func checkDimension(_ name: String, _ value: Double?, _ maximum: Double) throws {
            guard let value else { return }
            guard value.isFinite, value > 0, value <= maximum else {
                throw refuse("invalid_dimension", "\(label): \(name) \(value) must be above 0 and at most \(maximum) m")
            }
        }
        try checkDimension("length_m", lengthM, limits.maxLengthM)
        try checkDimension("width_m", widthM, limits.maxWidthM)
        try checkDimension("height_m", heightM, limits.maxHeightM)
        if let registeredMassKg, registeredMassKg <= 0 || registeredMassKg > limits.maxGrossKg {
            throw refuse(
                "invalid_registered_mass",
                "\(label): registered mass \(registeredMassKg) kg must be above 0 and at most \(limits.maxGrossKg) kg"
            )
        }
        guard !photos.isEmpty else {
            throw refuse("missing_photos", "\(label) has no photos; a weighing needs its pictures to be evidence")
        }
        for (index, photo) in photos.enumerated() {
            guard !Self.isBlank(photo.kind), !Self.isBlank(photo.uri) else {
                throw refuse("invalid_photo", "\(label): photo \(index + 1) needs a kind and a uri")
            }
            guard photo.hasWellFormedHash else {
                throw refuse("invalid_photo", "\(label): photo \(index + 1) sha256 '\(photo.sha256)' is not 64 hexadecimal characters")
            }
        }
    }
}

extension WeighRecord {
    /// `true` when `text` is empty or only white space.
    static func isBlank(_ text: String) -> Bool {
        text.unicodeScalars.allSatisfy { $0.properties.isWhitespace }
    }
}

/// How the axles of a record fall into groups (轴组): runs of adjacent axles sharing a group number.
enum AxleGrouping {
    /// The 0-based index of the first axle that starts a run whose group number an earlier run already used, or `nil`
    /// when every group's axles are adjacent. Allocation-free: it runs once per weighing.
    static func firstReappearingAxle(_ axles: [WeighAxle]) -> Int? {
        for index in axles.indices.dropFirst() where axles[index].group != axles[index - 1].group {
            for earlier in 0..<index where axles[earlier].group == axles[index].group {
                return index
            }
        }
        return nil
    }

    /// A sentence when a group number reappears after another group (the axles of a group must be adjacent).
    static func contiguityProblem(_ axles: [WeighAxle]) -> String? {
        guard let index = firstReappearingAxle(axles) else { return nil }
        return "group \(axles[index].group) reappears at axle \(index + 1); the axles of one group must be adjacent"
    }
}
