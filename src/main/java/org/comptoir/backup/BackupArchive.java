package org.comptoir.backup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.comptoir.i18n.ComptoirException;
import org.comptoir.i18n.UserMessage;
import org.comptoir.store.LedgerHead;

/**
 * The backup file: one zip holding the database copy, the data folder's key files and, last, a manifest with the
 * SHA-256 of each of them. Reading checks the whole file before anything is used: a truncated file (no zip
 * directory), a foreign one (no Comptoir manifest) or a changed one (a checksum that differs) is refused with a
 * sentence for the owner.
 */
final class BackupArchive {

    private static final ObjectMapper JSON = new ObjectMapper();

    private BackupArchive() {
    }

    /**
     * Writes the archive to {@code target} and forces it to the device, so a power cut right after cannot leave
     * a file that looks complete and is not. Entries are stored under their file names.
     */
    static BackupManifest write(Path target, List<Path> files, String appVersion, Instant createdAt, LedgerHead head,
                                String tillId) throws IOException {
        List<BackupManifest.FileEntry> entries = new ArrayList<>();
        try (OutputStream out = Files.newOutputStream(target, StandardOpenOption.CREATE_NEW);
             ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Path file : files) {
                String name = file.getFileName().toString();
                zip.putNextEntry(new ZipEntry(name));
                MessageDigest sha = sha256();
                long size;
                try (InputStream in = new DigestInputStream(Files.newInputStream(file), sha)) {
                    size = in.transferTo(zip);
                }
                zip.closeEntry();
                entries.add(new BackupManifest.FileEntry(name, size, HexFormat.of().formatHex(sha.digest())));
            }
            BackupManifest manifest = new BackupManifest(BackupManifest.FORMAT, BackupManifest.FORMAT_VERSION,
                    appVersion, createdAt, head.seq(), head.hash(), head.at(), tillId, entries);
            zip.putNextEntry(new ZipEntry(BackupManifest.ENTRY));
            zip.write(JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(toJson(manifest)));
            zip.closeEntry();
            zip.finish();
            out.flush();
            try (FileChannel ch = FileChannel.open(target, StandardOpenOption.WRITE)) {
                ch.force(true);
            }
            return manifest;
        }
    }

    /** The manifest of {@code archive}, without checking the other entries (listing). */
    static BackupManifest readManifest(Path archive) {
        try (ZipFile zip = open(archive)) {
            return manifest(zip, archive);
        } catch (IOException e) {
            throw unreadable(archive, e);
        }
    }

    /**
     * Checks every entry of {@code archive} against its manifest and writes them into {@code folder} (which must
     * exist and be empty). On a problem throws {@link ComptoirException}; what was written stays for the caller
     * to delete.
     */
    static BackupManifest extract(Path archive, Path folder) {
        try (ZipFile zip = open(archive)) {
            BackupManifest manifest = manifest(zip, archive);
            for (BackupManifest.FileEntry f : manifest.files()) {
                if (f.name().contains("/") || f.name().contains("\\") || f.name().startsWith(".")) {
                    throw new ComptoirException(UserMessage.of("backup.archive.foreign", archive));
                }
                ZipEntry entry = zip.getEntry(f.name());
                if (entry == null) {
                    throw new ComptoirException(UserMessage.of("backup.archive.damaged", archive, f.name()));
                }
                MessageDigest sha = sha256();
                long size;
                try (InputStream in = new DigestInputStream(zip.getInputStream(entry), sha)) {
                    size = Files.copy(in, folder.resolve(f.name()));
                } catch (ZipException e) {
                    throw new ComptoirException(UserMessage.of("backup.archive.damaged", archive, f.name()), e);
                }
                if (size != f.size() || !HexFormat.of().formatHex(sha.digest()).equals(f.sha256())) {
                    throw new ComptoirException(UserMessage.of("backup.archive.damaged", archive, f.name()));
                }
            }
            return manifest;
        } catch (IOException e) {
            throw unreadable(archive, e);
        }
    }

    private static ZipFile open(Path archive) throws IOException {
        if (!Files.isRegularFile(archive)) {
            throw new ComptoirException(UserMessage.of("backup.archive.missing", archive));
        }
        return new ZipFile(archive.toFile());
    }

    private static BackupManifest manifest(ZipFile zip, Path archive) throws IOException {
        ZipEntry entry = zip.getEntry(BackupManifest.ENTRY);
        if (entry == null) {
            throw new ComptoirException(UserMessage.of("backup.archive.foreign", archive));
        }
        JsonNode json;
        try (InputStream in = zip.getInputStream(entry)) {
            json = JSON.readTree(in);
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            throw new ComptoirException(UserMessage.of("backup.archive.foreign", archive), e);
        }
        if (json == null || !BackupManifest.FORMAT.equals(json.path("format").asText())) {
            throw new ComptoirException(UserMessage.of("backup.archive.foreign", archive));
        }
        int version = json.path("formatVersion").asInt(0);
        if (version > BackupManifest.FORMAT_VERSION) {
            throw new ComptoirException(UserMessage.of("backup.archive.newer", archive,
                    json.path("appVersion").asText("?")));
        }
        try {
            List<BackupManifest.FileEntry> files = new ArrayList<>();
            Map<String, Boolean> seen = new HashMap<>();
            for (JsonNode f : json.path("files")) {
                String name = f.path("name").asText("");
                if (name.isEmpty() || seen.put(name, true) != null) {
                    throw new ComptoirException(UserMessage.of("backup.archive.foreign", archive));
                }
                files.add(new BackupManifest.FileEntry(name, f.path("size").asLong(-1), f.path("sha256").asText("")));
            }
            String ledgerAt = json.path("ledgerAt").asText("");
            String tillId = json.path("tillId").asText("");
            return new BackupManifest(BackupManifest.FORMAT, version, json.path("appVersion").asText("?"),
                    Instant.parse(json.path("createdAt").asText()), json.path("ledgerSeq").asLong(),
                    json.path("ledgerHash").asText(), ledgerAt.isEmpty() ? null : Instant.parse(ledgerAt),
                    tillId.isEmpty() ? null : tillId, files);
        } catch (DateTimeParseException e) {
            throw new ComptoirException(UserMessage.of("backup.archive.foreign", archive), e);
        }
    }

    private static ObjectNode toJson(BackupManifest m) {
        ObjectNode o = JSON.createObjectNode();
        o.put("format", m.format());
        o.put("formatVersion", m.formatVersion());
        o.put("appVersion", m.appVersion());
        o.put("createdAt", m.createdAt().toString());
        o.put("ledgerSeq", m.ledgerSeq());
        o.put("ledgerHash", m.ledgerHash());
        if (m.ledgerAt() != null) {
            o.put("ledgerAt", m.ledgerAt().toString());
        }
        if (m.tillId() != null) {
            o.put("tillId", m.tillId());
        }
        ArrayNode files = o.putArray("files");
        for (BackupManifest.FileEntry f : m.files()) {
            files.addObject().put("name", f.name()).put("size", f.size()).put("sha256", f.sha256());
        }
        return o;
    }

    private static ComptoirException unreadable(Path archive, IOException e) {
        return new ComptoirException(UserMessage.of("backup.archive.truncated", archive), e);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
