package io.datamind.upload;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;

/** What an uploaded file is, judged by its first bytes; the name's extension only breaks ties and explains refusals. */
enum UploadFormat {
    CSV,
    XLSX;

    private static final Set<String> TEXT_EXTENSIONS = Set.of("", "csv", "tsv", "txt");
    private static final Set<String> XLSX_EXTENSIONS = Set.of("xlsx", "xlsm");

    String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    static UploadFormat detect(String fileName, Path file) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(8);
        }
        String extension = extension(fileName);
        boolean zip = head.length >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4;
        boolean oleDocument = head.length >= 8
                && (head[0] & 0xFF) == 0xD0
                && (head[1] & 0xFF) == 0xCF
                && (head[2] & 0xFF) == 0x11
                && (head[3] & 0xFF) == 0xE0;
        if (oleDocument) {
            throw new BadUpload(
                    "This is an old Excel (.xls) or other Office file; save it as .xlsx or CSV and upload" + " that");
        }
        if (zip) {
            if (!XLSX_EXTENSIONS.contains(extension) && !TEXT_EXTENSIONS.contains(extension)) {
                throw unsupported(extension);
            }
            return XLSX;
        }
        if (XLSX_EXTENSIONS.contains(extension)) {
            throw new BadUpload("The file is named ." + extension + " but is not an XLSX workbook");
        }
        if (!TEXT_EXTENSIONS.contains(extension)) {
            throw unsupported(extension);
        }
        return CSV;
    }

    private static BadUpload unsupported(String extension) {
        return new BadUpload("Only CSV and XLSX files can be uploaded, not ." + extension + " files");
    }

    static String extension(String fileName) {
        if (fileName == null) {
            return "";
        }
        int dot = fileName.lastIndexOf('.');
        return dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
