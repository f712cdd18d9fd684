package org.comptoir.sms.pdu;

import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.comptoir.sms.SmsAnalysis;
import org.comptoir.sms.SmsEncoding;
import org.comptoir.sms.SmsText;

/**
 * SMS-SUBMIT, TS 23.040 §9.2.2.2: what the PC sends with AT+CMGS in PDU mode. Pure and thread-safe.
 *
 * <p>Layout written: SMSC length 00 | first octet | TP-MR 00 | TP-DA | TP-PID 00 | TP-DCS 00/08 |
 * TP-VP (relative, 1 octet, when a validity is set) | TP-UDL | TP-UD. Multi-part messages carry the
 * concatenation header 05 00 03 ref total seq (§9.2.3.24.1) and, in GSM-7, one fill bit so the text
 * starts on a septet boundary.
 */
public final class SubmitPdu {

    static final int MTI_SUBMIT = 0x01;
    static final int RD = 0x04;
    static final int VPF_RELATIVE = 0x10;
    static final int VPF_MASK = 0x18;
    static final int SRR = 0x20;
    static final int UDHI = 0x40;
    private static final int DCS_GSM7 = 0x00;
    private static final int DCS_UCS2 = 0x08;

    private SubmitPdu() {
    }

    /**
     * Splits {@code text} with {@link SmsText#analyze} (the split the shop owner was shown) and encodes
     * each part.
     *
     * @param concatRef concatenation reference 0..255, the same in every part; ignored for one part
     * @throws PduException INVALID_ARGUMENT for a bad destination or reference, an empty text, or more
     *                      than 255 parts
     */
    public static List<EncodedPdu> encode(String destination, String text, int concatRef, SubmitOptions opts) {
        SmsAnalysis analysis = SmsText.analyze(text);
        if (analysis.parts() == 0) {
            throw new PduException(PduException.Code.INVALID_ARGUMENT, "empty text: nothing to send");
        }
        return encodeParts(destination, analysis.partTexts(), analysis.encoding(), concatRef, opts);
    }

    /**
     * Encodes already-split parts, one SMS-SUBMIT each. A GSM-7 part must fit 160 septets alone or 153
     * with the header; a UCS-2 part 70 or 67 UTF-16 units.
     *
     * @throws PduException INVALID_ARGUMENT for a bad destination or reference, a part that does not fit,
     *                      a GSM-7 part with a character outside the alphabet, or no part at all
     */
    public static List<EncodedPdu> encodeParts(String destination, List<String> partTexts, SmsEncoding enc,
            int concatRef, SubmitOptions opts) {
        if (partTexts.isEmpty() || partTexts.size() > 255) {
            throw new PduException(PduException.Code.INVALID_ARGUMENT,
                    "a message has 1..255 parts, not " + partTexts.size());
        }
        if (concatRef < 0 || concatRef > 255) {
            throw new PduException(PduException.Code.INVALID_ARGUMENT, "concatenation reference must be 0..255");
        }
        SubmitOptions options = opts == null ? SubmitOptions.DEFAULTS : opts;
        int total = partTexts.size();
        List<EncodedPdu> pdus = new ArrayList<>(total);
        for (int i = 0; i < total; i++) {
            byte[] udh = total == 1 ? null : new byte[] {5, 0, 3, (byte) concatRef, (byte) total, (byte) (i + 1)};
            byte[] tpdu = tpdu(destination, partTexts.get(i), enc, udh, options);
            pdus.add(new EncodedPdu("00" + Hex.encode(tpdu), tpdu.length, i + 1, total));
        }
        return List.copyOf(pdus);
    }

    private static byte[] tpdu(String destination, String text, SmsEncoding enc, byte[] udh, SubmitOptions opts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(160);
        int firstOctet = MTI_SUBMIT
                | (opts.rejectDuplicates() ? RD : 0)
                | (opts.validity() != null ? VPF_RELATIVE : 0)
                | (opts.statusReport() ? SRR : 0)
                | (udh != null ? UDHI : 0);
        out.write(firstOctet);
        out.write(0x00); // TP-MR: the modem assigns it and returns it in +CMGS
        Address.writeDestination(out, destination);
        out.write(0x00); // TP-PID: plain SME-to-SME
        out.write(enc == SmsEncoding.UCS2 ? DCS_UCS2 : DCS_GSM7);
        if (opts.validity() != null) {
            out.write(relativeValidity(opts.validity()));
        }
        int udhOctets = udh == null ? 0 : udh.length;
        if (enc == SmsEncoding.UCS2) {
            byte[] body = utf16Units(text);
            if (udhOctets + body.length > UserData.MAX_OCTETS) {
                throw new PduException(PduException.Code.INVALID_ARGUMENT, "UCS-2 part of " + body.length / 2
                        + " units does not fit " + (UserData.MAX_OCTETS - udhOctets) / 2);
            }
            out.write(udhOctets + body.length);
            if (udh != null) {
                out.writeBytes(udh);
            }
            out.writeBytes(body);
        } else {
            int[] septets = Gsm7Packing.toSeptets(text);
            int headerSeptets = UserData.headerSeptets(udhOctets);
            if (headerSeptets + septets.length > UserData.MAX_SEPTETS) {
                throw new PduException(PduException.Code.INVALID_ARGUMENT, "GSM-7 part of " + septets.length
                        + " septets does not fit " + (UserData.MAX_SEPTETS - headerSeptets));
            }
            out.write(headerSeptets + septets.length);
            if (udh != null) {
                out.writeBytes(udh);
            }
            out.writeBytes(Gsm7Packing.pack(septets, UserData.fillBits(udhOctets)));
        }
        return out.toByteArray();
    }

    /**
     * Decodes an SMS-SUBMIT as written by {@link #encodeParts} or any other sender: SMSC part, first octet
     * (MTI 01), TP-MR, TP-DA, TP-PID, TP-DCS, TP-VP of the size TP-VPF announces, TP-UDL, TP-UD.
     *
     * @throws PduException BAD_HEX, TRUNCATED, INCONSISTENT_LENGTH, WRONG_TYPE, UNSUPPORTED
     */
    public static SmsSubmit decode(String hex) {
        PduReader reader = new PduReader(Hex.decode(hex));
        Address.readServiceCentre(reader);
        int firstOctet = reader.octet("first octet");
        PduType.expect(firstOctet, PduType.SUBMIT);
        reader.octet("TP-MR");
        String destination = Address.readTpAddress(reader, "TP-DA");
        reader.octet("TP-PID");
        DataCoding coding = DataCoding.of(reader.octet("TP-DCS"));
        int vpf = firstOctet & VPF_MASK;
        // relative: 1 octet; enhanced (01) and absolute (11): 7 octets (§9.2.3.12)
        reader.octets(vpf == 0 ? 0 : vpf == VPF_RELATIVE ? 1 : 7, "TP-VP");
        UserData userData = UserData.read(reader, (firstOctet & UDHI) != 0, coding, EightBitText.HEX);
        reader.expectEnd();
        return new SmsSubmit(destination, coding.encoding(), userData.text(), userData.concat(),
                (firstOctet & SRR) != 0);
    }

    /** UTF-16 units as written, big-endian; unlike a charset encoder it keeps a lone surrogate as it is. */
    private static byte[] utf16Units(String text) {
        byte[] out = new byte[text.length() * 2];
        for (int i = 0; i < text.length(); i++) {
            out[2 * i] = (byte) (text.charAt(i) >> 8);
            out[2 * i + 1] = (byte) text.charAt(i);
        }
        return out;
    }

    /**
     * The relative TP-VP octet (TS 23.040 §9.2.3.12.1) for the shortest period not below {@code validity}:
     * 0–143 → (VP+1)×5 min, 144–167 → 12 h + (VP−143)×30 min, 168–196 → (VP−166) days,
     * 197–255 → (VP−192) weeks. Longer than 63 weeks gives 255.
     */
    public static int relativeValidity(Duration validity) {
        long minutes = (validity.toSeconds() + 59) / 60;
        if (minutes <= 720) {
            return (int) Math.max(0, (minutes + 4) / 5 - 1);
        }
        if (minutes <= 1440) {
            return (int) (143 + (minutes - 720 + 29) / 30);
        }
        long days = (minutes + 1439) / 1440;
        if (days <= 30) {
            return (int) (166 + Math.max(days, 2));
        }
        long weeks = Math.max(5, (days + 6) / 7);
        return (int) Math.min(255, 192 + weeks);
    }

    /** The period a relative TP-VP octet stands for (TS 23.040 §9.2.3.12.1). */
    public static Duration relativeValidityDuration(int vp) {
        if (vp < 0 || vp > 255) {
            throw new PduException(PduException.Code.INVALID_ARGUMENT, "TP-VP octet must be 0..255: " + vp);
        }
        if (vp <= 143) {
            return Duration.ofMinutes((vp + 1) * 5L);
        }
        if (vp <= 167) {
            return Duration.ofHours(12).plusMinutes((vp - 143) * 30L);
        }
        if (vp <= 196) {
            return Duration.ofDays(vp - 166L);
        }
        return Duration.ofDays(7L * (vp - 192));
    }
}
