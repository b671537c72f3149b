import Foundation
import Testing
import XiezhiCore

/// The watchlist's pure parts: validating a subject, matching observations against the active entries, the throttle,
/// and the agreement's rule that an entry travels only with one of its identifying fields.
@Suite struct WatchlistMatcherTests {
    static let start = Date(timeIntervalSince1970: 1_767_225_600)  // 2026-01-01T00:00:00Z
    static let jinshan = JurisdictionCode(rawValue: "310116")!

    static func entry(
        _ id: String, _ subject: WatchlistSubject, status: WatchlistStatus = .active, validDays: Double = 30, peer: String? = nil
    ) -> WatchlistEntry {
        WatchlistEntry(
            id: id, subject: subject, reason: "多次超限运输拒不接受处理", violationKind: "overload", agency: "金山区交通执法", jurisdiction: jinshan,
            flaggedAt: start, validUntil: start.addingTimeInterval(validDays * 86400), status: status, peer: peer)
    }

    static func vehicle(_ plate: String, _ colour: PlateColor) throws -> WatchlistSubject {
        try WatchlistSubject(kind: "vehicle", plate: plate, plateColour: colour.rawValue, mmsi: nil, shipName: nil)
    }

    @Test func subjectsAreValidatedAndNormalised() throws {
        #expect(try Self.vehicle("沪a·12345", .blue) == .vehicle(try VehicleKey(plate: "沪A12345", color: .blue)))
        #expect(throws: DomainError.self) { try WatchlistSubject(kind: "vehicle", plate: "沪A12345", plateColour: "purple", mmsi: nil, shipName: nil) }
        #expect(throws: DomainError.self) { try WatchlistSubject(kind: "vehicle", plate: nil, plateColour: "blue", mmsi: nil, shipName: nil) }
        #expect(throws: DomainError.self) { try WatchlistSubject(kind: "ship", plate: nil, plateColour: nil, mmsi: nil, shipName: "") }
        #expect(throws: DomainError.self) { try WatchlistSubject(kind: "ship", plate: nil, plateColour: nil, mmsi: "41300", shipName: nil) }
        #expect(throws: DomainError.self) { try WatchlistSubject(kind: "aircraft", plate: nil, plateColour: nil, mmsi: nil, shipName: nil) }
        let ship = try WatchlistSubject(kind: "ship", plate: nil, plateColour: nil, mmsi: "４１３０００００１", shipName: "浙嘉兴货 1234")
        #expect(ship.subjectKey == "mmsi:413000001")
        #expect(ship.label == "浙嘉兴货1234（MMSI 413000001）")
        #expect(try Self.vehicle("沪A12345", .blue).label == "沪A12345（蓝色）")
    }

    @Test func aPlateMatchesAfterNormalisationAndOnlyInItsColour() throws {
        let matcher = WatchlistMatcher(entries: [Self.entry("e-1", try Self.vehicle("沪A12345", .blue))])
        let at = Self.start.addingTimeInterval(3600)
        #expect(matcher.matches(.vehicle(plate: "沪a 12345", colour: .blue), at: at).map(\.id) == ["e-1"])
        #expect(matcher.matches(.vehicle(plate: "沪Ａ·１２３４５", colour: nil), at: at).map(\.id) == ["e-1"], "an unread colour does not prevent the match")
        #expect(matcher.matches(.vehicle(plate: "沪A12345", colour: .yellow), at: at).isEmpty, "the yellow 沪A12345 is another vehicle")
        #expect(matcher.matches(.vehicle(plate: "沪A12346", colour: .blue), at: at).isEmpty)
        #expect(matcher.matches(.vehicle(plate: "not a plate", colour: .blue), at: at).isEmpty)
        #expect(matcher.matches(.ship(mmsi: "413000001", name: "沪A12345"), at: at).isEmpty)
    }

    @Test func onlyActiveEntriesMatch() throws {
        let plate = try Self.vehicle("沪A12345", .blue)
        let matcher = WatchlistMatcher(entries: [
            Self.entry("withdrawn", plate, status: .withdrawn), Self.entry("short", plate, validDays: 1), Self.entry("long", plate, validDays: 10),
        ])
        #expect(!matcher.isEmpty)
        #expect(Set(matcher.matches(.vehicle(plate: "沪A12345", colour: .blue), at: Self.start.addingTimeInterval(3600)).map(\.id)) == ["short", "long"])
        #expect(matcher.matches(.vehicle(plate: "沪A12345", colour: .blue), at: Self.start.addingTimeInterval(2 * 86400)).map(\.id) == ["long"])
        #expect(matcher.matches(.vehicle(plate: "沪A12345", colour: .blue), at: Self.start.addingTimeInterval(11 * 86400)).isEmpty)
        #expect(WatchlistMatcher(entries: [Self.entry("withdrawn", plate, status: .withdrawn)]).isEmpty)
    }

    @Test func aShipMatchesByMMSIOrByItsCleanedName() throws {
        let both = try WatchlistSubject(kind: "ship", plate: nil, plateColour: nil, mmsi: "413000001", shipName: "浙嘉兴货1234")
        let nameOnly = try WatchlistSubject(kind: "ship", plate: nil, plateColour: nil, mmsi: nil, shipName: "苏吴江货01234")
        let matcher = WatchlistMatcher(entries: [Self.entry("both", both), Self.entry("name", nameOnly)])
        let at = Self.start.addingTimeInterval(60)
        #expect(matcher.matches(.ship(mmsi: "413000001", name: nil), at: at).map(\.id) == ["both"])
        #expect(matcher.matches(.ship(mmsi: "413000001", name: "浙嘉兴货1234"), at: at).map(\.id) == ["both"], "one entry matched twice counts once")
        #expect(matcher.matches(.ship(mmsi: nil, name: "浙嘉兴货 １２３４"), at: at).map(\.id) == ["both"])
        #expect(matcher.matches(.ship(mmsi: nil, name: "苏吴江货 01234"), at: at).map(\.id) == ["name"])
        #expect(matcher.matches(.ship(mmsi: nil, name: "苏吴江货1234"), at: at).isEmpty, "leading zeros are part of the number")
        #expect(matcher.matches(.ship(mmsi: "413000002", name: nil), at: at).isEmpty)
        #expect(matcher.matches(.vehicle(plate: "浙F12345", colour: nil), at: at).isEmpty)
    }

    @Test func theThrottleAdmitsOneSightingPerEntryAndSensorPerInterval() {
        var throttle = SightingThrottle()
        var admitted: Bool
        #expect(throttle.interval == 1800)
        let t = Self.start
        admitted = throttle.admit(entry: "e", sensor: "wim:a", at: t)
        #expect(admitted)
        admitted = throttle.admit(entry: "e", sensor: "wim:a", at: t.addingTimeInterval(29 * 60))
        #expect(!admitted)
        admitted = throttle.admit(entry: "e", sensor: "wim:b", at: t.addingTimeInterval(60))
        #expect(admitted, "another sensor is another sighting")
        admitted = throttle.admit(entry: "f", sensor: "wim:a", at: t.addingTimeInterval(60))
        #expect(admitted, "another entry too")
        admitted = throttle.admit(entry: "e", sensor: "wim:a", at: t.addingTimeInterval(-600))
        #expect(!admitted, "stored-up older positions are not new")
        admitted = throttle.admit(entry: "e", sensor: "wim:a", at: t.addingTimeInterval(30 * 60))
        #expect(admitted)
        throttle.retain(entries: ["f"])
        admitted = throttle.admit(entry: "e", sensor: "wim:a", at: t.addingTimeInterval(31 * 60))
        #expect(admitted, "a forgotten entry starts over")
        var restarted = SightingThrottle()
        restarted.remember(entry: "e", sensor: "jt808:1", at: t)
        admitted = restarted.admit(entry: "e", sensor: "jt808:1", at: t.addingTimeInterval(600))
        #expect(!admitted)
    }

    @Test func anEntryTravelsOnlyWithAnIdentifyingFieldTheAgreementNames() throws {
        let onlyPlates = PeerAgreement.standard(personal: ["subject"])
        let present: Set<String> = ["entry_id", "status", "subject_kind", "mmsi", "ship_name", "reason", "violation_kind", "agency", "jurisdiction",
                                    "flagged_at", "valid_until"]
        #expect(throws: FederationRefusal.self) {
            try onlyPlates.outgoingFields(kind: .watchlistEntry, present: present, oneOf: WatchlistEntryBody.identifyingFields)
        }
        let withMMSI = PeerAgreement.standard(personal: ["subject", "mmsi"])
        let sent = try withMMSI.outgoingFields(kind: .watchlistEntry, present: present, oneOf: WatchlistEntryBody.identifyingFields)
        #expect(sent.contains("mmsi"))
        #expect(!sent.contains("ship_name"), "the name is personal data the agreement does not name")
        #expect(!PeerAgreement.standard().fields.contains("subject"))
        #expect(PeerAgreement.standard().kinds.isSuperset(of: ["watchlist_entry", "watchlist_sighting"]))
    }
}
