/// One decoded AIS message (ITU-R M.1371-5), all 27 types.
///
/// Each case holds a struct with the raw field values in their transmitted units (documented per field);
/// `gpsdJSON()` renders the message the way gpsd 3.22's `gpsdecode -j -s` does. Length rules follow gpsd
/// 3.22, measured against its `gpsdecode`: a payload shorter than its type needs is an error, as is one longer
/// than the few types with an upper bound allow; extra bits elsewhere are ignored.
public enum AISMessage: Sendable, Hashable {
    /// Types 1, 2, 3 — Class A position report.
    case positionReport(AISPositionReport)
    /// Types 4 and 11 — base station report / UTC and date response.
    case baseStationReport(AISBaseStationReport)
    /// Type 5 — static and voyage related data (Class A).
    case staticVoyageData(AISStaticVoyageData)
    /// Type 6 — addressed binary message.
    case addressedBinary(AISAddressedBinaryMessage)
    /// Types 7 and 13 — binary / safety-related acknowledgement.
    case acknowledgement(AISAcknowledgement)
    /// Type 8 — broadcast binary message.
    case broadcastBinary(AISBroadcastBinaryMessage)
    /// Type 9 — standard SAR aircraft position report.
    case sarAircraftReport(AISSARAircraftReport)
    /// Type 10 — UTC and date inquiry.
    case utcInquiry(AISUTCInquiry)
    /// Type 12 — addressed safety-related message.
    case addressedSafetyMessage(AISAddressedSafetyMessage)
    /// Type 14 — safety-related broadcast message.
    case safetyBroadcast(AISSafetyBroadcast)
    /// Type 15 — interrogation.
    case interrogation(AISInterrogation)
    /// Type 16 — assigned mode command.
    case assignedModeCommand(AISAssignedModeCommand)
    /// Type 17 — DGNSS broadcast binary message.
    case gnssBroadcast(AISGNSSBroadcast)
    /// Type 18 — standard Class B position report.
    case classBPositionReport(AISClassBPositionReport)
    /// Type 19 — extended Class B position report.
    case classBExtendedReport(AISClassBExtendedReport)
    /// Type 20 — data link management.
    case dataLinkManagement(AISDataLinkManagement)
    /// Type 21 — aid-to-navigation report.
    case aidToNavigationReport(AISAidToNavigationReport)
    /// Type 22 — channel management.
    case channelManagement(AISChannelManagement)
    /// Type 23 — group assignment command.
    case groupAssignment(AISGroupAssignment)
    /// Type 24 — Class B static data report, part A or part B (each part is its own message).
    case staticDataReport(AISStaticDataReport)
    /// Type 25 — single-slot binary message.
    case singleSlotBinary(AISSlotBinaryMessage)
    /// Type 26 — multiple-slot binary message.
    case multipleSlotBinary(AISSlotBinaryMessage)
    /// Type 27 — long-range position report.
    case longRangeReport(AISLongRangeReport)

    /// Decodes a complete payload. Throws `payload_too_short`, `payload_too_long`, `unknown_message_type` or
    /// `invalid_part_number`, with the message type and the bit offset at which the payload ends.
    public init(payload: AISPayload) throws(AISError) {
        guard payload.bitCount >= 38 else {
            throw AISError(
                .payloadTooShort, "An AIS payload needs at least 38 bits (type, repeat, MMSI); this one has \(payload.bitCount).",
                offset: payload.bitCount, messageType: payload.bitCount >= 6 ? payload.messageType : nil
            )
        }
        switch payload.messageType {
        case 1, 2, 3: self = .positionReport(try AISPositionReport(payload))
        case 4, 11: self = .baseStationReport(try AISBaseStationReport(payload))
        case 5: self = .staticVoyageData(try AISStaticVoyageData(payload))
        case 6: self = .addressedBinary(try AISAddressedBinaryMessage(payload))
        case 7, 13: self = .acknowledgement(try AISAcknowledgement(payload))
        case 8: self = .broadcastBinary(try AISBroadcastBinaryMessage(payload))
        case 9: self = .sarAircraftReport(try AISSARAircraftReport(payload))
        case 10: self = .utcInquiry(try AISUTCInquiry(payload))
        case 12: self = .addressedSafetyMessage(try AISAddressedSafetyMessage(payload))
        case 14: self = .safetyBroadcast(try AISSafetyBroadcast(payload))
        case 15: self = .interrogation(try AISInterrogation(payload))
        case 16: self = .assignedModeCommand(try AISAssignedModeCommand(payload))
        case 17: self = .gnssBroadcast(try AISGNSSBroadcast(payload))
        case 18: self = .classBPositionReport(try AISClassBPositionReport(payload))
        case 19: self = .classBExtendedReport(try AISClassBExtendedReport(payload))
        case 20: self = .dataLinkManagement(try AISDataLinkManagement(payload))
        case 21: self = .aidToNavigationReport(try AISAidToNavigationReport(payload))
        case 22: self = .channelManagement(try AISChannelManagement(payload))
        case 23: self = .groupAssignment(try AISGroupAssignment(payload))
        case 24: self = .staticDataReport(try AISStaticDataReport(payload))
        case 25: self = .singleSlotBinary(try AISSlotBinaryMessage(payload, multipleSlot: false))
        case 26: self = .multipleSlotBinary(try AISSlotBinaryMessage(payload, multipleSlot: true))
        case 27: self = .longRangeReport(try AISLongRangeReport(payload))
        case let type:
            throw AISError(.unknownMessageType, "Message type \(type) is not defined (1–27).", offset: 0, messageType: type)
        }
    }

    /// Decodes a single-sentence message straight from one NMEA line (multi-sentence lines need an
    /// `AISAssembler`).
    public init(line: some StringProtocol) throws(AISError) {
        let sentence = try NMEASentence(parsing: line)
        guard sentence.fragmentCount == 1 else {
            throw AISError(
                .orphanFragment,
                "The sentence is fragment \(sentence.fragmentNumber) of \(sentence.fragmentCount); use an AISAssembler."
            )
        }
        try self.init(payload: try AISPayload(armoured: sentence.payload, fillBits: sentence.fillBits))
    }

    /// The common header (type, repeat indicator, MMSI).
    public var header: AISHeader {
        switch self {
        case .positionReport(let message): message.header
        case .baseStationReport(let message): message.header
        case .staticVoyageData(let message): message.header
        case .addressedBinary(let message): message.header
        case .acknowledgement(let message): message.header
        case .broadcastBinary(let message): message.header
        case .sarAircraftReport(let message): message.header
        case .utcInquiry(let message): message.header
        case .addressedSafetyMessage(let message): message.header
        case .safetyBroadcast(let message): message.header
        case .interrogation(let message): message.header
        case .assignedModeCommand(let message): message.header
        case .gnssBroadcast(let message): message.header
        case .classBPositionReport(let message): message.header
        case .classBExtendedReport(let message): message.header
        case .dataLinkManagement(let message): message.header
        case .aidToNavigationReport(let message): message.header
        case .channelManagement(let message): message.header
        case .groupAssignment(let message): message.header
        case .staticDataReport(let message): message.header
        case .singleSlotBinary(let message): message.header
        case .multipleSlotBinary(let message): message.header
        case .longRangeReport(let message): message.header
        }
    }
}

/// The first 38 bits of every AIS message.
public struct AISHeader: Sendable, Hashable, Codable {
    /// Message type 1–27 (gpsd `type`).
    public var messageType: Int
    /// Repeat indicator 0–3: how many times the message was repeated by a repeater (gpsd `repeat`).
    public var repeatIndicator: Int
    /// The sender's MMSI, 30 bits (gpsd `mmsi`).
    public var mmsi: Int

    /// Creates a header.
    public init(messageType: Int, repeatIndicator: Int, mmsi: Int) {
        self.messageType = messageType
        self.repeatIndicator = repeatIndicator
        self.mmsi = mmsi
    }

    /// Reads the header of a payload.
    init(_ payload: AISPayload) {
        self.init(messageType: payload.int(0, 6), repeatIndicator: payload.int(6, 2), mmsi: payload.int(8, 30))
    }
}

/// Antenna position offsets, in metres (bow/stern 0–511, 511 = 511 m or more; port/starboard 0–63, 63 = 63 m or
/// more; 0 = unknown). Length = bow + stern, beam = port + starboard.
public struct AISDimensions: Sendable, Hashable, Codable {
    /// Distance from the reference point to the bow (gpsd `to_bow`).
    public var toBow: Int
    /// Distance to the stern (gpsd `to_stern`).
    public var toStern: Int
    /// Distance to port (gpsd `to_port`).
    public var toPort: Int
    /// Distance to starboard (gpsd `to_starboard`).
    public var toStarboard: Int

    /// Creates dimensions.
    public init(toBow: Int, toStern: Int, toPort: Int, toStarboard: Int) {
        self.toBow = toBow
        self.toStern = toStern
        self.toPort = toPort
        self.toStarboard = toStarboard
    }

    /// Reads the 30-bit dimension block starting at `start`.
    init(_ payload: AISPayload, at start: Int) {
        self.init(
            toBow: payload.int(start, 9), toStern: payload.int(start + 9, 9),
            toPort: payload.int(start + 18, 6), toStarboard: payload.int(start + 24, 6)
        )
    }
}

/// Length checks shared by the message decoders (gpsd 3.22 rules).
enum AISLength {
    /// Throws when the payload is shorter than `minimum` bits.
    static func atLeast(_ minimum: Int, _ payload: AISPayload, type: Int? = nil) throws(AISError) {
        let type = type ?? payload.messageType
        guard payload.bitCount >= minimum else {
            throw AISError(
                .payloadTooShort, "Type \(type) needs at least \(minimum) bits; the payload has \(payload.bitCount).",
                offset: payload.bitCount, messageType: type
            )
        }
    }

    /// Throws when the payload is outside `range` bits.
    static func within(_ range: ClosedRange<Int>, _ payload: AISPayload) throws(AISError) {
        try atLeast(range.lowerBound, payload)
        guard payload.bitCount <= range.upperBound else {
            throw AISError(
                .payloadTooLong, "Type \(payload.messageType) has at most \(range.upperBound) bits; the payload has \(payload.bitCount).",
                offset: range.upperBound, messageType: payload.messageType
            )
        }
    }
}

/// Position conversions (gpsd's divisors).
public enum AISPosition {
    /// Degrees from a position in 1/10 000 minute (28/27-bit fields); nil for the "not available" values
    /// 181° (longitude) and 91° (latitude) and anything beyond them.
    public static func degrees(tenThousandthsOfMinute raw: Int, limit: Double) -> Double? {
        let degrees = Double(raw) / 600_000
        return abs(degrees) > limit ? nil : degrees
    }
}
