import Foundation
import NIOCore

extension JT808SessionStateMachine {
    /// A 0x0200 or 0x0704 from the authenticated terminal: stored first, acknowledged after.
    mutating func persist(
        header: JT808Header, body: ByteBuffer, source: JT808PositionBatch.Source, reports: [JT808LocationReport]
    ) -> [Action] {
        guard let identity else { return refuseUnauthenticated(header) }
        let fingerprint = JT808RecentReports.Fingerprint(
            messageID: header.messageID, serialNumber: header.serialNumber, body: body
        )
        if recentReports.contains(fingerprint) {
            return [
                .count(JT808SessionCounter(
                    .duplicateReport, messageID: header.messageID, serialNumber: header.serialNumber,
                    detail: "a retransmission of a report already stored; acknowledged again"
                )),
                answer(header, .success),
            ]
        }
        if pendingPersistence.values.contains(where: { $0.fingerprint == fingerprint }) {
            return [.count(JT808SessionCounter(
                .duplicateReport, messageID: header.messageID, serialNumber: header.serialNumber,
                detail: "a retransmission of a report still being stored; it will be acknowledged once"
            ))]
        }
        if reports.isEmpty {
            recentReports.insert(fingerprint)
            return [answer(header, .success)]
        }
        guard pendingPersistence.count < configuration.maximumPendingPersistence else {
            return [.count(JT808SessionCounter(
                .persistenceBacklogFull, messageID: header.messageID, serialNumber: header.serialNumber,
                detail: "\(pendingPersistence.count) batches wait for storage; dropped unanswered so the terminal sends it again"
            ))]
        }
        lastToken += 1
        let token = JT808PersistenceToken(rawValue: lastToken)
        pendingPersistence[token] = PendingReport(fingerprint: fingerprint, terminalPhone: header.terminalPhone)
        var actions: [Action] = [.persistPositions(JT808PositionBatch(
            token: token, terminalKey: identity.terminalKey, plate: identity.plate, messageID: header.messageID,
            serialNumber: header.serialNumber, source: source, reports: reports, receivedAt: now
        ))]
        if !isReadingPaused, pendingPersistence.count >= configuration.pendingPersistenceHighWatermark {
            isReadingPaused = true
            actions.append(.pauseReading)
        }
        return actions
    }

    /// The batch is durable: now the terminal gets its 0x8001.
    mutating func persisted(_ token: JT808PersistenceToken) -> [Action] {
        guard let pending = pendingPersistence.removeValue(forKey: token) else {
            return [.count(JT808SessionCounter(.unexpectedAnswer, detail: "persistence of unknown batch \(token)"))]
        }
        recentReports.insert(pending.fingerprint)
        var actions = [send(
            .platformGeneralResponse(JT808GeneralResponse(
                responseSerialNumber: pending.fingerprint.serialNumber,
                responseMessageID: pending.fingerprint.messageID, result: .success
            )),
            to: pending.terminalPhone
        )]
        actions += resumeReadingIfCaughtUp()
        return actions
    }

    /// Storing failed: no answer, so the terminal resends and the report is not taken for a duplicate.
    mutating func notPersisted(_ token: JT808PersistenceToken) -> [Action] {
        guard let pending = pendingPersistence.removeValue(forKey: token) else {
            return [.count(JT808SessionCounter(.unexpectedAnswer, detail: "persistence failure of unknown batch \(token)"))]
        }
        var actions: [Action] = [.count(JT808SessionCounter(
            .persistenceFailed, messageID: pending.fingerprint.messageID, serialNumber: pending.fingerprint.serialNumber,
            detail: "batch \(token) was not stored; left unanswered for the terminal to resend"
        ))]
        actions += resumeReadingIfCaughtUp()
        return actions
    }

    mutating func resumeReadingIfCaughtUp() -> [Action] {
        guard isReadingPaused, pendingPersistence.count <= configuration.pendingPersistenceHighWatermark / 2 else {
            return []
        }
        isReadingPaused = false
        return [.resumeReading]
    }
}
