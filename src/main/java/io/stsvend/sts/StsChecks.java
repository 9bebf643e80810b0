package io.stsvend.sts;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The forms of {@code stsvend.sts.*}'s names and addresses, reported with every other startup problem (the values
 * are never quoted: a problem names the property and the form it must have). Checked here rather than by Bean
 * Validation annotations on {@link StsConfig}: these nine constraints were its only use, and loading it cost every
 * start about a third of a second of a core.
 */
public final class StsChecks {

    static final Pattern ROLE_ARN = Pattern.compile("acs:ram::[0-9]{1,32}:role/[A-Za-z0-9.@_-]{1,64}");
    static final Pattern OIDC_PROVIDER_ARN = Pattern.compile("acs:ram::[0-9]{1,32}:oidc-provider/[A-Za-z0-9.-]{1,128}");
    static final Pattern REGION = Pattern.compile("[a-z0-9-]{2,32}");
    static final Pattern HOST_PORT = Pattern.compile("[A-Za-z0-9.-]{1,253}(:[0-9]{1,5})?");
    static final Pattern SESSION_NAME = Pattern.compile("[A-Za-z0-9.@_-]{2,64}");
    private static final String ROLE_ARN_FORM = "must look like acs:ram::<account-id>:role/<role-name>";
    private static final String HOST_PORT_FORM = "must be host or host:port";

    private StsChecks() {
    }

    /** Every {@code stsvend.sts.*} value not of its form, each naming its property; empty when all are. */
    public static List<String> problems(StsConfig sts) {
        List<String> problems = new ArrayList<>();
        require(problems, "stsvend.sts.role-arn", Optional.of(sts.roleArn()), ROLE_ARN, ROLE_ARN_FORM);
        require(problems, "stsvend.sts.region", Optional.of(sts.region()), REGION,
                "must be an Alibaba Cloud region id such as cn-hangzhou");
        require(problems, "stsvend.sts.endpoint", sts.endpoint(), HOST_PORT, HOST_PORT_FORM);
        notBlank(problems, "stsvend.sts.access-key-id", sts.accessKeyId());
        notBlank(problems, "stsvend.sts.access-key-secret", sts.accessKeySecret());
        StsConfig.Rrsa rrsa = sts.rrsa();
        require(problems, "stsvend.sts.rrsa.role-arn", rrsa.roleArn(), ROLE_ARN, ROLE_ARN_FORM);
        require(problems, "stsvend.sts.rrsa.oidc-provider-arn", rrsa.oidcProviderArn(), OIDC_PROVIDER_ARN,
                "must look like acs:ram::<account-id>:oidc-provider/<name>");
        require(problems, "stsvend.sts.rrsa.role-session-name", Optional.of(rrsa.roleSessionName()), SESSION_NAME,
                "must be 2-64 letters, digits, '.', '@', '_' or '-'");
        require(problems, "stsvend.sts.rrsa.endpoint", rrsa.endpoint(), HOST_PORT, HOST_PORT_FORM);
        return problems;
    }

    private static void require(List<String> problems, String property, Optional<String> value, Pattern form,
                                String message) {
        if (value.isPresent() && !form.matcher(value.get()).matches()) {
            problems.add(property + ": " + message);
        }
    }

    private static void notBlank(List<String> problems, String property, Optional<String> value) {
        if (value.isPresent() && value.get().isBlank()) {
            problems.add(property + ": must not be blank");
        }
    }
}
