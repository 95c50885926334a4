package dev.orgplatform.org.service;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import dev.orgplatform.platform.problem.FieldError;
import dev.orgplatform.platform.problem.ProblemException;
import dev.orgplatform.platform.security.Sha256;

/**
 * An organization's logo as uploaded: PNG or JPEG between {@value #MIN_WIDTH}×{@value #MIN_HEIGHT} and
 * {@value #MAX_WIDTH}×{@value #MAX_HEIGHT} pixels (measured from the image itself, never from what the client says), or
 * an SVG with nothing that runs or loads (no scripts, event handlers, foreign objects or references outside itself: it
 * is shown inside the console and in mails). At most {@value #MAX_BYTES} bytes. The declared media type must be what
 * the bytes are.
 */
public record LogoImage(String mediaType, byte[] bytes, Integer width, Integer height, String sha256) {

    public static final int MAX_BYTES = 512 * 1024;
    public static final int MIN_WIDTH = 500;
    public static final int MIN_HEIGHT = 500;
    public static final int MAX_WIDTH = 4096;
    public static final int MAX_HEIGHT = 2048;

    public static final String PNG = "image/png";
    public static final String JPEG = "image/jpeg";
    public static final String SVG = "image/svg+xml";
    public static final List<String> MEDIA_TYPES = List.of(PNG, JPEG, SVG);

    /** Measures and checks {@code bytes} declared as {@code declaredType}; refusals name the field and what was found. */
    public static LogoImage of(String declaredType, byte[] bytes) {
        String declared = declaredType == null ? "" : declaredType.trim().toLowerCase(Locale.ROOT);
        if (!MEDIA_TYPES.contains(declared)) {
            throw ProblemException.badField("mediaType", "must be one of " + String.join(", ", MEDIA_TYPES));
        }
        if (bytes.length == 0) {
            throw ProblemException.badField("data", "is empty");
        }
        if (bytes.length > MAX_BYTES) {
            throw refused("data", "is " + bytes.length + " bytes; a logo may have at most " + MAX_BYTES, Map.of("bytes", bytes.length));
        }
        String found = sniff(bytes);
        if (found == null) {
            throw ProblemException.badField("data", "is no PNG, JPEG or SVG image");
        }
        if (!found.equals(declared)) {
            throw ProblemException.badField("mediaType", "is " + declared + " but the data is " + found);
        }
        if (found.equals(SVG)) {
            requireInert(bytes);
            return new LogoImage(SVG, bytes, null, null, Sha256.hex(bytes));
        }
        int[] size = measure(bytes);
        int w = size[0];
        int h = size[1];
        if (w < MIN_WIDTH || h < MIN_HEIGHT || w > MAX_WIDTH || h > MAX_HEIGHT) {
            throw refused("data", "is " + w + "×" + h + " pixels; a logo must be between " + MIN_WIDTH + "×" + MIN_HEIGHT + " and "
                    + MAX_WIDTH + "×" + MAX_HEIGHT, Map.of("width", w, "height", h));
        }
        return new LogoImage(found, bytes, w, h, Sha256.hex(bytes));
    }

    /** What the bytes are by their signature: PNG, JPEG, an XML document whose root is {@code svg}, or null. */
    static String sniff(byte[] b) {
        if (b.length >= 8 && (b[0] & 0xff) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G') {
            return PNG;
        }
        if (b.length >= 3 && (b[0] & 0xff) == 0xff && (b[1] & 0xff) == 0xd8 && (b[2] & 0xff) == 0xff) {
            return JPEG;
        }
        try {
            XMLStreamReader xml = parser(b);
            while (xml.hasNext()) {
                if (xml.next() == XMLStreamConstants.START_ELEMENT) {
                    return "svg".equals(xml.getLocalName()) ? SVG : null;
                }
            }
        } catch (XMLStreamException e) {
            return null;
        }
        return null;
    }

    /** Width and height from the image header, without decoding the pixels. */
    private static int[] measure(byte[] bytes) {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw ProblemException.badField("data", "cannot be read as an image");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                return new int[] {reader.getWidth(0), reader.getHeight(0)};
            } finally {
                reader.dispose();
            }
        } catch (IOException e) {
            throw ProblemException.badField("data", "is a damaged image: " + e.getMessage());
        }
    }

    /** Nothing in the SVG runs or reaches outside it. */
    private static void requireInert(byte[] bytes) {
        try {
            XMLStreamReader xml = parser(bytes);
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamConstants.DTD || event == XMLStreamConstants.ENTITY_REFERENCE) {
                    throw ProblemException.badField("data", "is an SVG with a document type or entities; neither is allowed");
                }
                if (event != XMLStreamConstants.START_ELEMENT) {
                    continue;
                }
                String element = xml.getLocalName().toLowerCase(Locale.ROOT);
                if (element.equals("script") || element.equals("foreignobject") || element.equals("iframe")) {
                    throw ProblemException.badField("data", "is an SVG with a <" + xml.getLocalName() + "> element; a logo may not have one");
                }
                for (int i = 0; i < xml.getAttributeCount(); i++) {
                    String name = xml.getAttributeLocalName(i).toLowerCase(Locale.ROOT);
                    String value = xml.getAttributeValue(i).trim();
                    if (name.startsWith("on")) {
                        throw ProblemException.badField("data", "is an SVG with an event handler (" + name + "); a logo may not have one");
                    }
                    if (name.equals("href") && !value.startsWith("#") && !value.startsWith("data:image/")) {
                        throw ProblemException.badField("data", "is an SVG that refers to " + value
                                + "; a logo may refer only to its own parts or embedded images");
                    }
                    if (name.equals("style") && value.toLowerCase(Locale.ROOT).contains("url(") && !value.contains("url(#")) {
                        throw ProblemException.badField("data", "is an SVG whose style loads something from outside it");
                    }
                }
            }
        } catch (XMLStreamException e) {
            throw ProblemException.badField("data", "is not a well-formed SVG document: " + e.getMessage());
        }
    }

    /** A parser that resolves no entity and reads no external document. */
    private static XMLStreamReader parser(byte[] bytes) throws XMLStreamException {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        try {
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        } catch (IllegalArgumentException unsupported) {
            // SUPPORT_DTD false already keeps it from reading one
        }
        return factory.createXMLStreamReader(new ByteArrayInputStream(bytes));
    }

    private static ProblemException refused(String field, String message, Map<String, Object> measured) {
        return new ProblemException(400, "Invalid request", field + ": " + message, List.of(new FieldError(field, message)), measured);
    }

}
