package io.stsvend.deploy;

import io.fabric8.kubernetes.api.model.ConfigMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Finds credential-like content in a ConfigMap, which is readable by anyone who may read the namespace's
 * configuration and must therefore never hold key material.
 *
 * <p>Flags: AccessKey ids (Alibaba {@code LTAI...}, temporary {@code STS....}, AWS {@code AKIA...}), PEM
 * private keys, long random-looking tokens (mixed case and digits, as AccessKey secrets are), and any
 * entry or embedded YAML/properties setting whose <em>name</em> says it is a secret and that has a value.
 * Each finding names the ConfigMap and the entry but never repeats the suspicious value.
 */
final class CredentialScanner {

    private static final Pattern SECRET_NAME = Pattern.compile(
            "(?i).*(secret|passw(or)?d|credential|private[-_.]?key|access[-_.]?key|security[-_.]?token|api[-_.]?key).*");
    private static final Map<String, Pattern> SECRET_VALUES = Map.of(
            "an Alibaba Cloud AccessKey id", Pattern.compile("\\bLTAI[0-9A-Za-z]{12,28}\\b"),
            "a temporary STS AccessKey id", Pattern.compile("\\bSTS\\.[0-9A-Za-z]{16,}\\b"),
            "an AWS access key id", Pattern.compile("\\bAKIA[0-9A-Z]{16}\\b"),
            "a PEM private key", Pattern.compile("-----BEGIN [A-Z ]*PRIVATE KEY-----"));
    /** A run of 24+ letters and digits with no separator: the shape of an AccessKey secret or API token. */
    private static final Pattern TOKEN = Pattern.compile("(?<![0-9A-Za-z+/])[0-9A-Za-z+/]{24,}={0,2}(?![0-9A-Za-z+/])");

    private CredentialScanner() {
    }

    static List<String> findings(ConfigMap configMap) {
        String where = "ConfigMap " + configMap.getMetadata().getName();
        List<String> findings = new ArrayList<>();
        if (configMap.getBinaryData() != null && !configMap.getBinaryData().isEmpty()) {
            findings.add(where + " has binaryData, which cannot be checked for key material");
        }
        Map<String, String> data = configMap.getData() == null ? Map.of() : configMap.getData();
        data.forEach((key, value) -> {
            scan(where + " entry '" + key + "'", key, value, findings);
            if (key.endsWith(".yaml") || key.endsWith(".yml")) {
                YamlProperties.parse(value).forEach((name, setting) ->
                        scan(where + " entry '" + key + "' setting '" + name + "'", name, setting, findings));
            }
        });
        return findings;
    }

    private static void scan(String where, String name, String value, List<String> findings) {
        if (SECRET_NAME.matcher(name).matches() && value != null && !value.isBlank()) {
            findings.add(where + " is named like a credential and has a value");
        }
        if (value == null) {
            return;
        }
        SECRET_VALUES.forEach((what, pattern) -> {
            if (pattern.matcher(value).find()) {
                findings.add(where + " contains " + what);
            }
        });
        if (TOKEN.matcher(value).results().anyMatch(m -> looksRandom(m.group()))) {
            findings.add(where + " contains a long random-looking token");
        }
    }

    private static boolean looksRandom(String token) {
        return token.chars().anyMatch(Character::isUpperCase)
                && token.chars().anyMatch(Character::isLowerCase)
                && token.chars().anyMatch(Character::isDigit);
    }
}
