import ArgumentParser
import Foundation
import XiezhiCore
import XiezhiStore

/// `xiezhi node key --data DIR`: the node's federation identity.
struct NodeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "node", abstract: "The node's identity.", subcommands: [Key.self])

    struct Key: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Print the node's Ed25519 public key (base64), to give to partners (created on first use).")
        @OptionGroup var data: DataOption

        func run() throws {
            print(try NodeKey.loadOrCreate(directory: data.directory).publicKeyBase64)
        }
    }
}

/// `xiezhi peers add|list --data DIR …`: partner nodes and the agreement with each.
struct Peers: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Partner nodes and their agreements.", subcommands: [Add.self, List.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Register a partner node (or replace its address, key and agreement).",
            discussion: """
                Kinds: \(FederationKind.allCases.map(\.rawValue).joined(separator: ", ")) (default all).
                Fields: the body fields that may flow (default every field of the kinds except personal data: \
                \(FederationKind.personalFields.sorted().joined(separator: ", ")) flow only when listed with --fields or --personal).
                """)
        @OptionGroup var data: DataOption
        @Option(help: "The partner's name (unique on this node).")
        var name: String
        @Option(help: "The partner node's base URL, e.g. http://10.1.2.3:8080.")
        var url: String
        @Option(name: .customLong("public-key"), help: "The partner's public key (`xiezhi node key` on the partner).")
        var publicKey: String
        @Option(parsing: .upToNextOption, help: "Jurisdictions the partner speaks for (GB/T 2260), e.g. 310116 310100.")
        var jurisdiction: [String]
        @Option(parsing: .upToNextOption, help: "Message kinds that may flow (default all).")
        var kinds: [String] = []
        @Option(parsing: .upToNextOption, help: "Exactly the body fields that may flow (replaces the default set).")
        var fields: [String] = []
        @Option(parsing: .upToNextOption, help: "Personal-data fields added to the default set (e.g. subject: the plate).")
        var personal: [String] = []
        @Option(name: .customLong("referral-accept-days"), help: "Working days the receiving agency has to accept or reject a referred clue (default 3).")
        var referralAcceptDays: Int = 3

        func run() throws {
            do {
                let jurisdictions = try jurisdiction.flatMap { $0.split(separator: ",") }.map { try JurisdictionCode.parse(String($0)) }
                let kinds = Set(kinds.flatMap { $0.split(separator: ",").map(String.init) })
                var agreement = kinds.isEmpty ? PeerAgreement.standard(personal: Set(personal)) : PeerAgreement.standard(kinds: kinds, personal: Set(personal))
                agreement.referralAcceptWorkingDays = referralAcceptDays
                if !fields.isEmpty { agreement.fields = Set(fields.flatMap { $0.split(separator: ",").map(String.init) }) }
                let directory = data.directory
                let database = try NodeDatabase.open(directory: directory)
                let key = try NodeKey.loadOrCreate(directory: directory)
                let peer = PeerStore.Peer(name: name, url: url, publicKey: publicKey, jurisdictions: jurisdictions, agreement: agreement, at: Date())
                try PeerStore(database: database, signingKey: key).save(peer, by: "system:cli")
                print("peer \(name) → \(url) (\(jurisdictions.map(\.rawValue).joined(separator: ", "))): kinds \(agreement.kinds.sorted().joined(separator: ", ")); fields \(agreement.fields.sorted().joined(separator: ", ")); referrals accepted within \(agreement.referralAcceptWorkingDays) working days")
            } catch let error as DomainError {
                throw ValidationError(error.reason)
            }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the partners and their agreements as JSON lines.")
        @OptionGroup var data: DataOption

        func run() throws {
            for peer in try PeerStore(database: try NodeDatabase.open(directory: data.directory), signingKey: nil).all() {
                print(try FederationJSON.encode(peer))
            }
        }
    }
}

/// `xiezhi federation envelope …`: signs a message by hand with the node's key and prints the envelope — for
/// checking another vendor's inbox, and for the end-to-end refusals.
struct FederationCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "federation", abstract: "Federation tools.", subcommands: [Envelope.self])

    struct Envelope: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Print a signed envelope (JSON) for a message to a partner.")
        @OptionGroup var data: DataOption
        @Option(help: "The recipient's public key.")
        var to: String
        @Option(help: "The message kind.")
        var kind: String
        @Option(help: "The body: a JSON object.")
        var body: String
        @Option(name: .customLong("message-id"), help: "The message id (default a new UUID).")
        var messageID: String?
        @Option(name: .customLong("sent-at"), help: "The signing time, ISO 8601 UTC (default now).")
        var sentAt: String?

        func run() throws {
            let key = try NodeKey.load(directory: data.directory)
            let envelope = try FederationSigning.sign(
                FederationEnvelope(
                    messageId: messageID ?? UUID().uuidString.lowercased(), sender: key.publicKeyBase64, recipient: to, kind: kind,
                    sentAt: sentAt ?? Timestamp.format(Date()), body: body),
                with: key)
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            print(String(decoding: try encoder.encode(envelope), as: UTF8.self))
        }
    }
}
