extension AISPositionReport {
    /// A Class A position report (types 1–3) from raw field values (units as in the message: 1/10 000 minute,
    /// 0.1 kn, 0.1°; 91°/181°, 1023, 3600, 511 and 60 mean not available).
    public init(
        header: AISHeader, navigationStatus: Int, rateOfTurn: Int = -128, speedOverGround: Int, positionAccuracy: Bool = false,
        longitude: Int, latitude: Int, courseOverGround: Int, trueHeading: Int = 511, timestampSecond: Int = 60, maneuver: Int = 0,
        raim: Bool = false, radioStatus: Int = 0
    ) {
        self.header = header
        self.navigationStatus = navigationStatus
        self.rateOfTurn = rateOfTurn
        self.speedOverGround = speedOverGround
        self.positionAccuracy = positionAccuracy
        self.longitude = longitude
        self.latitude = latitude
        self.courseOverGround = courseOverGround
        self.trueHeading = trueHeading
        self.timestampSecond = timestampSecond
        self.maneuver = maneuver
        self.raim = raim
        self.radioStatus = radioStatus
    }

    /// The 168 bits.
    func write(into bits: inout AISPayload) {
        bits.append(header)
        bits.appendField(navigationStatus, width: 4)
        bits.appendSigned(rateOfTurn, width: 8)
        bits.appendField(speedOverGround, width: 10)
        bits.appendFlag(positionAccuracy)
        bits.appendSigned(longitude, width: 28)
        bits.appendSigned(latitude, width: 27)
        bits.appendField(courseOverGround, width: 12)
        bits.appendField(trueHeading, width: 9)
        bits.appendField(timestampSecond, width: 6)
        bits.appendField(maneuver, width: 2)
        bits.appendField(0, width: 3)
        bits.appendFlag(raim)
        bits.appendField(radioStatus, width: 19)
    }
}

extension AISStaticVoyageData {
    /// Type 5 from field values (draught in 0.1 m; ETA month 0, day 0, hour 24, minute 60 mean not available).
    public init(
        header: AISHeader, aisVersion: Int = 0, imo: Int = 0, callSign: String, shipName: String, shipType: Int, dimensions: AISDimensions,
        epfd: Int = 1, etaMonth: Int = 0, etaDay: Int = 0, etaHour: Int = 24, etaMinute: Int = 60, draught: Int, destination: String,
        dte: Bool = false
    ) {
        self.header = header
        self.aisVersion = aisVersion
        self.imo = imo
        self.callSign = callSign
        self.shipName = shipName
        self.shipType = shipType
        self.dimensions = dimensions
        self.epfd = epfd
        self.etaMonth = etaMonth
        self.etaDay = etaDay
        self.etaHour = etaHour
        self.etaMinute = etaMinute
        self.draught = draught
        self.destination = destination
        self.dte = dte
    }

    /// The 424 bits.
    func write(into bits: inout AISPayload) {
        bits.append(header)
        bits.appendField(aisVersion, width: 2)
        bits.appendField(imo, width: 30)
        bits.appendText(callSign, characters: 7)
        bits.appendText(shipName, characters: 20)
        bits.appendField(shipType, width: 8)
        bits.append(dimensions)
        bits.appendField(epfd, width: 4)
        bits.appendField(etaMonth, width: 4)
        bits.appendField(etaDay, width: 5)
        bits.appendField(etaHour, width: 5)
        bits.appendField(etaMinute, width: 6)
        bits.appendField(draught, width: 8)
        bits.appendText(destination, characters: 20)
        bits.appendFlag(dte)
        bits.appendField(0, width: 1)
    }
}

extension AISClassBPositionReport {
    /// A standard Class B position report (type 18) from raw field values (units as in type 1).
    public init(
        header: AISHeader, speedOverGround: Int, positionAccuracy: Bool = false, longitude: Int, latitude: Int, courseOverGround: Int,
        trueHeading: Int = 511, timestampSecond: Int = 60, carrierSense: Bool = true, display: Bool = false, dsc: Bool = false,
        band: Bool = true, message22: Bool = false, assigned: Bool = false, raim: Bool = false, radioStatus: Int = 0
    ) {
        self.header = header
        self.reserved = 0
        self.speedOverGround = speedOverGround
        self.positionAccuracy = positionAccuracy
        self.longitude = longitude
        self.latitude = latitude
        self.courseOverGround = courseOverGround
        self.trueHeading = trueHeading
        self.timestampSecond = timestampSecond
        self.regional = 0
        self.carrierSense = carrierSense
        self.display = display
        self.dsc = dsc
        self.band = band
        self.message22 = message22
        self.assigned = assigned
        self.raim = raim
        self.radioStatus = radioStatus
    }

    /// The 168 bits.
    func write(into bits: inout AISPayload) {
        bits.append(header)
        bits.appendField(reserved, width: 8)
        bits.appendField(speedOverGround, width: 10)
        bits.appendFlag(positionAccuracy)
        bits.appendSigned(longitude, width: 28)
        bits.appendSigned(latitude, width: 27)
        bits.appendField(courseOverGround, width: 12)
        bits.appendField(trueHeading, width: 9)
        bits.appendField(timestampSecond, width: 6)
        bits.appendField(regional, width: 2)
        bits.appendFlag(carrierSense)
        bits.appendFlag(display)
        bits.appendFlag(dsc)
        bits.appendFlag(band)
        bits.appendFlag(message22)
        bits.appendFlag(assigned)
        bits.appendFlag(raim)
        bits.appendField(radioStatus, width: 20)
    }
}

extension AISStaticDataReport {
    /// Part A: 168 bits (the name and 8 spare bits); part B: 168 bits (the vendor id as 3 characters, model, serial,
    /// call sign, dimensions or the mothership's MMSI, 6 spare bits).
    func write(into bits: inout AISPayload) {
        bits.append(header)
        switch part {
        case .a(let shipName):
            bits.appendField(0, width: 2)
            bits.appendText(shipName, characters: 20)
            bits.appendField(0, width: 8)
        case .b(let b):
            bits.appendField(1, width: 2)
            bits.appendField(b.shipType, width: 8)
            bits.appendText(b.vendorID, characters: 3)
            bits.appendField(b.model, width: 4)
            bits.appendField(b.serial, width: 20)
            bits.appendText(b.callSign, characters: 7)
            if let mothership = b.mothershipMMSI {
                bits.appendField(mothership, width: 30)
            } else {
                bits.append(b.dimensions ?? AISDimensions(toBow: 0, toStern: 0, toPort: 0, toStarboard: 0))
            }
            bits.appendField(0, width: 6)
        }
    }
}
