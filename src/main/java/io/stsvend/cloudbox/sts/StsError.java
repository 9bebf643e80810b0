package io.stsvend.cloudbox.sts;

/**
 * The closed catalogue of errors the STS emulator answers with: HTTP status, Alibaba error code and message, as
 * documented in spec §1.6. Messages ending in {@code %s} take one detail (a parameter name or the server
 * string-to-sign); {@link #reject()} / {@link #reject(String)} turn an entry into the exception that ends a request.
 */
public enum StsError {
    MISSING_PARAMETER(400, "MissingParameter",
            "The input parameter \"%s\" that is mandatory for processing this request is not supplied."),
    INVALID_PARAMETER(400, "InvalidParameter", "The parameter %s is wrongly formed."),
    INVALID_ACTION_OR_VERSION(400, "InvalidParameter", "The specified parameter \"Action or Version\" is not valid."),
    INVALID_CONTENT_TYPE(400, "InvalidParameter.ContentType", "The ContentType request header must be either "
            + "\"application/json\" or \"application/x-www-form-urlencoded\"."),
    INVALID_ROLE_ARN(400, "InvalidParameter.RoleArn", "The parameter RoleArn is wrongly formed."),
    INVALID_ROLE_SESSION_NAME(400, "InvalidParameter.RoleSessionName",
            "The parameter RoleSessionName is wrongly formed."),
    INVALID_DURATION(400, "InvalidParameter.DurationSeconds", "The Min/Max value of DurationSeconds is 15min/1hr."),
    INVALID_EXTERNAL_ID(400, "InvalidParameter.ExternalId", "The parameter ExternalId is wrongly formed."),
    POLICY_GRAMMAR(400, "InvalidParameter.PolicyGrammar", "The parameter Policy has not passed grammar check."),
    POLICY_SIZE(400, "InvalidParameter.PolicySize", "The size of Policy must be smaller than 2048 bytes."),
    NO_PERMISSION(403, "NoPermission", "You are not authorized to do this action. You should be authorized by RAM."),
    ROLE_NOT_FOUND(404, "EntityNotExist.Role", "The specified Role not exists."),
    ACTION_NOT_FOUND(404, "InvalidAction.NotFound", "Specified api is not found, please check your url and method."),
    INVALID_SIGNATURE_METHOD(400, "InvalidSignatureMethod", "Specified signature method is not supported."),
    INVALID_SIGNATURE_VERSION(400, "InvalidSignatureVersion", "Specified signature version is not supported."),
    SIGNATURE_DOES_NOT_MATCH(400, "SignatureDoesNotMatch",
            "Specified signature is not matched with our calculation. server string to sign is:%s"),
    INCOMPLETE_SIGNATURE(400, "IncompleteSignature",
            "The request signature does not conform to Aliyun standards. server string to sign is:%s"),
    ACCESS_KEY_NOT_FOUND(404, "InvalidAccessKeyId.NotFound", "Specified access key is not found."),
    TIMESTAMP_EXPIRED(400, "InvalidTimeStamp.Expired", "Specified time stamp or date value is expired."),
    TIMESTAMP_FORMAT(400, "InvalidTimeStamp.Format", "Specified time stamp or date value is not well formatted."),
    NONCE_USED(400, "SignatureNonceUsed", "Specified signature nonce was used already."),
    MISSING_SECURITY_TOKEN(400, "MissingSecurityToken", "SecurityToken is mandatory for this action."),
    SECURITY_TOKEN_EXPIRED(400, "InvalidSecurityToken.Expired", "Specified SecurityToken is expired."),
    SECURITY_TOKEN_MALFORMED(400, "InvalidSecurityToken.Malformed", "Specified SecurityToken is malformed."),
    SECURITY_TOKEN_MISMATCH(400, "InvalidSecurityToken.MismatchWithAccessKey",
            "Specified SecurityToken mismatch with the AccessKey."),
    NEED_SSL(403, "InvalidProtocol.NeedSsl", "Your request is denied as lack of ssl protect."),
    OIDC_PROVIDER_NOT_FOUND(401, "AuthenticationFail.NoPermission", "No such OIDC Provider registered."),
    OIDC_TOKEN_INVALID(401, "AuthenticationFail.OIDCToken.Invalid", "The OIDC token is invalid."),
    OIDC_TOKEN_INVALID_SIGNATURE(401, "AuthenticationFail.OIDCToken.InvalidSignature",
            "The signature of the OIDC token is invalid."),
    OIDC_TOKEN_AUDIENCE_NOT_MATCH(401, "AuthenticationFail.OIDCToken.AudienceNotMatch",
            "The audience of the OIDC token does not match the client ids of the OIDC provider."),
    OIDC_TOKEN_EXPIRED(401, "AuthenticationFail.OIDCToken.Expired", "The OIDC token has expired."),
    INTERNAL_ERROR(500, "InternalError", "STS Server Internal Error happened.");

    private final int status;
    private final String code;
    private final String message;

    StsError(int status, String code, String message) {
        this.status = status;
        this.code = code;
        this.message = message;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    /** The exception for an entry whose message takes no detail. */
    public StsRejection reject() {
        return new StsRejection(status, code, message);
    }

    /** The exception for an entry whose message embeds {@code detail} (a parameter name, a string-to-sign). */
    public StsRejection reject(String detail) {
        return new StsRejection(status, code, String.format(message, detail));
    }
}
