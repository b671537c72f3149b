/// gpsd 3.22-compatible JSON: the object `gpsdecode -j -s` prints for a message (scaled values, gpsd's field
/// names, key order, number formats and text legends).
///
/// Where gpsd 3.22 is wrong this output is right instead; these are the only intended differences (the
/// comparison test against `gpsdecode` allows exactly these and nothing else):
///
/// 1. `turn` (types 1–3) keeps its sign: gpsd 3.22 prints `(ROT/4.733)²` rounded with `%.0f` and drops the
///    sign, so a turn to port (raw −15) prints `10`; here it prints `-10` (gpsd ≥ 3.26 fixed the sign too).
///    A value that rounds to zero prints `0`, never `-0`.
/// 2. Type 24 parts are always separate objects with `"part":"A"` / `"part":"B"`. Even with `-s`, gpsd 3.22
///    merges a part B with the last part A of the same MMSI on the same channel into one object without
///    `part` that also carries `shipname`.
/// 3. Type 26 `radio` is the decoded communication state (the last 20 bits); gpsd 3.22 never decodes it and
///    always prints 0.
/// 4. Type 8 DAC 200 FI 23 (EMMA warning) `start`/`end` are `YYYY-MM-DDThh:mm`; gpsd 3.22 passes the
///    arguments in the wrong order and prints `YYYY-MM-hhTmm:DD` for `start`.
/// 5. IMO DAC 1 applications of types 6 and 8 (met/hydro, dangerous cargo, tidal window, …) are printed as
///    opaque `"data":"bits:hex"`, which gpsd prints for every other unknown application; gpsd 3.22 decodes them.
/// 6. The six-bit strings of DAC 200 FI 21/22 (`country`, `locode`, `section`, `terminal`, `hectometre`) and
///    FI 24 (`country`) are JSON-escaped; gpsd 3.22 prints them raw (invalid JSON if one holds `"` or `\`).
/// 7. In `data` hex dumps the bits past the payload's end are zero; gpsd 3.22 copies the sender's fill bits
///    there for types 6, 17, 25 and 26 (a difference only when a sender sets fill bits to 1).
extension AISMessage {
    /// One line of JSON (no newline). `device` is printed after `class` when given, as gpsd prints the
    /// source (`gpsdecode` prints `"device":"stdin"`); nil omits it, as gpsd does for an empty device.
    public func gpsdJSON(device: String? = nil) -> String {
        var json = GPSDJSONWriter()
        json.string("class", "AIS")
        if let device, !device.isEmpty { json.string("device", device) }
        let header = self.header
        json.int("type", header.messageType)
        json.int("repeat", header.repeatIndicator)
        json.int("mmsi", header.mmsi)
        json.bool("scaled", true)

        switch self {
        case .positionReport(let m):
            json.int("status", m.navigationStatus)
            json.string("status_text", GPSDLegends.navigationStatus[m.navigationStatus])
            json.raw("turn", Self.turnLegend(m.rateOfTurn))
            switch m.speedOverGround {
            case 1023: json.raw("speed", "\"nan\"")
            case 1022: json.raw("speed", "\"fast\"")
            default: json.fixed("speed", Double(m.speedOverGround) / 10, digits: 1)
            }
            json.bool("accuracy", m.positionAccuracy)
            Self.position(&json, m.longitude, m.latitude)
            json.fixed("course", Double(m.courseOverGround) / 10, digits: 1)
            json.int("heading", m.trueHeading)
            json.int("second", m.timestampSecond)
            json.int("maneuver", m.maneuver)
            json.bool("raim", m.raim)
            json.int("radio", m.radioStatus)

        case .baseStationReport(let m):
            json.raw("timestamp", "\"" + Self.pad(m.year, 4) + "-" + Self.pad(m.month) + "-" + Self.pad(m.day) + "T"
                + Self.pad(m.hour) + ":" + Self.pad(m.minute) + ":" + Self.pad(m.second) + "Z\"")
            json.bool("accuracy", m.positionAccuracy)
            Self.position(&json, m.longitude, m.latitude)
            json.int("epfd", m.epfd)
            json.string("epfd_text", GPSDLegends.epfd(m.epfd))
            json.bool("raim", m.raim)
            json.int("radio", m.radioStatus)

        case .staticVoyageData(let m):
            json.int("imo", m.imo)
            json.int("ais_version", m.aisVersion)
            json.string("callsign", m.callSign)
            json.string("shipname", m.shipName)
            json.int("shiptype", m.shipType)
            json.string("shiptype_text", GPSDLegends.shipType(m.shipType))
            Self.dimensions(&json, m.dimensions)
            json.int("epfd", m.epfd)
            json.string("epfd_text", GPSDLegends.epfd(m.epfd))
            json.raw("eta", "\"" + Self.pad(m.etaMonth) + "-" + Self.pad(m.etaDay) + "T" + Self.pad(m.etaHour) + ":"
                + Self.pad(m.etaMinute) + "Z\"")
            json.fixed("draught", Double(m.draught) / 10, digits: 1)
            json.string("destination", m.destination)
            json.int("dte", m.dte ? 1 : 0)

        case .addressedBinary(let m):
            json.int("seqno", m.sequenceNumber)
            json.int("dest_mmsi", m.destinationMMSI)
            json.bool("retransmit", m.retransmit)
            json.int("dac", m.dac)
            json.int("fid", m.fid)
            Self.addressedApplication(&json, m.application)

        case .acknowledgement(let m):
            for (index, mmsi) in m.destinations.enumerated() {
                json.int("mmsi\(index + 1)", mmsi)
            }

        case .broadcastBinary(let m):
            json.int("dac", m.dac)
            json.int("fid", m.fid)
            Self.broadcastApplication(&json, m.application)

        case .sarAircraftReport(let m):
            switch m.altitude {
            case 4095: json.raw("alt", "\"nan\"")
            case 4094: json.raw("alt", "\"high\"")
            default: json.int("alt", m.altitude)
            }
            switch m.speedOverGround {
            case 1023: json.raw("speed", "\"nan\"")
            case 1022: json.raw("speed", "\"fast\"")
            default: json.int("speed", m.speedOverGround)
            }
            json.bool("accuracy", m.positionAccuracy)
            Self.position(&json, m.longitude, m.latitude)
            json.fixed("course", Double(m.courseOverGround) / 10, digits: 1)
            json.int("second", m.timestampSecond)
            json.int("regional", m.regional)
            json.int("dte", m.dte ? 1 : 0)
            json.bool("raim", m.raim)
            json.int("radio", m.radioStatus)

        case .utcInquiry(let m):
            json.int("dest_mmsi", m.destinationMMSI)

        case .addressedSafetyMessage(let m):
            json.int("seqno", m.sequenceNumber)
            json.int("dest_mmsi", m.destinationMMSI)
            json.bool("retransmit", m.retransmit)
            json.string("text", m.text)

        case .safetyBroadcast(let m):
            json.string("text", m.text)

        case .interrogation(let m):
            json.int("mmsi1", m.mmsi1)
            json.int("type1_1", m.type1_1)
            json.int("offset1_1", m.offset1_1)
            json.int("type1_2", m.type1_2)
            json.int("offset1_2", m.offset1_2)
            json.int("mmsi2", m.mmsi2)
            json.int("type2_1", m.type2_1)
            json.int("offset2_1", m.offset2_1)

        case .assignedModeCommand(let m):
            json.int("mmsi1", m.mmsi1)
            json.int("offset1", m.offset1)
            json.int("increment1", m.increment1)
            json.int("mmsi2", m.mmsi2)
            json.int("offset2", m.offset2)
            json.int("increment2", m.increment2)

        case .gnssBroadcast(let m):
            json.fixed("lon", Double(m.longitude) / 600, digits: 1)
            json.fixed("lat", Double(m.latitude) / 600, digits: 1)
            json.raw("data", "\"\(m.data.bitCount):\(m.data.hex)\"")

        case .classBPositionReport(let m):
            json.int("reserved", m.reserved)
            json.fixed("speed", Double(m.speedOverGround) / 10, digits: 1)
            json.bool("accuracy", m.positionAccuracy)
            Self.position(&json, m.longitude, m.latitude)
            json.fixed("course", Double(m.courseOverGround) / 10, digits: 1)
            json.int("heading", m.trueHeading)
            json.int("second", m.timestampSecond)
            json.int("regional", m.regional)
            json.bool("cs", m.carrierSense)
            json.bool("display", m.display)
            json.bool("dsc", m.dsc)
            json.bool("band", m.band)
            json.bool("msg22", m.message22)
            json.bool("raim", m.raim)
            json.int("radio", m.radioStatus)

        case .classBExtendedReport(let m):
            json.int("reserved", m.reserved)
            json.fixed("speed", Double(m.speedOverGround) / 10, digits: 1)
            json.bool("accuracy", m.positionAccuracy)
            Self.position(&json, m.longitude, m.latitude)
            json.fixed("course", Double(m.courseOverGround) / 10, digits: 1)
            json.int("heading", m.trueHeading)
            json.int("second", m.timestampSecond)
            json.int("regional", m.regional)
            json.string("shipname", m.shipName)
            json.int("shiptype", m.shipType)
            json.string("shiptype_text", GPSDLegends.shipType(m.shipType))
            Self.dimensions(&json, m.dimensions)
            json.int("epfd", m.epfd)
            json.string("epfd_text", GPSDLegends.epfd(m.epfd))
            json.bool("raim", m.raim)
            json.int("dte", m.dte ? 1 : 0)
            json.bool("assigned", m.assigned)

        case .dataLinkManagement(let m):
            for (index, reservation) in m.reservations.enumerated() {
                json.int("offset\(index + 1)", reservation.offset)
                json.int("number\(index + 1)", reservation.number)
                json.int("timeout\(index + 1)", reservation.timeout)
                json.int("increment\(index + 1)", reservation.increment)
            }

        case .aidToNavigationReport(let m):
            json.int("aid_type", m.aidType)
            json.string("aid_type_text", GPSDLegends.navaidType(m.aidType))
            json.string("name", m.name)
            Self.position(&json, m.longitude, m.latitude)
            json.bool("accuracy", m.positionAccuracy)
            Self.dimensions(&json, m.dimensions)
            json.int("epfd", m.epfd)
            json.string("epfd_text", GPSDLegends.epfd(m.epfd))
            json.int("second", m.timestampSecond)
            json.int("regional", m.regional)
            json.bool("off_position", m.offPosition)
            json.bool("raim", m.raim)
            json.bool("virtual_aid", m.virtualAid)

        case .channelManagement(let m):
            json.int("channel_a", m.channelA)
            json.int("channel_b", m.channelB)
            json.int("txrx", m.txrxMode)
            json.bool("power", m.lowPower)
            let addressed: Bool
            switch m.target {
            case .stations(let first, let second):
                addressed = true
                json.int("dest1", first)
                json.int("dest2", second)
            case .area(let neLon, let neLat, let swLon, let swLat):
                addressed = false
                Self.area(&json, neLon, neLat, swLon, swLat)
            }
            json.bool("addressed", addressed)
            json.bool("band_a", m.bandA)
            json.bool("band_b", m.bandB)
            json.int("zonesize", m.zoneSize)

        case .groupAssignment(let m):
            Self.area(&json, m.northEastLongitude, m.northEastLatitude, m.southWestLongitude, m.southWestLatitude)
            json.int("stationtype", m.stationType)
            json.string("stationtype_text", GPSDLegends.stationType(m.stationType))
            json.int("shiptype", m.shipType)
            json.string("shiptype_text", GPSDLegends.shipType(m.shipType))
            json.int("interval", m.interval)
            json.int("quiet", m.quietTime)

        case .staticDataReport(let m):
            switch m.part {
            case .a(let shipName):
                json.string("part", "A")
                json.string("shipname", shipName)
            case .b(let b):
                json.string("part", "B")
                json.int("shiptype", b.shipType)
                json.string("shiptype_text", GPSDLegends.shipType(b.shipType))
                json.string("vendorid", b.vendorID)
                json.int("model", b.model)
                json.int("serial", b.serial)
                json.string("callsign", b.callSign)
                if let mothership = b.mothershipMMSI {
                    json.int("mothership_mmsi", mothership)
                } else if let dimensions = b.dimensions {
                    Self.dimensions(&json, dimensions)
                }
            }

        case .singleSlotBinary(let m), .multipleSlotBinary(let m):
            json.bool("addressed", m.addressed)
            json.bool("structured", m.structured)
            json.int("dest_mmsi", m.destinationMMSI)
            json.int("app_id", m.applicationID)
            json.raw("data", "\"\(m.data.bitCount):\(m.data.hex)\"")
            if let radio = m.radioStatus { json.int("radio", radio) }

        case .longRangeReport(let m):
            json.string("status", GPSDLegends.navigationStatus[m.navigationStatus])
            json.bool("accuracy", m.positionAccuracy)
            json.fixed("lon", Double(m.longitude) / 600, digits: 1)
            json.fixed("lat", Double(m.latitude) / 600, digits: 1)
            json.int("speed", m.speedOverGround)
            json.int("course", m.courseOverGround)
            json.bool("raim", m.raim)
            json.bool("gnss", m.gnss)
        }
        return json.object
    }

    // MARK: - Pieces shared by several types

    /// gpsd's `turn`: `"nan"` (−128), `"fastleft"` (−127), `"fastright"` (127), else (raw/4.733)² with `%.0f`,
    /// signed (deviation 1 above).
    static func turnLegend(_ raw: Int) -> String {
        switch raw {
        case -128: return "\"nan\""
        case -127: return "\"fastleft\""
        case 127: return "\"fastright\""
        default:
            let root = Double(raw) / 4.733
            let magnitude = GPSDJSONWriter.fixed(root * root, digits: 0)
            return raw < 0 && magnitude != "0" ? "-" + magnitude : magnitude
        }
    }

    /// `"lon":%.6f,"lat":%.6f` from 1/10 000 minute.
    static func position(_ json: inout GPSDJSONWriter, _ longitude: Int, _ latitude: Int) {
        json.fixed("lon", Double(longitude) / 600_000, digits: 6)
        json.fixed("lat", Double(latitude) / 600_000, digits: 6)
    }

    /// `"to_bow":…,"to_stern":…,"to_port":…,"to_starboard":…`
    static func dimensions(_ json: inout GPSDJSONWriter, _ dimensions: AISDimensions) {
        json.int("to_bow", dimensions.toBow)
        json.int("to_stern", dimensions.toStern)
        json.int("to_port", dimensions.toPort)
        json.int("to_starboard", dimensions.toStarboard)
    }

    /// Types 22/23 corners from 0.1 minute, printed `"%f"` inside quotes as gpsd does.
    static func area(_ json: inout GPSDJSONWriter, _ neLon: Int, _ neLat: Int, _ swLon: Int, _ swLat: Int) {
        json.raw("ne_lon", "\"" + GPSDJSONWriter.fixed(Double(neLon) / 600, digits: 6) + "\"")
        json.raw("ne_lat", "\"" + GPSDJSONWriter.fixed(Double(neLat) / 600, digits: 6) + "\"")
        json.raw("sw_lon", "\"" + GPSDJSONWriter.fixed(Double(swLon) / 600, digits: 6) + "\"")
        json.raw("sw_lat", "\"" + GPSDJSONWriter.fixed(Double(swLat) / 600, digits: 6) + "\"")
    }

    /// `%02u`-style zero padding (wider values print in full).
    static func pad(_ value: Int, _ width: Int = 2) -> String {
        let digits = String(value)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }

    static func addressedApplication(_ json: inout GPSDJSONWriter, _ application: AISAddressedApplication) {
        switch application {
        case .opaque(let data):
            json.raw("data", "\"\(data.bitCount):\(data.hex)\"")
        case .inlandETA(let eta):
            inlandLocation(&json, eta.location)
            json.raw("eta", "\"\(eta.month)-\(eta.day)T\(eta.hour):\(eta.minute)\"")
            json.int("tugs", eta.tugs)
            json.int("airdraught", eta.airDraught)
        case .inlandRTA(let rta):
            inlandLocation(&json, rta.location)
            json.raw("eta", "\"\(rta.month)-\(rta.day)T\(rta.hour):\(rta.minute)\"")
            json.int("status", rta.status)
            json.string("status_text", GPSDLegends.rtaStatus[rta.status])
        case .inlandPersonsOnBoard(let persons):
            json.int("crew", persons.crew)
            json.int("passengers", persons.passengers)
            json.int("personnel", persons.personnel)
        case .atonMonitoring(let aton):
            json.bool("off_pos", aton.offPosition)
            json.bool("alarm", aton.alarm)
            json.int("stat_ext", aton.statusExtended)
            let analogue = [
                ("ana_int", aton.analogueInternal), ("ana_ext1", aton.analogueExternal1), ("ana_ext2", aton.analogueExternal2),
            ]
            for (name, value) in analogue {
                if value != 0 {
                    json.fixed(name, Double(value) * 0.05, digits: 2)
                } else {
                    json.int(name, value)
                }
            }
            json.int("racon", aton.racon)
            json.string("racon_text", GPSDLegends.raconStatus[aton.racon])
            json.int("light", aton.light)
            json.string("light_text", GPSDLegends.lightStatus[aton.light])
        }
    }

    static func inlandLocation(_ json: inout GPSDJSONWriter, _ location: AISInlandLocation) {
        json.string("country", location.country)
        json.string("locode", location.locode)
        json.string("section", location.section)
        json.string("terminal", location.terminal)
        json.string("hectometre", location.hectometre)
    }

    static func broadcastApplication(_ json: inout GPSDJSONWriter, _ application: AISBroadcastApplication) {
        switch application {
        case .opaque(let data):
            json.raw("data", "\"\(data.bitCount):\(data.hex)\"")
        case .inlandStaticVoyage(let ship):
            json.string("vin", ship.vesselIdentification)
            json.int("length", ship.length)
            json.int("beam", ship.beam)
            json.int("shiptype", ship.shipType)
            json.string("shiptype_text", GPSDLegends.inlandShipType(ship.shipType))
            json.int("hazard", ship.hazard)
            json.string("hazard_text", GPSDLegends.lookup(GPSDLegends.hazardTypes, ship.hazard, invalid: "INVALID HAZARD TYPE"))
            json.int("draught", ship.draught)
            json.int("loaded", ship.loaded)
            json.string("loaded_text", GPSDLegends.lookup(GPSDLegends.loadStatus, ship.loaded, invalid: "INVALID LOAD STATUS"))
            json.bool("speed_q", ship.speedQuality)
            json.bool("course_q", ship.courseQuality)
            json.bool("heading_q", ship.headingQuality)
        case .emmaWarning(let emma):
            json.raw("start", "\"" + pad(emma.startYear + 2000, 4) + "-" + pad(emma.startMonth) + "-" + pad(emma.startDay)
                + "T" + pad(emma.startHour) + ":" + pad(emma.startMinute) + "\"")
            json.raw("end", "\"" + pad(emma.endYear + 2000, 4) + "-" + pad(emma.endMonth) + "-" + pad(emma.endDay)
                + "T" + pad(emma.endHour) + ":" + pad(emma.endMinute) + "\"")
            json.fixed("start_lon", Double(emma.startLongitude) / 600_000, digits: 6)
            json.fixed("start_lat", Double(emma.startLatitude) / 600_000, digits: 6)
            json.fixed("end_lon", Double(emma.endLongitude) / 600_000, digits: 6)
            json.fixed("end_lat", Double(emma.endLatitude) / 600_000, digits: 6)
            json.int("type", emma.weatherType)
            json.string("type_text", GPSDLegends.lookup(GPSDLegends.emmaTypes, emma.weatherType, invalid: "INVALID EMMA TYPE"))
            json.int("min", emma.minimum)
            json.int("max", emma.maximum)
            json.int("class", emma.intensity)
            json.string("class_text", GPSDLegends.lookup(GPSDLegends.emmaClasses, emma.intensity, invalid: "INVALID EMMA TYPE"))
            json.int("wind", emma.wind)
            json.string("wind_text", GPSDLegends.lookup(GPSDLegends.emmaWinds, emma.wind, invalid: "INVALID EMMA WIND DIRECTION"))
        case .waterLevels(let levels):
            json.string("country", levels.country)
            json.raw("gauges", "[" + levels.gauges.map { "{\"id\":\($0.id),\"level\":\($0.level)}" }.joined(separator: ",") + "]")
        case .signalStatus(let signal):
            position(&json, signal.longitude, signal.latitude)
            json.int("form", signal.form)
            json.int("facing", signal.facing)
            json.int("direction", signal.direction)
            json.string("direction_text", GPSDLegends.lookup(GPSDLegends.directions, signal.direction, invalid: "INVALID DIRECTION"))
            json.int("status", signal.status)
            json.string("status_text", GPSDLegends.lookup(GPSDLegends.signalStatus, signal.status, invalid: "INVALID STATUS"))
        }
    }
}
