/// One outgoing HTTP request, whether from an HTTP tool or from `curl`/`wget` in a shell command.
public struct HTTPRequestFacet: Sendable, Equatable {
    /// Upper-cased method (`GET`, `POST`, …).
    public var method: String
    /// The destination.
    public var url: URLFacet
    /// A local file whose content is sent (`curl -d @file`, `--data-binary @file`, `-T file`,
    /// `-F f=@file`, `wget --post-file=file`), normalized like other paths.
    public var bodyFile: String?
    /// Whether the request carries a body (inline or from a file).
    public var hasBody: Bool

    public init(method: String, url: URLFacet, bodyFile: String? = nil, hasBody: Bool = false) {
        self.method = method.uppercased()
        self.url = url
        self.bodyFile = bodyFile
        self.hasBody = hasBody || bodyFile != nil
    }

    /// Whether the request sends data: a body, or a method other than GET, HEAD and OPTIONS.
    public var sendsData: Bool {
        hasBody || !(method == "GET" || method == "HEAD" || method == "OPTIONS")
    }
}
