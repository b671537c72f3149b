import Foundation
import Testing
@testable import XiezhiWire

/// Compares our `gpsdJSON()` lines with gpsd 3.22 `gpsdecode -j -s` lines, field by field (key order and the
/// exact number text included), allowing only the differences documented on `AISMessage.gpsdJSON(device:)`.
struct AISGPSDComparison {
    /// One `"key":value` member with the value's raw JSON text.
    struct Member: Equatable {
        var key: String
        var value: String
    }

    /// A difference that is not one of the documented deviations.
    struct Mismatch: CustomStringConvertible {
        var line: String
        var field: String
        var ours: String
        var gpsd: String
        var description: String { "\(line)\n  field \(field): ours \(ours), gpsd \(gpsd)" }
    }

    private(set) var messagesCompared = 0
    private(set) var fieldsCompared = 0
    /// How often each documented deviation was seen, by its number on `gpsdJSON(device:)`.
    private(set) var deviations: [Int: Int] = [:]
    private(set) var mismatches: [Mismatch] = []
    /// Part A ship names seen so far, by MMSI (to check gpsd's merged part B objects).
    private var partANames: [String: String] = [:]

    /// Compares one message; `line` names the input for failure messages.
    mutating func compare(ours oursLine: String, gpsd gpsdLine: String, line: String) {
        messagesCompared += 1
        guard let ours = Self.members(oursLine), var gpsd = Self.members(gpsdLine) else {
            mismatches.append(Mismatch(line: line, field: "(object)", ours: oursLine, gpsd: gpsdLine))
            return
        }
        var ourMembers = ours
        let type = Self.value("type", in: ours) ?? ""
        let mmsi = Self.value("mmsi", in: ours) ?? ""

        if type == "24", Self.value("part", in: ours) == "\"A\"", let name = Self.value("shipname", in: ours) {
            partANames[mmsi] = name
        }
        // Deviation 2: gpsd merged this part B with an earlier part A of the same MMSI.
        if type == "24", Self.value("part", in: ours) == "\"B\"", Self.value("part", in: gpsd) == nil,
           let name = Self.value("shipname", in: gpsd), partANames[mmsi] == name {
            deviations[2, default: 0] += 1
            ourMembers.removeAll { $0.key == "part" }
            gpsd.removeAll { $0.key == "shipname" }
        }
        // Deviation 5: gpsd decodes IMO DAC 1 applications; we keep them opaque. Compare the common prefix.
        if (type == "6" || type == "8"), Self.value("dac", in: ours) == "1", Self.value("data", in: gpsd) == nil,
           Self.value("data", in: ours) != nil {
            deviations[5, default: 0] += 1
            let prefix = ourMembers.firstIndex { $0.key == "data" }!
            ourMembers = Array(ourMembers[..<prefix])
            gpsd = Array(gpsd.prefix(prefix))
        }

        let ourKeys = ourMembers.map(\.key)
        let gpsdKeys = gpsd.map(\.key)
        guard ourKeys == gpsdKeys else {
            mismatches.append(Mismatch(line: line, field: "(keys)", ours: ourKeys.joined(separator: ","), gpsd: gpsdKeys.joined(separator: ",")))
            return
        }
        for (mine, theirs) in zip(ourMembers, gpsd) {
            fieldsCompared += 1
            if mine.value == theirs.value { continue }
            if let deviation = Self.documentedDeviation(key: mine.key, ours: mine.value, gpsd: theirs.value, type: type, members: ourMembers) {
                deviations[deviation, default: 0] += 1
                continue
            }
            mismatches.append(Mismatch(line: line, field: mine.key, ours: mine.value, gpsd: theirs.value))
        }
    }

    /// Which documented deviation explains a differing value, or nil.
    static func documentedDeviation(key: String, ours: String, gpsd: String, type: String, members: [Member]) -> Int? {
        switch (key, type) {
        case ("turn", "1"), ("turn", "2"), ("turn", "3"):
            // 1: the sign gpsd 3.22 drops.
            return ours.hasPrefix("-") && String(ours.dropFirst()) == gpsd ? 1 : nil
        case ("radio", "26"):
            // 3: gpsd 3.22 never decodes the type 26 communication state.
            return gpsd == "0" ? 3 : nil
        case ("start", "8"):
            // 4: gpsd prints start as year-month-hourTminute:day.
            guard value("dac", in: members) == "200", value("fid", in: members) == "23" else { return nil }
            let parts = ours.dropFirst().dropLast().split(whereSeparator: { "-T:".contains($0) }).map(String.init)
            guard parts.count == 5 else { return nil }
            return gpsd == "\"\(parts[0])-\(parts[1])-\(parts[3])T\(parts[4]):\(parts[2])\"" ? 4 : nil
        case ("data", "6"), ("data", "17"), ("data", "25"), ("data", "26"):
            // 7: gpsd copies the bits that follow the data into the last byte's unused bits.
            return sameBlobIgnoringTail(ours, gpsd) ? 7 : nil
        default:
            return nil
        }
    }

    /// True when two `"bits:hex"` values have the same bit count and agree on every meaningful bit.
    static func sameBlobIgnoringTail(_ ours: String, _ gpsd: String) -> Bool {
        let a = ours.dropFirst().dropLast().split(separator: ":", omittingEmptySubsequences: false)
        let b = gpsd.dropFirst().dropLast().split(separator: ":", omittingEmptySubsequences: false)
        guard a.count == 2, b.count == 2, a[0] == b[0], a[1].count == b[1].count, let bits = Int(a[0]) else { return false }
        let used = bits % 8
        guard used != 0, a[1].count >= 2, a[1].dropLast(2) == b[1].dropLast(2),
              let lastOurs = UInt8(a[1].suffix(2), radix: 16), let lastGpsd = UInt8(b[1].suffix(2), radix: 16) else {
            return false
        }
        let mask = UInt8(0xFF) << UInt8(8 - used)
        return lastOurs & mask == lastGpsd & mask
    }

    static func value(_ key: String, in members: [Member]) -> String? {
        members.first { $0.key == key }?.value
    }

    /// Splits a flat JSON object into its members, keeping each value's raw text (nested arrays/objects whole).
    static func members(_ line: String) -> [Member]? {
        let bytes = Array(line.utf8)
        var index = 0
        func skipString() -> Bool {
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { return false }
            index += 1
            while index < bytes.count {
                if bytes[index] == UInt8(ascii: "\\") { index += 2; continue }
                if bytes[index] == UInt8(ascii: "\"") { index += 1; return true }
                index += 1
            }
            return false
        }
        guard bytes.first == UInt8(ascii: "{"), bytes.last == UInt8(ascii: "}") else { return nil }
        index = 1
        var members: [Member] = []
        while index < bytes.count - 1 {
            let keyStart = index
            guard skipString() else { return nil }
            let key = String(decoding: bytes[(keyStart + 1)..<(index - 1)], as: UTF8.self)
            guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { return nil }
            index += 1
            let valueStart = index
            var depth = 0
            while index < bytes.count {
                let byte = bytes[index]
                if byte == UInt8(ascii: "\"") {
                    guard skipString() else { return nil }
                    continue
                }
                if byte == UInt8(ascii: "[") || byte == UInt8(ascii: "{") { depth += 1 }
                if byte == UInt8(ascii: "]") || (byte == UInt8(ascii: "}") && depth > 0) { depth -= 1 }
                if depth == 0 && (byte == UInt8(ascii: ",") || (byte == UInt8(ascii: "}") && index == bytes.count - 1)) { break }
                index += 1
            }
            members.append(Member(key: key, value: String(decoding: bytes[valueStart..<index], as: UTF8.self)))
            if index < bytes.count, bytes[index] == UInt8(ascii: ",") { index += 1 }
        }
        return members
    }

    /// Decodes NMEA lines with an assembler; returns each message's JSON (as `gpsdecode` prints it, with
    /// `"device":"stdin"`) and the line that completed it.
    static func decode(_ lines: [String]) -> [(json: String, line: String)] {
        var assembler = AISAssembler()
        var results: [(json: String, line: String)] = []
        for line in lines {
            let output = assembler.add(line: line, receivedAt: Date(timeIntervalSince1970: 1_700_000_000))
            guard let payload = output.payload, let message = try? payload.message() else { continue }
            results.append((message.gpsdJSON(device: "stdin"), line))
        }
        return results
    }
}
