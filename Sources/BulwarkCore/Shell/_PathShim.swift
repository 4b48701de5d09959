// TEMPORARY: replaced by Sources/BulwarkCore/Paths when it lands.
public enum FileAccessMode: String, Sendable { case read, write, append, delete, execute, list, permission }
public struct FileAccess: Sendable, Equatable { public var raw: String; public var path: String; public var mode: FileAccessMode
  public init(raw: String, path: String, mode: FileAccessMode) { self.raw = raw; self.path = path; self.mode = mode } }
public struct PathNormalizer: Sendable { let cwd: String?; let home: String?
  public init(cwd: String?, home: String?) { self.cwd = cwd; self.home = home }
  public func normalize(_ raw: String) -> String { if raw == "~" { return home ?? "~" }; if raw.hasPrefix("~/") { return (home ?? "~") + raw.dropFirst(1) }; return raw } }
public enum PathClass: String, Sendable, CaseIterable { case root, systemDir, home, credentialStore, passwordDatabase, shellStartup, scheduler, sudoers, authorizedKeys, loaderConfig, pamConfig, gitHooks, agentConfig, history, dotfile, kernelInterface, blockDevice, logs, temp, project, other }
public enum PathCatalogue { public static func classify(_ p: String, home: String?, cwd: String?) -> PathClass {
  if p == "/" || p == "/*" { return .root }; if p.contains(".ssh/id_") || p.contains(".aws/cred") { return .credentialStore }; if p == "/etc/shadow" || p == "/etc/passwd" { return .passwordDatabase }
  if p.hasPrefix("/etc") || p.hasPrefix("/usr") { return .systemDir }; if p == (home ?? "~") { return .home }; if p.hasPrefix("/tmp") { return .temp }; return .other } }
public enum BlastRadius: Int, Sendable, Comparable, CaseIterable { case temp, project, file, dotfiles, home, credentialStore, system, root
  public static func < (a: BlastRadius, b: BlastRadius) -> Bool { a.rawValue < b.rawValue }
  public var description: String { "\(self)" }
  public static func of(_ p: String, home: String?, cwd: String?, recursive: Bool) -> BlastRadius {
    switch PathCatalogue.classify(p, home: home, cwd: cwd) { case .root: .root; case .systemDir: .system; case .home: .home; case .credentialStore: .credentialStore; case .temp: .temp; default: .file } } }
public enum FileRules { public static func findings(for a: FileAccess, home: String?, cwd: String?) -> [Finding] {
  let c = PathCatalogue.classify(a.path, home: home, cwd: cwd)
  if a.mode == .read, c == .credentialStore || c == .passwordDatabase { return [Finding(layer: .impact, rule: "file.read.credential", severity: .high, message: "reads credentials", evidence: a.raw, category: .credentialAccess)] }
  if a.mode == .write || a.mode == .append, c == .systemDir { return [Finding(layer: .impact, rule: "file.write.system", severity: .high, message: "writes system", evidence: a.raw, category: .persistence)] }
  return [] } }
public enum HostKind: String, Sendable { case domain, ipv4, ipv6, localhost, privateNetwork, linkLocal, metadata }
public struct URLFacet: Sendable, Equatable { public var raw: String; public var scheme: String; public var host: String; public var port: Int?; public var path: String; public var query: String?; public var userinfo: String?; public var hostKind: HostKind }
public enum URLParser { public static func parse(_ t: String) -> URLFacet? { guard t.contains(".") else { return nil }; var s = t; var scheme = ""; if let r = s.firstRange(of: "://") { scheme = String(s[..<r.lowerBound]); s = String(s[r.upperBound...]) }
  let host = String(s.prefix(while: { $0 != "/" && $0 != ":" })); return URLFacet(raw: t, scheme: scheme, host: host, port: nil, path: "", query: nil, userinfo: nil, hostKind: .domain) }
  public static func extract(from: String) -> [URLFacet] { [] } }
public struct HTTPRequestFacet: Sendable, Equatable { public var method: String; public var url: URLFacet; public var bodyFile: String?; public var hasBody: Bool
  public init(method: String, url: URLFacet, bodyFile: String?, hasBody: Bool) { self.method = method; self.url = url; self.bodyFile = bodyFile; self.hasBody = hasBody } }
public enum HTTPRules { public static func findings(for r: HTTPRequestFacet) -> [Finding] { [] } }
