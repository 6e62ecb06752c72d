package com.loyalty.bulk;

import java.io.BufferedInputStream;
import java.io.FilterReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;

/**
 * Reads the rows of an uploaded file one at a time, never the whole file in memory: CSV (UTF-8,
 * with or without a byte-order mark, or GB18030 as Chinese Excel saves it) with commons-csv, XLSX
 * (the first sheet) with POI's streaming SAX reader. Dates in XLSX cells come out as
 * {@code yyyy-MM-dd} (with {@code HH:mm:ss} when they have a time). A file that cannot be read is a
 * {@link BadFile} with a message for the admin.
 */
final class RowReader {

    /** Longest line of a CSV file: past it the file is refused rather than read into memory. */
    static final int MAX_LINE = 64 * 1024;

    /** Gets each row: its number in the file (the header is row 1) and its cells. */
    interface RowSink {
        void row(long rowNo, List<String> cells);
    }

    /** A file the reader cannot read, said in Chinese. */
    static final class BadFile extends RuntimeException {
        BadFile(String message) {
            super(message);
        }

        BadFile(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private RowReader() {
    }

    /** Reads every row (the header too, as row 1) into the sink. */
    static void read(Path file, FileFormat format, RowSink sink) {
        if (format == FileFormat.XLSX) {
            readXlsx(file, sink);
        } else {
            readCsv(file, sink);
        }
    }

    private static void readCsv(Path file, RowSink sink) {
        Charset charset = charsetOf(file);
        CSVFormat csv = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(true).setTrim(true).get();
        try (Reader reader = new LineLimit(new InputStreamReader(
                new BufferedInputStream(Files.newInputStream(file)), charset));
             CSVParser parser = CSVParser.parse(reader, csv)) {
            long rowNo = 0;
            for (CSVRecord record : parser) {
                rowNo++;
                List<String> cells = new ArrayList<>(record.size());
                record.forEach(cells::add);
                if (rowNo == 1 && !cells.isEmpty()) {
                    cells.set(0, cells.get(0).replace("\uFEFF", "").strip());
                }
                sink.row(rowNo, cells);
            }
        } catch (java.io.UncheckedIOException e) {
            throw bad(e.getCause());
        } catch (IOException e) {
            throw bad(e);
        }
    }

    private static BadFile bad(Throwable e) {
        return e instanceof LineTooLong ? new BadFile(e.getMessage())
                : new BadFile("文件无法按 CSV 读取，请检查格式（" + e.getClass().getSimpleName() + "）", e);
    }

    /** UTF-8 when the first 64 KB decode as UTF-8; GB18030 (a superset of GBK) otherwise. */
    private static Charset charsetOf(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(64 * 1024);
            int end = head.length;
            // do not judge by a character the sample cut in two
            while (end > 0 && end > head.length - 4 && (head[end - 1] & 0xC0) == 0x80) {
                end--;
            }
            if (end > 0 && (head[end - 1] & 0x80) != 0) {
                end--;
            }
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(head, 0, Math.max(0, end)));
            return StandardCharsets.UTF_8;
        } catch (CharacterCodingException e) {
            return Charset.forName("GB18030");
        } catch (IOException e) {
            throw bad(e);
        }
    }

    private static void readXlsx(Path file, RowSink sink) {
        try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
            XSSFReader reader = new XSSFReader(pkg);
            ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg);
            var sheets = reader.getSheetsData();
            if (!sheets.hasNext()) {
                throw new BadFile("XLSX 文件里没有工作表");
            }
            try (InputStream sheet = sheets.next()) {
                XMLReader parser = XMLHelper.newXMLReader();
                parser.setContentHandler(new XSSFSheetXMLHandler(reader.getStylesTable(), null, strings,
                        new Rows(sink), new IsoDates(), false));
                parser.parse(new InputSource(sheet));
            }
        } catch (BadFile e) {
            throw e;
        } catch (RuntimeException e) {
            if (e.getCause() instanceof BadFile bad) {
                throw bad;
            }
            throw new BadFile("文件不是有效的 XLSX，请用 Excel 另存为 .xlsx 或 CSV 后重新上传", e);
        } catch (Exception e) {
            throw new BadFile("文件不是有效的 XLSX，请用 Excel 另存为 .xlsx 或 CSV 后重新上传", e);
        }
    }

    /** Collects a sheet's cells into rows (empty cells as ""; wholly empty rows skipped). */
    private static final class Rows implements XSSFSheetXMLHandler.SheetContentsHandler {
        private final RowSink sink;
        private final List<String> cells = new ArrayList<>();

        Rows(RowSink sink) {
            this.sink = sink;
        }

        @Override
        public void startRow(int rowNum) {
            cells.clear();
        }

        @Override
        public void endRow(int rowNum) {
            if (cells.stream().anyMatch(c -> !c.isBlank())) {
                if (rowNum == 0 && !cells.isEmpty()) {
                    cells.set(0, cells.get(0).replace("\uFEFF", "").strip());
                }
                sink.row(rowNum + 1L, List.copyOf(cells));
            }
        }

        @Override
        public void cell(String reference, String value, XSSFComment comment) {
            int column = column(reference, cells.size());
            while (cells.size() < column) {
                cells.add("");
            }
            cells.add(value == null ? "" : value.strip());
        }

        private static int column(String reference, int next) {
            if (reference == null) {
                return next;
            }
            int column = 0;
            for (char c : reference.toCharArray()) {
                if (c < 'A' || c > 'Z') {
                    break;
                }
                column = column * 26 + (c - 'A' + 1);
            }
            return column - 1;
        }
    }

    /** Dates as ISO text whatever the cell's display format (m/d/yy, yyyy年m月d日...); numbers as Excel shows them. */
    private static final class IsoDates extends DataFormatter {
        private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd");
        private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

        @Override
        public String formatRawCellContents(double value, int formatIndex, String formatString, boolean use1904Windowing) {
            if (DateUtil.isADateFormat(formatIndex, formatString) && DateUtil.isValidExcelDate(value)) {
                LocalDateTime at = DateUtil.getLocalDateTime(value, use1904Windowing, true);
                return at.toLocalTime().equals(java.time.LocalTime.MIDNIGHT) ? at.format(DATE) : at.format(DATE_TIME);
            }
            if (value == Math.rint(value) && Math.abs(value) < 1e15) {
                return Long.toString((long) value);
            }
            return super.formatRawCellContents(value, formatIndex, formatString, use1904Windowing);
        }
    }

    /** A CSV line past {@link #MAX_LINE} characters. */
    private static final class LineTooLong extends IOException {
        LineTooLong(long line) {
            super("第 " + line + " 行超过 " + MAX_LINE / 1024 + "K 个字符，文件可能不是会员表格");
        }
    }

    /** Fails a read past MAX_LINE characters without a line break (binary garbage, one huge line). */
    private static final class LineLimit extends FilterReader {
        private int sinceBreak;
        private long line = 1;

        LineLimit(Reader in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int c = super.read();
            if (c >= 0) {
                count((char) c);
            }
            return c;
        }

        @Override
        public int read(char[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            for (int i = 0; i < n; i++) {
                count(buffer[offset + i]);
            }
            return n;
        }

        private void count(char c) throws LineTooLong {
            if (c == '\n') {
                sinceBreak = 0;
                line++;
            } else if (++sinceBreak > MAX_LINE) {
                throw new LineTooLong(line);
            }
        }
    }
}
