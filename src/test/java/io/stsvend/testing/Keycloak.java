package io.stsvend.testing;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;

/**
 * A real Keycloak for the tests: the {@code keycloak-quarkus-dist} the build unpacked into {@code target/keycloak},
 * started once per test JVM in dev mode on a free loopback port with the Temurin 25 JDK, and stopped when the JVM
 * exits. Realms, clients, mappers, groups and users are created through the admin REST API. No password or token
 * is ever logged: Keycloak's own output goes to {@code target/keycloak.log}.
 */
public final class Keycloak {

    public static final Path JDK = Path.of(System.getProperty("keycloak.java.home",
            "/usr/lib/jvm/temurin-25-jdk-amd64"));
    private static final String ADMIN = "admin";
    /** JVM-wide, so that test resources and tests in other class loaders share the one instance. */
    private static final String BASE_PROPERTY = "stsvend.test.keycloak.base";
    private static final String PASSWORD_PROPERTY = "stsvend.test.keycloak.admin-password";
    private static Keycloak shared;

    private final Process process;
    private final String base;
    private final String adminPassword;

    private Keycloak(Process process, String base, String adminPassword) {
        this.process = process;
        this.base = base;
        this.adminPassword = adminPassword;
    }

    /** The one Keycloak of this JVM, started on first use (about a minute the first time). */
    public static Keycloak shared() {
        synchronized (System.class) {
            if (shared == null && System.getProperty(BASE_PROPERTY) != null) {
                shared = new Keycloak(null, System.getProperty(BASE_PROPERTY), System.getProperty(PASSWORD_PROPERTY));
            }
            if (shared == null) {
                shared = start("admin-" + Long.toHexString(new java.security.SecureRandom().nextLong()));
                Runtime.getRuntime().addShutdownHook(new Thread(shared.process::destroy));
                System.setProperty(BASE_PROPERTY, shared.base);
                System.setProperty(PASSWORD_PROPERTY, shared.adminPassword);
            }
            return shared;
        }
    }

    private static Keycloak start(String adminPassword) {
        if (!Files.isExecutable(JDK.resolve("bin/java"))) {
            throw new IllegalStateException("Keycloak 26 needs a Java 21+ JDK at " + JDK + ": install Temurin 25"
                    + " (package temurin-25-jdk) or point -Dkeycloak.java.home at another JDK 21+");
        }
        Path home = Path.of(System.getProperty("keycloak.home", "target/keycloak/keycloak-26.5.6"));
        if (!Files.isRegularFile(home.resolve("bin/kc.sh"))) {
            throw new IllegalStateException("no Keycloak at " + home + ": run the tests through Maven (verify), which"
                    + " unpacks org.keycloak:keycloak-quarkus-dist into target/keycloak");
        }
        // A fresh dev database each JVM: an earlier run's admin password and realms must not linger.
        deleteRecursively(home.resolve("data"));
        int port = FreePort.next();
        ProcessBuilder builder = new ProcessBuilder("bash", home.resolve("bin/kc.sh").toString(), "start-dev",
                "--http-port=" + port, "--http-host=127.0.0.1", "--http-management-port=" + FreePort.next())
                .redirectErrorStream(true)
                .redirectOutput(new File(home.getParent().toFile(), "keycloak.log"));
        builder.environment().put("JAVA_HOME", JDK.toString());
        builder.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN);
        builder.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", adminPassword);
        try {
            Keycloak keycloak = new Keycloak(builder.start(), "http://127.0.0.1:" + port, adminPassword);
            HttpClient http = HttpClient.newHttpClient();
            await().atMost(6, TimeUnit.MINUTES).pollInterval(Duration.ofSeconds(1)).ignoreExceptions()
                    .until(() -> {
                        if (!keycloak.process.isAlive()) {
                            throw new IllegalStateException("Keycloak exited; see " + home.getParent() + "/keycloak.log");
                        }
                        return http.send(HttpRequest.newBuilder(URI.create(keycloak.base + "/realms/master")).build(),
                                HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
                    });
            return keycloak;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String base() {
        return base;
    }

    public String issuer(String realm) {
        return base + "/realms/" + realm;
    }

    public String jwksUrl(String realm) {
        return issuer(realm) + "/protocol/openid-connect/certs";
    }

    /** An admin request (a fresh admin token each time: tests are few, tokens short-lived). */
    public RequestSpecification admin() {
        String token = RestAssured.given().baseUri(base).formParam("grant_type", "password")
                .formParam("client_id", "admin-cli").formParam("username", ADMIN)
                .formParam("password", adminPassword)
                .post("/realms/master/protocol/openid-connect/token").then().statusCode(200)
                .extract().path("access_token");
        return RestAssured.given().baseUri(base + "/admin/realms").auth().oauth2(token).contentType(ContentType.JSON);
    }

    /**
     * A realm with a public client {@code clientId} allowed the password grant, whose access tokens carry audience
     * {@code audience} (when not null) and a {@code groups} claim of plain group names; group {@code viewer}; and
     * user {@code username} in it.
     */
    public void realm(String realm, String clientId, String audience, String username, String password) {
        admin().body(Map.of("realm", realm, "enabled", true)).post().then().statusCode(201);
        client(realm, clientId, audience);
        admin().body(Map.of("name", "viewer")).post("/" + realm + "/groups").then().statusCode(201);
        user(realm, username, password, List.of("/viewer"));
    }

    public void client(String realm, String clientId, String audience) {
        client(realm, clientId, audience, Map.of());
    }

    /** A public client as {@link #realm} makes, with extra client attributes such as a token lifespan. */
    public void client(String realm, String clientId, String audience, Map<String, String> attributes) {
        List<Map<String, Object>> mappers = new java.util.ArrayList<>();
        mappers.add(Map.of("name", "groups", "protocol", "openid-connect",
                "protocolMapper", "oidc-group-membership-mapper", "config", Map.of("claim.name", "groups",
                        "full.path", "false", "access.token.claim", "true", "id.token.claim", "false")));
        if (audience != null) {
            mappers.add(Map.of("name", "audience", "protocol", "openid-connect",
                    "protocolMapper", "oidc-audience-mapper", "config", Map.of("included.custom.audience", audience,
                            "access.token.claim", "true", "id.token.claim", "false")));
        }
        admin().body(Map.of("clientId", clientId, "publicClient", true, "directAccessGrantsEnabled", true,
                "standardFlowEnabled", false, "attributes", attributes, "protocolMappers", mappers))
                .post("/" + realm + "/clients").then().statusCode(201);
    }

    public void user(String realm, String username, String password, List<String> groups) {
        admin().body(Map.of("username", username, "enabled", true, "email", username + "@example.com",
                        "emailVerified", true, "firstName", username, "lastName", "Test", "groups", groups,
                        "credentials", List.of(Map.of("type", "password", "value", password, "temporary", false))))
                .post("/" + realm + "/users").then().statusCode(201);
    }

    /** access_token, id_token and refresh_token of a password-grant login. */
    public JsonPath login(String realm, String clientId, String username, String password) {
        return RestAssured.given().baseUri(base).formParam("grant_type", "password").formParam("client_id", clientId)
                .formParam("username", username).formParam("password", password).formParam("scope", "openid")
                .post("/realms/" + realm + "/protocol/openid-connect/token").then().statusCode(200)
                .extract().jsonPath();
    }

    /** Adds an RSA signing key provider with {@code priority} (higher signs); returns its component id. */
    public String addRsaKey(String realm, String name, int priority) {
        String realmId = admin().get("/" + realm).then().statusCode(200).extract().path("id");
        String location = admin().body(Map.of("name", name, "providerId", "rsa-generated",
                        "providerType", "org.keycloak.keys.KeyProvider", "parentId", realmId,
                        "config", Map.of("priority", List.of(String.valueOf(priority)), "keySize", List.of("2048"),
                                "active", List.of("true"), "enabled", List.of("true"))))
                .post("/" + realm + "/components").then().statusCode(201).extract().header("Location");
        return location.substring(location.lastIndexOf('/') + 1);
    }

    /** Ids of the realm's RSA signing key providers. */
    public List<String> rsaKeyProviders(String realm) {
        return admin().queryParam("type", "org.keycloak.keys.KeyProvider").get("/" + realm + "/components")
                .then().statusCode(200).extract().jsonPath()
                .getList("findAll { it.providerId == 'rsa-generated' }.id", String.class);
    }

    public void removeComponent(String realm, String id) {
        admin().delete("/" + realm + "/components/" + id).then().statusCode(204);
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
