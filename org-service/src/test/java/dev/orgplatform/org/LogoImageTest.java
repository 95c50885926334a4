package dev.orgplatform.org;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;

import dev.orgplatform.org.service.BrandColour;
import dev.orgplatform.org.service.LogoImage;
import dev.orgplatform.platform.problem.ProblemException;

class LogoImageTest {

    @Test
    void aRasterLogoIsMeasuredFromItsPixelsAndMustFitTheBounds() throws IOException {
        LogoImage png = LogoImage.of("image/png", image(500, 500, "png"));
        assertEquals(500, png.width());
        assertEquals(500, png.height());
        assertEquals(64, png.sha256().length());
        LogoImage jpeg = LogoImage.of("image/jpeg", image(4096, 2048, "jpg"));
        assertEquals(4096, jpeg.width());
        assertEquals(2048, jpeg.height());

        ProblemException small = refused("image/png", image(499, 800, "png"));
        assertEquals("data", small.errors().get(0).field());
        assertTrue(small.getMessage().contains("499×800"), small.getMessage());
        assertEquals(499, small.extensions().get("width"));
        assertEquals(800, small.extensions().get("height"));
        ProblemException tall = refused("image/png", image(600, 2049, "png"));
        assertTrue(tall.getMessage().contains("600×2049"), tall.getMessage());
    }

    @Test
    void theDeclaredTypeMustBeOfferedAndBeWhatTheBytesAre() throws IOException {
        assertEquals("mediaType", refused("image/gif", image(500, 500, "png")).errors().get(0).field());
        ProblemException lied = refused("image/jpeg", image(500, 500, "png"));
        assertEquals("mediaType", lied.errors().get(0).field());
        assertTrue(lied.getMessage().contains("image/png"), lied.getMessage());
        assertEquals("data", refused("image/png", "not an image".getBytes(StandardCharsets.UTF_8)).errors().get(0).field());
        assertEquals("data", refused("image/png", new byte[0]).errors().get(0).field());
        byte[] huge = new byte[LogoImage.MAX_BYTES + 1];
        huge[0] = (byte) 0x89;
        assertTrue(refused("image/png", huge).getMessage().contains(String.valueOf(LogoImage.MAX_BYTES + 1)));
    }

    @Test
    void anSvgIsTakenOnlyWhenNothingInItRunsOrLoads() {
        LogoImage ok = LogoImage.of("image/svg+xml", svg("<rect width=\"10\" height=\"10\" fill=\"#1f6feb\"/><use href=\"#a\"/>"));
        assertEquals("image/svg+xml", ok.mediaType());
        assertNull(ok.width());
        for (String bad : new String[] {"<script>alert(1)</script>", "<rect onclick=\"x()\"/>", "<image href=\"https://evil.test/x.png\"/>",
                "<foreignObject><div/></foreignObject>", "<rect style=\"fill:url(https://evil.test/a)\"/>"}) {
            assertEquals("data", refused("image/svg+xml", svg(bad)).errors().get(0).field(), bad);
        }
        byte[] entities = ("<?xml version=\"1.0\"?><!DOCTYPE svg [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<svg xmlns=\"http://www.w3.org/2000/svg\"><text>&x;</text></svg>").getBytes(StandardCharsets.UTF_8);
        assertEquals("data", refused("image/svg+xml", entities).errors().get(0).field());
        assertEquals("data", refused("image/svg+xml", "<svg><unclosed></svg>".getBytes(StandardCharsets.UTF_8)).errors().get(0).field());
    }

    @Test
    void aColourIsHexadecimalRgb() {
        assertEquals("#1f6feb", BrandColour.canonical(" #1F6FEB "));
        assertNull(BrandColour.canonical(""));
        for (String bad : new String[] {"red", "#fff", "#12345g", "1f6feb"}) {
            assertEquals("primaryColor", assertThrows(ProblemException.class, () -> BrandColour.canonical(bad)).errors().get(0).field());
        }
    }

    private static ProblemException refused(String type, byte[] bytes) {
        return assertThrows(ProblemException.class, () -> LogoImage.of(type, bytes));
    }

    private static byte[] svg(String inner) {
        return ("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 10 10\">" + inner + "</svg>").getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] image(int width, int height, String format) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, format, out);
        return out.toByteArray();
    }
}
