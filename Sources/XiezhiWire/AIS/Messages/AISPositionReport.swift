/// Types 1, 2, 3 — Class A position report (ITU-R M.1371-5 §3.3.7.2.2, table 45).
///
/// 168 bits; gpsd 3.22 accepts 163 bits or more (a 163-bit report has a 14-bit radio status).
public struct AISPositionReport: Sendable, Hashable, Codable {
    /// Type (1 scheduled, 2 assigned scheduled, 3 response to interrogation), repeat, MMSI.
    public var header: AISHeader
    /// Navigational status 0–15 (0 under way using engine … 15 not defined) (gpsd `status`).
    public var navigationStatus: Int
    /// Rate of turn as transmitted, −128…127: ROT_AIS = 4.733·√(ROT deg/min), sign = direction (negative =
    /// to port); ±127 = turning faster than 5°/30 s without a turn indicator; −128 = not available (gpsd `turn`).
    public var rateOfTurn: Int
    /// Speed over ground in 0.1 knot; 1023 = not available, 1022 = 102.2 knots or more (gpsd `speed`).
    public var speedOverGround: Int
    /// Position accuracy flag: true = high (< 10 m, DGNSS) (gpsd `accuracy`).
    public var positionAccuracy: Bool
    /// Longitude in 1/10 000 minute, east positive; 181° (108 600 000) = not available (gpsd `lon`).
    public var longitude: Int
    /// Latitude in 1/10 000 minute, north positive; 91° (54 600 000) = not available (gpsd `lat`).
    public var latitude: Int
    /// Course over ground in 0.1°; 3600 = not available (gpsd `course`).
    public var courseOverGround: Int
    /// True heading in degrees; 511 = not available (gpsd `heading`).
    public var trueHeading: Int
    /// UTC second of the position fix; 60 n/a, 61 manual, 62 dead reckoning, 63 inoperative (gpsd `second`).
    public var timestampSecond: Int
    /// Special manoeuvre indicator 0–2 (inland AIS: blue sign, 0 n/a, 1 no, 2 yes) (gpsd `maneuver`).
    public var maneuver: Int
    /// RAIM flag (gpsd `raim`).
    public var raim: Bool
    /// Radio status (SOTDMA/ITDMA communication state) as an integer (gpsd `radio`).
    public var radioStatus: Int

    /// Decodes types 1–3.
    init(_ payload: AISPayload) throws(AISError) {
        try AISLength.atLeast(163, payload)
        header = AISHeader(payload)
        navigationStatus = payload.int(38, 4)
        rateOfTurn = payload.sint(42, 8)
        speedOverGround = payload.int(50, 10)
        positionAccuracy = payload.flag(60)
        longitude = payload.sint(61, 28)
        latitude = payload.sint(89, 27)
        courseOverGround = payload.int(116, 12)
        trueHeading = payload.int(128, 9)
        timestampSecond = payload.int(137, 6)
        maneuver = payload.int(143, 2)
        raim = payload.flag(148)
        radioStatus = payload.int(149, min(19, payload.bitCount - 149))
    }

    /// Longitude in degrees, nil when not available.
    public var longitudeDegrees: Double? { AISPosition.degrees(tenThousandthsOfMinute: longitude, limit: 180) }
    /// Latitude in degrees, nil when not available.
    public var latitudeDegrees: Double? { AISPosition.degrees(tenThousandthsOfMinute: latitude, limit: 90) }
    /// Speed in knots, nil when not available (1023); 102.2 means 102.2 knots or more.
    public var speedKnots: Double? { speedOverGround == 1023 ? nil : Double(speedOverGround) / 10 }

    /// Rate of turn in degrees per minute, signed (negative = to port): (ROT_AIS / 4.733)², nil when not
    /// available (−128) or only the direction is known (±127).
    public var rateOfTurnDegreesPerMinute: Double? {
        guard abs(rateOfTurn) < 127 else { return nil }
        let root = Double(rateOfTurn) / 4.733
        return rateOfTurn < 0 ? -(root * root) : root * root
    }
}
