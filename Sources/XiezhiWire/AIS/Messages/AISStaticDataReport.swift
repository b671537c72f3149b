/// Type 24 — Class B static data report (ITU-R M.1371-5 table 81): part A (name) or part B (type, vendor,
/// call sign, dimensions or mother ship), each a message of its own.
///
/// Part A: 160–168 bits; part B: 168 bits or more. An MMSI of the form 98MIDxxxx (auxiliary craft) carries the
/// mother ship's MMSI in part B instead of dimensions.
public struct AISStaticDataReport: Sendable, Hashable, Codable {
    /// The content of one part.
    public enum Part: Sendable, Hashable, Codable {
        /// Part A: the ship name, up to 20 characters (gpsd `shipname`).
        case a(shipName: String)
        /// Part B.
        case b(PartB)
    }

    /// Part B fields.
    public struct PartB: Sendable, Hashable, Codable {
        /// Type of ship and cargo (gpsd `shiptype`).
        public var shipType: Int
        /// Vendor id read as 7 six-bit characters (ITU-R M.1371-3 layout; gpsd `vendorid`).
        public var vendorID: String
        /// Unit model code, 4 bits (M.1371-4 layout; gpsd `model`).
        public var model: Int
        /// Serial number, 20 bits (gpsd `serial`).
        public var serial: Int
        /// Call sign, up to 7 characters (gpsd `callsign`).
        public var callSign: String
        /// Antenna offsets; nil for an auxiliary craft.
        public var dimensions: AISDimensions?
        /// The mother ship's MMSI for an auxiliary craft (gpsd `mothership_mmsi`); nil otherwise.
        public var mothershipMMSI: Int?

        /// Creates part B content.
        public init(
            shipType: Int, vendorID: String, model: Int, serial: Int, callSign: String, dimensions: AISDimensions?,
            mothershipMMSI: Int?
        ) {
            self.shipType = shipType
            self.vendorID = vendorID
            self.model = model
            self.serial = serial
            self.callSign = callSign
            self.dimensions = dimensions
            self.mothershipMMSI = mothershipMMSI
        }
    }

    /// Type 24, repeat, MMSI.
    public var header: AISHeader
    /// Part A or part B.
    public var part: Part

    /// Creates a report from its parts.
    public init(header: AISHeader, part: Part) {
        self.header = header
        self.part = part
    }

    /// True when `mmsi` is an auxiliary craft's (98MIDxxxx).
    public static func isAuxiliaryCraft(mmsi: Int) -> Bool {
        mmsi / 10_000_000 == 98
    }

    /// Decodes type 24.
    init(_ payload: AISPayload) throws(AISError) {
        header = AISHeader(payload)
        switch payload.int(38, 2) {
        case 0:
            try AISLength.within(160...168, payload)
            part = .a(shipName: payload.text(at: 40, characters: 20))
        case 1:
            try AISLength.atLeast(168, payload)
            let auxiliary = Self.isAuxiliaryCraft(mmsi: header.mmsi)
            part = .b(PartB(
                shipType: payload.int(40, 8),
                vendorID: payload.text(at: 48, characters: 7),
                model: payload.int(66, 4),
                serial: payload.int(70, 20),
                callSign: payload.text(at: 90, characters: 7),
                dimensions: auxiliary ? nil : AISDimensions(payload, at: 132),
                mothershipMMSI: auxiliary ? payload.int(132, 30) : nil
            ))
        case let number:
            throw AISError(.invalidPartNumber, "Type 24 part number \(number) is not defined (0 = A, 1 = B).", offset: 38, messageType: 24)
        }
    }
}
