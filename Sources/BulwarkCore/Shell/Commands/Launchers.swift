/// Programs that start other programs in ways the generic wrappers do not cover: every program
/// in a directory (`run-parts`), a subcommand that is a shell (`ansible-test shell`), the loader
/// cache (`ldconfig`), document processors switched into modes that run commands, and output
/// that never ends (`yes`).
extension ShellAnalyzer {
    /// `run-parts DIR` runs every executable in DIR; pointed at a system binary directory it runs
    /// shells (`run-parts --regex '^sh$' /bin`).
    mutating func runParts(_ inv: CommandInvocation) -> DataFlow? {
        let scan = OptionScan(inv.arguments, longWithValue: ["regex", "arg", "umask"])
        for operand in scan.operands where Self.systemBinaryDirectories.contains(normalizer.normalize(operand)) {
            add("shell.escape.spawn_shell", .critical, .defenseEvasion, "run-parts runs the programs of \(operand), shells included", evidence: inv.text)
            break
        }
        return DataFlow()
    }

    static let systemBinaryDirectories: Set<String> = ["/bin", "/sbin", "/usr/bin", "/usr/sbin", "/usr/local/bin", "/usr/local/sbin"]

    /// `ansible-test shell` opens an interactive shell in the test environment.
    mutating func ansibleTest(_ inv: CommandInvocation) -> DataFlow? {
        if inv.arguments.first == "shell" {
            add("shell.interactive_shell", .high, score: 75, .execution, "ansible-test shell opens an interactive shell", evidence: inv.text)
        }
        return DataFlow()
    }

    /// `ldconfig -f CONF` or `ldconfig DIR` rebuilds the loader cache from directories of the
    /// caller's choice: every program then loads libraries found there first.
    mutating func ldconfig(_ inv: CommandInvocation) -> DataFlow? {
        let scan = OptionScan(inv.arguments, shortWithValue: ["f", "C", "r", "c"], longWithValue: ["format"])
        if scan.has("p") || scan.has(long: "print-cache") || scan.has("N") && scan.operands.isEmpty { return DataFlow(labels: .systemInfo) }
        let config = scan.value("f").map { normalizer.normalize($0) }
        let customConfig = config.map { !$0.hasPrefix("/etc/") } ?? false
        // `ldconfig /usr/local/lib` after `make install` is routine; other directories are not.
        let extra = scan.operands.contains { dir in
            let p = normalizer.normalize(dir)
            return !Self.libraryDirectoryPrefixes.contains { p == $0 || p.hasPrefix($0 + "/") }
        }
        if customConfig || extra {
            add("shell.library_load", .high, score: 75, .execution, "Rebuilds the shared-library cache from \(customConfig ? "a custom configuration" : "extra directories") (library hijacking)", evidence: inv.text)
        }
        return DataFlow()
    }

    static let libraryDirectoryPrefixes = ["/lib", "/lib64", "/usr/lib", "/usr/lib64", "/usr/local/lib", "/usr/local/lib64", "/opt"]

    /// `yes > /dev/null` (or `> file`): an endless loop whose only effect is to burn a CPU or fill
    /// a disk. `yes | cmd` (answering prompts) is bounded by `cmd`; `yes` on a terminal just prints.
    mutating func yes(_ inv: CommandInvocation) -> DataFlow? {
        let discarded = inv.redirects.contains { r in
            (r.fd == nil || r.fd == 1) && (r.op == .output || r.op == .append || r.op == .clobber || r.op == .outputAll || r.op == .appendAll)
        }
        guard discarded, !inv.stdoutIsPipe else { return DataFlow() }
        add("shell.impact.resource_exhaustion", .high, score: 75, .resourceExhaustion, "yes writes forever: nothing reads its output and stops it", evidence: inv.text)
        return DataFlow()
    }

    /// Document processors whose "unsafe" switches let the document run shell commands:
    /// `dvips -R0`, `groff`/`pic -U`, `gs -dNOSAFER`. TeX's `--shell-escape` has ordinary uses
    /// (minted) and goes to review; with a shell in the document it is blocked elsewhere.
    mutating func unsafeMode(_ inv: CommandInvocation) -> DataFlow? {
        let args = inv.arguments
        let unsafe: Bool
        switch inv.name {
        case "dvips": unsafe = args.contains("-R0")
        case "pic", "gpic", "groff", "troff", "nroff": unsafe = args.contains { $0.hasPrefix("-") && !$0.hasPrefix("--") && $0.contains("U") }
        case "gs", "gsc", "ghostscript": unsafe = args.contains { $0 == "-dNOSAFER" || $0 == "-dDELAYSAFER" }
        default:
            if args.contains(where: { $0 == "--shell-escape" || $0 == "-shell-escape" || $0 == "--enable-write18" || $0 == "-enable-write18" }) {
                add("shell.escape.unsafe_mode", .medium, .execution, "\(inv.name) lets the document run shell commands (--shell-escape)", evidence: inv.text)
            }
            return nil
        }
        if unsafe {
            add("shell.escape.unsafe_mode", .high, score: 75, .execution, "\(inv.name) is switched into a mode where the document runs shell commands", evidence: inv.text)
        }
        return nil
    }
}
