/// Encrypted payloads: what `gpg -d`, `openssl enc -d -out FILE` or an archive opened with a
/// password (`unzip -P`, `7z x -p`) produces was hidden from inspection until that moment.
/// Running it in the same command is running an obfuscated payload, as for `base64 -d`.
extension ShellAnalyzer {
    /// `gpg -d` / `--decrypt`: the plaintext (on stdout or in `-o FILE`) is decoded data.
    mutating func gpg(_ inv: CommandInvocation) -> DataFlow? {
        let args = inv.arguments
        guard args.contains("-d") || args.contains("--decrypt") else { return nil }
        var flow = defaultFlow(inv)
        flow.labels.insert(.decoded)
        let scan = OptionScan(args, shortWithValue: ["o", "r", "u"], longWithValue: ["output", "recipient", "local-user", "passphrase", "passphrase-file"])
        if let out = scan.value("o") ?? scan.value("output") { markDecoded(out, labels: flow.labels) }
        return flow
    }

    /// `unzip -P PASS A.zip [-d DIR]`, `7z x -pPASS A.7z [-oDIR]`: the extracted files are decoded.
    mutating func encryptedArchive(_ inv: CommandInvocation) -> DataFlow? {
        let args = Array(inv.arguments)
        var directory: String? = nil
        if inv.name == "unzip" {
            let scan = OptionScan(inv.arguments, shortWithValue: ["P", "d", "x"])
            guard scan.value("P") != nil else { return nil }
            directory = scan.value("d")
        } else {
            guard args.first == "x" || args.first == "e", args.contains(where: { $0.hasPrefix("-p") && $0.count > 2 }) else { return nil }
            directory = args.first(where: { $0.hasPrefix("-o") && $0.count > 2 }).map { String($0.dropFirst(2)) }
        }
        if decryptedDirectories.count < 8 {
            decryptedDirectories.append(normalizer.normalize(directory ?? "."))
        }
        return nil
    }

    /// `openssl enc -d … -out FILE`, `base64 -d -o FILE`: the decoder's output file.
    mutating func markDecodedOutput(_ inv: CommandInvocation, labels: DataLabels) {
        let args = Array(inv.arguments)
        let option = inv.name == "openssl" ? "-out" : "-o"
        if let k = args.firstIndex(of: option), k + 1 < args.count { markDecoded(args[k + 1], labels: labels) }
    }

    mutating func markDecoded(_ file: String, labels: DataLabels) {
        fileLabels[normalizer.normalize(file), default: []].formUnion(labels.union(.decoded))
    }

    /// Whether `path` holds data decoded or decrypted earlier in the command.
    func isDecoded(_ path: String) -> Bool {
        if fileLabels[path]?.contains(.decoded) == true { return true }
        return decryptedDirectories.contains { dir in dir == "/" || path.hasPrefix(dir + "/") }
    }
}
