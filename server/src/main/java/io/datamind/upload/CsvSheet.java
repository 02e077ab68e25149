package io.datamind.upload;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A delimited text file. The encoding (UTF-8 unless the bytes are not valid UTF-8, then Windows-1252; UTF-16 with a
 * byte order mark) and the delimiter (comma, semicolon, tab or bar, whichever the header line has most of) are
 * found once, from the file itself.
 */
final class CsvSheet implements Sheet {

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    private static final char[] DELIMITERS = {',', ';', '\t', '|'};
    private static final int SNIFF_CHARS = 64 * 1024;

    private final Path file;
    private final Charset charset;
    private final int bomLength;
    private final char delimiter;

    private CsvSheet(Path file, Charset charset, int bomLength, char delimiter) {
        this.file = file;
        this.charset = charset;
        this.bomLength = bomLength;
        this.delimiter = delimiter;
    }

    static CsvSheet open(Path file, String fileName) throws IOException {
        byte[] head = head(file, 4);
        Charset charset;
        int bom = 0;
        if (startsWith(head, 0xEF, 0xBB, 0xBF)) {
            charset = StandardCharsets.UTF_8;
            bom = 3;
        } else if (startsWith(head, 0xFF, 0xFE)) {
            charset = StandardCharsets.UTF_16LE;
            bom = 2;
        } else if (startsWith(head, 0xFE, 0xFF)) {
            charset = StandardCharsets.UTF_16BE;
            bom = 2;
        } else {
            if (hasNulByte(file)) {
                throw new BadUpload("The file is not a text file; upload a CSV or an XLSX file");
            }
            charset = validUtf8(file) ? StandardCharsets.UTF_8 : WINDOWS_1252;
        }
        boolean tabSeparated =
                fileName != null && fileName.toLowerCase(Locale.ROOT).endsWith(".tsv");
        char delimiter = tabSeparated ? '\t' : sniffDelimiter(file, charset, bom);
        return new CsvSheet(file, charset, bom, delimiter);
    }

    char delimiter() {
        return delimiter;
    }

    Charset charset() {
        return charset;
    }

    @Override
    public boolean shortRowsAreMissingFields() {
        return true;
    }

    @Override
    public void read(RowVisitor visitor) throws IOException {
        CSVFormat format = CSVFormat.RFC4180
                .builder()
                .setDelimiter(delimiter)
                // Blank lines come through as rows (and are skipped later), so line numbers stay right.
                .setIgnoreEmptyLines(false)
                .setIgnoreSurroundingSpaces(true)
                .setTrailingData(true)
                .get();
        try (Reader reader = reader();
                CSVParser parser =
                        CSVParser.builder().setReader(reader).setFormat(format).get()) {
            Iterator<CSVRecord> records = parser.iterator();
            long line = 1;
            while (true) {
                CSVRecord record;
                try {
                    if (!records.hasNext()) {
                        break;
                    }
                    record = records.next();
                } catch (UncheckedIOException e) {
                    // In practice a quote opened and never closed, which swallows the rest of the file.
                    throw new BadUpload("The CSV file cannot be read from line " + line
                            + " on: a quoted value there does not end. Check that every opening quote is closed");
                }
                visitor.row(line, record.toList(), null);
                line = parser.getCurrentLineNumber() + 1;
            }
        }
    }

    private Reader reader() throws IOException {
        InputStream in = new BufferedInputStream(Files.newInputStream(file), 64 * 1024);
        in.skipNBytes(bomLength);
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        return new InputStreamReader(in, decoder);
    }

    private static byte[] head(Path file, int length) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(length);
        }
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    /** Text files have no NUL bytes (without a UTF-16 byte order mark, which is checked first). */
    private static boolean hasNulByte(Path file) throws IOException {
        byte[] head = head(file, 8192);
        for (byte b : head) {
            if (b == 0) {
                return true;
            }
        }
        return false;
    }

    private static boolean validUtf8(Path file) throws IOException {
        CharsetDecoder decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer bytes = ByteBuffer.allocate(64 * 1024);
        CharBuffer chars = CharBuffer.allocate(64 * 1024);
        try (InputStream in = Files.newInputStream(file)) {
            boolean end = false;
            while (!end) {
                int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
                end = n < 0;
                if (n > 0) {
                    bytes.position(bytes.position() + n);
                }
                bytes.flip();
                if (decoder.decode(bytes, chars, end).isError()) {
                    return false;
                }
                chars.clear();
                bytes.compact();
            }
            return !decoder.flush(chars).isError();
        }
    }

    /** The candidate that occurs most often outside quotes in the first line; a comma when none does. */
    private static char sniffDelimiter(Path file, Charset charset, int bom) throws IOException {
        char[] buffer = new char[SNIFF_CHARS];
        int length;
        try (InputStream in = Files.newInputStream(file)) {
            in.skipNBytes(bom);
            Reader reader = new InputStreamReader(in, charset);
            length = reader.read(buffer);
        }
        int[] counts = new int[DELIMITERS.length];
        boolean quoted = false;
        for (int i = 0; i < Math.max(0, length); i++) {
            char c = buffer[i];
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && (c == '\n' || c == '\r')) {
                break;
            } else if (!quoted) {
                for (int d = 0; d < DELIMITERS.length; d++) {
                    if (c == DELIMITERS[d]) {
                        counts[d]++;
                    }
                }
            }
        }
        int best = 0;
        for (int d = 1; d < DELIMITERS.length; d++) {
            if (counts[d] > counts[best]) {
                best = d;
            }
        }
        return DELIMITERS[best];
    }
}
