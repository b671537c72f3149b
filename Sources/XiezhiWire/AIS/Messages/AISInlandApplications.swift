/// The lock/bridge/terminal a DAC 200 FI 21/22 message refers to (UN/LOCODE-based RIS location).
public struct AISInlandLocation: Sendable, Hashable, Codable {
    /// UN country code, 2 characters (gpsd `country`).
    public var country: String
    /// UN/LOCODE, 3 characters (gpsd `locode`).
    public var locode: String
    /// Fairway section number, 5 characters (gpsd `section`).
    public var section: String
    /// Terminal code, 5 characters (gpsd `terminal`).
    public var terminal: String
    /// Fairway hectometre, 5 characters (gpsd `hectometre`).
    public var hectometre: String

    init(_ payload: AISPayload) {
        country = payload.text(at: 88, characters: 2)
        locode = payload.text(at: 100, characters: 3)
        section = payload.text(at: 118, characters: 5)
        terminal = payload.text(at: 148, characters: 5)
        hectometre = payload.text(at: 178, characters: 5)
    }
}

/// DAC 200 FI 21 — ETA at lock/bridge/terminal (inland AIS). 预计到达船闸时间
public struct AISInlandETA: Sendable, Hashable, Codable {
    /// Where.
    public var location: AISInlandLocation
    /// ETA month 1–12, 0 = n/a.
    public var month: Int
    /// ETA day 1–31, 0 = n/a.
    public var day: Int
    /// ETA hour 0–23, 24 = n/a.
    public var hour: Int
    /// ETA minute 0–59, 60 = n/a.
    public var minute: Int
    /// Number of assisting tugboats 0–6, 7 = unknown (gpsd `tugs`).
    public var tugs: Int
    /// Air draught in centimetres, 0 = unknown (gpsd `airdraught`).
    public var airDraught: Int

    init(_ payload: AISPayload) {
        location = AISInlandLocation(payload)
        month = payload.int(208, 4)
        day = payload.int(212, 5)
        hour = payload.int(217, 5)
        minute = payload.int(222, 6)
        tugs = payload.int(228, 3)
        airDraught = payload.int(231, 12)
    }
}

/// DAC 200 FI 22 — RTA (requested time of arrival) at lock/bridge/terminal (inland AIS).
public struct AISInlandRTA: Sendable, Hashable, Codable {
    /// Where.
    public var location: AISInlandLocation
    /// RTA month 1–12, 0 = n/a.
    public var month: Int
    /// RTA day, 0 = n/a.
    public var day: Int
    /// RTA hour, 24 = n/a.
    public var hour: Int
    /// RTA minute, 60 = n/a.
    public var minute: Int
    /// Lock status 0 operational, 1 limited, 2 out of order, 3 n/a (gpsd `status`).
    public var status: Int

    init(_ payload: AISPayload) {
        location = AISInlandLocation(payload)
        month = payload.int(208, 4)
        day = payload.int(212, 5)
        hour = payload.int(217, 5)
        minute = payload.int(222, 6)
        status = payload.int(228, 2)
    }
}

/// DAC 200 FI 55 — number of persons on board (inland AIS). 船上人数
public struct AISInlandPersonsOnBoard: Sendable, Hashable, Codable {
    /// Crew members 0–254, 255 = unknown (gpsd `crew`).
    public var crew: Int
    /// Passengers 0–8190, 8191 = unknown (gpsd `passengers`).
    public var passengers: Int
    /// Shipboard personnel 0–254, 255 = unknown (gpsd `personnel`).
    public var personnel: Int

    init(_ payload: AISPayload) {
        crew = payload.int(88, 8)
        passengers = payload.int(96, 13)
        personnel = payload.int(109, 8)
    }
}

/// DAC 235/250 FI 10 — GLA AtoN monitoring data (UK and Ireland).
public struct AISAtoNMonitoring: Sendable, Hashable, Codable {
    /// Internal analogue voltage in 0.05 V (gpsd `ana_int`, volts with 2 decimals when non-zero).
    public var analogueInternal: Int
    /// External analogue 1 in 0.05 V (gpsd `ana_ext1`).
    public var analogueExternal1: Int
    /// External analogue 2 in 0.05 V (gpsd `ana_ext2`).
    public var analogueExternal2: Int
    /// RACON status 0–3 (gpsd `racon`).
    public var racon: Int
    /// Light status 0–3 (gpsd `light`).
    public var light: Int
    /// Alarm flag (gpsd `alarm`).
    public var alarm: Bool
    /// Extended digital status, 8 bits (gpsd `stat_ext`).
    public var statusExtended: Int
    /// Off-position flag (gpsd `off_pos`).
    public var offPosition: Bool

    init(_ payload: AISPayload) {
        analogueInternal = payload.int(88, 10)
        analogueExternal1 = payload.int(98, 10)
        analogueExternal2 = payload.int(108, 10)
        racon = payload.int(118, 2)
        light = payload.int(120, 2)
        alarm = payload.flag(122)
        statusExtended = payload.int(123, 8)
        offPosition = payload.flag(131)
    }
}

/// DAC 200 FI 10 — inland ship static and voyage related data (ENI, convoy length/beam, hazard, draught).
/// 内河船舶静态与航次数据
public struct AISInlandStaticVoyageData: Sendable, Hashable, Codable {
    /// European vessel identification number (ENI), 8 characters (gpsd `vin`).
    public var vesselIdentification: String
    /// Length of ship/convoy in 0.1 m, 0 = unknown (gpsd `length`).
    public var length: Int
    /// Beam of ship/convoy in 0.1 m, 0 = unknown (gpsd `beam`).
    public var beam: Int
    /// ERI ship or combination type code (8000–8370) (gpsd `shiptype`).
    public var shipType: Int
    /// Hazardous cargo: blue cones 0–3, 4 B-flag, 5 unknown (gpsd `hazard`).
    public var hazard: Int
    /// Draught in 0.01 m, 0 = unknown (gpsd `draught`, printed raw).
    public var draught: Int
    /// Loaded/unloaded: 0 n/a, 1 unloaded, 2 loaded (gpsd `loaded`).
    public var loaded: Int
    /// Speed quality: true = high (gpsd `speed_q`).
    public var speedQuality: Bool
    /// Course quality (gpsd `course_q`).
    public var courseQuality: Bool
    /// Heading quality (gpsd `heading_q`).
    public var headingQuality: Bool

    init(_ payload: AISPayload) {
        vesselIdentification = payload.text(at: 56, characters: 8)
        length = payload.int(104, 13)
        beam = payload.int(117, 10)
        shipType = payload.int(127, 14)
        hazard = payload.int(141, 3)
        draught = payload.int(144, 11)
        loaded = payload.int(155, 2)
        speedQuality = payload.flag(157)
        courseQuality = payload.flag(158)
        headingQuality = payload.flag(159)
    }
}

/// DAC 200 FI 23 — EMMA weather warning for a fairway stretch (inland AIS).
public struct AISEMMAWarning: Sendable, Hashable, Codable {
    /// Start year minus 2000.
    public var startYear: Int
    /// Start month.
    public var startMonth: Int
    /// Start day.
    public var startDay: Int
    /// End year minus 2000.
    public var endYear: Int
    /// End month.
    public var endMonth: Int
    /// End day.
    public var endDay: Int
    /// Start hour.
    public var startHour: Int
    /// Start minute.
    public var startMinute: Int
    /// End hour.
    public var endHour: Int
    /// End minute.
    public var endMinute: Int
    /// Start longitude in 1/10 000 minute (gpsd `start_lon`).
    public var startLongitude: Int
    /// Start latitude in 1/10 000 minute (gpsd `start_lat`).
    public var startLatitude: Int
    /// End longitude in 1/10 000 minute (gpsd `end_lon`).
    public var endLongitude: Int
    /// End latitude in 1/10 000 minute (gpsd `end_lat`).
    public var endLatitude: Int
    /// Weather type 0–15 (gpsd `type`).
    public var weatherType: Int
    /// Minimum value, signed (gpsd `min`).
    public var minimum: Int
    /// Maximum value, signed (gpsd `max`).
    public var maximum: Int
    /// Intensity class 0–3 (gpsd `class`).
    public var intensity: Int
    /// Wind direction 0–15 (gpsd `wind`).
    public var wind: Int

    init(_ payload: AISPayload) {
        startYear = payload.int(56, 8)
        startMonth = payload.int(64, 4)
        startDay = payload.int(68, 5)
        endYear = payload.int(73, 8)
        endMonth = payload.int(81, 4)
        endDay = payload.int(85, 5)
        startHour = payload.int(90, 5)
        startMinute = payload.int(95, 6)
        endHour = payload.int(101, 5)
        endMinute = payload.int(106, 6)
        startLongitude = payload.sint(112, 28)
        startLatitude = payload.sint(140, 27)
        endLongitude = payload.sint(167, 28)
        endLatitude = payload.sint(195, 27)
        weatherType = payload.int(222, 4)
        minimum = payload.sint(226, 9)
        maximum = payload.sint(235, 9)
        intensity = payload.int(244, 2)
        wind = payload.int(246, 4)
    }
}

/// DAC 200 FI 24 — water levels at up to four gauges (inland AIS). 水位
public struct AISInlandWaterLevels: Sendable, Hashable, Codable {
    /// One gauge reading.
    public struct Gauge: Sendable, Hashable, Codable {
        /// Gauge id, 11 bits (gpsd `id`).
        public var id: Int
        /// Water level in centimetres, signed 14 bits (gpsd `level`).
        public var level: Int

        /// Creates a reading.
        public init(id: Int, level: Int) {
            self.id = id
            self.level = level
        }
    }

    /// UN country code, 2 characters (gpsd `country`).
    public var country: String
    /// The four gauge slots.
    public var gauges: [Gauge]

    init(_ payload: AISPayload) {
        country = payload.text(at: 56, characters: 2)
        gauges = stride(from: 68, to: payload.bitCount, by: 25).map { start in
            Gauge(id: payload.int(start, 11), level: payload.sint(start + 11, 14))
        }
    }
}

/// DAC 200 FI 40 — signal status of a lock/bridge signal (inland AIS).
public struct AISInlandSignalStatus: Sendable, Hashable, Codable {
    /// Signal position longitude in 1/10 000 minute (gpsd `lon`).
    public var longitude: Int
    /// Signal position latitude in 1/10 000 minute (gpsd `lat`).
    public var latitude: Int
    /// Signal form 0–15 (gpsd `form`).
    public var form: Int
    /// Orientation in degrees, 9 bits (gpsd `facing`).
    public var facing: Int
    /// Direction of impact 0–4 (gpsd `direction`).
    public var direction: Int
    /// Light status, 30 bits (gpsd `status`).
    public var status: Int

    init(_ payload: AISPayload) {
        longitude = payload.sint(56, 28)
        latitude = payload.sint(84, 27)
        form = payload.int(111, 4)
        facing = payload.int(115, 9)
        direction = payload.int(124, 3)
        status = payload.int(127, 30)
    }
}
