/// Exposes the hand-written shell-path scanner to the benchmark harness, which compares it
/// with an equivalent precompiled regular expression (see BENCHMARKS.md).
public enum ShellScanProbe {
    public static func handWritten(_ text: String) -> Bool { Escapes.spawnsShell(text) }
}
