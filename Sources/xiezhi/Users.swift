import ArgumentParser
import Foundation
import Logging
import XiezhiCore
import XiezhiServer
import XiezhiStore

/// `xiezhi users add|list|deactivate --data DIR …`: account administration on the node's own machine.
struct Users: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Manage accounts.", subcommands: [Add.self, List.self, Deactivate.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add an account (the password is read from standard input).")

        @OptionGroup var data: DataOption
        @Option var username: String
        @Option(help: "One of: \(Role.allCases.map(\.rawValue).joined(separator: ", ")).")
        var role: String
        @Option(help: "The agency's GB/T 2260 code, e.g. 330482 (Pinghu).")
        var jurisdiction: String
        @Option(help: "The person's name (default: the username).")
        var displayName: String?
        @Option(help: "执法证号 — enforcement certificate number (needed to file and investigate cases).")
        var certificate: String?
        @Flag(help: "Read the password from standard input (one line). Required: passwords never go on the command line.")
        var passwordStdin = false

        func run() throws {
            guard passwordStdin else { throw ValidationError("pass --password-stdin and the password on standard input") }
            guard let role = Role(rawValue: role) else {
                throw ValidationError("unknown role '\(role)'; one of \(Role.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            guard let password = readLine(strippingNewline: true), !password.isEmpty else {
                throw ValidationError("no password on standard input")
            }
            let node = try Node.open(configuration: NodeConfiguration(dataDirectory: data.directory), logger: Logger(label: "xiezhi.users"))
            do {
                let account = try node.createAccount(
                    username: username, displayName: displayName ?? username, role: role, jurisdiction: try JurisdictionCode.parse(jurisdiction),
                    certificateNumber: certificate, password: password, by: "system:cli")
                print("created \(account.username) (\(account.role.rawValue), \(account.jurisdiction)) id \(account.id)")
            } catch let error as DomainError {
                throw ValidationError(error.reason)
            }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List accounts.")
        @OptionGroup var data: DataOption

        func run() throws {
            let node = try Node.open(configuration: NodeConfiguration(dataDirectory: data.directory), logger: Logger(label: "xiezhi.users"))
            for account in try node.accounts.accounts(jurisdiction: nil) {
                print([account.jurisdiction.rawValue, account.username, account.role.rawValue, account.displayName, account.active ? "active" : "inactive"]
                    .joined(separator: "\t"))
            }
        }
    }

    struct Deactivate: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Deactivate an account and revoke its sessions.")
        @OptionGroup var data: DataOption
        @Option var username: String

        func run() throws {
            let node = try Node.open(configuration: NodeConfiguration(dataDirectory: data.directory), logger: Logger(label: "xiezhi.users"))
            guard let (account, _) = try node.accounts.credentials(username: username) else { throw ValidationError("no account '\(username)'") }
            try node.accounts.setActive(accountID: account.id, active: false, by: "system:cli", at: Date())
            print("deactivated \(username)")
        }
    }
}
