import Foundation
import NIOCore

extension JT808SessionStateMachine {
    /// One packet of a subpackaged message (2013/2019 table 3, §7.12).
    ///
    /// Packets are not acknowledged one by one (§7.12 allows one general reply for all): the whole
    /// message is answered once it is complete, with packet 1's serial. Before authentication packets
    /// are refused like any other message.
    mutating func receivePacket(header: JT808Header, subpackage: JT808Subpackage, body: ByteBuffer) -> [Action] {
        guard isAuthenticated else { return refuseUnauthenticated(header) }
        guard subpackage.isWellFormed else {
            var actions = [answer(header, .messageError)]
            actions += recordBadFrame(JT808SessionCounter(
                .badBody, messageID: header.messageID, serialNumber: header.serialNumber,
                detail: "package item \(subpackage.index) of \(subpackage.total) is not 1 ≤ index ≤ total"
            ))
            return actions
        }
        if subpackage.total == 1 {
            var whole = header
            whole.subpackage = nil
            return receiveMessage(header: whole, body: body)
        }
        guard Int(subpackage.total) <= configuration.maximumPacketCount, configuration.maximumConcurrentReassemblies > 0 else {
            return refusePacket(header, "\(subpackage.total) packets exceed the limit of \(configuration.maximumPacketCount)")
        }
        let key = JT808SubpackageAssembly.Key(messageID: header.messageID, total: subpackage.total)
        var actions: [Action] = []
        var assembly: JT808SubpackageAssembly
        if let existing = assemblies[key] {
            assembly = existing
        } else {
            if assemblies.count >= configuration.maximumConcurrentReassemblies,
               let stalest = assemblies.values.min(by: { ($0.lastActivity, $0.key) < ($1.lastActivity, $1.key) }) {
                assemblies[stalest.key] = nil
                actions.append(.count(JT808SessionCounter(
                    .subpackageAbandoned, messageID: stalest.key.messageID,
                    serialNumber: stalest.originalSerialNumber,
                    detail: "evicted: \(configuration.maximumConcurrentReassemblies) messages were already being reassembled"
                )))
            }
            assembly = JT808SubpackageAssembly(key: key, at: now)
        }
        switch assembly.add(index: subpackage.index, header: header, body: body, at: now) {
        case .added:
            break
        case .duplicate:
            assemblies[key] = assembly
            actions.append(.count(JT808SessionCounter(
                .duplicatePacket, messageID: header.messageID, serialNumber: header.serialNumber,
                detail: "packet \(subpackage.index) of \(subpackage.total) received again"
            )))
            return actions
        case .conflicting:
            actions.append(.count(JT808SessionCounter(
                .subpackageRestarted, messageID: header.messageID, serialNumber: header.serialNumber,
                detail: "packet \(subpackage.index) of \(subpackage.total) came again with other bytes; the partial message is dropped"
            )))
            assembly = JT808SubpackageAssembly(key: key, at: now)
            _ = assembly.add(index: subpackage.index, header: header, body: body, at: now)
        }
        guard assembly.byteCount <= configuration.maximumReassembledBytes else {
            assemblies[key] = nil
            return actions + refusePacket(
                header, "the message exceeds \(configuration.maximumReassembledBytes) bytes after packet \(subpackage.index)"
            )
        }
        guard assembly.isComplete, let (whole, wholeBody) = assembly.assembled() else {
            assemblies[key] = assembly
            return actions
        }
        assemblies[key] = nil
        return actions + receiveMessage(header: whole, body: wholeBody)
    }

    /// A subpackaged message over a limit: counted and its packet answered with result 1.
    mutating func refusePacket(_ header: JT808Header, _ detail: String) -> [Action] {
        [
            .count(JT808SessionCounter(
                .subpackageRefused, messageID: header.messageID, serialNumber: header.serialNumber, detail: detail
            )),
            answer(header, .failure),
        ]
    }

    /// After `subpackageTimeout` of silence: 0x8003 with the missing indices, or give up.
    mutating func subpackageTimers() -> [Action] {
        var actions: [Action] = []
        for key in assemblies.keys.sorted() {
            guard var assembly = assemblies[key],
                  now.timeIntervalSince(assembly.lastActivity) >= configuration.subpackageTimeout
            else { continue }
            guard assembly.resendRequests < configuration.maximumResendRequests, let header = assembly.someHeader else {
                assemblies[key] = nil
                actions.append(.count(JT808SessionCounter(
                    .subpackageAbandoned, messageID: key.messageID, serialNumber: assembly.originalSerialNumber,
                    detail: "\(assembly.missingIndices.count) of \(key.total) packets still missing after \(assembly.resendRequests) resend requests"
                )))
                continue
            }
            let layout = layout(of: header)
            // The count is a BYTE before 2019 and a WORD in 2019; 2019 is also bounded by the 1023-byte body.
            let most = layout.version == .v2019 ? (JT808Header.maximumBodyLength - 4) / 2 : Int(UInt8.max)
            let missing = Array(assembly.missingIndices.prefix(most))
            let request = JT808SubpackageResendRequest(
                originalSerialNumber: assembly.originalSerialNumber, packetIndices: missing
            )
            assembly.resendRequests += 1
            assembly.lastActivity = now
            assemblies[key] = assembly
            actions.append(send(.platformResendRequest(request), to: header.terminalPhone, layout: layout))
            actions.append(.count(JT808SessionCounter(
                .resendRequested, messageID: key.messageID, serialNumber: request.originalSerialNumber,
                detail: "asked again (\(assembly.resendRequests) of \(configuration.maximumResendRequests)) for packets \(missing.map(String.init).joined(separator: ","))"
            )))
        }
        return actions
    }
}
