/// What a content match is: a credential or personal data.
public enum ContentKind: String, Sendable, Equatable, CaseIterable {
    /// A credential: API key, token, password, private key.
    case secret
    /// Personal data: e-mail, phone number, payment card, national ID, IP address.
    case pii
}
