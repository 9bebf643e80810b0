package io.stsvend.testing;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads one element of the small, flat XML documents OSS answers (errors, PostResponse, listings) without a parser:
 * the tests check the text the emulator wrote, so what they read must not be normalised by one.
 */
public final class OssXml {

    private OssXml() {
    }

    /** The raw text of the first {@code <name>} element of {@code xml}, or {@code null} when there is none. */
    public static String element(String xml, String name) {
        Matcher m = Pattern.compile("<" + name + ">(.*?)</" + name + ">", Pattern.DOTALL).matcher(xml);
        return m.find() ? m.group(1) : null;
    }
}
