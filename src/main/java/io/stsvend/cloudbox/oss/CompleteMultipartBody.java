package io.stsvend.cloudbox.oss;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Parses {@code <CompleteMultipartUpload><Part><PartNumber>n</PartNumber><ETag>"…"</ETag></Part>…}. DTDs and
 * external entities are refused (the body comes from the network).
 */
final class CompleteMultipartBody {

    private CompleteMultipartBody() {
    }

    /** @throws OssException MalformedXML when the body is not such a document */
    static List<MultipartUploads.PartReference> parse(byte[] body) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            // DefaultHandler ignores warnings and throws on fatal errors instead of printing to stderr.
            builder.setErrorHandler(new DefaultHandler());
            Document document = builder.parse(new ByteArrayInputStream(body));
            Element root = document.getDocumentElement();
            if (!root.getTagName().equals("CompleteMultipartUpload")) {
                throw new OssException(OssErrorCode.MALFORMED_XML);
            }
            NodeList parts = root.getElementsByTagName("Part");
            List<MultipartUploads.PartReference> references = new ArrayList<>();
            for (int i = 0; i < parts.getLength(); i++) {
                Element part = (Element) parts.item(i);
                references.add(new MultipartUploads.PartReference(
                        Integer.parseInt(text(part, "PartNumber")), text(part, "ETag")));
            }
            return references;
        } catch (OssException e) {
            throw e;
        } catch (Exception e) {
            // Parser, number and configuration failures all mean the client sent something we cannot read.
            throw new OssException(OssErrorCode.MALFORMED_XML);
        }
    }

    private static String text(Element parent, String name) {
        NodeList nodes = parent.getElementsByTagName(name);
        if (nodes.getLength() != 1) {
            throw new OssException(OssErrorCode.MALFORMED_XML);
        }
        return nodes.item(0).getTextContent().trim();
    }
}
