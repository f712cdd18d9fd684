package org.comptoir.sms;

/** How the text of an SMS is coded on the air: GSM 7-bit default alphabet or UCS-2 (TS 23.038). */
public enum SmsEncoding {
    GSM7,
    UCS2
}
