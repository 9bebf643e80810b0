package io.stsvend.cloudbox.sts;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A RAM role ARN, {@code acs:ram::<account-digits>:role/<role-name>}, split into its parts. */
record RoleArn(String accountId, String roleName) {

    private static final Pattern SHAPE = Pattern.compile("acs:ram::(\\d+):role/([A-Za-z0-9.\\-]{1,64})");

    /** The parts of a well-formed role ARN; empty for anything else (wrong service, account, name characters). */
    static Optional<RoleArn> parse(String arn) {
        Matcher m = SHAPE.matcher(arn);
        return m.matches() ? Optional.of(new RoleArn(m.group(1), m.group(2))) : Optional.empty();
    }

    /** {@code acs:ram::<account>:role/<name>}, the name as the caller spelled it. */
    String canonical() {
        return "acs:ram::" + accountId + ":role/" + roleName;
    }
}
