package io.stsvend.architecture;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;

import org.junit.jupiter.api.Test;

import java.util.Set;
import java.util.TreeSet;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * STYLE.md's dependency table ("The house"), checked over the compiled main classes. Each rule is one row's "must
 * not depend on"; {@link #everyPackageHasARow()} makes a new package add its row here and in the README's map.
 *
 * <p>Deliberate readings of the table, so the rules say what the code is meant to do: the {@code sts} port is
 * {@link #STS_PORT} (the gateway, its command and result, and the STS settings the startup check validates);
 * {@code TemporaryCredentials}, the value STS returns, may travel on to {@code api} and {@code upload}, which render and
 * sign with it; {@code api} may use {@code grant}'s value types, which its responses and query parameters carry.
 */
class ArchitectureTest {

    private static final String ROOT = "io.stsvend";
    private static final Set<String> ROWS = Set.of("admin", "api", "audit", "cloudbox", "configcheck", "demo", "error", "explain", "grant",
            "http", "identity", "issuance", "local", "redis", "sharedcache", "sts", "upload");

    /** What {@code local} and tests may see of {@code cloudbox}: the front door and the values it hands out. */
    private static final Set<String> CLOUDBOX_FRONT_DOOR = Set.of("cloudbox.CloudBox", "cloudbox.CloudBoxBuilder",
            "cloudbox.AccessKey", "cloudbox.RolePolicies", "cloudbox.IssuedSession", "cloudbox.SessionClaims",
            "cloudbox.InvalidSessionTokenException", "cloudbox.sts.StsFaults");

    /** What other packages may see of {@code sts}. */
    private static final Set<String> STS_PORT = Set.of("StsGateway", "AssumeRoleCommand", "TemporaryCredentials",
            "RefusedLocally", "RoleSessionName", "StsConfig", "ResilienceConfig", "ServerCredentials",
            "StsChecks");

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
            .importPackages(ROOT);

    @Test
    void everyPackageHasARow() {
        Set<String> packages = new TreeSet<>();
        for (JavaClass type : MAIN) {
            String name = type.getPackageName();
            if (name.startsWith(ROOT + ".")) {
                packages.add(name.substring(ROOT.length() + 1).split("\\.")[0]);
            }
        }
        assertEquals(new TreeSet<>(ROWS), packages, "a new top-level package needs its row in STYLE.md, the README's"
                + " package map and this test");
    }

    @Test
    void apiStaysAboveTheUseCase() {
        check(noClasses().that(in("api")).should().dependOnClassesThat(
                in("local", "cloudbox", "redis", "sharedcache", "demo").or(stsBeyond(Set.of("TemporaryCredentials")))
                        .or(vendorSdks())));
    }

    @Test
    void identityKnowsOnlyTokensAndErrors() {
        usesNeitherVendorSdksNor("identity", "api", "admin", "explain", "issuance", "sts", "local", "cloudbox",
                "upload", "redis", "sharedcache", "demo");
    }

    @Test
    void grantIsPlainJava() {
        check(noClasses().that(in("grant")).should().dependOnClassesThat(
                in("api", "admin", "explain", "identity", "issuance", "sts", "local", "cloudbox", "upload", "redis",
                        "sharedcache", "demo").or(vendorSdks())
                        .or(resideInAnyPackage("io.quarkus..", "jakarta.enterprise..", "jakarta.inject..",
                                "io.vertx.."))));
    }

    @Test
    void issuanceReachesStsThroughItsPortOnly() {
        check(noClasses().that(in("issuance")).should().dependOnClassesThat(
                in("api", "admin", "explain", "local", "cloudbox", "upload", "redis", "demo").or(stsBeyond(STS_PORT))
                        .or(vendorSdks())));
    }

    @Test
    void stsIsTheOnlyHomeOfTheStsSdk() {
        check(noClasses().that(in("sts")).should().dependOnClassesThat(
                in("api", "issuance", "local", "cloudbox", "upload", "redis", "sharedcache", "demo", "grant",
                        "identity")));
        check(noClasses().that(resideOutside("sts")).should().dependOnClassesThat(resideInAnyPackage("com.aliyuncs..")));
    }

    @Test
    void localIsReachedOnlyOverHttp() {
        usesNeitherVendorSdksNor("local", "api", "issuance", "sts", "upload", "redis", "sharedcache", "demo");
        check(noClasses().that(resideOutside("local")).should().dependOnClassesThat(in("local")));
    }

    @Test
    void theEmulatedCloudKnowsOnlyThePolicyEvaluator() {
        check(noClasses().that(in("cloudbox")).should().dependOnClassesThat(
                in("admin", "api", "demo", "error", "explain", "http", "identity", "issuance", "local", "redis",
                        "sharedcache", "sts", "upload").or(grantBeyondPolicy()).or(vendorSdks())));
    }

    @Test
    void onlyLocalModeUsesTheCloudBoxAndOnlyThroughItsFrontDoor() {
        check(noClasses().that(resideOutside("cloudbox")).and(DescribedPredicate.not(in("local"))).should()
                .dependOnClassesThat(in("cloudbox")));
        check(noClasses().that(in("local")).should().dependOnClassesThat(cloudBoxBeyondFrontDoor()));
    }

    /**
     * Tests outside the emulator's own package use the box as another team would: through the front door. The one
     * exception is {@code RrsaStsEmulator}, which needs what the front door does not offer yet (an OIDC provider,
     * a TLS listener and a second role).
     */
    @Test
    void testsUseTheCloudBoxThroughItsFrontDoor() {
        JavaClasses tests = new ClassFileImporter().withImportOption(ImportOption.Predefined.ONLY_INCLUDE_TESTS)
                .importPackages(ROOT);
        noClasses().that(resideOutside("cloudbox")).and().doNotHaveSimpleName("RrsaStsEmulator").should()
                .dependOnClassesThat(cloudBoxBeyondFrontDoor()).check(tests);
    }

    @Test
    void uploadSignsThroughOneClass() {
        check(noClasses().that(in("upload")).should().dependOnClassesThat(
                in("api", "local", "cloudbox", "redis", "sharedcache", "demo")
                        .or(stsBeyond(Set.of("TemporaryCredentials")))));
        check(noClasses().that(in("upload")).and().doNotHaveSimpleName("SigningClient").should()
                .dependOnClassesThat(resideInAnyPackage("com.aliyun.oss..")));
    }

    /**
     * {@code configcheck} is the one startup check every group's rule reports to: it sees only its own port
     * ({@code ConfigurationRule}), so any package may implement a rule without a cycle.
     */
    @Test
    void theStartupCheckKnowsNoGroup() {
        check(noClasses().that(in("configcheck")).should().dependOnClassesThat(
                in("admin", "api", "demo", "error", "explain", "grant", "http", "identity", "issuance", "local",
                        "redis", "sharedcache", "sts", "upload")));
    }

    /** The audit trail writes lines: it knows the grants it describes, nothing of who writes them. */
    @Test
    void theAuditTrailKnowsOnlyTheGrantsItDescribes() {
        check(noClasses().that(in("audit")).should().dependOnClassesThat(
                in("admin", "api", "configcheck", "demo", "explain", "http", "identity", "issuance", "local",
                        "redis", "sharedcache", "sts", "upload")));
    }

    @Test
    void redisImplementsTheStorePortOnly() {
        usesNeitherVendorSdksNor("redis", "api", "local", "cloudbox", "sts", "upload", "demo", "grant", "identity",
                "issuance");
    }

    /**
     * {@code sharedcache} is how replicas share credentials and revocation state through an external store: it owns
     * the store port ({@code SharedCredentialStore}, implemented in {@code redis}) and is used by {@code issuance};
     * of {@code sts} it sees only the token value it seals.
     */
    @Test
    void theSharedCacheKnowsOnlyItsStoreAndTheTokenItSeals() {
        check(noClasses().that(in("sharedcache")).should().dependOnClassesThat(
                in("admin", "api", "audit", "cloudbox", "demo", "explain", "grant", "http", "identity", "issuance",
                        "local", "redis", "upload").or(stsBeyond(Set.of("TemporaryCredentials"))).or(vendorSdks())));
        check(noClasses().that(resideOutside("sharedcache")).and(DescribedPredicate.not(in("issuance", "redis")))
                .should().dependOnClassesThat(in("sharedcache")));
    }

    @Test
    void adminIsAGateOverIdentity() {
        usesNeitherVendorSdksNor("admin", "api", "explain", "grant", "local", "cloudbox", "sts", "upload", "redis",
                "sharedcache", "demo");
    }

    @Test
    void explainReusesTheRequestPathWithoutCallingSts() {
        usesNeitherVendorSdksNor("explain", "api", "admin", "local", "cloudbox", "sts", "upload", "redis",
                "sharedcache", "demo");
    }

    @Test
    void httpIsPlainJdkPlumbing() {
        usesNeitherVendorSdksNor("http", "api", "admin", "explain", "grant", "identity", "issuance", "sts", "local",
                "cloudbox", "upload", "redis", "sharedcache", "demo", "error");
    }

    @Test
    void demoIsAClientLikeAnyApp() {
        check(noClasses().that(in("demo")).should().dependOnClassesThat(
                in("api", "identity", "grant", "issuance", "sts", "local", "cloudbox", "upload", "redis", "sharedcache")));
    }

    private static DescribedPredicate<JavaClass> cloudBoxBeyondFrontDoor() {
        return DescribedPredicate.describe("io.stsvend.cloudbox beyond " + CLOUDBOX_FRONT_DOOR,
                type -> type.getPackageName().startsWith(ROOT + ".cloudbox")
                        && !CLOUDBOX_FRONT_DOOR.contains(type.getPackageName().substring(ROOT.length() + 1) + "."
                                + topLevelName(type)));
    }

    private static DescribedPredicate<JavaClass> grantBeyondPolicy() {
        return DescribedPredicate.describe("io.stsvend.grant beyond grant.policy",
                type -> type.getPackageName().startsWith(ROOT + ".grant")
                        && !type.getPackageName().startsWith(ROOT + ".grant.policy"));
    }

    private static void check(ArchRule rule) {
        rule.check(MAIN);
    }

    /** The classes in {@code row} depend on no vendor SDK and on none of {@code forbidden}. */
    private static void usesNeitherVendorSdksNor(String row, String... forbidden) {
        check(noClasses().that(in(row)).should().dependOnClassesThat(in(forbidden).or(vendorSdks())));
    }

    private static DescribedPredicate<JavaClass> in(String... packages) {
        String[] patterns = new String[packages.length];
        for (int i = 0; i < packages.length; i++) {
            patterns[i] = ROOT + "." + packages[i] + "..";
        }
        return resideInAnyPackage(patterns);
    }

    private static DescribedPredicate<JavaClass> resideOutside(String row) {
        return DescribedPredicate.not(resideInAPackage(ROOT + "." + row + ".."));
    }

    private static DescribedPredicate<JavaClass> stsBeyond(Set<String> port) {
        return DescribedPredicate.describe("io.stsvend.sts beyond " + port,
                type -> type.getPackageName().equals(ROOT + ".sts") && !port.contains(topLevelName(type)));
    }

    /** {@code ResilienceConfig} for {@code ResilienceConfig$Retry}: a port type's nested types belong to it. */
    private static String topLevelName(JavaClass type) {
        return type.getName().substring(type.getPackageName().length() + 1).split("\\$")[0];
    }

    private static DescribedPredicate<JavaClass> vendorSdks() {
        return resideInAnyPackage("com.aliyuncs..", "com.aliyun..");
    }
}
