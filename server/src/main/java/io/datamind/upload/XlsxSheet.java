package io.datamind.upload;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.poi.ooxml.POIXMLException;
import org.apache.poi.openxml4j.exceptions.NotOfficeXmlFileException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JRuntimeException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.ss.util.NumberToTextConverter;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.model.SharedStrings;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.apache.poi.xssf.usermodel.XSSFRelation;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

/**
 * The first sheet of an XLSX workbook, streamed: the sheet's XML is read with SAX, row by row, so memory holds one
 * row (and the workbook's shared strings) at a time. What a cell holds is read as the value, not as Excel displays
 * it: numbers in full, dates as ISO dates, formulas as their last computed result. The XML a workbook unpacks to is
 * capped, so a small compressed file cannot expand without bound.
 */
final class XlsxSheet implements Sheet {

    private static final Set<String> ERRORS =
            Set.of("#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A", "#SPILL!", "#CALC!");
    private static final String ERROR_PREFIX = "ERROR:";

    private final Path file;
    private final long maxExpandedBytes;

    private XlsxSheet(Path file, long maxExpandedBytes) {
        this.file = file;
        this.maxExpandedBytes = maxExpandedBytes;
    }

    /** @param maxExpandedBytes how much XML (shared strings and the sheet together) one read may unpack */
    static XlsxSheet open(Path file, long maxExpandedBytes) {
        return new XlsxSheet(file, maxExpandedBytes);
    }

    @Override
    public boolean shortRowsAreMissingFields() {
        return false;
    }

    @Override
    public void read(RowVisitor visitor) throws IOException {
        Budget budget = new Budget(maxExpandedBytes);
        try (OPCPackage workbook = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
            XSSFReader reader = new XSSFReader(workbook);
            SharedStrings strings = sharedStrings(workbook, budget);
            StylesTable styles = reader.getStylesTable();
            XSSFReader.SheetIterator sheets = reader.getSheetIterator();
            if (!sheets.hasNext()) {
                throw new BadUpload("The workbook has no sheet");
            }
            try (InputStream sheet = new Limited(sheets.next(), budget)) {
                XMLReader parser = XMLHelper.newXMLReader();
                parser.setContentHandler(
                        new XSSFSheetXMLHandler(styles, strings, new Rows(visitor), new ValueFormatter(), false));
                parser.parse(new InputSource(sheet));
            }
        } catch (NotOfficeXmlFileException | OpenXML4JRuntimeException | POIXMLException e) {
            throw new BadUpload("The file is not a readable XLSX workbook");
        } catch (OpenXML4JException | SAXException e) {
            if (e.getCause() instanceof BadUpload bad) {
                throw bad;
            }
            throw new BadUpload("The file is not a readable XLSX workbook: its sheet data is damaged");
        } catch (IOException e) {
            if (e.getCause() instanceof BadUpload bad) {
                throw bad;
            }
            throw new BadUpload("The file is not a readable XLSX workbook");
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("No XML parser", e);
        }
    }

    private static SharedStrings sharedStrings(OPCPackage workbook, Budget budget) throws IOException, SAXException {
        List<PackagePart> parts = workbook.getPartsByContentType(XSSFRelation.SHARED_STRINGS.getContentType());
        if (parts.isEmpty()) {
            return new ReadOnlySharedStringsTable(workbook, false);
        }
        try (InputStream in = new Limited(parts.get(0).getInputStream(), budget)) {
            return new ReadOnlySharedStringsTable(in, false);
        }
    }

    /** Bytes of XML one read may still unpack. */
    private static final class Budget {
        private final long max;
        private long used;

        Budget(long max) {
            this.max = max;
        }

        void use(long n) {
            used += n;
            if (used > max) {
                throw new BadUpload("The workbook unpacks to more than " + (max / (1024 * 1024))
                        + " MB of data; save its sheet as CSV and upload that instead");
            }
        }
    }

    private static final class Limited extends FilterInputStream {
        private final Budget budget;

        Limited(InputStream in, Budget budget) {
            super(in);
            this.budget = budget;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                budget.use(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                budget.use(n);
            }
            return n;
        }
    }

    /** Collects each row's cells by column (missing cells stay null) and hands the row on. */
    private static final class Rows implements XSSFSheetXMLHandler.SheetContentsHandler {
        private final RowVisitor visitor;
        private List<String> cells = new ArrayList<>();
        private String problem;
        private int next;

        Rows(RowVisitor visitor) {
            this.visitor = visitor;
        }

        @Override
        public void startRow(int rowNum) {
            cells = new ArrayList<>();
            problem = null;
            next = 0;
        }

        @Override
        public void endRow(int rowNum) {
            visitor.row(rowNum + 1L, cells, problem);
        }

        @Override
        public void cell(String reference, String value, XSSFComment comment) {
            int column = reference == null ? next : new CellReference(reference).getCol();
            next = column + 1;
            while (cells.size() < column) {
                cells.add(null);
            }
            if (value != null && value.startsWith(ERROR_PREFIX) && ERRORS.contains(value.substring(6))) {
                if (problem == null) {
                    String cell = reference == null ? "column " + (column + 1) : "cell " + reference;
                    problem = cell + " holds the spreadsheet error " + value.substring(ERROR_PREFIX.length());
                }
                cells.add(null);
            } else {
                cells.add(value);
            }
        }
    }

    /** Numbers as their full value, date-formatted numbers as ISO dates, times or timestamps. */
    private static final class ValueFormatter extends DataFormatter {

        @Override
        public String formatRawCellContents(
                double value, int formatIndex, String formatString, boolean use1904Windowing) {
            if (DateUtil.isADateFormat(formatIndex, formatString) && DateUtil.isValidExcelDate(value)) {
                LocalDateTime time = DateUtil.getLocalDateTime(value, use1904Windowing, true);
                if (value < 1) {
                    return time.toLocalTime().toString();
                }
                if (time.toLocalTime().equals(LocalTime.MIDNIGHT)) {
                    return time.toLocalDate().toString();
                }
                return time.toLocalDate() + " " + time.toLocalTime();
            }
            return NumberToTextConverter.toText(value);
        }
    }
}
