extension ActionKind {
    /// Guesses the kind of a tool from its name, falling back to the shape of its arguments.
    /// Claude Code's built-in tools are mapped exactly by the Claude Code adapter.
    public static func classify(toolName: String, arguments: JSONValue) -> ActionKind {
        let name = toolName.lowercased()
        func has(_ words: String...) -> Bool { words.contains { name.contains($0) } }
        func arg(_ keys: String...) -> Bool { keys.contains { arguments[$0] != nil } }
        if has("bash", "shell", "terminal", "run_command", "exec_command", "execute_command", "run_cmd", "powershell", "cmd_controller", "subprocess")
            || (has("exec", "command", "run") && arg("command", "cmd", "script"))
        {
            return .shell
        }
        if has("sql", "query_db", "database", "postgres", "mysql", "sqlite", "bigquery", "snowflake") || (has("query") && arg("sql")) { return .sql }
        if has("transfer", "payment", "pay_", "send_money", "wire", "refund", "charge", "withdraw", "payout", "invoice") || (arg("amount") && arg("currency", "recipient", "to_account", "iban")) {
            return .payment
        }
        if has("email", "mail", "send_message", "post_message", "slack", "sms", "tweet", "notify", "chat_post") { return .message }
        if has("web_search", "websearch", "google", "bing", "search_web") { return .webSearch }
        if has("fetch", "http", "request", "curl", "browse", "navigate", "download", "get_url", "open_url", "scrape") || (arg("url") && !arg("path", "file_path")) { return .http }
        if has("write", "create_file", "save", "edit", "append", "patch", "replace", "delete_file", "remove_file", "move_file") && arg("path", "file_path", "filename", "file") {
            return .fileWrite
        }
        if has("read", "cat", "view", "open", "get_file", "load_file") && arg("path", "file_path", "filename", "file") { return .fileRead }
        if has("glob", "grep", "find", "list_dir", "ls", "search_files", "list_files") { return .fileSearch }
        if arg("command", "cmd") && !arg("url") { return .shell }
        return .tool
    }
}
