import Foundation
import XiezhiWire

/// The NMEA lines of the messages an `AISAssembler` is assembling, so that a completed message can be delivered
/// with the exact lines that carried it (evidence, replay).
///
/// It follows the assembler's own grouping rules (source station, channel, sequential id; an untagged later
/// fragment joins the one matching group; groups expire after the fragment timeout; the oldest is evicted beyond
/// the pending limit) and reads the assembler's output for each sentence to stay in step with it.
struct AISRawFragments: Sendable {
    private struct Key: Hashable, Sendable {
        var source: String?
        var channel: AISChannel?
        var sequentialID: Int?
    }

    private struct Group: Sendable {
        var lines: [String]
        var lastReceivedAt: Date
    }

    let configuration: AISAssembler.Configuration
    private var groups: [Key: Group] = [:]

    /// Creates an empty record.
    init(configuration: AISAssembler.Configuration) {
        self.configuration = configuration
    }

    /// How many messages have lines recorded.
    var pendingCount: Int { groups.count }

    /// Records `sentence` (its `line`), given what the assembler answered for it; returns the message's lines when
    /// the assembler completed a message with it.
    mutating func add(_ sentence: NMEASentence, line: String, at receivedAt: Date, output: AISAssembler.Output) -> [String]? {
        expire(now: receivedAt)
        if sentence.fragmentCount == 1 {
            return output.payload == nil ? nil : [line]
        }
        var key = Key(source: sentence.tagBlock?.source, channel: sentence.channel, sequentialID: sentence.sequentialID)
        if sentence.fragmentNumber == 1 {
            guard output.dropped.allSatisfy({ $0.code == .fragmentOutOfOrder || $0.code == .fragmentTimeout || $0.code == .tooManyPendingMessages })
            else {
                groups.removeValue(forKey: key)
                return nil
            }
            groups[key] = Group(lines: [line], lastReceivedAt: receivedAt)
            if groups.count > configuration.maximumPendingMessages,
               let oldest = groups.min(by: { $0.value.lastReceivedAt < $1.value.lastReceivedAt }) {
                groups.removeValue(forKey: oldest.key)
            }
            return nil
        }
        if groups[key] == nil, key.source == nil {
            let candidates = groups.keys.filter { $0.channel == key.channel && $0.sequentialID == key.sequentialID }
            if candidates.count == 1 { key = candidates[0] }
        }
        if output.payload != nil {
            let lines = (groups.removeValue(forKey: key)?.lines ?? []) + [line]
            return lines
        }
        let failed = output.dropped.contains { $0.code != .fragmentTimeout && $0.code != .tooManyPendingMessages }
        if failed {
            groups.removeValue(forKey: key)
        } else if var group = groups[key] {
            group.lines.append(line)
            group.lastReceivedAt = receivedAt
            groups[key] = group
        }
        return nil
    }

    /// Forgets the messages whose last line is older than the fragment timeout at `now` (as the assembler does).
    mutating func expire(now: Date) {
        for (key, group) in groups where now.timeIntervalSince(group.lastReceivedAt) > configuration.fragmentTimeout {
            groups.removeValue(forKey: key)
        }
    }

    /// Forgets everything.
    mutating func removeAll() {
        groups.removeAll()
    }
}
