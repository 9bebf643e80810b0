package io.stsvend.cloudbox.oss;

import java.util.ArrayDeque;
import java.util.Deque;

/** Builds the small XML documents OSS answers with; escapes text, checks nesting. Not thread-safe. */
final class XmlBuilder {

    private final StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    private final Deque<String> open = new ArrayDeque<>();

    XmlBuilder start(String name) {
        xml.append('<').append(name).append('>');
        open.push(name);
        return this;
    }

    XmlBuilder end() {
        xml.append("</").append(open.pop()).append('>');
        return this;
    }

    /** An element with text content; {@code null} text omits the element. */
    XmlBuilder element(String name, Object text) {
        if (text != null) {
            xml.append('<').append(name).append('>').append(escape(String.valueOf(text))).append("</")
                    .append(name).append('>');
        }
        return this;
    }

    @Override
    public String toString() {
        if (!open.isEmpty()) {
            throw new IllegalStateException("unclosed element " + open.peek());
        }
        return xml.toString();
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
