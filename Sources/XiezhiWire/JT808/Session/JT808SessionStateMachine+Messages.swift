import Foundation
import NIOCore

extension JT808SessionStateMachine {
    /// Message IDs served before authentication: registration, authentication, heartbeat.
    ///
    /// 2013 §7.2.2 has the terminal authenticate right after connecting and send nothing else before;
    /// a heartbeat is answered anyway because it proves nothing and costs nothing, and the
    /// authentication timeout still bounds the connection.
    public static let messageIDsBeforeAuthentication: Set<UInt16> = [0x0100, 0x0102, 0x0002]

    /// A valid frame from the terminal.
    mutating func receive(_ frame: JT808Frame) -> [Action] {
        let header = frame.header
        lastFrameAt = now
        if case .authenticated(let identity) = phase, header.terminalKey != identity.terminalKey {
            return [
                .count(JT808SessionCounter(
                    .terminalMismatch, messageID: header.messageID, serialNumber: header.serialNumber,
                    detail: "the session is authenticated as \(identity.terminalKey) but the frame carries \(header.terminalKey)"
                )),
                answer(header, .failure),
            ]
        }
        rememberVersion(of: header)
        terminalPhone = header.terminalPhone
        if let subpackage = header.subpackage {
            return receivePacket(header: header, subpackage: subpackage, body: frame.body)
        }
        return receiveMessage(header: header, body: frame.body)
    }

    /// A whole message: a frame without a package item, or a reassembled one.
    mutating func receiveMessage(header: JT808Header, body: ByteBuffer) -> [Action] {
        let id = header.messageID
        guard isAuthenticated || Self.messageIDsBeforeAuthentication.contains(id) else {
            return refuseUnauthenticated(header)
        }
        guard header.encryption == .none else {
            return [
                .count(JT808SessionCounter(
                    .encryptedBody, messageID: id, serialNumber: header.serialNumber,
                    detail: "encryption bits \(header.encryption.rawValue) set; no key is configured"
                )),
                answer(header, .unsupported),
            ]
        }
        let message: JT808Message
        do {
            message = try JT808Message(
                messageID: id, body: body,
                version: JT808Message.bodyVersion(for: header, remembered: rememberedVersion)
            )
        } catch {
            var actions = [answer(header, .messageError)]
            actions += recordBadFrame(JT808SessionCounter(
                .badBody, messageID: id, serialNumber: header.serialNumber, detail: error.description
            ))
            return actions
        }
        switch message {
        case .registration(let registration):
            return register(registration, header: header)
        case .authentication(let authentication):
            return authenticate(authentication, header: header)
        case .heartbeat:
            return [answer(header, .success)]
        case .unregister:
            return unregister(header: header)
        case .serverTimeQuery:
            guard let time = JT808ServerTime(date: now) else {
                return [answer(header, .failure)]
            }
            return [send(.serverTime(time), to: header.terminalPhone, layout: layout(of: header))]
        case .locationReport(let report):
            return persist(header: header, body: body, source: .realTime, reports: [report])
        case .batchLocationUpload(let batch):
            return persist(header: header, body: body, source: .batch(batch.kind), reports: batch.reports)
        case .terminalGeneralResponse:
            return [.deliver(JT808InboundMessage(header: header, message: message, receivedAt: now))]
        case .other where configuration.deliveredMessageIDs.contains(id):
            return [.deliver(JT808InboundMessage(header: header, message: message, receivedAt: now))]
        case .other, .terminalResendRequest, .platformGeneralResponse, .platformResendRequest,
             .registrationResponse, .serverTime:
            return [
                .count(JT808SessionCounter(
                    .unsupportedMessage, messageID: id, serialNumber: header.serialNumber,
                    detail: "message \(JT808Hex.word(id)) is not handled by this platform"
                )),
                answer(header, .unsupported),
            ]
        }
    }

    /// A message that needs authentication, before it: 0x8001 result 1, or nothing for a 0x0001.
    mutating func refuseUnauthenticated(_ header: JT808Header) -> [Action] {
        let counter = JT808SessionCounter(
            .notAuthenticated, messageID: header.messageID, serialNumber: header.serialNumber,
            detail: "message \(JT808Hex.word(header.messageID)) before authentication"
        )
        if header.messageID == 0x0001 { return [.count(counter)] }
        return [.count(counter), answer(header, .failure)]
    }

    // MARK: - Registration

    mutating func register(_ registration: JT808Registration, header: JT808Header) -> [Action] {
        let key = header.terminalKey
        if var pending = pendingRegistration {
            if pending.terminalKey == key {
                pending.serialNumber = header.serialNumber
                pending.terminalPhone = header.terminalPhone
                pendingRegistration = pending
            }
            return [.count(JT808SessionCounter(
                .lookupBusy, messageID: 0x0100, serialNumber: header.serialNumber,
                detail: pending.terminalKey == key
                    ? "registration sent again while its lookup is pending; the answer will carry the newest serial"
                    : "registration of \(key) while \(pending.terminalKey)'s lookup is pending; ignored"
            ))]
        }
        pendingRegistration = PendingLookup(
            serialNumber: header.serialNumber, terminalPhone: header.terminalPhone, terminalKey: key,
            registration: registration
        )
        return [.lookUpRegistration(JT808RegistrationLookup(
            terminalKey: key, terminalPhone: header.terminalPhone, registration: registration,
            version: rememberedVersion ?? .v2013
        ))]
    }

    mutating func registrationLooked(_ result: JT808RegistrationLookupResult) -> [Action] {
        guard let pending = pendingRegistration, let registration = pending.registration else {
            return [.count(JT808SessionCounter(
                .unexpectedAnswer, messageID: 0x0100, detail: "a registration lookup result with no registration pending"
            ))]
        }
        pendingRegistration = nil
        let response: JT808RegistrationResponse
        switch result {
        case .known(let plate, let authenticationCode):
            if Self.plate(plate, matches: registration) {
                response = JT808RegistrationResponse(
                    responseSerialNumber: pending.serialNumber, result: .success, authenticationCode: authenticationCode
                )
            } else {
                response = JT808RegistrationResponse(
                    responseSerialNumber: pending.serialNumber, result: .terminalAlreadyRegistered
                )
            }
        case .enrolled(let authenticationCode):
            response = JT808RegistrationResponse(
                responseSerialNumber: pending.serialNumber, result: .success, authenticationCode: authenticationCode
            )
        case .refused(let refusal):
            response = JT808RegistrationResponse(responseSerialNumber: pending.serialNumber, result: refusal.result)
        }
        var actions = [send(.registrationResponse(response), to: pending.terminalPhone)]
        if response.result != .success {
            actions.append(.count(JT808SessionCounter(
                .registrationRefused, messageID: 0x0100, serialNumber: pending.serialNumber,
                detail: "terminal \(pending.terminalKey) (plate \(registration.plate)) refused with 0x8100 result \(response.result.rawValue)"
            )))
        }
        return actions
    }

    /// Whether the plate on file matches the registration's: equal ignoring case, spaces and NUL, or
    /// the registration carries no plate or a VIN (plate colour 0, 未上牌).
    static func plate(_ known: String, matches registration: JT808Registration) -> Bool {
        func normalized(_ plate: String) -> String {
            String(plate.unicodeScalars.filter { !$0.properties.isWhitespace && $0 != "\u{0}" }).uppercased()
        }
        let sent = normalized(registration.plate)
        if registration.plateColor == .notPlated || sent.isEmpty { return true }
        return normalized(known) == sent
    }

    // MARK: - Authentication

    mutating func authenticate(_ authentication: JT808Authentication, header: JT808Header) -> [Action] {
        let key = header.terminalKey
        if var pending = pendingAuthentication {
            let same = pending.terminalKey == key && pending.authenticationCode == authentication.authenticationCode
            if same {
                pending.serialNumber = header.serialNumber
                pending.terminalPhone = header.terminalPhone
                pendingAuthentication = pending
            }
            return [.count(JT808SessionCounter(
                .lookupBusy, messageID: 0x0102, serialNumber: header.serialNumber,
                detail: same
                    ? "authentication sent again while its lookup is pending; the answer will carry the newest serial"
                    : "another authentication while one is pending; ignored"
            ))]
        }
        pendingAuthentication = PendingLookup(
            serialNumber: header.serialNumber, terminalPhone: header.terminalPhone, terminalKey: key,
            authenticationCode: authentication.authenticationCode
        )
        return [.lookUpAuthentication(JT808AuthenticationLookup(
            terminalKey: key, terminalPhone: header.terminalPhone,
            authenticationCode: authentication.authenticationCode, imei: authentication.imei,
            softwareVersion: authentication.softwareVersion, version: rememberedVersion ?? .v2013
        ))]
    }

    mutating func authenticationLooked(_ result: JT808AuthenticationLookupResult) -> [Action] {
        guard let pending = pendingAuthentication else {
            return [.count(JT808SessionCounter(
                .unexpectedAnswer, messageID: 0x0102, detail: "an authentication lookup result with no authentication pending"
            ))]
        }
        pendingAuthentication = nil
        switch result {
        case .accepted(let plate):
            let identity = JT808SessionIdentity(
                terminalKey: pending.terminalKey, terminalPhone: pending.terminalPhone, plate: plate,
                version: rememberedVersion ?? .v2013
            )
            phase = .authenticated(identity)
            authenticationDeadline = nil
            authenticationFailures = 0
            return [
                .authenticated(identity),
                send(.platformGeneralResponse(JT808GeneralResponse(
                    responseSerialNumber: pending.serialNumber, responseMessageID: 0x0102, result: .success
                )), to: pending.terminalPhone),
            ]
        case .rejected:
            authenticationFailures += 1
            var actions: [Action] = [
                send(.platformGeneralResponse(JT808GeneralResponse(
                    responseSerialNumber: pending.serialNumber, responseMessageID: 0x0102, result: .failure
                )), to: pending.terminalPhone),
                .count(JT808SessionCounter(
                    .authenticationRejected, messageID: 0x0102, serialNumber: pending.serialNumber,
                    detail: "terminal \(pending.terminalKey): authentication code rejected (\(authenticationFailures) on this connection)"
                )),
            ]
            if authenticationFailures > configuration.maximumAuthenticationFailures {
                actions += closing(.authenticationRejected)
            }
            return actions
        }
    }

    // MARK: - Unregistration

    /// 0x0003 (authenticated): acknowledged, then the session forgets the authentication.
    mutating func unregister(header: JT808Header) -> [Action] {
        guard case .authenticated(let identity) = phase else { return refuseUnauthenticated(header) }
        phase = .connected
        authenticationDeadline = now.addingTimeInterval(configuration.authenticationTimeout)
        return [answer(header, .success), .unregistered(identity)]
    }
}
