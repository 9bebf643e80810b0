// An OSS iOS SDK (AliyunOSSiOS) credential provider backed by stsvend: sends the app's JWT, which the stock
// OSSAuthCredentialProvider cannot, and reads GET /credentials?format=aliyun.
//
// The SDK calls the getter block on its own background queue when its cached token is missing or near expiry, and
// blocks that queue until the block returns; the block therefore waits (bounded by `timeout`) for one URLSession
// request. Returning nil makes the SDK fail the OSS request with its "can't get a federation token" error; the
// reason is kept in `lastError` (never a secret). A `subject-blocked` refusal (an admin suspended the user) is not
// retryable: for 60 s (or until clearBlock()) the getter returns nil at once without asking, so the SDK's
// ask-before-each-request cannot loop on it. Never log the OSSFederationToken: its fields are the credential.
//
// NOT COMPILED by stsvend's build (no Swift toolchain or AliyunOSSiOS there); the JSON fields it reads are checked
// against the service by MobileProvidersContractTest (docs/mobile.md).
import AliyunOSSiOS
import Foundation

public struct StsvendError: Error, CustomStringConvertible {
    /// HTTP status; 0 when no answer came.
    public let status: Int
    /// The service's stable code (unauthenticated, invalid-claim, forbidden, sts-unavailable, ...) or
    /// unreachable / bad-response / no-token.
    public let code: String
    public let message: String
    public var description: String { "stsvend \(status) \(code): \(message)" }

    /// Refusals asking again cannot change (the Kotlin StsvendException.NON_RETRYABLE_CODES): the app must act.
    public static let nonRetryableCodes: Set<String> = ["unauthenticated", "invalid-claim", "no-grants", "forbidden",
        "subject-blocked", "bad-request", "policy-too-large", "bad-response", "no-token"]
    /// False for `nonRetryableCodes` and any other 4xx but 429.
    public var retryable: Bool {
        !StsvendError.nonRetryableCodes.contains(code) && (status == 0 || status == 429 || status >= 500)
    }
}

public final class StsvendCredentialProvider: OSSFederationCredentialProvider {

    private static let maxBodyBytes = 256 * 1024
    private let lock = NSLock()
    private var _lastError: StsvendError?
    /// A subject-blocked refusal (an admin suspended the user), answered again without asking until this time.
    private static let blockedPause: TimeInterval = 60
    private var blockedUntil = Date.distantPast

    /// Why the last fetch failed, if it did.
    public var lastError: StsvendError? {
        lock.lock(); defer { lock.unlock() }
        return _lastError
    }

    /// - Parameters:
    ///   - baseURL: stsvend's base URL; the provider calls `<baseURL>/credentials?format=aliyun`.
    ///   - jwt: returns the signed-in user's current JWT (called on each fetch, on the SDK's queue).
    ///   - timeout: deadline of one fetch.
    public init(baseURL: URL, jwt: @escaping () -> String?, timeout: TimeInterval = 10) {
        weak var box: StsvendCredentialProvider?
        super.init(federationTokenGetter: {
            // The SDK asks again before each request: a held block is answered (nil) without a request.
            if box?.isBlocked() == true {
                return nil
            }
            let result = StsvendCredentialProvider.fetch(baseURL: baseURL, jwt: jwt, timeout: timeout)
            switch result {
            case .success(let token):
                box?.record(nil)
                return token
            case .failure(let error):
                box?.record(error)
                return nil
            }
        })
        box = self
    }

    private func record(_ error: StsvendError?) {
        lock.lock(); defer { lock.unlock() }
        _lastError = error
        if error?.code == "subject-blocked" {
            blockedUntil = Date().addingTimeInterval(StsvendCredentialProvider.blockedPause)
        }
    }

    private func isBlocked() -> Bool {
        lock.lock(); defer { lock.unlock() }
        return Date() < blockedUntil
    }

    /// Forget a held block (sign-out, user switch): the next getter call asks stsvend.
    public func clearBlock() {
        lock.lock(); blockedUntil = Date.distantPast; lock.unlock()
    }

    static func fetch(baseURL: URL, jwt: () -> String?, timeout: TimeInterval)
        -> Result<OSSFederationToken, StsvendError> {
        guard let token = jwt(), !token.isEmpty else {
            return .failure(StsvendError(status: 0, code: "no-token", message: "the app supplied no JWT"))
        }
        var components = URLComponents(url: baseURL.appendingPathComponent("credentials"),
                                       resolvingAgainstBaseURL: false)!
        components.queryItems = [URLQueryItem(name: "format", value: "aliyun")]
        var request = URLRequest(url: components.url!, cachePolicy: .reloadIgnoringLocalCacheData,
                                 timeoutInterval: timeout)
        request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization")
        request.setValue("application/json", forHTTPHeaderField: "Accept")

        let done = DispatchSemaphore(value: 0)
        var outcome: Result<OSSFederationToken, StsvendError> =
            .failure(StsvendError(status: 0, code: "unreachable", message: "stsvend did not answer"))
        let task = URLSession.shared.dataTask(with: request) { data, response, error in
            defer { done.signal() }
            guard error == nil, let http = response as? HTTPURLResponse else {
                outcome = .failure(StsvendError(status: 0, code: "unreachable", message: "stsvend is unreachable"))
                return
            }
            outcome = parse(status: http.statusCode, body: data ?? Data())
        }
        task.resume()
        if done.wait(timeout: .now() + timeout + 1) == .timedOut {
            task.cancel()
            return .failure(StsvendError(status: 0, code: "unreachable", message: "stsvend did not answer in time"))
        }
        return outcome
    }

    /// The same rules as the Kotlin AliyunFormat: StatusCode "200" with the four fields, else ErrorCode /
    /// ErrorMessage (or problem+json code / detail for 401s raised before the resource).
    static func parse(status: Int, body: Data) -> Result<OSSFederationToken, StsvendError> {
        let json = body.count <= maxBodyBytes
            ? (try? JSONSerialization.jsonObject(with: body)) as? [String: Any] : nil
        guard status == 200 else {
            let code = (json?["ErrorCode"] as? String) ?? (json?["code"] as? String) ?? "http-\(status)"
            let detail = (json?["ErrorMessage"] as? String) ?? (json?["detail"] as? String) ?? ""
            return .failure(StsvendError(status: status, code: code, message: detail))
        }
        guard let body = json, body["StatusCode"] as? String == "200",
              let accessKeyId = body["AccessKeyId"] as? String, !accessKeyId.isEmpty,
              let accessKeySecret = body["AccessKeySecret"] as? String, !accessKeySecret.isEmpty,
              let securityToken = body["SecurityToken"] as? String, !securityToken.isEmpty,
              let expiration = body["Expiration"] as? String, !expiration.isEmpty else {
            return .failure(StsvendError(status: status, code: "bad-response",
                                         message: "no StatusCode 200, AccessKeyId, AccessKeySecret, SecurityToken, Expiration"))
        }
        let token = OSSFederationToken()
        token.tAccessKey = accessKeyId
        token.tSecretKey = accessKeySecret
        token.tToken = securityToken
        token.expirationTimeInGMTFormat = expiration
        return .success(token)
    }
}
