/// Proposed default severities per content type. The content layer may raise or lower them
/// depending on where the text is going.
enum ContentSeverity {
    /// Keys that open production systems or sign things are high; identifiers that are public by
    /// design (publishable keys, account SIDs) are low; loose assignments are medium.
    static func secret(_ type: String) -> Severity {
        switch type {
        case "stripe_publishable_key", "twilio_account_sid", "google_oauth_client_id":
            return .low
        case "generic_password_assignment", "generic_api_key_assignment", "jwt", "url_credentials":
            return .medium
        default:
            return .high
        }
    }

    /// Payment cards and national identifiers are high; contact data is low; IP addresses are info.
    static func pii(_ type: String) -> Severity {
        switch type {
        case "credit_card", "us_ssn": .high
        case "iban", "us_driver_license": .medium
        case "email", "phone": .low
        default: .info
        }
    }
}
