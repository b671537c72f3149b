/// The text legends gpsd 3.22 prints next to coded fields (`status_text`, `shiptype_text`, …), verbatim
/// (spelling included) from its `json_aivdm_dump`.
enum GPSDLegends {
    static let navigationStatus = [
        "Under way using engine", "At anchor", "Not under command", "Restricted manoeuverability",
        "Constrained by her draught", "Moored", "Aground", "Engaged in fishing", "Under way sailing",
        "Reserved for HSC", "Reserved for WIG", "Reserved", "Reserved", "Reserved", "Reserved", "Not defined",
    ]

    static let epfd = [
        "Undefined", "GPS", "GLONASS", "Combined GPS/GLONASS", "Loran-C", "Chayka",
        "Integrated navigation system", "Surveyed", "Galileo",
    ]

    static func epfd(_ code: Int) -> String {
        code < epfd.count ? epfd[code] : "INVALID EPFD"
    }

    static let shipTypes: [String] = {
        var legends = ["Not available"] + Array(repeating: "Reserved for future use", count: 19)
        legends += ["Wing in ground (WIG) - all ships of this type"]
        legends += ["A", "B", "C", "D"].map { "Wing in ground (WIG) - Hazardous category \($0)" }
        legends += Array(repeating: "Wing in ground (WIG) - Reserved for future use", count: 5)
        legends += [
            "Fishing", "Towing", "Towing: length exceeds 200m or breadth exceeds 25m", "Dredging or underwater ops",
            "Diving ops", "Military ops", "Sailing", "Pleasure Craft", "Reserved", "Reserved",
        ]
        legends += ["High speed craft (HSC) - all ships of this type"]
        legends += ["A", "B", "C", "D"].map { "High speed craft (HSC) - Hazardous category \($0)" }
        legends += Array(repeating: "High speed craft (HSC) - Reserved for future use", count: 4)
        legends += ["High speed craft (HSC) - No additional information"]
        legends += [
            "Pilot Vessel", "Search and Rescue vessel", "Tug", "Port Tender", "Anti-pollution equipment",
            "Law Enforcement", "Spare - Local Vessel", "Spare - Local Vessel", "Medical Transport",
            "Ship according to RR Resolution No. 18",
        ]
        for kind in ["Passenger", "Cargo", "Tanker", "Other Type"] {
            legends += ["\(kind) - all ships of this type"]
            legends += ["A", "B", "C", "D"].map { "\(kind) - Hazardous category \($0)" }
            legends += Array(repeating: "\(kind) - Reserved for future use", count: 4)
            legends += [kind == "Other Type" ? "Other Type - no additional information" : "\(kind) - No additional information"]
        }
        return legends
    }()

    static func shipType(_ code: Int) -> String {
        code < shipTypes.count ? shipTypes[code] : "INVALID SHIP TYPE"
    }

    static let stationTypes = [
        "All types of mobiles", "Reserved for future use", "All types of Class B mobile stations",
        "SAR airborne mobile station", "Aid to Navigation station", "Class B shipborne mobile station",
        "Regional use and inland waterways", "Regional use and inland waterways",
        "Regional use and inland waterways", "Regional use and inland waterways",
        "Reserved for future use", "Reserved for future use", "Reserved for future use",
        "Reserved for future use", "Reserved for future use", "Reserved for future use",
    ]

    static func stationType(_ code: Int) -> String {
        code < stationTypes.count ? stationTypes[code] : "INVALID STATION TYPE"
    }

    static let navaidTypes = [
        "Unspecified", "Reference point", "RACON", "Fixed offshore structure", "Spare, Reserved for future use.",
        "Light, without sectors", "Light, with sectors", "Leading Light Front", "Leading Light Rear",
        "Beacon, Cardinal N", "Beacon, Cardinal E", "Beacon, Cardinal S", "Beacon, Cardinal W",
        "Beacon, Port hand", "Beacon, Starboard hand", "Beacon, Preferred Channel port hand",
        "Beacon, Preferred Channel starboard hand", "Beacon, Isolated danger", "Beacon, Safe water",
        "Beacon, Special mark", "Cardinal Mark N", "Cardinal Mark E", "Cardinal Mark S", "Cardinal Mark W",
        "Port hand Mark", "Starboard hand Mark", "Preferred Channel Port hand", "Preferred Channel Starboard hand",
        "Isolated danger", "Safe Water", "Special Mark", "Light Vessel / LANBY / Rigs",
    ]

    static func navaidType(_ code: Int) -> String {
        code < navaidTypes.count ? navaidTypes[code] : "INVALID NAVAID TYPE"
    }

    static let raconStatus = ["No RACON installed", "RACON not monitored", "RACON operational", "RACON ERROR"]
    static let lightStatus = ["No light or no monitoring", "Light ON", "Light OFF", "Light ERROR"]
    static let rtaStatus = ["Operational", "Limited operation", "Out of order", "N/A"]

    /// ERI ship type codes and the SOLAS codes gpsd also matches; the first entry whose code or SOLAS code
    /// equals the value wins, else "Illegal ship type value.".
    static let inlandShipTypes: [(code: Int, solas: Int, legend: String)] = [
        (8000, 99, "Vessel, type unknown"), (8010, 79, "Motor freighter"), (8020, 89, "Motor tanker"),
        (8021, 80, "Motor tanker, liquid cargo, type N"), (8022, 80, "Motor tanker, liquid cargo, type C"),
        (8023, 89, "Motor tanker, dry cargo as if liquid (e.g. cement)"), (8030, 79, "Container vessel"),
        (8040, 80, "Gas tanker"), (8050, 79, "Motor freighter, tug"), (8060, 89, "Motor tanker, tug"),
        (8070, 79, "Motor freighter with one or more ships alongside"), (8080, 89, "Motor freighter with tanker"),
        (8090, 79, "Motor freighter pushing one or more freighters"),
        (8100, 89, "Motor freighter pushing at least one tank-ship"), (8110, 79, "Tug, freighter"),
        (8120, 89, "Tug, tanker"), (8130, 31, "Tug freighter, coupled"), (8140, 31, "Tug, freighter/tanker, coupled"),
        (8150, 99, "Freightbarge"), (8160, 99, "Tankbarge"), (8161, 90, "Tankbarge, liquid cargo, type N"),
        (8162, 90, "Tankbarge, liquid cargo, type C"), (8163, 99, "Tankbarge, dry cargo as if liquid (e.g. cement)"),
        (8170, 99, "Freightbarge with containers"), (8180, 90, "Tankbarge, gas"),
        (8210, 79, "Pushtow, one cargo barge"), (8220, 79, "Pushtow, two cargo barges"),
        (8230, 79, "Pushtow, three cargo barges"), (8240, 79, "Pushtow, four cargo barges"),
        (8250, 79, "Pushtow, five cargo barges"), (8260, 79, "Pushtow, six cargo barges"),
        (8270, 79, "Pushtow, seven cargo barges"), (8280, 79, "Pushtow, eigth cargo barges"),
        (8290, 79, "Pushtow, nine or more barges"), (8310, 80, "Pushtow, one tank/gas barge"),
        (8320, 80, "Pushtow, two barges at least one tanker or gas barge"),
        (8330, 80, "Pushtow, three barges at least one tanker or gas barge"),
        (8340, 80, "Pushtow, four barges at least one tanker or gas barge"),
        (8350, 80, "Pushtow, five barges at least one tanker or gas barge"),
        (8360, 80, "Pushtow, six barges at least one tanker or gas barge"),
        (8370, 80, "Pushtow, seven barges at least one tanker or gas barg"),
    ]

    static func inlandShipType(_ value: Int) -> String {
        inlandShipTypes.first { $0.code == value || $0.solas == value }?.legend ?? "Illegal ship type value."
    }

    static func lookup(_ table: [String], _ code: Int, invalid: String) -> String {
        code >= 0 && code < table.count ? table[code] : invalid
    }

    static let hazardTypes = [
        "0 blue cones/lights", "1 blue cone/light", "2 blue cones/lights", "3 blue cones/lights", "4 B-Flag", "Unknown",
    ]
    static let loadStatus = ["N/A (default)", "Unloaded", "Loaded"]
    static let emmaTypes = [
        "Not Available", "Wind", "Rain", "Snow and ice", "Thunderstorm", "Fog", "Low temperature",
        "High temperature", "Flood", "Forest Fire",
    ]
    static let emmaClasses = ["Slight", "Medium", "Strong"]
    static let emmaWinds = ["N/A", "North", "North East", "East", "South East", "South", "South West", "West", "North West"]
    static let directions = ["Unknown", "Upstream", "Downstream", "To left bank", "To right bank"]
    static let signalStatus = ["Unknown", "No light", "White", "Yellow", "Green", "Red", "White flashing", "Yellow flashing."]
}
