package org.comptoir.consent;

import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;

/**
 * The poster for the counter: the shop's name, how to sign up by SMS, a QR code that opens the phone's SMS app with
 * the shop's number and the keyword filled in ({@code sms:} URI, RFC 5724), the consent wording and how to stop.
 * A PNG at 150 dpi, A4 or A5, tagged with its resolution so it prints at size. Drawn with Java2D (works headless).
 * Pure apart from the output stream; thread-safe.
 */
public final class CounterPoster {

    static final int DPI = 150;

    /** Paper sizes in millimetres. */
    public enum Format {
        A4(210, 297), A5(148, 210);

        final int widthMm;
        final int heightMm;

        Format(int widthMm, int heightMm) {
            this.widthMm = widthMm;
            this.heightMm = heightMm;
        }

        public int widthPx() {
            return Math.round(widthMm / 25.4f * DPI);
        }

        public int heightPx() {
            return Math.round(heightMm / 25.4f * DPI);
        }
    }

    /**
     * What the poster says, in the shop's language.
     *
     * @param number    as printed ({@code 06 12 34 56 78}); {@code e164} goes in the QR code
     * @param headline  "Nos offres par SMS"
     * @param call      "Envoyez OUI FLEURS au 06 12 34 56 78"
     * @param scan      "ou scannez ce code"
     * @param stop      how to stop
     */
    public record Content(String shopName, String headline, String call, String scan, String wording, String stop,
                          String e164, String keyword) {
    }

    /** The {@code sms:} URI a phone opens with the number and the text filled in. */
    public static String smsUri(String e164, String keyword) {
        String body = URLEncoder.encode(keyword, StandardCharsets.UTF_8).replace("+", "%20");
        return "sms:" + e164 + "?body=" + body;
    }

    /** Draws the poster. */
    public static BufferedImage draw(Content content, Format format) {
        int w = format.widthPx();
        int h = format.heightPx();
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, w, h);
            float unit = w / 100f; // sizes as a share of the width, so A5 is A4 scaled down
            int margin = Math.round(8 * unit);
            int y = margin;
            g.setColor(new Color(0x1F, 0x2A, 0x44));
            y = centered(g, content.shopName(), new Font(Font.SANS_SERIF, Font.BOLD, Math.round(8 * unit)), w, margin, y);
            y += Math.round(2 * unit);
            y = centered(g, content.headline(), new Font(Font.SANS_SERIF, Font.PLAIN, Math.round(5.5f * unit)), w,
                    margin, y);
            y += Math.round(4 * unit);
            g.setColor(Color.BLACK);
            y = centered(g, content.call(), new Font(Font.SANS_SERIF, Font.BOLD, Math.round(4.5f * unit)), w, margin, y);
            y += Math.round(1 * unit);
            y = centered(g, content.scan(), new Font(Font.SANS_SERIF, Font.PLAIN, Math.round(3.5f * unit)), w, margin, y);
            int qrSize = Math.round(48 * unit);
            drawQr(g, smsUri(content.e164(), content.keyword()), (w - qrSize) / 2, y + Math.round(2 * unit), qrSize);
            y += qrSize + Math.round(6 * unit);
            g.setColor(new Color(0x33, 0x33, 0x33));
            y = centered(g, content.wording(), new Font(Font.SANS_SERIF, Font.PLAIN, Math.round(2.8f * unit)), w,
                    margin, y);
            y += Math.round(2 * unit);
            centered(g, content.stop(), new Font(Font.SANS_SERIF, Font.BOLD, Math.round(3 * unit)), w, margin, y);
        } finally {
            g.dispose();
        }
        return image;
    }

    /** Writes the poster as a PNG that says it is {@value #DPI} dpi. Blocks on {@code out}. */
    public static void writePng(Content content, Format format, OutputStream out) throws IOException {
        BufferedImage image = draw(content, format);
        ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
        try (ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(stream);
            IIOMetadata metadata = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(image),
                    writer.getDefaultWriteParam());
            IIOMetadataNode phys = new IIOMetadataNode("pHYs");
            String perMetre = Integer.toString(Math.round(DPI / 0.0254f));
            phys.setAttribute("pixelsPerUnitXAxis", perMetre);
            phys.setAttribute("pixelsPerUnitYAxis", perMetre);
            phys.setAttribute("unitSpecifier", "meter");
            IIOMetadataNode root = new IIOMetadataNode("javax_imageio_png_1.0");
            root.appendChild(phys);
            metadata.mergeTree("javax_imageio_png_1.0", root);
            writer.write(null, new IIOImage(image, null, metadata), writer.getDefaultWriteParam());
        } finally {
            writer.dispose();
        }
    }

    private static void drawQr(Graphics2D g, String text, int x, int y, int size) {
        BitMatrix matrix;
        try {
            matrix = new QRCodeWriter().encode(text, com.google.zxing.BarcodeFormat.QR_CODE, 0, 0,
                    Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 4,
                            EncodeHintType.CHARACTER_SET, "UTF-8"));
        } catch (WriterException e) {
            throw new IllegalArgumentException("cannot encode " + text, e);
        }
        int modules = matrix.getWidth();
        int cell = Math.max(1, size / modules);
        int offset = (size - cell * modules) / 2;
        g.setColor(Color.BLACK);
        for (int my = 0; my < modules; my++) {
            for (int mx = 0; mx < modules; mx++) {
                if (matrix.get(mx, my)) {
                    g.fillRect(x + offset + mx * cell, y + offset + my * cell, cell, cell);
                }
            }
        }
    }

    /** Draws {@code text} centred, wrapped at the margins; returns the y below it. */
    private static int centered(Graphics2D g, String text, Font font, int width, int margin, int top) {
        g.setFont(font);
        FontMetrics fm = g.getFontMetrics();
        int y = top;
        for (String line : wrap(text, fm, width - 2 * margin)) {
            y += fm.getAscent();
            g.drawString(line, (width - fm.stringWidth(line)) / 2, y);
            y += fm.getDescent() + fm.getLeading();
        }
        return y;
    }

    private static List<String> wrap(String text, FontMetrics fm, int max) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split("\\s+")) {
            String candidate = line.length() == 0 ? word : line + " " + word;
            if (fm.stringWidth(candidate) > max && line.length() > 0) {
                lines.add(line.toString());
                line = new StringBuilder(word);
            } else {
                line = new StringBuilder(candidate);
            }
        }
        if (line.length() > 0) {
            lines.add(line.toString());
        }
        return lines;
    }
}
