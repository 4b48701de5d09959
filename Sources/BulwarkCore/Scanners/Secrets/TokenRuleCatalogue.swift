/// The provider token formats, by their documented prefixes, lengths and alphabets.
enum TokenRuleCatalogue {
    static let rules: [TokenRule] = cloud + vcs + chat + payment + llm + devtools + observability

    static let cloud: [TokenRule] = {
        var r: [TokenRule] = []
        // AWS access key ids: a four-letter resource prefix and 16 base32-ish uppercase characters.
        for p in ["AKIA", "ASIA", "AGPA", "AIDA", "AROA", "AIPA", "ANPA", "ANVA", "ABIA", "ACCA"] {
            r.append(TokenRule(p, "aws_access_key", .upperAlnum, 16, confidence: 0.95))
        }
        r += [
            TokenRule("amzn.mws.", "aws_mws_key", .dotted, 36, confidence: 0.95),
            TokenRule("bedrock-api-key-", "aws_bedrock_key", .base64, 20, 400),
            TokenRule("ABSK", "aws_bedrock_key", .base64, 100, 400, mixed: true),
            TokenRule("AIza", "google_api_key", .urlSafe, 35, confidence: 0.95),
            TokenRule("GOCSPX-", "google_oauth_secret", .urlSafe, 28, confidence: 0.95),
            TokenRule("ya29.", "google_oauth_token", .urlSafe, 20, 2048, mixed: true),
            TokenRule("1//0", "google_refresh_token", .urlSafe, 40, 512, mixed: true),
            TokenRule("HRKU-", "heroku_key", .urlSafe, 36, 80, mixed: true),
            TokenRule("doo_v1_", "digitalocean_token", .hex, 64),
            TokenRule("dop_v1_", "digitalocean_token", .hex, 64),
            TokenRule("dor_v1_", "digitalocean_token", .hex, 64),
            TokenRule("akab-", "akamai_token", .dotted, 30, 80, mixed: true),
            TokenRule("cfat_", "cloudflare_token", .urlSafe, 40, 60),
            TokenRule("cfut_", "cloudflare_token", .urlSafe, 40, 60),
            TokenRule("cfk_", "cloudflare_token", .urlSafe, 40, 60),
            TokenRule("hvs.", "vault_token", .dotted, 24, 400, mixed: true),
            TokenRule("hvb.", "vault_token", .dotted, 24, 400, mixed: true),
            TokenRule("pscale_pw_", "planetscale_token", .dotted, 32, 64),
            TokenRule("pscale_tkn_", "planetscale_token", .dotted, 32, 64),
            TokenRule("pscale_oauth_", "planetscale_token", .dotted, 32, 64),
            TokenRule("dnkey-", "defined_networking_key", .urlSafe, 40, 120),
            TokenRule("AGE-SECRET-KEY-1", "age_secret_key", .upperAlnum, 58),
            TokenRule("SWMTKN-1-", "docker_swarm_token", .urlSafe, 40, 120),
            TokenRule("SWMKEY-1-", "docker_swarm_token", .urlSafe, 40, 120),
        ]
        // NATS nkey seeds: 'S', a type letter, 56 base32 characters.
        for p in ["SO", "SA", "SU", "SN", "SC", "SX", "SP"] {
            r.append(TokenRule(p, "nkey_seed", .base32, 56, confidence: 0.8))
        }
        return r
    }()

    static let vcs: [TokenRule] = {
        let crc: @Sendable (UnsafeBufferPointer<UInt8>, Range<Int>) -> Bool = { GitHubChecksum.isValid($0, body: $1) }
        var r: [TokenRule] = []
        for p in ["ghp_", "gho_", "ghu_", "ghs_", "ghr_"] {
            r.append(TokenRule(p, "github_token", .dotted, 36, 400, confidence: 0.95, mixed: true, checksum: crc))
        }
        r.append(TokenRule("github_pat_", "github_token", .urlSafe, 50, 120, confidence: 0.95))
        for p in [
            "glpat-", "gloas-", "gldt-", "glrt-", "glrtr-", "glcbt-", "glptt-", "glft-", "glimt-", "glagent-",
            "glsoat-", "glffct-", "glwt-", "GR1348941",
        ] {
            r.append(TokenRule(p, "gitlab_token", .dotted, 20, 80, mixed: true))
        }
        r += [
            TokenRule("_gitlab_session=", "gitlab_token", .hex, 32),
            TokenRule("ATATT3", "atlassian_token", .urlSafePadded, 100, 300),
            TokenRule("ATCTT3", "bitbucket_token", .urlSafePadded, 100, 300),
            TokenRule("ATBB", "bitbucket_token", .alnum, 32),
            TokenRule("BBDC-", "bitbucket_token", .alnum, 40, 60),
            TokenRule("npm_", "npm_token", .alnum, 36),
            TokenRule("pypi-AgEIcHlwaS5vcmc", "pypi_token", .urlSafe, 50, 300),
            TokenRule("CLOJARS_", "clojars_token", .alnum, 60),
            TokenRule("oy2", "nuget_key", .lowerAlnum, 43),
            TokenRule("dckr_pat_", "docker_token", .urlSafe, 24, 60),
            TokenRule("dckr_oat_", "docker_token", .urlSafe, 24, 60),
            TokenRule("AKCp", "jfrog_token", .alnum, 69, 80),
            TokenRule("cmVmdGtuOjAx", "jfrog_token", .base64, 40, 100),
        ]
        return r
    }()

    static let chat: [TokenRule] = {
        var r: [TokenRule] = []
        for p in ["xoxb-", "xoxp-", "xoxa-", "xoxr-", "xoxs-", "xoxe-", "xoxo-", "xapp-"] {
            r.append(TokenRule(p, "slack_token", .urlSafe, 20, 300, confidence: 0.95, mixed: true))
        }
        r += [
            TokenRule("SG.", "sendgrid_key", .dotted, 33, 80),
            TokenRule("xkeysib-", "brevo_key", .urlSafe, 70, 90),
            TokenRule("xsmtpsib-", "brevo_key", .urlSafe, 70, 90),
            TokenRule("key-", "mailgun_key", .hex, 32, confidence: 0.85),
            // Twilio API key SIDs (secret-bearing) and account SIDs (identifiers).
            TokenRule("SK", "twilio_key", .hex, 32, confidence: 0.8, mixed: true),
            TokenRule("AC", "twilio_account_sid", .hex, 32, confidence: 0.6, mixed: true),
            TokenRule("EAAA", "square_token", .urlSafe, 60, 80, mixed: true),
            TokenRule("sq0atp-", "square_token", .urlSafe, 22, 60),
            TokenRule("sq0csp-", "square_token", .urlSafe, 40, 60),
            TokenRule("IGQV", "instagram_token", .urlSafe, 100, 400, mixed: true),
            TokenRule("AAAAAAAAAAAAAAAAAAAAA", "twitter_bearer_token", .percentEncoded, 40, 200, mixed: true),
            TokenRule("sl.", "dropbox_token", .urlSafe, 100, 1400, mixed: true),
            TokenRule("ntn_", "notion_token", .alnum, 46),
            TokenRule("lin_api_", "linear_key", .alnum, 40),
            TokenRule("figd_", "figma_token", .urlSafe, 38, 44),
            TokenRule("shpat_", "shopify_token", .hex, 32),
            TokenRule("shpss_", "shopify_token", .hex, 32),
            TokenRule("shpca_", "shopify_token", .hex, 32),
            TokenRule("shppa_", "shopify_token", .hex, 32),
            TokenRule("ops_eyJ", "onepassword_token", .urlSafe, 100, 1500),
        ]
        // Facebook/Meta user and page tokens.
        for p in ["EAAB", "EAAC", "EAAD", "EAAG", "EAAI", "EAAJ"] {
            r.append(TokenRule(p, "facebook_token", .alnum, 60, 400, mixed: true))
        }
        return r
    }()

    static let payment: [TokenRule] = [
        TokenRule("sk_live_", "stripe_key", .alnum, 20, 120, confidence: 0.95),
        TokenRule("rk_live_", "stripe_key", .alnum, 20, 120, confidence: 0.95),
        TokenRule("sk_test_", "stripe_key", .alnum, 20, 120),
        TokenRule("rk_test_", "stripe_key", .alnum, 20, 120),
        TokenRule("pk_live_", "stripe_publishable_key", .alnum, 20, 120, confidence: 0.7),
        TokenRule("pk_test_", "stripe_publishable_key", .alnum, 20, 120, confidence: 0.6),
        TokenRule("whsec_", "stripe_webhook_secret", .alnum, 32, 64),
        TokenRule("access_token$production$", "braintree_token", .dollarDelimited, 40, 60),
    ]

    static let llm: [TokenRule] = [
        TokenRule("sk-ant-", "anthropic_key", .urlSafe, 40, 200, confidence: 0.97),
        TokenRule("sk-proj-", "openai_key", .urlSafe, 40, 300, confidence: 0.95),
        TokenRule("sk-svcacct-", "openai_key", .urlSafe, 40, 300, confidence: 0.95),
        TokenRule("sk-admin-", "openai_key", .urlSafe, 40, 300, confidence: 0.95),
        TokenRule("sk-", "openai_key", .urlSafe, 40, 200, confidence: 0.97, marker: "T3BlbkFJ"),
        // DeepSeek, Moonshot and other OpenAI-compatible APIs: sk- and 32 hex characters.
        TokenRule("sk-", "openai_compatible_key", .hex, 32, confidence: 0.8, mixed: true),
        TokenRule("gsk_", "groq_key", .alnum, 52),
        TokenRule("xai-", "xai_key", .alnum, 70, 90),
        TokenRule("pplx-", "perplexity_key", .alnum, 48),
        TokenRule("tvly-", "tavily_key", .alnum, 32),
        TokenRule("llx-", "llama_cloud_key", .urlSafe, 40, 60, mixed: true),
        TokenRule("tgp_v1_", "together_key", .urlSafe, 43),
        TokenRule("hf_", "huggingface_token", .alpha, 30, 40),
    ]

    static let devtools: [TokenRule] = [
        TokenRule("dp.pt.", "doppler_token", .alnum, 40, 44),
        TokenRule("dp.st.", "doppler_token", .dotted, 40, 80),
        TokenRule("dp.ct.", "doppler_token", .alnum, 40, 44),
        TokenRule("dp.sa.", "doppler_token", .alnum, 40, 44),
        TokenRule("sntrys_eyJ", "sentry_token", .base64, 60, 400),
        TokenRule("sntryu_", "sentry_token", .hex, 64),
        TokenRule("glc_eyJ", "grafana_token", .base64, 30, 400),
        TokenRule("glsa_", "grafana_token", .urlSafe, 40, 50, mixed: true),
        TokenRule("eyJrIjoi", "grafana_token", .base64, 40, 200),
    ]

    static let observability: [TokenRule] = {
        var r: [TokenRule] = [TokenRule("dt0c01.", "dynatrace_token", .dotted, 80, 100)]
        for p in ["NRAK-", "NRII-", "NRJS-", "NRBR-", "NRRA-", "NRIQ-", "NRAA-", "NRSP-"] {
            r.append(TokenRule(p, "newrelic_key", .urlSafe, 18, 40, mixed: true))
        }
        return r
    }()

    /// Whether any rule's prefix starts with a byte (checked before touching the rule lists).
    static let isFirstByte: [Bool] = byFirstByte.map { !$0.isEmpty }

    /// Whether any rule's prefix starts with a pair of bytes (`b0 << 8 | b1`); prose words
    /// almost never pass this filter, so the rule lists are rarely walked.
    static let isFirstPair: [Bool] = {
        var table = [Bool](repeating: false, count: 65536)
        for rule in rules where rule.prefix.count >= 2 { table[Int(rule.prefix[0]) << 8 | Int(rule.prefix[1])] = true }
        return table
    }()

    /// Rules indexed by the first byte of their prefix.
    static let byFirstByte: [[TokenRule]] = {
        var table = [[TokenRule]](repeating: [], count: 256)
        for rule in rules { table[Int(rule.prefix[0])].append(rule) }
        // Longer prefixes first: `sk-ant-` before `sk-`.
        for i in 0..<256 { table[i].sort { $0.prefix.count > $1.prefix.count } }
        return table
    }()
}
