package io.stsvend.cloudbox.oss;

/**
 * The closed set of OSS error codes the emulator answers with: HTTP status, OSS {@code Code}, default message and the
 * {@code EC} detail code. Codes and messages follow the OSS documentation; only {@code 0003-00000001} (authorizer
 * denial) is a documented EC value, the others are stable emulator-assigned values in OSS's format.
 */
enum OssErrorCode {
    ACCESS_DENIED(403, "AccessDenied", "Access denied by authorizer's policy.", "0003-00000001"),
    ANONYMOUS_DENIED(403, "AccessDenied", "Anonymous access is forbidden for this operation.", "0003-00000201"),
    REQUEST_EXPIRED(403, "AccessDenied", "Request has expired.", "0002-00000069"),
    DATE_MISSING(403, "AccessDenied", "OSS authentication requires a valid Date.", "0002-00000016"),
    QUERY_AUTH_INCOMPLETE(403, "AccessDenied",
            "Query string authentication requires the Signature, Expires and OSSAccessKeyId parameters",
            "0002-00000017"),
    INVALID_ACCESS_KEY_ID(403, "InvalidAccessKeyId", "The OSS Access Key Id you provided does not exist in our records.",
            "0002-00000030"),
    SIGNATURE_DOES_NOT_MATCH(403, "SignatureDoesNotMatch",
            "The request signature we calculated does not match the signature you provided. Check your key and signing method.",
            "0002-00000040"),
    INVALID_SECURITY_TOKEN(403, "InvalidSecurityToken", "The security token you provided is invalid.", "0002-00000022"),
    TOKEN_NOT_MATCH(403, "AccessKeyIdAndSecurityTokenNotMatch",
            "The OSS access key id and security token you provided does not match.", "0002-00000023"),
    TOKEN_EXPIRED(403, "SecurityTokenExpired", "The security token you provided has expired.", "0002-00000024"),
    REQUEST_TIME_TOO_SKEWED(403, "RequestTimeTooSkewed",
            "The difference between the request time and the current time is too large.", "0002-00000504"),
    INVALID_ARGUMENT(400, "InvalidArgument", "Invalid argument.", "0016-00000001"),
    INVALID_DIGEST(400, "InvalidDigest", "The Content-MD5 you specified was invalid.", "0016-00000002"),
    ENTITY_TOO_LARGE(400, "EntityTooLarge", "Your proposed upload exceeds the maximum allowed object size.",
            "0016-00000003"),
    ENTITY_TOO_SMALL(400, "EntityTooSmall", "Your proposed upload is smaller than the minimum allowed size.",
            "0042-00000004"),
    INVALID_PART(400, "InvalidPart", "One or more of the specified parts could not be found or the specified "
            + "entity tag might not have matched the part's entity tag.", "0042-00000005"),
    INVALID_PART_ORDER(400, "InvalidPartOrder",
            "The list of parts was not in ascending order. Parts must be ordered by part number.", "0042-00000006"),
    MALFORMED_XML(400, "MalformedXML", "The XML you provided was not well-formed or did not validate against our "
            + "published schema.", "0042-00000007"),
    PRECONDITION_FAILED(412, "PreconditionFailed", "At least one of the pre-conditions you specified did not hold.",
            "0026-00000004"),
    INVALID_RANGE(416, "InvalidRange", "The requested range cannot be satisfied.", "0026-00000002"),
    NO_SUCH_KEY(404, "NoSuchKey", "The specified key does not exist.", "0026-00000001"),
    NO_SUCH_BUCKET(404, "NoSuchBucket", "The specified bucket does not exist.", "0015-00000101"),
    NO_SUCH_UPLOAD(404, "NoSuchUpload", "The specified upload does not exist. The upload ID may be invalid, or the "
            + "upload may have been aborted or completed.", "0042-00000002"),
    POLICY_EXPIRED(403, "AccessDenied", "Invalid according to Policy: Policy expired.", "0002-00000705"),
    POLICY_CONDITION_FAILED(403, "AccessDenied", "Invalid according to Policy: Policy Condition failed: ",
            "0002-00000706"),
    INVALID_POLICY_DOCUMENT(400, "InvalidPolicyDocument", "Invalid Policy: Invalid JSON.", "0002-00000707"),
    FIELD_ITEM_TOO_LONG(400, "FieldItemTooLong", "Your POST request fields preceding the upload file was too large.",
            "0002-00000708"),
    INCORRECT_NUMBER_OF_FILES(400, "IncorrectNumberOfFilesInPOSTRequest",
            "POST requires exactly one file upload per request.", "0002-00000709"),
    FILE_ALREADY_EXISTS(409, "FileAlreadyExists", "The object you specified already exists and can not be "
            + "overwritten.", "0026-00000003"),
    CALLBACK_FAILED(203, "CallbackFailed", "Error status : -1.", "0007-00000203"),
    NOT_IMPLEMENTED(501, "NotImplemented", "The emulator does not implement this operation.", "0000-00000001"),
    INTERNAL_ERROR(500, "InternalError", "We encountered an internal error. Please try again.", "0000-00000002");

    final int status;
    final String code;
    final String message;
    final String ec;

    OssErrorCode(int status, String code, String message, String ec) {
        this.status = status;
        this.code = code;
        this.message = message;
        this.ec = ec;
    }
}
