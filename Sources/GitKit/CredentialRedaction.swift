/// Removes credentials from remote URLs before they are shown anywhere.
///
/// - `scheme://user:secret@host/…` → `scheme://host/…` for every scheme.
/// - `http(s)://token@host/…` → `https://host/…`: over HTTP a lone user name is often a token.
/// - `ssh://git@host/…` and scp-like `git@host:org/repo` keep their user (it is not a secret).
/// - scp-like `user:secret@host:path` → `host:path`.
public enum CredentialRedaction {
    public static func strip(_ url: String) -> String {
        if let schemeEnd = url.range(of: "://") {
            let scheme = url[..<schemeEnd.lowerBound].lowercased()
            let rest = url[schemeEnd.upperBound...]
            let authorityEnd = rest.firstIndex(where: { $0 == "/" || $0 == "?" || $0 == "#" }) ?? rest.endIndex
            let authority = rest[..<authorityEnd]
            guard let at = authority.lastIndex(of: "@") else { return url }
            let userInfo = authority[..<at]
            let isWeb = scheme.hasPrefix("http") || scheme.hasPrefix("ftp")
            guard isWeb || userInfo.contains(":") else { return url }
            return String(url[..<schemeEnd.upperBound]) + String(rest[rest.index(after: at)...])
        }
        // scp-like "[user@]host:path": the user part ends at the last '@' before the first ':' after it.
        guard let at = url.lastIndex(of: "@") else { return url }
        let userInfo = url[..<at]
        guard userInfo.contains(":"), !userInfo.contains("/") else { return url }
        return String(url[url.index(after: at)...])
    }
}
