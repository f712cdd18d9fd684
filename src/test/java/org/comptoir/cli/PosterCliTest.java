package org.comptoir.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.Map;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageInputStream;
import org.comptoir.AppContext;
import org.comptoir.cli.CliHarness.Result;
import org.comptoir.consent.CounterPoster;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The poster's QR code, read back with ZXing, opens the SMS app with the shop's number and keyword. */
class PosterCliTest {

    @TempDir
    Path dir;

    private void configure(boolean withKeyword) {
        try (AppContext ctx = AppContext.open(dir)) {
            ctx.settings().set("shop.name", "Léa Fleurs");
            ctx.settings().set("consent.signup-number", "+33 6 12 34 56 78");
            if (withKeyword) {
                ctx.settings().set("consent.signup-keyword", "oui fleurs");
            }
        }
    }

    @ParameterizedTest
    @CsvSource({"A4,1240,1754", "A5,874,1240"})
    void writesAPosterWhoseQrCodeOpensTheSmsApp(String format, int width, int height) throws Exception {
        configure(true);
        Path png = dir.resolve("affiche-" + format + ".png");
        Result r = CliHarness.run(dir, "poster", "--out", png.toString(), "--format", format);
        assertThat(r.code()).as(r.err()).isEqualTo(Cli.OK);
        assertThat(r.out()).contains("Affiche " + format);

        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isEqualTo(width);
        assertThat(image.getHeight()).isEqualTo(height);
        assertThat(decodeQr(image)).isEqualTo("sms:+33612345678?body=OUI%20FLEURS");
        assertThat(dotsPerMetre(png)).isEqualTo("5906"); // 150 dpi, so it prints at A4 / A5
    }

    @Test
    void withoutAKeywordItSaysWhichSettingIsMissing() {
        configure(false);
        Result r = CliHarness.run(dir, "poster", "--out", dir.resolve("a.png").toString());
        assertThat(r.code()).isNotEqualTo(Cli.OK);
        assertThat(r.err()).contains("consent.signup-keyword");
        assertThat(dir.resolve("a.png")).doesNotExist();
    }

    @Test
    void theUriEscapesTheBody() {
        assertThat(CounterPoster.smsUri("+33612345678", "OUI FLEURS & CO")).isEqualTo("sms:+33612345678?body=OUI%20FLEURS%20%26%20CO");
    }

    static String decodeQr(BufferedImage image) throws Exception {
        int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(
                new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels)));
        return new QRCodeReader().decode(bitmap, Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE)).getText();
    }

    private static String dotsPerMetre(Path png) throws Exception {
        try (ImageInputStream in = ImageIO.createImageInputStream(png.toFile())) {
            ImageReader reader = ImageIO.getImageReaders(in).next();
            reader.setInput(in);
            IIOMetadataNode root = (IIOMetadataNode) reader.getImageMetadata(0).getAsTree("javax_imageio_png_1.0");
            return ((IIOMetadataNode) root.getElementsByTagName("pHYs").item(0)).getAttribute("pixelsPerUnitXAxis");
        }
    }
}
