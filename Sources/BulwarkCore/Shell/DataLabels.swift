/// Where data flowing through a pipe, a substitution or a variable came from.
public struct DataLabels: OptionSet, Sendable, Hashable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    /// Fetched from the network (`curl`, `wget`, `nc host`).
    public static let network = DataLabels(rawValue: 1 << 0)
    /// Secret material: credential files, private keys, password databases.
    public static let secret = DataLabels(rawValue: 1 << 1)
    /// The process environment (`env`, `printenv`, `set`), which usually holds tokens.
    public static let environment = DataLabels(rawValue: 1 << 2)
    /// Produced by a decoder (`base64 -d`, `xxd -r`, `rev`, `openssl enc -d`).
    public static let decoded = DataLabels(rawValue: 1 << 3)
    /// System reconnaissance output (`uname -a`, `id`, `/etc/passwd`).
    public static let systemInfo = DataLabels(rawValue: 1 << 4)
    /// The replies of a shell fed commands from an unseen source (`cat fifo | sh -i`): sent to a
    /// remote host, they make a reverse shell.
    public static let shellSession = DataLabels(rawValue: 1 << 5)

    public static let sensitive: DataLabels = [.secret, .environment]
}
